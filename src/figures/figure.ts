/**
 * A figure ready to draw: its key poses, its timeline, a view box that holds every frame, and the shapes
 * of any moment of the loop or of any key pose.
 */
import { bounds, placeBody, type Shape, shapesFor, usesBreath, type View } from './scene.js';
import type { Joints } from './skeleton.js';
import type { FigureSpec, Pose, Prop } from './spec.js';
import { blendPoses, ease, phaseAt, type Timeline, timeline } from './timeline.js';

export type Figure = {
  spec: FigureSpec;
  view: View;
  props: Prop[];
  /** The key poses' names in order. */
  names: string[];
  timeline: Timeline;
  /** [x, y, width, height] in SVG units (y down), the same for every frame. */
  viewBox: [number, number, number, number];
  /** The x range under the figure (the mat's length). */
  span: [number, number];
  breath: boolean;
};

/** The figure of `spec` for an item held for `holdS` seconds (the exercise's dose), if it holds. */
export function buildFigure(spec: FigureSpec, holdS?: { min: number; max: number }): Figure {
  const view = spec.view ?? 'side';
  const props = spec.props ?? [];
  const names = Object.keys(spec.poses);
  const tl = timeline(spec, holdS);
  const partial = { spec, view, props, names, timeline: tl, breath: usesBreath(spec) };
  // Sample the loop so the view box holds the in-between frames as well as the key poses.
  const samples: Joints[] = [];
  for (let t = 0; t < tl.durationMs; t += 100) samples.push(jointsAt({ ...partial }, t));
  for (const n of names) samples.push(keyJoints(partial, n));
  let span: [number, number] = [Infinity, -Infinity];
  for (const j of samples) {
    const [x0, , x1] = bounds(shapesFor(j, view, [], [0, 0], false));
    span = [Math.min(span[0], x0), Math.max(span[1], x1)];
  }
  let box: [number, number, number, number] = [span[0], 0, span[1], 0];
  for (const j of samples) {
    const [x0, y0, x1, y1] = bounds(shapesFor(j, view, props, span, partial.breath));
    box = [Math.min(box[0], x0), Math.min(box[1], y0), Math.max(box[2], x1), Math.max(box[3], y1)];
  }
  const pad = 4;
  const viewBox: Figure['viewBox'] = [
    round(box[0] - pad),
    round(-box[3] - pad),
    round(box[2] - box[0] + 2 * pad),
    round(box[3] - Math.min(box[1], 0) + 2 * pad),
  ];
  return { ...partial, span, viewBox };
}

const round = (v: number) => Math.round(v * 10) / 10;

type Base = Pick<Figure, 'spec' | 'view' | 'props' | 'timeline'>;

function keyPose(f: Pick<Figure, 'spec'>, name: string): Pose {
  const pose = f.spec.poses[name];
  if (!pose) throw new Error(`the figure has no key pose called "${name}"`);
  return pose;
}

/** The joints of a key pose, placed in the scene. */
export function keyJoints(f: Base, name: string): Joints {
  return placeBody(keyPose(f, name), f.view, f.props, f.spec.planted);
}

/** The pose `tMs` into the loop. */
export function poseAt(f: Base, tMs: number): Pose {
  const { phase, k } = phaseAt(f.timeline, tMs);
  const a = keyPose(f, phase.from);
  if (phase.kind === 'hold') return a;
  const resolveY = (p: Pose) => placeBody(p, f.view, f.props, f.spec.planted).hip[1];
  return blendPoses(a, keyPose(f, phase.to), ease(k), resolveY);
}

/** The joints `tMs` into the loop, placed in the scene. */
export function jointsAt(f: Base, tMs: number): Joints {
  return placeBody(poseAt(f, tMs), f.view, f.props, f.spec.planted);
}

/** The shapes that draw the figure `tMs` into its loop. */
export function shapesAt(f: Figure, tMs: number): Shape[] {
  return shapesFor(jointsAt(f, tMs), f.view, f.props, f.span, f.breath);
}

/** The shapes of one key pose. */
export function keyShapes(f: Figure, name: string): Shape[] {
  return shapesFor(keyJoints(f, name), f.view, f.props, f.span, f.breath);
}

/** "start" → "Start", "top of the circle" → "Top of the circle". */
export const poseLabel = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

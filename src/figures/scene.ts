/**
 * A figure's scene: the body's joints placed on the floor, the props around it, and the list of shapes that
 * draw one pose. The list has the same keys and kinds for every pose of a figure, so an animation only
 * moves shapes (see `web/src/components/exercise-figure.tsx`) and a static picture prints them.
 */
import { BODY, dir, type Joints, lowestY, type Side, solvePose, THICKNESS, translate } from './skeleton.js';
import type { FigureSpec, Point, Pose, Prop } from './spec.js';

export type View = 'side' | 'front' | 'back';

/** Drawing roles, mapped to CSS classes `fig-<role>` and default colours. */
export type Role = 'body' | 'far' | 'gap' | 'face' | 'prop' | 'prop-line' | 'band' | 'floor' | 'held';

/** One drawable shape in scene units with y up (the SVG writer flips it). */
export type Shape =
  | { key: string; role: Role; kind: 'line'; a: Point; b: Point; width: number }
  | { key: string; role: Role; kind: 'circle'; c: Point; r: number }
  | { key: string; role: Role; kind: 'poly'; points: Point[]; width: number }
  | { key: string; role: Role; kind: 'rect'; x: number; y: number; w: number; h: number };

/** Radius of the things held in the hands, for floor contact: a dumbbell, a bar with plates. */
const DUMBBELL_R = 3.4;
const PLATE_R = 8;
const ROLLER_R = 7;
const SEAT = 25;

const held = (props: Prop[]): number =>
  props.some((p) => p.kind === 'bar' && p.plates)
    ? PLATE_R
    : props.some((p) => p.kind === 'dumbbells')
      ? DUMBBELL_R
      : 0;

export type Planted = 'feet' | 'hips' | 'hands' | 'knees';

/** The x of the body part that stays put: the heels, the hips, the hands or the knees (their middle). */
function plantedX(j: Joints, planted: Planted): number {
  const pair = (a: Point, b: Point) => (a[0] + b[0]) / 2;
  if (planted === 'hips') return j.hip[0];
  if (planted === 'hands') return pair(j.arms.near.end, j.arms.far.end);
  if (planted === 'knees') return pair(j.legs.near.mid, j.legs.far.mid);
  return pair(j.legs.near.heel, j.legs.far.heel);
}

/**
 * The pose's joints in the scene: hips at `at`, or resting on the floor (held weights included) with the
 * planted part at x = 0.
 */
export function placeBody(pose: Pose, view: View, props: Prop[] = [], planted: Planted = 'feet'): Joints {
  const j = solvePose(pose, view);
  const r = held(props);
  const hands = Math.min(j.arms.near.end[1], j.arms.far.end[1]) - r;
  const low = r ? Math.min(lowestY(j), hands) : lowestY(j);
  return translate(j, [pose.at?.x ?? -plantedX(j, planted), pose.at?.y ?? -low]);
}

const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
const along = (a: Point, b: Point, k: number): Point => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
const off = (p: Point, v: Point, k: number): Point => [p[0] + v[0] * k, p[1] + v[1] * k];

function limbShapes(
  j: Joints,
  side: Side,
  role: Role,
  gap: boolean,
  parts: 'all' | 'legs' | 'arms' = 'all',
): Shape[] {
  const a = j.arms[side];
  const l = j.legs[side];
  const legs: [string, Point, Point, number][] = [
    ['thigh', l.root, l.mid, THICKNESS.thigh],
    ['shank', l.mid, l.end, THICKNESS.shank],
    ['foot', l.heel, l.toe, THICKNESS.foot],
  ];
  const arms: [string, Point, Point, number][] = [
    ['upper-arm', a.root, a.mid, THICKNESS.upperArm],
    ['forearm', a.mid, a.end, THICKNESS.forearm],
  ];
  const segs = parts === 'legs' ? legs : parts === 'arms' ? arms : [...legs, ...arms];
  const out: Shape[] = [];
  for (const [name, p, q, w] of segs) {
    // A thin outline in the background colour keeps a near limb readable where it crosses the trunk.
    if (gap) out.push({ key: `${side}-${name}-gap`, role: 'gap', kind: 'line', a: p, b: q, width: w + 2.4 });
    out.push({ key: `${side}-${name}`, role, kind: 'line', a: p, b: q, width: w });
  }
  return out;
}

function trunkShapes(j: Joints, view: View): Shape[] {
  if (view === 'side')
    return [
      { key: 'pelvis', role: 'body', kind: 'line', a: j.hip, b: j.waist, width: THICKNESS.pelvis },
      { key: 'chest', role: 'body', kind: 'line', a: j.waist, b: j.neckBase, width: THICKNESS.chest },
    ];
  const up: Point = [j.neckBase[0] - j.waist[0], j.neckBase[1] - j.waist[1]];
  const len = Math.hypot(up[0], up[1]) || 1;
  const across: Point = [up[1] / len, -up[0] / len];
  const waistNear = off(j.waist, across, -7);
  const waistFar = off(j.waist, across, 7);
  const sNear = j.arms.near.root;
  const sFar = j.arms.far.root;
  return [
    {
      key: 'pelvis',
      role: 'body',
      kind: 'poly',
      points: [waistNear, waistFar, j.hips.far, j.hips.near],
      width: 5,
    },
    { key: 'chest', role: 'body', kind: 'poly', points: [sNear, sFar, waistFar, waistNear], width: 5 },
  ];
}

function breathShapes(j: Joints): Shape[] {
  // The belly and the front of the ribs as bulges that grow on the breath in.
  const belly = off(along(j.hip, j.waist, 0.7), j.pelvisFront, THICKNESS.pelvis / 2 - 1);
  const ribs = off(along(j.waist, j.neckBase, 0.55), j.chestFront, THICKNESS.chest / 2 - 1);
  return [
    { key: 'belly', role: 'body', kind: 'circle', c: belly, r: 1.5 + 3 * j.belly },
    { key: 'ribs', role: 'body', kind: 'circle', c: ribs, r: 1.5 + 3 * j.chest },
  ];
}

function headShapes(j: Joints, view: View): Shape[] {
  const out: Shape[] = [
    { key: 'neck', role: 'body', kind: 'line', a: j.neckBase, b: j.head, width: THICKNESS.neck },
    { key: 'head', role: 'body', kind: 'circle', c: j.head, r: BODY.headR },
  ];
  if (view === 'side')
    out.push({ key: 'nose', role: 'body', kind: 'circle', c: off(j.head, j.face, BODY.headR - 0.2), r: 1.7 });
  if (view === 'front')
    for (const [k, s] of [
      ['eye-near', -1],
      ['eye-far', 1],
    ] as const)
      out.push({
        key: k,
        role: 'face',
        kind: 'circle',
        c: [j.head[0] + s * 2.2 * Math.cos(j.faceTurn) + j.faceTurn * 3.5, j.head[1] + 1],
        r: 0.9,
      });
  return out;
}

/** The props that do not move: drawn first, behind the figure. */
function fixedPropShapes(props: Prop[], span: [number, number]): Shape[] {
  const out: Shape[] = [];
  props.forEach((p, i) => {
    const k = `prop-${i}`;
    switch (p.kind) {
      case 'mat':
        out.push({
          key: k,
          role: 'prop',
          kind: 'rect',
          x: span[0] - 3,
          y: -0.2,
          w: span[1] - span[0] + 6,
          h: 1.8,
        });
        break;
      case 'wall': {
        const w = 5;
        out.push({ key: k, role: 'prop', kind: 'rect', x: p.x < 0 ? p.x - w : p.x, y: 0, w, h: 104 });
        break;
      }
      case 'mirror':
        out.push({
          key: k,
          role: 'prop-line',
          kind: 'poly',
          points: [
            [p.x, 8],
            [p.x + p.width, 8],
            [p.x + p.width, 102],
            [p.x, 102],
          ],
          width: 1.5,
        });
        break;
      case 'doorway':
        out.push({ key: k, role: 'prop', kind: 'rect', x: p.x - 2.5, y: 0, w: 5, h: 104 });
        break;
      case 'step':
        out.push({ key: k, role: 'prop', kind: 'rect', x: p.x, y: 0, w: p.width, h: p.height });
        break;
      case 'roller':
        out.push({ key: k, role: 'prop', kind: 'circle', c: p.at, r: ROLLER_R });
        break;
      case 'chair': {
        const h = p.height ?? SEAT;
        const x = p.x;
        out.push(
          { key: `${k}-seat`, role: 'prop-line', kind: 'line', a: [x, h], b: [x + 20, h], width: 2.5 },
          { key: `${k}-front`, role: 'prop-line', kind: 'line', a: [x + 18, h], b: [x + 18, 0], width: 2 },
          { key: `${k}-rear`, role: 'prop-line', kind: 'line', a: [x + 2, h], b: [x + 2, 0], width: 2 },
        );
        if (p.back !== false)
          out.push({
            key: `${k}-back`,
            role: 'prop-line',
            kind: 'line',
            a: [x, h],
            b: [x - 2, h + 26],
            width: 2.5,
          });
        break;
      }
      default:
        break;
    }
  });
  return out;
}

/** The props the hands or feet move: bands, cables, weights. `side` limits them to one hand's. */
function heldPropShapes(props: Prop[], j: Joints, side: Side | 'both'): Shape[] {
  const out: Shape[] = [];
  const hands = (s: Side) => j.arms[s].end;
  const sides: Side[] = side === 'both' ? ['near', 'far'] : [side];
  props.forEach((p, i) => {
    const k = `prop-${i}`;
    if (p.kind === 'band' && p.anchor) {
      for (const s of sides) {
        const to = p.to === 'hands' ? hands(s) : j.legs[s].toe;
        out.push({ key: `${k}-${s}`, role: 'band', kind: 'line', a: p.anchor, b: to, width: 1.6 });
      }
    } else if (p.kind === 'band' && side === 'both') {
      const [a, b] = p.to === 'hands' ? [hands('near'), hands('far')] : [j.legs.near.toe, j.legs.far.toe];
      out.push({ key: k, role: 'band', kind: 'line', a, b, width: 1.8 });
    } else if (p.kind === 'cable' && side === 'both') {
      const h = mid(hands('near'), hands('far'));
      out.push(
        { key: `${k}-line`, role: 'band', kind: 'line', a: p.anchor, b: h, width: 1.2 },
        { key: `${k}-handle`, role: 'held', kind: 'circle', c: h, r: 2.2 },
      );
    } else if (p.kind === 'dumbbells') {
      for (const s of sides)
        out.push({ key: `${k}-${s}`, role: 'held', kind: 'circle', c: hands(s), r: DUMBBELL_R });
    } else if (p.kind === 'bar' && side === 'both') {
      out.push({
        key: k,
        role: 'held',
        kind: 'circle',
        c: mid(hands('near'), hands('far')),
        r: p.plates ? PLATE_R : 2.2,
      });
    }
  });
  return out;
}

/**
 * The shapes of one pose, back to front: fixed props, the far limbs and what they hold, the trunk, breath
 * and head, then the near limbs and what they hold. `span` is the x range the mat covers.
 */
export function shapesFor(
  j: Joints,
  view: View,
  props: Prop[],
  span: [number, number],
  breath: boolean,
): Shape[] {
  if (view !== 'side')
    // Face on, both sides are in full view: legs, trunk and head, then both arms in front of the trunk.
    return [
      ...fixedPropShapes(props, span),
      ...limbShapes(j, 'far', 'body', true, 'legs'),
      ...limbShapes(j, 'near', 'body', true, 'legs'),
      ...trunkShapes(j, view),
      ...headShapes(j, view),
      ...limbShapes(j, 'far', 'body', true, 'arms'),
      ...limbShapes(j, 'near', 'body', true, 'arms'),
      ...heldPropShapes(props, j, 'both'),
    ];
  return [
    ...fixedPropShapes(props, span),
    ...limbShapes(j, 'far', 'far', false),
    ...heldPropShapes(props, j, 'far'),
    ...trunkShapes(j, view),
    ...(breath ? breathShapes(j) : []),
    ...headShapes(j, view),
    ...limbShapes(j, 'near', 'body', true),
    ...heldPropShapes(props, j, 'near'),
    ...heldPropShapes(props, j, 'both').filter((s) => !/-(near|far)$/.test(s.key)),
  ];
}

/** The extent of a list of shapes: [minX, minY, maxX, maxY] in scene units. */
export function bounds(shapes: Shape[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (p: Point, r: number) => {
    x0 = Math.min(x0, p[0] - r);
    y0 = Math.min(y0, p[1] - r);
    x1 = Math.max(x1, p[0] + r);
    y1 = Math.max(y1, p[1] + r);
  };
  for (const s of shapes) {
    if (s.kind === 'line') {
      grow(s.a, s.width / 2);
      grow(s.b, s.width / 2);
    } else if (s.kind === 'circle') grow(s.c, s.r);
    else if (s.kind === 'poly') for (const p of s.points) grow(p, s.width / 2);
    else {
      grow([s.x, s.y], 0);
      grow([s.x + s.w, s.y + s.h], 0);
    }
  }
  return [x0, y0, x1, y1];
}

/** Whether any pose of the figure uses the breath bulges. */
export const usesBreath = (spec: FigureSpec): boolean =>
  Object.values(spec.poses).some((p) => p.belly !== undefined || p.chest !== undefined);

export { dir };

/**
 * Which way the camera saw the runner, from keypoint geometry alone. Side on, the shoulders overlap, so
 * their width is small against the torso's length; from behind or in front they are wide apart. Behind
 * and in front differ in whether the face is seen and in the left/right order of the shoulders (a runner
 * seen from behind has their left shoulder on the image's left).
 */
import { get, hipCentre, shoulderCentre, torsoLength } from './geometry.js';
import { median } from './signal.js';
import type { Pose, View } from './types.js';

/** Shoulder width below this share of torso length reads as side on (Backstride heuristic: about 0.8 face on). */
const SIDE_MAX_WIDTH_RATIO = 0.45;

export interface ViewGuess {
  view: View;
  /** 0–1, how clear the geometry was. */
  certainty: number;
  /** Side view only: +1 when the runner faces the image's right, -1 left. */
  facing: 1 | -1;
}

/** The side-view facing: nose ahead of the shoulders, toes ahead of heels, else the direction of travel. */
export function facingOf(poses: readonly (Pose | null)[]): 1 | -1 {
  const votes: number[] = [];
  for (const p of poses) {
    if (!p) continue;
    const nose = get(p, 'nose');
    const s = shoulderCentre(p);
    if (nose && s) votes.push(Math.sign(nose.x - s.x));
    for (const side of ['left', 'right'] as const) {
      const toe = get(p, `${side}BigToe`);
      const heel = get(p, `${side}Heel`);
      if (toe && heel) votes.push(Math.sign(toe.x - heel.x));
    }
  }
  if (votes.length > 0) return votes.reduce((a, b) => a + b, 0) >= 0 ? 1 : -1;
  const xs = poses.map((p) => (p ? hipCentre(p)?.x : undefined)).filter((x): x is number => x !== undefined);
  return (xs.at(-1) ?? 0) >= (xs[0] ?? 0) ? 1 : -1;
}

/**
 * Guesses the view from the runner's poses.
 *
 * @example
 * detectView(runner.poses); // { view: 'side', certainty: 0.9, facing: -1 }
 */
export function detectView(poses: readonly (Pose | null)[]): ViewGuess {
  const ratios: number[] = [];
  let face = 0;
  let faceFrames = 0;
  let order = 0;
  for (const p of poses) {
    if (!p) continue;
    const l = get(p, 'leftShoulder');
    const r = get(p, 'rightShoulder');
    const torso = torsoLength(p);
    if (l && r && torso) {
      ratios.push(Math.abs(l.x - r.x) / torso);
      order += l.x > r.x ? 1 : -1; // left shoulder on the image's right: seen from the front
    }
    faceFrames++;
    const faceSeen = ['nose', 'leftEye', 'rightEye'].filter((n) => get(p, n as 'nose', 0.5)).length >= 2;
    face += faceSeen ? 1 : -1;
  }
  const ratio = median(ratios);
  const facing = facingOf(poses);
  if (!Number.isFinite(ratio) || ratio < SIDE_MAX_WIDTH_RATIO) {
    const certainty = Number.isFinite(ratio) ? Math.min(1, (SIDE_MAX_WIDTH_RATIO - ratio) / 0.2 + 0.3) : 0.3;
    return { view: 'side', certainty, facing };
  }
  const orderVote = ratios.length > 0 ? order / ratios.length : 0;
  const faceVote = faceFrames > 0 ? face / faceFrames : 0;
  const vote = orderVote + faceVote;
  return {
    view: vote > 0 ? 'front' : 'back',
    certainty: Math.min(1, Math.abs(vote) / 2 + Math.min(0.5, (ratio - SIDE_MAX_WIDTH_RATIO) / 0.4)),
    facing,
  };
}

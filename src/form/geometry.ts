/**
 * Body geometry from one pose: the shoulder and hip centres, torso length, angles. Each helper returns
 * undefined when the points it needs are missing, so callers skip the frame instead of guessing.
 */
import type { Keypoint, KeypointName, Pose } from './types.js';

export interface Point {
  x: number;
  y: number;
}

/** Points scored below this are too unsure to measure with. */
export const MEASURE_CONFIDENCE = 0.3;

export function get(
  pose: Pose | null | undefined,
  name: KeypointName,
  floor = MEASURE_CONFIDENCE,
): Keypoint | undefined {
  const kp = pose?.[name];
  return kp && kp.confidence >= floor ? kp : undefined;
}

export const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The centre of a left/right pair, or the one side that was seen when `allowOne`. */
export function pairCentre(
  pose: Pose,
  left: KeypointName,
  right: KeypointName,
  allowOne = true,
): Point | undefined {
  const l = get(pose, left);
  const r = get(pose, right);
  if (l && r) return mid(l, r);
  if (!allowOne) return undefined;
  return l ?? r;
}

/** The shoulder centre: the model's neck point when it has one (it sits between the shoulders), else the shoulders. */
export function shoulderCentre(pose: Pose): Point | undefined {
  return get(pose, 'neck') ?? pairCentre(pose, 'leftShoulder', 'rightShoulder');
}

export function hipCentre(pose: Pose): Point | undefined {
  return get(pose, 'midHip') ?? pairCentre(pose, 'leftHip', 'rightHip');
}

export function torsoLength(pose: Pose): number | undefined {
  const s = shoulderCentre(pose);
  const h = hipCentre(pose);
  return s && h ? dist(s, h) : undefined;
}

/**
 * The head point used for head and shoulder measures, best first: an ear (level with the skull's centre),
 * the top of the head, then the nose. Returns which one, since each sits differently above the shoulders.
 */
export function headPoint(pose: Pose): { point: Point; landmark: 'ear' | 'headTop' | 'nose' } | undefined {
  const ear = pairCentre(pose, 'leftEar', 'rightEar');
  if (ear) return { point: ear, landmark: 'ear' };
  const top = get(pose, 'headTop');
  if (top) return { point: top, landmark: 'headTop' };
  const nose = get(pose, 'nose');
  return nose ? { point: nose, landmark: 'nose' } : undefined;
}

/** Angle from vertical (degrees) of the line from `low` up to `high`; positive when `high` is towards `facing`. */
export function leanFromVertical(low: Point, high: Point, facing: 1 | -1): number {
  return (Math.atan2(facing * (high.x - low.x), low.y - high.y) * 180) / Math.PI;
}

/** Interior angle at `b` (degrees) between `a` and `c`. */
export function angleAt(a: Point, b: Point, c: Point): number {
  const v1 = { x: a.x - b.x, y: a.y - b.y };
  const v2 = { x: c.x - b.x, y: c.y - b.y };
  const cos = (v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y));
  return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}

/** Height of the visible body (head or shoulders to the lowest foot point), in pixels, with its box. */
export function bodyBox(
  pose: Pose,
  floor = 0.1,
): { minX: number; maxX: number; minY: number; maxY: number } | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let n = 0;
  for (const kp of Object.values(pose)) {
    if (!kp || kp.confidence < floor) continue;
    minX = Math.min(minX, kp.x);
    maxX = Math.max(maxX, kp.x);
    minY = Math.min(minY, kp.y);
    maxY = Math.max(maxY, kp.y);
    n++;
  }
  return n >= 2 ? { minX, maxX, minY, maxY } : undefined;
}

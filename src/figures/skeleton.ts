/**
 * The skeleton and its forward kinematics: segment lengths in body proportions (a standing figure is about
 * 96 units tall, hips at about half height), and the 2-D joint positions a pose puts them at.
 */
import type { ArmAngles, LegAngles, Point, Pose } from './spec.js';

/** Segment lengths and drawing thicknesses, in figure units. */
export const BODY = {
  pelvis: 12,
  chest: 18,
  /** Shoulders sit this far below the base of the neck, along the chest. */
  shoulderDrop: 2,
  neck: 9,
  headR: 6,
  upperArm: 17,
  forearm: 17,
  thigh: 24,
  shank: 23,
  /** Ankle above the sole, heel behind the ankle, heel to toe. */
  ankleHeight: 3.5,
  heel: 2.5,
  foot: 10,
  /** Half the width across the shoulders and across the hips, front and back views. */
  shoulderHalf: 10,
  hipHalf: 5.5,
} as const;

/** Line thickness of each segment (a capsule: a line with round ends). */
export const THICKNESS = {
  pelvis: 9,
  chest: 10,
  neck: 4,
  upperArm: 4.5,
  forearm: 3.8,
  thigh: 6.5,
  shank: 5,
  foot: 3,
} as const;
export type SegmentName = keyof typeof THICKNESS;

export type Side = 'near' | 'far';
export type Limb = { root: Point; mid: Point; end: Point };
export type Leg = Limb & { heel: Point; toe: Point };

/** The joint positions of one pose. */
export type Joints = {
  hip: Point;
  /** Hip joints of each leg (the same point in the side view). */
  hips: Record<Side, Point>;
  waist: Point;
  neckBase: Point;
  head: Point;
  /** Where the face points: a unit vector in the picture, or [0, 0] when seen face on. */
  face: Point;
  /** How far round the face is turned, -1 (to the viewer's left) to 1, front and back views. */
  faceTurn: number;
  arms: Record<Side, Limb>;
  legs: Record<Side, Leg>;
  /** The trunk's forward direction (a unit vector toward the chest's front), for breath and contact. */
  chestFront: Point;
  pelvisFront: Point;
  belly: number;
  chest: number;
};

const RAD = Math.PI / 180;
/** A unit vector `deg` clockwise from straight up (0 = up, 90 = forward/right, 180 = down). */
export const dir = (deg: number): Point => [Math.sin(deg * RAD), Math.cos(deg * RAD)];
const add = (p: Point, v: Point, k = 1): Point => [p[0] + v[0] * k, p[1] + v[1] * k];

function arm(pose: Pose, side: Side): Required<ArmAngles> {
  const a = { ...pose.arms, ...(side === 'near' ? pose.nearArm : pose.farArm) };
  return { shoulder: a.shoulder ?? 0, elbow: a.elbow ?? 0, out: a.out ?? 0, lowerOut: a.lowerOut ?? 0 };
}
function leg(pose: Pose, side: Side): Required<LegAngles> {
  const l = { ...pose.legs, ...(side === 'near' ? pose.nearLeg : pose.farLeg) };
  return {
    hip: l.hip ?? 0,
    knee: l.knee ?? 0,
    ankle: l.ankle ?? 0,
    out: l.out ?? 0,
    lowerOut: l.lowerOut ?? 0,
  };
}

/** A limb from `root`: the upper segment along `a`, foreshortened by `out`, the lower along `b`. */
function limb(root: Point, a: number, b: number, out: [number, number], upper: number, lower: number): Limb {
  const mid = add(root, dir(a), upper * Math.cos(out[0] * RAD));
  return { root, mid, end: add(mid, dir(b), lower * Math.cos(out[1] * RAD)) };
}

/** The foot from the ankle: toes along `footDeg`, the sole below the ankle along `soleDeg`. */
function foot(l: Limb, footDeg: number, soleDeg: number, length: number = BODY.foot): Leg {
  const f = dir(footDeg);
  const base = add(l.end, dir(soleDeg), BODY.ankleHeight);
  return { ...l, heel: add(base, f, -BODY.heel), toe: add(base, f, length - BODY.heel) };
}

/**
 * Forward kinematics: the joint positions of `pose` in `view`, with the hips at the origin (the scene
 * places them; see `placeBody`). Segment lengths are preserved exactly, except limbs turned `out` of the
 * picture, which are drawn foreshortened.
 */
export function solvePose(pose: Pose, view: 'side' | 'front' | 'back' = 'side'): Joints {
  return view === 'side' ? solveSide(pose) : solveFront(pose, view === 'back');
}

function solveSide(pose: Pose): Joints {
  const hip: Point = [0, 0];
  const tp = pose.trunk ?? 0;
  const tc = tp + (pose.spine ?? 0);
  const waist = add(hip, dir(tp), BODY.pelvis);
  const neckBase = add(waist, dir(tc), BODY.chest);
  const th = tc + (pose.neck ?? 0);
  const head = add(neckBase, dir(th), BODY.neck);
  const shoulder = add(
    add(
      add(neckBase, dir(tc), -BODY.shoulderDrop + (pose.shrug ?? 0) * 5),
      dir(tc + 90),
      -(pose.retract ?? 0) * 3,
    ),
    [0, 0],
  );
  const arms = {} as Record<Side, Limb>;
  const legs = {} as Record<Side, Leg>;
  for (const side of ['near', 'far'] as const) {
    const a = arm(pose, side);
    const ad = tc + 180 - a.shoulder;
    arms[side] = limb(shoulder, ad, ad - a.elbow, [a.out, a.lowerOut], BODY.upperArm, BODY.forearm);
    const l = leg(pose, side);
    const ld = tp + 180 - l.hip;
    const sd = ld + l.knee;
    const fd = sd - 90 - l.ankle;
    legs[side] = foot(limb(hip, ld, sd, [l.out, l.lowerOut], BODY.thigh, BODY.shank), fd, fd + 90);
  }
  return {
    hip,
    hips: { near: hip, far: hip },
    waist,
    neckBase,
    head,
    face: dir(th + 90),
    faceTurn: 0,
    arms,
    legs,
    chestFront: dir(tc + 90),
    pelvisFront: dir(tp + 90),
    belly: pose.belly ?? 0,
    chest: pose.chest ?? 0,
  };
}

function solveFront(pose: Pose, back: boolean): Joints {
  const hip: Point = [0, 0];
  const tp = pose.trunk ?? 0;
  const tc = tp + (pose.spine ?? 0);
  const turn = pose.turn ?? 0;
  const waist = add(hip, dir(tp), BODY.pelvis);
  const neckBase = add(waist, dir(tc), BODY.chest);
  const head = add(neckBase, dir(tc + (pose.neck ?? 0)), BODY.neck);
  const across = BODY.shoulderHalf * Math.cos(turn * RAD);
  const shoulderMid = add(neckBase, dir(tc), -BODY.shoulderDrop + (pose.shrug ?? 0) * 5);
  // The figure's right (near) is on the viewer's left: a negative step across the picture.
  const shoulders: Record<Side, Point> = {
    near: add(shoulderMid, dir(tc + 90), -across),
    far: add(shoulderMid, dir(tc + 90), across),
  };
  const hips: Record<Side, Point> = {
    near: add(hip, dir(tp + 90), -BODY.hipHalf),
    far: add(hip, dir(tp + 90), BODY.hipHalf),
  };
  const arms = {} as Record<Side, Limb>;
  const legs = {} as Record<Side, Leg>;
  for (const side of ['near', 'far'] as const) {
    const s = side === 'near' ? 1 : -1;
    const a = arm(pose, side);
    const ad = tc + 180 + s * a.shoulder;
    arms[side] = limb(
      shoulders[side],
      ad,
      ad - s * a.elbow,
      [a.out, a.lowerOut],
      BODY.upperArm,
      BODY.forearm,
    );
    const l = leg(pose, side);
    const ld = tp + 180 + s * l.hip;
    const sd = ld - s * l.knee;
    const lg = limb(hips[side], ld, sd, [l.out, l.lowerOut], BODY.thigh, BODY.shank);
    // Seen from the front a foot is short (the toes point at the viewer) and turned a little out.
    legs[side] = foot(lg, sd + 90 * s, sd, BODY.foot * 0.55);
  }
  const joints: Joints = {
    hip,
    hips,
    waist,
    neckBase,
    head,
    face: [0, 0],
    faceTurn: Math.sin(turn * RAD),
    arms,
    legs,
    chestFront: [0, 0],
    pelvisFront: [0, 0],
    belly: pose.belly ?? 0,
    chest: pose.chest ?? 0,
  };
  return back ? mirror(joints) : joints;
}

/** The back view: the front view seen from behind, so the figure's right is on the viewer's right. */
function mirror(j: Joints): Joints {
  const m = (p: Point): Point => [-p[0], p[1]];
  const ml = (l: Limb): Limb => ({ root: m(l.root), mid: m(l.mid), end: m(l.end) });
  const mg = (l: Leg): Leg => ({ ...ml(l), heel: m(l.heel), toe: m(l.toe) });
  return {
    ...j,
    hip: m(j.hip),
    hips: { near: m(j.hips.near), far: m(j.hips.far) },
    waist: m(j.waist),
    neckBase: m(j.neckBase),
    head: m(j.head),
    faceTurn: -j.faceTurn,
    arms: { near: ml(j.arms.near), far: ml(j.arms.far) },
    legs: { near: mg(j.legs.near), far: mg(j.legs.far) },
  };
}

/** Every capsule of the body as [from, to, thickness], for bounds and floor contact. */
export function capsules(j: Joints): [Point, Point, number][] {
  const out: [Point, Point, number][] = [
    [j.hip, j.waist, THICKNESS.pelvis],
    [j.waist, j.neckBase, THICKNESS.chest],
    [j.neckBase, j.head, THICKNESS.neck],
    [j.head, j.head, BODY.headR * 2],
  ];
  for (const side of ['near', 'far'] as const) {
    const a = j.arms[side];
    const l = j.legs[side];
    out.push(
      [a.root, a.mid, THICKNESS.upperArm],
      [a.mid, a.end, THICKNESS.forearm],
      [l.root, l.mid, THICKNESS.thigh],
      [l.mid, l.end, THICKNESS.shank],
      [l.heel, l.toe, THICKNESS.foot],
    );
  }
  return out;
}

/** The lowest point of the body's outline (the bottom of its lowest capsule). */
export function lowestY(j: Joints): number {
  let low = Number.POSITIVE_INFINITY;
  for (const [a, b, t] of capsules(j)) low = Math.min(low, a[1] - t / 2, b[1] - t / 2);
  return low;
}

/** Move every joint by `v`. */
export function translate(j: Joints, v: Point): Joints {
  const t = (p: Point): Point => add(p, v);
  const tl = (l: Limb): Limb => ({ root: t(l.root), mid: t(l.mid), end: t(l.end) });
  const tg = (l: Leg): Leg => ({ ...tl(l), heel: t(l.heel), toe: t(l.toe) });
  return {
    ...j,
    hip: t(j.hip),
    hips: { near: t(j.hips.near), far: t(j.hips.far) },
    waist: t(j.waist),
    neckBase: t(j.neckBase),
    head: t(j.head),
    arms: { near: tl(j.arms.near), far: tl(j.arms.far) },
    legs: { near: tg(j.legs.near), far: tg(j.legs.far) },
  };
}

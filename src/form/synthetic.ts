/**
 * A parametric 2-D running (or walking) figure, for tests that must pass without real footage: any
 * cadence, trunk lean (from the hips or from the ankles), shoulder height, head position, arm swing and
 * crossing, twist, a head that drops late, a sprint start, keypoint noise and dropouts, a runner who
 * enters and leaves the frame, and a second person. Proportions follow Winter's anthropometric table
 * (torso 0.288, thigh 0.245, shin 0.246 of height). Everything it makes is synthetic and labelled so.
 */
import { prng } from '../activities/synthetic/track.js';
import type { KeypointName, KeypointTrack, Pose, TrackFrame, View } from './types.js';

export interface SyntheticOptions {
  view?: View;
  /** +1: runner faces the image's right (side view). */
  facing?: 1 | -1;
  gait?: 'run' | 'walk';
  cadenceSpm?: number;
  durationS?: number;
  fps?: number;
  /** Forward trunk lean from vertical, degrees. */
  trunkLeanDeg?: number;
  /** Where the lean comes from: bending at the hips, or the whole body tilted from the ankles. */
  leanFrom?: 'waist' | 'ankles';
  /** Shoulders raised towards the ears, in torso lengths. */
  shoulderRaise?: number;
  /** Head pushed forward of the trunk line, in torso lengths. */
  headForward?: number;
  /** Head lowered in the last third of the clip, in torso lengths. */
  headDropLate?: number;
  /** Upper-arm sweep front to back, degrees. */
  armSwingDeg?: number;
  /** Furthest the wrists come past the midline, in shoulder widths (negative: they stay on their side). */
  armCrossing?: number;
  /** Shoulder turn either way each stride, degrees. */
  twistDeg?: number;
  /** Keypoint noise, standard deviation in pixels. */
  noisePx?: number;
  /** Chance that any one keypoint is missing in a frame. */
  dropout?: number;
  /** Runner height in pixels. */
  heightPx?: number;
  /** The runner crosses the frame, entering and leaving it (side view). */
  crossFrame?: boolean;
  /** Crouched start held for this long, then accelerating strides. */
  sprintStartS?: number;
  /** A second, smaller person standing and shifting on their feet beside the runner. */
  secondPerson?: boolean;
  seed?: number;
}

const W = 720;
const H = 1280;
const RAD = Math.PI / 180;

interface Pt {
  x: number;
  y: number;
}

/** Rotates `p` about `c` by `deg` (positive turns towards +x from up). */
function rotate(p: Pt, c: Pt, deg: number): Pt {
  const a = deg * RAD;
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: c.x + dx * Math.cos(a) - dy * Math.sin(a), y: c.y + dx * Math.sin(a) + dy * Math.cos(a) };
}

interface BodyState {
  /** Stride phase, radians. */
  phase: number;
  trunkLeanDeg: number;
  hipDropPx: number;
  thighAmpDeg: number;
  hipX: number;
  headDrop: number;
}

/** Side-view figure facing +x, feet on y = groundY, before mirroring and noise. */
function sideFigure(
  o: Required<SyntheticOptions>,
  s: BodyState,
  groundY: number,
): Partial<Record<KeypointName, Pt>> {
  const h = o.heightPx;
  const torso = 0.288 * h;
  const thigh = 0.245 * h;
  const shin = 0.246 * h;
  const upper = 0.186 * h;
  const fore = 0.146 * h;
  const hip = { x: s.hipX, y: groundY - 0.53 * h + s.hipDropPx };
  const pts: Partial<Record<KeypointName, Pt>> = {};
  for (const [side, offset] of [
    ['left', 0],
    ['right', Math.PI],
  ] as const) {
    const ph = s.phase + offset;
    const thighDeg = (s.thighAmpDeg > 0 ? 10 : 0) + s.thighAmpDeg * Math.sin(ph);
    const kneeFlex = 20 + 70 * Math.max(0, Math.sin(ph - Math.PI / 2)) ** 2;
    const knee = { x: hip.x + thigh * Math.sin(thighDeg * RAD), y: hip.y + thigh * Math.cos(thighDeg * RAD) };
    const shinDeg = thighDeg - kneeFlex;
    const ankle = { x: knee.x + shin * Math.sin(shinDeg * RAD), y: knee.y + shin * Math.cos(shinDeg * RAD) };
    pts[`${side}Hip`] = { x: hip.x + (side === 'left' ? 3 : -3), y: hip.y };
    pts[`${side}Knee`] = knee;
    pts[`${side}Ankle`] = ankle;
    pts[`${side}Heel`] = { x: ankle.x - 0.03 * h, y: ankle.y + 0.02 * h };
    pts[`${side}BigToe`] = { x: ankle.x + 0.1 * h, y: ankle.y + 0.03 * h };
  }
  pts.midHip = hip;
  const lean = o.leanFrom === 'waist' ? s.trunkLeanDeg : 0;
  const neck = rotate({ x: hip.x, y: hip.y - torso }, hip, lean);
  const u = { x: (neck.x - hip.x) / torso, y: (neck.y - hip.y) / torso };
  const n = { x: -u.y, y: u.x };
  const up = (p: Pt, along: number, fwd: number): Pt => ({
    x: p.x + torso * (along * u.x + fwd * n.x),
    y: p.y + torso * (along * u.y + fwd * n.y),
  });
  const shoulders = up(neck, o.shoulderRaise, 0);
  pts.neck = shoulders;
  pts.leftShoulder = { x: shoulders.x + 4, y: shoulders.y };
  pts.rightShoulder = { x: shoulders.x - 4, y: shoulders.y };
  for (const [side, offset] of [
    ['left', Math.PI],
    ['right', 0],
  ] as const) {
    const sh = pts[`${side}Shoulder`] as Pt;
    const armDeg = (o.armSwingDeg / 2) * Math.sin(s.phase + offset);
    const down = { x: -u.x, y: -u.y };
    const dir = rotate({ x: sh.x + down.x, y: sh.y + down.y }, sh, armDeg);
    const ud = { x: dir.x - sh.x, y: dir.y - sh.y };
    const elbow = { x: sh.x + upper * ud.x, y: sh.y + upper * ud.y };
    const fd = rotate({ x: elbow.x + ud.x, y: elbow.y + ud.y }, elbow, -80);
    pts[`${side}Elbow`] = elbow;
    pts[`${side}Wrist`] = { x: elbow.x + fore * (fd.x - elbow.x), y: elbow.y + fore * (fd.y - elbow.y) };
  }
  const ear = up(neck, 0.35 - s.headDrop, o.headForward);
  pts.leftEar = { x: ear.x + 2, y: ear.y };
  pts.rightEar = { x: ear.x - 2, y: ear.y };
  pts.nose = up(ear, -0.04, 0.2);
  pts.leftEye = up(ear, 0.03, 0.16);
  pts.rightEye = up(ear, 0.03, 0.15);
  pts.headTop = up(ear, 0.28, 0.04);
  if (o.leanFrom === 'ankles' && s.trunkLeanDeg !== 0) {
    const pivot = { x: hip.x, y: groundY };
    for (const k of Object.keys(pts) as KeypointName[]) pts[k] = rotate(pts[k] as Pt, pivot, s.trunkLeanDeg);
  }
  return pts;
}

/** Back or front view: the runner seen from behind (or in front), centred at `hipX`. */
function backFigure(
  o: Required<SyntheticOptions>,
  s: BodyState,
  groundY: number,
  front: boolean,
): Partial<Record<KeypointName, Pt>> {
  const h = o.heightPx;
  const torso = 0.288 * h;
  const shoulderHalf = 0.115 * h;
  const hipHalf = 0.085 * h;
  const hip = { x: s.hipX, y: groundY - 0.53 * h + s.hipDropPx };
  const twist = o.twistDeg * Math.sin(s.phase);
  const apparent = shoulderHalf * Math.cos(twist * RAD);
  // Seen from behind the runner's left is on the image's left; from the front it is on the right.
  const leftSign = front ? 1 : -1;
  const shoulderY = hip.y - torso - o.shoulderRaise * torso;
  const pts: Partial<Record<KeypointName, Pt>> = {
    midHip: hip,
    neck: { x: hip.x, y: shoulderY },
    leftShoulder: { x: hip.x + leftSign * apparent, y: shoulderY + 2 * Math.sin(s.phase) },
    rightShoulder: { x: hip.x - leftSign * apparent, y: shoulderY - 2 * Math.sin(s.phase) },
    leftHip: { x: hip.x + leftSign * hipHalf, y: hip.y + 3 * Math.sin(s.phase) },
    rightHip: { x: hip.x - leftSign * hipHalf, y: hip.y - 3 * Math.sin(s.phase) },
  };
  for (const [side, sign, offset] of [
    ['left', leftSign, 0],
    ['right', -leftSign, Math.PI],
  ] as const) {
    const lift = Math.max(0, Math.sin(s.phase + offset));
    pts[`${side}Knee`] = { x: hip.x + sign * hipHalf * 0.9, y: hip.y + 0.245 * h - 0.06 * h * lift };
    pts[`${side}Ankle`] = { x: hip.x + sign * hipHalf * 0.8, y: groundY - 0.04 * h - 0.16 * h * lift };
    pts[`${side}Heel`] = { x: hip.x + sign * hipHalf * 0.8, y: groundY - 0.16 * h * lift };
    // Arms swing opposite the legs; the wrist moves towards the midline as the arm comes forward.
    const forward = Math.max(0, Math.sin(s.phase + offset + Math.PI));
    const depth = -0.45 + (o.armCrossing + 0.45) * forward;
    const width = 2 * apparent;
    const shoulder = pts[`${side}Shoulder`] as Pt;
    pts[`${side}Elbow`] = { x: hip.x + sign * shoulderHalf * 1.1, y: shoulder.y + 0.17 * h };
    pts[`${side}Wrist`] = { x: hip.x - sign * depth * width, y: shoulder.y + 0.25 * h - 0.05 * h * forward };
  }
  const earY = shoulderY - (0.35 - s.headDrop) * torso;
  pts.leftEar = { x: hip.x + leftSign * 0.045 * h, y: earY };
  pts.rightEar = { x: hip.x - leftSign * 0.045 * h, y: earY };
  pts.headTop = { x: hip.x, y: earY - 0.28 * torso };
  if (front) {
    pts.nose = { x: hip.x, y: earY + 0.02 * h };
    pts.leftEye = { x: hip.x + leftSign * 0.02 * h, y: earY - 0.005 * h };
    pts.rightEye = { x: hip.x - leftSign * 0.02 * h, y: earY - 0.005 * h };
  }
  return pts;
}

/** A person standing and shifting their weight: keeps the runner selection honest. */
function bystander(t: number, rand: () => number): Pose {
  const pose: Pose = {};
  const x = 120;
  const ground = 1150;
  const h = 300;
  const sway = 4 * Math.sin(2 * Math.PI * 0.5 * t);
  const pts: Partial<Record<KeypointName, Pt>> = {
    nose: { x: x + sway, y: ground - 0.93 * h },
    leftEar: { x: x + sway - 8, y: ground - 0.92 * h },
    rightEar: { x: x + sway + 8, y: ground - 0.92 * h },
    leftShoulder: { x: x - 35 + sway, y: ground - 0.82 * h },
    rightShoulder: { x: x + 35 + sway, y: ground - 0.82 * h },
    leftHip: { x: x - 25, y: ground - 0.53 * h },
    rightHip: { x: x + 25, y: ground - 0.53 * h },
    leftKnee: { x: x - 25, y: ground - 0.28 * h },
    rightKnee: { x: x + 25, y: ground - 0.28 * h },
    leftAnkle: { x: x - 25, y: ground - 0.04 * h },
    rightAnkle: { x: x + 25, y: ground - 0.04 * h },
    leftWrist: { x: x - 40, y: ground - 0.5 * h },
    rightWrist: { x: x + 40, y: ground - 0.5 * h },
  };
  for (const [k, p] of Object.entries(pts) as [KeypointName, Pt][]) {
    pose[k] = { x: p.x + rand() * 2, y: p.y + rand() * 2, confidence: 0.8 };
  }
  return pose;
}

const DEFAULTS: Required<SyntheticOptions> = {
  view: 'side',
  facing: -1,
  gait: 'run',
  cadenceSpm: 170,
  durationS: 12,
  fps: 30,
  trunkLeanDeg: 8,
  leanFrom: 'waist',
  shoulderRaise: 0,
  headForward: 0,
  headDropLate: 0,
  armSwingDeg: 55,
  armCrossing: -0.3,
  twistDeg: 10,
  noisePx: 1.5,
  dropout: 0,
  heightPx: 600,
  crossFrame: false,
  sprintStartS: 0,
  secondPerson: false,
  seed: 1,
};

/**
 * A synthetic keypoint track of a runner (or walker).
 *
 * @example
 * analyseForm(syntheticRunner({ cadenceSpm: 176, shoulderRaise: 0.24 })); // finds shrugged shoulders
 */
export function syntheticRunner(options: SyntheticOptions = {}): KeypointTrack {
  const o = { ...DEFAULTS, ...options };
  const uniform = prng(o.seed);
  const gauss = () => {
    const u = Math.max(1e-12, uniform());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const walk = o.gait === 'walk';
  const stepHz = o.cadenceSpm / 60;
  const groundY = H - 60;
  const frames: TrackFrame[] = [];
  const n = Math.round(o.durationS * o.fps);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / o.fps;
    let lean = o.trunkLeanDeg;
    let thighAmp = walk ? 22 : 38;
    let hz = stepHz;
    let bounce = walk ? 0.025 : 0.04;
    if (o.sprintStartS > 0) {
      const since = t - o.sprintStartS;
      if (since < 0) {
        hz = 0;
        lean = 50;
        thighAmp = 0;
        bounce = 0;
      } else {
        // Accelerating out of the blocks: step rate climbs, the trunk rises from 45° towards upright.
        hz = 3 + Math.min(1.2, since);
        lean = Math.max(o.trunkLeanDeg, 45 - 12 * since);
      }
    }
    phase += (2 * Math.PI * (hz / 2)) / o.fps;
    // Running: hips lowest at mid-stance (feet passing). Walking: hips highest there.
    const hipDrop = (walk ? -1 : 1) * ((bounce * o.heightPx) / 2) * Math.cos(2 * phase);
    const travel = o.crossFrame ? W + 0.5 * o.heightPx - (t / o.durationS) * (W + o.heightPx) : W / 2;
    const state: BodyState = {
      phase,
      trunkLeanDeg: lean,
      hipDropPx: o.sprintStartS > 0 && t < o.sprintStartS ? 0.18 * o.heightPx : hipDrop,
      thighAmpDeg: thighAmp,
      hipX: o.view === 'side' ? travel : W / 2,
      headDrop: t > (2 * o.durationS) / 3 ? o.headDropLate : 0,
    };
    const raw =
      o.view === 'side' ? sideFigure(o, state, groundY) : backFigure(o, state, groundY, o.view === 'front');
    const pose: Pose = {};
    for (const [k, p] of Object.entries(raw) as [KeypointName, Pt][]) {
      if (uniform() < o.dropout) continue;
      const x = o.view === 'side' && o.facing === -1 ? 2 * state.hipX - p.x : p.x;
      const kp = {
        x: x + gauss() * o.noisePx,
        y: p.y + gauss() * o.noisePx,
        confidence: 0.75 + 0.2 * uniform(),
      };
      if (kp.x < 0 || kp.x >= W || kp.y < 0 || kp.y >= H) continue;
      pose[k] = kp;
    }
    const people: Pose[] = Object.keys(pose).length >= 3 ? [pose] : [];
    if (o.secondPerson) people.unshift(bystander(t, gauss));
    frames.push({ tS: t, people });
  }
  return { source: 'Synthetic runner', widthPx: W, heightPx: H, fps: o.fps, fpsAssumed: false, frames };
}

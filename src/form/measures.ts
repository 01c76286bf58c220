/**
 * Form measures from the runner's poses. Every length is divided by the runner's own torso length (or
 * shoulder width, or estimated height), never read in pixels, so distance from the camera does not
 * matter. Each measure lists the frames it was taken from; frames missing a needed point are skipped.
 */

import type { Gait } from './gait.js';
import {
  angleAt,
  dist,
  get,
  headPoint,
  hipCentre,
  leanFromVertical,
  type Point,
  pairCentre,
  shoulderCentre,
  torsoLength,
} from './geometry.js';
import { median, movingAverage, quantile } from './signal.js';
import type { Measure, MeasureId, Pose, RunnerTrack } from './types.js';

/**
 * Standing height from segment lengths: shoulder to ankle is 0.779 of height (Winter, Biomechanics and
 * Motor Control of Human Movement, segment proportions: shoulder 0.818 H, ankle 0.039 H).
 */
const SHOULDER_TO_ANKLE_SHARE_OF_HEIGHT = 0.779;

interface Sample {
  frame: number;
  value: number;
}

function measure(
  id: MeasureId,
  label: string,
  unit: string,
  samples: Sample[],
  value: number,
  note?: string,
): Measure {
  return {
    id,
    label,
    value: round(value),
    unit,
    frames: samples.map((s) => s.frame),
    ...(note ? { note } : {}),
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function collect(
  runner: RunnerTrack,
  frames: readonly number[],
  fn: (pose: Pose) => number | undefined,
): Sample[] {
  const out: Sample[] = [];
  for (const frame of frames) {
    const pose = runner.poses[frame];
    if (!pose) continue;
    const value = fn(pose);
    if (value !== undefined && Number.isFinite(value)) out.push({ frame, value });
  }
  return out;
}

const values = (samples: Sample[]) => samples.map((s) => s.value);

/** The trunk's unit axis (hips to shoulders) and its forward normal, for a runner facing `facing`. */
function trunkFrame(pose: Pose, facing: 1 | -1): { s: Point; u: Point; n: Point; torso: number } | undefined {
  const s = shoulderCentre(pose);
  const h = hipCentre(pose);
  if (!s || !h) return undefined;
  const torso = dist(s, h);
  if (torso <= 0) return undefined;
  const u = { x: (s.x - h.x) / torso, y: (s.y - h.y) / torso };
  const n = { x: facing * -u.y, y: facing * u.x };
  return { s, u, n, torso };
}

const dot = (a: Point, b: Point) => a.x * b.x + a.y * b.y;
const sub = (a: Point, b: Point) => ({ x: a.x - b.x, y: a.y - b.y });

/** Per-frame side-view quantities the measures and the fatigue drift share. */
export const sideSignals = {
  trunkLean: (pose: Pose, facing: 1 | -1) => {
    const s = shoulderCentre(pose);
    const h = hipCentre(pose);
    return s && h ? leanFromVertical(h, s, facing) : undefined;
  },
  /** Lean of the hips over the feet: how much of the lean comes from the ankles. */
  legLean: (pose: Pose, facing: 1 | -1) => {
    const a = pairCentre(pose, 'leftAnkle', 'rightAnkle', false);
    const h = hipCentre(pose);
    return a && h ? leanFromVertical(a, h, facing) : undefined;
  },
  bodyLean: (pose: Pose, facing: 1 | -1) => {
    const a = pairCentre(pose, 'leftAnkle', 'rightAnkle', false);
    const s = shoulderCentre(pose);
    return a && s ? leanFromVertical(a, s, facing) : undefined;
  },
  /** Head ahead of the trunk's line through the shoulders, in torso lengths. */
  headForward: (pose: Pose, facing: 1 | -1) => {
    const t = trunkFrame(pose, facing);
    const head = headPoint(pose);
    return t && head ? dot(sub(head.point, t.s), t.n) / t.torso : undefined;
  },
  /** Head above the shoulder points, along the trunk, in torso lengths: smaller when the shoulders rise. */
  shoulderElevation: (pose: Pose, facing: 1 | -1) => {
    const t = trunkFrame(pose, facing);
    const head = headPoint(pose);
    const shoulders = pairCentre(pose, 'leftShoulder', 'rightShoulder') ?? t?.s;
    return t && head && shoulders ? dot(sub(head.point, shoulders), t.u) / t.torso : undefined;
  },
};

function headLandmark(runner: RunnerTrack, frames: readonly number[]): 'ear' | 'headTop' | 'nose' {
  const counts = { ear: 0, headTop: 0, nose: 0 };
  for (const f of frames) {
    const pose = runner.poses[f];
    const head = pose ? headPoint(pose) : undefined;
    if (head) counts[head.landmark]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort(
    (a, b) => b[1] - a[1],
  )[0]?.[0];
  return best ?? 'ear';
}

const LANDMARK_NOTES = {
  ear: 'measured at the ear',
  headTop: 'measured at the top of the head (the keypoints have no ears)',
  nose: 'measured at the nose (the keypoints have no ears)',
};

function headMeasure(
  id: MeasureId,
  label: string,
  samples: Sample[],
  landmark: 'ear' | 'headTop' | 'nose',
): Measure {
  return {
    ...measure(id, label, 'torso lengths', samples, median(values(samples)), LANDMARK_NOTES[landmark]),
    landmark,
  };
}

/** Standing height estimated from the longest torso, thigh and shin seen, in pixels, per frame scale. */
function heightPx(runner: RunnerTrack, frames: readonly number[]): number {
  const seg = (a: 'Hip' | 'Knee', b: 'Knee' | 'Ankle') =>
    Math.max(
      ...(['left', 'right'] as const)
        .map((side) =>
          quantile(
            values(
              collect(runner, frames, (p) => {
                const pa = get(p, `${side}${a}`);
                const pb = get(p, `${side}${b}`);
                return pa && pb ? dist(pa, pb) : undefined;
              }),
            ),
            0.9,
          ),
        )
        .filter(Number.isFinite),
    );
  const torso = quantile(values(collect(runner, frames, torsoLength)), 0.9);
  return (torso + seg('Hip', 'Knee') + seg('Knee', 'Ankle')) / SHOULDER_TO_ANKLE_SHARE_OF_HEIGHT;
}

/** Upper-arm swing (degrees, shoulder flexion to extension) and median elbow angle, best-seen arm. */
function armMeasures(runner: RunnerTrack, frames: readonly number[], facing: 1 | -1): Measure[] {
  let best: { swing: Sample[]; elbow: Sample[] } | undefined;
  for (const side of ['left', 'right'] as const) {
    const swing = collect(runner, frames, (p) => {
      const t = trunkFrame(p, facing);
      const sh = get(p, `${side}Shoulder`);
      const el = get(p, `${side}Elbow`);
      if (!t || !sh || !el) return undefined;
      const arm = sub(el, sh);
      return (Math.atan2(dot(arm, t.n), -dot(arm, t.u)) * 180) / Math.PI;
    });
    const elbow = collect(runner, frames, (p) => {
      const sh = get(p, `${side}Shoulder`);
      const el = get(p, `${side}Elbow`);
      const wr = get(p, `${side}Wrist`);
      return sh && el && wr ? angleAt(sh, el, wr) : undefined;
    });
    if (!best || swing.length > best.swing.length) best = { swing, elbow };
  }
  if (!best || best.swing.length < 10) return [];
  const out = [
    measure(
      'armSwing',
      'Arm swing (upper arm, front to back)',
      'degrees',
      best.swing,
      quantile(values(best.swing), 0.95) - quantile(values(best.swing), 0.05),
    ),
  ];
  if (best.elbow.length >= 10) {
    out.push(measure('elbowAngle', 'Elbow angle', 'degrees', best.elbow, median(values(best.elbow))));
  }
  return out;
}

/**
 * Side-view measures: trunk lean and where it comes from, head position, shoulder elevation, arm swing,
 * elbow angle and vertical oscillation.
 */
export function sideMeasures(
  runner: RunnerTrack,
  frames: readonly number[],
  facing: 1 | -1,
  gait: Gait,
): Measure[] {
  const out: Measure[] = [];
  const trunk = collect(runner, frames, (p) => sideSignals.trunkLean(p, facing));
  if (trunk.length >= 10) {
    out.push(measure('trunkLean', 'Trunk lean from vertical', 'degrees', trunk, median(values(trunk))));
  }
  // Whole-body lean is read at mid-stance, when the feet pass under the hips; at other times the
  // trailing foot drags the ankles' centre backwards.
  const gaps = collect(runner, frames, (p) => {
    const l = get(p, 'leftAnkle');
    const r = get(p, 'rightAnkle');
    const t = torsoLength(p);
    return l && r && t ? Math.abs(l.x - r.x) / t : undefined;
  });
  const passing = quantile(values(gaps), 0.3);
  const midStance = gaps.filter((g) => g.value <= passing).map((g) => g.frame);
  const body = collect(runner, midStance, (p) => sideSignals.bodyLean(p, facing));
  if (body.length >= 5) {
    out.push(
      measure(
        'bodyLean',
        'Whole-body lean from the ankles (at mid-stance)',
        'degrees',
        body,
        median(values(body)),
      ),
    );
  }
  const waist = collect(runner, midStance, (p) => {
    const t = sideSignals.trunkLean(p, facing);
    const l = sideSignals.legLean(p, facing);
    return t !== undefined && l !== undefined ? t - l : undefined;
  });
  if (waist.length >= 5) {
    // Leaning from the ankles keeps feet, hips and shoulders on one slanted line, so the trunk leans no
    // more than the legs do; bending at the hips (a smaller trunk–thigh angle) tips the trunk further.
    out.push(
      measure(
        'leanFromWaist',
        'Extra trunk lean from bending at the hips',
        'degrees',
        waist,
        median(values(waist)),
        'trunk lean minus the lean of the hips over the feet, at mid-stance',
      ),
    );
  }
  const landmark = headLandmark(runner, frames);
  const head = collect(runner, frames, (p) => sideSignals.headForward(p, facing));
  if (head.length >= 10)
    out.push(headMeasure('headForward', 'Head forward of the shoulders', head, landmark));
  const elevation = collect(runner, frames, (p) => sideSignals.shoulderElevation(p, facing));
  if (elevation.length >= 10) {
    out.push(
      headMeasure(
        'shoulderElevation',
        'Head-to-shoulder distance (smaller when shoulders are raised)',
        elevation,
        landmark,
      ),
    );
  }
  out.push(...armMeasures(runner, frames, facing));
  const [s] = gait.span;
  const hipFrames = frames.filter((f) => Number.isFinite(gait.hipSignalPx[f - s]));
  const height = heightPx(runner, frames);
  if (hipFrames.length >= 10 && Number.isFinite(height) && height > 0) {
    const hip = hipFrames.map((f) => gait.hipSignalPx[f - s] as number);
    const amplitude = quantile(hip, 0.95) - quantile(hip, 0.05);
    out.push(
      measure(
        'verticalOscillation',
        'Vertical oscillation (bounce) of the hips',
        '% of height',
        hipFrames.map((frame) => ({ frame, value: 0 })),
        (100 * amplitude) / height,
      ),
    );
  }
  return out;
}

/** Side-to-side tilt amplitude of a left/right pair, in degrees (half the 5th–95th percentile range). */
function tiltAmplitude(
  runner: RunnerTrack,
  frames: readonly number[],
  left: 'leftShoulder' | 'leftHip',
  right: 'rightShoulder' | 'rightHip',
): Sample[] {
  return collect(runner, frames, (p) => {
    const l = get(p, left);
    const r = get(p, right);
    if (!l || !r) return undefined;
    const a = (Math.atan2(r.y - l.y, r.x - l.x) * 180) / Math.PI;
    // Fold to ±90° so that left/right order (front or back view) does not flip the sign.
    return a > 90 ? a - 180 : a < -90 ? a + 180 : a;
  });
}

/** How far each wrist is past the body's midline, in shoulder widths (negative: on its own side). */
function wristDepths(pose: Pose): { left?: number; right?: number } {
  const s = shoulderCentre(pose);
  const h = hipCentre(pose);
  const ls = get(pose, 'leftShoulder');
  const rs = get(pose, 'rightShoulder');
  if (!s || !h || !ls || !rs || h.y === s.y) return {};
  const width = dist(ls, rs);
  if (width <= 0) return {};
  const midlineX = (y: number) => s.x + ((h.x - s.x) * (y - s.y)) / (h.y - s.y);
  const out: { left?: number; right?: number } = {};
  for (const side of ['left', 'right'] as const) {
    const wrist = get(pose, `${side}Wrist`);
    const shoulder = side === 'left' ? ls : rs;
    if (!wrist) continue;
    const own = Math.sign(shoulder.x - midlineX(shoulder.y)) || 1;
    out[side] = (-own * (wrist.x - midlineX(wrist.y))) / width;
  }
  return out;
}

/** Back or front view: wrists crossing the midline, shoulder and pelvis tilt, trunk rotation. */
export function frontBackMeasures(runner: RunnerTrack, frames: readonly number[], gait: Gait): Measure[] {
  const out: Measure[] = [];
  const depth = collect(runner, frames, (p) => {
    const d = wristDepths(p);
    return d.left === undefined && d.right === undefined ? undefined : Math.max(d.left ?? -9, d.right ?? -9);
  });
  if (depth.length >= 10) {
    // Each stride runs from one step to the next step of the same foot; count those where a wrist crosses.
    const steps = gait.stepFrames;
    let strides = 0;
    let crossed = 0;
    for (let i = 0; i + 2 < steps.length; i += 2) {
      const inStride = depth.filter(
        (d) => d.frame >= (steps[i] as number) && d.frame < (steps[i + 2] as number),
      );
      if (inStride.length === 0) continue;
      strides++;
      if (inStride.some((d) => d.value > 0)) crossed++;
    }
    out.push(
      measure(
        'wristCrossing',
        'Strides in which a wrist crosses the midline',
        'share of strides',
        depth,
        strides > 0 ? crossed / strides : 0,
      ),
      measure(
        'wristCrossingDepth',
        'Furthest a wrist comes past the midline',
        'shoulder widths',
        depth,
        quantile(values(depth), 0.9),
        'negative when the wrists stay on their own side',
      ),
    );
  }
  const shoulderTilt = tiltAmplitude(runner, frames, 'leftShoulder', 'rightShoulder');
  if (shoulderTilt.length >= 10) {
    const v = values(shoulderTilt);
    out.push(
      measure(
        'shoulderTilt',
        'Shoulder tilt, side to side',
        'degrees',
        shoulderTilt,
        (quantile(v, 0.95) - quantile(v, 0.05)) / 2,
      ),
    );
  }
  const pelvisTilt = tiltAmplitude(runner, frames, 'leftHip', 'rightHip');
  if (pelvisTilt.length >= 10) {
    const v = values(pelvisTilt);
    out.push(
      measure(
        'pelvisTilt',
        'Pelvis tilt, side to side',
        'degrees',
        pelvisTilt,
        (quantile(v, 0.95) - quantile(v, 0.05)) / 2,
      ),
    );
  }
  const widths = collect(runner, frames, (p) => {
    const ls = get(p, 'leftShoulder');
    const rs = get(p, 'rightShoulder');
    const torso = torsoLength(p);
    return ls && rs && torso ? Math.abs(ls.x - rs.x) / torso : undefined;
  });
  if (widths.length >= 10) {
    // A shoulder line turned by θ looks cos θ as wide. Dividing by the width averaged over about a
    // second removes slow changes (the runner moving away, the camera's angle); what is left is the turn
    // within each stride: the narrowest against the widest gives the twist.
    const local = movingAverage(values(widths), Math.round(runner.fps));
    const v = values(widths).map((w, i) => w / (local[i] as number));
    const ratio = Math.min(1, quantile(v, 0.05) / quantile(v, 0.95));
    out.push(
      measure(
        'trunkRotation',
        'Twist of the shoulders, stride to stride',
        'degrees',
        widths,
        (Math.acos(ratio) * 180) / Math.PI,
        'a rough estimate from how much narrower the shoulders look as they turn',
      ),
    );
  }
  return out;
}

/** Frames split into the first and last third. */
function thirds(frames: readonly number[]): [number[], number[]] {
  const n = Math.floor(frames.length / 3);
  return [frames.slice(0, n), frames.slice(frames.length - n)];
}

/**
 * Fatigue drift: the last third of the clip against the first, for head position (forward plus down),
 * trunk lean, shoulder height and cadence. Positive values mean worse form late on.
 */
export function driftMeasures(
  runner: RunnerTrack,
  frames: readonly number[],
  facing: 1 | -1,
  gait: Gait,
  side: boolean,
): Measure[] {
  const [early, late] = thirds(frames);
  if (early.length < 15) return [];
  const out: Measure[] = [];
  const change = (fn: (p: Pose) => number | undefined) => {
    const a = collect(runner, early, fn);
    const b = collect(runner, late, fn);
    return a.length >= 10 && b.length >= 10
      ? { value: median(values(b)) - median(values(a)), samples: [...a, ...b] }
      : undefined;
  };
  if (side) {
    const head = change((p) => {
      const fwd = sideSignals.headForward(p, facing);
      const up = sideSignals.shoulderElevation(p, facing);
      return fwd !== undefined && up !== undefined ? fwd - up : undefined;
    });
    if (head)
      out.push(
        measure(
          'headDrift',
          'Head further forward and down, last third of the clip against the first',
          'torso lengths',
          head.samples,
          head.value,
        ),
      );
    const lean = change((p) => sideSignals.trunkLean(p, facing));
    if (lean)
      out.push(
        measure(
          'trunkLeanDrift',
          'Trunk lean, last third of the clip against the first',
          'degrees',
          lean.samples,
          lean.value,
        ),
      );
    const shoulders = change((p) => {
      const v = sideSignals.shoulderElevation(p, facing);
      return v === undefined ? undefined : -v;
    });
    if (shoulders) {
      out.push(
        measure(
          'shoulderDrift',
          'Shoulders higher, last third of the clip against the first',
          'torso lengths',
          shoulders.samples,
          shoulders.value,
        ),
      );
    }
  }
  const stepRate = (part: number[]) => {
    const lo = part[0] ?? 0;
    const hi = part.at(-1) ?? 0;
    const steps = gait.stepFrames.filter((t) => t >= lo && t <= hi);
    if (steps.length < 4) return Number.NaN;
    return (60 * runner.fps * (steps.length - 1)) / ((steps.at(-1) as number) - (steps[0] as number));
  };
  const c0 = stepRate(early);
  const c1 = stepRate(late);
  if (Number.isFinite(c0) && Number.isFinite(c1)) {
    out.push(
      measure(
        'cadenceDrift',
        'Cadence, last third of the clip against the first',
        '%',
        [...early, ...late].map((frame) => ({ frame, value: 0 })),
        (100 * (c1 - c0)) / c0,
      ),
    );
  }
  return out;
}

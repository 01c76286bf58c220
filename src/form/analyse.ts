/**
 * `analyseForm`: keypoints in, form report out. Picks the runner, decides the view, finds the steps,
 * checks that the clip shows steady running a model can be trusted on, then measures and judges form.
 * When a quality gate fails it says why and gives no findings, rather than guessing.
 */
import { findFaults } from './findings.js';
import { analyseGait, type Gait } from './gait.js';
import { bodyBox, get, hipCentre, shoulderCentre } from './geometry.js';
import { driftMeasures, frontBackMeasures, sideMeasures, sideSignals } from './measures.js';
import { selectRunner } from './runner.js';
import { mean, median } from './signal.js';
import { GATES } from './thresholds.js';
import type {
  FormReport,
  KeypointName,
  KeypointTrack,
  Measure,
  QualityReport,
  RunnerTrack,
  ViewChoice,
} from './types.js';
import { detectView } from './view.js';

export interface AnalyseOptions {
  /** The view the runner filmed, or `auto` (default) to detect it. */
  view?: ViewChoice;
}

const CORE_POINTS: KeypointName[] = [
  'leftShoulder',
  'rightShoulder',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
];
const HEAD_POINTS: KeypointName[] = ['nose', 'leftEar', 'rightEar', 'headTop', 'leftEye', 'rightEye'];

const round = (v: number, digits = 2) =>
  Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v;

function basicQuality(
  track: KeypointTrack,
  runner: RunnerTrack,
): Omit<QualityReport, 'strides' | 'refusals' | 'warnings'> & { cutOffShare: number } {
  const confidences: number[] = [];
  const heights: number[] = [];
  let cutOff = 0;
  for (const pose of runner.poses) {
    if (!pose) continue;
    for (const name of CORE_POINTS) confidences.push(pose[name]?.confidence ?? 0);
    const box = bodyBox(pose);
    if (box) heights.push((box.maxY - box.minY) / runner.heightPx);
    const hasHead = HEAD_POINTS.some((n) => get(pose, n));
    const hasFeet = get(pose, 'leftAnkle') || get(pose, 'rightAnkle');
    if (!hasHead || !hasFeet || !shoulderCentre(pose) || !hipCentre(pose)) cutOff++;
  }
  return {
    frames: track.frames.length,
    personShare: round(track.frames.length > 0 ? runner.framesWithRunner / track.frames.length : 0),
    meanConfidence: round(mean(confidences)),
    personHeightShare: round(median(heights)),
    cutOffShare: runner.framesWithRunner > 0 ? cutOff / runner.framesWithRunner : 1,
  };
}

/** Signs that the movement is not running (walking, fidgeting, a flip): each one a reason in words. */
function notRunningReasons(gait: Gait, side: boolean): string[] {
  const reasons: string[] = [];
  if (!Number.isFinite(gait.cadenceSpm) || gait.stepFrames.length < 4)
    return ['No regular steps were found.'];
  const spm = Math.round(gait.cadenceSpm);
  if (gait.cadenceSpm < GATES.minRunningCadenceSpm)
    reasons.push(`The step rate, ${spm} a minute, is in the walking range.`);
  if (gait.stepIntervalCv > GATES.maxStepIntervalCv)
    reasons.push('The steps are unevenly spaced, unlike steady running.');
  if (gait.peakShare < GATES.minPeakShare) reasons.push('There is no clear, regular step rhythm.');
  const { hipHeight, ankleGap } = gait.estimatesSpm;
  if (Number.isFinite(hipHeight) && Number.isFinite(ankleGap)) {
    const gap = Math.abs(hipHeight - ankleGap) / Math.min(hipHeight, ankleGap);
    if (gap > GATES.maxEstimateDisagreement && gait.peakShare < 0.6) {
      reasons.push(
        `The hips and the feet give different step rates (${Math.round(hipHeight)} and ${Math.round(ankleGap)} a minute).`,
      );
    }
  }
  // Running: hips lowest with the feet together (mid-stance). Walking: hips highest there.
  if (side && gait.hipGapCorrelation < -0.1)
    reasons.push('The hips rise as the feet pass each other, as in walking.');
  return reasons;
}

function cadenceMeasures(gait: Gait, frames: number[]): Measure[] {
  if (!Number.isFinite(gait.cadenceSpm)) return [];
  const out: Measure[] = [
    { id: 'cadence', label: 'Cadence', value: round(gait.cadenceSpm, 1), unit: 'steps per minute', frames },
  ];
  if (Number.isFinite(gait.stepIntervalCv)) {
    out.push({
      id: 'stepIntervalCv',
      label: 'Unevenness of step timing',
      value: round(gait.stepIntervalCv, 3),
      unit: 'share of the mean step time',
      frames: gait.stepFrames.map((f) => Math.round(f)),
    });
  }
  return out;
}

/**
 * Analyses running form from keypoints.
 *
 * @example
 * const report = analyseForm(fromHalpe26(json), { view: 'auto' });
 * report.running; // true
 * report.cadenceSpm; // 168.4
 * report.findings; // [] when nothing passed its threshold
 */
export function analyseForm(track: KeypointTrack, options: AnalyseOptions = {}): FormReport {
  const runner = selectRunner(track);
  const q = basicQuality(track, runner);
  const refusals: string[] = [];
  const warnings: string[] = [];
  const base = {
    frames: q.frames,
    personShare: q.personShare,
    meanConfidence: q.meanConfidence,
    personHeightShare: q.personHeightShare,
  };
  if (runner.framesWithRunner < Math.max(5, track.fps)) {
    return {
      running: false,
      view: null,
      viewSource: 'detected',
      cadenceSpm: null,
      measures: [],
      findings: [],
      quality: {
        ...base,
        strides: 0,
        refusals: ['No person was found for long enough in the clip.'],
        warnings,
      },
    };
  }
  const guess = detectView(runner.poses);
  const chosen = options.view && options.view !== 'auto' ? options.view : undefined;
  const view = chosen ?? guess.view;
  if (chosen && chosen !== guess.view && guess.certainty > 0.7) {
    warnings.push(`The clip looks like a ${guess.view} view, not the ${chosen} view chosen.`);
  }
  if (track.fpsAssumed)
    warnings.push(
      `The file does not record its frame rate; ${track.fps} frames a second was assumed, so the cadence may be off.`,
    );
  if (q.personShare < 0.6)
    warnings.push(`The runner is in only ${Math.round(q.personShare * 100)}% of the frames.`);

  const gait = analyseGait(runner);
  const frames: number[] = [];
  for (let f = gait.span[0]; f < gait.span[1]; f++) {
    const pose = runner.poses[f];
    if (pose && shoulderCentre(pose) && hipCentre(pose)) frames.push(f);
  }
  const strides = gait.stepFrames.length / 2;

  const notRunning = notRunningReasons(gait, view === 'side');
  refusals.push(...notRunning);
  if (q.personHeightShare < GATES.minPersonHeightShare) {
    refusals.push(
      'The runner is too small in the picture: film from 3–5 m away with the whole body filling most of the height.',
    );
  }
  if (q.cutOffShare > GATES.maxCutOffShare)
    refusals.push('The runner is cut off in most frames: keep the whole body, head to feet, in the picture.');
  if (q.meanConfidence < GATES.minMeanConfidence)
    refusals.push(
      'The body points were found with too little confidence: try better light and a plainer background.',
    );
  if (notRunning.length === 0 && gait.stepFrames.length < GATES.minSteps) {
    refusals.push(
      `Only ${Math.floor(strides)} strides could be followed; at least 4 are needed. Film 10–20 seconds of running.`,
    );
  }
  if (notRunning.length === 0 && Math.abs(gait.intervalTrend) > GATES.maxIntervalTrend) {
    refusals.push(
      'The step rate changes a lot during the clip (speeding up or slowing down): film steady running.',
    );
  }
  if (view === 'side' && notRunning.length === 0) {
    const third = Math.floor(frames.length / 3);
    const lean = (part: number[]) =>
      median(part.map((f) => sideSignals.trunkLean(runner.poses[f] ?? {}, guess.facing) ?? Number.NaN));
    const change = Math.abs(lean(frames.slice(-third)) - lean(frames.slice(0, third)));
    if (third >= 10 && change > GATES.maxLeanChangeDeg) {
      refusals.push(
        'The trunk angle changes a lot during the clip, as at a start or a stop: film steady running.',
      );
    }
  }

  const running = notRunning.length === 0;
  const measures = cadenceMeasures(gait, frames);
  if (running) {
    measures.push(
      ...(view === 'side'
        ? sideMeasures(runner, frames, guess.facing, gait)
        : frontBackMeasures(runner, frames, gait)),
    );
    if (strides >= GATES.minStridesForDrift)
      measures.push(...driftMeasures(runner, frames, guess.facing, gait, view === 'side'));
  }
  const findings = running && refusals.length === 0 ? findFaults(measures, q.meanConfidence, runner.fps) : [];
  return {
    running,
    view,
    viewSource: chosen ? 'chosen' : 'detected',
    cadenceSpm: running ? round(gait.cadenceSpm, 1) : null,
    measures,
    findings,
    quality: { ...base, strides: Math.floor(strides), refusals, warnings },
  };
}

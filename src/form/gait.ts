/**
 * Gait events and cadence. Two step signals, each detrended and scaled by torso length: hip height (the
 * hips dip once per step) and the ankle-to-ankle distance (the feet pass once per step; unlike one
 * ankle's height it does not care which leg the model calls left). The cadence is the windowed DFT peak
 * between 1.5 and 4 Hz of the clearer signal; step times are that signal's peaks.
 */
import { dist, get, hipCentre, torsoLength } from './geometry.js';
import {
  detrend,
  fillAll,
  fillGaps,
  findPeaks,
  longestFiniteRun,
  mean,
  movingAverage,
  spectralPeak,
  std,
} from './signal.js';
import type { RunnerTrack } from './types.js';

/** Step frequencies searched: 90–240 steps a minute covers walking and running. */
const STEP_BAND_HZ: [number, number] = [1.5, 4];

export interface Gait {
  /** Frames analysed, `[start, end)`: the longest stretch where the runner's hips were followed. */
  span: [number, number];
  cadenceSpm: number;
  /** Cadence from each signal (NaN when that signal was missing). */
  estimatesSpm: { hipHeight: number; ankleGap: number; stepTimes: number };
  /** How much of the signal's power sits in the cadence peak (0–1); low for irregular movement. */
  peakShare: number;
  /** Step times as (fractional) frame indices. */
  stepFrames: number[];
  stepIntervalCv: number;
  strides: number;
  /** Relative change in step interval from the first to the second half (acceleration or slowing). */
  intervalTrend: number;
  /**
   * Correlation of hip height with ankle gap. Running: hips highest in flight with the feet apart
   * (positive). Walking: hips highest at mid-stance with the feet together (negative).
   */
  hipGapCorrelation: number;
  /** Per-frame hip height (px, y up) over the span, detrended, for vertical oscillation. */
  hipSignalPx: number[];
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const pairs = a
    .map((v, i) => [v, b[i] as number])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pairs.length < 8) return Number.NaN;
  const ma = mean(pairs.map((p) => p[0] as number));
  const mb = mean(pairs.map((p) => p[1] as number));
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const [x, y] of pairs) {
    sab += ((x as number) - ma) * ((y as number) - mb);
    saa += ((x as number) - ma) ** 2;
    sbb += ((y as number) - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/**
 * Finds steps and cadence in the runner's track.
 *
 * @example
 * const gait = analyseGait(selectRunner(track));
 * gait.cadenceSpm; // 168.4
 */
export function analyseGait(runner: RunnerTrack): Gait {
  const fps = runner.fps;
  const maxGap = Math.max(1, Math.round(fps * 0.15));
  const hipY = fillGaps(
    runner.poses.map((p) => (p ? (hipCentre(p)?.y ?? Number.NaN) : Number.NaN)),
    maxGap,
  );
  const span = longestFiniteRun(hipY);
  const [s, e] = span;
  const scaleRaw = fillAll(
    runner.poses.slice(s, e).map((p) => (p ? (torsoLength(p) ?? Number.NaN) : Number.NaN)),
  );
  const scale = movingAverage(scaleRaw, Math.round(fps * 0.5));
  const window = Math.max(3, Math.round(fps * 0.9));
  // y points down; negate so the signal is hip *height*.
  const hipHeightPx = detrend(
    hipY.slice(s, e).map((y) => -y),
    window,
  );
  const hip = hipHeightPx.map((v, i) => v / (scale[i] as number));
  const gapRaw = fillGaps(
    runner.poses.slice(s, e).map((p) => {
      const l = get(p, 'leftAnkle');
      const r = get(p, 'rightAnkle');
      return l && r ? dist(l, r) : Number.NaN;
    }),
    Math.round(fps * 0.25),
  );
  const gapOk = gapRaw.filter(Number.isFinite).length >= 0.8 * (e - s);
  const gap = gapOk
    ? fillAll(detrend(gapRaw, window)).map((v, i) => (Number.isFinite(v) ? v / (scale[i] as number) : 0))
    : [];

  const hipPeak = spectralPeak(hip, fps, ...STEP_BAND_HZ);
  const gapPeak = gapOk ? spectralPeak(gap, fps, ...STEP_BAND_HZ) : { freqHz: Number.NaN, peakShare: 0 };
  const useHip = hipPeak.peakShare >= gapPeak.peakShare;
  const primary = useHip ? hipPeak : gapPeak;
  const stepSignal = useHip ? hip : gap;

  const f = primary.freqHz;
  const smooth = Number.isFinite(f) ? movingAverage(stepSignal, Math.max(1, Math.round(fps / (6 * f)))) : [];
  // Hip height: a step is its low point (mid-stance); ankle gap: its widest split.
  const stepFrames = Number.isFinite(f)
    ? findPeaks(useHip ? smooth.map((v) => -v) : smooth, Math.max(1, (0.6 * fps) / f)).map((i) => i + s)
    : [];
  const intervals = stepFrames.slice(1).map((t, i) => (t - (stepFrames[i] as number)) / fps);
  const half = Math.floor(intervals.length / 2);
  const first = mean(intervals.slice(0, half));
  const second = mean(intervals.slice(half));
  const durationS = (e - s) / fps;
  return {
    span,
    cadenceSpm: 60 * f,
    estimatesSpm: {
      hipHeight: 60 * hipPeak.freqHz,
      ankleGap: 60 * gapPeak.freqHz,
      stepTimes: intervals.length > 0 ? 60 / mean(intervals) : Number.NaN,
    },
    peakShare: primary.peakShare,
    stepFrames,
    stepIntervalCv: intervals.length >= 3 ? std(intervals) / mean(intervals) : Number.NaN,
    strides: Number.isFinite(f) ? (durationS * f) / 2 : 0,
    intervalTrend: intervals.length >= 4 ? (second - first) / mean(intervals) : Number.NaN,
    hipGapCorrelation: gapOk ? correlation(hip, gap) : Number.NaN,
    hipSignalPx: hipHeightPx,
  };
}

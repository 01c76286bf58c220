/**
 * One run for its page: the stored summary, a downsampled series for charts (time, distance, pace, heart
 * rate, cadence) and its late-run fatigue markers. Separate from services/runs.ts because it decodes
 * samples and computes metrics, which the command line's list commands never need.
 */
import type { Samples } from '../activities/types.js';
import { notFound } from '../errors.js';
import { haversineM, RUN_METRIC_THRESHOLDS, runMetrics } from '../metrics/index.js';
import type { Store } from '../store/index.js';
import { getRun } from '../store/runs.js';
import { decodeSamples } from '../store/samples-codec.js';
import { type RunJson, runJson } from './runs.js';

/** Points a chart gets at most: more than a phone or laptop chart can show apart. */
export const MAX_SERIES_POINTS = 600;

/** Columns over the run, one entry per point; null where the device recorded nothing. */
export type RunSeries = {
  points: number;
  /** Seconds from the start. */
  t: number[];
  /** Cumulative metres (recorded by the device, else from GPS). */
  distanceM: (number | null)[];
  /** Seconds per km; null when stopped. */
  paceSPerKm: (number | null)[];
  hr: (number | null)[];
  cadenceSpm: (number | null)[];
};

/** Late-run fatigue markers: first third against last third (cadence, pace), halves (decoupling). */
export type FatigueMarkers = {
  /** Negative: cadence dropped late in the run. */
  cadenceChangeSpm: number | null;
  cadenceChangePct: number | null;
  /** Positive: slower late in the run. */
  paceChangeSPerKm: number | null;
  paceChangePct: number | null;
  /** Pa:Hr decoupling; under `coupledBelowPct` is usually read as coupled. */
  decouplingPct: number | null;
  coupledBelowPct: number;
  /** Markers need a run this long (seconds). */
  minDurationS: number;
};

/** A run with its chart series (null without samples, e.g. a manual entry) and fatigue markers. */
export type RunDetail = RunJson & { series: RunSeries | null; fatigue: FatigueMarkers };

const round1 = (x: number) => Math.round(x * 10) / 10;
const orNull = (x: number | undefined | null) =>
  x === undefined || x === null || !Number.isFinite(x) ? null : round1(x);

/** Cumulative distance per sample: the device's own when it recorded one, else summed GPS steps. */
function cumulativeDistance(s: Samples): Float64Array {
  const n = s.t.length;
  const out = new Float64Array(n);
  let recorded = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(s.distM[i])) recorded++;
  if (recorded >= n / 2) {
    let last = 0;
    for (let i = 0; i < n; i++) {
      const d = s.distM[i] as number;
      if (Number.isFinite(d)) last = d;
      out[i] = last;
    }
    return out;
  }
  let sum = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(s.lat[i]) && Number.isFinite(s.lon[i])) {
      if (prev >= 0) {
        const step = haversineM(
          s.lat[prev] as number,
          s.lon[prev] as number,
          s.lat[i] as number,
          s.lon[i] as number,
        );
        const dt = ((s.t[i] as number) - (s.t[prev] as number)) / 1000;
        // A step faster than any runner is a GPS jump, as in the run metrics.
        if (!(dt > 0) || step / dt <= RUN_METRIC_THRESHOLDS.maxGpsSpeedMps) sum += step;
      }
      prev = i;
    }
    out[i] = sum;
  }
  return out;
}

/**
 * Reduce samples to at most `maxPoints` for charts: equal runs of samples, each one point with the mean
 * heart rate and cadence, the distance at its end and the pace over it.
 * @example downsampleRun(samples).t.length <= 600
 */
export function downsampleRun(s: Samples, maxPoints = MAX_SERIES_POINTS): RunSeries {
  const n = s.t.length;
  const buckets = Math.min(n, maxPoints);
  const dist = cumulativeDistance(s);
  const t0 = n > 0 ? (s.t[0] as number) : 0;
  const series: RunSeries = { points: buckets, t: [], distanceM: [], paceSPerKm: [], hr: [], cadenceSpm: [] };
  const mean = (col: Float64Array, a: number, b: number) => {
    let sum = 0;
    let k = 0;
    for (let i = a; i < b; i++) {
      const v = col[i] as number;
      if (Number.isFinite(v) && v > 0) {
        sum += v;
        k++;
      }
    }
    return k ? sum / k : undefined;
  };
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = Math.floor(((b + 1) * n) / buckets);
    const last = end - 1;
    // Pace over the bucket, from the end of the previous one: the device's speed when it has one.
    const from = Math.max(0, start - 1);
    const dt = ((s.t[last] as number) - (s.t[from] as number)) / 1000;
    let speed = mean(s.speedMps, start, end);
    if (speed === undefined && dt > 0) speed = ((dist[last] as number) - (dist[from] as number)) / dt;
    series.t.push(round1(((s.t[last] as number) - t0) / 1000));
    series.distanceM.push(orNull(dist[last]));
    series.paceSPerKm.push(
      speed !== undefined && speed >= RUN_METRIC_THRESHOLDS.movingSpeedMps ? round1(1000 / speed) : null,
    );
    series.hr.push(orNull(mean(s.hr, start, end)));
    series.cadenceSpm.push(orNull(mean(s.cadSpm, start, end)));
    start = end;
  }
  return series;
}

/**
 * A stored run with its chart series and fatigue markers.
 * @throws a not-found error for an unknown id.
 */
export async function runDetail(store: Store, id: string): Promise<RunDetail> {
  const row = await getRun(store.db, id);
  if (!row) throw notFound(`no run with id "${id}"`);
  const { samples: blob, fingerprint: _fingerprint, ...summary } = row;
  const samples = blob ? decodeSamples(blob) : undefined;
  const m = samples ? runMetrics(samples) : undefined;
  return {
    ...runJson(summary),
    series: samples && samples.t.length > 0 ? downsampleRun(samples) : null,
    fatigue: {
      cadenceChangeSpm: orNull(row.cadence_change_spm),
      cadenceChangePct: orNull(m?.cadenceChangePct),
      paceChangeSPerKm: orNull(m?.paceChangeSPerKm),
      paceChangePct: orNull(row.pace_change_pct),
      decouplingPct: orNull(row.decoupling_pct),
      coupledBelowPct: RUN_METRIC_THRESHOLDS.coupledDecouplingPct,
      minDurationS: RUN_METRIC_THRESHOLDS.minFatigueDurationS,
    },
  };
}

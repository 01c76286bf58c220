/**
 * Per-run metrics from an activity's columnar samples: distance, elapsed and moving time, pace, elevation
 * gain, heart rate and cadence, and the late-run fatigue markers (cadence and pace change from the first to
 * the last third, and heart-rate/pace decoupling).
 *
 * Pure and allocation-light: one or two passes over the columns, no I/O. A value that the data cannot
 * support is `undefined`, never NaN or Infinity, so a GPX file without times, a single point or an all-NaN
 * column still gives a well-formed result.
 */
import type { RecordedSummary, Samples } from '../activities/types.js';

/**
 * Every number the metrics depend on, with the reason for it. Exported so that a report can quote them.
 */
export const RUN_METRIC_THRESHOLDS = {
  /**
   * A GPS step implying more than 12 m/s is a position jump, not running. Usain Bolt's peak speed in the
   * 2009 100 m world record was about 12.3 m/s; distance runners rarely exceed 7 m/s. Such a step is
   * dropped and the next point is measured from the last accepted one.
   */
  maxGpsSpeedMps: 12,
  /**
   * After this many consecutive rejected points the track is re-anchored at the new position (without
   * adding the jump), so one bad first fix or a relocated track cannot reject the rest of the run.
   */
  gpsReanchorAfter: 5,
  /**
   * An interval counts as moving at ≥ 0.5 m/s (1.8 km/h): well below a slow walk (about 1.2–1.4 m/s), so
   * walk breaks count, but above the drift of a watch standing still at a traffic light.
   */
  movingSpeedMps: 0.5,
  /**
   * A gap of more than 30 s between samples is a pause (auto-pause, a stop, a lost signal): it is left
   * out of the fatigue comparisons and of the time-weighted averages, because nothing says what happened
   * during it. Smart recording rarely spaces samples more than a few seconds apart while running. For
   * moving time such a gap counts when the distance across it implies at least `movingSpeedMps` (a sparse
   * recording: a point every few minutes while the runner ran); a slower gap is a pause.
   */
  maxGapS: 30,
  /**
   * Points that share one timestamp (or step back in time) say nothing about speed, so a step between them
   * is kept like a step of a track without times, unless it is longer than this: several recorders write
   * a burst of points under one time, a few metres to a few tens of metres apart, while a 1 km step with no
   * time passing is a bad fix.
   */
  maxUntimedStepM: 1000,
  /**
   * Elevation gain counts a climb only once it rises 3 m above the lowest point since the last counted
   * climb. GPS altitude wanders by several metres and barometric altitude by about 1 m, so summing every
   * tiny rise inflates gain badly on flat routes; 2–3 m is the usual dead band. The cost: each climb may be
   * under-counted by less than 3 m.
   */
  elevationHysteresisM: 3,
  /**
   * Recorded cumulative distance may step back by up to 1 m (rounding in GPX/TCX extensions) and still be
   * treated as monotonic; a larger step back (a lap reset, a corrupt record) makes us use GPS instead.
   */
  distanceStepBackToleranceM: 1,
  /**
   * Fatigue markers need at least 20 minutes: with less, each third is a few minutes long and the warm-up
   * dominates the comparison. Decoupling is meant for steady aerobic runs of about an hour or more
   * (TrainingPeaks Pa:Hr); from 20 min on we compute it but it is noisier.
   */
  minFatigueDurationS: 20 * 60,
  /** Each third or half must hold at least 3 minutes of usable data. */
  minSegmentS: 180,
  /** …and the marker's column must cover at least half of that segment's time. */
  minSegmentCoverage: 0.5,
  /** Pa:Hr under 5 % is usually read as "coupled" (TrainingPeaks); we report the number, not a verdict. */
  coupledDecouplingPct: 5,
  /** Heart rate outside (0, 250] bpm is a strap artefact (0 = no contact; FIT's invalid byte is 255). */
  maxHr: 250,
  /** Cadence outside (0, 300] steps/min is a stop or a sensor artefact (a doubled invalid byte is 510). */
  maxCadenceSpm: 300,
  /** Altitudes outside −1000…10 000 m are invalid markers (e.g. FIT's 0xFFFF decodes to 12 607 m). */
  minAltitudeM: -1000,
  maxAltitudeM: 10_000,
  /** A recorded summary disagreeing by more than 5 % with a computed value is mentioned in `notes`. */
  summaryMismatch: 0.05,
  /** A file summary claiming an activity longer than a week is a corrupt field, not a run. */
  maxSummaryElapsedS: 7 * 24 * 3600,
} as const;

const T = RUN_METRIC_THRESHOLDS;

/** Where the distance came from, in order of preference. */
export type DistanceSource = 'recorded' | 'gps' | 'summary' | 'none';

export type RunMetrics = {
  /** Metres; `undefined` when neither samples nor summary give one. */
  distanceM?: number;
  distanceSource: DistanceSource;
  /** First to last timestamp, seconds; `undefined` without timestamps (e.g. a GPX route without times). */
  elapsedS?: number;
  /**
   * The file's timer time when it records one (FIT session `total_timer_time`, TCX lap `TotalTimeSeconds`),
   * else the sum of sample intervals at ≥ `movingSpeedMps` (see `maxGapS` for long gaps); never more than
   * the elapsed time.
   */
  movingS?: number;
  /** Moving time per km of distance: the same two numbers the runner sees, so they always agree. */
  paceSPerKm?: number;
  elevationGainM?: number;
  avgHr?: number;
  maxHr?: number;
  /**
   * Steps per minute averaged over time, stops (zero cadence) included, as Garmin devices average it (the
   * FIT session's avg_cadence equals the time-weighted mean of every record while the timer runs).
   */
  avgCadenceSpm?: number;
  maxCadenceSpm?: number;
  /** Last third minus first third (by time), steps/min: negative = cadence dropped late in the run. */
  cadenceChangeSpm?: number;
  /** The same as a percentage of the first third's cadence. */
  cadenceChangePct?: number;
  /** Last third minus first third (by time), s/km: positive = slower late in the run. */
  paceChangeSPerKm?: number;
  /** The same as a percentage of the first third's pace. */
  paceChangePct?: number;
  /**
   * Pa:Hr decoupling, %: (first-half speed/HR ÷ second-half speed/HR − 1) × 100, halves by time, moving
   * intervals only. Positive = heart rate drifted up relative to pace; under 5 % is usually read as
   * "coupled". TrainingPeaks and Runalyze write it as (EF1 − EF2) / EF1, which is slightly smaller for the
   * same run (5.0 % here is 4.8 % there), and use graded pace; we use plain speed, so hills add noise.
   */
  decouplingPct?: number;
  /** GPS points dropped as jumps (only counted when the distance comes from GPS with timestamps). */
  gpsPointsRejected: number;
  /**
   * Fields taken from the recorded summary: moving time whenever the file has a timer; distance, elapsed
   * time and heart rate when the samples cannot give them; distance also when the track disagrees with it.
   */
  fromSummary: Array<'distanceM' | 'elapsedS' | 'movingS' | 'avgHr' | 'maxHr'>;
  /**
   * Distance the samples add up to, when it differs from the file's own summary by more than 5 % (then
   * `distanceM` is the summary's); shown beside it rather than as a note.
   */
  samplesDistanceM?: number;
  /** Plain-language remarks: fallbacks used, summary disagreements. */
  notes: string[];
};

const MEAN_EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius; error < 0.5 % vs the ellipsoid). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const c = Math.sin(dLon / 2);
  const a = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * c * c;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** `x` when it is a finite number, else `undefined`: the last guard before anything leaves this module. */
function finite(x: number | undefined): number | undefined {
  return x !== undefined && Number.isFinite(x) ? x : undefined;
}

const at = (col: Float64Array, i: number): number => col[i] ?? Number.NaN;

function validPosition(lat: number, lon: number): boolean {
  // (0, 0) is what several devices write before the first fix; nobody runs at "Null Island".
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180 &&
    !(lat === 0 && lon === 0)
  );
}

const validHr = (v: number): boolean => v > 0 && v <= T.maxHr;
const validCad = (v: number): boolean => v > 0 && v <= T.maxCadenceSpm;
const validAlt = (v: number): boolean => v >= T.minAltitudeM && v <= T.maxAltitudeM;

type DistanceSeries = {
  source: 'recorded' | 'gps';
  total: number;
  /** Cumulative metres at each sample with a usable distance, NaN elsewhere. */
  cum: Float64Array;
  rejected: number;
};

/**
 * Recorded cumulative distance, when there are ≥ 2 values and they never step back (beyond tolerance).
 * 'steps-back' when the column has values but is not monotonic.
 */
function recordedDistance(s: Samples, n: number): DistanceSeries | 'steps-back' | undefined {
  const cum = new Float64Array(n).fill(Number.NaN);
  let first = Number.NaN;
  let max = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = at(s.distM, i);
    if (!Number.isFinite(v) || v < 0) continue;
    if (count === 0) first = v;
    else if (v < max - T.distanceStepBackToleranceM) return 'steps-back';
    count++;
    if (v > max) max = v;
    cum[i] = max - first;
  }
  if (count < 2) return undefined;
  return { source: 'recorded', total: max - first, cum, rejected: 0 };
}

/** Haversine along the track, dropping jumps that imply more than `maxGpsSpeedMps`. */
function gpsDistance(s: Samples, n: number): DistanceSeries | undefined {
  const cum = new Float64Array(n).fill(Number.NaN);
  let anchor = -1;
  let total = 0;
  let points = 0;
  let rejected = 0;
  let rejectRun = 0;
  for (let i = 0; i < n; i++) {
    const lat = at(s.lat, i);
    const lon = at(s.lon, i);
    if (!validPosition(lat, lon)) continue;
    points++;
    if (anchor < 0) {
      anchor = i;
      cum[i] = 0;
      continue;
    }
    const d = haversineM(at(s.lat, anchor), at(s.lon, anchor), lat, lon);
    const dtS = (at(s.t, i) - at(s.t, anchor)) / 1000;
    // Without times (or between points sharing one time, see `maxUntimedStepM`) a jump cannot be told from
    // running, so a step is kept unless it is absurdly long. Sub-second steps are judged as 1 s: GPX/TCX
    // times have 1 s resolution.
    const jump =
      Number.isFinite(dtS) && dtS > 0 ? d / Math.max(dtS, 1) > T.maxGpsSpeedMps : d > T.maxUntimedStepM;
    if (jump) {
      rejected++;
      rejectRun++;
      if (rejectRun >= T.gpsReanchorAfter) {
        anchor = i;
        cum[i] = total;
        rejectRun = 0;
      }
      continue;
    }
    total += d;
    cum[i] = total;
    anchor = i;
    rejectRun = 0;
  }
  if (points < 2) return undefined;
  return { source: 'gps', total, cum, rejected };
}

/** Elevation gain with a dead band: see `elevationHysteresisM`. `undefined` with < 2 valid altitudes. */
export function elevationGainM(
  altM: Float64Array,
  hysteresisM: number = T.elevationHysteresisM,
): number | undefined {
  let ref = Number.NaN;
  let gain = 0;
  let count = 0;
  for (let i = 0; i < altM.length; i++) {
    const a = at(altM, i);
    if (!validAlt(a)) continue;
    count++;
    if (Number.isNaN(ref) || a < ref) ref = a;
    else if (a - ref >= hysteresisM) {
      gain += a - ref;
      ref = a;
    }
  }
  return count >= 2 ? gain : undefined;
}

/** Per-segment sums for the thirds and halves. */
type SegmentSums = {
  /** Time of intervals not known to be stopped. */
  baseT: Float64Array;
  cadSum: Float64Array;
  cadT: Float64Array;
  /** Moving intervals with a known distance: time and metres. */
  mdT: Float64Array;
  mdD: Float64Array;
  /** Heart rate over those moving intervals. */
  hrSum: Float64Array;
  hrT: Float64Array;
};

function segmentSums(k: number): SegmentSums {
  return {
    baseT: new Float64Array(k),
    cadSum: new Float64Array(k),
    cadT: new Float64Array(k),
    mdT: new Float64Array(k),
    mdD: new Float64Array(k),
    hrSum: new Float64Array(k),
    hrT: new Float64Array(k),
  };
}

/** Add one interval of `dt` seconds to segment `j`; `dist` is NaN unless moving with a known distance. */
function addInterval(sums: SegmentSums, j: number, dt: number, cad: number, hr: number, dist: number): void {
  sums.baseT[j] = (sums.baseT[j] ?? 0) + dt;
  if (validCad(cad)) {
    sums.cadSum[j] = (sums.cadSum[j] ?? 0) + cad * dt;
    sums.cadT[j] = (sums.cadT[j] ?? 0) + dt;
  }
  if (Number.isFinite(dist)) {
    sums.mdT[j] = (sums.mdT[j] ?? 0) + dt;
    sums.mdD[j] = (sums.mdD[j] ?? 0) + dist;
    if (validHr(hr)) {
      sums.hrSum[j] = (sums.hrSum[j] ?? 0) + hr * dt;
      sums.hrT[j] = (sums.hrT[j] ?? 0) + dt;
    }
  }
}

function enoughBase(s: SegmentSums, i: number): boolean {
  return (s.baseT[i] ?? 0) >= T.minSegmentS;
}
function segCadence(s: SegmentSums, i: number): number | undefined {
  const base = s.baseT[i] ?? 0;
  const cadT = s.cadT[i] ?? 0;
  if (!enoughBase(s, i) || cadT < T.minSegmentCoverage * base || cadT <= 0) return undefined;
  return (s.cadSum[i] ?? 0) / cadT;
}
function segSpeed(s: SegmentSums, i: number): number | undefined {
  const base = s.baseT[i] ?? 0;
  const mdT = s.mdT[i] ?? 0;
  const mdD = s.mdD[i] ?? 0;
  if (!enoughBase(s, i) || mdT < T.minSegmentS || mdT < T.minSegmentCoverage * base || mdD <= 0)
    return undefined;
  return mdD / mdT;
}
function segHr(s: SegmentSums, i: number): number | undefined {
  const mdT = s.mdT[i] ?? 0;
  const hrT = s.hrT[i] ?? 0;
  if (hrT <= 0 || hrT < T.minSegmentCoverage * mdT) return undefined;
  return (s.hrSum[i] ?? 0) / hrT;
}

/**
 * Metrics for one run. The recorded summary, when given, fills what the samples cannot (distance, elapsed,
 * moving time from the timer, HR) and is cross-checked against what they can.
 *
 * Distance: the device's cumulative distance when it has ≥ 2 values and is monotonic (a treadmill's foot
 * pod or the watch's own smoothing), else haversine over positions with jumps over 12 m/s rejected (only
 * possible with timestamps: without them every step is kept).
 *
 * Fatigue markers compare the first and last third (cadence, pace) or the two halves (decoupling) of the
 * elapsed time, over intervals not known to be stopped; each is `undefined` under 20 minutes or when its
 * column covers less than half of a segment.
 *
 * @example runMetrics(syntheticRun({ start: 0, durationS: 3600 })).distanceM // ≈ 10 900
 */
export function runMetrics(samples: Samples, summary?: RecordedSummary): RunMetrics {
  const n = Math.min(
    samples.t.length,
    samples.lat.length,
    samples.lon.length,
    samples.altM.length,
    samples.distM.length,
    samples.hr.length,
    samples.cadSpm.length,
    samples.speedMps.length,
  );
  const notes: string[] = [];
  const fromSummary: RunMetrics['fromSummary'] = [];

  // ── Distance ────────────────────────────────────────────────────────────────────────────────
  const rec = recordedDistance(samples, n);
  const recorded = rec === 'steps-back' ? undefined : rec;
  const gps = gpsDistance(samples, n);
  let series: DistanceSeries | undefined;
  if (recorded && (recorded.total > 0 || !gps)) series = recorded;
  else if (gps) {
    series = gps;
    if (recorded) notes.push('Recorded distance stayed at zero; distance computed from GPS positions.');
  }
  if (rec === 'steps-back') {
    notes.push(
      gps
        ? 'Recorded distance steps backwards; distance computed from GPS positions instead.'
        : 'Recorded distance steps backwards and there are no positions to compute it from.',
    );
  }
  if (gps && gps.rejected > 0 && series === gps) {
    notes.push(`${gps.rejected} GPS point(s) ignored as jumps faster than ${T.maxGpsSpeedMps} m/s.`);
  }
  let distanceM = finite(series?.total);
  let distanceSource: DistanceSource = series ? series.source : 'none';
  let samplesDistanceM: number | undefined;
  const sumDist = finite(summary?.distanceM);
  if (distanceM === undefined && sumDist !== undefined && sumDist >= 0) {
    distanceM = sumDist;
    distanceSource = 'summary';
    fromSummary.push('distanceM');
  } else if (distanceM !== undefined && sumDist !== undefined && sumDist > 0) {
    // The device's own total is what the runner saw on the watch, and it pairs with its timer time: a track
    // that disagrees (an excerpt of the run, or trackpoints that count a lap twice) is kept beside it.
    const diff = Math.abs(distanceM - sumDist) / sumDist;
    if (diff > T.summaryMismatch) {
      samplesDistanceM = distanceM;
      distanceM = sumDist;
      distanceSource = 'summary';
      fromSummary.push('distanceM');
    }
  }

  // ── Time, moving time, fatigue markers (one pass over the intervals) ───────────────────────
  let firstT = -1;
  let lastT = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(at(samples.t, i))) {
      if (firstT < 0) firstT = i;
      lastT = i;
    }
  }
  const t0 = firstT >= 0 ? at(samples.t, firstT) : Number.NaN;
  const elapsedRaw = firstT >= 0 ? (at(samples.t, lastT) - t0) / 1000 : Number.NaN;
  let elapsedS = elapsedRaw >= 0 ? finite(elapsedRaw) : undefined;

  // Speed of each interval (indexed by its end sample) from the distance series: distance between
  // consecutive samples that have both a time and a distance, spread over the intervals in between, so a
  // GPS drop-out neither loses its distance nor counts as a sprint afterwards.
  const intervalSpeed = new Float64Array(n).fill(Number.NaN);
  if (series && firstT >= 0) {
    let lastD = -1;
    for (let i = 0; i < n; i++) {
      const ti = at(samples.t, i);
      const ci = at(series.cum, i);
      if (!Number.isFinite(ti) || !Number.isFinite(ci)) continue;
      if (lastD >= 0) {
        const dt = (ti - at(samples.t, lastD)) / 1000;
        if (dt > 0) {
          const v = (ci - at(series.cum, lastD)) / dt;
          for (let k = lastD + 1; k <= i; k++) intervalSpeed[k] = v;
        }
      }
      lastD = i;
    }
  }

  let movingS = 0;
  let movingKnown = false;
  // Time-weighted heart rate and cadence over the recorded intervals (pauses excluded), as devices average.
  let hrTw = 0;
  let hrTwT = 0;
  let cadTw = 0;
  let cadTwT = 0;
  const thirds = segmentSums(3);
  const halves = segmentSums(2);
  const span = elapsedS !== undefined && elapsedS > 0 ? elapsedS : Number.NaN;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const ti = at(samples.t, i);
    if (!Number.isFinite(ti)) continue;
    if (prev < 0) {
      prev = i;
      continue;
    }
    // An interval takes the values of the sample that opens it (a record holds what was true from its
    // time on) and belongs to the third/half in which it starts.
    const p = prev;
    const tp = at(samples.t, p);
    const dt = (ti - tp) / 1000;
    prev = i;
    if (!(dt > 0)) continue;
    if (dt > T.maxGapS) {
      // A long gap: moving only when the distance across it says the runner kept going.
      const across = at(intervalSpeed, i);
      if (Number.isFinite(across)) {
        movingKnown = true;
        if (across >= T.movingSpeedMps && across <= T.maxGpsSpeedMps) movingS += dt;
      }
      continue;
    }
    const hrOpen = at(samples.hr, p);
    if (validHr(hrOpen)) {
      hrTw += hrOpen * dt;
      hrTwT += dt;
    }
    const cadOpen = at(samples.cadSpm, p);
    if (cadOpen >= 0 && cadOpen <= T.maxCadenceSpm) {
      cadTw += cadOpen * dt;
      cadTwT += dt;
    }
    const recordedSpeed = at(samples.speedMps, p);
    const seriesSpeed = at(intervalSpeed, i);
    const speed = Number.isFinite(recordedSpeed) && recordedSpeed >= 0 ? recordedSpeed : seriesSpeed;
    const known = Number.isFinite(speed);
    const moving = known && speed >= T.movingSpeedMps;
    const dist = Number.isFinite(seriesSpeed) ? seriesSpeed * dt : Number.NaN;
    if (known) movingKnown = true;
    if (moving) movingS += dt;
    if (known && !moving) continue; // stopped: not part of any fatigue comparison
    if (!Number.isFinite(span)) continue;
    const rel = (tp - t0) / 1000 / span;
    const th = Math.min(2, Math.max(0, Math.floor(rel * 3)));
    const hf = Math.min(1, Math.max(0, Math.floor(rel * 2)));
    const cad = at(samples.cadSpm, p);
    const hr = at(samples.hr, p);
    addInterval(thirds, th, dt, cad, hr, moving ? dist : Number.NaN);
    addInterval(halves, hf, dt, cad, hr, moving ? dist : Number.NaN);
  }

  // The timer time is what the device counted as running (auto-pause and the stop button included); the
  // samples only estimate it, so they are the fallback.
  let moving: number | undefined = movingKnown ? movingS : undefined;
  const timerS = finite(summary?.timerS);
  if (timerS !== undefined && timerS > 0) {
    moving = timerS;
    fromSummary.push('movingS');
  } else if (moving === undefined && timerS !== undefined && timerS >= 0) {
    moving = timerS;
    fromSummary.push('movingS');
  }
  // Elapsed is the longer of the samples' span and the file's own: a track may be an excerpt of the run.
  const sumElapsed = finite(summary?.elapsedS);
  if (sumElapsed !== undefined && sumElapsed >= 0 && sumElapsed <= T.maxSummaryElapsedS) {
    if (elapsedS === undefined) {
      elapsedS = sumElapsed;
      fromSummary.push('elapsedS');
    } else if (sumElapsed > elapsedS) {
      elapsedS = sumElapsed;
    }
  }
  if (moving !== undefined && elapsedS !== undefined && moving > elapsedS) moving = elapsedS;

  const paceSPerKm =
    distanceM !== undefined && distanceM > 0 && moving !== undefined && moving > 0
      ? moving / (distanceM / 1000)
      : undefined;

  // ── HR and cadence: time-weighted, else plain sample means (files without usable times) ──────
  let hrSum = 0;
  let hrN = 0;
  let hrMax = 0;
  let cadSum = 0;
  let cadN = 0;
  let cadMax = 0;
  for (let i = 0; i < n; i++) {
    const hr = at(samples.hr, i);
    if (validHr(hr)) {
      hrSum += hr;
      hrN++;
      if (hr > hrMax) hrMax = hr;
    }
    const cad = at(samples.cadSpm, i);
    if (cad >= 0 && cad <= T.maxCadenceSpm) {
      cadSum += cad;
      cadN++;
      if (cad > cadMax) cadMax = cad;
    }
  }
  let avgHr = hrTwT > 0 ? hrTw / hrTwT : hrN > 0 ? hrSum / hrN : undefined;
  // A column of zeros is a sensor that was never there, not a runner standing still for the whole run.
  const hasCadence = cadMax > 0;
  const avgCadenceSpm = !hasCadence ? undefined : cadTwT > 0 ? cadTw / cadTwT : cadSum / cadN;
  let maxHr = hrN > 0 ? hrMax : undefined;
  const sumAvgHr = finite(summary?.avgHr);
  const sumMaxHr = finite(summary?.maxHr);
  if (avgHr === undefined && sumAvgHr !== undefined && validHr(sumAvgHr)) {
    avgHr = sumAvgHr;
    fromSummary.push('avgHr');
  }
  if (maxHr === undefined && sumMaxHr !== undefined && validHr(sumMaxHr)) {
    maxHr = sumMaxHr;
    fromSummary.push('maxHr');
  }

  // ── Fatigue markers ────────────────────────────────────────────────────────────────────────
  let cadenceChangeSpm: number | undefined;
  let cadenceChangePct: number | undefined;
  let paceChangeSPerKm: number | undefined;
  let paceChangePct: number | undefined;
  let decouplingPct: number | undefined;
  if (elapsedRaw >= T.minFatigueDurationS) {
    const c1 = segCadence(thirds, 0);
    const c3 = segCadence(thirds, 2);
    if (c1 !== undefined && c3 !== undefined) {
      cadenceChangeSpm = c3 - c1;
      cadenceChangePct = ((c3 - c1) / c1) * 100;
    }
    const v1 = segSpeed(thirds, 0);
    const v3 = segSpeed(thirds, 2);
    if (v1 !== undefined && v3 !== undefined) {
      const p1 = 1000 / v1;
      const p3 = 1000 / v3;
      paceChangeSPerKm = p3 - p1;
      paceChangePct = ((p3 - p1) / p1) * 100;
    }
    const s1 = segSpeed(halves, 0);
    const s2 = segSpeed(halves, 1);
    const h1 = segHr(halves, 0);
    const h2 = segHr(halves, 1);
    if (s1 !== undefined && s2 !== undefined && h1 !== undefined && h2 !== undefined) {
      decouplingPct = (s1 / h1 / (s2 / h2) - 1) * 100;
    }
  }

  return {
    distanceM: finite(distanceM),
    distanceSource,
    elapsedS: finite(elapsedS),
    movingS: finite(moving),
    paceSPerKm: finite(paceSPerKm),
    elevationGainM: finite(elevationGainM(samples.altM.subarray(0, n))),
    avgHr: finite(avgHr),
    maxHr: finite(maxHr),
    avgCadenceSpm: finite(avgCadenceSpm),
    maxCadenceSpm: hasCadence ? finite(cadMax) : undefined,
    cadenceChangeSpm: finite(cadenceChangeSpm),
    cadenceChangePct: finite(cadenceChangePct),
    paceChangeSPerKm: finite(paceChangeSPerKm),
    paceChangePct: finite(paceChangePct),
    decouplingPct: finite(decouplingPct),
    gpsPointsRejected: series === gps && gps ? gps.rejected : 0,
    fromSummary,
    samplesDistanceM: finite(samplesDistanceM),
    notes,
  };
}

// ── Formatting ───────────────────────────────────────────────────────────────────────────────

/** Display units for distance and pace. */
export type Units = 'km' | 'mi';

/** Metres in an international mile. */
export const METRES_PER_MILE = 1609.344;

/** Shown for a value that is missing or not a usable number. */
export const MISSING = '–';

/**
 * Distance with two decimals in km or miles.
 * @example formatDistance(10_000, 'mi') // '6.21 mi'
 */
export function formatDistance(m: number, units: Units): string {
  if (!Number.isFinite(m) || m < 0) return MISSING;
  const v = units === 'mi' ? m / METRES_PER_MILE : m / 1000;
  return `${v.toFixed(2)} ${units}`;
}

/**
 * Pace as min:ss per km or per mile, rounded to the second (never "5:60").
 * @example formatPace(330, 'km') // '5:30 /km'
 * @example formatPace(330, 'mi') // '8:51 /mi'
 */
export function formatPace(sPerKm: number, units: Units): string {
  if (!Number.isFinite(sPerKm) || sPerKm <= 0) return MISSING;
  const total = Math.round(units === 'mi' ? (sPerKm * METRES_PER_MILE) / 1000 : sPerKm);
  const min = Math.floor(total / 60);
  const sec = total % 60;
  return `${min}:${String(sec).padStart(2, '0')} /${units}`;
}

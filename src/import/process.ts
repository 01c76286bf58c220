/**
 * One file to rows: detect by bytes, unwrap gzip, decode, keep only runs, compute metrics, encode the
 * samples. Pure CPU work with no database, so it runs in worker threads for large imports.
 */
import { gunzipSync } from 'node:zlib';
import { decodeFit } from '../activities/fit.js';
import { decodeGpx } from '../activities/gpx.js';
import { decodeTcx } from '../activities/tcx.js';
import { type DecodedActivity, DecodeError, RUN_SPORTS, type Sport } from '../activities/types.js';
import { runMetrics } from '../metrics/index.js';
import type { NewRunInput } from '../store/runs.js';
import { encodeSamples } from '../store/samples-codec.js';
import { detectFormat } from './detect.js';
import type { StravaEntry } from './strava.js';

/** Gzip bombs: no activity file is anywhere near this. */
const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export type FileOutcome =
  | { kind: 'runs'; runs: NewRunInput[]; notRuns: Sport[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

function decode(bytes: Uint8Array, format: 'fit' | 'gpx' | 'tcx'): DecodedActivity[] {
  if (format === 'fit') return decodeFit(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  return format === 'gpx' ? decodeGpx(text) : decodeTcx(text);
}

const finite = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? null : n);

/** The row for one decoded run. */
export function toRow(activity: DecodedActivity, source: string, strava?: StravaEntry): NewRunInput {
  const m = runMetrics(activity.samples, activity.summary);
  const device = activity.device
    ? [activity.device.manufacturer, activity.device.product].filter(Boolean).join(' ') || null
    : null;
  return {
    start_time: activity.startTime,
    sport: activity.sport,
    sport_label: activity.sportLabel ?? strava?.type ?? null,
    name: strava?.name ?? activity.name ?? null,
    source,
    source_format: activity.format,
    device,
    distance_m: finite(m.distanceM) ?? 0,
    elapsed_s: finite(m.elapsedS),
    moving_s: finite(m.movingS),
    pace_s_per_km: finite(m.paceSPerKm),
    elevation_gain_m: finite(m.elevationGainM),
    avg_hr: finite(m.avgHr),
    max_hr: finite(m.maxHr),
    avg_cadence_spm: finite(m.avgCadenceSpm),
    max_cadence_spm: finite(m.maxCadenceSpm),
    cadence_change_spm: finite(m.cadenceChangeSpm),
    pace_change_pct: finite(m.paceChangePct),
    decoupling_pct: finite(m.decouplingPct),
    sample_count: activity.samples.t.length,
    samples: activity.samples.t.length ? encodeSamples(activity.samples) : null,
    samples_distance_m: finite(m.samplesDistanceM),
    truncated: activity.truncated ? 1 : 0,
    import_notes: importNotes(m.notes),
  };
}

/**
 * Remarks on how a run was read, in plain words; null when there are none. The two facts a run carries as
 * columns (a file cut short, a track that disagrees with the summary) are worded where they are shown.
 */
function importNotes(metricNotes: string[]): string | null {
  return metricNotes.length > 0 ? JSON.stringify(metricNotes) : null;
}

/** A manual Strava activity (no file) as a row from the CSV alone. */
export function manualRow(name: string, e: StravaEntry): NewRunInput {
  const moving = e.movingS ?? null;
  return {
    start_time: e.startTime ?? 0,
    sport: e.sport,
    sport_label: e.type,
    name: e.name ?? null,
    source: name,
    source_format: 'strava-csv',
    device: null,
    distance_m: e.distanceM ?? 0,
    elapsed_s: e.elapsedS ?? null,
    moving_s: moving,
    pace_s_per_km: moving && e.distanceM ? moving / (e.distanceM / 1000) : null,
    elevation_gain_m: null,
    avg_hr: null,
    max_hr: null,
    avg_cadence_spm: null,
    max_cadence_spm: null,
    cadence_change_spm: null,
    pace_change_pct: null,
    decoupling_pct: null,
    sample_count: 0,
    samples: null,
    samples_distance_m: null,
    truncated: 0,
    import_notes: null,
  };
}

/**
 * Process one file's bytes. Never throws for bad input: a bad file is a `failed` outcome with a
 * one-line reason, a file that is not an activity is `skipped`.
 */
export function processFile(name: string, input: Uint8Array, strava?: StravaEntry): FileOutcome {
  let bytes = input;
  let format = detectFormat(bytes);
  if (format === 'gzip') {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_UNZIPPED_BYTES });
    } catch (error) {
      return {
        kind: 'failed',
        reason: `damaged gzip data (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
    format = detectFormat(bytes);
  }
  if (format !== 'fit' && format !== 'gpx' && format !== 'tcx') {
    return { kind: 'skipped', reason: 'not an activity file' };
  }
  let activities: DecodedActivity[];
  try {
    activities = decode(bytes, format);
  } catch (error) {
    if (error instanceof DecodeError) return { kind: 'failed', reason: error.message };
    return {
      kind: 'failed',
      reason: `could not decode ${format.toUpperCase()}: ${(error as Error).message}`,
    };
  }
  if (activities.length === 0)
    return { kind: 'skipped', reason: `no activity in this ${format.toUpperCase()} file` };
  const runs: NewRunInput[] = [];
  const notRuns: Sport[] = [];
  if (!strava && activities.every((a) => a.noSport)) {
    return { kind: 'skipped', reason: 'no sport recorded: the file does not say what activity it is' };
  }
  for (const activity of activities) {
    // Strava's type wins for a single-activity file: the runner may have corrected it there.
    const sport = strava && activities.length === 1 ? strava.sport : activity.sport;
    if (!RUN_SPORTS.has(sport)) {
      notRuns.push(sport);
      continue;
    }
    if (!Number.isFinite(activity.startTime)) {
      return { kind: 'failed', reason: 'the activity has no start time' };
    }
    runs.push(toRow({ ...activity, sport }, name, strava));
  }
  return { kind: 'runs', runs, notRuns };
}

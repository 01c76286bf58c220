/**
 * Running history for every adapter (CLI, HTTP API): date-range and units parsing, the JSON shape of a
 * run, and the training-load summary over a range. Kept light: the store and the load maths load on first
 * use, so a command that never reads runs does not pay for them.
 */
import { badInput } from '../errors.js';
import type { LoadSummary } from '../load/index.js';
import type { Units } from '../metrics/index.js';
import type { Store } from '../store/index.js';
import type { RunSummary } from '../store/runs.js';

const DAY_MS = 86_400_000;

/** A range of times in epoch ms, either end open. */
export type TimeRange = { from?: number | undefined; to?: number | undefined };

/**
 * Whether the `YYYY-MM-DD` a date or time starts with is a day of the calendar: `Date.parse` rolls
 * 2026-02-30 over into 2 March instead of refusing it.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Parse `YYYY-MM-DD` (start of that UTC day, or its last millisecond when `end`) or a full ISO 8601 time.
 * @param flag the field name, reported as the field at fault
 * @param label how the value is named in the message (`--from` on the command line, `from` in the API)
 * @example parseDateFlag('2026-03-01', 'to', true) // 2026-03-01T23:59:59.999Z in epoch ms
 */
export function parseDateFlag(
  value: string | undefined,
  flag: string,
  end = false,
  label = `--${flag}`,
): number | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(day ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(t) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
    throw badInput(`${label} must be a date like 2026-03-01 or an ISO 8601 time, not "${value}"`, flag);
  }
  if (!isCalendarDate(value))
    throw badInput(`${label} ${value.slice(0, 10)} is not a day of the calendar`, flag);
  return day && end ? t + DAY_MS - 1 : t;
}

/** Display units: the option, else `$BACKSTRIDE_UNITS`, else km. */
export function units(o: { units?: string | undefined }): Units {
  const u = o.units ?? process.env.BACKSTRIDE_UNITS ?? 'km';
  if (u !== 'km' && u !== 'mi') throw badInput(`units must be km or mi, not "${u}"`, 'units');
  return u;
}

/** A stored run as the JSON document `runs --json` and `GET /api/runs` give: camelCase, ISO start time. */
export function runJson(r: RunSummary) {
  return {
    id: r.id,
    startTime: new Date(r.start_time).toISOString(),
    sport: r.sport,
    name: r.name,
    distanceM: r.distance_m,
    elapsedS: r.elapsed_s,
    movingS: r.moving_s,
    paceSPerKm: r.pace_s_per_km,
    elevationGainM: r.elevation_gain_m,
    avgHr: r.avg_hr,
    maxHr: r.max_hr,
    avgCadenceSpm: r.avg_cadence_spm,
    maxCadenceSpm: r.max_cadence_spm,
    cadenceChangeSpm: r.cadence_change_spm,
    paceChangePct: r.pace_change_pct,
    decouplingPct: r.decoupling_pct,
    source: r.source,
    sourceFormat: r.source_format,
    device: r.device,
    /** What the track adds up to when it disagrees with the file's own distance (`distanceM`). */
    trackDistanceM: r.samples_distance_m ?? null,
    /** The file was cut short; only the records before the break are here. */
    truncated: r.truncated === 1,
    /** How the run was read, in plain words (a disagreement, a cut file). */
    importNotes: parseNotes(r.import_notes),
  };
}

function parseNotes(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const notes = JSON.parse(text) as unknown;
    return Array.isArray(notes) ? notes.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** The JSON shape of one run in a list. */
export type RunJson = ReturnType<typeof runJson>;

/** Stored runs in a range, oldest first. */
export async function listRunSummaries(store: Store, range: TimeRange = {}): Promise<RunSummary[]> {
  const { listRuns } = await import('../store/runs.js');
  return listRuns(store.db, { from: range.from, to: range.to });
}

/**
 * Training load over a range: weekly distance and change, acute:chronic ratio, monotony and flags.
 * The runs of the 35 days before `from` are read too, because the chronic window needs them.
 */
export async function loadFor(store: Store, range: TimeRange = {}): Promise<LoadSummary> {
  const { listRuns } = await import('../store/runs.js');
  const { loadSummary } = await import('../load/index.js');
  const runs = await listRuns(store.db, {
    from: range.from === undefined ? undefined : range.from - 35 * DAY_MS,
    to: range.to,
  });
  return loadSummary(
    runs.map((r) => ({
      id: r.id,
      startTime: r.start_time,
      distanceM: r.distance_m,
      elapsedS: r.elapsed_s ?? 0,
      movingS: r.moving_s ?? undefined,
    })),
    { from: range.from, to: range.to },
  );
}

/**
 * Running history for every adapter (CLI, HTTP API): date-range and units parsing, the JSON shape of a
 * run, and the training-load summary over a range. Kept light: the store and the load maths load on first
 * use, so a command that never reads runs does not pay for them.
 */
import { badInput } from '../errors.js';
import type { AnalysisWindow, LoadSummary } from '../load/index.js';
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

/** The weeks `load` covers when no start is given: a year, the current week included. */
export const LOAD_WEEKS = 52;

/**
 * Training load over a range: weekly distance and change, acute:chronic ratio, monotony and flags, with
 * the window it covers (`analysisWindow`: it ends today unless `to` is earlier; without `from`, the last
 * {@link LOAD_WEEKS} weeks; a window without runs names the newest run and offers its period). The runs of
 * the 35 days before the window are read too, because the chronic window needs them.
 */
export async function loadFor(
  store: Store,
  range: TimeRange = {},
  now: Date = new Date(),
): Promise<LoadSummary & { window: AnalysisWindow }> {
  const { listRuns } = await import('../store/runs.js');
  const { analysisWindow, localDay, loadSummary } = await import('../load/index.js');
  const chosen = {
    today: localDay(now),
    ...(range.from !== undefined ? { from: localDay(range.from) } : {}),
    ...(range.to !== undefined ? { to: localDay(range.to) } : {}),
    weeks: LOAD_WEEKS,
  };
  const bare = windowOrBadInput(() => analysisWindow({ ...chosen, runDays: [] }));
  const start = Date.parse(`${bare.from}T00:00:00Z`);
  const end = Date.parse(`${bare.to}T00:00:00Z`) + DAY_MS - 1;
  const runs = await listRuns(store.db, { from: start - 35 * DAY_MS, to: end });
  // Only a window without runs needs the newest run before it, to say when that was.
  const inside = runs.some((r) => r.start_time >= start);
  const newest = inside ? runs.at(-1) : (await listRuns(store.db, { to: end })).at(-1);
  const window = analysisWindow({ ...chosen, runDays: newest ? [localDay(newest.start_time)] : [] });
  const summary = loadSummary(
    runs.map((r) => ({
      id: r.id,
      startTime: r.start_time,
      distanceM: r.distance_m,
      elapsedS: r.elapsed_s ?? 0,
      movingS: r.moving_s ?? undefined,
    })),
    { from: window.from, to: window.to },
  );
  return { ...summary, window };
}

/** A window's `RangeError` (a start after the end or after today) as bad input naming the field. */
export function windowOrBadInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) {
      throw badInput(error.message, /^to\b/.test(error.message) ? 'to' : 'from');
    }
    throw error;
  }
}

/**
 * The period an analysis covers, by one rule for the insights, the training load and the clinician
 * report, in the CLI, the API and the web app:
 *
 * - The current window ends today: its last day is today, never a run's day, so "this week" is this
 *   week and a ratio describes now. A chosen end after today is brought back to today: no chart or axis
 *   runs past today.
 * - Without a chosen start, the window is whole ISO weeks: `weeks` of them, the last holding the end.
 * - When the window holds no run but an earlier one exists, it says so ("Your newest run is from 9 July
 *   2024.") and offers a window of the same length that ends on that run's day.
 *
 * Pure: "today" is an input, so tests pin it.
 */

const DAY_MS = 86_400_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type AnalysisWindow = {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`: today, or a chosen earlier day. */
  to: string;
  /** Today as the window was worked out. */
  today: string;
  /** 'current': the default window ending today; 'chosen': a start or end was given. */
  kind: 'current' | 'chosen';
  /** The newest run on or before `to`, if any. */
  newestRun?: string;
  /** True when the window holds no run but an earlier one exists. */
  stale: boolean;
  /** For a stale window: a window of the same length that ends on the newest run's day. */
  offered?: { from: string; to: string };
  /** For a stale window: one plain sentence for people. */
  notice?: string;
};

export type WindowInput = {
  /** Today, `YYYY-MM-DD` (the caller's clock and offset). */
  today: string;
  /** Chosen first day, `YYYY-MM-DD`. */
  from?: string;
  /** Chosen last day, `YYYY-MM-DD`; a day after today counts as today. */
  to?: string;
  /** Days with a run, `YYYY-MM-DD`, in any order (only the newest on or before `to` is used). */
  runDays: readonly string[];
  /** Length of the default window in ISO weeks, the current week included. */
  weeks: number;
};

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws `RangeError` for anything else. */
export function dayNumber(date: string, name = 'date'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || !Number.isFinite(ms) || isoDay(ms / DAY_MS) !== date) {
    throw new RangeError(`${name} must be a date YYYY-MM-DD, got "${date}"`);
  }
  return ms / DAY_MS;
}

/** Day number → `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day (day numbers; 1970-01-01 was a Thursday). */
const mondayOf = (day: number): number => day - ((((day + 3) % 7) + 7) % 7);

/**
 * A date for people, with the month in full: `9 July 2024`.
 * @example longDate('2024-07-09') // '9 July 2024'
 */
export function longDate(date: string): string {
  const d = new Date(dayNumber(date) * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The local calendar day of an instant, `YYYY-MM-DD`, for a fixed offset from UTC in minutes. */
export function localDay(at: Date | number, utcOffsetMinutes = 0): string {
  const t = typeof at === 'number' ? at : at.getTime();
  return isoDay(Math.floor((t + utcOffsetMinutes * 60_000) / DAY_MS));
}

/**
 * The window an analysis covers; see the module comment for the rule. Throws `RangeError` for a date
 * that is not `YYYY-MM-DD`, a start after the end, or a start after today.
 *
 * @example analysisWindow({ today: '2026-11-28', runDays: ['2024-07-09'], weeks: 52 }).notice
 * // 'Your newest run is from 9 July 2024.'
 */
export function analysisWindow(input: WindowInput): AnalysisWindow {
  if (!Number.isInteger(input.weeks) || input.weeks < 1) throw new RangeError('weeks must be ≥ 1');
  const today = dayNumber(input.today, 'today');
  const chosenTo = input.to === undefined ? undefined : dayNumber(input.to, 'to');
  const chosenFrom = input.from === undefined ? undefined : dayNumber(input.from, 'from');
  if (chosenFrom !== undefined && chosenFrom > today) {
    throw new RangeError(`from (${input.from}) is after today (${input.today})`);
  }
  const to = Math.min(chosenTo ?? today, today);
  const span = (end: number) => mondayOf(end) - (input.weeks - 1) * 7;
  const from = chosenFrom ?? span(to);
  if (from > to) throw new RangeError(`from (${isoDay(from)}) is after to (${isoDay(to)})`);

  let newest: number | undefined;
  for (const d of input.runDays) {
    const n = dayNumber(d, 'run day');
    if (n <= to && (newest === undefined || n > newest)) newest = n;
  }
  const kind = chosenFrom === undefined && chosenTo === undefined ? 'current' : 'chosen';
  const window: AnalysisWindow = {
    from: isoDay(from),
    to: isoDay(to),
    today: input.today,
    kind,
    stale: newest !== undefined && newest < from,
  };
  if (newest !== undefined) window.newestRun = isoDay(newest);
  if (window.stale && newest !== undefined) {
    // The offered window has the chosen window's length, or the default one's.
    const length = to - from;
    window.offered = {
      from: isoDay(chosenFrom === undefined ? span(newest) : newest - length),
      to: isoDay(newest),
    };
    const when = longDate(isoDay(newest));
    window.notice =
      kind === 'current'
        ? `Your newest run is from ${when}.`
        : `No runs in this period. Your newest run before it is from ${when}.`;
  }
  return window;
}

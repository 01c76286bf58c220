/**
 * Training load from a list of runs: daily and ISO-weekly totals, week-over-week and two-week change,
 * long-run share, run-day streaks, acute:chronic ratios (rolling uncoupled and EWMA), Foster's monotony
 * and strain, and descriptive flags, each carrying its threshold and the study behind it.
 *
 * Load is distance throughout. Everything is descriptive: the one flag with a measured association with
 * running injury in a large runner cohort is the single-run spike (Frandsen 2025); see `LOAD_LIMITS`.
 *
 * Days are local calendar days given a fixed `utcOffsetMinutes` (default 0, i.e. UTC). A fixed offset
 * keeps the engine pure and deterministic; it does not follow daylight-saving changes, so a run within an
 * hour of midnight around a DST switch may land on the neighbouring day. Pass the offset that was in
 * force for most of the period.
 *
 * Cost is O(days + runs log runs) with typed arrays: ten years of daily runs take a few milliseconds.
 */

import { longDate } from './window.js';

export * from './window.js';

/** One run as the load engine needs it. */
export type LoadRun = {
  id: string;
  /** Epoch milliseconds. */
  startTime: number;
  distanceM: number;
  movingS?: number;
  elapsedS: number;
};

/** A local date `YYYY-MM-DD`, or epoch milliseconds (bucketed with `utcOffsetMinutes`). */
export type DayInput = string | number;

export type LoadOptions = {
  /** First day reported; default the first run's day. Earlier runs still count as history. */
  from?: DayInput;
  /** Last day reported; default the last run's day. Later runs are ignored. */
  to?: DayInput;
  /** Offset of local time from UTC in minutes (e.g. 120 for UTC+2). Default 0. */
  utcOffsetMinutes?: number;
};

export type FlagId =
  | 'single-run-spike'
  | 'weekly-increase-over-10'
  | 'two-week-increase-over-30'
  | 'no-rest-day-7'
  | 'long-run-over-half';

type Threshold = {
  /** The number compared against; a flag is raised when the value is strictly greater (≥ for days). */
  value: number;
  unit: 'ratio' | '%' | 'days' | 'share';
  /** The flag's name for people. */
  title: string;
  /** How it is worked out and how much weight it bears, in plain words: shown once, not with every flag. */
  how: string;
  source: string;
};

/**
 * Every flag threshold, with where it comes from. The engine never uses a number that is not here.
 */
export const LOAD_THRESHOLDS = {
  'single-run-spike': {
    value: 1.1,
    unit: 'ratio',
    title: 'A run longer than your recent longest',
    how:
      'Each run is compared with your longest run in the 30 days before its day, and flagged when it is more than 10 % ' +
      'longer. In the largest study of runners so far (Frandsen 2025, 5205 runners) such runs came with more overuse ' +
      'injuries: about 1.6 times the rate for 10–30 % longer, 1.5 times for 30–100 %, 2.3 times for more than double.',
    /** The comparison window: the calendar days before the run's day (the run's own day excluded). */
    windowDays: 30,
    source:
      'Frandsen JSB et al. 2025, Br J Sports Med 59(17):1203–1210 (Garmin-RUNSAFE, 5205 runners, 588 071 sessions): a run ' +
      'longer than the longest run in the previous 30 days. Spikes up to 10 % were the reference category; adjusted ' +
      'hazard rate ratios for overuse injury were 1.64 (>10–30 %), 1.52 (>30–100 %) and 2.28 (>100 %).',
  },
  'weekly-increase-over-10': {
    value: 10,
    unit: '%',
    title: 'A week up more than 10 %',
    how:
      'Each week’s distance (Monday to Sunday) is compared with the week before and flagged when it is more than 10 % ' +
      'higher. The "10 % rule" is a rule of thumb: a trial found it did not prevent injury (Buist 2008).',
    source:
      'The "10 % rule" is a coaching rule of thumb, not evidence: in the Buist 2008 RCT (Am J Sports Med 36:33–39, 532 ' +
      'novices) a programme built on it gave 20.8 % vs 20.3 % injuries, and Frandsen 2025 found no clear association ' +
      'between week-to-week change and injury.',
  },
  'two-week-increase-over-30': {
    value: 30,
    unit: '%',
    title: 'A week up more than 30 % on two weeks before',
    how:
      'Each week’s distance is compared with the week two weeks before and flagged when it is more than 30 % higher. ' +
      'In novice runners this came with more distance-related injuries, but the result is uncertain (Nielsen 2014; ' +
      '95 % CI 0.96–2.66).',
    source:
      'Nielsen RO et al. 2014, J Orthop Sports Phys Ther 44(10):739–747 (DANO-RUN, 874 novices): progression over 30 % ' +
      'vs under 10 % and distance-related injuries, HR 1.59 (95 % CI 0.96–2.66, P = .07); no difference for injuries ' +
      'overall. Measured here as this ISO week vs the week two weeks before.',
  },
  'no-rest-day-7': {
    value: 7,
    unit: 'days',
    title: 'Seven or more days in a row without rest',
    how:
      'Flagged on the seventh day in a row with a run. A convention, not a tested threshold: no study links a number ' +
      'of days in a row with injury.',
    source:
      'Practice convention, not a tested threshold: no study in our evidence review links a given number of ' +
      'consecutive run days with injury. Shown because daily running without rest also raises monotony (Foster 1998).',
  },
  'long-run-over-half': {
    value: 0.5,
    unit: 'share',
    title: 'One run more than half of the week',
    how:
      'Flagged when the longest run of a finished week with two or more runs is more than half of that week’s ' +
      'distance. A project convention that no study validates.',
    /** A week with a single run has a share of 1 by definition; it is not flagged. */
    minRuns: 2,
    source:
      'Project convention: one run carrying more than half of the week. No study validates 50 %; it is related to the ' +
      'single-session finding of Frandsen 2025 (long sessions relative to recent running carry the risk).',
  },
} as const satisfies Record<FlagId, Threshold & Record<string, unknown>>;

/** Settings of the acute:chronic ratios, with their sources. They are descriptive: no flag uses them. */
export const ACWR_SETTINGS = {
  acuteDays: 7,
  /** Chronic load = mean of the three 7-day sums before the acute week (uncoupled). */
  chronicWeeks: 3,
  /** λ = 2 / (N + 1) with N = 7 (acute) and N = 28 (chronic), Williams et al. 2017 (BJSM 51:209–210). */
  lambdaAcute: 2 / (7 + 1),
  lambdaChronic: 2 / (28 + 1),
  /** Neither ratio is reported before 28 days of history. */
  warmUpDays: 28,
  source:
    'Rolling: Lolli L et al. 2019, BJSM 53(15):921–922, uncoupled A / ((W1 + W2 + W3) / 3). EWMA: Williams S et al. 2017, ' +
    'BJSM 51:209–210.',
} as const;

/**
 * What these numbers can and cannot say. Shown with every summary.
 */
export const LOAD_LIMITS: readonly string[] = [
  'All figures are descriptive. Load here is distance only: pace, hills, surface, heart rate and other sports are not counted.',
  'Acute:chronic workload ratio (ACWR) is shown as context, not as an injury risk. Its "sweet spot" 0.8–1.3 and "danger zone" ≥ 1.5 bands come from team sports (Gabbett 2016) and are not used here.',
  'In the largest runner cohort so far (Frandsen 2025, 5205 runners) neither ACWR nor week-to-week change showed a clear association with overuse injury; a single run longer than the longest of the previous 30 days did. ACWR has not been validated in runners.',
  'The rolling ACWR is the uncoupled form, acute 7 days ÷ mean of the three preceding 7-day sums. The common "coupled" form puts the acute week inside the chronic average, which correlates the ratio with its own numerator by construction (Lolli 2019).',
  'Ratio scaling does not remove the effect of chronic load (Lolli 2019), and re-analysis found that chronic load adds nothing over acute load alone (Impellizzeri 2021).',
  'Rolling-average and EWMA ACWR can disagree on the same data; both are shown with their method. EWMA starts from the mean daily distance of the first 28 days, and neither ratio is shown before 28 days of history, when the chronic load is zero, or after 28 days without a run.',
  'The 10 % weekly rule is a rule of thumb: a randomised trial of a 10 % programme found no fewer injuries (Buist 2008).',
  'The >30 % two-week signal (Nielsen 2014) comes from novice runners, applied to distance-related injuries only, and its confidence interval includes no effect (HR 1.59, 95 % CI 0.96–2.66).',
  'Monotony (mean ÷ SD of the 7 daily distances, population SD) and strain (weekly distance × monotony) follow Foster 1998, which used session RPE × minutes, not distance; thresholds are individual. Monotony is not defined when all seven days are equal, and is left out for a week in progress.',
  'A week in progress is partial: its change figures can still rise, and its long-run share is not flagged until the week is over.',
  'Days are bucketed with one fixed UTC offset; daylight-saving changes are not followed.',
];

export type DayLoad = {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  distanceM: number;
  /** Moving time when known, else elapsed time, seconds. */
  timeS: number;
  runs: number;
  /** Rolling uncoupled ACWR ending on this day; `undefined` before warm-up or with zero chronic load. */
  acwrRolling?: number;
  /** EWMA ACWR on this day. */
  acwrEwma?: number;
};

export type WeekLoad = {
  /** ISO week, e.g. `2024-W05`. */
  week: string;
  /** Monday `YYYY-MM-DD`. */
  weekStart: string;
  /** Sunday `YYYY-MM-DD`. */
  weekEnd: string;
  /** False for the week holding `to` when `to` is not a Sunday: its totals can still grow. */
  complete: boolean;
  distanceM: number;
  timeS: number;
  runs: number;
  runDays: number;
  longestRunM: number;
  /** % change vs the previous week; `undefined` when that week had no distance. */
  changePct?: number;
  /** % change vs the week two weeks before; `undefined` when that week had no distance. */
  twoWeekChangePct?: number;
  /** Longest run ÷ week distance; `undefined` for an empty week. */
  longRunShare?: number;
  /** Foster monotony: mean daily distance ÷ SD; complete weeks with unequal days only. */
  monotony?: number;
  /** Foster strain: week distance × monotony. */
  strain?: number;
  /** Rolling uncoupled ACWR on the week's last reported day. */
  acwrRolling?: number;
  acwrEwma?: number;
};

export type LoadFlag = {
  id: FlagId;
  /** Local date the flag refers to: the run's day, the week's Monday, or the 7th day of a streak. */
  date: string;
  value: number;
  threshold: number;
  /** What happened, in plain words; how the flag is worked out is in `LOAD_THRESHOLDS[id].how`, shown once. */
  message: string;
  source: string;
  /** For `single-run-spike`: the run. */
  runId?: string;
  /** For weekly flags: the ISO week. */
  week?: string;
};

export type AcwrMethod = {
  method: 'rolling-uncoupled' | 'ewma';
  unit: 'distance';
  description: string;
  /** The value on `to`, if defined. */
  latest?: number;
};

export type LoadSummary = {
  /** First and last reported day; `undefined` when there is nothing to report. */
  from?: string;
  to?: string;
  utcOffsetMinutes: number;
  totals: { distanceM: number; timeS: number; runs: number; runDays: number };
  days: DayLoad[];
  weeks: WeekLoad[];
  streaks: {
    /** Longest run of consecutive run days that reaches into the reported range (counted in full). */
    longestRunDays: number;
    /** Last day of that streak. */
    longestEndsOn?: string;
    /** Consecutive run days ending on `to` (0 when `to` has no run). */
    currentRunDays: number;
    /** Days since the last day without a run, as of `to`; `undefined` when history shows none. */
    daysSinceRestDay?: number;
  };
  acwr: { rolling: AcwrMethod; ewma: AcwrMethod };
  flags: LoadFlag[];
  /** Ids of runs left out because their start time or distance is not a usable number (see `MAX_RUN_DISTANCE_M`). */
  skippedRunIds: string[];
  thresholds: typeof LOAD_THRESHOLDS;
  limits: readonly string[];
};

const ROLLING_DESCRIPTION =
  'Rolling uncoupled ACWR by distance: the last 7 days ÷ the mean of the three 7-day sums before them ' +
  '(Lolli 2019). Descriptive only; not validated in runners.';
const EWMA_DESCRIPTION =
  'EWMA ACWR by distance: exponentially weighted daily distance with λ = 2/(7+1) ÷ the same with λ = 2/(28+1) ' +
  '(Williams 2017). Descriptive only; not validated in runners.';

const DAY_MS = 86_400_000;
/**
 * Sanity bounds: a distance over 10 000 km is a corrupt record, not a run, and the run is skipped; a time
 * over 10 000 000 s (116 days) is treated as unknown. They keep every sum finite.
 */
export const MAX_RUN_DISTANCE_M = 1e7;
export const MAX_RUN_TIME_S = 1e7;
/** A guard against a corrupt timestamp turning into millions of days: 100 years. */
export const MAX_RANGE_DAYS = 36_525;

/** Day number (days since 1970-01-01) → `YYYY-MM-DD`. */
function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** ISO week label of the week starting on Monday `monday`: the week belongs to the year of its Thursday. */
function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function dayOf(input: DayInput, offsetMs: number, name: string): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`${name} must be a finite epoch-ms number`);
    return Math.floor((input + offsetMs) / DAY_MS);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || !Number.isFinite(ms) || isoDate(ms / DAY_MS) !== input) {
    throw new RangeError(`${name} must be a date YYYY-MM-DD, got "${input}"`);
  }
  return ms / DAY_MS;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Number.isFinite(r) ? r : x;
};

/** A number for a message: at most `digits` decimals. */
const fmt = (x: number, digits = 0): string => String(round(x, digits));

const km = (m: number): string => `${fmt(m / 1000, 1)} km`;

/** Frandsen 2025's spike category for a ratio above 1.1 (the hazard ratios are in the flag's `how`). */
function spikeCategory(ratio: number): string {
  if (ratio > 2) return 'large spike (more than double)';
  if (ratio > 1.3) return 'moderate spike (30–100 % longer)';
  return 'small spike (10–30 % longer)';
}

/** "Week of 29 January 2024" for a Monday's day number. */
const weekOf = (monday: number): string => `Week of ${longDate(isoDate(monday))}`;

const pctChange = (now: number, before: number): number | undefined =>
  before > 0 ? ((now - before) / before) * 100 : undefined;

/**
 * Daily and weekly load, streaks, ACWR, monotony/strain and flags for the runs between `from` and `to`.
 * Runs before `from` are history (they feed ACWR, streaks and the 30-day spike window); runs after `to`
 * are ignored. Flags are raised for events dated within [from, to] (a run's day, a week overlapping the
 * range, the 7th day of a streak). Throws `RangeError` for an invalid option or a span of more than 100
 * years.
 *
 * @example loadSummary(runs, { utcOffsetMinutes: 60 }).flags.filter((f) => f.id === 'single-run-spike')
 */
export function loadSummary(runs: readonly LoadRun[], options: LoadOptions = {}): LoadSummary {
  const offsetMin = options.utcOffsetMinutes ?? 0;
  if (!Number.isFinite(offsetMin) || Math.abs(offsetMin) > 18 * 60) {
    throw new RangeError('utcOffsetMinutes must be a number of minutes within ±18 hours');
  }
  const offsetMs = offsetMin * 60_000;

  // ── Valid runs and their local day ─────────────────────────────────────────────────────────
  const skippedRunIds: string[] = [];
  const valid: Array<{ run: LoadRun; day: number; timeS: number }> = [];
  for (const run of runs) {
    const ok =
      Number.isFinite(run.startTime) &&
      Number.isFinite(run.distanceM) &&
      run.distanceM >= 0 &&
      run.distanceM <= MAX_RUN_DISTANCE_M;
    const day = ok ? Math.floor((run.startTime + offsetMs) / DAY_MS) : Number.NaN;
    if (!ok || !Number.isFinite(day)) {
      skippedRunIds.push(run.id);
      continue;
    }
    const usable = (x: number | undefined): x is number => x !== undefined && x >= 0 && x <= MAX_RUN_TIME_S;
    const timeS = usable(run.movingS) ? run.movingS : usable(run.elapsedS) ? run.elapsedS : 0;
    valid.push({ run, day, timeS });
  }

  let minRunDay = Number.POSITIVE_INFINITY;
  let maxRunDay = Number.NEGATIVE_INFINITY;
  for (const v of valid) {
    if (v.day < minRunDay) minRunDay = v.day;
    if (v.day > maxRunDay) maxRunDay = v.day;
  }
  const fromOpt = options.from === undefined ? undefined : dayOf(options.from, offsetMs, 'from');
  const toOpt = options.to === undefined ? undefined : dayOf(options.to, offsetMs, 'to');
  const fromDay = fromOpt ?? (valid.length ? minRunDay : toOpt);
  const toDay = toOpt ?? (valid.length ? maxRunDay : fromOpt);

  const empty: LoadSummary = {
    utcOffsetMinutes: offsetMin,
    totals: { distanceM: 0, timeS: 0, runs: 0, runDays: 0 },
    days: [],
    weeks: [],
    streaks: { longestRunDays: 0, currentRunDays: 0 },
    acwr: {
      rolling: { method: 'rolling-uncoupled', unit: 'distance', description: ROLLING_DESCRIPTION },
      ewma: { method: 'ewma', unit: 'distance', description: EWMA_DESCRIPTION },
    },
    flags: [],
    skippedRunIds,
    thresholds: LOAD_THRESHOLDS,
    limits: LOAD_LIMITS,
  };
  if (fromDay === undefined || toDay === undefined) return empty;
  if (fromDay > toDay) throw new RangeError(`from (${isoDate(fromDay)}) is after to (${isoDate(toDay)})`);

  // History starts at the earlier of `from` and the first run up to `to`; the arrays start on the Monday
  // on or before it so that every week is a whole ISO week.
  let historyDay = fromDay;
  for (const v of valid) if (v.day <= toDay && v.day < historyDay) historyDay = v.day;
  const startDay = historyDay - weekday(historyDay);
  const n = toDay - startDay + 1;
  if (n > MAX_RANGE_DAYS) {
    throw new RangeError(
      `the runs and range span ${n} days; more than ${MAX_RANGE_DAYS} (100 years) is refused`,
    );
  }
  const h = historyDay - startDay;
  const f = fromDay - startDay;
  const last = n - 1;

  // ── Daily arrays ───────────────────────────────────────────────────────────────────────────
  const dist = new Float64Array(n);
  const time = new Float64Array(n);
  const count = new Int32Array(n);
  const dayMax = new Float64Array(n);
  for (const v of valid) {
    const i = v.day - startDay;
    if (i < 0 || i > last) continue;
    dist[i] = (dist[i] ?? 0) + v.run.distanceM;
    time[i] = (time[i] ?? 0) + v.timeS;
    count[i] = (count[i] ?? 0) + 1;
    if (v.run.distanceM > (dayMax[i] ?? 0)) dayMax[i] = v.run.distanceM;
  }
  const d = (i: number): number => dist[i] ?? 0;

  // ── ACWR: rolling uncoupled and EWMA ───────────────────────────────────────────────────────
  // 7-day sums summed directly (7 adds per day) rather than by a running total, so a window of rest days
  // is exactly 0 and never a rounding residue that would make a ratio explode.
  const sum7 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = Math.max(0, i - 6); k <= i; k++) s += d(k);
    sum7[i] = s;
  }
  const warm = ACWR_SETTINGS.warmUpDays - 1;
  const acwrRolling = new Float64Array(n).fill(Number.NaN);
  for (let i = h + warm; i < n; i++) {
    const chronic = ((sum7[i - 7] ?? 0) + (sum7[i - 14] ?? 0) + (sum7[i - 21] ?? 0)) / 3;
    if (chronic > 0) acwrRolling[i] = (sum7[i] ?? 0) / chronic;
  }
  // EWMA seeded with the mean daily distance of the first 28 days of history: seeding with 0 biases the
  // ratio upward for months (the chronic average fills slowly); the seed only affects warm-up days,
  // whose ratios are not reported.
  const acwrEwma = new Float64Array(n).fill(Number.NaN);
  {
    let seed = 0;
    const seedEnd = Math.min(last, h + warm);
    for (let i = h; i <= seedEnd; i++) seed += d(i);
    seed /= seedEnd - h + 1;
    let a = seed;
    let c = seed;
    const la = ACWR_SETTINGS.lambdaAcute;
    const lc = ACWR_SETTINGS.lambdaChronic;
    for (let i = h; i < n; i++) {
      a = la * d(i) + (1 - la) * a;
      c = lc * d(i) + (1 - lc) * c;
      // After 28 days without a run both averages only decay towards zero, and their ratio (1e−80 after two
      // years) describes nothing: like the rolling ratio with a zero chronic load, it is left out.
      const ran28 = (sum7[i] ?? 0) + (sum7[i - 7] ?? 0) + (sum7[i - 14] ?? 0) + (sum7[i - 21] ?? 0) > 0;
      if (i >= h + warm && c > 0 && ran28) acwrEwma[i] = a / c;
    }
  }
  const num = (x: number | undefined): number | undefined =>
    x !== undefined && Number.isFinite(x) ? x : undefined;

  // ── Streaks and rest days ──────────────────────────────────────────────────────────────────
  let streak = 0;
  let longest = 0;
  let longestEnd = -1;
  let lastRest = -1;
  const streakFlags: LoadFlag[] = [];
  const restDays = LOAD_THRESHOLDS['no-rest-day-7'];
  /** The flag of the streak under way, if it has reached the threshold: its value follows the streak. */
  let open: LoadFlag | undefined;
  for (let i = h; i < n; i++) {
    if ((count[i] ?? 0) > 0) {
      streak++;
      if (streak === restDays.value && i >= f) {
        open = {
          id: 'no-rest-day-7',
          date: isoDate(startDay + i),
          value: streak,
          threshold: restDays.value,
          message: '',
          source: restDays.source,
        };
        streakFlags.push(open);
      }
      if (open) open.value = streak;
    } else {
      lastRest = i;
      streak = 0;
      open = undefined;
    }
    // A streak counts if it reaches into [from, to]; its days before `from` count too.
    if (streak > 0 && i >= f && streak > longest) {
      longest = streak;
      longestEnd = i;
    }
  }
  for (const flag of streakFlags) {
    flag.message = `${flag.value} days in a row with a run and no rest day.`;
  }

  // ── Single-run spikes: the longest run in the 30 days before each run's day ────────────────
  // Sliding-window maximum of the daily longest run with a monotonic deque: O(days).
  const spike = LOAD_THRESHOLDS['single-run-spike'];
  const prevMax = new Float64Array(n);
  {
    const dq = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      // Window for day i is [i − 30, i − 1]: admit day i − 1, evict days before i − 30.
      const j = i - 1;
      if (j >= 0) {
        while (tail > head && (dayMax[dq[tail - 1] ?? 0] ?? 0) <= (dayMax[j] ?? 0)) tail--;
        dq[tail++] = j;
      }
      while (tail > head && (dq[head] ?? 0) < i - spike.windowDays) head++;
      prevMax[i] = tail > head ? (dayMax[dq[head] ?? 0] ?? 0) : 0;
    }
  }
  const flags: LoadFlag[] = [];
  const inRange = valid
    .filter((v) => v.day >= fromDay && v.day <= toDay)
    .sort((x, y) => x.run.startTime - y.run.startTime);
  for (const v of inRange) {
    const i = v.day - startDay;
    const before = prevMax[i] ?? 0;
    if (!(before > 0) || !(v.run.distanceM > 0)) continue;
    const ratio = v.run.distanceM / before;
    if (Number.isFinite(ratio) && ratio > spike.value) {
      flags.push({
        id: 'single-run-spike',
        date: isoDate(v.day),
        value: round(ratio, 3),
        threshold: spike.value,
        message:
          `Run of ${km(v.run.distanceM)} is ${fmt(ratio, 2)}× your longest run in the previous ${spike.windowDays} days ` +
          `(${km(before)}): a ${spikeCategory(ratio)}.`,
        source: spike.source,
        runId: v.run.id,
      });
    }
  }

  // ── Weeks ──────────────────────────────────────────────────────────────────────────────────
  const weekCount = Math.ceil(n / 7);
  const wDist = new Float64Array(weekCount);
  for (let w = 0; w < weekCount; w++) {
    let s = 0;
    for (let k = w * 7; k < Math.min(n, w * 7 + 7); k++) s += d(k);
    wDist[w] = s;
  }
  const weeks: WeekLoad[] = [];
  const weekly = LOAD_THRESHOLDS['weekly-increase-over-10'];
  const twoWeek = LOAD_THRESHOLDS['two-week-increase-over-30'];
  const longRun = LOAD_THRESHOLDS['long-run-over-half'];
  for (let w = Math.floor(f / 7); w < weekCount; w++) {
    const s = w * 7;
    const e = Math.min(last, s + 6);
    let timeS = 0;
    let runsN = 0;
    let runDays = 0;
    let longestRun = 0;
    for (let k = s; k <= e; k++) {
      timeS += time[k] ?? 0;
      runsN += count[k] ?? 0;
      if ((count[k] ?? 0) > 0) runDays++;
      if ((dayMax[k] ?? 0) > longestRun) longestRun = dayMax[k] ?? 0;
    }
    const distanceM = wDist[w] ?? 0;
    const complete = s + 6 <= last;
    const changePct = w >= 1 ? pctChange(distanceM, wDist[w - 1] ?? 0) : undefined;
    const twoWeekChangePct = w >= 2 ? pctChange(distanceM, wDist[w - 2] ?? 0) : undefined;
    const longRunShare = distanceM > 0 ? longestRun / distanceM : undefined;
    let monotony: number | undefined;
    let strain: number | undefined;
    if (complete) {
      const mean = distanceM / 7;
      let ss = 0;
      for (let k = s; k <= e; k++) ss += (d(k) - mean) ** 2;
      const sd = Math.sqrt(ss / 7);
      // Identical days (SD 0) leave monotony undefined rather than infinite; so does a tiny residue.
      if (sd > 1e-9 * Math.max(1, mean)) {
        monotony = mean / sd;
        strain = distanceM * monotony;
      }
    }
    const monday = startDay + s;
    const label = isoWeekLabel(monday);
    const week: WeekLoad = {
      week: label,
      weekStart: isoDate(monday),
      weekEnd: isoDate(monday + 6),
      complete,
      distanceM,
      timeS,
      runs: runsN,
      runDays,
      longestRunM: longestRun,
      changePct: num(changePct),
      twoWeekChangePct: num(twoWeekChangePct),
      longRunShare: num(longRunShare),
      monotony: num(monotony),
      strain: num(strain),
      acwrRolling: num(acwrRolling[e]),
      acwrEwma: num(acwrEwma[e]),
    };
    weeks.push(week);

    // A week in progress can only add distance, so an increase already over a threshold is real.
    if (week.changePct !== undefined && week.changePct > weekly.value) {
      flags.push({
        id: 'weekly-increase-over-10',
        date: week.weekStart,
        value: round(week.changePct, 1),
        threshold: weekly.value,
        message:
          `${weekOf(monday)}: ${km(distanceM)}, up ${fmt(week.changePct)} % on the week before (${km(wDist[w - 1] ?? 0)})` +
          `${complete ? '' : ' so far'}.`,
        source: weekly.source,
        week: label,
      });
    }
    if (week.twoWeekChangePct !== undefined && week.twoWeekChangePct > twoWeek.value) {
      flags.push({
        id: 'two-week-increase-over-30',
        date: week.weekStart,
        value: round(week.twoWeekChangePct, 1),
        threshold: twoWeek.value,
        message:
          `${weekOf(monday)}: ${km(distanceM)}, up ${fmt(week.twoWeekChangePct)} % on two weeks before (${km(wDist[w - 2] ?? 0)})` +
          `${complete ? '' : ' so far'}.`,
        source: twoWeek.source,
        week: label,
      });
    }
    if (complete && runsN >= longRun.minRuns && longRunShare !== undefined && longRunShare > longRun.value) {
      flags.push({
        id: 'long-run-over-half',
        date: week.weekStart,
        value: round(longRunShare, 3),
        threshold: longRun.value,
        message: `${weekOf(monday)}: the longest run (${km(longestRun)}) was ${fmt(longRunShare * 100)} % of the week's ${km(distanceM)}.`,
        source: longRun.source,
        week: label,
      });
    }
  }

  // ── Days in range, totals ──────────────────────────────────────────────────────────────────
  const days: DayLoad[] = [];
  let totalD = 0;
  let totalT = 0;
  let totalRuns = 0;
  let totalRunDays = 0;
  for (let i = f; i <= last; i++) {
    const runsN = count[i] ?? 0;
    totalD += d(i);
    totalT += time[i] ?? 0;
    totalRuns += runsN;
    if (runsN > 0) totalRunDays++;
    days.push({
      date: isoDate(startDay + i),
      distanceM: d(i),
      timeS: time[i] ?? 0,
      runs: runsN,
      acwrRolling: num(acwrRolling[i]),
      acwrEwma: num(acwrEwma[i]),
    });
  }

  flags.push(...streakFlags);
  const order: Record<FlagId, number> = {
    'single-run-spike': 0,
    'two-week-increase-over-30': 1,
    'weekly-increase-over-10': 2,
    'long-run-over-half': 3,
    'no-rest-day-7': 4,
  };
  flags.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : order[x.id] - order[y.id]));

  const currentRunDays = streak;
  const daysSinceRestDay = (count[last] ?? 0) === 0 ? 0 : lastRest >= h ? last - lastRest : undefined;

  return {
    from: isoDate(fromDay),
    to: isoDate(toDay),
    utcOffsetMinutes: offsetMin,
    totals: { distanceM: totalD, timeS: totalT, runs: totalRuns, runDays: totalRunDays },
    days,
    weeks,
    streaks: {
      longestRunDays: longest,
      longestEndsOn: longestEnd >= 0 ? isoDate(startDay + longestEnd) : undefined,
      currentRunDays,
      daysSinceRestDay,
    },
    acwr: {
      rolling: { ...empty.acwr.rolling, latest: num(acwrRolling[last]) },
      ewma: { ...empty.acwr.ewma, latest: num(acwrEwma[last]) },
    },
    flags,
    skippedRunIds,
    thresholds: LOAD_THRESHOLDS,
    limits: LOAD_LIMITS,
  };
}

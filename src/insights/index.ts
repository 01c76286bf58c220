/**
 * Personal pain patterns: which kinds of run were followed by back pain more (or less) often in this
 * runner's own diary. Pure and deterministic: runs, check-ins and exercise sessions in, a report out.
 *
 * Method, in short:
 * - Outcome per run ("pain after"): the highest score of the check-ins timed 'during', 'right-after' or
 *   'next-morning' that belong to the run (see {@link OUTCOME_WINDOWS_H}). A run without one has an unknown
 *   outcome and is left out: it is never assumed pain-free, because people log more when it hurts.
 * - Pain is "present" at a score ≥ {@link DEFAULT_PAIN_THRESHOLD} (configurable).
 * - Each candidate feature splits the runs in two; for each we report a 2×2 table, the pain rate in each
 *   group, the risk difference with a Newcombe hybrid-score interval (Newcombe 1998, method 10) and the risk
 *   ratio with a log interval (0.5 continuity correction when a cell is zero). The verdict uses the risk
 *   difference interval only.
 * - Distance and duration thresholds are found in the data (several splits tried, the largest difference
 *   kept); their intervals are Bonferroni-widened for the number of splits tried, so the chosen split is not
 *   reported with a falsely narrow interval.
 *
 * Everything here is association in a small observational diary. Messages never say that a feature brings on
 * pain, and the output carries `caveats` to say why.
 */
import type { DiaryRun, ExerciseSession, PainCheckin, PainTiming } from '../diary/types.js';
import { type LoadRun, type LoadSummary, loadSummary } from '../load/index.js';
import {
  type Interval,
  median,
  nearestRank,
  newcombeDifference,
  type RatioInterval,
  riskRatio,
} from './stats.js';

export type { Interval, RatioInterval } from './stats.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * How long after a run's start an unlinked check-in of each timing can still describe that run, in hours.
 * 24 h covers "during" and "right after" however long the run; "next morning" after an evening run can be
 * 12–15 h later, so it gets 36 h. Check-ins with timing 'before' or 'other' never describe a run's outcome.
 */
export const OUTCOME_WINDOWS_H: Readonly<Partial<Record<PainTiming, number>>> = {
  during: 24,
  'right-after': 24,
  'next-morning': 36,
};

/**
 * Default score (0–10) from which pain after a run counts as present. A project convention, not a validated
 * cut-off: scores of 0–2 are within the NPRS smallest detectable change from zero (MDC 2 points, Childs et
 * al. 2005, source 'childs-2005-nprs'), so 3 is the lowest score that is clearly "some pain". Change it with
 * `options.painThreshold`.
 */
export const DEFAULT_PAIN_THRESHOLD = 3;

/**
 * Minimum data before any verdict other than 'not enough data yet'. Conventions, chosen so that a single
 * run cannot swing a rate by more than 20 percentage points and a handful of check-ins cannot produce a
 * "link": at least 10 runs with a known outcome, and at least 5 runs in each group of a feature.
 */
export const DEFAULT_MINIMUMS = { runsWithOutcome: 10, runsPerGroup: 5 } as const;

/** The quantiles of run distance (and duration) tried as thresholds: 50, 66 and 75 %. */
export const SPLIT_QUANTILES: readonly number[] = [0.5, 0.66, 0.75];

/** Nominal confidence of every interval (before the Bonferroni widening of data-chosen splits). */
export const CONFIDENCE = 0.95;

/**
 * Fixed feature thresholds and where they come from.
 */
export const FEATURE_THRESHOLDS = {
  /** A "fast" run: pace quicker than the runner's median pace by more than 5 % (project convention). */
  fastPaceFraction: 0.05,
  /**
   * A late-run cadence drop: cadence in the last part of the run at least 2 steps/min below the first part.
   * Project convention: about 1–2 % of a typical 160–180 spm cadence, beyond the usual stride-to-stride
   * wobble of a watch's cadence average.
   */
  cadenceDropSpm: -2,
  /**
   * Weekly change over 10 %: the "10 % rule" is a rule of thumb, not evidence (Buist 2008); it is used here
   * only because it is the weekly flag the load engine raises ('weekly-increase-over-10').
   */
  weeklyIncreasePct: 10,
} as const;

export type FeatureId =
  | 'long-distance'
  | 'long-duration'
  | 'load-spike'
  | 'hilly'
  | 'fast'
  | 'cadence-drop'
  | 'missed-warm-up';

export type Verdict = 'linked' | 'no clear link' | 'not enough data yet';

export type GroupCounts = {
  /** Runs in the group with a known outcome. */
  runs: number;
  /** Of those, runs followed by pain (score ≥ threshold). */
  pain: number;
  /** pain ÷ runs; `null` for an empty group. */
  rate: number | null;
};

/** One candidate feature, compared between runs with it and runs without it. */
export type TriggerFinding = {
  id: FeatureId;
  /** Plain description of the runs that have the feature, e.g. "runs over 14 km". */
  label: string;
  /** The threshold that defines the feature, when it has one. */
  threshold?: {
    value: number;
    unit: 'km' | 'min' | 'm/km' | 's/km' | 'spm';
    /** For data-chosen splits: the quantile of the runner's runs this threshold is. */
    quantile?: number;
    /** For data-chosen splits: how many distinct splits were tried (the Bonferroni factor). */
    splitsTried?: number;
  };
  with: GroupCounts;
  without: GroupCounts;
  /** Runs with a known outcome for which the feature could not be worked out (missing pace, cadence, …). */
  unknown: number;
  /**
   * Pain rate with minus pain rate without, with a Newcombe hybrid-score interval; `null` when a group is
   * empty. For data-chosen splits `confidence` is 1 − 0.05 / splitsTried.
   */
  riskDifference: Interval | null;
  /** Pain rate with ÷ pain rate without, log interval (Katz), 0.5 added to every cell when one is zero. */
  riskRatio: RatioInterval | null;
  verdict: Verdict;
  /** For 'linked': whether pain followed these runs more or less often than the others. */
  direction?: 'more' | 'less';
  /** One associational sentence with the counts. */
  message: string;
};

export type TriggerInput = {
  runs: readonly DiaryRun[];
  checkins: readonly PainCheckin[];
  sessions: readonly ExerciseSession[];
  /** Plan item ids that count as a warm-up. Without them the missed-warm-up feature is skipped. */
  warmUpItemIds?: readonly string[];
};

export type TriggerOptions = {
  /** Pain is present at a score ≥ this (0–10). Default {@link DEFAULT_PAIN_THRESHOLD}. */
  painThreshold?: number;
  /** Minimum runs with a known outcome before any verdict. Default 10. */
  minRunsWithOutcome?: number;
  /** Minimum runs in each group of a feature before a verdict. Default 5. */
  minRunsPerGroup?: number;
  /** Offset of local time from UTC in minutes, for "same day" (warm-ups) and the load weeks. Default 0. */
  utcOffsetMinutes?: number;
  /**
   * Only runs on these local days (`YYYY-MM-DD`, both ends included) are analysed; earlier runs still count
   * as history for the load-spike feature. Default: every run.
   */
  window?: { from: string; to: string };
  /** Distances and paces in findings' words: km (default) or miles. Thresholds stay in SI units. */
  units?: 'km' | 'mi';
};

export type TriggerReport = {
  painThreshold: number;
  /** Runs given (with a usable start time). */
  runs: number;
  /** Runs with a pain check-in afterwards: the ones analysed. */
  runsWithOutcome: number;
  /** Runs with no check-in afterwards, left out (not assumed pain-free). */
  runsLeftOut: number;
  leftOutRunIds: string[];
  /** Of the analysed runs, how many were followed by pain. */
  runsWithPain: number;
  /** Findings, clearest first: 'linked' (strongest first), then 'no clear link', then 'not enough data yet'. */
  findings: TriggerFinding[];
  /**
   * The findings with 'not enough data yet', said once: a card each would show counts that rest on no data
   * ("pain 0 of 0 times"). Absent when every finding has a verdict.
   */
  notEnoughData?: { ids: FeatureId[]; message: string };
  /** Features that could not be defined at all, with why. */
  skipped: Array<{ id: FeatureId; reason: string }>;
  minimums: { runsWithOutcome: number; runsPerGroup: number };
  /** One plain sentence on what was analysed and what was left out. */
  summary: string;
  caveats: string[];
};

// ── Formatting ───────────────────────────────────────────────────────────────────────────────

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Number.isFinite(r) ? r : x;
};
const fmt = (x: number, digits = 0): string => String(round(x, digits));
const MILE_M = 1609.344;
/** A distance in the runner's units. */
const km = (m: number, u: 'km' | 'mi' = 'km'): string =>
  u === 'mi' ? `${fmt(m / MILE_M, 1)} mi` : `${fmt(m / 1000, 1)} km`;
const clock = (s: number): string => {
  const total = Math.round(s / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
};
/** A pace in the runner's units (min:ss per km or per mile). */
const pace = (sPerKm: number, u: 'km' | 'mi' = 'km'): string => {
  const total = Math.round(u === 'mi' ? (sPerKm * MILE_M) / 1000 : sPerKm);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')} /${u}`;
};
const pp = (x: number): string => {
  const v = Math.round(x * 100);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}`;
};
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

// ── Outcome per run ──────────────────────────────────────────────────────────────────────────

/** Index of the last element of `sorted` with key ≤ x, or −1. */
function lastAtOrBefore<T>(sorted: readonly T[], key: (t: T) => number, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = sorted[mid];
    if (item !== undefined && key(item) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/**
 * The highest post-run score per run id. A check-in with a `runId` counts for that run only. An unlinked
 * check-in counts for the latest run that started at or before it, if it is within that timing's window:
 * with two runs in a day, a check-in after the second describes the second, and is not counted twice.
 */
export function painAfterRuns(
  runs: readonly DiaryRun[],
  checkins: readonly PainCheckin[],
): Map<string, number> {
  const byId = new Set(runs.map((r) => r.id));
  const sorted = runs.filter((r) => Number.isFinite(r.startTime)).sort((x, y) => x.startTime - y.startTime);
  const worst = new Map<string, number>();
  const note = (runId: string, score: number): void => {
    const prev = worst.get(runId);
    if (prev === undefined || score > prev) worst.set(runId, score);
  };
  for (const c of checkins) {
    const windowH = OUTCOME_WINDOWS_H[c.timing];
    if (windowH === undefined || !Number.isFinite(c.score)) continue;
    if (c.runId !== undefined) {
      if (byId.has(c.runId)) note(c.runId, c.score);
      continue;
    }
    if (!Number.isFinite(c.at)) continue;
    const i = lastAtOrBefore(sorted, (r) => r.startTime, c.at);
    const run = sorted[i];
    if (run && c.at - run.startTime <= windowH * HOUR_MS) note(run.id, c.score);
  }
  return worst;
}

// ── Features ─────────────────────────────────────────────────────────────────────────────────

type Table = { a: number; n1: number; b: number; n0: number; unknown: number };

/** Cross-tabulates a per-run feature (true / false / undefined = unknown) against pain. */
function tabulate(
  runs: readonly DiaryRun[],
  pain: ReadonlyMap<string, boolean>,
  feature: (r: DiaryRun) => boolean | undefined,
): Table {
  const t: Table = { a: 0, n1: 0, b: 0, n0: 0, unknown: 0 };
  for (const r of runs) {
    const p = pain.get(r.id);
    if (p === undefined) continue;
    const f = feature(r);
    if (f === undefined) t.unknown++;
    else if (f) {
      t.n1++;
      if (p) t.a++;
    } else {
      t.n0++;
      if (p) t.b++;
    }
  }
  return t;
}

/** A ratio of a sub-metre distance can overflow or be 0/0: such a value is unknown, not a number to compare. */
const finite = (x: number): number | undefined => (Number.isFinite(x) ? x : undefined);
const durationS = (r: DiaryRun): number | undefined => {
  const s = r.movingS ?? r.elapsedS;
  return s !== null && Number.isFinite(s) && s > 0 ? s : undefined;
};
const distanceOk = (r: DiaryRun): number | undefined =>
  Number.isFinite(r.distanceM) && r.distanceM > 0 ? r.distanceM : undefined;
/**
 * Per-km figures (climb, pace) need a run of at least 100 m: below that they are GPS noise, and a
 * near-zero distance would turn them into huge or infinite numbers.
 */
const MIN_PER_KM_DISTANCE_M = 100;
const perKmDistance = (r: DiaryRun): number | undefined => {
  const d = distanceOk(r);
  return d !== undefined && d >= MIN_PER_KM_DISTANCE_M ? d : undefined;
};
const climbPerKm = (r: DiaryRun): number | undefined => {
  const d = perKmDistance(r);
  const e = r.elevationGainM;
  return d !== undefined && e !== null && Number.isFinite(e) && e >= 0 ? finite(e / (d / 1000)) : undefined;
};
const paceOf = (r: DiaryRun): number | undefined => {
  if (r.paceSPerKm !== null && Number.isFinite(r.paceSPerKm) && r.paceSPerKm > 0) return r.paceSPerKm;
  const d = perKmDistance(r);
  const s = durationS(r);
  return d !== undefined && s !== undefined ? finite(s / (d / 1000)) : undefined;
};

type Candidate = {
  id: FeatureId;
  label: string;
  threshold?: TriggerFinding['threshold'];
  table: Table;
  confidence: number;
};

/**
 * A data-chosen threshold: tries the nearest-rank quantiles of `value` over the analysed runs and keeps
 * the split with the largest absolute risk difference, preferring splits that meet the per-group minimum.
 * The reported interval is at 1 − 0.05 / k for the k distinct splits tried (Bonferroni), so that the family
 * of tries keeps at least 95 % coverage.
 */
function bestSplit(
  id: FeatureId,
  analysed: readonly DiaryRun[],
  pain: ReadonlyMap<string, boolean>,
  value: (r: DiaryRun) => number | undefined,
  describe: (threshold: number) => { label: string; value: number; unit: 'km' | 'min' },
  minPerGroup: number,
): Candidate | string {
  const values = analysed.map(value).filter((v): v is number => v !== undefined);
  const thresholds = [
    ...new Set(SPLIT_QUANTILES.map((q) => nearestRank(values, q)).filter((v) => v !== undefined)),
  ];
  const tries: Array<{ t: number; q: number; table: Table }> = [];
  for (const t of thresholds) {
    const table = tabulate(analysed, pain, (r) => {
      const v = value(r);
      return v === undefined ? undefined : v > t;
    });
    const q = SPLIT_QUANTILES.find((x) => nearestRank(values, x) === t) ?? 0.5;
    if (table.n1 > 0 && table.n0 > 0) tries.push({ t, q, table });
  }
  if (tries.length === 0) {
    return values.length === 0 ? 'no runs with this information yet' : 'all runs are too alike to split';
  }
  const k = tries.length;
  const confidence = 1 - (1 - CONFIDENCE) / k;
  const rd = (x: Table): number => Math.abs(x.a / x.n1 - x.b / x.n0);
  const eligible = tries.filter((x) => x.table.n1 >= minPerGroup && x.table.n0 >= minPerGroup);
  const pool = eligible.length > 0 ? eligible : tries;
  let best = pool[0];
  for (const x of pool) if (best === undefined || rd(x.table) > rd(best.table) + 1e-12) best = x;
  if (best === undefined) return 'no usable split';
  const d = describe(best.t);
  return {
    id,
    label: d.label,
    threshold: { value: d.value, unit: d.unit, quantile: best.q, splitsTried: k },
    table: best.table,
    confidence,
  };
}

/** Local day number for an epoch-ms time. */
const localDay = (t: number, offsetMs: number): number => Math.floor((t + offsetMs) / DAY_MS);
const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Load-spike feature per run, from the load engine: the run is a 'single-run-spike' (longer than the
 * longest run in the previous 30 days by more than 10 %, Frandsen 2025), or its ISO week carries the
 * 'weekly-increase-over-10' flag. Unknown for a run with no earlier run in the 30 days before and no
 * previous week to compare with: neither comparison can be made.
 */
function loadSpikeFeature(
  runs: readonly DiaryRun[],
  offsetMinutes: number,
): ((r: DiaryRun) => boolean | undefined) | string {
  const loadRuns: LoadRun[] = runs.map((r) => ({
    id: r.id,
    startTime: r.startTime,
    distanceM: r.distanceM,
    movingS: r.movingS ?? undefined,
    elapsedS: r.elapsedS ?? r.movingS ?? 0,
  }));
  let summary: LoadSummary;
  try {
    summary = loadSummary(loadRuns, { utcOffsetMinutes: offsetMinutes });
  } catch (e) {
    return `the load summary could not be computed (${e instanceof Error ? e.message : String(e)})`;
  }
  const offsetMs = offsetMinutes * 60_000;
  const spikeRuns = new Set(
    summary.flags.filter((f) => f.id === 'single-run-spike' && f.runId).map((f) => f.runId),
  );
  const spikeWeeks = new Set(
    summary.flags.filter((f) => f.id === 'weekly-increase-over-10' && f.week).map((f) => f.week),
  );
  const skipped = new Set(summary.skippedRunIds);
  const days = runs
    .filter((r) => !skipped.has(r.id) && Number.isFinite(r.startTime) && r.distanceM > 0)
    .map((r) => localDay(r.startTime, offsetMs))
    .sort((x, y) => x - y);
  return (r) => {
    if (skipped.has(r.id) || !Number.isFinite(r.startTime)) return undefined;
    const day = localDay(r.startTime, offsetMs);
    const date = isoDate(day);
    const week = summary.weeks.find((w) => w.weekStart <= date && date <= w.weekEnd);
    if (spikeRuns.has(r.id) || (week && spikeWeeks.has(week.week))) return true;
    const i = lastAtOrBefore(days, (x) => x, day - 1);
    const earlier = days[i];
    const hasEarlier = earlier !== undefined && earlier >= day - 30;
    return hasEarlier || week?.changePct !== undefined ? false : undefined;
  };
}

/**
 * Missed warm-up per run: true when no exercise session containing a warm-up item was logged on the run's
 * local day at or before its start.
 */
function missedWarmUpFeature(
  sessions: readonly ExerciseSession[],
  warmUpIds: readonly string[],
  offsetMinutes: number,
): (r: DiaryRun) => boolean | undefined {
  const ids = new Set(warmUpIds);
  const offsetMs = offsetMinutes * 60_000;
  const warmUps = sessions.filter((s) => Number.isFinite(s.at) && s.items.some((i) => ids.has(i)));
  return (r) => {
    if (!Number.isFinite(r.startTime)) return undefined;
    const day = localDay(r.startTime, offsetMs);
    return !warmUps.some((s) => s.at <= r.startTime && localDay(s.at, offsetMs) === day);
  };
}

// ── Verdicts and messages ────────────────────────────────────────────────────────────────────

function finding(c: Candidate, painThreshold: number, minKnown: number, minPerGroup: number, known: number) {
  const { a, n1, b, n0, unknown } = c.table;
  const rate = (x: number, n: number): number | null => (n > 0 ? x / n : null);
  const rd = n1 > 0 && n0 > 0 ? newcombeDifference(a, n1, b, n0, c.confidence) : null;
  const rr = n1 > 0 && n0 > 0 ? riskRatio(a, n1, b, n0, c.confidence) : null;
  const counts = `${a} of ${n1} vs ${b} of ${n0} other runs`;
  const level = `${fmt(c.confidence * 100, 1)} %`;
  let verdict: Verdict;
  let direction: 'more' | 'less' | undefined;
  let message: string;
  if (known < minKnown || n1 < minPerGroup || n0 < minPerGroup || rd === null) {
    verdict = 'not enough data yet';
    message =
      `Not enough data yet on ${c.label}: ${plural(n1, 'such run')} and ${plural(n0, 'other run')} had a pain ` +
      `check-in afterwards${n1 > 0 && n0 > 0 ? ` (pain followed ${a} of ${n1} and ${b} of ${n0})` : ''}. ` +
      `At least ${minPerGroup} of each, and ${minKnown} runs in all, are needed.`;
  } else if (rd.lower > 0 || rd.upper < 0) {
    verdict = 'linked';
    direction = rd.estimate > 0 ? 'more' : 'less';
    message =
      `Pain (${painThreshold}+ out of 10) followed ${c.label} ${direction} often: ${counts} ` +
      `(${pp(rd.estimate)} percentage points, ${level} interval ${pp(rd.lower)} to ${pp(rd.upper)}). ` +
      'This is a pattern in your diary, not proof that one brings on the other.';
  } else {
    verdict = 'no clear link';
    message =
      `No clear link between ${c.label} and pain afterwards: ${counts} ` +
      `(${pp(rd.estimate)} percentage points, ${level} interval ${pp(rd.lower)} to ${pp(rd.upper)}); ` +
      'a difference this size could be chance.';
  }
  const out: TriggerFinding = {
    id: c.id,
    label: c.label,
    with: { runs: n1, pain: a, rate: rate(a, n1) },
    without: { runs: n0, pain: b, rate: rate(b, n0) },
    unknown,
    riskDifference: rd,
    riskRatio: rr,
    verdict,
    message,
  };
  if (c.threshold) out.threshold = c.threshold;
  if (direction) out.direction = direction;
  return out;
}

/** One sentence for every finding without a verdict yet, naming what each still needs. */
function notEnoughData(
  pending: readonly TriggerFinding[],
  known: number,
  minKnown: number,
  minPerGroup: number,
): { ids: FeatureId[]; message: string } {
  const labels = pending.map((f) => f.label.replace(/ \(.*\)$/, ''));
  const list =
    labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  const need =
    known < minKnown
      ? `It takes ${minKnown} runs with a pain check-in afterwards (you have ${known}), and at least ${minPerGroup} ` +
        'with and without each feature.'
      : `Each needs at least ${minPerGroup} runs with a pain check-in afterwards with the feature, and ${minPerGroup} without.`;
  return {
    ids: pending.map((f) => f.id),
    message: `Not enough data yet to compare pain after ${list}. ${need}`,
  };
}

const VERDICT_ORDER: Record<Verdict, number> = { linked: 0, 'no clear link': 1, 'not enough data yet': 2 };

/**
 * How clearly the interval sits away from zero: the estimate over the half-width on its side of zero
 * (> 1 means the interval excludes 0). A z-like score that works for asymmetric Newcombe intervals.
 */
function clarity(f: TriggerFinding): number {
  const rd = f.riskDifference;
  if (!rd) return 0;
  const half = rd.estimate >= 0 ? rd.estimate - rd.lower : rd.upper - rd.estimate;
  return half > 0 ? Math.abs(rd.estimate) / half : 0;
}

const CAVEATS: readonly string[] = [
  'These are patterns in your own diary: they show what tended to go together, not what brings pain on. Several features overlap (long runs are also long in time and are often load spikes), so one may stand in for another.',
  'Runs without a pain check-in afterwards are left out, not counted as pain-free. If you log more often after painful runs, the rates shown are higher than your true ones.',
  'The distance and duration thresholds are chosen from your data (the split with the largest difference out of up to three tried). Their intervals are widened for the number of splits tried (Bonferroni) so that the choice does not make a link look firmer than it is.',
  'Up to seven features are checked at once. With 95 % intervals, about one unrelated feature in twenty can look linked by chance.',
  'Runs close together are not independent (pain can carry over from one day to the next), so the intervals may be narrower than they should be.',
  'The load-spike feature counts a whole week over 10 % as a spike, including runs later in that week. The 10 % weekly rule is a rule of thumb (Buist 2008); only the single-run spike has a measured link with injury in a large runner cohort (Frandsen 2025).',
];

/**
 * Looks for patterns between run features and pain afterwards in one runner's diary.
 *
 * Runs are matched to pain check-ins (see {@link painAfterRuns}); runs with no check-in afterwards are left
 * out and counted in `runsLeftOut`. Each feature is compared between runs with it and without it; see
 * {@link TriggerFinding} for the statistics and the module comment for the methods. Throws `RangeError` for
 * an invalid option.
 *
 * @example findTriggers({ runs, checkins, sessions, warmUpItemIds: ['hip-hinge-warm-up'] }).findings[0]?.message
 */
export function findTriggers(input: TriggerInput, options: TriggerOptions = {}): TriggerReport {
  const painThreshold = options.painThreshold ?? DEFAULT_PAIN_THRESHOLD;
  if (!Number.isFinite(painThreshold) || painThreshold < 0 || painThreshold > 10) {
    throw new RangeError('painThreshold must be a number from 0 to 10');
  }
  const minKnown = options.minRunsWithOutcome ?? DEFAULT_MINIMUMS.runsWithOutcome;
  const minPerGroup = options.minRunsPerGroup ?? DEFAULT_MINIMUMS.runsPerGroup;
  for (const [name, v] of [
    ['minRunsWithOutcome', minKnown],
    ['minRunsPerGroup', minPerGroup],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a whole number ≥ 1`);
  }
  const offset = options.utcOffsetMinutes ?? 0;
  if (!Number.isFinite(offset) || Math.abs(offset) > 18 * 60) {
    throw new RangeError('utcOffsetMinutes must be a number of minutes within ±18 hours');
  }

  const history = input.runs.filter((r) => Number.isFinite(r.startTime));
  const window = options.window;
  const units = options.units ?? 'km';
  const runs = window
    ? history.filter((r) => {
        const day = isoDate(localDay(r.startTime, offset * 60_000));
        return day >= window.from && day <= window.to;
      })
    : history;
  const worst = painAfterRuns(runs, input.checkins);
  const pain = new Map<string, boolean>();
  const leftOutRunIds: string[] = [];
  for (const r of runs) {
    const s = worst.get(r.id);
    if (s === undefined) leftOutRunIds.push(r.id);
    else pain.set(r.id, s >= painThreshold);
  }
  const analysed = runs.filter((r) => pain.has(r.id));
  const known = analysed.length;
  const withPain = [...pain.values()].filter(Boolean).length;

  const candidates: Candidate[] = [];
  const skipped: TriggerReport['skipped'] = [];
  const add = (x: Candidate | string, id: FeatureId): void => {
    if (typeof x === 'string') skipped.push({ id, reason: x });
    else candidates.push(x);
  };

  add(
    bestSplit(
      'long-distance',
      analysed,
      pain,
      distanceOk,
      (t) => ({ label: `runs over ${km(t, units)}`, value: round(t / 1000, 3), unit: 'km' }),
      minPerGroup,
    ),
    'long-distance',
  );
  add(
    bestSplit(
      'long-duration',
      analysed,
      pain,
      durationS,
      (t) => ({ label: `runs longer than ${clock(t)}`, value: round(t / 60, 2), unit: 'min' }),
      minPerGroup,
    ),
    'long-duration',
  );

  const spike = loadSpikeFeature(history, offset);
  if (typeof spike === 'string') skipped.push({ id: 'load-spike', reason: spike });
  else {
    candidates.push({
      id: 'load-spike',
      label:
        'runs after a jump in load (a run over 10 % longer than any in the previous 30 days, or a week up more than 10 %)',
      table: tabulate(analysed, pain, spike),
      confidence: CONFIDENCE,
    });
  }

  // The runner's own medians come from all their runs, not only those with a check-in: they describe
  // what is usual for this runner.
  const climbMedian = median(runs.map(climbPerKm).filter((v): v is number => v !== undefined));
  if (climbMedian === undefined) skipped.push({ id: 'hilly', reason: 'no runs with elevation data yet' });
  else {
    candidates.push({
      id: 'hilly',
      label: `hillier runs (over ${fmt(climbMedian, 1)} m of climb per km, your median)`,
      threshold: { value: round(climbMedian, 2), unit: 'm/km' },
      table: tabulate(analysed, pain, (r) => {
        const v = climbPerKm(r);
        return v === undefined ? undefined : v > climbMedian;
      }),
      confidence: CONFIDENCE,
    });
  }

  const paceMedian = median(runs.map(paceOf).filter((v): v is number => v !== undefined));
  if (paceMedian === undefined) skipped.push({ id: 'fast', reason: 'no runs with a pace yet' });
  else {
    const fastBelow = paceMedian * (1 - FEATURE_THRESHOLDS.fastPaceFraction);
    candidates.push({
      id: 'fast',
      label: `faster runs (quicker than ${pace(fastBelow, units)}, over 5 % faster than your median ${pace(paceMedian, units)})`,
      threshold: { value: round(fastBelow, 1), unit: 's/km' },
      table: tabulate(analysed, pain, (r) => {
        const v = paceOf(r);
        return v === undefined ? undefined : v < fastBelow;
      }),
      confidence: CONFIDENCE,
    });
  }

  candidates.push({
    id: 'cadence-drop',
    label: `runs where cadence fell by ${-FEATURE_THRESHOLDS.cadenceDropSpm} steps/min or more late in the run`,
    threshold: { value: FEATURE_THRESHOLDS.cadenceDropSpm, unit: 'spm' },
    table: tabulate(analysed, pain, (r) =>
      r.cadenceChangeSpm === null || !Number.isFinite(r.cadenceChangeSpm)
        ? undefined
        : r.cadenceChangeSpm <= FEATURE_THRESHOLDS.cadenceDropSpm,
    ),
    confidence: CONFIDENCE,
  });

  const warmUpIds = input.warmUpItemIds ?? [];
  if (warmUpIds.length === 0) {
    skipped.push({ id: 'missed-warm-up', reason: 'no warm-up exercises given' });
  } else {
    candidates.push({
      id: 'missed-warm-up',
      label: 'runs without a warm-up logged earlier that day',
      table: tabulate(analysed, pain, missedWarmUpFeature(input.sessions, warmUpIds, offset)),
      confidence: CONFIDENCE,
    });
  }

  const findings = candidates
    .map((c) => finding(c, painThreshold, minKnown, minPerGroup, known))
    .sort((x, y) => {
      const v = VERDICT_ORDER[x.verdict] - VERDICT_ORDER[y.verdict];
      if (v !== 0) return v;
      const c =
        x.verdict === 'not enough data yet'
          ? y.with.runs + y.without.runs - (x.with.runs + x.without.runs)
          : clarity(y) - clarity(x);
      return c !== 0 ? c : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    });

  const pending = findings.filter((f) => f.verdict === 'not enough data yet');
  const summary =
    runs.length === 0
      ? history.length === 0
        ? 'No runs yet.'
        : 'No runs in this period.'
      : `${known} of ${plural(runs.length, 'run')} had a pain check-in afterwards (${withPain} with pain of ` +
        `${painThreshold}+ out of 10). ` +
        (leftOutRunIds.length === 0
          ? 'No run was left out.'
          : `${plural(leftOutRunIds.length, 'run')} without one ${leftOutRunIds.length === 1 ? 'was' : 'were'} ` +
            'left out, not counted as pain-free.') +
        (known < minKnown ? ` At least ${minKnown} are needed before any pattern is judged.` : '');

  return {
    painThreshold,
    runs: runs.length,
    runsWithOutcome: known,
    runsLeftOut: leftOutRunIds.length,
    leftOutRunIds,
    runsWithPain: withPain,
    findings,
    ...(pending.length ? { notEnoughData: notEnoughData(pending, known, minKnown, minPerGroup) } : {}),
    skipped,
    minimums: { runsWithOutcome: minKnown, runsPerGroup: minPerGroup },
    summary,
    caveats: [
      `Pain counts as present at ${painThreshold} or more out of 10. The default 3 is a convention: scores of 0–2 are within the measurement error of the 0–10 scale (smallest detectable change 2 points, Childs 2005).`,
      ...CAVEATS,
    ],
  };
}

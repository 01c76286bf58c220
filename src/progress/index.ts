/**
 * Outcome measures over time: the numeric pain rating (NPRS, 0–10) from pain check-ins and the
 * Patient-Specific Functional Scale (PSFS) from activity ratings, each judged against its minimal important
 * change, plus weekly series for charts and the advice on when to see a clinician.
 *
 * Thresholds (all from research/clinical-guidelines.md §1.2 and §4, and knowledge/data/outcome-measures.ts):
 * - NPRS improved: a fall of ≥ 2 points AND ≥ 30 % (Ostelo 2008, 'ostelo-2008-mic'). Worse: a rise of
 *   ≥ 2 points, which exceeds measurement error (MDC 2, Childs 2005, 'childs-2005-nprs').
 * - PSFS improved / worse: the average across activities rises / falls by ≥ 2 (the guideline recommendation);
 *   1.3 / 2.3 / 2.7 are small / medium / large changes (Abbott & Schmitt 2014, 'abbott-schmitt-2014-psfs').
 * - See a clinician when pain is worse, when there is no meaningful improvement after 3 weeks (triage's review
 *   say 2–4; 14 days is used) or when the pain has not settled by 6 weeks (42 days) ('chcp-nhs-msk',
 *   'nhs-back-pain-timeline', 'nhs-back-pain-urgent').
 *
 * Pure: `now` is always passed in. These numbers say nothing about red flags; the triage questions do.
 */
import type { PainCheckin, PsfsRating } from '../diary/types.js';
import { knowledge } from '../knowledge/index.js';

const DAY_MS = 86_400_000;

/**
 * Comparisons use this tolerance so that a mean that is mathematically exactly on a threshold (2 points,
 * 30 %) is not pushed below it by floating-point rounding (e.g. 20/3 − 14/3).
 */
const EPS = 1e-9;

/** NPRS thresholds and settings, with their sources. */
export const NPRS_THRESHOLDS = {
  /** A meaningful fall: at least 2 points (Ostelo 2008) … */
  improvePoints: 2,
  /** … and at least 30 % of the baseline (Ostelo 2008; both required, as in the guideline recommendation). */
  improvePercent: 30,
  /**
   * A meaningful rise: at least 2 points, the minimal detectable change (Childs 2005: MDC 2; MCID 2.2 at one
   * week and 1.5 at four weeks). 2 is used throughout rather than a time-dependent MCID.
   */
  worsePoints: 2,
  /** Baseline and current are means over this many days (the first and the last week). */
  windowDays: 7,
  /** No judgement before the check-ins span this many days. */
  minSpanDays: 7,
  /** No judgement with fewer check-ins than this. */
  minCheckins: 2,
  /**
   * Pain of this or less counts as settled. Project convention: "recovered" corresponds to an NPRS of about 0
   * (Kamper 2010, in research/clinical-guidelines.md §4); 1 allows for a trace.
   */
  resolvedMax: 1,
  sources: ['ostelo-2008-mic', 'childs-2005-nprs'],
} as const;

/** PSFS thresholds, with their sources. */
export const PSFS_THRESHOLDS = {
  /** The average rises by ≥ 2: meaningful (guideline recommendation, between Abbott & Schmitt's small and medium). */
  improvePoints: 2,
  /** The average falls by ≥ 2. */
  worsePoints: 2,
  /** Abbott & Schmitt 2014 (n = 1,708): 1.3 small, 2.3 medium, 2.7 large. */
  small: 1.3,
  medium: 2.3,
  large: 2.7,
  /** An activity's first and latest ratings must be at least this many days apart to count. */
  minSpanDays: 7,
  sources: ['abbott-schmitt-2014-psfs', 'stratford-1995-psfs'],
} as const;

const triageReview = knowledge().redFlags.find((f) => f.id === 'not-improving-weeks');

/**
 * Care thresholds for routine back pain without red flags: the same review times triage uses (the
 * `not-improving-weeks` rule in the knowledge base), so the check-in and the diary never disagree.
 */
export const CARE_THRESHOLDS = {
  /** nhs.uk: see a GP if it does not improve after a few weeks of home care (taken as 3 weeks). */
  notImprovingDays: triageReview?.params.notImprovingDays ?? 21,
  /** "… and settles within 6 weeks" (CHCP); "see a GP if not improved in 6 weeks" (NHS-based timeline). */
  notResolvedDays: triageReview?.params.unresolvedDays ?? 42,
  sources: {
    notImproving: ['chcp-nhs-msk', 'nhs-back-pain-see-gp'],
    notResolved: ['chcp-nhs-msk', 'nhs-back-pain-timeline'],
    worse: ['nhs-back-pain-urgent'],
  },
} as const;

export type Judgement = 'improved' | 'unchanged' | 'worse' | 'not enough data yet';

/** A mean over a window of check-ins. */
export type WindowMean = { mean: number; n: number; from: number; to: number };

/** One ISO week of a chart series. */
export type WeeklyPoint = {
  /** ISO week, e.g. `2024-W05`. */
  week: string;
  /** Monday `YYYY-MM-DD`. */
  weekStart: string;
  mean: number;
  min: number;
  max: number;
  /** Ratings that went into the point. */
  n: number;
};

export type NprsProgress = {
  judgement: Judgement;
  /** Mean of the first week of check-ins; absent when there is not enough data. */
  baseline?: WindowMean;
  /** Mean of the last `windowDays` days before `now`. */
  current?: WindowMean;
  /** current − baseline (negative = less pain). */
  change?: number;
  /** change ÷ baseline × 100; `null` when the baseline is 0. */
  percentChange?: number | null;
  /** Check-ins used (at or before `now`, with a finite score). */
  checkins: number;
  firstAt?: number;
  lastAt?: number;
  spanDays: number;
  message: string;
  weekly: WeeklyPoint[];
  sources: string[];
};

export type PsfsActivityProgress = {
  /** The activity as last written by the runner. */
  activity: string;
  first: { at: number; score: number };
  latest: { at: number; score: number };
  ratings: number;
  /** latest − first. */
  change: number;
  /** Whether this activity counts in the average (two ratings at least 7 days apart). */
  compared: boolean;
};

export type PsfsProgress = {
  judgement: Judgement;
  /** Size of the change in the average by Abbott & Schmitt 2014. */
  size?: 'none' | 'small' | 'medium' | 'large';
  activities: PsfsActivityProgress[];
  /** Mean of the first ratings of the compared activities. */
  baseline?: number;
  /** Mean of their latest ratings. */
  current?: number;
  /** current − baseline. */
  change?: number;
  message: string;
  /**
   * Per ISO week with a rating: the average over activities of each one's latest rating up to the end of that
   * week (an activity counts from its first rating on).
   */
  weekly: WeeklyPoint[];
  sources: string[];
};

export type ProgressOptions = {
  /** Epoch ms; ratings after it are ignored. */
  now: number;
  /** Offset of local time from UTC in minutes, for the weekly series. Default 0. */
  utcOffsetMinutes?: number;
};

export type NprsOptions = ProgressOptions & {
  /** Length of the baseline and current windows in days. Default 7. */
  windowDays?: number;
};

export type Advice = {
  seeClinician: boolean;
  status: 'see a clinician' | 'keep going' | 'not enough data yet';
  reasons: string[];
  /** Source ids from knowledge/data/sources.ts. */
  sources: string[];
};

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
/** A score for a sentence: at most one decimal, no trailing ".0". */
const num = (x: number): string => String(round(x, 1));
const signed = (x: number, digits = 1): string => {
  const r = round(x, digits);
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r)}`;
};
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function checkOptions(options: ProgressOptions): number {
  if (!Number.isFinite(options.now)) throw new RangeError('now must be a finite epoch-ms number');
  const offset = options.utcOffsetMinutes ?? 0;
  if (!Number.isFinite(offset) || Math.abs(offset) > 18 * 60) {
    throw new RangeError('utcOffsetMinutes must be a number of minutes within ±18 hours');
  }
  return offset * 60_000;
}

/** Monday of the local week holding `at`, as a day number, and its ISO label. */
function isoWeek(at: number, offsetMs: number): { monday: number; label: string; start: string } {
  const day = Math.floor((at + offsetMs) / DAY_MS);
  const monday = day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return {
    monday,
    label: `${year}-W${String(week).padStart(2, '0')}`,
    start: new Date(monday * DAY_MS).toISOString().slice(0, 10),
  };
}

function point(label: string, start: string, values: readonly number[]): WeeklyPoint {
  return {
    week: label,
    weekStart: start,
    mean: mean(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

const usable = (x: { at: number; score: number }, now: number): boolean =>
  Number.isFinite(x.at) && Number.isFinite(x.score) && x.at <= now;

// ── NPRS ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Judges the change in pain from the check-ins' scores (all timings).
 *
 * Baseline = mean of the check-ins in the first `windowDays` days from the first one that are not also in
 * the current window (the first check-in alone when none is); current = mean of the check-ins in the last
 * `windowDays` days up to `now`. Improved when the fall is ≥ 2 points and ≥ 30 % (Ostelo 2008); worse when
 * the rise is ≥ 2 points (Childs 2005); otherwise unchanged. 'not enough data yet' with fewer than 2
 * check-ins, a span under 7 days, or no check-in in the current window.
 *
 * @example nprsProgress(checkins, { now: Date.now() }).message
 *   // "Your pain has fallen from 6 to 3 (−50%): a meaningful improvement."
 */
export function nprsProgress(checkins: readonly PainCheckin[], options: NprsOptions): NprsProgress {
  const offsetMs = checkOptions(options);
  const windowDays = options.windowDays ?? NPRS_THRESHOLDS.windowDays;
  if (!Number.isFinite(windowDays) || windowDays <= 0) throw new RangeError('windowDays must be > 0');
  const { now } = options;
  const valid = checkins.filter((c) => usable(c, now)).sort((x, y) => x.at - y.at);
  const sources = [...NPRS_THRESHOLDS.sources];

  const byWeek = new Map<number, { label: string; start: string; scores: number[] }>();
  for (const c of valid) {
    const w = isoWeek(c.at, offsetMs);
    const entry = byWeek.get(w.monday) ?? { label: w.label, start: w.start, scores: [] };
    entry.scores.push(c.score);
    byWeek.set(w.monday, entry);
  }
  const weekly = [...byWeek.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([, w]) => point(w.label, w.start, w.scores));

  const first = valid[0];
  const last = valid[valid.length - 1];
  const spanDays = first && last ? (last.at - first.at) / DAY_MS : 0;
  const base = {
    checkins: valid.length,
    firstAt: first?.at,
    lastAt: last?.at,
    spanDays,
    weekly,
    sources,
  };
  const notYet = (why: string): NprsProgress => ({
    ...base,
    judgement: 'not enough data yet',
    message: `Not enough data yet to judge your pain: ${why}`,
  });
  if (!first || !last || valid.length < NPRS_THRESHOLDS.minCheckins) {
    return notYet('log your pain at least twice, a week or more apart.');
  }
  if (spanDays < NPRS_THRESHOLDS.minSpanDays) {
    return notYet('your check-ins cover less than a week so far.');
  }
  const windowMs = windowDays * DAY_MS;
  const currentStart = now - windowMs;
  const current = valid.filter((c) => c.at > currentStart);
  if (current.length === 0) {
    return notYet(`no check-in in the last ${num(windowDays)} days; log how your back feels today.`);
  }
  if (first.at > currentStart) {
    return notYet(`all your check-ins fall in the last ${num(windowDays)} days.`);
  }
  const early = valid.filter((c) => c.at < first.at + windowMs && c.at <= currentStart);
  const baselineSet = early.length > 0 ? early : [first];
  const window = (xs: readonly PainCheckin[]): WindowMean => ({
    mean: mean(xs.map((c) => c.score)),
    n: xs.length,
    from: xs[0]?.at ?? first.at,
    to: xs[xs.length - 1]?.at ?? first.at,
  });
  const b = window(baselineSet);
  const c = window(current);
  const change = c.mean - b.mean;
  // Below a hundredth of a point the baseline is zero for all purposes; dividing by it would give Infinity.
  const percentChange = b.mean >= 0.01 ? (change / b.mean) * 100 : null;
  const judgement = judgeNprs(b.mean, c.mean);

  const pct = percentChange === null ? '' : ` (${signed(percentChange, 0)}%)`;
  let message: string;
  if (judgement === 'improved') {
    message = `Your pain has fallen from ${num(b.mean)} to ${num(c.mean)}${pct}: a meaningful improvement.`;
  } else if (judgement === 'worse') {
    message = `Your pain has risen from ${num(b.mean)} to ${num(c.mean)}${pct}: a meaningful worsening.`;
  } else if (round(change, 1) === 0) {
    message = `Your pain is about the same as at the start (${num(b.mean)} then, ${num(c.mean)} now).`;
  } else if (change < 0) {
    message =
      `Your pain has fallen from ${num(b.mean)} to ${num(c.mean)}${pct}: not yet a meaningful change ` +
      '(a fall of at least 2 points and 30% counts as one).';
  } else {
    message =
      `Your pain has risen from ${num(b.mean)} to ${num(c.mean)}${pct}: less than the 2 points that count ` +
      'as a meaningful change.';
  }
  return { ...base, judgement, baseline: b, current: c, change, percentChange, message };
}

/**
 * The NPRS judgement for a baseline and a current mean: improved when the fall is ≥ 2 points and ≥ 30 % of
 * the baseline (Ostelo 2008), worse when the rise is ≥ 2 points (Childs 2005), otherwise unchanged.
 */
export function judgeNprs(baseline: number, current: number): 'improved' | 'unchanged' | 'worse' {
  const fall = baseline - current;
  if (
    baseline > 0 &&
    fall >= NPRS_THRESHOLDS.improvePoints - EPS &&
    fall / baseline >= NPRS_THRESHOLDS.improvePercent / 100 - EPS
  ) {
    return 'improved';
  }
  if (-fall >= NPRS_THRESHOLDS.worsePoints - EPS) return 'worse';
  return 'unchanged';
}

// ── PSFS ─────────────────────────────────────────────────────────────────────────────────────

/** Activities are matched ignoring case and extra spaces: "Run 10 km" and "run  10 km" are one activity. */
const activityKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Size of a PSFS change by Abbott & Schmitt 2014. */
export function psfsChangeSize(change: number): 'none' | 'small' | 'medium' | 'large' {
  const a = Math.abs(change) + EPS;
  if (a >= PSFS_THRESHOLDS.large) return 'large';
  if (a >= PSFS_THRESHOLDS.medium) return 'medium';
  if (a >= PSFS_THRESHOLDS.small) return 'small';
  return 'none';
}

/**
 * Judges the change in function from PSFS ratings: per activity, the first rating against the latest; the
 * average over activities rated at least twice, 7 or more days apart, decides. Improved when the average
 * rises by ≥ 2, worse when it falls by ≥ 2 (guideline recommendation); 1.3 is reported as a small change
 * (Abbott & Schmitt 2014). Ratings after `now` are ignored.
 */
export function psfsProgress(ratings: readonly PsfsRating[], options: ProgressOptions): PsfsProgress {
  const offsetMs = checkOptions(options);
  const valid = ratings.filter((r) => usable(r, options.now)).sort((x, y) => x.at - y.at);
  const sources = [...PSFS_THRESHOLDS.sources];

  const groups = new Map<string, PsfsRating[]>();
  for (const r of valid) {
    const k = activityKey(r.activity);
    const g = groups.get(k) ?? [];
    g.push(r);
    groups.set(k, g);
  }
  const activities: PsfsActivityProgress[] = [];
  for (const g of groups.values()) {
    const f = g[0];
    const l = g[g.length - 1];
    if (!f || !l) continue;
    activities.push({
      activity: l.activity.trim(),
      first: { at: f.at, score: f.score },
      latest: { at: l.at, score: l.score },
      ratings: g.length,
      change: l.score - f.score,
      compared: g.length >= 2 && l.at - f.at >= PSFS_THRESHOLDS.minSpanDays * DAY_MS,
    });
  }
  activities.sort((x, y) => x.first.at - y.first.at || (x.activity < y.activity ? -1 : 1));

  // Weekly series: carry each activity's latest rating forward to the end of every later week with a rating.
  const weekly: WeeklyPoint[] = [];
  const latest = new Map<string, number>();
  let i = 0;
  while (i < valid.length) {
    const head = valid[i];
    if (!head) break;
    const w = isoWeek(head.at, offsetMs);
    while (i < valid.length) {
      const r = valid[i];
      if (!r || isoWeek(r.at, offsetMs).monday !== w.monday) break;
      latest.set(activityKey(r.activity), r.score);
      i++;
    }
    weekly.push(point(w.label, w.start, [...latest.values()]));
  }

  const compared = activities.filter((a) => a.compared);
  if (compared.length === 0) {
    return {
      judgement: 'not enough data yet',
      activities,
      message:
        'Not enough data yet to judge your activities: rate the same activity again at least a week after the first rating.',
      weekly,
      sources,
    };
  }
  const baseline = mean(compared.map((a) => a.first.score));
  const current = mean(compared.map((a) => a.latest.score));
  const change = current - baseline;
  const size = psfsChangeSize(change);
  const judgement: Judgement =
    change >= PSFS_THRESHOLDS.improvePoints - EPS
      ? 'improved'
      : -change >= PSFS_THRESHOLDS.worsePoints - EPS
        ? 'worse'
        : 'unchanged';
  const what = `Your activity score (PSFS, ${compared.length === 1 ? '1 activity' : `average of ${compared.length} activities`})`;
  const move = `from ${num(baseline)} to ${num(current)} (${signed(change)})`;
  let message: string;
  if (judgement === 'improved') message = `${what} has risen ${move}: a meaningful improvement.`;
  else if (judgement === 'worse') message = `${what} has fallen ${move}: a meaningful worsening.`;
  else if (size === 'small') {
    message =
      `${what} has ${change > 0 ? 'risen' : 'fallen'} ${move}: a small change (1.3 or more), ` +
      'not yet the 2 points that count as meaningful.';
  } else if (round(change, 1) === 0)
    message = `${what} is about the same (${num(baseline)} then, ${num(current)} now).`;
  else message = `${what} has ${change > 0 ? 'risen' : 'fallen'} ${move}: not a meaningful change yet.`;
  return { judgement, size, activities, baseline, current, change, message, weekly, sources };
}

// ── Advice ───────────────────────────────────────────────────────────────────────────────────

/**
 * Whether the scores say it is time to see a clinician (GP or physiotherapist), with reasons and source ids.
 *
 * See a clinician when: pain is worse (rise ≥ 2 points); function is worse (PSFS average down ≥ 2); there is
 * no meaningful improvement on either measure 14 days or more after the episode began; or the pain has not
 * settled (current mean above {@link NPRS_THRESHOLDS}.resolvedMax) 42 days or more after it began. The
 * episode starts at `episodeStartedAt`, else at the first check-in. Otherwise "keep going"; "not enough data
 * yet" when the NPRS cannot be judged and nothing is worse. Red flags are outside this function.
 */
export function advice(
  nprs: NprsProgress,
  psfs: PsfsProgress | undefined,
  options: { episodeStartedAt?: number; now: number },
): Advice {
  if (!Number.isFinite(options.now)) throw new RangeError('now must be a finite epoch-ms number');
  const see: string[] = [];
  const other: string[] = [];
  const sources = new Set<string>();
  const cite = (ids: readonly string[]): void => {
    for (const id of ids) sources.add(id);
  };

  if (nprs.judgement === 'worse' && nprs.baseline && nprs.current) {
    see.push(
      `Your pain has risen by 2 points or more (from ${num(nprs.baseline.mean)} to ${num(nprs.current.mean)}), ` +
        'more than the scale’s measurement error. NHS advice is to get help when back pain is getting worse.',
    );
    cite(NPRS_THRESHOLDS.sources);
    cite(CARE_THRESHOLDS.sources.worse);
  }
  if (psfs?.judgement === 'worse' && psfs.baseline !== undefined && psfs.current !== undefined) {
    see.push(
      `Your activity score has fallen by 2 points or more (from ${num(psfs.baseline)} to ${num(psfs.current)}): ` +
        'you can do less than before.',
    );
    cite(PSFS_THRESHOLDS.sources);
    cite(CARE_THRESHOLDS.sources.worse);
  }

  const start = options.episodeStartedAt ?? nprs.firstAt;
  const ageDays = start !== undefined && Number.isFinite(start) ? (options.now - start) / DAY_MS : undefined;
  const weeks = ageDays === undefined ? '' : `${Math.floor(ageDays / 7)} weeks`;
  const judged = nprs.judgement !== 'not enough data yet' && nprs.current !== undefined;
  const resolved =
    judged && (nprs.current?.mean ?? Number.POSITIVE_INFINITY) <= NPRS_THRESHOLDS.resolvedMax + EPS;
  const improved = nprs.judgement === 'improved' || psfs?.judgement === 'improved';

  if (judged && ageDays !== undefined && nprs.judgement !== 'worse') {
    cite(NPRS_THRESHOLDS.sources);
    if (psfs && psfs.judgement !== 'not enough data yet') cite(PSFS_THRESHOLDS.sources);
    if (ageDays >= CARE_THRESHOLDS.notResolvedDays && !resolved) {
      see.push(
        `It is ${weeks} since this episode began and the pain has not settled (${num(nprs.current?.mean ?? 0)} out of 10 ` +
          'this week). Most back pain settles within 6 weeks; guidance is to see a clinician if it has not.',
      );
      cite(CARE_THRESHOLDS.sources.notResolved);
    } else if (ageDays >= CARE_THRESHOLDS.notImprovingDays && !improved && !resolved) {
      see.push(
        `It is ${weeks} since this episode began and neither your pain nor your activities show a meaningful ` +
          'improvement. Most back pain starts to fade within 2 weeks; guidance is to get help if it has not started ' +
          'to improve after a few weeks of looking after it at home.',
      );
      cite(CARE_THRESHOLDS.sources.notImproving);
    } else if (resolved) {
      other.push(`Your pain has settled (${num(nprs.current?.mean ?? 0)} out of 10 this week). Keep going.`);
    } else if (improved) {
      other.push(
        `${nprs.judgement === 'improved' ? nprs.message : (psfs?.message ?? '')} Keep going with your plan.`,
      );
    } else {
      other.push(
        `No meaningful change yet, but it is under ${CARE_THRESHOLDS.notImprovingDays / 7} weeks since this episode began: ` +
          'most back pain starts to fade within 2 weeks. Keep going and check in again.',
      );
      cite(CARE_THRESHOLDS.sources.notImproving);
    }
  } else if (!judged && see.length === 0) {
    other.push(nprs.message);
    if (ageDays !== undefined && ageDays >= CARE_THRESHOLDS.notResolvedDays) {
      other.push(
        'This episode began 6 weeks or more ago: if the pain has not settled, guidance is to see a clinician.',
      );
      cite(CARE_THRESHOLDS.sources.notResolved);
    }
  }

  const seeClinician = see.length > 0;
  const status: Advice['status'] = seeClinician
    ? 'see a clinician'
    : judged
      ? 'keep going'
      : 'not enough data yet';
  return {
    seeClinician,
    status,
    reasons: seeClinician
      ? [
          ...see,
          'This is based on your scores only: new numbness, weakness or other warning signs need help sooner.',
        ]
      : other,
    sources: [...sources],
  };
}

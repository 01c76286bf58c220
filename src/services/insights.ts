/**
 * The diary as the analytics read it, for every adapter: everything loaded in one pass over the store,
 * the runner's personal triggers, and progress on the outcome measures (with plan adherence). The
 * analytics modules load on first use, so a command that does not need them starts without them.
 */
import type { Answers } from '../answers/index.js';
import type { Assessment } from '../assess/index.js';
import type { DiaryRun, ExerciseSession, PainCheckin, PsfsRating } from '../diary/types.js';
import type { TriggerReport } from '../insights/index.js';
import type { AnalysisWindow } from '../load/index.js';
import type { PlanChange } from '../plan/index.js';
import type { Advice, NprsProgress, PsfsProgress } from '../progress/index.js';
import type { Store } from '../store/index.js';

const DAY = 86_400_000;

/** Everything the insights, progress, plan and report read. */
export type DiaryData = {
  runs: DiaryRun[];
  runSummaries: Awaited<ReturnType<typeof import('../store/runs.js').listRuns>>;
  checkins: PainCheckin[];
  sessions: ExerciseSession[];
  psfs: PsfsRating[];
  latest?: { createdAt: number; answers: Answers; result: Assessment; level: string };
  previousLevel?: string;
  /** The latest assessment's check-back while it is unanswered (its date and question), if it has one. */
  checkBack?: PendingCheckBack;
  /** The runner's swaps and drops to their plan (see services/plan.ts). */
  planChanges?: PlanChange[];
  /** Saved running-form checks from video, oldest first. */
  formChecks?: Awaited<ReturnType<typeof import('../store/form-checks.js').listFormChecks>>;
  /** Every assessment, oldest first: when, the level, and the check-back answer that led to it, if one did. */
  assessments: TriageEntry[];
};

/** One assessment in the triage history. */
export type TriageEntry = {
  createdAt: number;
  level: string;
  headline?: string;
  /** "Is it easing?" answered at the check-back that produced this assessment. */
  checkBackAnswer?: 'easing' | 'same' | 'worse';
};

/** A check-back waiting for an answer, without the clock: `pendingCheckBack` adds whether it is due. */
export type PendingCheckBack = { id: string; createdAt: number; result: unknown };

/** Everything the analytics read, in one pass over the store. */
export async function loadDiary(store: Store): Promise<DiaryData> {
  const { listRuns, toDiaryRun } = await import('../store/runs.js');
  const diary = await import('../store/diary.js');
  const runSummaries = await listRuns(store.db);
  const assessments = await diary.listAssessments(store.db);
  const last = assessments.at(-1);
  const data: DiaryData = {
    runSummaries,
    runs: runSummaries.map(toDiaryRun),
    checkins: await diary.listPainCheckins(store.db),
    sessions: await diary.listExerciseSessions(store.db),
    psfs: await diary.listPsfsRatings(store.db),
    planChanges: await (await import('../store/plan-changes.js')).listPlanChanges(store.db),
    formChecks: await (await import('../store/form-checks.js')).listFormChecks(store.db),
    assessments: [],
  };
  const { listCheckBacks } = await import('../store/check-backs.js');
  const answers = new Map((await listCheckBacks(store.db)).map((c) => [c.resultAssessmentId, c.answer]));
  data.assessments = assessments.map((a) => {
    const headline = (a.result as Partial<Assessment> | undefined)?.triage?.headline;
    const answer = answers.get(a.id);
    return {
      createdAt: a.createdAt,
      level: a.level,
      ...(headline ? { headline } : {}),
      ...(answer ? { checkBackAnswer: answer } : {}),
    };
  });
  if (last) {
    data.latest = {
      createdAt: last.createdAt,
      answers: last.answers as Answers,
      result: last.result as Assessment,
      level: last.level,
    };
    const { checkBackOf } = await import('../store/check-backs.js');
    if (last.level === 'self-care' && !(await checkBackOf(store.db, last.id))) data.checkBack = last;
  }
  const previous = assessments.at(-2);
  if (previous) data.previousLevel = previous.level;
  return data;
}

/** Plan items that count as a warm-up: the before-run routines and the exercises they are made of. */
export async function warmUpIds(): Promise<string[]> {
  const { knowledge } = await import('../knowledge/index.js');
  const routines = knowledge().interventions.filter((i) => i.kind === 'before-run');
  return [...routines.map((r) => r.id), ...routines.flatMap((r) => r.exercises)];
}

/** The weeks the insights cover when no start is given: a year, as the load does. */
export const INSIGHT_WEEKS = 52;

/** A chosen period: `YYYY-MM-DD` days, either end open. */
export type DayRange = { from?: string | undefined; to?: string | undefined };

/**
 * The window an analysis of this diary covers (the rule is `analysisWindow`'s: it ends today; without a
 * start, the last `weeks` weeks; a window without runs names the newest run and offers its period).
 * Throws bad input for a start after the end or after today.
 */
export async function windowOf(
  data: Pick<DiaryData, 'runs'>,
  now: Date,
  range: DayRange = {},
  weeks = INSIGHT_WEEKS,
): Promise<AnalysisWindow> {
  const { analysisWindow, localDay } = await import('../load/index.js');
  const { windowOrBadInput } = await import('./runs.js');
  return windowOrBadInput(() =>
    analysisWindow({
      today: localDay(now),
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
      runDays: data.runs.filter((r) => Number.isFinite(r.startTime)).map((r) => localDay(r.startTime)),
      weeks,
    }),
  );
}

/**
 * Which run features go with pain afterwards (associations, with their uncertainty), over the runs of a
 * window when one is given; earlier runs still count as load history.
 */
export async function triggersOf(
  data: DiaryData,
  window?: AnalysisWindow,
  units: 'km' | 'mi' = 'km',
): Promise<TriggerReport> {
  const { findTriggers } = await import('../insights/index.js');
  return findTriggers(
    {
      runs: data.runs,
      checkins: data.checkins,
      sessions: data.sessions,
      warmUpItemIds: await warmUpIds(),
    },
    { units, ...(window ? { window: { from: window.from, to: window.to } } : {}) },
  );
}

/** The triggers over the window of `range` (default: the last {@link INSIGHT_WEEKS} weeks), with the window. */
export async function insightsFor(
  data: DiaryData,
  now: Date,
  range: DayRange = {},
  units: 'km' | 'mi' = 'km',
): Promise<TriggerReport & { window: AnalysisWindow }> {
  const window = await windowOf(data, now, range);
  return { ...(await triggersOf(data, window, units)), window };
}

/** Pain and PSFS against their minimal important change, with the advice they lead to. */
export type Progress = { nprs: NprsProgress; psfs: PsfsProgress | undefined; advice: Advice };

/** Progress on the outcome measures at `now` (epoch ms); the episode starts where the latest check-in says. */
export async function progressOf(data: DiaryData, now: number): Promise<Progress> {
  const { advice, nprsProgress, psfsProgress } = await import('../progress/index.js');
  const nprs = nprsProgress(data.checkins, { now });
  const psfs = data.psfs.length ? psfsProgress(data.psfs, { now }) : undefined;
  const days = data.latest?.answers.pain?.daysSinceStart;
  const episodeStartedAt = data.latest && days !== undefined ? data.latest.createdAt - days * DAY : undefined;
  const adv = advice(nprs, psfs, { now, ...(episodeStartedAt !== undefined ? { episodeStartedAt } : {}) });
  return { nprs, psfs, advice: adv };
}

/** One week of the plan: sessions scheduled and done. */
export type AdherenceWeek = { weekStart: string; scheduled: number; done: number };

/** Progress plus plan adherence, as `progress --json` and `GET /api/progress` give it. */
export async function progressReport(
  data: DiaryData,
  now = new Date(),
): Promise<Progress & { adherence: AdherenceWeek[] }> {
  const p = await progressOf(data, now.getTime());
  const { weeklyAdherence } = await import('./plan.js');
  return { ...p, adherence: await weeklyAdherence(data, now) };
}

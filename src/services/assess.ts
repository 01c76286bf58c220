/**
 * Assessments with the store, for every adapter: the running history feeds the factors, the result is
 * saved (unless asked not to), the changes since the previous assessment are worked out, the saved
 * assessments are listed, and an emergency or urgent result answered by mistake can be withdrawn.
 */
import type { Answers } from '../answers/index.js';
import { type Assessment, assess } from '../assess/index.js';
import type { DiaryRun } from '../diary/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { latestAssessment, listAssessments, type StoredAssessment, saveAssessment } from '../store/diary.js';
import type { Store } from '../store/index.js';
import { listRuns, toDiaryRun } from '../store/runs.js';

/** What changed since the previous saved assessment. */
export type Changes = {
  since: string;
  previousLevel: string;
  level: string;
  levelChanged: boolean;
  factorsNew: string[];
  factorsGone: string[];
  painNow?: { before?: number; after?: number };
  painWorst?: { before?: number; after?: number };
};

const DAY = 86_400_000;

/** Clock skew tolerated before a check-in's date counts as in the future (as for diary entries). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** A bare date is today somewhere until 14 hours past UTC midnight (UTC+14 is the earliest zone). */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/**
 * When the check-in was made: its `date`, else now. A date in the future is refused, as for diary
 * entries: a check-in dated 9999-12-31 would be "the last one" for every later comparison.
 * @throws bad input naming the `date` field
 */
export function checkInTime(answers: Answers, now = new Date()): number {
  if (!answers.date) return now.getTime();
  const at = Date.parse(answers.date);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(answers.date);
  if (at > now.getTime() + (day ? EARLIEST_ZONE_MS : FUTURE_SLACK_MS))
    throw badInput(`date ${answers.date} is in the future`, 'date');
  return at;
}

/**
 * Assess the answers against the stored running history, compare with the latest saved assessment and
 * save this one unless `save` is false. `country` picks the care routes (emergency number and where to go).
 * @example const { result, changes } = await saveOrCompare(store, answers, { save: true });
 */
export async function saveOrCompare(
  store: Store,
  answers: Answers,
  options: { save: boolean; country?: string },
  now = new Date(),
): Promise<{ result: Assessment; changes?: Changes; id?: string }> {
  const at = checkInTime(answers, now);
  const runs: DiaryRun[] = (await listRuns(store.db, { from: at - 130 * DAY, to: at })).map(toDiaryRun);
  const { listPlanChanges } = await import('../store/plan-changes.js');
  const { listFormChecks } = await import('../store/form-checks.js');
  // The runner's swaps and drops carry over to the new plan, and its week is the one `plan` shows.
  const result = assess(answers, now, {
    runs,
    country: options.country,
    planChanges: await listPlanChanges(store.db),
    utcOffsetMinutes: -now.getTimezoneOffset(),
    formChecks: (await listFormChecks(store.db)).map((c) => ({
      checkedAt: c.checkedAt,
      running: c.running,
      refused: c.quality.refusals.length > 0,
      label: c.label,
      view: c.view,
      cadenceSpm: c.cadenceSpm,
      measures: c.measures,
      findings: c.findings,
    })),
  });
  const previous = await latestAssessment(store.db);
  let changes: Changes | undefined;
  if (previous) {
    const prev = previous.result as Assessment;
    const prevAnswers = previous.answers as Answers;
    const before = new Set(prev.factors.map((f) => f.id));
    const after = new Set(result.factors.map((f) => f.id));
    changes = {
      since: new Date(previous.createdAt).toISOString(),
      previousLevel: previous.level,
      level: result.triage.level,
      levelChanged: previous.level !== result.triage.level,
      factorsNew: result.factors.filter((f) => !before.has(f.id)).map((f) => f.name),
      factorsGone: prev.factors.filter((f) => !after.has(f.id)).map((f) => f.name),
    };
    const pick = (a: Answers | undefined, k: 'now' | 'worst') => a?.pain?.[k];
    if (pick(prevAnswers, 'now') !== undefined || pick(answers, 'now') !== undefined) {
      changes.painNow = { before: pick(prevAnswers, 'now'), after: pick(answers, 'now') };
    }
    if (pick(prevAnswers, 'worst') !== undefined || pick(answers, 'worst') !== undefined) {
      changes.painWorst = { before: pick(prevAnswers, 'worst'), after: pick(answers, 'worst') };
    }
  }
  const id = options.save
    ? await saveAssessment(store.db, {
        createdAt: Date.parse(result.assessedAt),
        level: result.triage.level,
        answers,
        // The week is built afresh wherever it is shown, with the doses of that day.
        result: { ...result, week: undefined },
      })
    : undefined;
  return { result, ...(changes && { changes }), ...(id && { id }) };
}

/** One line of the assessment history: when, and the triage level. */
export type AssessmentListItem = { id: string; createdAt: string; level: string };

/** Saved assessments, oldest first, without their answers and results. */
export async function assessmentHistory(store: Store): Promise<AssessmentListItem[]> {
  return (await listAssessments(store.db)).map((a) => ({
    id: a.id,
    createdAt: new Date(a.createdAt).toISOString(),
    level: a.level,
  }));
}

/** The latest saved assessment (answers and result), if any. */
export async function latestSaved(
  store: Store,
): Promise<(Omit<StoredAssessment, 'createdAt'> & { createdAt: string }) | undefined> {
  const a = await latestAssessment(store.db);
  return a ? { ...a, createdAt: new Date(a.createdAt).toISOString() } : undefined;
}

/** How long after it was made an emergency or urgent result may still be withdrawn as a mistake. */
export const WITHDRAW_WINDOW_MS = 30 * 60_000;

/**
 * Withdraw a saved emergency or urgent result that the runner says came from a question answered by
 * mistake (the web app's "I answered a question by mistake"), so it is not kept in their history.
 *
 * The result is saved the moment it is shown, and withdrawing is a separate, narrow step, rather than
 * saving only once the runner leaves the emergency screen: a runner who closes the tab or drops the phone
 * to call for help must not lose the record of that emergency, and a clinician reading the history later
 * must see it. So only the runner's latest assessment can be withdrawn, only when it is an emergency or
 * urgent one (the screens that stop the check-in), only within 30 minutes of the check-in, and never one
 * that answered a check-back (that answer would go with it). Anything else is a conflict and keeps it.
 * @throws not found for an unknown id; conflict when it may not be withdrawn
 */
export async function withdrawAssessment(store: Store, id: string, now = new Date()): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('assessments')
      .select(['id', 'created_at', 'level'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!target) throw notFound('no such assessment');
    const latest = await latestAssessment(trx);
    if (latest?.id !== id) throw conflict('only your latest check-in can be withdrawn');
    if (target.level !== 'emergency' && target.level !== 'urgent')
      throw conflict('only an emergency or urgent result can be withdrawn as a mistake');
    const age = now.getTime() - Number(target.created_at);
    if (age < -FUTURE_SLACK_MS || age > WITHDRAW_WINDOW_MS)
      throw conflict('this result is more than 30 minutes old, so it stays in your history');
    const answered = await trx
      .selectFrom('check_backs')
      .select('id')
      .where('result_assessment_id', '=', id)
      .executeTakeFirst();
    if (answered) throw conflict('this result answered a check-back, so it stays in your history');
    await trx.deleteFrom('assessments').where('id', '=', id).execute();
  });
}

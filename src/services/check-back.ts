/**
 * The check-back, for every adapter: the latest saved self-care result's dated "Is it easing?" while it
 * is unanswered, and answering it. An answer re-runs the same assessment as a normal check-in (the saved
 * answers, dated now, with the runner's trend and the days moved on), saves the new assessment and links
 * it to the answer, all in one transaction: a "worse" after day 3 becomes a clinician result; a new
 * self-care result carries its own, later check-back.
 */
import { z } from 'zod';
import type { Answers } from '../answers/index.js';
import type { Assessment } from '../assess/index.js';
import {
  CHECK_BACK_ANSWERS,
  type CheckBackAnswer,
  type DueCheckBack,
  pendingCheckBack,
  rerunAnswers,
} from '../check-back/index.js';
import { badInput, conflict, isBackstrideError } from '../errors.js';
import { addCheckBack, checkBackOf } from '../store/check-backs.js';
import { latestAssessment, saveAssessment } from '../store/diary.js';
import type { Store } from '../store/index.js';
import { type Changes, saveOrCompare } from './assess.js';

export type { CheckBackAnswer, DueCheckBack } from '../check-back/index.js';

/** The body of `POST /api/check-back`. */
export const CheckBackRequest = z.strictObject({
  answer: z.enum(CHECK_BACK_ANSWERS, { error: 'must be easing, same or worse' }),
});

/** What answering returns: the new result (with changes since the answered one) and what was answered. */
export type CheckBackOutcome = {
  result: Assessment;
  changes?: Changes;
  answered: {
    assessmentId: string;
    on: string;
    answer: CheckBackAnswer;
    answeredAt: string;
    /** The saved assessment the re-run produced. */
    resultAssessmentId: string;
  };
};

/**
 * An answer from untrusted input.
 * @throws a bad-input error naming `answer` (`flag` is how the caller spells it: `--answer`)
 */
export function parseCheckBackAnswer(value: unknown, flag = 'answer'): CheckBackAnswer {
  const r = CheckBackRequest.shape.answer.safeParse(value);
  if (!r.success)
    throw badInput(
      `${flag} must be easing, same or worse${typeof value === 'string' ? `, not "${value}"` : ''}`,
      'answer',
    );
  return r.data;
}

const NOTHING_TO_ANSWER =
  'there is no check-back to answer: only a self-care result has one, and it is answered once';

/** The latest saved assessment's check-back while it is unanswered, or undefined. */
async function pending(store: Store, now: Date) {
  const latest = await latestAssessment(store.db);
  if (!latest) return undefined;
  const due = pendingCheckBack(latest, now);
  if (!due || (await checkBackOf(store.db, latest.id))) return undefined;
  return { latest, due };
}

/**
 * The check-back waiting for an answer (due or not yet), or undefined when there is none: no saved
 * assessment, the latest is not self-care, or it was answered.
 * @example const cb = await dueCheckBack(store, new Date()); if (cb?.due) ask(cb.question);
 */
export async function dueCheckBack(store: Store, now: Date): Promise<DueCheckBack | undefined> {
  return (await pending(store, now))?.due;
}

/**
 * Record the answer to the pending check-back and re-run the assessment with it, in one transaction.
 * `context.country` picks the care routes; by default those of the check-in being answered.
 * @throws a bad-input error for an answer that is not easing, same or worse, and a conflict when there is
 * no check-back to answer; either way nothing is written.
 */
export async function answerCheckBack(
  store: Store,
  answer: unknown,
  now: Date,
  context: { country?: string } = {},
): Promise<CheckBackOutcome> {
  const given = parseCheckBackAnswer(answer);
  let answering: string | undefined;
  try {
    return await store.db.transaction().execute(async (trx) => {
      // Everything below reads and writes through the transaction only.
      const tx: Store = { ...store, db: trx };
      const found = await pending(tx, now);
      if (!found) throw conflict(NOTHING_TO_ANSWER);
      const { latest, due } = found;
      answering = latest.id;
      const answers = rerunAnswers(latest.answers as Answers, given, latest.createdAt, now);
      // The care routes of the check-in being answered, unless told otherwise.
      const country = context.country ?? (latest.result as Partial<Assessment>).care?.country;
      const { result, changes } = await saveOrCompare(tx, answers, { save: false, country }, now);
      const resultAssessmentId = await saveAssessment(trx, {
        createdAt: Date.parse(result.assessedAt),
        level: result.triage.level,
        answers,
        result,
      });
      const saved = await addCheckBack(trx, {
        assessmentId: latest.id,
        dueOn: due.on,
        answeredAt: now.getTime(),
        answer: given,
        resultAssessmentId,
      });
      const answered = {
        assessmentId: latest.id,
        on: due.on,
        answer: given,
        answeredAt: new Date(saved.answeredAt).toISOString(),
        resultAssessmentId,
      };
      return changes ? { result, changes, answered } : { result, answered };
    });
  } catch (error) {
    // Two answers at once (two tabs): the database refuses the second, which is then a conflict.
    if (!isBackstrideError(error) && answering && (await checkBackOf(store.db, answering)))
      throw conflict('this check-back has just been answered');
    throw error;
  }
}

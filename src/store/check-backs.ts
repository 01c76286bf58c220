/**
 * Check-back answers in the store: which assessment's check-back was answered, when, how, and the
 * assessment the re-run produced. Writes take the caller's transaction (see services/check-back.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CheckBacksTable, Database } from './schema.js';

/** A recorded check-back answer. */
export type StoredCheckBack = {
  id: string;
  assessmentId: string;
  dueOn: string;
  answeredAt: number;
  answer: CheckBacksTable['answer'];
  resultAssessmentId: string;
};

const toCheckBack = (r: CheckBacksTable): StoredCheckBack => ({
  id: r.id,
  assessmentId: r.assessment_id,
  dueOn: r.due_on,
  answeredAt: r.answered_at,
  answer: r.answer,
  resultAssessmentId: r.result_assessment_id,
});

/** Record an answer; a second answer to the same assessment's check-back is refused by the database. */
export async function addCheckBack(
  db: Kysely<Database>,
  c: Omit<StoredCheckBack, 'id'>,
): Promise<StoredCheckBack> {
  const row: CheckBacksTable = {
    id: randomUUID(),
    assessment_id: c.assessmentId,
    due_on: c.dueOn,
    answered_at: c.answeredAt,
    answer: c.answer,
    result_assessment_id: c.resultAssessmentId,
  };
  await db.insertInto('check_backs').values(row).execute();
  return toCheckBack(row);
}

/** The answer to one assessment's check-back, if it was answered. */
export async function checkBackOf(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<StoredCheckBack | undefined> {
  const r = await db
    .selectFrom('check_backs')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return r ? toCheckBack(r) : undefined;
}

/** Every recorded answer, oldest first. */
export async function listCheckBacks(db: Kysely<Database>): Promise<StoredCheckBack[]> {
  const rows = await db
    .selectFrom('check_backs')
    .selectAll()
    .orderBy('answered_at', 'asc')
    .orderBy('id')
    .execute();
  return rows.map(toCheckBack);
}

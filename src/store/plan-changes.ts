/**
 * The runner's changes to their plan in the store: one row per exercise of the plan as built (a swap
 * names what is done instead; a drop names nothing), kept across check-ins until restored.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlanChange } from '../plan/index.js';
import type { Database, PlanChangesTable } from './schema.js';

const toChange = (r: PlanChangesTable): PlanChange => ({
  exercise: r.exercise_id,
  action: r.action,
  ...(r.replacement_id !== null ? { replacement: r.replacement_id } : {}),
  at: r.changed_at,
});

/** Every change, oldest first. */
export async function listPlanChanges(db: Kysely<Database>): Promise<PlanChange[]> {
  const rows = await db.selectFrom('plan_changes').selectAll().orderBy('changed_at').orderBy('id').execute();
  return rows.map(toChange);
}

/** Record a swap or drop of `change.exercise`, replacing any earlier change of it. */
export async function setPlanChange(db: Kysely<Database>, change: PlanChange): Promise<void> {
  const values = {
    action: change.action,
    replacement_id: change.action === 'swap' ? (change.replacement ?? null) : null,
    changed_at: change.at,
  };
  await db
    .insertInto('plan_changes')
    .values({ id: randomUUID(), exercise_id: change.exercise, ...values })
    .onConflict((oc) => oc.column('exercise_id').doUpdateSet(values))
    .execute();
}

/** Forget the change of one exercise of the plan as built, or of all; returns how many were removed. */
export async function clearPlanChanges(db: Kysely<Database>, exercise?: string): Promise<number> {
  let q = db.deleteFrom('plan_changes');
  if (exercise !== undefined) q = q.where('exercise_id', '=', exercise);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The diary in the store: pain check-ins (linked to the nearest run), exercise sessions, PSFS ratings
 * and saved assessments. Validation happens before any write, so bad input stores nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExerciseSession, PainCheckin, PainTiming, PsfsRating } from '../diary/types.js';
import type { Database } from './schema.js';
import { writeTransaction } from './transaction.js';

const HOUR = 3_600_000;
/** How far from a run a check-in may be and still be about it, by timing. */
const LINK_WINDOW_MS: Record<PainTiming, { before: number; after: number }> = {
  // Before: the next run within 12 h.
  before: { before: 0, after: 12 * HOUR },
  // During, right after, next morning: the latest run that started up to 6 / 12 / 36 h earlier.
  during: { before: 6 * HOUR, after: 0 },
  'right-after': { before: 12 * HOUR, after: 0 },
  'next-morning': { before: 36 * HOUR, after: 0 },
  other: { before: 0, after: 0 },
};

type Range = { from?: number; to?: number };

/** The run a check-in is about: the nearest run in the window its timing implies. */
export async function nearestRun(
  db: Kysely<Database>,
  at: number,
  timing: PainTiming,
): Promise<string | undefined> {
  const w = LINK_WINDOW_MS[timing];
  if (w.before === 0 && w.after === 0) return undefined;
  const runs = await db
    .selectFrom('runs')
    .select(['id', 'start_time'])
    .where('start_time', '>=', at - w.before)
    .where('start_time', '<=', at + w.after)
    .execute();
  const sorted = runs.sort((a, b) => Math.abs(at - a.start_time) - Math.abs(at - b.start_time));
  return sorted[0]?.id;
}

export async function addPainCheckin(
  db: Kysely<Database>,
  c: { at: number; regions: string[]; score: number; timing: PainTiming; note?: string },
): Promise<PainCheckin> {
  // The link and the insert in one write transaction: the run it points at cannot go in between.
  return writeTransaction(db, async (trx) => {
    const runId = await nearestRun(trx, c.at, c.timing);
    const row = {
      id: randomUUID(),
      at: c.at,
      regions: JSON.stringify(c.regions),
      score: c.score,
      timing: c.timing,
      note: c.note ?? null,
      run_id: runId ?? null,
    };
    await trx.insertInto('pain_checkins').values(row).execute();
    return toCheckin(row);
  });
}

function toCheckin(r: Database['pain_checkins']): PainCheckin {
  const c: PainCheckin = {
    id: r.id,
    at: r.at,
    regions: JSON.parse(r.regions) as string[],
    score: r.score,
    timing: r.timing as PainTiming,
  };
  if (r.note !== null) c.note = r.note;
  if (r.run_id !== null) c.runId = r.run_id;
  return c;
}

export async function listPainCheckins(db: Kysely<Database>, range: Range = {}): Promise<PainCheckin[]> {
  let q = db.selectFrom('pain_checkins').selectAll();
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<=', range.to);
  return (await q.orderBy('at', 'asc').execute()).map(toCheckin);
}

export async function addExerciseSession(
  db: Kysely<Database>,
  s: { at: number; items: string[]; note?: string },
): Promise<ExerciseSession> {
  const row = { id: randomUUID(), at: s.at, items: JSON.stringify(s.items), note: s.note ?? null };
  await db.insertInto('exercise_sessions').values(row).execute();
  return { id: row.id, at: row.at, items: s.items, ...(s.note ? { note: s.note } : {}) };
}

export async function listExerciseSessions(
  db: Kysely<Database>,
  range: Range = {},
): Promise<ExerciseSession[]> {
  let q = db.selectFrom('exercise_sessions').selectAll();
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<=', range.to);
  return (await q.orderBy('at', 'asc').execute()).map((r) => ({
    id: r.id,
    at: r.at,
    items: JSON.parse(r.items) as string[],
    ...(r.note !== null ? { note: r.note } : {}),
  }));
}

export async function addPsfsRatings(
  db: Kysely<Database>,
  at: number,
  ratings: { activity: string; score: number }[],
): Promise<PsfsRating[]> {
  const rows = ratings.map((r) => ({ id: randomUUID(), at, activity: r.activity, score: r.score }));
  await writeTransaction(db, async (trx) => {
    for (const row of rows) await trx.insertInto('psfs_ratings').values(row).execute();
  });
  return rows;
}

export async function listPsfsRatings(db: Kysely<Database>, range: Range = {}): Promise<PsfsRating[]> {
  let q = db.selectFrom('psfs_ratings').selectAll();
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<=', range.to);
  return q.orderBy('at', 'asc').execute();
}

export type StoredAssessment = {
  id: string;
  createdAt: number;
  level: string;
  answers: unknown;
  result: unknown;
};

export async function saveAssessment(
  db: Kysely<Database>,
  a: { createdAt: number; level: string; answers: unknown; result: unknown },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('assessments')
    .values({
      id,
      created_at: a.createdAt,
      level: a.level,
      answers: JSON.stringify(a.answers),
      result: JSON.stringify(a.result),
    })
    .execute();
  return id;
}

export async function listAssessments(db: Kysely<Database>): Promise<StoredAssessment[]> {
  const rows = await db.selectFrom('assessments').selectAll().orderBy('created_at', 'asc').execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    level: r.level,
    answers: JSON.parse(r.answers),
    result: JSON.parse(r.result),
  }));
}

export async function latestAssessment(db: Kysely<Database>): Promise<StoredAssessment | undefined> {
  const r = await db
    .selectFrom('assessments')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        createdAt: r.created_at,
        level: r.level,
        answers: JSON.parse(r.answers),
        result: JSON.parse(r.result),
      }
    : undefined;
}

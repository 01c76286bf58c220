/**
 * The diary in the store: pain check-ins (linked to the nearest run), exercise sessions, PSFS ratings
 * and saved assessments; entries are added, corrected and deleted by id. Validation happens before any
 * write, so bad input stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ExerciseSession, PainCheckin, PainTiming, PsfsRating, SessionFeeling } from '../diary/types.js';
import { conflict } from '../errors.js';
import type { Database } from './schema.js';
import { LOCKS, lockForTransaction, writeTransaction } from './transaction.js';

/** The diary's three kinds of entry, each in its own table. */
export type DiaryKind = 'pain' | 'exercise' | 'psfs';
const TABLE = {
  pain: 'pain_checkins',
  exercise: 'exercise_sessions',
  psfs: 'psfs_ratings',
} as const satisfies Record<DiaryKind, keyof Database>;

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

export async function addPainCheckin(db: Kysely<Database>, c: NewCheckin): Promise<PainCheckin> {
  return (await addPainCheckinOnce(db, c)).checkin;
}

type NewCheckin = { at: number; regions: string[]; score: number; timing: PainTiming; note?: string };

/**
 * Add a pain check-in. With a client-made `id` it is stored once: the same id sent again (a retry, an
 * offline queue flushing twice) returns the stored check-in with `created: false`, and the same id with
 * different content is a conflict.
 */
export async function addPainCheckinOnce(
  db: Kysely<Database>,
  c: NewCheckin & { id?: string },
): Promise<{ checkin: PainCheckin; created: boolean }> {
  // The link and the insert in one write transaction: the run it points at cannot go in between.
  return writeTransaction(db, async (trx) => {
    if (c.id !== undefined) {
      await lockForTransaction(trx, LOCKS.painCheckins);
      const stored = await trx
        .selectFrom('pain_checkins')
        .selectAll()
        .where('id', '=', c.id)
        .executeTakeFirst();
      if (stored) return { checkin: sameEntry(toCheckin(stored), c, 'pain check-in'), created: false };
    }
    const runId = await nearestRun(trx, c.at, c.timing);
    const row = {
      id: c.id ?? randomUUID(),
      at: c.at,
      regions: JSON.stringify(c.regions),
      score: c.score,
      timing: c.timing,
      note: c.note ?? null,
      run_id: runId ?? null,
    };
    await trx.insertInto('pain_checkins').values(row).execute();
    return { checkin: toCheckin(row), created: true };
  });
}

/**
 * The stored entry when a resent one (same client id) says the same thing; a conflict otherwise. Lists
 * compare as sets; the time and fields the resent entry leaves out are not compared (a resend without
 * `at` is stamped with the time it arrived).
 */
function sameEntry<T extends object>(stored: T, sent: object, what: string): T {
  const norm = (v: unknown) =>
    Array.isArray(v) ? JSON.stringify([...new Set(v as unknown[])].sort()) : JSON.stringify(v ?? null);
  for (const [key, value] of Object.entries(sent)) {
    if (key === 'id' || key === 'at' || value === undefined) continue;
    if (norm((stored as Record<string, unknown>)[key]) !== norm(value))
      throw conflict(`a different ${what} was already stored with this id`);
  }
  return stored;
}

/** What a correction may change in a pain check-in; `note: null` removes the note. */
export type PainCheckinChanges = Partial<Pick<PainCheckin, 'at' | 'regions' | 'score' | 'timing'>> & {
  note?: string | null;
};

/**
 * Correct a pain check-in; `undefined` when there is none with this id. A new time or timing looks for
 * the run it is about again (the nearest in the new window, or none); any other change keeps its link.
 */
export async function updatePainCheckin(
  db: Kysely<Database>,
  id: string,
  changes: PainCheckinChanges,
): Promise<PainCheckin | undefined> {
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('pain_checkins').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const next = {
      ...row,
      ...(changes.at !== undefined ? { at: changes.at } : {}),
      ...(changes.regions !== undefined ? { regions: JSON.stringify(changes.regions) } : {}),
      ...(changes.score !== undefined ? { score: changes.score } : {}),
      ...(changes.timing !== undefined ? { timing: changes.timing } : {}),
      ...(changes.note !== undefined ? { note: changes.note || null } : {}),
    };
    if (next.at !== row.at || next.timing !== row.timing)
      next.run_id = (await nearestRun(trx, next.at, next.timing as PainTiming)) ?? null;
    const { id: _id, ...values } = next;
    await trx.updateTable('pain_checkins').set(values).where('id', '=', id).execute();
    return toCheckin(next);
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

/** A session as logged: what was done, and from a guided session how it felt and what was planned. */
export type NewSession = {
  at: number;
  items: string[];
  note?: string;
  feeling?: SessionFeeling;
  painDuring?: number;
  planned?: number;
};

export async function addExerciseSession(
  db: Kysely<Database>,
  s: NewSession & { id?: string },
): Promise<ExerciseSession> {
  const row = {
    id: s.id ?? randomUUID(),
    at: s.at,
    items: JSON.stringify(s.items),
    note: s.note ?? null,
    feeling: s.feeling ?? null,
    pain_during: s.painDuring ?? null,
    planned: s.planned ?? null,
  };
  await db.insertInto('exercise_sessions').values(row).execute();
  return toSession(row);
}

/**
 * Add an exercise session unless the same one (the same items, in any order, and the same note) is
 * already stored within `withinMs` of its time: then that one is returned, and nothing is written. The
 * check and the insert are one write transaction, so two requests sent at once store one session.
 */
export async function addExerciseSessionOnce(
  db: Kysely<Database>,
  s: NewSession & { id?: string },
  withinMs: number,
): Promise<{ session: ExerciseSession; created: boolean }> {
  return writeTransaction(db, async (trx) => {
    await lockForTransaction(trx, LOCKS.exerciseSessions);
    if (s.id !== undefined) {
      // A client id decides on its own: the same id is the same session, whatever its time.
      const stored = await trx
        .selectFrom('exercise_sessions')
        .selectAll()
        .where('id', '=', s.id)
        .executeTakeFirst();
      if (stored) return { session: sameEntry(toSession(stored), s, 'exercise session'), created: false };
      return { session: await addExerciseSession(trx, s), created: true };
    }
    const near = await trx
      .selectFrom('exercise_sessions')
      .selectAll()
      .where('at', '>=', s.at - withinMs)
      .where('at', '<=', s.at + withinMs)
      .execute();
    const key = sameItems(s.items);
    const same = near.find(
      (r) => sameItems(JSON.parse(r.items) as string[]) === key && (r.note ?? '') === (s.note ?? ''),
    );
    if (same) return { session: toSession(same), created: false };
    return { session: await addExerciseSession(trx, s), created: true };
  });
}

const sameItems = (items: string[]) => JSON.stringify([...new Set(items)].sort());

function toSession(r: Database['exercise_sessions']): ExerciseSession {
  return {
    id: r.id,
    at: r.at,
    items: JSON.parse(r.items) as string[],
    ...(r.note !== null && r.note !== '' ? { note: r.note } : {}),
    ...(r.feeling !== null ? { feeling: r.feeling as SessionFeeling } : {}),
    ...(r.pain_during !== null ? { painDuring: r.pain_during } : {}),
    ...(r.planned !== null ? { planned: r.planned } : {}),
  };
}

/** What a correction may change in an exercise session; `note: null` removes the note. */
export type ExerciseSessionChanges = Partial<Pick<ExerciseSession, 'at' | 'items'>> & {
  note?: string | null;
  /** null removes the answer. */
  feeling?: SessionFeeling | null;
  painDuring?: number | null;
};

/** Correct an exercise session; `undefined` when there is none with this id. */
export async function updateExerciseSession(
  db: Kysely<Database>,
  id: string,
  changes: ExerciseSessionChanges,
): Promise<ExerciseSession | undefined> {
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('exercise_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const next = {
      ...row,
      ...(changes.at !== undefined ? { at: changes.at } : {}),
      ...(changes.items !== undefined ? { items: JSON.stringify(changes.items) } : {}),
      ...(changes.note !== undefined ? { note: changes.note || null } : {}),
      ...(changes.feeling !== undefined ? { feeling: changes.feeling } : {}),
      ...(changes.painDuring !== undefined ? { pain_during: changes.painDuring } : {}),
    };
    const { id: _id, ...values } = next;
    await trx.updateTable('exercise_sessions').set(values).where('id', '=', id).execute();
    return toSession(next);
  });
}

export async function listExerciseSessions(
  db: Kysely<Database>,
  range: Range = {},
): Promise<ExerciseSession[]> {
  let q = db.selectFrom('exercise_sessions').selectAll();
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<=', range.to);
  return (await q.orderBy('at', 'asc').execute()).map(toSession);
}

export async function addPsfsRatings(
  db: Kysely<Database>,
  at: number,
  ratings: { activity: string; score: number }[],
): Promise<PsfsRating[]> {
  return (await addPsfsRatingsOnce(db, at, ratings)).ratings;
}

/**
 * Add PSFS ratings. With a client-made `id` they are stored once: the first rating takes the id and the
 * others `<id>.2`, `<id>.3`…; the same id sent again returns the stored ratings with `created: false`,
 * and different ratings under it are a conflict.
 */
export async function addPsfsRatingsOnce(
  db: Kysely<Database>,
  at: number,
  ratings: { activity: string; score: number }[],
  id?: string,
): Promise<{ ratings: PsfsRating[]; created: boolean }> {
  const ids = ratings.map((_, i) => (id === undefined ? randomUUID() : i === 0 ? id : `${id}.${i + 1}`));
  const rows = ratings.map((r, i) => ({ id: ids[i] as string, at, activity: r.activity, score: r.score }));
  return writeTransaction(db, async (trx) => {
    if (id !== undefined) {
      await lockForTransaction(trx, LOCKS.psfsRatings);
      const stored = await trx.selectFrom('psfs_ratings').selectAll().where('id', 'in', ids).execute();
      if (stored.length > 0) {
        const byId = new Map(stored.map((s) => [s.id, s]));
        const same =
          stored.length === rows.length &&
          rows.every((r) => byId.get(r.id)?.activity === r.activity && byId.get(r.id)?.score === r.score);
        if (!same) throw conflict('different activity ratings were already stored with this id');
        return { ratings: rows.map((r) => byId.get(r.id) as PsfsRating), created: false };
      }
    }
    for (const row of rows) await trx.insertInto('psfs_ratings').values(row).execute();
    return { ratings: rows, created: true };
  });
}

export async function listPsfsRatings(db: Kysely<Database>, range: Range = {}): Promise<PsfsRating[]> {
  let q = db.selectFrom('psfs_ratings').selectAll();
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<=', range.to);
  return q.orderBy('at', 'asc').execute();
}

/** Correct one PSFS rating (its activity, score or time); `undefined` when there is none with this id. */
export async function updatePsfsRating(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<PsfsRating, 'at' | 'activity' | 'score'>>,
): Promise<PsfsRating | undefined> {
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('psfs_ratings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const next = {
      ...row,
      ...(changes.at !== undefined ? { at: changes.at } : {}),
      ...(changes.activity !== undefined ? { activity: changes.activity } : {}),
      ...(changes.score !== undefined ? { score: changes.score } : {}),
    };
    await trx
      .updateTable('psfs_ratings')
      .set({ at: next.at, activity: next.activity, score: next.score })
      .where('id', '=', id)
      .execute();
    return next;
  });
}

/** Delete one diary entry by id; whether there was one. */
export async function deleteDiaryEntry(db: Kysely<Database>, kind: DiaryKind, id: string): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const r = await trx.deleteFrom(TABLE[kind]).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

/**
 * The ids of one kind of entry that begin with `prefix` (a short id from the readable diary), at most
 * `limit` of them: one means the prefix names an entry, more that it is ambiguous.
 */
export async function diaryIdsStartingWith(
  db: Kysely<Database>,
  kind: DiaryKind,
  prefix: string,
  limit = 2,
): Promise<string[]> {
  const rows = await db
    .selectFrom(TABLE[kind])
    .select('id')
    // substr, not LIKE: an id with % or _ in it (a restored backup's) must match only itself.
    .where(sql<string>`substr(id, 1, ${sql.lit(prefix.length)})`, '=', prefix)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
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

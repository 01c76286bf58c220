/**
 * Runs in the store: insert with duplicate detection, list, fetch. Duplicate detection is by start time
 * and length, never by file name, so the same run imported twice, or from its FIT and its TCX, is one run.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DiaryRun } from '../diary/types.js';
import type { Database, RunRow } from './schema.js';
import { LOCKS, lockForTransaction, writeTransaction } from './transaction.js';

/** Starts within this window and lengths within tolerance mean the same run recorded twice. */
const SAME_START_MS = 60_000;
const SAME_LENGTH_FRACTION = 0.02;
const SAME_LENGTH_MIN_M = 50;

export type NewRunInput = Omit<RunRow, 'id' | 'fingerprint' | 'imported_at'>;

/** The first line of duplicate detection: start to the second, sport family, duration to the minute. */
export function fingerprint(run: Pick<RunRow, 'start_time' | 'elapsed_s'>): string {
  const start = Math.round(run.start_time / 1000);
  const minutes = run.elapsed_s === null ? 'x' : Math.round(run.elapsed_s / 60);
  return `${start}:${minutes}`;
}

function sameRun(
  a: Pick<RunRow, 'distance_m' | 'elapsed_s'>,
  b: Pick<RunRow, 'distance_m' | 'elapsed_s'>,
): boolean {
  const tolerance = Math.max(SAME_LENGTH_MIN_M, SAME_LENGTH_FRACTION * Math.max(a.distance_m, b.distance_m));
  if (a.distance_m > 0 && b.distance_m > 0) return Math.abs(a.distance_m - b.distance_m) <= tolerance;
  if (a.elapsed_s !== null && b.elapsed_s !== null) {
    return (
      Math.abs(a.elapsed_s - b.elapsed_s) <=
      Math.max(60, SAME_LENGTH_FRACTION * Math.max(a.elapsed_s, b.elapsed_s))
    );
  }
  return true;
}

/** An already stored run that is this one, if any. */
export async function findDuplicate(
  db: Kysely<Database> | Transaction<Database>,
  run: Pick<RunRow, 'start_time' | 'distance_m' | 'elapsed_s'>,
): Promise<string | undefined> {
  const candidates = await db
    .selectFrom('runs')
    .select(['id', 'distance_m', 'elapsed_s'])
    .where('start_time', '>=', run.start_time - SAME_START_MS)
    .where('start_time', '<=', run.start_time + SAME_START_MS)
    .execute();
  return candidates.find((c) => sameRun(c, run))?.id;
}

export type InsertOutcome =
  | { status: 'imported'; id: string }
  | { status: 'duplicate'; id: string }
  /** A copy of a stored run from a richer source: the stored row now holds it, under the same id. */
  | { status: 'replaced'; id: string; previousFormat: string };

/**
 * How much a source says about a run: FIT carries the device's own summary, timer time and every sensor;
 * TCX carries laps and most sensors; GPX only positions and a few extensions; a Strava CSV row no samples
 * at all. A file cut short ranks below every complete file.
 */
export function sourceRank(run: Pick<RunRow, 'source_format' | 'truncated'>): number {
  if (run.truncated) return 0.5;
  switch (run.source_format) {
    case 'fit':
      return 3;
    case 'tcx':
      return 2;
    case 'gpx':
      return 1;
    default:
      return 0;
  }
}

/**
 * Insert runs from one file in one transaction: all of them or none. A run already stored is a duplicate
 * and not written again, unless this copy comes from a richer source (FIT over TCX over GPX, see
 * {@link sourceRank}): then the stored row takes this copy's data and keeps its id, so check-ins linked to
 * the run stay linked, and the result is the same whatever order the files arrive in. Safe when several
 * processes import at once: the transaction holds the write lock (SQLite) or the runs advisory lock
 * (PostgreSQL) from before its first read, and the unique fingerprint index backs that up (a clash is a
 * duplicate, never a failed import).
 */
export async function insertRuns(
  db: Kysely<Database>,
  runs: NewRunInput[],
  now = Date.now(),
): Promise<InsertOutcome[]> {
  return writeTransaction(db, async (trx) => {
    await lockForTransaction(trx, LOCKS.runs);
    const outcomes: InsertOutcome[] = [];
    for (const run of runs) {
      const fp = fingerprint(run);
      const existing = await findDuplicate(trx, run);
      if (existing) {
        outcomes.push(await keepRicher(trx, existing, run, fp, now));
        continue;
      }
      const clash = await trx
        .selectFrom('runs')
        .select('id')
        .where('fingerprint', '=', fp)
        .executeTakeFirst();
      if (clash) {
        outcomes.push(await keepRicher(trx, clash.id, run, fp, now));
        continue;
      }
      const id = randomUUID();
      const inserted = await trx
        .insertInto('runs')
        .values({ ...run, id, fingerprint: fp, imported_at: now })
        .onConflict((oc) => oc.column('fingerprint').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 1n) === 0) {
        const winner = await trx
          .selectFrom('runs')
          .select('id')
          .where('fingerprint', '=', fp)
          .executeTakeFirstOrThrow();
        outcomes.push({ status: 'duplicate', id: winner.id });
        continue;
      }
      outcomes.push({ status: 'imported', id });
    }
    return outcomes;
  });
}

/** The stored run `id` is this run: replace it with this copy when this copy is richer. */
async function keepRicher(
  trx: Kysely<Database> | Transaction<Database>,
  id: string,
  run: NewRunInput,
  fp: string,
  now: number,
): Promise<InsertOutcome> {
  const stored = await trx
    .selectFrom('runs')
    .select(['source_format', 'truncated'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (sourceRank(run) <= sourceRank(stored)) return { status: 'duplicate', id };
  // Another stored run may already hold this copy's fingerprint (two near-identical runs): keep both as
  // they are rather than break the unique index.
  const taken = await trx
    .selectFrom('runs')
    .select('id')
    .where('fingerprint', '=', fp)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (taken) return { status: 'duplicate', id };
  await trx
    .updateTable('runs')
    .set({ ...run, fingerprint: fp, imported_at: now })
    .where('id', '=', id)
    .execute();
  return { status: 'replaced', id, previousFormat: stored.source_format };
}

export type RunSummary = Omit<RunRow, 'samples' | 'fingerprint'>;

const summaryColumns = [
  'id',
  'start_time',
  'sport',
  'sport_label',
  'name',
  'source',
  'source_format',
  'device',
  'distance_m',
  'elapsed_s',
  'moving_s',
  'pace_s_per_km',
  'elevation_gain_m',
  'avg_hr',
  'max_hr',
  'avg_cadence_spm',
  'max_cadence_spm',
  'cadence_change_spm',
  'pace_change_pct',
  'decoupling_pct',
  'sample_count',
  'imported_at',
  'samples_distance_m',
  'truncated',
  'import_notes',
] as const;

/** A stored run as the analytics read it. */
export function toDiaryRun(r: RunSummary): DiaryRun {
  return {
    id: r.id,
    startTime: r.start_time,
    distanceM: r.distance_m,
    elapsedS: r.elapsed_s,
    movingS: r.moving_s,
    elevationGainM: r.elevation_gain_m,
    paceSPerKm: r.pace_s_per_km,
    cadenceChangeSpm: r.cadence_change_spm,
    decouplingPct: r.decoupling_pct,
  };
}

/** Runs between two times (epoch ms, inclusive), oldest first. */
export async function listRuns(
  db: Kysely<Database>,
  range: { from?: number; to?: number } = {},
): Promise<RunSummary[]> {
  let q = db.selectFrom('runs').select(summaryColumns);
  if (range.from !== undefined) q = q.where('start_time', '>=', range.from);
  if (range.to !== undefined) q = q.where('start_time', '<=', range.to);
  return q.orderBy('start_time', 'asc').execute();
}

export async function getRun(db: Kysely<Database>, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRuns(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

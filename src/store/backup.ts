/**
 * Full export and exact restore of everything in a store, and deleting it all. The JSON backup holds the
 * rows as stored (samples as base64), so export → import-backup → export gives the same document.
 */
import { z } from 'zod';
import { badInput, isBackstrideError } from '../errors.js';
import { constraintRefusal, validateBackupRows } from './backup-rows.js';
import type { Store } from './index.js';
import type { Database } from './schema.js';
import { writeTransaction } from './transaction.js';

export const BACKUP_FORMAT = 'backstride-backup';
/**
 * 2 added `check_backs`; 3 added the runs' `samples_distance_m`, `truncated` and `import_notes`; 4 added
 * `plan_changes`; 5 added the exercise sessions' `feeling`, `pain_during` and `planned`; 6 added
 * `form_checks`. Older backups (without them) still restore.
 */
export const BACKUP_VERSION = 6;

/** Tables in dependency order (runs before the check-ins that point at them, assessments before check-backs). */
const TABLES = [
  'runs',
  'assessments',
  'pain_checkins',
  'exercise_sessions',
  'psfs_ratings',
  'check_backs',
  'plan_changes',
  'form_checks',
] as const;
type Table = (typeof TABLES)[number];
/** Tables added after version 1: absent from an older backup, which restores them empty. */
const LATER_TABLES: ReadonlySet<Table> = new Set(['check_backs', 'plan_changes', 'form_checks']);

const Row = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([
    z.literal(1),
    z.literal(2),
    z.literal(3),
    z.literal(4),
    z.literal(5),
    z.literal(BACKUP_VERSION),
  ]),
  exportedAt: z.string(),
  tables: z.strictObject(
    Object.fromEntries(
      TABLES.map((t) => [t, LATER_TABLES.has(t) ? z.array(Row).default([]) : z.array(Row)]),
    ) as Record<Table, z.ZodArray<typeof Row>>,
  ),
});
export type Backup = z.infer<typeof Backup>;

const ORDER_BY: Record<Table, string> = {
  runs: 'start_time',
  assessments: 'created_at',
  pain_checkins: 'at',
  exercise_sessions: 'at',
  psfs_ratings: 'at',
  check_backs: 'answered_at',
  plan_changes: 'changed_at',
  form_checks: 'checked_at',
};

export async function exportAll(store: Store, now = new Date()): Promise<Backup> {
  const tables = {} as Backup['tables'];
  for (const t of TABLES) {
    const rows = (await store.db
      .selectFrom(t)
      .selectAll()
      .orderBy(ORDER_BY[t] as never)
      .orderBy('id')
      .execute()) as Record<string, unknown>[];
    tables[t] = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v instanceof Uint8Array ? Buffer.from(v).toString('base64') : (v as string | number | null),
        ]),
      ),
    );
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables };
}

export function parseBackup(text: string, file: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badInput(`${file} is not valid JSON: ${(error as Error).message}`, 'file');
  }
  return checkBackup(json, file);
}

/** Backups {@link checkBackup} has validated row by row (and nobody has changed since), so a restore need not again. */
const validated = new WeakSet<Backup>();

/**
 * Validate an already parsed backup (the HTTP API gets the JSON parsed); `file` names it in messages.
 * Every row of every table is checked as live input is (see backup-rows.ts): the first fault refuses
 * the whole backup with a bad-input error naming the table, the row and the field.
 */
export function checkBackup(json: unknown, file: string): Backup {
  const r = Backup.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw badInput(
      `${file} is not a Backstride backup: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      'file',
    );
  }
  validateBackupRows(r.data.tables);
  validated.add(r.data);
  return r.data;
}

export async function deleteAllRows(store: Store): Promise<void> {
  await writeTransaction(store.db, async (trx) => {
    for (const t of [...TABLES].reverse()) await trx.deleteFrom(t).execute();
  });
}

/**
 * Restore a backup in one transaction: all of it or nothing. Every row is validated first (unless
 * {@link checkBackup} just did), and a row the database refuses (a duplicate, a missing reference) is a
 * bad-input error naming the table, row and field, never an internal error.
 */
export async function restoreAll(
  store: Store,
  backup: Backup,
  options: { replace: boolean },
): Promise<Record<Table, number>> {
  if (!validated.has(backup)) validateBackupRows(backup.tables);
  return writeTransaction(store.db, async (trx) => {
    if (!options.replace) {
      for (const t of TABLES) {
        const any = await trx.selectFrom(t).select('id').limit(1).executeTakeFirst();
        if (any)
          throw badInput('this store already has data: restore with --replace, or into an empty data folder');
      }
    } else {
      for (const t of [...TABLES].reverse()) await trx.deleteFrom(t).execute();
    }
    const counts = {} as Record<Table, number>;
    for (const t of TABLES) {
      for (const [i, row] of backup.tables[t].entries()) {
        const values = { ...row } as Record<string, unknown>;
        if (t === 'runs' && typeof values.samples === 'string') {
          values.samples = new Uint8Array(Buffer.from(values.samples, 'base64'));
        }
        try {
          await trx
            .insertInto(t)
            .values(values as never as Database[Table])
            .execute();
        } catch (error) {
          if (isBackstrideError(error)) throw error;
          throw constraintRefusal(t, i, row.id, error) ?? error;
        }
      }
      counts[t] = backup.tables[t].length;
    }
    return counts;
  });
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV per table (runs without their samples and form checks without their key frames, which only the JSON export carries). */
export function toCsvTables(backup: Backup): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const rows = backup.tables[t].map((r) => {
      const { samples: _samples, key_frames: _keyFrames, ...rest } = r;
      return rest;
    });
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    out[t] =
      `${[columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(','))].join('\n')}\n`;
  }
  return out;
}

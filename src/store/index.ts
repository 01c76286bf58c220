/**
 * Storage: one query layer (Kysely) over the embedded SQLite database in the data folder, or over
 * PostgreSQL when a connection URL is given (the hosted mode). Migrations run on open.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { badInput } from '../errors.js';
import { type Engine, migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import { ImmediateSqliteDialect, LOCKS, withSessionLock } from './transaction.js';

export type { Engine } from './migrations.js';
export type { Database, RunRow } from './schema.js';

export type Store = {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages (a path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
};

export type StoreOptions = { dataDir: string } | { url: string };

const DB_FILE = 'backstride.sqlite';
/** How long a writer waits for another process's write to finish before giving up: an import on a busy machine can hold the lock for seconds at a time. */
const BUSY_TIMEOUT_MS = 30_000;

async function openSqlite(dataDir: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw badInput(
      `cannot create the data folder ${dataDir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const file = join(dataDir, DB_FILE);
  const sqlite = new SQLite(file, { timeout: BUSY_TIMEOUT_MS });
  // First, so that everything after it (switching to WAL on a new file included) waits its turn
  // behind another process instead of failing with "database is locked".
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL keeps readers unblocked during an import; NORMAL sync is safe with WAL (no corruption on crash).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Every transaction begins as a writer (BEGIN IMMEDIATE): see transaction.ts.
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Store> {
  const pg = await import('pg');
  // BIGINT (epoch ms) arrives as a string by default; every value we store fits a double exactly.
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.default.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, engine: 'postgres', location, close: () => db.destroy() };
}

/**
 * Run pending migrations once, however many processes open the store at the same time; a failure leaves
 * the database at the last good version. On SQLite the migrator's transaction begins as a writer (BEGIN
 * IMMEDIATE) and reads which migrations ran only once it holds the write lock; on PostgreSQL the whole
 * run, creating Kysely's own tables included, holds an advisory lock.
 */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.engine) });
  const { error, results } = await withSessionLock(store.db, LOCKS.migrations, () =>
    migrator.migrateToLatest(),
  );
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Open the store and bring its schema up to date.
 * @example const store = await openStore({ dataDir }); … await store.close();
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = 'url' in options ? await openPostgres(options.url) : await openSqlite(options.dataDir);
  try {
    await startBarrier();
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * For the concurrency tests only: with `BACKSTRIDE_TEST_START_BARRIER` set to a folder, the process says
 * it is ready there (`ready-<pid>`) and waits for a `go` file, so that many processes reach the store at
 * the same instant instead of as staggered as their start-up.
 */
async function startBarrier(): Promise<void> {
  const dir = process.env.BACKSTRIDE_TEST_START_BARRIER;
  if (!dir) return;
  writeFileSync(join(dir, `ready-${process.pid}`), '');
  while (!existsSync(join(dir, 'go'))) await new Promise((r) => setTimeout(r, 2));
}

/**
 * Storage: one query layer (Kysely) over the embedded SQLite database in the data folder, or over
 * PostgreSQL when a connection URL is given (the hosted mode). Migrations run on open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { badInput } from '../errors.js';
import { type Engine, migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

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
  const sqlite = new SQLite(file);
  // WAL keeps readers unblocked during an import; NORMAL sync is safe with WAL (no corruption on crash).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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

/** Run pending migrations; a failure leaves the database at the last good version. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.engine) });
  const { error, results } = await migrator.migrateToLatest();
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
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

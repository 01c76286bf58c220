/**
 * Transactions that stay correct when several processes write to one store (two imports, an import and
 * the web server, parallel `log` commands).
 *
 * SQLite: a plain (deferred) BEGIN that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT
 * when another process committed in between, and the busy timeout never applies to it. So every
 * transaction on SQLite begins as a writer (BEGIN IMMEDIATE): it waits its turn for the write lock (the
 * busy timeout set on the connection) before reading anything. The dialect below does that for every
 * `db.transaction()`, the migrator's included. Read-only paths use no transaction.
 *
 * PostgreSQL: transactions stay READ COMMITTED; writes that must not race (duplicate detection of runs)
 * take a transaction-level advisory lock, and unique indexes back them up with ON CONFLICT.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type Transaction,
} from 'kysely';
import type { Database } from './schema.js';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite's DDL is transactional, though Kysely's adapter says otherwise: saying so makes the migrator
 * run in one transaction (BEGIN IMMEDIATE, below) that reads which migrations ran only once it holds the
 * write lock, so parallel first opens run them once, and a failed migration leaves nothing half done.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Kysely's SQLite dialect, with every transaction started as a writer (BEGIN IMMEDIATE) and the
 * migrations run in one such transaction.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Run `fn` in one write transaction (BEGIN IMMEDIATE on SQLite), or in the caller's transaction when
 * `db` already is one.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}

export const isPostgres = (db: Kysely<Database>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;

/** Advisory lock keys (class, object) for the two-int form: apart from Kysely's own migration lock. */
const LOCK_CLASS = 0x42_53_54; // "BST"
export const LOCKS = {
  migrations: 1,
  runs: 2,
  /** "Is this exercise session already logged?" and its insert. */
  exerciseSessions: 0x44_49,
  /** "Is a check-in with this client id stored?" and its insert. */
  painCheckins: 0x44_50,
  /** "Are ratings with this client id stored?" and their insert. */
  psfsRatings: 0x44_51,
} as const;

/**
 * On PostgreSQL, hold `lock` until the end of the current transaction (other writers taking the same
 * lock wait). On SQLite the write lock taken by BEGIN IMMEDIATE already serializes writers.
 */
export async function lockForTransaction(trx: Kysely<Database>, lock: number): Promise<void> {
  if (isPostgres(trx))
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, ${sql.lit(lock)})`.execute(trx);
}

/** On PostgreSQL, run `fn` holding a session-level advisory lock on one connection of the pool. */
export async function withSessionLock<T>(
  db: Kysely<Database>,
  lock: number,
  fn: () => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return fn();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(LOCK_CLASS)}, ${sql.lit(lock)})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(LOCK_CLASS)}, ${sql.lit(lock)})`.execute(conn);
    }
  });
}

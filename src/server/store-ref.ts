/**
 * The server's one store, opened once at start. Deleting everything swaps it: the embedded database is
 * closed, its files deleted and a fresh one opened (nothing is left in free pages or the log);
 * PostgreSQL keeps its connection and loses every row.
 */
import { deleteSqliteFiles } from '../services/data.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';

/** A handle on the open store that survives "delete everything". */
export class StoreRef {
  private resetting: Promise<void> | undefined;

  private constructor(
    private store: Store,
    private readonly where: StoreOptions,
  ) {}

  /**
   * Open the store (SQLite in a data folder, or PostgreSQL) and bring its schema up to date.
   * @example const ref = await StoreRef.open({ dataDir }); … await ref.close();
   */
  static async open(where: StoreOptions): Promise<StoreRef> {
    return new StoreRef(await openStore(where), where);
  }

  /** The store, once any reset in progress has finished. */
  async get(): Promise<Store> {
    if (this.resetting) await this.resetting;
    return this.store;
  }

  /** Delete every run, assessment and diary entry. */
  async deleteEverything(): Promise<void> {
    if (this.resetting) return this.resetting;
    this.resetting = (async () => {
      if ('url' in this.where) {
        const { deleteAllRows } = await import('../store/backup.js');
        await deleteAllRows(this.store);
        return;
      }
      await this.store.close();
      deleteSqliteFiles(this.where.dataDir);
      this.store = await openStore(this.where);
    })();
    try {
      await this.resetting;
    } finally {
      this.resetting = undefined;
    }
  }

  /** Close the store (after any reset in progress). */
  async close(): Promise<void> {
    if (this.resetting) await this.resetting.catch(() => {});
    await this.store.close();
  }
}

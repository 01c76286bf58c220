/**
 * Owning the data, for every adapter: deleting the embedded database's files. Export, restore and
 * deleting every row live in store/backup.ts; this is what sits above the store.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded database and its write-ahead log files, in the data folder. */
const SQLITE_FILES = ['backstride.sqlite', 'backstride.sqlite-wal', 'backstride.sqlite-shm'] as const;

/**
 * Delete the embedded database from a data folder (the store must be closed). Deleting the files, rather
 * than the rows, leaves nothing behind in free pages or the write-ahead log.
 */
export function deleteSqliteFiles(dataDir: string): void {
  for (const f of SQLITE_FILES) {
    const path = join(dataDir, f);
    if (existsSync(path)) rmSync(path);
  }
}

/**
 * Owning the data, for every adapter: deleting the embedded database's files (and the temporary files
 * beside them), and keeping them private. Export, restore and deleting every row live in
 * store/backup.ts; this is what sits above the store.
 */
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../cli/data-dir.js';
import { sweepTemp, TEMP_FOLDER } from '../import/temp.js';

/** The embedded database and its write-ahead log files, in the data folder. */
const SQLITE_FILES = ['backstride.sqlite', 'backstride.sqlite-wal', 'backstride.sqlite-shm'] as const;

/**
 * Delete the embedded database from a data folder (the store must be closed). Deleting the files, rather
 * than the rows, leaves nothing behind in free pages or the write-ahead log. Temporary files a crashed
 * import or server left in the folder go too; those of an import running now in another process stay
 * (see import/temp.ts).
 */
export function deleteSqliteFiles(dataDir: string): void {
  for (const f of SQLITE_FILES) {
    const path = join(dataDir, f);
    if (existsSync(path)) rmSync(path);
  }
  sweepTemp(join(dataDir, TEMP_FOLDER));
}

/**
 * Make the embedded database's files readable by their owner only (0600), whatever the umask they were
 * created under (a server started by code rather than by the CLI, which sets a private umask).
 */
export function privateSqliteFiles(dataDir: string): void {
  if (process.platform === 'win32') return;
  for (const f of SQLITE_FILES) {
    const path = join(dataDir, f);
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
    } catch {
      // Not there (no write-ahead log yet), or not ours to change.
    }
  }
}

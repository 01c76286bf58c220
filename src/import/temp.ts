/**
 * The private folder for temporary files: uploads waiting to be imported and the copies of zip entries.
 * It is `tmp` in the data folder, never the system's temporary folder, so leftovers of a crash can be
 * found and cleaned: at the next server start, at the next `backstride import`, and on "delete
 * everything". Folders are 0700 and files 0600, whatever the umask.
 *
 * Each temporary folder is named after the process that made it (`upload-<pid>-…`, `import-<pid>-…`).
 * A leftover is removed once that process is no longer running, or once it is older than a day (a pid
 * reused by an unrelated process): another process importing right now keeps its files.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRIVATE_DIR_MODE, resolveDataDir } from '../cli/data-dir.js';
import type { Store, StoreOptions } from '../store/index.js';

/** The temporary folder's name inside the data folder. */
export const TEMP_FOLDER = 'tmp';

/** What a temporary folder holds: an upload waiting to be imported, or a zip's entries. */
export type TempKind = 'upload' | 'import';

const OURS = /^(upload|import)-(\d+)-/;

/** No import takes this long: a folder this old is a leftover whatever its pid says. */
export const STALE_MS = 24 * 60 * 60 * 1000;

/** Folders the previous versions left in the system's temporary folder, judged by age alone. */
const LEGACY = /^backstride-(upload|import)-/;
const LEGACY_STALE_MS = 60 * 60 * 1000;

/**
 * The temporary folder for a store: `tmp` in its data folder; with PostgreSQL (no data folder of its
 * own), `tmp` in the per-user data folder (`$BACKSTRIDE_DATA`, or the platform's default).
 */
export function tempRootFor(where: StoreOptions): string {
  return join('dataDir' in where ? where.dataDir : resolveDataDir(), TEMP_FOLDER);
}

/** {@link tempRootFor} for an open store: the embedded database's folder, or the per-user one. */
export function tempRootOfStore(store: Store): string {
  return join(store.engine === 'sqlite' ? dirname(store.location) : resolveDataDir(), TEMP_FOLDER);
}

/** Create `dir` (and missing parents) private, or make it private; refuses a link or a file. */
export function privateFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`not a folder: ${dir}`);
  if (process.platform !== 'win32' && (stat.mode & 0o777) !== PRIVATE_DIR_MODE)
    chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** A new private folder in `root` (made private first), named after this process. */
export function makeTempFolder(root: string, kind: TempKind): string {
  // mkdtemp makes it 0700 whatever the umask.
  return mkdtempSync(join(privateFolder(root), `${kind}-${process.pid}-`));
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function remove(path: string): boolean {
  try {
    rmSync(path, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Remove the leftovers in `root`: folders whose process is no longer running or older than
 * {@link STALE_MS}; with `ownToo`, this process's own as well but those in `keep` (delete everything).
 * Anything not named as ours is left alone. Returns the names removed.
 */
export function sweepTemp(
  root: string,
  options: { ownToo?: boolean; keep?: ReadonlySet<string>; now?: number } = {},
): string[] {
  const now = options.now ?? Date.now();
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = OURS.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    const path = join(root, name);
    if (options.keep?.has(path)) continue;
    let old = false;
    try {
      old = now - lstatSync(path).mtimeMs > STALE_MS;
    } catch {
      continue;
    }
    const leftover = old || (pid === process.pid ? options.ownToo === true : !running(pid));
    if (leftover && remove(path)) removed.push(name);
  }
  return removed;
}

/**
 * Remove what earlier versions left in the system's temporary folder (`backstride-upload-…`,
 * `backstride-import-…`): this user's only, and only when older than an hour, since those names say
 * nothing of the process that made them.
 */
export function sweepLegacyTemp(now = Date.now(), dir = tmpdir()): string[] {
  if (process.platform === 'win32') return [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => LEGACY.test(n));
  } catch {
    return [];
  }
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.uid !== uid || now - stat.mtimeMs <= LEGACY_STALE_MS) continue;
    } catch {
      continue;
    }
    if (remove(path)) removed.push(name);
  }
  return removed;
}

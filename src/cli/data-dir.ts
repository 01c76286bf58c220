/**
 * Where Backstride keeps its data: `--data-dir`, else `$BACKSTRIDE_DATA`, else a per-user folder.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { badInput } from '../errors.js';

/** The per-user default, following each platform's convention. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Backstride');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Backstride');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'backstride');
}

/** Resolve the data folder; nothing is created until something is stored. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.BACKSTRIDE_DATA;
  if (chosen !== undefined && chosen.trim() === '')
    throw badInput('the data folder must not be empty', 'data-dir');
  return resolve(chosen ?? defaultDataDir(env));
}

/** Modes for what Backstride writes: only the user who runs it can read health data. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Files created by libraries (SQLite's database, -wal and -shm; Chromium's PDF) are private too: set once
 * at the entry points (the CLI, `serve`), before anything is written.
 */
export function privateUmask(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/** Tighten one path to `mode` if group or others have any access; true when it was changed. */
function tighten(path: string, mode: number): boolean {
  try {
    if ((statSync(path).mode & 0o077) === 0) return false;
    chmodSync(path, mode);
    return true;
  } catch {
    // Not ours to change (another owner) or gone: leave it, the store reports real problems.
    return false;
  }
}

/**
 * Create the data folder private (0700), or make an existing one private with its files (0600) and say
 * so once on stderr; a folder already private is left alone, so the message is not repeated.
 * @example ensurePrivateDataDir(resolveDataDir(flag))
 */
export function ensurePrivateDataDir(
  dir: string,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  if (process.platform === 'win32') return;
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      chmodSync(dir, PRIVATE_DIR_MODE);
    } catch (error) {
      throw badInput(
        `cannot create the data folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        'data-dir',
      );
    }
    return;
  }
  let changed = tighten(dir, PRIVATE_DIR_MODE);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        changed = tighten(path, PRIVATE_DIR_MODE) || changed;
        walk(path);
      } else if (entry.isFile()) changed = tighten(path, PRIVATE_FILE_MODE) || changed;
    }
  };
  try {
    walk(dir);
  } catch {
    // An unreadable subfolder: what could be tightened has been.
  }
  if (changed) say(`Made your data folder private (it was readable by other users): ${dir}`);
}

/**
 * Write a file only its owner can read (0600), whatever the umask, and even if it already existed with a
 * looser mode. A special file (`/dev/stdout`) is written to but not changed.
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE });
  if (process.platform !== 'win32' && statSync(path).isFile()) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Create a folder for exports only its owner can open (0700) when it does not exist yet. */
export function makePrivateFolder(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') chmodSync(path, PRIVATE_DIR_MODE);
}

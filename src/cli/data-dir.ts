/**
 * Where Backstride keeps its data: `--data-dir`, else `$BACKSTRIDE_DATA`, else a per-user folder.
 */
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

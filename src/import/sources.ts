/**
 * Turn what the runner points at (files, folders, zips, exports) into a flat list of candidate files.
 * Zips are opened (nested ones too, as in Garmin's account export); a Strava export's activities.csv is
 * read so each file gets its name and type.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { badInput } from '../errors.js';
import { detectFormat } from './detect.js';
import { parseStravaActivities, type StravaEntry } from './strava.js';

export type ImportItem = {
  /** Shown to the runner and stored as the run's source: a path, with `!` for a path inside a zip. */
  name: string;
  size: number;
  read: () => Uint8Array;
  /** The file on disk, when the item is a whole file (worker processes read it themselves). */
  path?: string;
  /** From a Strava export's activities.csv. */
  strava?: StravaEntry;
};

export type Collected = {
  items: ImportItem[];
  /** Manual Strava activities (no file), to import from the CSV alone. */
  manual: { name: string; entry: StravaEntry }[];
  exports: ('strava' | 'garmin')[];
};

/** Files a zip expands to; nested zips are opened in turn. */
function expandZip(name: string, bytes: Uint8Array, depth = 0): ImportItem[] {
  if (depth > 3) return [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw badInput(`${name}: not a readable zip (${(error as Error).message})`);
  }
  const out: ImportItem[] = [];
  for (const path of Object.keys(entries).sort()) {
    const data = entries[path] as Uint8Array;
    if (path.endsWith('/') || data.byteLength === 0) continue;
    const inner = `${name}!${path}`;
    if (detectFormat(data) === 'zip') out.push(...expandZip(inner, data, depth + 1));
    else out.push({ name: inner, size: data.byteLength, read: () => data });
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function readHead(path: string): Uint8Array {
  return readFileSync(path).subarray(0, 4096);
}

/** Attach Strava CSV entries to the files they name, relative to the export root. */
function applyStrava(items: ImportItem[], collected: Collected): void {
  // The shallowest activities.csv is the export's own (exports may sit in a top-level folder).
  const csv = items
    .filter((i) => /(^|[\\/!])activities\.csv$/.test(i.name))
    .sort((a, b) => a.name.length - b.name.length)[0];
  if (!csv) return;
  const base = csv.name.slice(0, -'activities.csv'.length);
  let entries: StravaEntry[];
  try {
    entries = parseStravaActivities(new TextDecoder().decode(csv.read()));
  } catch {
    return;
  }
  if (entries.length === 0) return;
  collected.exports.push('strava');
  const byName = new Map(items.map((i) => [i.name, i]));
  for (const entry of entries) {
    if (entry.file) {
      const item = byName.get(base + entry.file) ?? byName.get(base + entry.file.split('/').join(sep));
      if (item) item.strava = entry;
    } else if (entry.startTime !== undefined && entry.distanceM !== undefined) {
      collected.manual.push({ name: `${csv.name}#${entry.id}`, entry });
    }
  }
}

/**
 * Collect the candidate files under the given paths. Throws a bad-input error for a path that does
 * not exist; everything inside is judged file by file later.
 */
export function collect(paths: string[]): Collected {
  const collected: Collected = { items: [], manual: [], exports: [] };
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw badInput(`no such file or folder: ${path}`, 'path');
    }
    const group: ImportItem[] = [];
    if (stat.isDirectory()) {
      for (const file of walk(path)) {
        const size = statSync(file).size;
        if (size > 0 && detectFormat(readHead(file)) === 'zip')
          group.push(...expandZip(file, readFileSync(file)));
        else group.push({ name: file, path: file, size, read: () => readFileSync(file) });
      }
      applyStrava(group, collected);
    } else {
      const bytes = readFileSync(path);
      if (detectFormat(bytes) === 'zip') {
        group.push(...expandZip(path, bytes));
        applyStrava(group, collected);
      } else group.push({ name: path, size: bytes.byteLength, read: () => bytes });
    }
    if (group.some((i) => /DI_CONNECT|DI-Connect/.test(i.name))) collected.exports.push('garmin');
    collected.items.push(...group);
  }
  return collected;
}

export const displayName = (name: string, cwd = process.cwd()) => {
  const [outer, ...inner] = name.split('!');
  const rel = relative(cwd, outer as string);
  const shown =
    rel && !rel.startsWith('..') ? rel : basename(outer as string) === outer ? outer : (outer as string);
  return [shown, ...inner].join('!');
};

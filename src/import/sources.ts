/**
 * Turn what the runner points at (files, folders, zips, exports) into a flat list of candidate files.
 * Zips are opened (nested ones too, as in Garmin's account export); a Strava export's activities.csv is
 * read so each file gets its name and type.
 *
 * Zips are streamed, never held whole: the archive is read from disk in small chunks, each entry is
 * inflated chunk by chunk (fflate's streaming Unzip) straight into a private temporary file, and its
 * bytes are counted as they come. An entry is abandoned the moment it crosses a cap (its inflated size,
 * its inflation ratio, or the archive's total), and reported like any bad file; the rest continues.
 * The copies go to a private folder (0700, files 0600) made in `tempRoot`, the data folder's `tmp`
 * (see temp.ts). The server runs this in a child process (collect-child.ts), never in its own.
 */
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { badInput } from '../errors.js';
import { ACTIVITY_FILE_BYTES } from '../limits.js';
import { detectFormat } from './detect.js';
import { parseStravaActivities, type StravaEntry } from './strava.js';
import { makeTempFolder } from './temp.js';

export type ImportItem = {
  /** Shown to the runner and stored as the run's source: a path, with `!` for a path inside a zip. */
  name: string;
  size: number;
  read: () => Uint8Array;
  /** The file on disk (a zip entry's temporary copy included): worker processes read it themselves. */
  path?: string;
  /** From a Strava export's activities.csv. */
  strava?: StravaEntry;
};

/** Something found that will not be imported, decided while collecting (a zip bomb, a damaged zip). */
export type Rejected = { name: string; kind: 'skipped' | 'failed'; reason: string; size: number };

export type Collected = {
  items: ImportItem[];
  /** Manual Strava activities (no file), to import from the CSV alone. */
  manual: { name: string; entry: StravaEntry }[];
  /** Entries and archives refused while collecting, reported with the files. */
  rejected: Rejected[];
  exports: ('strava' | 'garmin')[];
  /** The folder holding the temporary copies of zip entries, once one was needed. */
  tempDir?: string;
  /** Deletes the temporary copies of zip entries; call when the import ends, however it ends. */
  cleanup: () => void;
};

export type CollectOptions = {
  /** The private folder in which the folder for zip entries' copies is made (see temp.ts). */
  tempRoot: string;
  /** Caps on zip inflation (default {@link ZIP_LIMITS}). */
  limits?: ZipLimits;
};

export type ZipLimits = {
  /** Largest inflated size of one entry. */
  entryBytes: number;
  /** Largest inflated total of one archive (nested zips included). */
  archiveBytes: number;
  /** Largest inflated:compressed ratio, checked once an entry has inflated past `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
  /** Zips inside zips are opened this many levels down. */
  depth: number;
};

const MiB = 1024 * 1024;
/**
 * One entry (or one plain file) is held to the largest activity file ({@link ACTIVITY_FILE_BYTES}, no real
 * one comes near it); 16 GiB is several lifetimes of FIT files (kept on disk, not in memory).
 */
export const ZIP_LIMITS: ZipLimits = {
  entryBytes: ACTIVITY_FILE_BYTES,
  archiveBytes: 16 * 1024 * MiB,
  ratio: 200,
  ratioFloorBytes: 8 * MiB,
  depth: 3,
};

/** Zips are read in chunks this size: one chunk of zeros inflates to at most about 1000 times it. */
const CHUNK = 64 * 1024;

const sizeText = (n: number) =>
  n >= 1024 * MiB && n % (1024 * MiB) === 0
    ? `${n / (1024 * MiB)} GiB`
    : n >= MiB && n % MiB === 0
      ? `${n / MiB} MiB`
      : n >= 1024 && n % 1024 === 0
        ? `${n / 1024} KiB`
        : `${n} bytes`;

type Context = {
  limits: ZipLimits;
  rejected: Rejected[];
  /** The temporary folder for entries, made on first use. */
  tmp: () => string;
};

type Entry = {
  name: string;
  file: string;
  fd?: number;
  written: number;
  head: Uint8Array[];
  headBytes: number;
  done: boolean;
  refused?: Rejected;
};

/** The streaming inflater, counting the compressed bytes it is given and stoppable mid-entry. */
function cappedInflate() {
  const made: CappedInflate[] = [];
  class CappedInflate extends UnzipInflate {
    compressed = 0;
    stopped = false;
    constructor() {
      super();
      made.push(this);
    }
    override push(chunk: Uint8Array, final: boolean): void {
      if (this.stopped) return;
      this.compressed += chunk.length;
      super.push(chunk, final);
    }
    terminate(): void {
      this.stopped = true;
    }
  }
  return { decoder: CappedInflate, count: () => made.length, last: () => made[made.length - 1] };
}

/** Files a zip on disk expands to; nested zips are opened in turn, `depth` levels down at most. */
function expandZip(
  name: string,
  zipFile: string,
  ctx: Context,
  budget: { inflated: number },
  depth = 0,
): ImportItem[] {
  const { limits } = ctx;
  const entries: Entry[] = [];
  const inflate = cappedInflate();
  const finish = (entry: Entry) => {
    if (entry.fd !== undefined) closeSync(entry.fd);
    entry.fd = undefined;
  };
  const refuse = (entry: Entry, reason: string, stop: () => void) => {
    stop();
    finish(entry);
    budget.inflated -= entry.written;
    entry.refused = { name: entry.name, kind: 'skipped', reason, size: entry.written };
    rmSync(entry.file, { force: true });
  };
  const unzip = new Unzip((f) => {
    const entry: Entry = {
      name: `${name}!${f.name}`,
      file: join(ctx.tmp(), `${entries.length}-${depth}-${Math.random().toString(36).slice(2)}`),
      written: 0,
      head: [],
      headBytes: 0,
      done: false,
    };
    entries.push(entry);
    // Set for deflated entries only: a stored entry inflates 1:1 and is held to the size caps alone.
    let decoder: { compressed: number; stopped: boolean } | undefined;
    f.ondata = (error, data, final) => {
      if (entry.done || entry.refused) return;
      if (error) {
        if (decoder) decoder.stopped = true;
        finish(entry);
        entry.refused = {
          name: entry.name,
          kind: 'failed',
          reason: `damaged zip entry (${error.message})`,
          size: entry.written,
        };
        rmSync(entry.file, { force: true });
        return;
      }
      if (data.length > 0) {
        entry.written += data.length;
        budget.inflated += data.length;
        const stop = () => f.terminate();
        if (entry.written > limits.entryBytes)
          return refuse(entry, `inflates to more than ${sizeText(limits.entryBytes)}`, stop);
        if (
          decoder &&
          entry.written > limits.ratioFloorBytes &&
          entry.written > decoder.compressed * limits.ratio
        )
          return refuse(
            entry,
            `inflates to more than ${limits.ratio} times its compressed size (a zip bomb?)`,
            stop,
          );
        if (budget.inflated > limits.archiveBytes)
          return refuse(entry, `the archive inflates to more than ${sizeText(limits.archiveBytes)}`, stop);
        if (entry.headBytes < 4096) {
          entry.head.push(data.slice(0, 4096 - entry.headBytes));
          entry.headBytes += Math.min(data.length, 4096 - entry.headBytes);
        }
        entry.fd ??= openSync(entry.file, 'w', 0o600);
        for (let at = 0; at < data.length; ) at += writeSync(entry.fd, data, at);
      }
      if (final) {
        finish(entry);
        entry.done = true;
      }
    };
    const before = inflate.count();
    f.start();
    if (inflate.count() > before) decoder = inflate.last();
  });
  unzip.register(inflate.decoder);

  let damaged: string | undefined;
  const fd = openSync(zipFile, 'r');
  try {
    const chunk = new Uint8Array(CHUNK);
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, null);
      // Unzip keeps references to what it is given: each push gets its own copy.
      unzip.push(chunk.slice(0, n), n === 0);
      if (n === 0) break;
    }
  } catch (error) {
    damaged = (error as Error).message;
  } finally {
    closeSync(fd);
    for (const entry of entries) finish(entry);
  }
  const unfinished = entries.filter((e) => !e.done && !e.refused);
  for (const e of unfinished) rmSync(e.file, { force: true });
  if (damaged !== undefined || entries.length === 0 || unfinished.length > 0) {
    const why = damaged ?? (entries.length === 0 ? 'no entries found' : 'it ends mid-entry');
    ctx.rejected.push({
      name,
      kind: 'failed',
      reason: `not a readable zip, or a damaged one (${why})`,
      size: 0,
    });
  }

  const out: ImportItem[] = [];
  const kept = entries.filter((e) => e.done || e.refused).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of kept) {
    if (entry.refused) {
      ctx.rejected.push(entry.refused);
      continue;
    }
    if (entry.name.endsWith('/') || entry.written === 0) {
      rmSync(entry.file, { force: true });
      continue;
    }
    const head = Buffer.concat(entry.head);
    if (detectFormat(head) === 'zip') {
      if (depth + 1 > limits.depth)
        ctx.rejected.push({
          name: entry.name,
          kind: 'skipped',
          reason: `a zip nested more than ${limits.depth} deep`,
          size: entry.written,
        });
      else out.push(...expandZip(entry.name, entry.file, ctx, budget, depth + 1));
      // The inner zip's own entries are on disk now; its copy is not needed.
      unlinkSync(entry.file);
      continue;
    }
    const file = entry.file;
    out.push({ name: entry.name, size: entry.written, path: file, read: () => readFileSync(file) });
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

/** The first 4 KiB of a file, for detecting its format. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
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

/** Whether collecting these paths opens a zip: one of them is a folder (which may hold zips) or a zip. */
export function opensArchives(paths: string[]): boolean {
  return paths.some((path) => {
    try {
      const stat = statSync(path);
      return stat.isDirectory() || (stat.size > 0 && detectFormat(readHead(path)) === 'zip');
    } catch {
      return false;
    }
  });
}

/**
 * Collect the candidate files under the given paths. Throws a bad-input error for a path that does
 * not exist; everything inside is judged file by file later (a zip that cannot be read, or an entry that
 * inflates too far, is in `rejected`). Call `cleanup` when done with the items.
 */
export function collect(paths: string[], options: CollectOptions): Collected {
  const limits = options.limits ?? ZIP_LIMITS;
  const collected: Collected = { items: [], manual: [], rejected: [], exports: [], cleanup: () => {} };
  collected.cleanup = () => {
    if (collected.tempDir !== undefined) rmSync(collected.tempDir, { recursive: true, force: true });
    delete collected.tempDir;
  };
  const cleanup = collected.cleanup;
  const ctx: Context = {
    limits,
    rejected: collected.rejected,
    // The folder is made 0700; entries are written 0600.
    tmp: () => {
      collected.tempDir ??= makeTempFolder(options.tempRoot, 'import');
      return collected.tempDir;
    },
  };
  const file = (path: string, size: number): ImportItem => ({
    name: path,
    path,
    size,
    read: () => readFileSync(path),
  });
  const open = (path: string, size: number): ImportItem[] => {
    if (size > 0 && detectFormat(readHead(path)) === 'zip')
      return expandZip(path, path, ctx, { inflated: 0 });
    // Any other file is read whole to be decoded: past the cap it is reported, never read.
    if (size > limits.entryBytes) {
      ctx.rejected.push({
        name: path,
        kind: 'failed',
        reason: `too large to be an activity file (${sizeText(size)}; the limit is ${sizeText(limits.entryBytes)})`,
        size,
      });
      return [];
    }
    return [file(path, size)];
  };
  try {
    for (const path of paths) {
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch {
        throw badInput(`no such file or folder: ${path}`, 'path');
      }
      const group: ImportItem[] = [];
      if (stat.isDirectory()) {
        for (const f of walk(path)) group.push(...open(f, statSync(f).size));
      } else group.push(...open(path, stat.size));
      // A folder or an archive may be an export; a single file is just a file.
      if (stat.isDirectory() || group.some((i) => i.name !== path)) applyStrava(group, collected);
      if (group.some((i) => /DI_CONNECT|DI-Connect/.test(i.name))) collected.exports.push('garmin');
      collected.items.push(...group);
    }
  } catch (error) {
    cleanup();
    throw error;
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

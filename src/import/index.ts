/**
 * Import files, folders and export archives into the store. Each file is written in its own transaction:
 * a bad or truncated file is reported by name and skipped, and a crash leaves the store as it was before
 * the file being written. Importing the same run twice, or from two formats, stores it once.
 */
import type { Sport } from '../activities/types.js';
import type { Store } from '../store/index.js';
import { insertRuns, type NewRunInput } from '../store/runs.js';
import {
  DECODER_STOPPED,
  type Decoder,
  defaultWorkerCount,
  inlineDecoder,
  workerDecoder,
  workersAvailable,
} from './pool.js';
import { manualRow } from './process.js';
import { type Collected, collect, displayName, type ZipLimits } from './sources.js';
import { sweepLegacyTemp, sweepTemp, tempRootOfStore } from './temp.js';

export type ImportProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  runsImported: number;
};

export type ImportSummary = {
  files: number;
  bytes: number;
  imported: number;
  duplicates: number;
  /** Runs already stored from a poorer source (a GPX, say) that this import's richer file replaced. */
  replaced: number;
  /** Plain-words remarks about runs that were stored: a file cut short, a track that disagrees with its summary. */
  remarks: { file: string; remark: string }[];
  /** Files or activities left out on purpose, with the reason (not a run, not an activity file). */
  skipped: { file: string; reason: string }[];
  skippedByReason: Record<string, number>;
  /** Files that could not be read, with a one-line reason. */
  failed: { file: string; reason: string }[];
  runIds: string[];
  exports: ('strava' | 'garmin')[];
  workers: number;
  elapsedMs: number;
};

export type ImportOptions = {
  onProgress?: (p: ImportProgress) => void;
  /** Worker threads for decoding; 0 decodes in this thread. Defaults to one per core for large imports. */
  workers?: number;
  /**
   * How a file is named in the summary and stored as its runs' source. Uploads use it to show the name
   * the runner's browser sent rather than the temporary path the server wrote the file to.
   */
  sourceName?: (name: string) => string;
  /** Caps on zip inflation; lowered only in tests. */
  zipLimits?: ZipLimits;
  /**
   * The private folder for the copies of zip entries. Default: the data folder's `tmp` (see temp.ts),
   * swept of other processes' leftovers first. The server gives each upload's own folder.
   */
  tempDir?: string;
  /**
   * Never inflate or decode in this process (the server: a hostile upload must cost its event loop
   * nothing): zips are opened in a child process, and files are decoded in worker processes however
   * few there are, when the worker script is built (`workers: 0` still decodes here).
   */
  isolate?: boolean;
};

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD_FILES = 8;

const sportWords: Record<Sport, string> = {
  running: 'run',
  'trail-running': 'trail run',
  treadmill: 'treadmill run',
  walking: 'walk',
  cycling: 'ride',
  swimming: 'swim',
  other: 'other sport',
};

const km = (m: number) => `${(m / 1000).toFixed(2)} km`;

/** What the runner should hear about a stored run's file: cut short, a track that disagrees with it. */
function remarksOn(run: NewRunInput): string[] {
  const out: string[] = [];
  if (run.truncated) out.push('the file was cut short: the run holds what was recorded before the break');
  if (run.samples_distance_m !== null) {
    out.push(
      `its track adds up to ${km(run.samples_distance_m)} but its own summary says ${km(run.distance_m)}; the summary is kept, and the run page shows both`,
    );
  }
  return out;
}

export async function importPaths(
  store: Store,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  let tempRoot = options.tempDir;
  if (tempRoot === undefined) {
    tempRoot = tempRootOfStore(store);
    // What a crashed import left behind (a process that is gone); running imports keep theirs.
    sweepTemp(tempRoot);
    sweepLegacyTemp();
  }
  const where = { tempRoot, ...(options.zipLimits ? { limits: options.zipLimits } : {}) };
  let collected: Collected;
  if (options.isolate) {
    const { collectIsolated } = await import('./collect-child.js');
    collected = await collectIsolated(paths, where);
  } else collected = collect(paths, where);
  try {
    return await importCollected(store, collected, options, started);
  } finally {
    collected.cleanup();
  }
}

async function importCollected(
  store: Store,
  collected: Collected,
  options: ImportOptions,
  started: number,
): Promise<ImportSummary> {
  const rename = options.sourceName;
  if (rename) {
    // Only the name changes: each item still reads its bytes from where they are.
    for (const item of collected.items) item.name = rename(item.name);
    for (const manual of collected.manual) manual.name = rename(manual.name);
    for (const rejected of collected.rejected) rejected.name = rename(rejected.name);
  }
  const items = collected.items;
  const summary: ImportSummary = {
    files: items.length + collected.manual.length + collected.rejected.length,
    bytes: items.reduce((s, i) => s + i.size, 0),
    imported: 0,
    duplicates: 0,
    replaced: 0,
    remarks: [],
    skipped: [],
    skippedByReason: {},
    failed: [],
    runIds: [],
    exports: collected.exports,
    workers: 0,
    elapsedMs: 0,
  };
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: summary.files,
    bytesDone: 0,
    bytesTotal: summary.bytes,
    runsImported: 0,
  };
  const skip = (file: string, reason: string) => {
    summary.skipped.push({ file: displayName(file), reason });
    summary.skippedByReason[reason] = (summary.skippedByReason[reason] ?? 0) + 1;
  };
  // Refused while collecting (a damaged zip, an entry inflating too far): reported like any bad file.
  for (const r of collected.rejected) {
    if (r.kind === 'failed') summary.failed.push({ file: displayName(r.name), reason: r.reason });
    else skip(r.name, r.reason);
    progress.filesDone++;
  }
  const record = async (file: string, runs: Parameters<typeof insertRuns>[1]) => {
    if (runs.length === 0) return;
    const outcomes = await insertRuns(store.db, runs);
    outcomes.forEach((o, i) => {
      if (o.status === 'duplicate') {
        summary.duplicates++;
        return;
      }
      if (o.status === 'imported') {
        summary.imported++;
        summary.runIds.push(o.id);
      } else summary.replaced++;
      const run = runs[i];
      if (run) for (const remark of remarksOn(run)) summary.remarks.push({ file: displayName(file), remark });
    });
    progress.runsImported = summary.imported;
  };

  const wanted =
    options.workers ??
    (items.length >= WORKER_THRESHOLD_FILES || options.isolate
      ? Math.min(defaultWorkerCount(), items.length)
      : 0);
  const workers = wanted > 0 && workersAvailable() ? wanted : 0;
  const decoder: Decoder = workers > 0 ? workerDecoder(workers) : inlineDecoder();
  summary.workers = workers;
  try {
    // Decode ahead on the workers (a bounded window), write in file order on this thread.
    type Outcome = Awaited<ReturnType<Decoder['run']>>;
    const window = Math.max(4, workers * 4);
    const results: Promise<Outcome>[] = [];
    const start = (i: number) => {
      const item = items[i];
      if (!item || results[i]) return;
      results[i] = decoder.run(item).catch((error: Error): Outcome => {
        if ((error as { decoderStopped?: boolean }).decoderStopped)
          return { kind: 'failed', reason: DECODER_STOPPED };
        const code = (error as NodeJS.ErrnoException).code;
        return {
          kind: 'failed',
          reason: code ? `cannot read the file (${code})` : `decoding failed: ${error.message}`,
        };
      });
    };
    for (let i = 0; i < Math.min(window, items.length); i++) start(i);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item) continue;
      const outcome = await (results[i] as Promise<Outcome>);
      delete results[i];
      start(i + window);
      if (outcome.kind === 'failed')
        summary.failed.push({ file: displayName(item.name), reason: outcome.reason });
      else if (outcome.kind === 'skipped') skip(item.name, outcome.reason);
      else {
        for (const sport of outcome.notRuns) skip(item.name, `not a run (${sportWords[sport]})`);
        await record(item.name, outcome.runs);
      }
      progress.filesDone++;
      progress.bytesDone += item.size;
      options.onProgress?.({ ...progress });
    }
    for (const { name, entry } of collected.manual) {
      if (entry.sport === 'running' || entry.sport === 'trail-running' || entry.sport === 'treadmill') {
        await record(name, [manualRow(name, entry)]);
      } else skip(name, `not a run (${sportWords[entry.sport]})`);
      progress.filesDone++;
      options.onProgress?.({ ...progress });
    }
  } finally {
    await decoder.close();
  }
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}

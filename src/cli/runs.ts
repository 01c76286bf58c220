/**
 * Running-history commands: `import`, `runs`, `load`. They open the store (SQLite in the data folder,
 * or PostgreSQL with --database-url) and always close it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import { badInput } from '../errors.js';
import { detectFormat } from '../import/detect.js';
import { ACTIVITY_FILE_BYTES, tooLargeMessage } from '../limits.js';
import type { AnalysisWindow, LoadSummary } from '../load/index.js';
import type { Units } from '../metrics/index.js';
import { loadFor, parseDateFlag, runJson, units } from '../services/runs.js';
import type { Store } from '../store/index.js';
import type { RunSummary } from '../store/runs.js';
import { ensurePrivateDataDir, resolveDataDir } from './data-dir.js';

// The storage, import and analytics modules load on first use, so `assess` starts without them.
const lazy = {
  store: () => import('../store/index.js'),
  runs: () => import('../store/runs.js'),
  import: () => import('../import/index.js'),
  metrics: () => import('../metrics/index.js'),
  progress: () => import('./progress.js'),
};

/** Options every store command takes. */
export type StoreOptions = { json?: boolean; dataDir?: string; databaseUrl?: string; units?: string };

/** Open the store the options point at, run `fn`, and close it whatever happens. */
export async function withStore<T>(o: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const url = o.databaseUrl ?? process.env.BACKSTRIDE_DATABASE_URL;
  const { openStore } = await lazy.store();
  let store: Store;
  if (url) store = await openStore({ url });
  else {
    const dataDir = resolveDataDir(o.dataDir);
    ensurePrivateDataDir(dataDir);
    store = await openStore({ dataDir });
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const duration = (s: number | null) => {
  if (s === null) return '–';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
};

async function renderRuns(runs: RunSummary[], u: Units): Promise<string> {
  const { formatDistance, formatPace } = await lazy.metrics();
  if (runs.length === 0) return 'No runs stored yet. Import some with `backstride import PATH`.\n';
  const lines = runs.map((r) =>
    [
      new Date(r.start_time).toISOString().slice(0, 16).replace('T', ' '),
      formatDistance(r.distance_m, u).padStart(9),
      duration(r.moving_s ?? r.elapsed_s).padStart(8),
      (r.pace_s_per_km ? formatPace(r.pace_s_per_km, u) : '–').padStart(10),
      (r.avg_hr ? `${Math.round(r.avg_hr)} bpm` : '').padStart(8),
      r.sport.padEnd(13),
      pc.dim(r.name ?? ''),
    ].join('  '),
  );
  return `${lines.join('\n')}\n${pc.dim(count(runs.length, 'run'))}\n`;
}

async function renderLoad(s: LoadSummary & { window?: AnalysisWindow }, u: Units): Promise<string> {
  const { formatDistance } = await lazy.metrics();
  const { flagLines, windowLines } = await import('./window-text.js');
  const out: string[] = windowLines('Training load', s.window, 'load');
  // A chosen period is shown whole; the default year shows its last 8 weeks (the JSON has them all).
  const weeks = s.window?.kind === 'chosen' ? s.weeks : s.weeks.slice(-8);
  out.push(
    '',
    pc.bold(
      weeks.length < s.weeks.length ? `Weekly distance (the last ${weeks.length} weeks)` : 'Weekly distance',
    ),
  );
  const max = Math.max(1, ...weeks.map((w) => w.distanceM));
  for (const w of weeks) {
    const bar = '█'.repeat(Math.round((w.distanceM / max) * 30));
    const change =
      w.changePct === undefined ? '' : ` ${w.changePct >= 0 ? '+' : ''}${Math.round(w.changePct)}%`;
    out.push(
      `  ${w.weekStart}  ${formatDistance(w.distanceM, u).padStart(9)}  ${count(w.runs, 'run').padEnd(7)} ${pc.cyan(bar)}${pc.dim(change)}`,
    );
  }
  out.push(...flagLines(s.flags));
  if (s.limits.length) out.push('', pc.dim(s.limits.map((l) => `* ${l}`).join('\n')));
  return `${out.join('\n')}\n`;
}

/**
 * Refuse, before the store is opened or a file read, a file named on the command line that is too large to
 * be one activity. Such a file is read whole to be decoded; a zip archive is read in chunks, so it may be
 * larger (its entries are held to the same cap as they inflate). Folders are walked by the import itself.
 * @throws bad-input naming the first file past the limit
 */
export function refuseOversizedFiles(paths: string[], limitBytes = ACTIVITY_FILE_BYTES): void {
  for (const path of paths) {
    let isZip: boolean;
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size <= limitBytes) continue;
      isZip = detectFormat(readHead(path)) === 'zip';
    } catch {
      continue; // The import itself names a path it cannot find or read.
    }
    if (!isZip)
      throw badInput(
        `${tooLargeMessage(`activity file ${path}`, limitBytes)} (only a zip archive may be larger)`,
        'path',
      );
  }
}

/** The first bytes of a file, enough to tell its format. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(16);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** "1 run", "3 runs". */
const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;

/** Adds the common options and the store selection to a command. */
export function storeOptionsFor(withCommon: (c: Command) => Command) {
  return (c: Command) =>
    withCommon(c).addOption(
      new Option('--database-url <url>', 'use PostgreSQL (hosted mode) instead of the data folder').env(
        'BACKSTRIDE_DATABASE_URL',
      ),
    );
}

/** Registers `import`, `runs` and `load`. */
export function registerRunCommands(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('import'))
    .description('Import FIT, GPX and TCX files (gzip or not), folders, zips, and Strava or Garmin exports')
    .argument('<paths...>', 'files, folders or archives')
    .option('--workers <n>', 'decoding threads (default: one per core for large imports)')
    .addHelpText(
      'after',
      '\nExamples:\n  backstride import ~/Downloads/export_12345.zip     a Strava bulk export\n  backstride import watch/ run.fit.gz --json',
    )
    .action(async (paths: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { workers?: string };
      let workers: number | undefined;
      if (o.workers !== undefined) {
        workers = Number(o.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
          throw badInput(`--workers must be a whole number from 0 to 64, not "${o.workers}"`, 'workers');
        }
      }
      refuseOversizedFiles(paths);
      const { importProgress } = await lazy.progress();
      const { importPaths } = await lazy.import();
      const bar = o.json && !process.stderr.isTTY ? undefined : importProgress();
      const summary = await withStore(o, (store) =>
        importPaths(store, paths, { workers, onProgress: bar ? (p) => bar.update(p) : undefined }),
      );
      bar?.done();
      if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        const out = [
          `${pc.bold(String(summary.imported))} ${summary.imported === 1 ? 'run' : 'runs'} imported, ${summary.duplicates} already stored, ${summary.skipped.length} skipped, ${summary.failed.length} failed (${summary.files} files, ${(summary.elapsedMs / 1000).toFixed(1)} s)`,
        ];
        if (summary.replaced > 0)
          out.push(
            `  replaced ${summary.replaced}: a stored run now holds this import's more detailed file of it (FIT over TCX over GPX)`,
          );
        for (const [reason, n] of Object.entries(summary.skippedByReason))
          out.push(pc.dim(`  skipped ${n}: ${reason}`));
        for (const f of summary.failed) out.push(pc.yellow(`  failed ${f.file}: ${f.reason}`));
        for (const m of summary.remarks) out.push(`  note ${m.file}: ${m.remark}`);
        process.stdout.write(`${out.join('\n')}\n`);
      }
      if (summary.failed.length > 0 && summary.imported + summary.duplicates + summary.replaced === 0) {
        throw badInput(`${summary.failed.length} file(s) could not be imported and nothing else was found`);
      }
    });

  storeOptions(program.command('runs'))
    .description('List stored runs')
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD)')
    .option('--units <units>', 'km or mi (default: $BACKSTRIDE_UNITS or km)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { from?: string; to?: string };
      const u = units(o);
      const range = { from: parseDateFlag(o.from, 'from'), to: parseDateFlag(o.to, 'to', true) };
      const { listRuns } = await lazy.runs();
      const runs = await withStore(o, (store) => listRuns(store.db, range));
      process.stdout.write(
        o.json ? `${JSON.stringify(runs.map(runJson), null, 2)}\n` : await renderRuns(runs, u),
      );
    });

  storeOptions(program.command('load'))
    .description('Training load: weekly distance and change, acute:chronic ratio, monotony, flags')
    .option('--from <date>', 'from this date (YYYY-MM-DD; default 52 weeks before --to)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD; default today)')
    .option('--units <units>', 'km or mi (default: $BACKSTRIDE_UNITS or km)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { from?: string; to?: string };
      const u = units(o);
      const range = { from: parseDateFlag(o.from, 'from'), to: parseDateFlag(o.to, 'to', true) };
      const summary = await withStore(o, (store) => loadFor(store, range));
      process.stdout.write(o.json ? `${JSON.stringify(summary, null, 2)}\n` : await renderLoad(summary, u));
    });
}

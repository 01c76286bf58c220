/**
 * Uploaded imports, run in the background one at a time: the upload is written to a private temporary
 * folder under the data folder (see import/temp.ts), the same `importPaths` as `backstride import` reads
 * it, progress is kept for polling, and the temporary files are deleted when the import ends, however it
 * ends. Nothing is inflated or decoded in the server's process: zips are opened in a child process, whose
 * entry copies go into the upload's own folder, and files are decoded in worker processes.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sep } from 'node:path';
import { isBackstrideError } from '../errors.js';
import type { ImportProgress, ImportSummary } from '../import/index.js';
import type { StoreRef } from './store-ref.js';

/** An import as `GET /api/imports/:id` reports it. */
export type ImportJob = {
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  summary?: ImportSummary;
  /** Why it failed, in one sentence (never an internal message). */
  error?: { code: string; message: string };
};

/** Finished imports kept for polling; older ones are forgotten. */
const KEEP_FINISHED = 50;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The background imports of one server. */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private tail: Promise<void> = Promise.resolve();
  private active = 0;
  /**
   * Upload folders in use: being received (added by the upload route) or queued and importing (until the
   * import ends). Deleting everything leaves these; an upload arriving meanwhile imports afterwards.
   */
  readonly folders = new Set<string>();

  constructor(
    private readonly store: StoreRef,
    private readonly options: { workers?: number } = {},
  ) {}

  /** Whether an import is queued or running. */
  get busy(): boolean {
    return this.active > 0;
  }

  /** An import's state, or undefined for an unknown id. */
  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /**
   * Queue an import of files written under `dir` (each in its own numbered subfolder); `dir` is deleted
   * when it ends. Returns the job's id at once.
   */
  start(dir: string, files: { path: string; size: number }[]): string {
    const id = randomUUID();
    this.folders.add(dir);
    const job: ImportJob = {
      state: 'running',
      progress: {
        filesDone: 0,
        filesTotal: files.length,
        bytesDone: 0,
        bytesTotal: files.reduce((s, f) => s + f.size, 0),
        runsImported: 0,
      },
    };
    this.jobs.set(id, job);
    this.forgetOld();
    this.active++;
    // One import at a time: they share the store and the machine's cores.
    this.tail = this.tail.then(() =>
      this.run(job, dir, files).finally(() => {
        this.active--;
      }),
    );
    return id;
  }

  /** Resolves when every queued import has ended. */
  async settled(): Promise<void> {
    await this.tail;
  }

  private async run(job: ImportJob, dir: string, files: { path: string }[]): Promise<void> {
    // `dir/3/run.fit` becomes `run.fit`: the runner's own file name, in the summary and the runs' source.
    const prefix = new RegExp(`${escapeRegExp(dir + sep)}\\d+${escapeRegExp(sep)}`, 'g');
    const shown = (name: string) => name.replace(prefix, '');
    try {
      const { importPaths } = await import('../import/index.js');
      const store = await this.store.get();
      const summary = await importPaths(
        store,
        files.map((f) => f.path),
        {
          ...(this.options.workers !== undefined ? { workers: this.options.workers } : {}),
          isolate: true,
          tempDir: dir,
          sourceName: shown,
          onProgress: (p) => {
            job.progress = p;
          },
        },
      );
      job.summary = summary;
      job.progress = {
        ...job.progress,
        filesDone: job.progress.filesTotal,
        bytesDone: job.progress.bytesTotal,
        runsImported: summary.imported,
      };
      if (summary.failed.length > 0 && summary.imported + summary.duplicates + summary.replaced === 0) {
        // As `backstride import` exits 2: nothing usable was found, and the runner should hear so.
        job.state = 'failed';
        job.error = {
          code: 'bad-input',
          message: `${summary.failed.length} file(s) could not be imported and nothing else was found`,
        };
      } else job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      job.error = isBackstrideError(error)
        ? { code: 'bad-input', message: shown(error.message) }
        : { code: 'internal', message: 'the import stopped with an internal error' };
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      this.folders.delete(dir);
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs].filter(([, j]) => j.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

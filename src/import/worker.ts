/**
 * Worker process, in one of two roles.
 *
 * Decoding (the default): decodes files and computes their metrics off the main process. It reads files
 * on disk itself, so only paths travel one way and rows the other.
 *
 * Collecting (`worker collect`, see collect-child.ts): opens the zips of one import (inflating entries to
 * private temporary files under the caps of sources.ts), sends back the list of files found, and exits.
 * The server runs this so that a zip bomb costs its own event loop and memory nothing.
 *
 * Processes rather than worker threads: in Node 20 a worker thread's teardown can deadlock in
 * NodePlatform::DrainTasks, or abort the process when terminated mid-compile (seen here in about one
 * import in fifteen); separate processes share no V8 platform.
 */
import { readFileSync } from 'node:fs';
import { isBackstrideError } from '../errors.js';
import type { CollectReply, CollectRequest } from './collect-child.js';
import type { WorkRequest, WorkResult } from './pool.js';

/** Tests only: a worker given a file whose name contains this dies at once, as if killed for memory. */
const crashOn = process.env.BACKSTRIDE_TEST_WORKER_CRASH_ON;

/** The argument that starts a worker as a collector. */
const COLLECT = 'collect';

function decoding(): void {
  // Loaded once, on start: the first message waits for it.
  const decoder = import('./process.js');
  process.on('message', async (job: WorkRequest) => {
    if (crashOn && job.name.includes(crashOn)) process.kill(process.pid, 'SIGKILL');
    const { processFile } = await decoder;
    let result: WorkResult;
    try {
      const bytes = job.path !== undefined ? readFileSync(job.path) : (job.bytes ?? new Uint8Array());
      result = { id: job.id, outcome: processFile(job.name, bytes, job.strava) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      result = { id: job.id, outcome: { kind: 'failed', reason: `cannot read the file (${code})` } };
    }
    process.send?.(result);
  });
}

function collecting(): void {
  process.once('message', async (request: CollectRequest) => {
    const { collect } = await import('./sources.js');
    let reply: CollectReply;
    try {
      const c = collect(request.paths, { tempRoot: request.tempRoot, limits: request.limits });
      // Tests: dies with the entries' copies on disk, as if killed for memory mid-archive.
      if (crashOn && request.paths.some((p) => p.includes(crashOn))) process.kill(process.pid, 'SIGKILL');
      reply = {
        // Every item collected is a file on disk: an input, or an entry's copy.
        items: c.items.map(({ name, size, path, strava }) => ({ name, size, path: path as string, strava })),
        manual: c.manual,
        rejected: c.rejected,
        exports: c.exports,
        tempDir: c.tempDir,
      };
    } catch (error) {
      // A path that does not exist is the runner's to hear of; anything else is a bug, named only.
      reply = {
        error: isBackstrideError(error)
          ? { message: error.message, field: error.field }
          : { message: (error as Error)?.message ?? String(error), internal: true },
      };
    }
    process.send?.(reply, () => process.disconnect());
  });
}

if (process.argv[2] === COLLECT) collecting();
else decoding();
// The parent closing the channel is the signal to leave.
process.on('disconnect', () => process.exit(0));

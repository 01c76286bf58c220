/**
 * Worker process: decodes files and computes their metrics off the main process. It reads files on disk
 * itself, so only paths travel one way and rows the other.
 *
 * Processes rather than worker threads: in Node 20 a worker thread's teardown can deadlock in
 * NodePlatform::DrainTasks, or abort the process when terminated mid-compile (seen here in about one
 * import in fifteen); separate processes share no V8 platform.
 */
import { readFileSync } from 'node:fs';
import type { WorkRequest, WorkResult } from './pool.js';
import { processFile } from './process.js';

/** Tests only: a worker given a file whose name contains this dies at once, as if killed for memory. */
const crashOn = process.env.BACKSTRIDE_TEST_WORKER_CRASH_ON;

process.on('message', (job: WorkRequest) => {
  if (crashOn && job.name.includes(crashOn)) process.kill(process.pid, 'SIGKILL');
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
// The parent closing the channel is the signal to leave.
process.on('disconnect', () => process.exit(0));

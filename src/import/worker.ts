/**
 * Worker thread: decodes files and computes their metrics off the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkRequest, WorkResult } from './pool.js';
import { processFile } from './process.js';

parentPort?.on('message', (job: WorkRequest) => {
  const outcome = processFile(job.name, new Uint8Array(job.bytes), job.strava);
  const transfer: ArrayBuffer[] = [];
  if (outcome.kind === 'runs') {
    for (const r of outcome.runs) if (r.samples) transfer.push(r.samples.buffer as ArrayBuffer);
  }
  const result: WorkResult = { id: job.id, outcome };
  parentPort?.postMessage(result, transfer);
});

/**
 * A small worker pool for decoding: one worker per core, jobs handed out as workers free up, results
 * returned in completion order. Falls back to the calling thread when workers are not available
 * (running from TypeScript sources in tests).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, processFile } from './process.js';
import type { StravaEntry } from './strava.js';

export type WorkRequest = { id: number; name: string; bytes: ArrayBuffer; strava?: StravaEntry };
export type WorkResult = { id: number; outcome: FileOutcome };

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export interface Decoder {
  run(name: string, bytes: Uint8Array, strava?: StravaEntry): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Decoding in the calling thread. */
export function inlineDecoder(): Decoder {
  return {
    run: async (name, bytes, strava) => processFile(name, bytes, strava),
    close: async () => {},
  };
}

/** Decoding in `size` worker threads. */
export function workerDecoder(size = defaultWorkerCount()): Decoder {
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<
    number,
    { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: Worker }
  >();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(workerFile);
    w.on('message', (msg: WorkResult) => {
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      job.resolve(msg.outcome);
      release(w);
    });
    w.on('error', (error) => {
      for (const [id, job] of pending) {
        if (job.worker === w) {
          pending.delete(id);
          job.reject(error);
        }
      }
    });
    return w;
  });
  idle.push(...workers);
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const acquire = () =>
    new Promise<Worker>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  return {
    async run(name, bytes, strava) {
      const worker = await acquire();
      const id = nextId++;
      // Copy into a buffer of exactly this file before transferring it: a Node Buffer is often a view on a
      // shared pool slab (and Buffer#slice does not copy), so its .buffer may hold other files too.
      const copy = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(copy).set(bytes);
      return new Promise<FileOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        const request: WorkRequest = { id, name, bytes: copy };
        if (strava) request.strava = strava;
        worker.postMessage(request, [copy]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

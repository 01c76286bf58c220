/**
 * A small pool of decoding processes: one per core, jobs handed out as workers free up, results returned
 * in completion order. Falls back to the calling thread when the worker script is not built (running from
 * TypeScript sources in tests). See worker.ts for why these are processes and not threads.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type FileOutcome, processFile } from './process.js';
import type { ImportItem } from './sources.js';
import type { StravaEntry } from './strava.js';

export type WorkRequest = {
  id: number;
  name: string;
  path?: string;
  bytes?: Uint8Array;
  strava?: StravaEntry;
};
export type WorkResult = { id: number; outcome: FileOutcome };

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export interface Decoder {
  run(item: ImportItem): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Decoding in the calling thread. */
export function inlineDecoder(): Decoder {
  return {
    run: async (item) => processFile(item.name, item.read(), item.strava),
    close: async () => {},
  };
}

/** Decoding in `size` worker processes. */
export function workerDecoder(size = defaultWorkerCount()): Decoder {
  const idle: ChildProcess[] = [];
  const waiting: ((w: ChildProcess) => void)[] = [];
  const pending = new Map<
    number,
    { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: ChildProcess }
  >();
  let nextId = 0;
  let closing = false;
  const release = (w: ChildProcess) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const workers = Array.from({ length: size }, () => {
    // Advanced serialisation carries typed arrays (the encoded samples) without JSON.
    const w = fork(workerFile, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    w.on('message', (msg: WorkResult) => {
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      job.resolve(msg.outcome);
      release(w);
    });
    w.on('exit', (code, signal) => {
      if (closing) return;
      for (const [id, job] of pending) {
        if (job.worker !== w) continue;
        pending.delete(id);
        job.reject(new Error(`decoding process stopped (${signal ?? code})`));
      }
    });
    return w;
  });
  idle.push(...workers);
  const acquire = () =>
    new Promise<ChildProcess>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  return {
    async run(item) {
      const worker = await acquire();
      const id = nextId++;
      const request: WorkRequest = { id, name: item.name };
      if (item.path !== undefined) request.path = item.path;
      else request.bytes = item.read();
      if (item.strava) request.strava = item.strava;
      return new Promise<FileOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.send(request);
      });
    },
    async close() {
      closing = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.exitCode !== null || w.signalCode !== null) return resolve();
              w.once('exit', () => resolve());
              w.disconnect();
            }),
        ),
      );
    },
  };
}

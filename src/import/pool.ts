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
/** From sources (tests): the TypeScript worker, run through esbuild by ts-hooks.mjs. */
const workerSource = fileURLToPath(new URL('./worker.ts', import.meta.url));
const sourceHooks = new URL('./ts-hooks.mjs', import.meta.url).href;

export function workersAvailable(): boolean {
  return existsSync(workerFile);
}

/** How to start the worker script: its file and the node options it needs. */
export type WorkerScript = { file: string; execArgv: string[] };

/**
 * The worker script as built (dist/bundle/worker.js beside the CLI's bundle, dist/import/worker.js beside
 * tsc's output); with `fromSources`, when nothing is built (tests), worker.ts through a TypeScript
 * loader. Undefined when neither is there. The decoding pool uses the built script only (from sources it
 * decodes in the calling thread); opening zips for the server always needs a process of its own.
 */
export function workerScript(options: { fromSources?: boolean } = {}): WorkerScript | undefined {
  if (existsSync(workerFile)) return { file: workerFile, execArgv: [] };
  if (options.fromSources && existsSync(workerSource)) {
    const register = `import { register } from 'node:module'; register(${JSON.stringify(sourceHooks)});`;
    return {
      file: workerSource,
      execArgv: ['--import', `data:text/javascript,${encodeURIComponent(register)}`],
    };
  }
  return undefined;
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

/** Why a file failed when the process decoding it died (killed for memory, or by a signal). */
export const DECODER_STOPPED = 'the decoder stopped unexpectedly';

/** A decoding process that died is replaced, at most this many times per import (then files fail). */
const MAX_REPLACEMENTS = 16;

/**
 * Decoding in `size` worker processes. A worker that dies fails only the file it was decoding (with
 * `DECODER_STOPPED`) and is replaced, so the rest of the import goes on.
 */
export function workerDecoder(size = defaultWorkerCount()): Decoder {
  const idle: ChildProcess[] = [];
  const waiting: { resolve: (w: ChildProcess) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<
    number,
    { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: ChildProcess }
  >();
  const live = new Set<ChildProcess>();
  let replacements = 0;
  let nextId = 0;
  let closing = false;
  const release = (w: ChildProcess) => {
    if (!live.has(w)) return;
    const next = waiting.shift();
    if (next) next.resolve(w);
    else idle.push(w);
  };
  const lost = (w: ChildProcess, why: string) => {
    if (!live.delete(w)) return;
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
    if (closing) return;
    for (const [id, job] of pending) {
      if (job.worker !== w) continue;
      pending.delete(id);
      job.reject(Object.assign(new Error(`${DECODER_STOPPED} (${why})`), { decoderStopped: true }));
    }
    if (replacements < MAX_REPLACEMENTS) {
      replacements++;
      release(spawn());
    } else if (live.size === 0) {
      // Nothing left to decode with: everything still waiting fails with the same reason.
      for (const next of waiting.splice(0))
        next.reject(Object.assign(new Error(`${DECODER_STOPPED} (${why})`), { decoderStopped: true }));
    }
  };
  const spawn = () => {
    // Advanced serialisation carries typed arrays (the encoded samples) without JSON.
    const w = fork(workerFile, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    live.add(w);
    w.on('message', (msg: WorkResult) => {
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      job.resolve(msg.outcome);
      release(w);
    });
    // A failed send or spawn is reported here; the exit that follows (if any) is handled once.
    w.on('error', (error) => lost(w, error.message));
    w.on('exit', (code, signal) => lost(w, signal ?? `exit code ${code}`));
    return w;
  };
  for (let i = 0; i < size; i++) idle.push(spawn());
  const acquire = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const w = idle.pop();
      if (w) resolve(w);
      else if (live.size === 0) reject(Object.assign(new Error(DECODER_STOPPED), { decoderStopped: true }));
      else waiting.push({ resolve, reject });
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
        worker.send(request, (error) => {
          if (error) lost(worker, error.message);
        });
      });
    },
    async close() {
      closing = true;
      await Promise.all(
        [...live].map(
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

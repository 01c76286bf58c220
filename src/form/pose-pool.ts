/**
 * MoveNet on several threads: frames go to the pose-model threads in turn and their keypoints come back
 * in order. tfjs's multi-threaded WebAssembly does not start in Node (its threads need a browser's
 * workers), so the cores are used this way instead: two threads analysed the treadmill clip's frames at
 * about twice the rate of one on this 2-core machine (scripts/bench-form.mjs). Each thread follows the
 * runner from the last frame it saw itself, a fraction of a second earlier.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  checkPoseModel,
  loadPoseEstimator,
  type PoseFrame,
  type PoseModel,
  type RgbFrame,
} from './pose-node.js';

const built = fileURLToPath(new URL('./pose-worker.js', import.meta.url));
/** From sources (tests): the TypeScript worker, compiled as it loads by the import's module hooks. */
const source = fileURLToPath(new URL('./pose-worker.ts', import.meta.url));
const hooks = new URL('../import/ts-hooks.mjs', import.meta.url).href;
/** Frames waiting per thread: enough to keep it busy, few enough to bound memory (a frame is 0.7 MB). */
const QUEUE_PER_THREAD = 2;

/** Estimates poses for frames sent in order; `finish` gives them back in the same order. */
export interface PosePool {
  /** Queue one frame; resolves when there is room for the next. */
  push(frame: RgbFrame, tS: number): Promise<void>;
  /** All frames' keypoints, in the order pushed. */
  finish(): Promise<PoseFrame[]>;
  close(): Promise<void>;
}

function workerScript(): { file: string; execArgv: string[] } | undefined {
  if (existsSync(built)) return { file: built, execArgv: [] };
  if (!existsSync(source)) return undefined;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(hooks)});`;
  return { file: source, execArgv: ['--import', `data:text/javascript,${encodeURIComponent(register)}`] };
}

/** The number of pose threads: one per core, at most 2 (more only adds memory: each holds its own model). */
export function defaultPoseThreads(): number {
  // For measuring (scripts/bench-form.mjs): BACKSTRIDE_POSE_THREADS=1 runs the model in the calling thread.
  const asked = Number(process.env.BACKSTRIDE_POSE_THREADS);
  if (Number.isInteger(asked) && asked >= 1 && asked <= 8) return asked;
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * Start `threads` pose-model threads (in this thread when 1, or when no worker script is found).
 * @example const pool = await startPosePool('lightning'); await pool.push(frame, 0); const poses = await pool.finish();
 */
export async function startPosePool(model: PoseModel, threads = defaultPoseThreads()): Promise<PosePool> {
  checkPoseModel(model);
  const script = threads > 1 ? workerScript() : undefined;
  if (!script) return inlinePool(model);
  const workers = await Promise.all(Array.from({ length: threads }, () => startWorker(script, model)));
  const results = new Map<number, PoseFrame>();
  const inFlight = workers.map(() => 0);
  let failure: unknown;
  let wake: (() => void) | undefined;
  const settle = () => {
    wake?.();
    wake = undefined;
  };
  workers.forEach((w, i) => {
    w.on('message', (m: { seq: number; pose: PoseFrame }) => {
      results.set(m.seq, m.pose);
      inFlight[i] = (inFlight[i] ?? 1) - 1;
      settle();
    });
    w.on('error', (error) => {
      failure = error;
      settle();
    });
  });
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
    if (failure) throw failure;
  };
  let seq = 0;
  return {
    async push(frame, tS) {
      const i = seq % workers.length;
      await waitFor(() => (inFlight[i] ?? 0) < QUEUE_PER_THREAD);
      inFlight[i] = (inFlight[i] ?? 0) + 1;
      workers[i]?.postMessage({ seq, tS, frame }, [frame.rgb.buffer as ArrayBuffer]);
      seq++;
    },
    async finish() {
      await waitFor(() => results.size === seq);
      return Array.from({ length: seq }, (_, k) => results.get(k) as PoseFrame);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function startWorker(script: { file: string; execArgv: string[] }, model: PoseModel): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.file, { workerData: { model }, execArgv: script.execArgv });
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

async function inlinePool(model: PoseModel): Promise<PosePool> {
  const estimator = await loadPoseEstimator(model);
  const poses: PoseFrame[] = [];
  return {
    async push(frame, tS) {
      poses.push(estimator.estimate(frame, tS));
    },
    finish: async () => poses,
    close: async () => {},
  };
}

/**
 * A clip to a form report, all on this device: the video plays (muted, off screen) and each new frame
 * (requestVideoFrameCallback) is drawn small and handed to the pose worker; the points come back in the
 * video's pixels and go through the shared analysis core (`fromHumanMoveNet`, `analyseForm`). Seeking
 * frame by frame costs about 300 ms a frame in Chromium, playing costs nothing extra, so the clip plays at
 * its own speed and pauses whenever the worker falls behind. Frames the browser skipped are kept as empty
 * frames at their times, so the clip's timing (and the cadence) stays true.
 */
import { POSE_ASSETS } from 'virtual:pose-assets';
import {
  analyseForm,
  type FormReport,
  fromHumanMoveNet,
  type KeypointTrack,
  type ViewChoice,
} from '../../../src/form/index.js';
import type { PoseWorkerReply, WorkerKeypoint } from './pose-protocol.js';

/** Frames are drawn with this long side for the worker: the runner stays well over 192 px tall. */
const FRAME_LONG_SIDE = 480;
/** Only this much of a longer clip is analysed (the guidance asks for 10–20 s). */
export const MAX_CLIP_S = 30;
/** The worker's queue: pause playback above this many frames waiting, play again below the lower mark. */
const QUEUE_HIGH = 45;
const QUEUE_LOW = 10;

export type Progress = { phase: 'model' | 'frames'; done: number; total: number };

export type Timings = {
  frames: number;
  /** Frames the browser skipped while playing, kept as empty frames. */
  skipped: number;
  modelLoadMs: number;
  /** Drawing a frame and making its bitmap, on the page's thread. */
  decodeMsPerFrame: number;
  /** The model on one frame, in the worker (crop, input, inference, output). */
  inferMsPerFrame: number;
  /** From pressing start to the report. */
  totalS: number;
  backend: string;
};

export type ClipAnalysis = {
  report: FormReport;
  track: KeypointTrack;
  timings: Timings;
  /** The clip's frame at a time, for key frames; call `close` when done with the clip. */
  frameAt: (tS: number) => Promise<ImageBitmap>;
  close: () => void;
};

export class ClipError extends Error {}

let worker: Worker | undefined;
let loaded: Promise<{ ms: number; backend: string }> | undefined;

function poseWorker(): Worker {
  worker ??= new Worker(new URL('./pose-worker.ts', import.meta.url), {
    type: 'module',
    name: 'pose-worker',
  });
  return worker;
}

function dropWorker() {
  worker?.terminate();
  worker = undefined;
  loaded = undefined;
}

/** Load the model once (it stays loaded for the next clip). */
function loadModel(): Promise<{ ms: number; backend: string }> {
  loaded ??= new Promise((resolve, reject) => {
    const w = poseWorker();
    const onMessage = (e: MessageEvent<PoseWorkerReply>) => {
      if (e.data.type === 'loaded') resolve({ ms: e.data.ms, backend: e.data.backend });
      else if (e.data.type === 'error')
        reject(new ClipError(`The pose model could not start: ${e.data.message}`));
      else return;
      w.removeEventListener('message', onMessage);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener(
      'error',
      () => reject(new ClipError('The pose model could not start in this browser.')),
      {
        once: true,
      },
    );
    w.postMessage({ type: 'load', base: new URL(POSE_ASSETS, location.href).href });
  });
  loaded.catch(dropWorker);
  return loaded;
}

async function openVideo(file: Blob): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.src = URL.createObjectURL(file);
  await new Promise<void>((resolve, reject) => {
    video.addEventListener('loadeddata', () => resolve(), { once: true });
    video.addEventListener(
      'error',
      () => reject(new ClipError('This file could not be played as a video here.')),
      {
        once: true,
      },
    );
  });
  if (!video.videoWidth || !video.videoHeight) throw new ClipError('This file has no picture to look at.');
  return video;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The frames as `fromHumanMoveNet` reads them, with an empty frame for each one the browser skipped.
 * `fps` comes from the frames' own times.
 */
export function framesWithGaps(poses: { tS: number; keypoints: WorkerKeypoint[] }[]): {
  frames: { tS: number; body: { keypoints: WorkerKeypoint[] }[] }[];
  fps: number;
  skipped: number;
} {
  const sorted = [...poses].sort((a, b) => a.tS - b.tS);
  const gaps = sorted
    .slice(1)
    .map((p, i) => p.tS - (sorted[i]?.tS ?? 0))
    .filter((g) => g > 0);
  const step = median(gaps) ?? 1 / 30;
  const frames: { tS: number; body: { keypoints: WorkerKeypoint[] }[] }[] = [];
  let skipped = 0;
  for (const p of sorted) {
    const last = frames.at(-1);
    if (last) {
      const missing = Math.round((p.tS - last.tS) / step) - 1;
      for (let k = 1; k <= missing; k++) frames.push({ tS: last.tS + k * step, body: [] });
      skipped += Math.max(0, missing);
      if (p.tS - last.tS < step / 2) continue; // the same frame twice
    }
    frames.push({ tS: p.tS, body: [{ keypoints: p.keypoints }] });
  }
  return { frames, fps: 1 / step, skipped };
}

/**
 * Analyse a clip on this device. Rejects with a ClipError (a sentence for the runner) when the file
 * cannot be played, and with an AbortError when `signal` aborts.
 *
 * @example
 * const { report, timings } = await analyseClip(file, { view: 'auto', onProgress: console.log });
 */
export async function analyseClip(
  file: Blob,
  options: { view: ViewChoice; signal?: AbortSignal; onProgress?: (p: Progress) => void },
): Promise<ClipAnalysis> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const abort = () => new DOMException('The analysis was cancelled.', 'AbortError');
  onProgress?.({ phase: 'model', done: 0, total: 1 });
  const video = await openVideo(file);
  const close = () => {
    video.pause();
    URL.revokeObjectURL(video.src);
    video.removeAttribute('src');
    video.load();
  };
  try {
    const model = await loadModel();
    if (signal?.aborted) throw abort();
    const w = poseWorker();
    w.postMessage({ type: 'reset' });
    const width = video.videoWidth;
    const height = video.videoHeight;
    const scale = Math.min(1, FRAME_LONG_SIDE / Math.max(width, height));
    const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const endS = Math.min(video.duration || MAX_CLIP_S, MAX_CLIP_S);
    const expected = Math.max(1, Math.round(endS * 30));
    const times: number[] = [];
    const poses: { tS: number; keypoints: WorkerKeypoint[] }[] = [];
    let decodeMs = 0;
    let inferMs = 0;

    await new Promise<void>((resolve, reject) => {
      let playingDone = false;
      let failed = false;
      const finish = () => {
        if (playingDone && poses.length === times.length) resolve();
      };
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        video.pause();
        w.removeEventListener('message', onMessage);
        dropWorker();
        reject(error);
      };
      const onMessage = (e: MessageEvent<PoseWorkerReply>) => {
        const msg = e.data;
        if (msg.type === 'error') return fail(new ClipError(`The pose model stopped: ${msg.message}`));
        if (msg.type !== 'pose') return;
        inferMs += msg.ms;
        poses.push({ tS: times[msg.index] as number, keypoints: msg.keypoints });
        onProgress?.({ phase: 'frames', done: poses.length, total: Math.max(expected, times.length) });
        if (!playingDone && video.paused && times.length - poses.length < QUEUE_LOW) void video.play();
        finish();
      };
      w.addEventListener('message', onMessage);
      signal?.addEventListener('abort', () => fail(abort()), { once: true });
      const endPlaying = () => {
        if (playingDone) return;
        playingDone = true;
        video.pause();
        finish();
      };
      const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
        if (failed || playingDone) return;
        if (meta.mediaTime > endS) return endPlaying();
        const t0 = performance.now();
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const bitmap = canvas.transferToImageBitmap();
        decodeMs += performance.now() - t0;
        times.push(meta.mediaTime);
        w.postMessage({ type: 'frame', index: times.length - 1, bitmap, scale }, [bitmap]);
        if (times.length - poses.length > QUEUE_HIGH) video.pause();
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      video.addEventListener('ended', endPlaying, { once: true });
      video.play().catch(() => fail(new ClipError('This browser would not play the clip.')));
    });
    w.postMessage({ type: 'reset' });

    const { frames, fps, skipped } = framesWithGaps(poses);
    const track = fromHumanMoveNet(frames, { widthPx: width, heightPx: height, fps });
    const report = analyseForm(track, { view: options.view });
    return {
      report,
      track,
      timings: {
        frames: poses.length,
        skipped,
        modelLoadMs: model.ms,
        decodeMsPerFrame: decodeMs / Math.max(1, times.length),
        inferMsPerFrame: inferMs / Math.max(1, poses.length),
        totalS: (performance.now() - started) / 1000,
        backend: model.backend,
      },
      frameAt: async (tS) => {
        video.currentTime = tS;
        await new Promise<void>((resolve) =>
          video.addEventListener('seeked', () => resolve(), { once: true }),
        );
        return createImageBitmap(video);
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

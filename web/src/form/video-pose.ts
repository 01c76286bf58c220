/**
 * A clip to a form report, all on this device: the video plays (muted, off screen) and the frames it shows
 * (requestVideoFrameCallback) are drawn small; about 15 a second (FramePicker, as on the command line)
 * go to the pose workers, one per core up to two, in turn. Their points come back in the video's pixels
 * and go through the shared analysis core (`fromHumanMoveNet`, `analyseForm`). Seeking frame by frame
 * costs 170–300 ms a frame in Chromium, playing costs almost nothing, so the clip plays, at twice its
 * speed when two workers share the frames, and pauses whenever the workers fall behind.
 */
import { POSE_ASSETS } from 'virtual:pose-assets';
import {
  analyseForm,
  type FormReport,
  fromHumanMoveNet,
  type KeypointTrack,
  type ViewChoice,
} from '../../../src/form/index.js';
import { FramePicker, gridFrames } from './frame-grid.js';
import type { PoseWorkerReply, WorkerKeypoint } from './pose-protocol.js';

/** Frames are drawn with this long side for the worker: the runner stays well over 192 px tall. */
const FRAME_LONG_SIDE = 480;
/** Only this much of a longer clip is analysed (the guidance asks for 10–20 s). */
export const MAX_CLIP_S = 30;
/** Frames waiting per worker: pause playback above the high mark, play again below the low one. */
const QUEUE_HIGH = 12;
const QUEUE_LOW = 4;
/** Pose workers: one per core, at most two (each holds its own model, about 100 MB). */
const WORKERS = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));

export type Progress = { phase: 'model' | 'frames'; done: number; total: number };

export type Timings = {
  frames: number;
  /** Frames that should have been analysed but were not shown while playing, kept as empty frames. */
  skipped: number;
  /** Pose workers that shared the frames. */
  workers: number;
  /** Frames found by seeking, after playing (the ones not shown while playing). */
  sought: number;
  /** The playback speed at the end (it slows down when frames are not shown). */
  playbackRate: number;
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

let workers: Worker[] = [];
let loaded: Promise<{ ms: number; backend: string }> | undefined;

function poseWorkers(): Worker[] {
  if (workers.length === 0)
    workers = Array.from(
      { length: WORKERS },
      (_, i) =>
        new Worker(new URL('./pose-worker.ts', import.meta.url), {
          type: 'module',
          name: `pose-worker-${i + 1}`,
        }),
    );
  return workers;
}

function dropWorkers() {
  for (const w of workers) w.terminate();
  workers = [];
  loaded = undefined;
}

function loadOne(w: Worker): Promise<{ ms: number; backend: string }> {
  return new Promise((resolve, reject) => {
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
}

/** Load the model in every worker once (it stays loaded for the next clip). */
function loadModel(): Promise<{ ms: number; backend: string }> {
  loaded ??= Promise.all(poseWorkers().map(loadOne)).then((all) => ({
    ms: Math.max(...all.map((a) => a.ms)),
    backend: all[0]?.backend ?? '',
  }));
  loaded.catch(dropWorkers);
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
    const pool = poseWorkers();
    for (const w of pool) w.postMessage({ type: 'reset' });
    const width = video.videoWidth;
    const height = video.videoHeight;
    const scale = Math.min(1, FRAME_LONG_SIDE / Math.max(width, height));
    const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const endS = Math.min(video.duration || MAX_CLIP_S, MAX_CLIP_S);
    const picker = new FramePicker();
    const answers: { slot: number; keypoints: WorkerKeypoint[] }[] = [];
    const inFlight = pool.map(() => 0);
    const sentSlots = new Set<number>();
    let decodeMs = 0;
    let inferMs = 0;
    let failure: Error | undefined;
    let sought = 0;
    let finalRate = pool.length;
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const waiting = () => sentSlots.size - answers.length;
    const progress = () =>
      onProgress?.({
        phase: 'frames',
        done: answers.length,
        total: Math.max(Math.ceil(endS / picker.slotS), sentSlots.size),
      });
    const listeners = pool.map((w, i) => {
      const onMessage = (e: MessageEvent<PoseWorkerReply>) => {
        const msg = e.data;
        if (msg.type === 'error') {
          failure ??= new ClipError(`The pose model stopped: ${msg.message}`);
        } else if (msg.type === 'pose') {
          inferMs += msg.ms;
          inFlight[i] = (inFlight[i] ?? 1) - 1;
          answers.push({ slot: msg.index, keypoints: msg.keypoints });
          progress();
        }
        notify();
      };
      w.addEventListener('message', onMessage);
      return onMessage;
    });
    const onWorkerError = () => {
      failure ??= new ClipError('The pose model stopped in this browser.');
      notify();
    };
    for (const w of pool) w.addEventListener('error', onWorkerError);
    const onAbort = () => {
      failure ??= abort();
      notify();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    /** Wait until `ready`, or throw what went wrong meanwhile. */
    const until = async (ready: () => boolean) => {
      while (!ready()) {
        if (failure) throw failure;
        await new Promise<void>((r) => {
          wake = r;
        });
      }
      if (failure) throw failure;
    };
    /** The frame on show goes to the least busy worker (in turn when they are equally busy). */
    const send = (slot: number, fresh = false) => {
      const t0 = performance.now();
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const bitmap = canvas.transferToImageBitmap();
      decodeMs += performance.now() - t0;
      let to = sentSlots.size % pool.length;
      for (let i = 0; i < pool.length; i++) if ((inFlight[i] ?? 0) < (inFlight[to] ?? 0)) to = i;
      inFlight[to] = (inFlight[to] ?? 0) + 1;
      // A frame out of order is looked at whole: the runner may have moved since the worker's last one.
      if (fresh) pool[to]?.postMessage({ type: 'reset' });
      pool[to]?.postMessage({ type: 'frame', index: slot, bitmap, scale }, [bitmap]);
      sentSlots.add(slot);
    };

    try {
      // 1. Play the clip (twice as fast with two workers), pausing while the workers catch up. A busy
      // device shows fewer frames: when too many meant for the model are not shown, playback slows down.
      let lastSlot = -1;
      let missed = 0;
      let counted = 0;
      let playingDone = false;
      const endPlaying = () => {
        playingDone = true;
        video.pause();
        notify();
      };
      const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
        if (failure || playingDone) return;
        if (meta.mediaTime > endS) return endPlaying();
        const slot = picker.pick(meta.mediaTime);
        if (slot !== undefined) {
          // More than about one in seven of the frames meant for the model not shown: slow down (2×, 1×,
          // ½×). Each one missed costs a seek later (about 0.2 s), so past that share, playing at half the
          // speed is quicker than seeking the gaps.
          missed += slot - lastSlot - 1;
          counted += slot - lastSlot;
          if (counted >= 15 && missed / counted > 0.15 && video.playbackRate > 0.5) {
            video.playbackRate = video.playbackRate > 1 ? 1 : 0.5;
            missed = 0;
            counted = 0;
          }
          lastSlot = slot;
          send(slot);
          if (waiting() > QUEUE_HIGH * pool.length) {
            video.pause();
            notify();
          }
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      video.addEventListener('ended', endPlaying, { once: true });
      video.playbackRate = pool.length;
      video.play().catch(() => {
        failure ??= new ClipError('This browser would not play the clip.');
        notify();
      });
      while (!playingDone) {
        await until(() => playingDone || (video.paused && waiting() < QUEUE_LOW * pool.length));
        if (!playingDone) await video.play().catch(() => undefined);
      }

      // 2. The frames still missing, found by seeking (slow, but only for the gaps).
      finalRate = video.playbackRate;
      for (let slot = 0; slot <= lastSlot; slot++) {
        if (sentSlots.has(slot)) continue;
        sought++;
        await until(() => waiting() < QUEUE_LOW * pool.length);
        await new Promise<void>((resolve) => {
          video.addEventListener('seeked', () => resolve(), { once: true });
          video.currentTime = picker.timeOf(slot);
        });
        send(slot, true);
      }
      await until(() => waiting() === 0);
    } catch (error) {
      video.pause();
      dropWorkers();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      pool.forEach((w, i) => {
        const listener = listeners[i];
        if (listener) w.removeEventListener('message', listener);
        w.removeEventListener('error', onWorkerError);
      });
    }
    for (const w of pool) w.postMessage({ type: 'reset' });

    const { frames, fps, empty } = gridFrames(answers, picker.slotS);
    const track = fromHumanMoveNet(frames, { widthPx: width, heightPx: height, fps });
    const report = analyseForm(track, { view: options.view });
    return {
      report,
      track,
      timings: {
        frames: answers.length,
        skipped: empty,
        workers: pool.length,
        sought,
        playbackRate: finalRate,
        modelLoadMs: model.ms,
        decodeMsPerFrame: decodeMs / Math.max(1, sentSlots.size),
        inferMsPerFrame: inferMs / Math.max(1, answers.length),
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

/** The messages between the form page and its pose worker (pose-worker.ts). */

import type { MoveNetKeypoint } from '../../../src/form/movenet.js';

/** One MoveNet point in the video's pixels, as @vladmandic/human lays it out. */
export type WorkerKeypoint = MoveNetKeypoint;

export type PoseWorkerRequest =
  /** Load the backend and model from our own server's folder (ends with `/`). */
  | { type: 'load'; base: string }
  /** Forget the last crop (a new clip). */
  | { type: 'reset' }
  /** A frame scaled by `scale` from the video's pixels; the worker closes the bitmap. */
  | { type: 'frame'; index: number; bitmap: ImageBitmap; scale: number };

export type PoseWorkerReply =
  | { type: 'loaded'; ms: number; backend: string }
  | { type: 'pose'; index: number; keypoints: WorkerKeypoint[]; ms: number }
  | { type: 'error'; message: string };

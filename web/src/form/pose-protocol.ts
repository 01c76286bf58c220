/** The messages between the form page and its pose worker (pose-worker.ts). */

/** One MoveNet point in the video's pixels, as @vladmandic/human lays it out. */
export type WorkerKeypoint = { part: string; position: [number, number]; score: number };

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

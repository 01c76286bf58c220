/**
 * The pose model in a Web Worker, so the page stays responsive: MoveNet Lightning (a tfjs graph model) on
 * the WebAssembly backend, both loaded from our own server. Each frame arrives as a small ImageBitmap; the
 * worker crops a square around where the runner was in the previous frame (MoveNet's own cropping
 * advice: a 192×192 input around the person is far more precise than the whole frame), runs the model and
 * answers with the 17 points in the frame's pixels, in the layout `fromHumanMoveNet` reads.
 */
/// <reference lib="webworker" />
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import type { PoseWorkerReply, PoseWorkerRequest, WorkerKeypoint } from './pose-protocol.js';

const SIZE = 192;
const PARTS = [
  'nose',
  'leftEye',
  'rightEye',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
] as const;
/** A point counts for the next crop at this score (MoveNet's tracking example uses 0.2–0.3). */
const TRACK_SCORE = 0.3;

type Crop = { x: number; y: number; side: number };

let model: GraphModel | undefined;
let previous: WorkerKeypoint[] | undefined;
const canvas = new OffscreenCanvas(SIZE, SIZE);
const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
const input = new Int32Array(SIZE * SIZE * 3);

const post = (reply: PoseWorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

async function load(base: string): Promise<void> {
  setWasmPaths(base);
  await tf.setBackend('wasm');
  await tf.ready();
  model = await loadGraphModel(`${base}movenet-lightning.json`);
  // The first run compiles the graph: do it now, not on the clip's first frame.
  tf.tidy(() => model?.execute(tf.zeros([1, SIZE, SIZE, 3], 'int32')));
}

/** A square around the last confident points (the whole frame, padded, when there are too few). */
function cropFor(width: number, height: number): Crop {
  const seen = previous?.filter((k) => k.score >= TRACK_SCORE) ?? [];
  const torso = seen.filter((k) => /Shoulder|Hip/.test(k.part)).length;
  if (seen.length >= 6 && torso >= 2) {
    const xs = seen.map((k) => k.position[0]);
    const ys = seen.map((k) => k.position[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Room for the limbs and a stride's travel: 1.5× the body's extent.
    const side = Math.max(x1 - x0, y1 - y0, height * 0.2) * 1.5;
    return { x: (x0 + x1) / 2 - side / 2, y: (y0 + y1) / 2 - side / 2, side };
  }
  const side = Math.max(width, height);
  return { x: (width - side) / 2, y: (height - side) / 2, side };
}

function infer(frame: ImageBitmap, scale: number): { keypoints: WorkerKeypoint[]; ms: number } {
  const started = performance.now();
  const crop = cropFor(frame.width / scale, frame.height / scale);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.drawImage(
    frame,
    crop.x * scale,
    crop.y * scale,
    crop.side * scale,
    crop.side * scale,
    0,
    0,
    SIZE,
    SIZE,
  );
  const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    input[j] = rgba[i] as number;
    input[j + 1] = rgba[i + 1] as number;
    input[j + 2] = rgba[i + 2] as number;
  }
  const out = tf.tidy(() => model?.execute(tf.tensor4d(input, [1, SIZE, SIZE, 3], 'int32')) as tf.Tensor);
  const values = out.dataSync();
  out.dispose();
  // Output [1, 1, 17, 3]: y, x, score, each 0–1 of the crop.
  const keypoints = PARTS.map((part, i) => ({
    part,
    position: [
      crop.x + (values[i * 3 + 1] as number) * crop.side,
      crop.y + (values[i * 3] as number) * crop.side,
    ] as [number, number],
    score: values[i * 3 + 2] as number,
  }));
  previous = keypoints;
  return { keypoints, ms: performance.now() - started };
}

self.onmessage = async (event: MessageEvent<PoseWorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'load') {
      const started = performance.now();
      await load(msg.base);
      post({ type: 'loaded', ms: performance.now() - started, backend: tf.getBackend() });
    } else if (msg.type === 'reset') {
      previous = undefined;
    } else if (msg.type === 'frame') {
      const { keypoints, ms } = infer(msg.bitmap, msg.scale);
      msg.bitmap.close();
      post({ type: 'pose', index: msg.index, keypoints, ms });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

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
import { cropAround, keypointsFromOutput, MOVENET_INPUT_SIDE } from '../../../src/form/movenet.js';
import type { PoseWorkerReply, PoseWorkerRequest, WorkerKeypoint } from './pose-protocol.js';

const SIZE = MOVENET_INPUT_SIDE.lightning;

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

function infer(frame: ImageBitmap, scale: number): { keypoints: WorkerKeypoint[]; ms: number } {
  const started = performance.now();
  const crop = cropAround(previous, frame.width / scale, frame.height / scale);
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
  const keypoints = keypointsFromOutput(values, crop);
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

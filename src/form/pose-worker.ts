/**
 * A pose-model thread: loads MoveNet once (pose-node.ts) and answers each frame it is sent with its
 * keypoints. Started by pose-pool.ts, so that the clip's frames are shared between the machine's cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPoseEstimator, type PoseModel, type RgbFrame } from './pose-node.js';

export type PoseRequest = { seq: number; tS: number; frame: RgbFrame };

const port = parentPort;
if (!port) throw new Error('pose-worker.ts runs as a worker thread');
const estimator = await loadPoseEstimator((workerData as { model: PoseModel }).model);
port.on('message', (request: PoseRequest) => {
  port.postMessage({ seq: request.seq, pose: estimator.estimate(request.frame, request.tS) });
});
port.postMessage({ ready: true });

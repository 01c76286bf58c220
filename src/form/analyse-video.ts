/**
 * A video file to a form report on the command line: ffmpeg decodes the frames (video-ffmpeg.ts), MoveNet
 * finds the keypoints (pose-node.ts) and the pure core judges them (`analyseForm`). The video is read
 * once, frame by frame, and nothing of it is kept: only the keypoints reach the analysis.
 *
 * Speed: the pose model is the cost (ffmpeg decodes in its own process, alongside, and reads ahead). To
 * analyse a clip in less than its own length on a 2-core machine, frames are analysed at about 15 a second
 * (`frameStep`: every second frame of a 30 fps clip), on a model thread per core (README, "Running form
 * from a video").
 */
import { analyseForm, fromHumanMoveNet } from './index.js';
import { frameStep, type PoseModel } from './movenet.js';
import type { PoseFrame } from './pose-node.js';

export { ANALYSIS_FPS, frameStep } from './movenet.js';

import { drawSkeletonRgb, keyFrameChoices } from './keyframes.js';
import { startPosePool } from './pose-pool.js';
import type { FormReport, KeypointTrack, ViewChoice } from './types.js';
import { decodeFrames, encodeJpeg, frameAt, probeVideo, type VideoInfo } from './video-ffmpeg.js';

/** The decoded frames' longer side: the model sees a 192-pixel crop of the runner, so more is wasted. */
const MAX_SIDE_PX = 640;

export interface VideoAnalysisOptions {
  view?: ViewChoice;
  model?: PoseModel;
  /** Pose-model threads (default: one per core, at most 2). */
  threads?: number;
  /** Called after each analysed frame with how many are done of about how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface VideoAnalysis {
  report: FormReport;
  /** How the clip was analysed, for the output and the benchmark. */
  analysis: {
    model: PoseModel;
    durationS: number;
    fps: number;
    /** Every n-th frame was analysed. */
    frameStep: number;
    framesAnalysed: number;
    seconds: number;
  };
  /** The analysed frames' keypoints (frame k is the clip's frame k × frameStep), for key frames. */
  track: KeypointTrack;
  /** The decoded frames' size and the clip's rate. */
  video: VideoInfo;
}

/**
 * Decode a clip, find the runner's keypoints and analyse their form.
 * @example const { report } = await analyseVideo('run.mp4', { view: 'side' });
 * @throws BackstrideError (bad-input) for an unreadable file or one without video, or when ffmpeg is missing.
 */
export async function analyseVideo(file: string, options: VideoAnalysisOptions = {}): Promise<VideoAnalysis> {
  const started = performance.now();
  const info = await probeVideo(file, MAX_SIDE_PX);
  const model = options.model ?? 'lightning';
  // The model threads start (about a second) while ffmpeg decodes the first frames into its read-ahead.
  const starting = startPosePool(model, options.threads);
  const step = frameStep(info.fps);
  const decoded = decodeFrames(file, info, step);
  // Asking for the first frame starts ffmpeg now; the frames queue up while the threads load.
  const first = decoded.next();
  let pool: Awaited<typeof starting>;
  try {
    pool = await starting;
  } catch (error) {
    await first.catch(() => undefined);
    await decoded.return(undefined);
    throw error;
  }
  const expected = Math.max(1, Math.ceil((info.durationS * info.fps) / step));
  let frames: PoseFrame[];
  try {
    let sent = 0;
    for (let next = await first; !next.done; next = await decoded.next()) {
      await pool.push(next.value.frame, next.value.tS);
      sent++;
      options.onProgress?.(sent, Math.max(expected, sent));
    }
    frames = await pool.finish();
  } finally {
    await decoded.return(undefined);
    await pool.close();
  }
  const track = fromHumanMoveNet(frames, {
    widthPx: info.widthPx,
    heightPx: info.heightPx,
    fps: info.fps / step,
  });
  const analysed = analyseForm(track, { view: options.view ?? 'auto' });
  // The measures name frames of the clip, not of the analysed subset.
  const report: FormReport = {
    ...analysed,
    measures: analysed.measures.map((m) => ({ ...m, frames: m.frames.map((f) => f * step) })),
  };
  return {
    report,
    track,
    video: info,
    analysis: {
      model,
      durationS: info.durationS || frames.length * (step / info.fps),
      fps: info.fps,
      frameStep: step,
      framesAnalysed: frames.length,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/** A key frame to keep: the clip's frame with the skeleton drawn over it, as a JPEG picture. */
export type VideoKeyFrame = { frame: number; tS: number; mime: 'image/jpeg'; data: string };

/**
 * The key frames of an analysed clip (see `keyFrameChoices`), each decoded again from the file, with the
 * skeleton drawn over it. Only for `form --save --keep-frames`: by default no picture of the runner is kept.
 */
export async function videoKeyFrames(file: string, result: VideoAnalysis): Promise<VideoKeyFrame[]> {
  const out: VideoKeyFrame[] = [];
  for (const { frame } of keyFrameChoices(result.report)) {
    const analysed = result.track.frames[Math.round(frame / result.analysis.frameStep)];
    const pose = analysed?.people[0];
    if (!analysed || !pose) continue;
    const image = await frameAt(file, result.video, analysed.tS);
    drawSkeletonRgb(image, pose);
    const jpeg = await encodeJpeg(image);
    out.push({ frame, tS: analysed.tS, mime: 'image/jpeg', data: jpeg.toString('base64') });
  }
  return out;
}

/**
 * Keypoint adapters: turn what a pose model or a keypoint file gives into a `KeypointTrack`. Three formats:
 * RTMPose Halpe26 JSON (`gaitlab.pose/v1`), OpenPose BODY_25 (per-frame `people[].pose_keypoints_2d`,
 * bundled frame by frame), and MoveNet's 17 COCO points as @vladmandic/human returns them. Points a
 * format lacks, or that fall below the confidence floor, are left out: the analysis sees a gap, not a guess.
 */
// zod's tree-shakable build: the web page bundles this core, and full zod would add about 450 kB.
import * as z from 'zod/mini';
import { badInput } from '../errors.js';
import { MOVENET_PARTS } from './movenet.js';
import type { Keypoint, KeypointName, KeypointTrack, Pose, TrackFrame } from './types.js';

export interface AdapterOptions {
  /** Points scored below this are masked (default 0.05: OpenPose writes 0 for "not detected"). */
  minConfidence?: number;
  /** Frames per second when the file does not record it; marked as assumed (default 30). */
  fps?: number;
}

const DEFAULT_FPS = 30;

/** Halpe-style names (`l_shoulder`, `left_shoulder`, `head`) to ours; small toes have no use here. */
const SNAKE_NAMES: Record<string, KeypointName> = {
  nose: 'nose',
  head: 'headTop',
  neck: 'neck',
  mid_hip: 'midHip',
  hip: 'midHip',
};
for (const [side, full] of [
  ['l', 'left'],
  ['r', 'right'],
] as const) {
  for (const part of [
    'eye',
    'ear',
    'shoulder',
    'elbow',
    'wrist',
    'hip',
    'knee',
    'ankle',
    'heel',
    'big_toe',
  ]) {
    const camel = part === 'big_toe' ? 'BigToe' : part[0]?.toUpperCase() + part.slice(1);
    const name = `${full}${camel}` as KeypointName;
    SNAKE_NAMES[`${side}_${part}`] = name;
    SNAKE_NAMES[`${full}_${part}`] = name;
  }
}

/** OpenPose BODY_25 order (small toes omitted by mapping them to null). */
const BODY25: (KeypointName | null)[] = [
  'nose',
  'neck',
  'rightShoulder',
  'rightElbow',
  'rightWrist',
  'leftShoulder',
  'leftElbow',
  'leftWrist',
  'midHip',
  'rightHip',
  'rightKnee',
  'rightAnkle',
  'leftHip',
  'leftKnee',
  'leftAnkle',
  'rightEye',
  'leftEye',
  'rightEar',
  'leftEar',
  'leftBigToe',
  null,
  'leftHeel',
  'rightBigToe',
  null,
  'rightHeel',
];

function point(x: number, y: number, score: number, floor: number): Keypoint | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(score) || score < floor)
    return undefined;
  // RTMPose's scores can exceed 1 slightly; confidence is a share, so clamp it.
  return { x, y, confidence: Math.min(1, score) };
}

function setPoint(pose: Pose, name: KeypointName | null | undefined, kp: Keypoint | undefined): void {
  if (name && kp) pose[name] = kp;
}

const Triple = z.array(z.number()).check(z.minLength(3));
const HalpeFile = z.object({
  fps: z.nullish(z.number().check(z.positive())),
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
  keypoint_names: z.array(z.string()).check(z.minLength(1)),
  frames: z.array(z.nullable(z.array(Triple))),
  timestamps: z.optional(z.array(z.number())),
});

/**
 * Reads an RTMPose Halpe26 keypoint file (`gaitlab.pose/v1`: `keypoint_names`, `frames[f][k] = [x, y, score]`,
 * one person a frame, `null` or `[]` when nobody was found).
 */
export function fromHalpe26(json: unknown, options: AdapterOptions = {}): KeypointTrack {
  const parsed = HalpeFile.safeParse(json);
  if (!parsed.success) throw badInput('This keypoint file is not in the RTMPose Halpe 26 layout.', 'frames');
  const file = parsed.data;
  const floor = options.minConfidence ?? 0.05;
  const names = file.keypoint_names.map((n) => SNAKE_NAMES[n.toLowerCase()] ?? null);
  const fps = file.fps ?? options.fps ?? DEFAULT_FPS;
  const frames: TrackFrame[] = file.frames.map((kps, f) => {
    const tS = file.timestamps?.[f] ?? f / fps;
    if (!kps || kps.length === 0) return { tS, people: [] };
    const pose: Pose = {};
    kps.forEach(([x, y, s], k) => {
      setPoint(pose, names[k], point(x as number, y as number, s as number, floor));
    });
    return { tS, people: Object.keys(pose).length > 0 ? [pose] : [] };
  });
  return {
    source: 'RTMPose (Halpe 26 points)',
    widthPx: file.width,
    heightPx: file.height,
    fps,
    fpsAssumed: file.fps == null && options.fps == null,
    frames,
  };
}

const OpenPoseFrame = z.object({
  people: z.array(z.object({ pose_keypoints_2d: z.array(z.number()) })),
});
const OpenPoseBundle = z.object({
  fps: z.nullish(z.number().check(z.positive())),
  width: z.optional(z.number().check(z.positive())),
  height: z.optional(z.number().check(z.positive())),
  frames: z.array(z.object({ openpose: OpenPoseFrame })),
});

/**
 * Reads OpenPose BODY_25 keypoints: either the bundle the fixtures use (`frames[i].openpose`, one
 * per-frame OpenPose document each) or a plain array of per-frame documents. OpenPose writes no image
 * size, so it comes from the bundle header, the options, or the 1920×1080 the fixture header states.
 */
export function fromOpenPoseBody25(
  json: unknown,
  options: AdapterOptions & { widthPx?: number; heightPx?: number } = {},
): KeypointTrack {
  const asArray = z.array(OpenPoseFrame).safeParse(json);
  const bundle = asArray.success ? undefined : OpenPoseBundle.safeParse(json);
  if (!asArray.success && !bundle?.success) {
    throw badInput('This keypoint file is not in the OpenPose 25-point layout.', 'frames');
  }
  const docs = asArray.success ? asArray.data : (bundle?.data?.frames.map((f) => f.openpose) ?? []);
  const header = bundle?.data;
  const recordedFps = header?.fps ?? undefined;
  const fps = recordedFps ?? options.fps ?? DEFAULT_FPS;
  const floor = options.minConfidence ?? 0.05;
  const frames: TrackFrame[] = docs.map((doc, f) => ({
    tS: f / fps,
    people: doc.people
      .map((person) => {
        const pose: Pose = {};
        const flat = person.pose_keypoints_2d;
        for (let k = 0; k < BODY25.length && 3 * k + 2 < flat.length; k++) {
          setPoint(
            pose,
            BODY25[k],
            point(flat[3 * k] as number, flat[3 * k + 1] as number, flat[3 * k + 2] as number, floor),
          );
        }
        return pose;
      })
      .filter((pose) => Object.keys(pose).length > 0),
  }));
  return {
    source: 'OpenPose (25 points)',
    widthPx: options.widthPx ?? header?.width ?? 1920,
    heightPx: options.heightPx ?? header?.height ?? 1080,
    fps,
    fpsAssumed: recordedFps === undefined && options.fps === undefined,
    frames,
  };
}

const HumanKeypoint = z.object({
  part: z.string(),
  position: z.optional(z.array(z.number()).check(z.minLength(2))),
  positionRaw: z.optional(z.array(z.number()).check(z.minLength(2))),
  score: z.number(),
});
const HumanFrame = z.object({
  tS: z.number(),
  body: z.array(z.object({ keypoints: z.array(HumanKeypoint) })),
});

const COCO_PARTS = new Set<string>(MOVENET_PARTS);

/**
 * Reads MoveNet results as @vladmandic/human returns them, one entry a frame: `{ tS, body: result.body }`.
 * Human drops points below its `minConfidence` instead of returning them with a low score; those parts are
 * simply absent here too, which the analysis treats as gaps.
 *
 * @example
 * const frames = [{ tS: 0, body: result.body }];
 * const track = fromHumanMoveNet(frames, { widthPx: 720, heightPx: 1280, fps: 30 });
 */
export function fromHumanMoveNet(
  frames: unknown,
  options: AdapterOptions & { widthPx: number; heightPx: number },
): KeypointTrack {
  const parsed = z.array(HumanFrame).safeParse(frames);
  if (!parsed.success) throw badInput('These pose results are not in the MoveNet layout.', 'body');
  const floor = options.minConfidence ?? 0.05;
  const { widthPx, heightPx } = options;
  const out: TrackFrame[] = parsed.data.map((frame) => ({
    tS: frame.tS,
    people: frame.body
      .map((body) => {
        const pose: Pose = {};
        for (const kp of body.keypoints) {
          if (!COCO_PARTS.has(kp.part)) continue;
          const [x, y] = kp.position ?? [
            (kp.positionRaw?.[0] ?? Number.NaN) * widthPx,
            (kp.positionRaw?.[1] ?? Number.NaN) * heightPx,
          ];
          setPoint(pose, kp.part as KeypointName, point(x as number, y as number, kp.score, floor));
        }
        return pose;
      })
      .filter((pose) => Object.keys(pose).length > 0),
  }));
  const fps = options.fps ?? estimateFps(out) ?? DEFAULT_FPS;
  return {
    source: 'MoveNet (17 points)',
    widthPx,
    heightPx,
    fps,
    fpsAssumed: false,
    frames: out,
  };
}

/** The frame rate from the frames' own times (median gap), when there are enough of them. */
function estimateFps(frames: TrackFrame[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const gap = (frames[i]?.tS ?? 0) - (frames[i - 1]?.tS ?? 0);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length < 2) return undefined;
  gaps.sort((a, b) => a - b);
  return 1 / (gaps[Math.floor(gaps.length / 2)] as number);
}

/**
 * MoveNet's input and output, shared by the two places that run it (pose-node.ts in Node, the form page's
 * pose worker in the browser) and the adapter that reads its points (`fromHumanMoveNet`). Pure: no tfjs,
 * no pixels. Following the runner uses MoveNet's own cropping advice: a square around where the person was
 * in the previous frame is far more precise than the whole frame squeezed into 192×192.
 */

/** MoveNet's 17 points, in its output order (the COCO order), named as `fromHumanMoveNet` reads them. */
export const MOVENET_PARTS = [
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

/** MoveNet's input side: 192 for Lightning, 256 for Thunder. */
export const MOVENET_INPUT_SIDE = { lightning: 192, thunder: 256 } as const;
export type PoseModel = keyof typeof MOVENET_INPUT_SIDE;
export const POSE_MODELS = Object.keys(MOVENET_INPUT_SIDE) as PoseModel[];

/** A point counts for the next crop at this score (MoveNet's tracking example uses 0.2–0.3). */
const TRACK_SCORE = 0.3;
/**
 * MoveNet always answers with 17 points, person or not; below this mean score there is no one in the crop
 * (Human drops such a body too, with the same default of 0.2).
 */
export const PERSON_SCORE = 0.2;

/** One point in the frame's pixels, in the layout `fromHumanMoveNet` reads. */
export type MoveNetKeypoint = { part: string; position: [number, number]; score: number };

/** A square of the frame, in the frame's pixels (it may reach outside the frame: that part is black). */
export type Crop = { x: number; y: number; side: number };

/**
 * The square to look at next: around the last frame's confident points, 1.5× their extent (room for the
 * limbs and a stride's travel); the whole frame, padded to a square, when there are too few of them.
 */
export function cropAround(
  previous: readonly MoveNetKeypoint[] | undefined,
  widthPx: number,
  heightPx: number,
): Crop {
  const seen = previous?.filter((k) => k.score >= TRACK_SCORE) ?? [];
  const torso = seen.filter((k) => /Shoulder|Hip/.test(k.part)).length;
  if (seen.length >= 6 && torso >= 2) {
    const xs = seen.map((k) => k.position[0]);
    const ys = seen.map((k) => k.position[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const side = Math.max(x1 - x0, y1 - y0, heightPx * 0.2) * 1.5;
    return { x: (x0 + x1) / 2 - side / 2, y: (y0 + y1) / 2 - side / 2, side };
  }
  const side = Math.max(widthPx, heightPx);
  return { x: (widthPx - side) / 2, y: (heightPx - side) / 2, side };
}

/** MoveNet's output [1, 1, 17, 3] (y, x and score, 0–1 of the crop) as points in the frame's pixels. */
export function keypointsFromOutput(values: ArrayLike<number>, crop: Crop): MoveNetKeypoint[] {
  return MOVENET_PARTS.map((part, i) => ({
    part,
    position: [
      crop.x + (values[i * 3 + 1] as number) * crop.side,
      crop.y + (values[i * 3] as number) * crop.side,
    ] as [number, number],
    score: values[i * 3 + 2] as number,
  }));
}

/** Whether MoveNet saw a person at all: the mean score of its 17 points. */
export function personSeen(keypoints: readonly MoveNetKeypoint[]): boolean {
  const mean = keypoints.reduce((sum, k) => sum + k.score, 0) / Math.max(1, keypoints.length);
  return mean >= PERSON_SCORE;
}

/**
 * Frames of a clip to analyse: about {@link ANALYSIS_FPS} a second. Cadence (2–3.5 steps a second) and
 * posture need no more, and the treadmill fixture's cadence stays within 0.2% of every-frame analysis.
 */
export const ANALYSIS_FPS = 15;

/** Analyse every `frameStep(fps)`-th frame of a clip recorded at `fps`. */
export function frameStep(fps: number): number {
  return Math.max(1, Math.round(fps / ANALYSIS_FPS));
}

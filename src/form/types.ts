/**
 * The data the form analysis reads and writes: a keypoint track (what a pose model or a keypoint file
 * gives, frame by frame, possibly several people) and the form report (what `analyseForm` returns, and
 * what `backstride form --json` prints). Coordinates are image pixels, y pointing down.
 */

/** Every body point the analysis knows. Formats that lack a point leave it out (masked, never invented). */
export const KEYPOINT_NAMES = [
  'nose',
  'leftEye',
  'rightEye',
  'leftEar',
  'rightEar',
  'headTop',
  'neck',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'midHip',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
  'leftHeel',
  'rightHeel',
  'leftBigToe',
  'rightBigToe',
] as const;
export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** One detected point: pixels and the model's confidence (0–1). */
export interface Keypoint {
  x: number;
  y: number;
  confidence: number;
}

/** One person in one frame. A point that is absent was not detected (or fell below the confidence floor). */
export type Pose = Partial<Record<KeypointName, Keypoint>>;

export interface TrackFrame {
  /** Seconds from the start of the clip. */
  tS: number;
  people: Pose[];
}

/** Per-frame keypoints for a clip, as an adapter reads them. */
export interface KeypointTrack {
  /** What produced the keypoints, in plain words ("RTMPose (Halpe 26 points)"). */
  source: string;
  widthPx: number;
  heightPx: number;
  /** Frames per second; `fpsAssumed` when the file did not record it. */
  fps: number;
  fpsAssumed: boolean;
  frames: TrackFrame[];
}

/** The chosen runner, one pose (or null when absent) per frame of the track. */
export interface RunnerTrack {
  widthPx: number;
  heightPx: number;
  fps: number;
  tS: number[];
  poses: (Pose | null)[];
  /** How many people were seen at all, and how many frames the runner was in. */
  peopleSeen: number;
  framesWithRunner: number;
}

export type View = 'side' | 'back' | 'front';
export type ViewChoice = View | 'auto';

/** A measure of form with the frames it was taken from. */
export interface Measure {
  id: MeasureId;
  /** Plain-words name ("Trunk lean from vertical"). */
  label: string;
  value: number;
  unit: string;
  /** Indices of the frames (in the keypoint track) the value comes from. */
  frames: number[];
  /** Optional detail in plain words: which body points, or the spread. */
  note?: string;
  /** Head measures: the head point used (thresholds differ by point). */
  landmark?: 'ear' | 'headTop' | 'nose';
}

export type MeasureId =
  | 'cadence'
  | 'stepIntervalCv'
  | 'trunkLean'
  | 'bodyLean'
  | 'leanFromWaist'
  | 'headForward'
  | 'shoulderElevation'
  | 'armSwing'
  | 'elbowAngle'
  | 'verticalOscillation'
  | 'wristCrossing'
  | 'wristCrossingDepth'
  | 'shoulderTilt'
  | 'pelvisTilt'
  | 'trunkRotation'
  | 'headDrift'
  | 'trunkLeanDrift'
  | 'shoulderDrift'
  | 'cadenceDrift';

/** A form fault the clip shows, tied to a knowledge-base factor. */
export interface Finding {
  /** Knowledge-base factor id (`shrugged-shoulders`). */
  factorId: string;
  measure: MeasureId;
  value: number;
  unit: string;
  threshold: { value: number; unit: string; direction: 'above' | 'below'; source: string };
  /** 0–1: how sure we are, from keypoint confidence, margin over the threshold and frame count. */
  confidence: number;
  /** One sentence for the runner. */
  summary: string;
}

export interface QualityReport {
  frames: number;
  /** Share of frames (0–1) with the runner in them. */
  personShare: number;
  meanConfidence: number;
  /** Runner height as a share of the image height (median over frames). */
  personHeightShare: number;
  strides: number;
  /** Reasons, in plain words, for not giving findings (empty when the clip passed). */
  refusals: string[];
  /** Things that lower trust but did not stop the analysis. */
  warnings: string[];
}

export interface FormReport {
  running: boolean;
  view: View | null;
  /** How the view was decided: the runner's choice or what the geometry showed. */
  viewSource: 'chosen' | 'detected';
  cadenceSpm: number | null;
  measures: Measure[];
  findings: Finding[];
  quality: QualityReport;
}

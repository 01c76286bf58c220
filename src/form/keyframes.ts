/**
 * Key frames: which frames of a clip show what was measured, and the skeleton drawn over them. The form
 * page draws on a canvas; the command line (`form --save --keep-frames`) draws into the RGB pixels that
 * ffmpeg decoded, with {@link drawSkeletonRgb}. Both draw the same bones in the same colours.
 */
import type { FormReport, Measure, Pose } from './types.js';

/** The lines of the skeleton, between these points. */
export const BONES: readonly [keyof Pose, keyof Pose][] = [
  ['leftEar', 'leftShoulder'],
  ['rightEar', 'rightShoulder'],
  ['leftShoulder', 'rightShoulder'],
  ['leftShoulder', 'leftElbow'],
  ['leftElbow', 'leftWrist'],
  ['rightShoulder', 'rightElbow'],
  ['rightElbow', 'rightWrist'],
  ['leftShoulder', 'leftHip'],
  ['rightShoulder', 'rightHip'],
  ['leftHip', 'rightHip'],
  ['leftHip', 'leftKnee'],
  ['leftKnee', 'leftAnkle'],
  ['rightHip', 'rightKnee'],
  ['rightKnee', 'rightAnkle'],
];

/** Bone and point colours: bright on both a dark gym and a sunny path. */
export const SKELETON_COLOURS = { bone: '#00e5ff', point: '#ffeb3b' } as const;

/** A number as the form results show it: 2 significant places under 10, whole numbers above. */
export const formatMeasure = (v: number) =>
  Math.abs(v) >= 10 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2);

/**
 * The frames to show, at most three: one for each finding (the middle frame its measure came from), then
 * the main side or back measures, never the same frame twice. Frame numbers are the report's own.
 */
export function keyFrameChoices(report: FormReport): { frame: number; caption: string }[] {
  const mid = (m: Measure | undefined) =>
    m?.frames.length ? m.frames[Math.floor(m.frames.length / 2)] : undefined;
  const out: { frame: number; caption: string }[] = [];
  const add = (m: Measure | undefined, caption: string) => {
    const frame = mid(m);
    if (frame !== undefined && !out.some((o) => o.frame === frame) && out.length < 3)
      out.push({ frame, caption });
  };
  for (const f of report.findings)
    add(
      report.measures.find((m) => m.id === f.measure),
      f.summary,
    );
  for (const id of ['trunkLean', 'headForward', 'shoulderElevation', 'wristCrossing', 'armSwing'] as const) {
    const m = report.measures.find((x) => x.id === id);
    if (m) add(m, `${m.label}: ${formatMeasure(m.value)} ${m.unit}`);
  }
  return out;
}

/** RGB pixels, 3 bytes each, row by row. */
export type RgbImage = { widthPx: number; heightPx: number; rgb: Uint8Array };

const rgbOf = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

function disc(image: RgbImage, cx: number, cy: number, radius: number, colour: [number, number, number]) {
  const { widthPx, heightPx, rgb } = image;
  const r = Math.ceil(radius);
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(heightPx - 1, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(widthPx - 1, Math.ceil(cx + r)); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
      const i = (y * widthPx + x) * 3;
      rgb[i] = colour[0];
      rgb[i + 1] = colour[1];
      rgb[i + 2] = colour[2];
    }
  }
}

/**
 * Draw the skeleton into the pixels, in place: the bones as thick lines and the points as dots. `scale`
 * maps the pose's pixels to the image's (the image may be smaller than the frame the pose came from).
 */
export function drawSkeletonRgb(image: RgbImage, pose: Pose, scale = 1): void {
  const width = Math.max(2, 4 * scale);
  const bone = rgbOf(SKELETON_COLOURS.bone);
  for (const [a, b] of BONES) {
    const p = pose[a];
    const q = pose[b];
    if (!p || !q) continue;
    const steps = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) * scale));
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      disc(image, (p.x + (q.x - p.x) * t) * scale, (p.y + (q.y - p.y) * t) * scale, width / 2, bone);
    }
  }
  const point = rgbOf(SKELETON_COLOURS.point);
  for (const k of Object.values(pose))
    if (k) disc(image, k.x * scale, k.y * scale, Math.max(3, 5 * scale), point);
}

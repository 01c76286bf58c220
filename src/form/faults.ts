/**
 * Fault injection: shifts the keypoints of a real (or synthetic) track to create a form fault of a known
 * size, so each detector can be tested on keypoints nobody tuned it on. Sizes are in the runner's own
 * body units (torso lengths, shoulder widths, degrees), like the measures.
 */
import { dist, get, hipCentre, type Point, shoulderCentre } from './geometry.js';
import type { KeypointName, KeypointTrack, Pose } from './types.js';
import { facingOf } from './view.js';

const HEAD: KeypointName[] = ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar', 'headTop'];
const SHOULDERS: KeypointName[] = ['leftShoulder', 'rightShoulder', 'neck'];
const UPPER_BODY: KeypointName[] = [
  ...HEAD,
  ...SHOULDERS,
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
];

type Shift = (pose: Pose, frame: { index: number; count: number }, facing: 1 | -1) => void;

function mapTrack(track: KeypointTrack, shift: Shift): KeypointTrack {
  const facing = facingOf(track.frames.flatMap((f) => f.people));
  const count = track.frames.length;
  return {
    ...track,
    frames: track.frames.map((frame, index) => ({
      ...frame,
      people: frame.people.map((person) => {
        const pose: Pose = structuredClone(person);
        shift(pose, { index, count }, facing);
        return pose;
      }),
    })),
  };
}

/** The trunk's unit axis (hips to shoulders), its forward normal and length, when both centres are seen. */
function axes(pose: Pose, facing: 1 | -1): { u: Point; n: Point; torso: number; hip: Point } | undefined {
  const s = shoulderCentre(pose);
  const h = hipCentre(pose);
  if (!s || !h) return undefined;
  const torso = dist(s, h);
  const u = { x: (s.x - h.x) / torso, y: (s.y - h.y) / torso };
  return { u, n: { x: facing * -u.y, y: facing * u.x }, torso, hip: h };
}

function move(pose: Pose, names: KeypointName[], dx: number, dy: number): void {
  for (const name of names) {
    const kp = pose[name];
    if (kp) pose[name] = { ...kp, x: kp.x + dx, y: kp.y + dy };
  }
}

/** Shoulders (and the neck point between them) raised towards the ears by `torsoLengths`. */
export function raiseShoulders(track: KeypointTrack, torsoLengths: number): KeypointTrack {
  return mapTrack(track, (pose, _f, facing) => {
    const a = axes(pose, facing);
    if (a) move(pose, SHOULDERS, a.u.x * a.torso * torsoLengths, a.u.y * a.torso * torsoLengths);
  });
}

/** Head pushed forward, at right angles to the trunk, by `torsoLengths`. */
export function pushHeadForward(track: KeypointTrack, torsoLengths: number): KeypointTrack {
  return mapTrack(track, (pose, _f, facing) => {
    const a = axes(pose, facing);
    if (a) move(pose, HEAD, a.n.x * a.torso * torsoLengths, a.n.y * a.torso * torsoLengths);
  });
}

/** The whole upper body turned forward about the hips by `degrees` (bending at the waist). */
export function leanFromHips(track: KeypointTrack, degrees: number): KeypointTrack {
  const angle = (degrees * Math.PI) / 180;
  return mapTrack(track, (pose, _f, facing) => {
    const hip = hipCentre(pose);
    if (!hip) return;
    const a = facing * angle;
    for (const name of UPPER_BODY) {
      const kp = pose[name];
      if (!kp) continue;
      const dx = kp.x - hip.x;
      const dy = kp.y - hip.y;
      // Image y points down, so a turn towards +x from up is a clockwise turn on screen.
      pose[name] = {
        ...kp,
        x: hip.x + dx * Math.cos(a) - dy * Math.sin(a),
        y: hip.y + dx * Math.sin(a) + dy * Math.cos(a),
      };
    }
  });
}

/**
 * Wrists (and half as much the elbows) moved towards the other side of the body by `shoulderWidths`
 * (back or front view). How far past the midline that puts them depends on where they started.
 */
export function crossWrists(track: KeypointTrack, shoulderWidths: number): KeypointTrack {
  return mapTrack(track, (pose) => {
    const ls = get(pose, 'leftShoulder');
    const rs = get(pose, 'rightShoulder');
    const mid = shoulderCentre(pose);
    if (!ls || !rs || !mid) return;
    const width = dist(ls, rs);
    for (const side of ['left', 'right'] as const) {
      const shoulder = side === 'left' ? ls : rs;
      const towardMiddle = Math.sign(mid.x - shoulder.x);
      move(pose, [`${side}Wrist`], towardMiddle * width * shoulderWidths, 0);
      move(pose, [`${side}Elbow`], (towardMiddle * width * shoulderWidths) / 2, 0);
    }
  });
}

/** The head lowered by `torsoLengths` in the last third of the clip (hunching as the runner tires). */
export function dropHeadLate(track: KeypointTrack, torsoLengths: number): KeypointTrack {
  return mapTrack(track, (pose, frame, facing) => {
    if (frame.index < (2 * frame.count) / 3) return;
    const a = axes(pose, facing);
    if (a) move(pose, HEAD, -a.u.x * a.torso * torsoLengths, -a.u.y * a.torso * torsoLengths);
  });
}

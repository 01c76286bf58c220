/**
 * Starting points for key poses: standing, on all fours, lying face down, lying on the back with the knees
 * bent, seated, kneeling. Each takes overrides, so a figure reads as "standing, arms forward".
 * @example standing({ arms: { shoulder: 90 } }) // arms straight out in front
 */
import type { ArmAngles, LegAngles, Pose } from './spec.js';

type Parts = Omit<Pose, 'arms' | 'legs'> & { arms?: ArmAngles; legs?: LegAngles };

/** Merge overrides into a base pose, limb by limb. */
export function pose(base: Pose, over: Parts = {}): Pose {
  const out: Pose = { ...base, ...over };
  for (const k of ['arms', 'nearArm', 'farArm', 'legs', 'nearLeg', 'farLeg'] as const)
    if (base[k] || over[k]) out[k] = { ...base[k], ...over[k] } as never;
  return out;
}

/** Standing tall, arms hanging with soft elbows. */
export const standing = (over?: Parts): Pose =>
  pose({ arms: { shoulder: 4, elbow: 8 }, legs: { hip: 0, knee: 0, ankle: 0 } }, over);

/** On hands and knees: hands under the shoulders, knees under the hips, shins and feet on the floor. */
export const allFours = (over?: Parts): Pose =>
  pose({ trunk: 71, neck: 0, arms: { shoulder: 71 }, legs: { hip: 71, knee: 90, ankle: -80 } }, over);

/** Lying face down, arms by the sides, legs long and toes pointed. */
export const prone = (over?: Parts): Pose =>
  pose({ trunk: 90, arms: { shoulder: -6 }, legs: { hip: 4, ankle: -86 } }, over);

/** Lying on the back (head to the left), knees bent and feet flat, arms along the sides. */
export const hookLying = (over?: Parts): Pose =>
  pose({ trunk: -90, arms: { shoulder: -6 }, legs: { hip: 45, knee: 95, ankle: -40 } }, over);

/** The hip height of someone sitting on a seat `seat` high (thigh resting on it). */
export const SEAT_HEIGHT = 25;

/** Sitting upright on a seat (hips above its back edge at x = 0), knees bent, feet flat. */
export const seated = (over?: Parts): Pose =>
  pose(
    {
      at: { x: 0, y: SEAT_HEIGHT + 3.3 },
      arms: { shoulder: 4, elbow: 10 },
      legs: { hip: 90, knee: 90, ankle: 0 },
    },
    over,
  );

/** Kneeling upright, thighs vertical, shins and tops of the feet on the floor behind. */
export const kneeling = (over?: Parts): Pose =>
  pose({ arms: { shoulder: 4, elbow: 8 }, legs: { hip: 0, knee: 90, ankle: -80 } }, over);

/**
 * The figure data a knowledge-base item carries: named key poses as joint angles, the view, the props and
 * the pose to hold. Plain data a reviewer can read and correct; the renderer turns it into a picture.
 *
 * Angles are degrees. Side view: the figure faces right; `trunk` tips the pelvis forward from upright
 * (90 = lying face down, -90 = lying on the back); each joint turns its segment relative to its parent:
 * `spine` bends the chest forward (+) or back (-) on the pelvis, `neck` drops the chin (+), `shoulder` lifts
 * the arm forward (90 = straight ahead of a standing body, 180 = overhead, - = behind), `elbow` and `knee`
 * bend, `hip` lifts the thigh forward (+) or takes it back (-), `ankle` pulls the toes up (+) or points them
 * (-). `out` turns an upper arm or thigh out of the picture (90 = straight out to the side, so it is seen
 * end-on). Front and back views: `trunk` and `spine` lean sideways (+ toward the figure's left),
 * `shoulder` and `hip` raise the limb out to the side, `elbow` bends the forearm in across the body, `turn`
 * rotates the chest about the spine. `near` is the side nearer the viewer (the figure's right in the front
 * view); `arms` and `legs` set both sides at once and `nearArm`… override one side.
 */
import { z } from 'zod';

const Angle = z.number().min(-360).max(360);
/** A point in figure units (a standing figure is about 96 tall; the floor is y = 0, x grows forward). */
export const Point = z.tuple([z.number(), z.number()]);
export type Point = z.infer<typeof Point>;

export const ArmAngles = z.strictObject({
  shoulder: Angle.optional(),
  elbow: Angle.optional(),
  out: Angle.optional(),
  /** The forearm turned out of the picture (seen shortened). */
  lowerOut: Angle.optional(),
});
export type ArmAngles = z.infer<typeof ArmAngles>;

export const LegAngles = z.strictObject({
  hip: Angle.optional(),
  knee: Angle.optional(),
  ankle: Angle.optional(),
  out: Angle.optional(),
  /** The shin turned out of the picture (seen shortened). */
  lowerOut: Angle.optional(),
});
export type LegAngles = z.infer<typeof LegAngles>;

/** One key pose. Every field is optional; a missing angle is 0 (upright, limbs hanging straight). */
export const Pose = z.strictObject({
  trunk: Angle.optional(),
  spine: Angle.optional(),
  neck: Angle.optional(),
  turn: Angle.optional(),
  /** Shoulders lifted toward the ears (1) or pressed down (-1). */
  shrug: z.number().min(-1).max(1).optional(),
  /** Shoulder blades drawn back (1) or forward (-1), side view. */
  retract: z.number().min(-1).max(1).optional(),
  /** Breath in the belly and in the chest, 0 (out) to 1 (full). */
  belly: z.number().min(0).max(1).optional(),
  chest: z.number().min(0).max(1).optional(),
  arms: ArmAngles.optional(),
  nearArm: ArmAngles.optional(),
  farArm: ArmAngles.optional(),
  legs: LegAngles.optional(),
  nearLeg: LegAngles.optional(),
  farLeg: LegAngles.optional(),
  /** Where the hips are. Without `y` the figure rests on the floor (its lowest point touches it). */
  at: z.strictObject({ x: z.number().optional(), y: z.number().optional() }).optional(),
});
export type Pose = z.infer<typeof Pose>;

/** What the hands or feet hold on to or press against. Positions are in figure units. */
export const Prop = z.discriminatedUnion('kind', [
  /** An exercise mat on the floor. */
  z.strictObject({ kind: z.literal('mat') }),
  /** A wall: a vertical line at `x`. */
  z.strictObject({ kind: z.literal('wall'), x: z.number() }),
  /** A mirror standing behind the figure, for the self-checks that look at posture. */
  z.strictObject({ kind: z.literal('mirror'), x: z.number(), width: z.number().positive() }),
  /** A chair or a bench: the back of the seat at `x`, seat `height` above the floor (default 25). */
  z.strictObject({
    kind: z.literal('chair'),
    x: z.number(),
    height: z.number().positive().optional(),
    back: z.boolean().optional(),
  }),
  /** A resistance band from `anchor` to the hands (or feet); without an anchor, between the two hands. */
  z.strictObject({ kind: z.literal('band'), anchor: Point.optional(), to: z.enum(['hands', 'feet']) }),
  /** A cable from a pulley at `anchor` to a handle in the hands. */
  z.strictObject({ kind: z.literal('cable'), anchor: Point }),
  /** A dumbbell in each hand, or one hand resting on it on the floor. */
  z.strictObject({ kind: z.literal('dumbbells') }),
  /** A bar (with plates when `plates`) held in the hands. */
  z.strictObject({ kind: z.literal('bar'), plates: z.boolean().optional() }),
  /** A foam roller lying across the picture, its centre at `at`. */
  z.strictObject({ kind: z.literal('roller'), at: Point }),
  /** A doorway: the side of the frame at `x`. */
  z.strictObject({ kind: z.literal('doorway'), x: z.number() }),
  /** A low step or box, its near edge at `x`. */
  z.strictObject({
    kind: z.literal('step'),
    x: z.number(),
    width: z.number().positive(),
    height: z.number().positive(),
  }),
]);
export type Prop = z.infer<typeof Prop>;

/** A key pose's name: plain lower-case words ("start", "end", "top of the circle"). */
export const PoseName = z.string().regex(/^[a-z][a-z ]*$/, 'pose names are plain lower-case words');

export const FigureSpec = z
  .strictObject({
    view: z.enum(['side', 'front', 'back']).optional(),
    props: z.array(Prop).optional(),
    /** The key poses in the order the movement passes through them. */
    poses: z.record(PoseName, Pose),
    /** A sentence per key pose, for the ones the item's own position sentences do not describe. */
    captions: z.record(PoseName, z.string().min(1)).optional(),
    /** The pose held for the item's hold time (default the last one when the item has a hold). */
    hold: PoseName.optional(),
    /**
     * What stays put across the frames when a pose gives no `at.x`: the heels (default), the hips, the
     * hands or the knees. A squat keeps its feet where they are; the hips travel back.
     */
    planted: z.enum(['feet', 'hips', 'hands', 'knees']).optional(),
    /** `back`: return through the poses in reverse (default); `cycle`: the last pose flows on to the first. */
    loop: z.enum(['back', 'cycle']).optional(),
  })
  .refine((f) => Object.keys(f.poses).length >= 2, 'a figure needs at least two key poses')
  .refine((f) => !f.hold || f.hold in f.poses, 'the held pose must be one of the key poses');
export type FigureSpec = z.infer<typeof FigureSpec>;

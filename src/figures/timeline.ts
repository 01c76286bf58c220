/**
 * The movement over time: from the first key pose through the others to the last, a hold where the
 * exercise holds (its hold time compressed for display), then back, looping. Poses in between are the key
 * poses' joint angles blended with an ease in and out.
 */
import type { FigureSpec, Pose } from './spec.js';

export type Phase = {
  kind: 'move' | 'hold';
  from: string;
  to: string;
  startMs: number;
  endMs: number;
};
export type Timeline = { phases: Phase[]; durationMs: number };

/** How long a move between two key poses and a short pause at a pose last on screen. */
export const MOVE_MS = 1400;
export const PAUSE_MS = 500;

/**
 * A real hold shown in a few seconds: a 1-second pause stays a second, 30 to 60 seconds show as 3.
 * @example displayHoldMs({ min: 30, max: 60 }) // 3000
 */
export function displayHoldMs(holdS?: { min: number; max: number }): number {
  if (!holdS) return 1000;
  return Math.round(Math.min(3, Math.max(1, holdS.min / 2)) * 1000);
}

/** The phases of one loop of `spec`, given the item's hold time. */
export function timeline(spec: FigureSpec, holdS?: { min: number; max: number }): Timeline {
  const names = Object.keys(spec.poses);
  const held = spec.hold ?? (holdS ? names[names.length - 1] : undefined);
  const phases: Phase[] = [];
  let t = 0;
  const push = (kind: Phase['kind'], from: string, to: string, ms: number) => {
    phases.push({ kind, from, to, startMs: t, endMs: t + ms });
    t += ms;
  };
  const stay = (name: string) => push('hold', name, name, name === held ? displayHoldMs(holdS) : PAUSE_MS);
  const first = names[0] as string;
  stay(first);
  for (let i = 1; i < names.length; i++) {
    push('move', names[i - 1] as string, names[i] as string, MOVE_MS);
    stay(names[i] as string);
  }
  if (spec.loop === 'cycle') push('move', names[names.length - 1] as string, first, MOVE_MS);
  else
    for (let i = names.length - 1; i > 0; i--) {
      push('move', names[i] as string, names[i - 1] as string, MOVE_MS);
      if (i > 1) push('hold', names[i - 1] as string, names[i - 1] as string, PAUSE_MS / 2);
    }
  return { phases, durationMs: t };
}

/** Ease in and out: slow at both key poses, fastest half way. */
export const ease = (k: number): number => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, k)))) / 2;

/** Which phase is under way `tMs` into the loop (wrapping), and how far through it (0 to 1). */
export function phaseAt(tl: Timeline, tMs: number): { phase: Phase; k: number } {
  const t = ((tMs % tl.durationMs) + tl.durationMs) % tl.durationMs;
  const phase = tl.phases.find((p) => t < p.endMs) ?? (tl.phases[tl.phases.length - 1] as Phase);
  return { phase, k: (t - phase.startMs) / Math.max(1, phase.endMs - phase.startMs) };
}

const num = (v: number | undefined) => v ?? 0;
const blend = (a: number | undefined, b: number | undefined, k: number) => num(a) + (num(b) - num(a)) * k;

type Group = Record<string, number | undefined> | undefined;
function blendGroup(a: Group, b: Group, k: number): Record<string, number> | undefined {
  if (!a && !b) return undefined;
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]))
    out[key] = blend(a?.[key], b?.[key], k);
  return out;
}

/** Both sides of a limb spelled out, so `arms` in one pose blends with `nearArm` in the other. */
function sides(p: Pose) {
  return {
    nearArm: { ...p.arms, ...p.nearArm },
    farArm: { ...p.arms, ...p.farArm },
    nearLeg: { ...p.legs, ...p.nearLeg },
    farLeg: { ...p.legs, ...p.farLeg },
  };
}

const SCALARS = ['trunk', 'spine', 'neck', 'turn', 'shrug', 'retract', 'belly', 'chest'] as const;

/**
 * The pose `k` of the way from `a` to `b` (k already eased). The hips rest on the floor unless both poses
 * place them; `resolveY` gives a floor-resting pose's hip height when only one does.
 */
export function blendPoses(a: Pose, b: Pose, k: number, resolveY: (p: Pose) => number): Pose {
  const out: Pose = {};
  for (const key of SCALARS)
    if (a[key] !== undefined || b[key] !== undefined) out[key] = blend(a[key], b[key], k);
  const sa = sides(a);
  const sb = sides(b);
  out.nearArm = blendGroup(sa.nearArm, sb.nearArm, k);
  out.farArm = blendGroup(sa.farArm, sb.farArm, k);
  out.nearLeg = blendGroup(sa.nearLeg, sb.nearLeg, k);
  out.farLeg = blendGroup(sa.farLeg, sb.farLeg, k);
  const ya = a.at?.y;
  const yb = b.at?.y;
  const at: { x?: number; y?: number } = {};
  if (a.at?.x !== undefined || b.at?.x !== undefined) at.x = blend(a.at?.x, b.at?.x, k);
  if (ya !== undefined || yb !== undefined) at.y = blend(ya ?? resolveY(a), yb ?? resolveY(b), k);
  if (at.x !== undefined || at.y !== undefined) out.at = at;
  return out;
}

/**
 * The dose a runner does now: single numbers picked from the source's ranges, and their short text
 * ("2×12", "3×20 s", "5 breaths"). The knowledge base keeps the ranges; the schedule and the progression
 * rules move a runner through them.
 */
import type { Dose, Exercise } from '../knowledge/index.js';

/** Today's dose of one exercise. Fields the exercise is not dosed in are absent. */
export type CurrentDose = {
  sets?: number;
  reps?: number;
  holdS?: number;
  breaths?: number;
  /** Reps or holds are per side (unilateral exercises). */
  perSide: boolean;
  /** Done as the exercise's easier variant (its `easier` text) at these numbers. */
  easier?: boolean;
};

/**
 * The starting dose: the bottom of each source range, because the exercises' `progression` texts start
 * low ("Begin at 10 reps a set") and build up.
 * @example startDose(byId('exercises', 'band-pull-apart').dose) // { sets: 2, reps: 12, perSide: false }
 */
export function startDose(d: Dose): CurrentDose {
  const out: CurrentDose = { perSide: d.perSide };
  if (d.sets !== undefined) out.sets = d.sets;
  if (d.reps) out.reps = d.reps.min;
  if (d.holdS) out.holdS = d.holdS.min;
  if (d.breaths) out.breaths = d.breaths.min;
  return out;
}

/**
 * Where a runner starts an exercise: the bottom of the source range, as the exercise's easier variant
 * for a strength exercise when they have never done strength training.
 * @example firstDose(byId('exercises', 'plank'), true) // { sets: 3, holdS: 20, perSide: false, easier: true }
 */
export function firstDose(
  e: Pick<Exercise, 'dose' | 'kind' | 'easier'>,
  newToStrength: boolean,
): CurrentDose {
  const dose = startDose(e.dose);
  return newToStrength && e.kind === 'strength' && e.easier ? { ...dose, easier: true } : dose;
}

/**
 * The dose in a few characters, for calendar titles and lists.
 * @example doseText({ sets: 3, holdS: 20, perSide: false }) // '3×20 s'
 */
export function doseText(d: CurrentDose): string {
  const side = d.perSide ? ' each side' : '';
  // "1×5" reads oddly, so a single set is written as a plain count.
  const sets = d.sets !== undefined && d.sets > 1 ? `${d.sets}×` : '';
  const parts: string[] = [];
  if (d.reps !== undefined) {
    parts.push(sets ? `${sets}${d.reps}${side}` : `${d.reps} reps${side}`);
    if (d.holdS !== undefined) parts.push(`hold ${d.holdS} s`);
  } else if (d.holdS !== undefined) {
    parts.push(sets ? `${sets}${d.holdS} s${side}` : `hold ${d.holdS} s${side}`);
  }
  if (d.breaths !== undefined) {
    parts.push(
      sets && d.reps === undefined && d.holdS === undefined
        ? `${sets}${d.breaths} breaths`
        : `${d.breaths} breaths`,
    );
  }
  const text = parts.join(', ');
  return d.easier ? `${text} (easier version)` : text;
}

/** Two doses are the same prescription. */
export const sameDose = (a: CurrentDose, b: CurrentDose): boolean =>
  a.sets === b.sets &&
  a.reps === b.reps &&
  a.holdS === b.holdS &&
  a.breaths === b.breaths &&
  a.perSide === b.perSide &&
  !a.easier === !b.easier;

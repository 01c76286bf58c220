/**
 * What the runner has to exercise with, and what that allows. The check-in asks `daily.equipment`
 * (none, band, dumbbells, gym); each exercise names the kits that provide its equipment (`kit`). An
 * unanswered question counts as no equipment: a plan must never send a runner to a machine they lack.
 */
import type { Answers } from '../answers/index.js';
import type { Exercise, Kit } from '../knowledge/index.js';

/** Every kit a runner can have; `[]` is no equipment. */
export const KITS: readonly Kit[] = ['band', 'dumbbells', 'gym'];

/**
 * The runner's kits from their answers; `[]` for "none" or no answer.
 * @example kitOf({ daily: { equipment: ['band'] } }) // ['band']
 */
export function kitOf(answers: Pick<Answers, 'daily'> | undefined): Kit[] {
  const said = answers?.daily?.equipment ?? [];
  return KITS.filter((k) => (said as readonly string[]).includes(k));
}

/**
 * Whether a runner with `kit` can do the exercise: it needs nothing, or one of its kits is at hand.
 * @example canDo(byId('exercises', 'lat-pull-down'), ['band']) // false
 */
export const canDo = (e: Pick<Exercise, 'kit'>, kit: readonly Kit[]): boolean =>
  e.kit.length === 0 || e.kit.some((k) => kit.includes(k));

/** The kits in words, for sentences: "no equipment", "a band and dumbbells", "a gym". */
export function kitInWords(kit: readonly Kit[]): string {
  const words: Record<Kit, string> = { band: 'a band', dumbbells: 'dumbbells', gym: 'a gym' };
  const list = kit.map((k) => words[k]);
  if (!list.length) return 'no equipment';
  return list.length === 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/**
 * Strength training so far: none at all (`strengthSessionsPerWeek` 0) starts strength work with the
 * easier variants. An unanswered question keeps the usual start, the bottom of the source's range.
 */
export const newToStrength = (answers: Pick<Answers, 'daily'> | undefined): boolean =>
  answers?.daily?.strengthSessionsPerWeek === 0;

/** Plan items made from exercises, shared by the plan builder and the runner's swaps. */
import type { Exercise } from '../knowledge/index.js';
import { formatDose } from './dose.js';
import type { PlanItem } from './index.js';

/** A plan item for an exercise: what it is for, the raised factors it addresses, its dose in words. */
export function exerciseItem(e: Exercise, raised: { has(id: string): boolean }): PlanItem {
  const item: PlanItem = {
    id: e.id,
    type: 'exercise',
    title: e.name,
    detail: e.purpose,
    addresses: e.factors.filter((f) => raised.has(f)),
    sources: e.sources,
    dose: formatDose(e.dose),
  };
  if (e.cautions.length) item.cautions = e.cautions;
  return item;
}

/** Exercises of the strength and mobility programme: not the warm-ups and stretches of the run routines. */
export const isProgrammeExercise = (e: Exercise): boolean =>
  (e.kind === 'strength' || e.kind === 'mobility' || e.kind === 'stretch' || e.kind === 'breathing') &&
  !['before-run', 'after-run'].includes(e.dose.timing);

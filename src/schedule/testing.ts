/**
 * A plan and its week for the schedule's tests (not part of the build): a desk worker's warm-up before
 * runs, then band pull-aparts, plank, cat pose and pigeon pose, on runs every Tuesday, Thursday and
 * Saturday from Monday 3 March 2025.
 */
import { byId } from '../knowledge/index.js';
import { formatDose, type Plan, type PlanItem } from '../plan/index.js';
import { buildSchedule, type Schedule } from './index.js';

/** The Monday the sample week starts. */
export const SAMPLE_WEEK = '2025-03-03';

/** A knowledge-base exercise as a plan item, with its usual dose. */
export function exerciseItem(id: string): PlanItem {
  const e = byId('exercises', id);
  return {
    id,
    type: 'exercise',
    title: e.name,
    detail: e.purpose,
    addresses: [],
    sources: e.sources,
    dose: formatDose(e.dose),
  };
}

/** A knowledge-base routine (a warm-up, a stretch routine) as a plan item. */
export function routineItem(id: string): PlanItem {
  const i = byId('interventions', id);
  return {
    id,
    type: 'intervention',
    title: i.title,
    detail: i.detail,
    addresses: [],
    sources: i.sources,
    exercises: i.exercises,
  };
}

/** The sample plan, with `beforeRun` in place of the warm-up when given. */
export function samplePlan(beforeRun?: PlanItem): Plan {
  const before = beforeRun ?? routineItem('upper-body-warm-up');
  return {
    level: 'self-care',
    mode: 'full',
    sections: [
      { id: 'before-run', title: 'Before you run', items: [before] },
      {
        id: 'strength-mobility',
        title: 'Strength and mobility',
        items: ['band-pull-apart', 'plank', 'cat-pose', 'pigeon-pose'].map(exerciseItem),
      },
    ],
  };
}

/** The sample plan's week. */
export const sampleSchedule = (plan: Plan = samplePlan()): Schedule =>
  buildSchedule(plan, { weekStart: SAMPLE_WEEK, runDays: ['Tue', 'Thu', 'Sat'] });

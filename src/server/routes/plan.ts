/**
 * The runner's changes to their plan: `POST /api/plan/changes` swaps or drops an exercise of the
 * current plan, `DELETE /api/plan/changes` restores them all and `DELETE /api/plan/changes/:exercise`
 * one. Exercises are named by id or by name; each answers with the week as `GET /api/plan` gives it.
 * (The week itself and its calendar file are in analysis.ts.)
 */
import { loadDiary } from '../../services/insights.js';
import {
  changePlan,
  ExerciseName,
  PlanChangeBody,
  type PlanChangeRequest,
  planWeek,
} from '../../services/plan.js';
import type { RouteGroup } from '../context.js';
import { parseWith, readJson } from '../http.js';

/** Registers the plan-change routes. */
export const planRoutes: RouteGroup = (app, ctx) => {
  const apply = async (request: PlanChangeRequest) => {
    const store = await ctx.store.get();
    await changePlan(store, await loadDiary(store), request, ctx.now());
    return planWeek(await loadDiary(store), ctx.now());
  };

  app.post('/api/plan/changes', async (c) => {
    const body = parseWith(PlanChangeBody, await readJson(c));
    return c.json(await apply(body));
  });

  app.delete('/api/plan/changes', async (c) => c.json(await apply({ action: 'restore' })));

  app.delete('/api/plan/changes/:exercise', async (c) =>
    c.json(await apply({ action: 'restore', exercise: parseWith(ExerciseName, c.req.param('exercise')) })),
  );
};

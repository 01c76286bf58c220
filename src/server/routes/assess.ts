/**
 * The check-in: `POST /api/assess` (triage, factors and plan, saved unless `?save=false`, with the
 * changes since the last one) and the saved history, `GET /api/assessments` and `.../latest`.
 */
import { z } from 'zod';
import { Answers } from '../../answers/index.js';
import { notFound } from '../../errors.js';
import { assessmentHistory, latestSaved, saveOrCompare } from '../../services/assess.js';
import type { RouteGroup } from '../context.js';
import { parseWith, readJson } from '../http.js';

const SaveQuery = z.object({ save: z.enum(['true', 'false']).default('true') });

/** Registers the assessment routes. */
export const assessRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/assess', async (c) => {
    const { save } = parseWith(SaveQuery, c.req.query());
    const answers = parseWith(Answers, await readJson(c));
    const { result, changes } = await saveOrCompare(
      await ctx.store.get(),
      answers,
      { save: save === 'true' },
      ctx.now(),
    );
    return c.json(changes ? { ...result, changes } : result);
  });

  app.get('/api/assessments', async (c) => c.json(await assessmentHistory(await ctx.store.get())));

  app.get('/api/assessments/latest', async (c) => {
    const latest = await latestSaved(await ctx.store.get());
    if (!latest) throw notFound('no assessment yet: do a check-in first');
    return c.json(latest);
  });
};

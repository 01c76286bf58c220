/**
 * The check-in: `POST /api/assess` (triage, care routes for `?country=`, factors and plan, saved unless
 * `?save=false`, with the changes since the last one and the saved `id`), the saved history,
 * `GET /api/assessments` and `.../latest`, and `DELETE /api/assessments/:id`, which withdraws an emergency
 * or urgent result answered by mistake (src/services/assess.ts says when it may).
 */
import { z } from 'zod';
import { Answers } from '../../answers/index.js';
import { normalizeCountry } from '../../care/index.js';
import { isBackstrideError } from '../../errors.js';
import { assessmentHistory, latestSaved, saveOrCompare, withdrawAssessment } from '../../services/assess.js';
import type { RouteGroup } from '../context.js';
import { parseWith, readJson } from '../http.js';

/** `?country=AU`: the runner's country for the care routes; empty or absent uses the server's default. */
const country = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return undefined;
    try {
      return normalizeCountry(value);
    } catch (error) {
      if (!isBackstrideError(error)) throw error;
      ctx.addIssue({ code: 'custom', message: `country: ${error.message}` });
      return z.NEVER;
    }
  });

const AssessQuery = z.object({ save: z.enum(['true', 'false']).default('true'), country });

/** Registers the assessment routes. */
export const assessRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/assess', async (c) => {
    const query = parseWith(AssessQuery, c.req.query());
    const answers = parseWith(Answers, await readJson(c));
    const { result, changes, id } = await saveOrCompare(
      await ctx.store.get(),
      answers,
      { save: query.save === 'true', country: query.country ?? ctx.country },
      ctx.now(),
    );
    return c.json({ ...result, ...(changes && { changes }), ...(id && { id }) });
  });

  app.get('/api/assessments', async (c) => c.json(await assessmentHistory(await ctx.store.get())));

  app.get('/api/assessments/latest', async (c) => {
    // No check-in yet is an ordinary state, not an error: 200 with null (a 404 filled the console).
    const latest = await latestSaved(await ctx.store.get());
    return c.json(latest ?? null);
  });

  app.delete('/api/assessments/:id', async (c) => {
    await withdrawAssessment(await ctx.store.get(), c.req.param('id'), ctx.now());
    return c.body(null, 204);
  });
};

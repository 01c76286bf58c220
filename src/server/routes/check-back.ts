/**
 * The check-back of a self-care result: `GET /api/check-back` (the one waiting for an answer, due or
 * not yet, or null) and `POST /api/check-back` with `{ "answer": "easing" | "same" | "worse" }`, which
 * records it and answers with the re-run's result (as `POST /api/assess` does, with `changes` since the
 * answered check-in and `answered`). Validated in full before anything is written.
 */
import { answerCheckBack, CheckBackRequest, dueCheckBack } from '../../services/check-back.js';
import type { RouteGroup } from '../context.js';
import { parseWith, readJson } from '../http.js';

/** Registers the check-back routes. */
export const checkBackRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/check-back', async (c) => {
    return c.json((await dueCheckBack(await ctx.store.get(), ctx.now())) ?? null);
  });

  app.post('/api/check-back', async (c) => {
    const { answer } = parseWith(CheckBackRequest, await readJson(c));
    const { result, changes, answered } = await answerCheckBack(await ctx.store.get(), answer, ctx.now());
    return c.json({ ...result, ...(changes ? { changes } : {}), answered });
  });
};

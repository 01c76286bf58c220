/**
 * The diary: `POST /api/diary/pain`, `/exercise` and `/psfs` log an entry (validated in full before it
 * is written, by the same rules as `backstride log`), and `GET /api/diary` reads it back over a range.
 */

import {
  checkPsfsActivity,
  diaryBetween,
  ExerciseRequest,
  PainRequest,
  PsfsRequest,
  parseAt,
  parseExerciseItems,
} from '../../services/diary.js';
import { addExerciseSession, addPainCheckin, addPsfsRatings } from '../../store/diary.js';
import type { RouteGroup } from '../context.js';
import { parseWith, RangeQuery, readJson } from '../http.js';

/** Registers the diary routes. */
export const diaryRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/diary/pain', async (c) => {
    const body = parseWith(PainRequest, await readJson(c));
    const entry = {
      at: parseAt(body.at, ctx.now().getTime(), 'at'),
      regions: [...new Set(body.regions)],
      score: body.score,
      timing: body.timing,
      ...(body.note ? { note: body.note } : {}),
    };
    const saved = await addPainCheckin((await ctx.store.get()).db, entry);
    return c.json(saved, 201);
  });

  app.post('/api/diary/exercise', async (c) => {
    const body = parseWith(ExerciseRequest, await readJson(c));
    const entry = {
      at: parseAt(body.at, ctx.now().getTime(), 'at'),
      items: parseExerciseItems(body.items),
      ...(body.note ? { note: body.note } : {}),
    };
    const saved = await addExerciseSession((await ctx.store.get()).db, entry);
    return c.json(saved, 201);
  });

  app.post('/api/diary/psfs', async (c) => {
    const body = parseWith(PsfsRequest, await readJson(c));
    const at = parseAt(body.at, ctx.now().getTime(), 'at');
    const ratings = body.ratings.map((r) => ({ activity: checkPsfsActivity(r.activity), score: r.score }));
    const saved = await addPsfsRatings((await ctx.store.get()).db, at, ratings);
    return c.json(saved, 201);
  });

  app.get('/api/diary', async (c) => {
    const range = parseWith(RangeQuery, c.req.query());
    return c.json(await diaryBetween(await ctx.store.get(), range));
  });
};

/**
 * The diary: `POST /api/diary/pain`, `/exercise` and `/psfs` log an entry (validated in full before it
 * is written, by the same rules as `backstride log`), `PATCH` and `DELETE` on `/api/diary/<kind>/:id`
 * correct or remove one by the same rules, and `GET /api/diary` reads it back over a range.
 */

import {
  checkPsfsActivity,
  DIARY_KINDS,
  deleteDiaryEntry,
  diaryBetween,
  ExerciseEditRequest,
  ExerciseRequest,
  editExerciseSession,
  editPainCheckin,
  editPsfsRating,
  logExerciseSession,
  PainEditRequest,
  PainRequest,
  PsfsEditRequest,
  PsfsRequest,
  parseAt,
  parseExerciseItems,
} from '../../services/diary.js';
import { addPainCheckinOnce, addPsfsRatingsOnce } from '../../store/diary.js';
import type { RouteGroup } from '../context.js';
import { parseWith, RangeQuery, readJson } from '../http.js';

/** Registers the diary routes. */
export const diaryRoutes: RouteGroup = (app, ctx) => {
  const at = (value: string | number | undefined) =>
    value === undefined ? undefined : parseAt(value, ctx.now().getTime(), 'at');

  app.post('/api/diary/pain', async (c) => {
    const body = parseWith(PainRequest, await readJson(c));
    const entry = {
      ...(body.id ? { id: body.id } : {}),
      at: parseAt(body.at, ctx.now().getTime(), 'at'),
      regions: [...new Set(body.regions)],
      score: body.score,
      timing: body.timing,
      ...(body.note ? { note: body.note } : {}),
    };
    // With a client id, the same check-in sent again (a retry, an offline queue) answers 200 with the stored one.
    const { checkin, created } = await addPainCheckinOnce((await ctx.store.get()).db, entry);
    return c.json(checkin, created ? 201 : 200);
  });

  // The same session sent again within seconds (a double tap, a retry) answers 200 with the stored one.
  app.post('/api/diary/exercise', async (c) => {
    const body = parseWith(ExerciseRequest, await readJson(c));
    const entry = {
      ...(body.id ? { id: body.id } : {}),
      at: parseAt(body.at, ctx.now().getTime(), 'at'),
      items: parseExerciseItems(body.items),
      ...(body.note ? { note: body.note } : {}),
      ...(body.feeling ? { feeling: body.feeling } : {}),
      ...(body.painDuring !== undefined ? { painDuring: body.painDuring } : {}),
      ...(body.planned !== undefined ? { planned: body.planned } : {}),
    };
    const { session, created } = await logExerciseSession(await ctx.store.get(), entry);
    return c.json(session, created ? 201 : 200);
  });

  app.post('/api/diary/psfs', async (c) => {
    const body = parseWith(PsfsRequest, await readJson(c));
    const at = parseAt(body.at, ctx.now().getTime(), 'at');
    const ratings = body.ratings.map((r) => ({ activity: checkPsfsActivity(r.activity), score: r.score }));
    // With a client id, the same ratings sent again answer 200 with the stored ones.
    const saved = await addPsfsRatingsOnce((await ctx.store.get()).db, at, ratings, body.id);
    return c.json(saved.ratings, saved.created ? 201 : 200);
  });

  app.patch('/api/diary/pain/:id', async (c) => {
    const body = parseWith(PainEditRequest, await readJson(c));
    const changes = {
      at: at(body.at),
      regions: body.regions && [...new Set(body.regions)],
      score: body.score,
      timing: body.timing,
      note: body.note,
    };
    return c.json(await editPainCheckin(await ctx.store.get(), c.req.param('id'), changes));
  });

  app.patch('/api/diary/exercise/:id', async (c) => {
    const body = parseWith(ExerciseEditRequest, await readJson(c));
    const changes = {
      at: at(body.at),
      items: body.items && parseExerciseItems(body.items),
      note: body.note,
      feeling: body.feeling,
      painDuring: body.painDuring,
    };
    return c.json(await editExerciseSession(await ctx.store.get(), c.req.param('id'), changes));
  });

  app.patch('/api/diary/psfs/:id', async (c) => {
    const body = parseWith(PsfsEditRequest, await readJson(c));
    const changes = {
      at: at(body.at),
      activity: body.activity === undefined ? undefined : checkPsfsActivity(body.activity, 'activity'),
      score: body.score,
    };
    return c.json(await editPsfsRating(await ctx.store.get(), c.req.param('id'), changes));
  });

  for (const kind of DIARY_KINDS) {
    app.delete(`/api/diary/${kind}/:id`, async (c) => {
      const id = c.req.param('id');
      await deleteDiaryEntry(await ctx.store.get(), kind, id);
      return c.json({ deleted: true, kind, id });
    });
  }

  app.get('/api/diary', async (c) => {
    const range = parseWith(RangeQuery, c.req.query());
    return c.json(await diaryBetween(await ctx.store.get(), range));
  });
};

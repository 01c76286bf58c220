/**
 * Saved form checks: `POST /api/form-checks` (the measures and findings of a clip the browser analysed,
 * with key frames only if the runner ticked the box), `GET /api/form-checks`, `DELETE /api/form-checks/:id`.
 * The video never comes here: the body is JSON with bounded fields, unknown fields are refused, and a key
 * frame must be a small JPEG or PNG picture, so a clip cannot be smuggled in as one.
 */
import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import { addFormCheck, deleteFormCheck, FormCheckInput, listFormChecks } from '../../store/form-checks.js';
import type { RouteGroup } from '../context.js';
import { parseWith, readJson } from '../http.js';

/** The request body: the stored schema with nothing else beside it (no `video`, no file). */
export const FormCheckRequest = z.strictObject(FormCheckInput.shape);
const Id = z.string().min(1).max(80);

/** The first bytes of a JPEG (FF D8 FF) and a PNG (89 50 4E 47), base64-encoded. */
const MAGIC: Record<'image/jpeg' | 'image/png', string> = {
  'image/jpeg': '/9j/',
  'image/png': 'iVBORw0KGgo',
};

/** Registers the form-check routes. */
export const formRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/form-checks', async (c) => c.json(await listFormChecks((await ctx.store.get()).db)));

  app.post('/api/form-checks', async (c) => {
    const check = parseWith(FormCheckRequest, await readJson(c));
    check.keyFrames.forEach((frame, i) => {
      if (!frame.data.startsWith(MAGIC[frame.mime])) {
        throw badInput(
          `key frame ${i + 1} is not a ${frame.mime === 'image/png' ? 'PNG' : 'JPEG'} picture`,
          'keyFrames',
        );
      }
    });
    return c.json(await addFormCheck((await ctx.store.get()).db, check), 201);
  });

  app.delete('/api/form-checks/:id', async (c) => {
    const id = parseWith(Id, c.req.param('id'));
    if (!(await deleteFormCheck((await ctx.store.get()).db, id)))
      throw notFound(`no form check with id "${id}"`);
    return c.body(null, 204);
  });
};

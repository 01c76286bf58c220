/**
 * Running history: uploads (`POST /api/imports`, run in the background, polled with
 * `GET /api/imports/:id`), the runs (`GET /api/runs`, `GET /api/runs/:id` with chart series and fatigue
 * markers) and the training load (`GET /api/load`).
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import { makeTempFolder } from '../../import/temp.js';
import { runDetail } from '../../services/run-detail.js';
import { listRunSummaries, loadFor, runJson } from '../../services/runs.js';
import type { RouteGroup } from '../context.js';
import { parseWith, RangeQuery } from '../http.js';
import { boundaryOf, PayloadTooLargeError, type SavedFile, saveMultipartFiles } from '../multipart.js';

const Id = z.string().min(1).max(100);

/** Registers the import, run and load routes. */
export const runRoutes: RouteGroup = (app, ctx) => {
  app.post('/api/imports', async (c) => {
    const boundary = boundaryOf(c.req.header('content-type'));
    if (!boundary) throw badInput('send the files as multipart/form-data, in "file" fields', 'file');
    const limit = ctx.limits.uploadBytes;
    // Refuse a declared oversize body before reading a byte of it.
    const declared = Number(c.req.header('content-length'));
    if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
    const body = c.req.raw.body;
    if (!body) throw badInput('no files in the upload: send them in "file" fields', 'file');
    // A private folder (0700, files 0600) in the data folder's `tmp`, named after this process: if the
    // server dies mid-import, the next start finds it and deletes it.
    const dir = makeTempFolder(await ctx.uploadDir(), 'upload');
    ctx.imports.folders.add(dir);
    let files: SavedFile[];
    try {
      files = await saveMultipartFiles(body as unknown as AsyncIterable<Uint8Array>, {
        boundary,
        dir,
        field: 'file',
        maxBytes: limit,
      });
      if (files.length === 0) throw badInput('no files in the upload: send them in "file" fields', 'file');
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      ctx.imports.folders.delete(dir);
      throw error;
    }
    const id = ctx.imports.start(dir, files);
    return c.json({ id }, 202, { Location: `/api/imports/${id}` });
  });

  app.get('/api/imports/:id', (c) => {
    const id = parseWith(Id, c.req.param('id'));
    const job = ctx.imports.get(id);
    if (!job) throw notFound(`no import with id "${id}" (finished imports are kept for a while only)`);
    return c.json(job);
  });

  app.get('/api/runs', async (c) => {
    const range = parseWith(RangeQuery, c.req.query());
    const runs = await listRunSummaries(await ctx.store.get(), range);
    return c.json(runs.map(runJson));
  });

  app.get('/api/runs/:id', async (c) => {
    const id = parseWith(Id, c.req.param('id'));
    return c.json(await runDetail(await ctx.store.get(), id));
  });

  app.get('/api/load', async (c) => {
    const range = parseWith(RangeQuery, c.req.query());
    return c.json(await loadFor(await ctx.store.get(), range, ctx.now()));
  });
};

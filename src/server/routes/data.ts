/**
 * The runner owns the data: `GET /api/export` (everything, JSON or a zip of CSVs), `POST /api/backup`
 * (restore an export exactly) and `DELETE /api/data` (delete everything, after a typed confirmation).
 */
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { badInput, conflict, isBackstrideError } from '../../errors.js';
import { type Backup, checkBackup, exportAll, restoreAll, toCsvTables } from '../../store/backup.js';
import type { RouteGroup } from '../context.js';
import { attachment, parseWith, readJson, today } from '../http.js';

const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
const BackupQuery = z.object({ replace: z.enum(['true', 'false']).default('false') });
const DeleteRequest = z.strictObject({
  confirm: z.literal('DELETE', { error: 'type DELETE to confirm' }),
});

/** Registers the export, restore and delete routes. */
export const dataRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/export', async (c) => {
    const { format } = parseWith(ExportQuery, c.req.query());
    const now = ctx.now();
    const backup = await exportAll(await ctx.store.get(), now);
    const name = `backstride-export-${today(now)}`;
    if (format === 'json') {
      return c.body(JSON.stringify(backup), 200, attachment('application/json', `${name}.json`));
    }
    const files = Object.fromEntries(
      Object.entries(toCsvTables(backup)).map(([table, csv]) => [`${table}.csv`, strToU8(csv)]),
    );
    return c.body(
      zipSync(files) as Uint8Array<ArrayBuffer>,
      200,
      attachment('application/zip', `${name}-csv.zip`),
    );
  });

  app.post('/api/backup', async (c) => {
    const { replace } = parseWith(BackupQuery, c.req.query());
    const json = await readJson(c);
    let backup: Backup;
    try {
      backup = checkBackup(json, 'the body');
    } catch (error) {
      if (isBackstrideError(error))
        throw badInput(error.message, error.field?.startsWith('tables.') ? error.field : 'body');
      throw error;
    }
    if (ctx.imports.busy) throw conflict('an import is running: restore when it has finished');
    const counts = await restoreAll(await ctx.store.get(), backup, { replace: replace === 'true' });
    return c.json(counts);
  });

  app.delete('/api/data', async (c) => {
    parseWith(DeleteRequest, await readJson(c));
    if (ctx.imports.busy) throw conflict('an import is running: delete when it has finished');
    await ctx.store.deleteEverything();
    return c.json({ deleted: true });
  });
};

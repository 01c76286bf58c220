/**
 * The runner's data over HTTP: export (JSON, and CSV as a zip), an exact restore of an export, and
 * delete-everything with its typed confirmation, which leaves a fresh, working store behind.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../store/backup.js';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await h.call('POST', '/api/diary/pain', { score: 3, regions: ['neck'], at: '2026-03-01' });
  await h.call('POST', '/api/diary/exercise', { items: ['superman'], at: '2026-03-01' });
});
afterAll(() => h.close());

describe('export and restore', () => {
  let exported: unknown;

  it('exports everything as a JSON attachment', async () => {
    const r = await h.call('GET', '/api/export?format=json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="backstride-export-[\d-]+\.json"$/,
    );
    expect(r.json).toMatchObject({ format: 'backstride-backup', version: BACKUP_VERSION });
    expect(r.json.tables.pain_checkins).toHaveLength(1);
    exported = r.json;
  });

  it('exports CSV tables as a zip', async () => {
    const res = await h.app.request('http://localhost/api/export?format=csv');
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'assessments.csv',
      'check_backs.csv',
      'exercise_sessions.csv',
      'form_checks.csv',
      'pain_checkins.csv',
      'plan_changes.csv',
      'psfs_ratings.csv',
      'runs.csv',
    ]);
    expect(new TextDecoder().decode(files['pain_checkins.csv'])).toContain('neck');
    expect((await h.call('GET', '/api/export?format=xml')).status).toBe(400);
  });

  it('restores only into an empty store unless asked to replace', async () => {
    const refused = await h.call('POST', '/api/backup', exported);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/already has data/);
    const replaced = await h.call('POST', '/api/backup?replace=true', exported);
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual({
      runs: 0,
      assessments: 0,
      pain_checkins: 1,
      exercise_sessions: 1,
      psfs_ratings: 0,
      check_backs: 0,
      plan_changes: 0,
      form_checks: 0,
    });
    const again = (await h.call('GET', '/api/export')).json;
    expect(again.tables).toEqual((exported as { tables: unknown }).tables);
  });

  it('refuses something that is not a backup, and leaves the data as it was', async () => {
    const r = await h.call('POST', '/api/backup?replace=true', { format: 'something-else' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad-input', field: 'body' });
    expect((await h.call('POST', '/api/backup?replace=yes', exported)).json.error.field).toBe('replace');
    expect((await h.call('GET', '/api/diary')).json.pain).toHaveLength(1);
  });
});

describe('DELETE /api/data', () => {
  it('needs the typed confirmation', async () => {
    for (const body of [{}, { confirm: 'delete' }, { confirm: true }]) {
      const r = await h.call('DELETE', '/api/data', body);
      expect(r.status).toBe(400);
      expect(r.json.error.field).toBe('confirm');
    }
    expect((await h.call('DELETE', '/api/data')).status).toBe(400);
    expect((await h.call('GET', '/api/diary')).json.pain).toHaveLength(1);
  });

  it('deletes everything and keeps working on a fresh store', async () => {
    const r = await h.call('DELETE', '/api/data', { confirm: 'DELETE' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ deleted: true });
    expect((await h.call('GET', '/api/diary')).json).toEqual({ pain: [], exercise: [], psfs: [] });
    expect(existsSync(join(h.dataDir, 'backstride.sqlite'))).toBe(true);
    expect((await h.call('POST', '/api/diary/pain', { score: 1, regions: ['neck'] })).status).toBe(201);
    expect((await h.call('GET', '/api/diary')).json.pain).toHaveLength(1);
  });
});

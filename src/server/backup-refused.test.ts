/**
 * `POST /api/backup` validates every row like live input: a tampered backup is a 400 naming the table,
 * row and field, the data is left exactly as it was, and every page keeps working afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

type Backup = {
  exportedAt?: string;
  tables: Record<'pain_checkins' | 'psfs_ratings', Record<string, unknown>[]>;
};

let h: Harness;
let good: Backup;
const exported = async () => {
  const b = (await h.call('GET', '/api/export')).json as Backup;
  delete b.exportedAt;
  return b;
};

beforeAll(async () => {
  h = await harness();
  await h.call('POST', '/api/diary/pain', { score: 3, regions: ['neck'], at: '2026-03-01' });
  await h.call('POST', '/api/diary/exercise', { items: ['superman'], at: '2026-03-01' });
  await h.call('POST', '/api/diary/psfs', {
    ratings: [{ activity: 'run 5 km', score: 6 }],
    at: '2026-03-01',
  });
  good = (await h.call('GET', '/api/export')).json as Backup;
});
afterAll(() => h.close());

describe('POST /api/backup with a tampered backup', () => {
  const cases: [string, (b: Backup) => void, RegExp, string][] = [
    [
      'a pain score of 99',
      (b) => {
        (b.tables.pain_checkins[0] as Record<string, unknown>).score = 99;
      },
      /^backup refused: pain_checkins row 0 \(id [\w-]+\): score: expected at most 10$/,
      'tables.pain_checkins[0].score',
    ],
    [
      'regions that are not JSON',
      (b) => {
        (b.tables.pain_checkins[0] as Record<string, unknown>).regions = 'neck';
      },
      /^backup refused: pain_checkins row 0 \(id [\w-]+\): regions: expected JSON text$/,
      'tables.pain_checkins[0].regions',
    ],
    [
      'a PSFS score of 50',
      (b) => {
        (b.tables.psfs_ratings[0] as Record<string, unknown>).score = 50;
      },
      /^backup refused: psfs_ratings row 0 \(id [\w-]+\): score: expected at most 10$/,
      'tables.psfs_ratings[0].score',
    ],
  ];

  it.each(cases)('refuses %s with 400 and changes nothing', async (_what, tamper, line, field) => {
    const before = await exported();
    const bad = structuredClone(good);
    tamper(bad);
    const r = await h.call('POST', '/api/backup?replace=true', bad);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad-input', field, message: expect.stringMatching(line) });
    expect(await exported()).toEqual(before);
    for (const path of ['/api/diary', '/api/insights', '/api/progress']) {
      const page = await h.call('GET', path);
      expect(page.status, path).toBeLessThan(500);
    }
  });

  it('still restores the good backup', async () => {
    const r = await h.call('POST', '/api/backup?replace=true', good);
    expect(r.status).toBe(200);
    expect((await exported()).tables).toEqual(good.tables);
  });
});

/**
 * Correcting the diary over HTTP: PATCH changes only the fields sent, by the rules of a new entry (400
 * with the field at fault, nothing written), DELETE removes one entry, an unknown id is a 404 with a
 * sentence, and the same exercise session posted twice in a row is stored once (201, then 200).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const diary = async () => (await h.call('GET', '/api/diary')).json;

async function logPain() {
  const r = await h.call('POST', '/api/diary/pain', {
    score: 4,
    regions: ['lower-back'],
    at: '2026-03-03T07:00:00Z',
    note: 'stiff',
  });
  expect(r.status).toBe(201);
  return r.json as { id: string; at: number };
}

describe('PATCH and DELETE on diary entries', () => {
  it('corrects a pain check-in: only the fields sent change, and a null note is removed', async () => {
    const pain = await logPain();
    const r = await h.call('PATCH', `/api/diary/pain/${pain.id}`, { score: 2, regions: ['neck', 'neck'] });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ...pain, score: 2, regions: ['neck'] });
    const cleared = await h.call('PATCH', `/api/diary/pain/${pain.id}`, {
      note: null,
      timing: 'next-morning',
      at: '2026-03-04',
    });
    expect(cleared.json).toEqual({
      id: pain.id,
      at: Date.parse('2026-03-04T12:00:00Z'),
      regions: ['neck'],
      score: 2,
      timing: 'next-morning',
    });
    expect((await diary()).pain.find((p: { id: string }) => p.id === pain.id)).toEqual(cleared.json);
  });

  it.each([
    ['a score over 10', { score: 11 }, 'score'],
    ['a score as text', { score: '3' }, 'score'],
    ['an unknown region', { regions: ['elbow'] }, 'regions[0]'],
    ['no region', { regions: [] }, 'regions'],
    ['an unknown timing', { timing: 'lunch' }, 'timing'],
    ['a future time', { at: '2999-01-01' }, 'at'],
    ['a note too long', { note: 'x'.repeat(2001) }, 'note'],
    ['an unknown field', { mood: 'grumpy' }, 'mood'],
    ['nothing to change', {}, 'body'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_what, body, field) => {
    const pain = await logPain();
    const before = await diary();
    const r = await h.call('PATCH', `/api/diary/pain/${pain.id}`, body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad-input', field });
    expect(r.json.error.message).not.toMatch(/\n/);
    expect(await diary()).toEqual(before);
  });

  it('corrects an exercise session by the rules of a new one', async () => {
    const s = (await h.call('POST', '/api/diary/exercise', { items: ['plank'], at: '2026-03-02' })).json;
    const r = await h.call('PATCH', `/api/diary/exercise/${s.id}`, {
      items: ['superman', 'plank', 'superman'],
      note: 'felt good',
    });
    expect(r.json).toEqual({ id: s.id, at: s.at, items: ['superman', 'plank'], note: 'felt good' });
    const bad = await h.call('PATCH', `/api/diary/exercise/${s.id}`, { items: ['juggling'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ field: 'items' });
    expect(bad.json.error.message).toMatch(/juggling/);
    expect((await h.call('PATCH', `/api/diary/exercise/${s.id}`, { items: [] })).status).toBe(400);
    expect((await diary()).exercise.find((e: { id: string }) => e.id === s.id)).toEqual(r.json);
  });

  it('corrects one PSFS rating of several logged together', async () => {
    const [a, b] = (
      await h.call('POST', '/api/diary/psfs', {
        ratings: [
          { activity: 'run 10 km', score: 4 },
          { activity: 'sit 2 h', score: 6 },
        ],
        at: '2026-03-01',
      })
    ).json;
    const r = await h.call('PATCH', `/api/diary/psfs/${a.id}`, { activity: '  run 5 km ', score: 7 });
    expect(r.json).toEqual({ ...a, activity: 'run 5 km', score: 7 });
    expect((await h.call('PATCH', `/api/diary/psfs/${a.id}`, { score: 11 })).status).toBe(400);
    const blank = await h.call('PATCH', `/api/diary/psfs/${a.id}`, { activity: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.json.error).toMatchObject({
      field: 'activity',
      message: 'PSFS activity must be 1–200 characters',
    });
    const psfs = (await diary()).psfs;
    expect(psfs).toContainEqual(r.json);
    expect(psfs).toContainEqual(b);
  });

  it('deletes an entry of each kind; an unknown id, or an id of another kind, is a 404', async () => {
    const pain = await logPain();
    const session = (await h.call('POST', '/api/diary/exercise', { items: ['bird-dog'], at: '2026-02-20' }))
      .json;
    const [rating] = (await h.call('POST', '/api/diary/psfs', { ratings: [{ activity: 'lift', score: 3 }] }))
      .json;
    const wrongKind = await h.call('DELETE', `/api/diary/pain/${session.id}`);
    expect(wrongKind.status).toBe(404);
    expect(wrongKind.json.error).toEqual({
      code: 'not-found',
      message: `there is no pain check-in with id ${session.id}`,
    });
    for (const [kind, id] of [
      ['pain', pain.id],
      ['exercise', session.id],
      ['psfs', rating.id],
    ]) {
      const r = await h.call('DELETE', `/api/diary/${kind}/${id}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ deleted: true, kind, id });
      expect((await h.call('DELETE', `/api/diary/${kind}/${id}`)).status).toBe(404);
    }
    const after = await diary();
    const ids = [...after.pain, ...after.exercise, ...after.psfs].map((e: { id: string }) => e.id);
    expect(ids).not.toContain(pain.id);
    expect(ids).not.toContain(session.id);
    expect(ids).not.toContain(rating.id);
    const missing = await h.call('PATCH', '/api/diary/psfs/no-such-id', { score: 3 });
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe('there is no PSFS rating with id no-such-id');
  });

  it('refuses a correction from another site (403) and writes nothing', async () => {
    const pain = await logPain();
    const r = await h.call(
      'PATCH',
      `/api/diary/pain/${pain.id}`,
      { score: 9 },
      { origin: 'https://evil.example' },
    );
    expect(r.status).toBe(403);
    const d = await h.call('DELETE', `/api/diary/pain/${pain.id}`, undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(d.status).toBe(403);
    expect((await diary()).pain.find((p: { id: string }) => p.id === pain.id).score).toBe(4);
  });
});

describe('logging a session twice', () => {
  it('stores the same session posted twice in a row once: 201, then 200 with the same entry', async () => {
    const count = async () => (await diary()).exercise.length;
    const before = await count();
    const [a, b] = await Promise.all([
      h.call('POST', '/api/diary/exercise', { items: ['plank', 'superman'] }),
      h.call('POST', '/api/diary/exercise', { items: ['superman', 'plank'] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json.id).toBe(b.json.id);
    expect(await count()).toBe(before + 1);
    const other = await h.call('POST', '/api/diary/exercise', { items: ['plank'] });
    expect(other.status).toBe(201);
    expect(await count()).toBe(before + 2);
  });
});

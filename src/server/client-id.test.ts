/**
 * Entries sent twice are stored once: a client-made id (as the offline queue sends) makes a pain
 * check-in or an exercise session idempotent, and a guided session's feedback (how it felt, pain during,
 * how many exercises were planned) is stored, read back, corrected and refused when out of range.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const diary = async () => (await h.call('GET', '/api/diary')).json;

describe('a client id', () => {
  it('stores a pain check-in once however often it is sent, even without a time', async () => {
    const id = randomUUID();
    const body = { id, score: 3, regions: ['between-shoulder-blades', 'neck'], timing: 'during' };
    const first = await h.call('POST', '/api/diary/pain', body);
    expect(first.status).toBe(201);
    expect(first.json.id).toBe(id);
    // The queue sends again (the first answer was lost): the stored one comes back, nothing is added.
    const again = await h.call('POST', '/api/diary/pain', {
      ...body,
      regions: ['neck', 'between-shoulder-blades'],
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await diary()).pain.filter((p: { id: string }) => p.id === id)).toHaveLength(1);
  });

  it('refuses the same id with different content, and keeps the first', async () => {
    const id = randomUUID();
    await h.call('POST', '/api/diary/pain', { id, score: 2, regions: ['neck'] });
    const other = await h.call('POST', '/api/diary/pain', { id, score: 6, regions: ['neck'] });
    expect(other.status).toBe(409);
    expect(other.json.error.message).toBe('a different pain check-in was already stored with this id');
    expect((await diary()).pain.find((p: { id: string }) => p.id === id).score).toBe(2);
  });

  it('refuses an id that is not a UUID, naming the field', async () => {
    const before = (await diary()).pain.length;
    const r = await h.call('POST', '/api/diary/pain', { id: 'x; drop table', score: 2, regions: ['neck'] });
    expect(r.status).toBe(400);
    expect(r.json.error.field).toBe('id');
    expect((await diary()).pain).toHaveLength(before);
  });

  it('stores activity ratings once, each under its own id, and refuses different ones under the same id', async () => {
    const id = randomUUID();
    const body = {
      id,
      ratings: [
        { activity: 'Run 10 km', score: 4 },
        { activity: 'Carry the shopping', score: 7 },
      ],
    };
    const first = await h.call('POST', '/api/diary/psfs', body);
    expect(first.status).toBe(201);
    expect(first.json.map((r: { id: string }) => r.id)).toEqual([id, `${id}.2`]);
    const again = await h.call('POST', '/api/diary/psfs', body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const other = await h.call('POST', '/api/diary/psfs', {
      id,
      ratings: [{ activity: 'Run 10 km', score: 6 }],
    });
    expect(other.status).toBe(409);
    const stored = (await diary()).psfs.filter((r: { id: string }) => r.id.startsWith(id));
    expect(stored).toHaveLength(2);
  });

  it('stores one exercise session from ten sends at once', async () => {
    const id = randomUUID();
    const body = { id, items: ['plank', 'superman'], feeling: 'about-right', painDuring: 2, planned: 2 };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.call('POST', '/api/diary/exercise', body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect((await diary()).exercise.filter((e: { id: string }) => e.id === id)).toHaveLength(1);
  });
});

describe('a guided session’s feedback', () => {
  it('is stored with the session, read back, and corrected', async () => {
    const r = await h.call('POST', '/api/diary/exercise', {
      items: ['bird-dog'],
      feeling: 'hard',
      painDuring: 5,
      planned: 4,
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ items: ['bird-dog'], feeling: 'hard', painDuring: 5, planned: 4 });
    const stored = (await diary()).exercise.find((e: { id: string }) => e.id === r.json.id);
    expect(stored).toMatchObject({ feeling: 'hard', painDuring: 5, planned: 4 });

    const edit = await h.call('PATCH', `/api/diary/exercise/${r.json.id}`, {
      feeling: 'easy',
      painDuring: null,
    });
    expect(edit.status).toBe(200);
    expect(edit.json.feeling).toBe('easy');
    expect(edit.json.painDuring).toBeUndefined();
  });

  it.each([
    ['a feeling that is not one of the three', { feeling: 'fine' }, 'feeling'],
    ['pain during of 11', { painDuring: 11 }, 'painDuring'],
    ['pain during as text', { painDuring: '3' }, 'painDuring'],
    ['no exercises planned', { planned: 0 }, 'planned'],
  ])('refuses %s and stores nothing', async (_what, extra, field) => {
    const before = (await diary()).exercise.length;
    const r = await h.call('POST', '/api/diary/exercise', { items: ['plank'], ...extra });
    expect(r.status).toBe(400);
    expect(r.json.error.field).toBe(field);
    expect((await diary()).exercise).toHaveLength(before);
  });
});

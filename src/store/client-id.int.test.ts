/**
 * A client-made id on each real engine: the same pain check-in or exercise session sent many times at
 * once is stored once, and a guided session's feedback survives the round trip.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addExerciseSessionOnce,
  addPainCheckinOnce,
  listExerciseSessions,
  listPainCheckins,
} from './diary.js';
import type { Store } from './index.js';
import { engines } from './test-engines.js';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe.each(engines)('client ids on %s', (_name, open) => {
  it('stores a check-in sent eight times at once once', async () => {
    const store = await open();
    opened.push(store);
    const id = randomUUID();
    const entry = {
      id,
      at: Date.parse('2026-05-01T08:00:00Z'),
      regions: ['neck'],
      score: 4,
      timing: 'during' as const,
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => addPainCheckinOnce(store.db, entry)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.checkin.id))).toEqual(new Set([id]));
    expect(await listPainCheckins(store.db)).toHaveLength(1);
  });

  it('stores a guided session sent eight times at once once, with its feedback', async () => {
    const store = await open();
    opened.push(store);
    const id = randomUUID();
    const session = {
      id,
      at: Date.parse('2026-05-01T18:00:00Z'),
      items: ['plank', 'bird-dog'],
      feeling: 'hard' as const,
      painDuring: 4,
      planned: 3,
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => addExerciseSessionOnce(store.db, session, 10_000)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await listExerciseSessions(store.db);
    expect(stored).toEqual([{ ...session }]);
  });
});

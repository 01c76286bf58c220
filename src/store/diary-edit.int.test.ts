/**
 * Correcting and deleting diary entries on each real engine: only the changed fields change, a pain
 * check-in's run link follows a new time or timing and stays otherwise, an unknown id changes nothing,
 * short ids resolve only when one entry has them, and the same exercise session logged twice at once is
 * stored once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRun } from '../activities/synthetic/track.js';
import {
  deleteDiaryEntry as deleteEntry,
  editExerciseSession,
  editPainCheckin,
  editPsfsRating,
  logExerciseSession,
  resolveDiaryId,
} from '../services/diary.js';
import {
  addExerciseSession,
  addPainCheckin,
  addPsfsRatings,
  deleteDiaryEntry,
  diaryIdsStartingWith,
  listExerciseSessions,
  listPainCheckins,
  listPsfsRatings,
  updateExerciseSession,
  updatePainCheckin,
  updatePsfsRating,
} from './diary.js';
import type { Store } from './index.js';
import { insertRuns } from './runs.js';
import { encodeSamples } from './samples-codec.js';
import { engines } from './test-engines.js';

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

const t = (iso: string) => Date.parse(iso);

/** One stored run starting at `iso`; its id. */
async function storeRun(store: Store, iso: string): Promise<string> {
  const start = t(iso);
  const samples = syntheticRun({ start, durationS: 600, seed: 7 });
  await insertRuns(store.db, [
    {
      start_time: start,
      sport: 'running',
      sport_label: null,
      name: 'Easy run',
      source: `${iso}.fit`,
      source_format: 'fit',
      device: null,
      distance_m: 8000,
      elapsed_s: 2700,
      moving_s: 2650,
      pace_s_per_km: 331,
      elevation_gain_m: 20,
      avg_hr: 140,
      max_hr: 160,
      avg_cadence_spm: 168,
      max_cadence_spm: 176,
      cadence_change_spm: null,
      pace_change_pct: null,
      decoupling_pct: null,
      sample_count: samples.t.length,
      samples: encodeSamples(samples),
      samples_distance_m: null,
      truncated: 0,
      import_notes: null,
    },
  ]);
  const row = await store.db
    .selectFrom('runs')
    .select('id')
    .where('start_time', '=', start)
    .executeTakeFirst();
  return row?.id as string;
}

describe.each(engines)('diary corrections on %s', (_name, open) => {
  const fresh = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };

  it('corrects a pain check-in field by field, and removes its note', async () => {
    const s = await fresh();
    const c = await addPainCheckin(s.db, {
      at: t('2026-03-03T07:00:00Z'),
      regions: ['lower-back'],
      score: 4,
      timing: 'other',
      note: 'stiff',
    });
    const other = await addPainCheckin(s.db, { at: c.at + 1, regions: ['neck'], score: 1, timing: 'other' });
    expect(await updatePainCheckin(s.db, c.id, { score: 2 })).toEqual({ ...c, score: 2 });
    const changed = await updatePainCheckin(s.db, c.id, { regions: ['neck', 'hip'], note: null });
    expect(changed).toEqual({ id: c.id, at: c.at, regions: ['neck', 'hip'], score: 2, timing: 'other' });
    expect(await listPainCheckins(s.db)).toEqual([changed, other]);
  });

  it('links a corrected check-in again when its time or timing changes, and keeps the link otherwise', async () => {
    const s = await fresh();
    const run = await storeRun(s, '2026-03-07T08:00:00Z');
    const c = await addPainCheckin(s.db, {
      at: t('2026-03-01T09:00:00Z'),
      regions: ['neck'],
      score: 3,
      timing: 'right-after',
    });
    expect(c.runId).toBeUndefined();
    const moved = await updatePainCheckin(s.db, c.id, { at: t('2026-03-07T09:00:00Z') });
    expect(moved?.runId).toBe(run);
    expect((await updatePainCheckin(s.db, c.id, { score: 6, note: 'sharper' }))?.runId).toBe(run);
    // "Other" is about no run in particular.
    expect((await updatePainCheckin(s.db, c.id, { timing: 'other' }))?.runId).toBeUndefined();
    expect((await listPainCheckins(s.db))[0]?.runId).toBeUndefined();
  });

  it('corrects an exercise session and a PSFS rating, leaving the others alone', async () => {
    const s = await fresh();
    const a = await addExerciseSession(s.db, {
      at: t('2026-03-02T12:00:00Z'),
      items: ['plank'],
      note: 'easy',
    });
    const b = await addExerciseSession(s.db, { at: t('2026-03-04T12:00:00Z'), items: ['superman'] });
    const edited = await updateExerciseSession(s.db, a.id, { items: ['plank', 'bird-dog'], note: '' });
    expect(edited).toEqual({ id: a.id, at: a.at, items: ['plank', 'bird-dog'] });
    expect(await listExerciseSessions(s.db)).toEqual([edited, b]);

    const [r1, r2] = await addPsfsRatings(s.db, t('2026-03-01T12:00:00Z'), [
      { activity: 'run 10 km', score: 4 },
      { activity: 'sit 2 h', score: 6 },
    ]);
    const later = t('2026-03-05T12:00:00Z');
    expect(await updatePsfsRating(s.db, r1?.id as string, { score: 5, at: later })).toEqual({
      ...r1,
      score: 5,
      at: later,
    });
    expect((await listPsfsRatings(s.db)).map((r) => [r.activity, r.score])).toEqual([
      ['sit 2 h', 6],
      ['run 10 km', 5],
    ]);
    expect(await listPsfsRatings(s.db)).toContainEqual(r2);
  });

  it('deletes one entry of each kind, and reports an unknown id without changing anything', async () => {
    const s = await fresh();
    const pain = await addPainCheckin(s.db, {
      at: t('2026-03-03T07:00:00Z'),
      regions: ['neck'],
      score: 2,
      timing: 'other',
    });
    const session = await addExerciseSession(s.db, { at: t('2026-03-02T12:00:00Z'), items: ['plank'] });
    const [rating] = await addPsfsRatings(s.db, t('2026-03-01T12:00:00Z'), [{ activity: 'run', score: 4 }]);
    // An id of another kind is not this kind's.
    expect(await deleteDiaryEntry(s.db, 'pain', session.id)).toBe(false);
    expect(await updatePainCheckin(s.db, 'no-such-id', { score: 1 })).toBeUndefined();
    expect(await updateExerciseSession(s.db, pain.id, { items: ['superman'] })).toBeUndefined();
    expect(await updatePsfsRating(s.db, 'no-such-id', { score: 1 })).toBeUndefined();
    expect(await listPainCheckins(s.db)).toEqual([pain]);
    expect(await listExerciseSessions(s.db)).toEqual([session]);

    expect(await deleteDiaryEntry(s.db, 'pain', pain.id)).toBe(true);
    expect(await deleteDiaryEntry(s.db, 'pain', pain.id)).toBe(false);
    expect(await deleteDiaryEntry(s.db, 'exercise', session.id)).toBe(true);
    expect(await deleteDiaryEntry(s.db, 'psfs', rating?.id as string)).toBe(true);
    expect(await listPainCheckins(s.db)).toEqual([]);
    expect(await listExerciseSessions(s.db)).toEqual([]);
    expect(await listPsfsRatings(s.db)).toEqual([]);
  });

  it('answers an unknown id or an empty correction with the error type, writing nothing', async () => {
    const s = await fresh();
    const pain = await addPainCheckin(s.db, {
      at: t('2026-03-03T07:00:00Z'),
      regions: ['neck'],
      score: 2,
      timing: 'other',
    });
    await expect(editPainCheckin(s, 'nope', { score: 3 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'there is no pain check-in with id nope',
    });
    await expect(editExerciseSession(s, pain.id, { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(editPsfsRating(s, pain.id, { score: 3 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(deleteEntry(s, 'psfs', pain.id)).rejects.toMatchObject({
      code: 'not-found',
      message: `there is no PSFS rating with id ${pain.id}`,
    });
    await expect(editPainCheckin(s, pain.id, { score: undefined })).rejects.toMatchObject({
      code: 'bad-input',
      message: 'nothing to change: give score, regions, timing, at or note',
    });
    expect(await listPainCheckins(s.db)).toEqual([pain]);
  });

  it('finds an entry by the start of its id, only when one entry of that kind has it', async () => {
    const s = await fresh();
    for (const id of ['abcd1111', 'abcd2222', 'a%cd3333', 'a_cd4444'])
      await s.db.insertInto('psfs_ratings').values({ id, at: 1, activity: 'run', score: 3 }).execute();
    expect(await diaryIdsStartingWith(s.db, 'psfs', 'abcd')).toEqual(['abcd1111', 'abcd2222']);
    // No wildcards: % and _ are characters of an id like any other.
    expect(await diaryIdsStartingWith(s.db, 'psfs', 'a%')).toEqual(['a%cd3333']);
    expect(await diaryIdsStartingWith(s.db, 'psfs', 'a_cd')).toEqual(['a_cd4444']);
    expect(await diaryIdsStartingWith(s.db, 'pain', 'abcd')).toEqual([]);
    expect(await resolveDiaryId(s, 'psfs', 'abcd2')).toBe('abcd2222');
    expect(await resolveDiaryId(s, 'psfs', 'abcd1111')).toBe('abcd1111');
    await expect(resolveDiaryId(s, 'psfs', 'abcd')).rejects.toMatchObject({ code: 'bad-input' });
    await expect(resolveDiaryId(s, 'psfs', 'abc')).rejects.toMatchObject({ code: 'bad-input' });
    await expect(resolveDiaryId(s, 'pain', 'abcd1111')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores the same exercise session sent twice at once, or again within seconds, once', async () => {
    const s = await fresh();
    const at = t('2026-03-02T12:00:00Z');
    const [a, b] = await Promise.all([
      logExerciseSession(s, { at, items: ['plank', 'bird-dog'] }),
      logExerciseSession(s, { at: at + 300, items: ['bird-dog', 'plank'] }),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.session.id).toBe(b.session.id);
    const again = await logExerciseSession(s, { at: at + 9_000, items: ['plank', 'bird-dog'] });
    expect(again).toEqual({ session: a.session, created: false });
    // Later, other items, or a note: another session.
    expect((await logExerciseSession(s, { at: at + 60_000, items: ['plank', 'bird-dog'] })).created).toBe(
      true,
    );
    expect((await logExerciseSession(s, { at, items: ['plank'] })).created).toBe(true);
    expect(
      (await logExerciseSession(s, { at, items: ['plank', 'bird-dog'], note: 'round two' })).created,
    ).toBe(true);
    expect(await listExerciseSessions(s.db)).toHaveLength(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRun } from '../activities/synthetic/track.js';
import { Answers } from '../answers/index.js';
import { sampleCheckIn } from '../answers/sample.js';
import { saveOrCompare } from '../services/assess.js';
import { answerCheckBack } from '../services/check-back.js';
import { type Backup, checkBackup, exportAll, restoreAll } from './backup.js';
import { constraintRefusal } from './backup-rows.js';
import { addExerciseSession, addPainCheckin, addPsfsRatings } from './diary.js';
import type { Store } from './index.js';
import { insertRuns } from './runs.js';
import { encodeSamples } from './samples-codec.js';
import { engines } from './test-engines.js';

const at = (d: number, h = 10) => new Date(2026, 2, d, h, 0); // March 2026, local time
const EXPORTED_AT = at(20);

/** A lower-back ache with no timing given, no other sections. */
const answers = (): Answers =>
  Answers.parse(
    sampleCheckIn(at(2), {
      pain: { regions: ['lower-back'], timing: undefined },
      running: undefined,
      daily: undefined,
    }),
  );

/** A store with a bit of everything: a run with samples, a linked check-in, a session, PSFS, a check-back. */
async function populate(store: Store): Promise<void> {
  const start = at(1, 8).getTime();
  const samples = syntheticRun({ start, durationS: 600, seed: 7 });
  await insertRuns(store.db, [
    {
      start_time: start,
      sport: 'running',
      sport_label: null,
      name: 'Easy run',
      source: 'run.fit',
      source_format: 'fit',
      device: 'garmin',
      distance_m: 2000,
      elapsed_s: 600,
      moving_s: 590,
      pace_s_per_km: 300,
      elevation_gain_m: 10,
      avg_hr: 145,
      max_hr: 170,
      avg_cadence_spm: 170,
      max_cadence_spm: 180,
      cadence_change_spm: -2,
      pace_change_pct: 3,
      decoupling_pct: 4,
      sample_count: samples.t.length,
      samples: encodeSamples(samples),
      samples_distance_m: null,
      truncated: 0,
      import_notes: null,
    },
  ]);
  await addPainCheckin(store.db, {
    at: at(1, 9).getTime(),
    regions: ['lower-back'],
    score: 3,
    timing: 'right-after',
    note: 'stiff',
  });
  await addExerciseSession(store.db, { at: at(1, 18).getTime(), items: ['plank'] });
  await addPsfsRatings(store.db, at(1, 19).getTime(), [{ activity: 'run 5 km', score: 6 }]);
  await saveOrCompare(store, answers(), { save: true }, at(2));
  await answerCheckBack(store, 'same', at(5));
}

type Rows = Record<string, string | number | null>[];
const clone = (b: Backup) => JSON.parse(JSON.stringify(b)) as Backup & { tables: Record<string, Rows> };
const first = (b: Backup, table: keyof Backup['tables']) => b.tables[table][0] as Rows[number];

/** One tampered backup per case, and the line it must be refused with. */
const cases: [string, (b: Backup) => void, RegExp][] = [
  [
    'a pain score of 99',
    (b) => {
      first(b, 'pain_checkins').score = 99;
    },
    /^backup refused: pain_checkins row 0 \(id [\w-]+\): score: expected at most 10$/,
  ],
  [
    'a PSFS score of 50',
    (b) => {
      first(b, 'psfs_ratings').score = 50;
    },
    /^backup refused: psfs_ratings row 0 \(id [\w-]+\): score: expected at most 10$/,
  ],
  [
    'timing "soon"',
    (b) => {
      first(b, 'pain_checkins').timing = 'soon';
    },
    /^backup refused: pain_checkins row 0 \(id [\w-]+\): timing: expected one of "before"/,
  ],
  [
    'regions that are not JSON',
    (b) => {
      first(b, 'pain_checkins').regions = '[lower-back';
    },
    /^backup refused: pain_checkins row 0 \(id [\w-]+\): regions: expected JSON text$/,
  ],
  [
    'an unknown region',
    (b) => {
      first(b, 'pain_checkins').regions = '["left-elbow"]';
    },
    /^backup refused: pain_checkins row 0 \(id [\w-]+\): regions\[0\]: expected one of /,
  ],
  [
    'a note over the limit',
    (b) => {
      first(b, 'pain_checkins').note = 'x'.repeat(2001);
    },
    /pain_checkins row 0 \(id [\w-]+\): note: expected at most 2000 characters$/,
  ],
  [
    'a check-in pointing at a run not in the backup',
    (b) => {
      first(b, 'pain_checkins').run_id = 'no-such-run';
    },
    /pain_checkins row 0 \(id [\w-]+\): run_id: no runs row has id no-such-run/,
  ],
  [
    'items that are not JSON',
    (b) => {
      first(b, 'exercise_sessions').items = 'plank';
    },
    /exercise_sessions row 0 \(id [\w-]+\): items: expected JSON text$/,
  ],
  [
    'an unknown exercise',
    (b) => {
      first(b, 'exercise_sessions').items = '["plank","moonwalk"]';
    },
    /exercise_sessions row 0 \(id [\w-]+\): items\[1\]: unknown exercise or routine "moonwalk"$/,
  ],
  [
    'a result that is not JSON',
    (b) => {
      first(b, 'assessments').result = '{"triage":';
    },
    /^backup refused: assessments row 0 \(id [\w-]+\): result: expected JSON text$/,
  ],
  [
    'a result without a triage level',
    (b) => {
      first(b, 'assessments').result = '{"factors":[]}';
    },
    /assessments row 0 \(id [\w-]+\): result\.triage: expected object$/,
  ],
  [
    'answers that do not parse',
    (b) => {
      const a = first(b, 'assessments');
      a.answers = JSON.stringify({ ...JSON.parse(a.answers as string), pain: { worst: 99 } });
    },
    /assessments row 0 \(id [\w-]+\): answers: pain\.worst: /,
  ],
  [
    'a check-back answer outside the set',
    (b) => {
      first(b, 'check_backs').answer = 'fine';
    },
    /check_backs row 0 \(id [\w-]+\): answer: expected one of "easing", "same", "worse"$/,
  ],
  [
    'a check-back due on no day',
    (b) => {
      first(b, 'check_backs').due_on = '2026-02-30';
    },
    /check_backs row 0 \(id [\w-]+\): due_on: expected a date/,
  ],
  [
    'a check-back for an assessment not in the backup',
    (b) => {
      first(b, 'check_backs').result_assessment_id = 'gone';
    },
    /check_backs row 0 \(id [\w-]+\): result_assessment_id: no assessments row has id gone/,
  ],
  [
    'garbage samples',
    (b) => {
      first(b, 'runs').samples = Buffer.from('not deflated samples at all').toString('base64');
    },
    /^backup refused: runs row 0 \(id [\w-]+\): samples: the samples codec cannot decode them/,
  ],
  [
    'samples that are not base64',
    (b) => {
      first(b, 'runs').samples = '%%% not base64 %%%';
    },
    /runs row 0 \(id [\w-]+\): samples: expected base64 text$/,
  ],
  [
    'a distance of -1e9',
    (b) => {
      first(b, 'runs').distance_m = -1e9;
    },
    /^backup refused: runs row 0 \(id [\w-]+\): distance_m: expected at least 0$/,
  ],
  [
    'a start time that is no time',
    (b) => {
      first(b, 'runs').start_time = 1e20;
    },
    /runs row 0 \(id [\w-]+\): start_time: expected at most /,
  ],
  [
    'a duplicate id',
    (b) => {
      b.tables.psfs_ratings.push({ ...first(b, 'psfs_ratings'), activity: 'hop' });
    },
    /^backup refused: psfs_ratings row 1 \(id [\w-]+\): id: duplicate of row 0/,
  ],
];

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe.each(engines)('restoring a backup on %s', (_name, open) => {
  const openTracked = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  let good: Backup;
  let target: Store;
  let before: Backup;

  beforeAll(async () => {
    const source = await openTracked();
    await populate(source);
    good = await exportAll(source, EXPORTED_AT);
    expect(good.tables.runs).toHaveLength(1);
    expect(good.tables.check_backs).toHaveLength(1);
    expect(first(good, 'pain_checkins').run_id).toBe(first(good, 'runs').id);
    target = await openTracked();
    await restoreAll(target, checkBackup(clone(good), 'good.json'), { replace: false });
    before = await exportAll(target, EXPORTED_AT);
  });

  it('restores a good backup exactly', () => {
    expect(before).toEqual(good);
  });

  it.each(cases)(
    'refuses %s, naming table, row and field, and changes nothing',
    async (_what, tamper, line) => {
      const bad = clone(good);
      tamper(bad);
      // As the command line and the API do: checked before the store is touched.
      expect(() => checkBackup(clone(bad), 'bad.json')).toThrow(line);
      // And restoreAll itself refuses it, over data or into an empty store.
      await expect(restoreAll(target, bad, { replace: true })).rejects.toMatchObject({
        code: 'bad-input',
        message: expect.stringMatching(line),
        field: expect.stringMatching(/^tables\.\w+\[\d+\]\./),
      });
      expect(await exportAll(target, EXPORTED_AT)).toEqual(before);
      const empty = await openTracked();
      await expect(restoreAll(empty, bad, { replace: false })).rejects.toMatchObject({ code: 'bad-input' });
      const nothing = await exportAll(empty, EXPORTED_AT);
      expect(Object.values(nothing.tables).every((rows) => rows.length === 0)).toBe(true);
    },
  );

  it('restores an old version-1 backup (no check_backs)', async () => {
    const { check_backs: _none, ...oldTables } = clone(good).tables;
    const old = checkBackup({ ...clone(good), version: 1, tables: oldTables }, 'old.json');
    const store = await openTracked();
    const counts = await restoreAll(store, old, { replace: false });
    expect(counts).toMatchObject({ runs: 1, assessments: 2, check_backs: 0 });
    const again = await exportAll(store, EXPORTED_AT);
    expect(again.tables).toEqual({ ...good.tables, check_backs: [] });
  });

  it('restores a version-2 backup (runs without the fidelity columns) with their defaults', async () => {
    const old = clone(good);
    old.tables.runs = old.tables.runs.map(
      ({ samples_distance_m: _a, truncated: _b, import_notes: _c, ...row }) => row,
    );
    const checked = checkBackup({ ...old, version: 2 }, 'v2.json');
    const store = await openTracked();
    expect(await restoreAll(store, checked, { replace: false })).toMatchObject({ runs: 1 });
    const [run] = (await exportAll(store, EXPORTED_AT)).tables.runs;
    expect(run).toMatchObject({ samples_distance_m: null, truncated: 0, import_notes: null });
  });

  it('refuses a run whose truncated flag or import notes are not what the import writes', () => {
    const flag = clone(good);
    (first(flag, 'runs') as Record<string, unknown>).truncated = 7;
    expect(() => checkBackup(flag, 'bad.json')).toThrow(/runs.*truncated/);
    const notes = clone(good);
    (first(notes, 'runs') as Record<string, unknown>).import_notes = 'not json';
    expect(() => checkBackup(notes, 'bad.json')).toThrow(/runs.*import_notes/);
  });

  it('names the field when the database refuses a row (a duplicate id)', async () => {
    const row = first(good, 'psfs_ratings');
    const error = await target.db
      .insertInto('psfs_ratings')
      .values(row as never)
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect(constraintRefusal('psfs_ratings', 0, row.id, error)).toMatchObject({
      code: 'bad-input',
      message: expect.stringMatching(/^backup refused: psfs_ratings row 0 \(id [\w-]+\): id: /),
    });
    expect(constraintRefusal('psfs_ratings', 0, row.id, new Error('disk on fire'))).toBeUndefined();
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { Answers } from '../answers/index.js';
import { sampleCheckIn } from '../answers/sample.js';
import { saveOrCompare } from '../services/assess.js';
import { answerCheckBack, dueCheckBack } from '../services/check-back.js';
import { BACKUP_VERSION, checkBackup, deleteAllRows, exportAll, restoreAll } from './backup.js';
import { addCheckBack, listCheckBacks } from './check-backs.js';
import { listAssessments } from './diary.js';
import type { Store } from './index.js';
import { engines } from './test-engines.js';

const at = (d: number, h = 10) => new Date(2026, 2, d, h, 0); // March 2026, local time

/** A lower-back ache with no timing given, no other sections. */
const answers = (): Answers =>
  Answers.parse(
    sampleCheckIn(at(2), {
      pain: { regions: ['lower-back'], timing: undefined },
      running: undefined,
      daily: undefined,
    }),
  );

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe.each(engines)('check-backs on %s', (_name, open) => {
  const openTracked = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  /** A store with one self-care check-in whose check-back was answered "same" (a new self-care result). */
  const answered = async () => {
    const store = await openTracked();
    await saveOrCompare(store, answers(), { save: true }, at(2));
    const out = await answerCheckBack(store, 'same', at(5));
    expect(out.result.triage.level).toBe('self-care');
    return store;
  };

  it('links an answer to the assessment it answers and the one it produced, once', async () => {
    const store = await answered();
    const [first, second] = await listAssessments(store.db);
    const rows = await listCheckBacks(store.db);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        assessmentId: first?.id,
        dueOn: '2026-03-05',
        answeredAt: at(5).getTime(),
        answer: 'same',
        resultAssessmentId: second?.id,
      },
    ]);
    // The database itself refuses a second answer to the same check-back, and an answer it does not know.
    const again = { ...(rows[0] as (typeof rows)[0]) };
    await expect(addCheckBack(store.db, again)).rejects.toThrow();
    await expect(
      addCheckBack(store.db, { ...again, assessmentId: second?.id ?? '', answer: 'fine' as 'same' }),
    ).rejects.toThrow();
    expect(await listCheckBacks(store.db)).toHaveLength(1);
  });

  it('takes one of two answers sent at once; the other is a conflict and writes nothing', async () => {
    const store = await openTracked();
    await saveOrCompare(store, answers(), { save: true }, at(2));
    const outcomes = await Promise.allSettled([
      answerCheckBack(store, 'worse', at(5)),
      answerCheckBack(store, 'easing', at(5)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected');
    expect(failed?.reason).toMatchObject({ code: 'conflict' });
    expect(await listAssessments(store.db)).toHaveLength(2);
    expect(await listCheckBacks(store.db)).toHaveLength(1);
  });

  it('exports, restores exactly and deletes check-backs with everything else', async () => {
    const store = await answered();
    const backup = await exportAll(store, at(6));
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.tables.check_backs).toHaveLength(1);
    expect(backup.tables.check_backs[0]).toMatchObject({ answer: 'same', due_on: '2026-03-05' });

    const copy = await openTracked();
    const counts = await restoreAll(copy, checkBackup(JSON.parse(JSON.stringify(backup)), 'backup'), {
      replace: false,
    });
    expect(counts).toMatchObject({ assessments: 2, check_backs: 1 });
    const again = await exportAll(copy, at(6));
    expect(again).toEqual(backup);
    // The restored store knows the first check-back was answered and the second is pending.
    expect(await dueCheckBack(copy, at(6))).toMatchObject({ on: '2026-03-08', due: false });

    // Restoring over data replaces it, check-backs included, all or nothing.
    const broken = structuredClone(backup);
    (broken.tables.check_backs[0] as Record<string, unknown>).assessment_id = 'no-such-assessment';
    await expect(restoreAll(copy, broken, { replace: true })).rejects.toThrow();
    expect(await listCheckBacks(copy.db)).toHaveLength(1);
    await restoreAll(copy, backup, { replace: true });
    expect(await listCheckBacks(copy.db)).toHaveLength(1);

    await deleteAllRows(copy);
    expect(await listCheckBacks(copy.db)).toEqual([]);
    expect(await listAssessments(copy.db)).toEqual([]);
  });

  it('restores an old (version 1) backup without check-backs', async () => {
    const source = await openTracked();
    await saveOrCompare(source, answers(), { save: true }, at(2));
    const current = await exportAll(source, at(3));
    const { check_backs: _none, ...oldTables } = current.tables;
    const old = JSON.parse(JSON.stringify({ ...current, version: 1, tables: oldTables }));

    const store = await openTracked();
    const counts = await restoreAll(store, checkBackup(old, 'old.json'), { replace: false });
    expect(counts).toMatchObject({ assessments: 1, check_backs: 0 });
    // Its self-care check-in's check-back is pending, and can be answered.
    expect(await dueCheckBack(store, at(6))).toMatchObject({ on: '2026-03-05', due: true });
    const out = await answerCheckBack(store, 'worse', at(6));
    expect(out.result.triage.level).toBe('clinician');
    expect(await listCheckBacks(store.db)).toHaveLength(1);
  });
});

/**
 * Answering the check-back re-runs the check-in through the same triage, on the real embedded store: a
 * "worse" on day 3 or later escalates to a clinician, "easing" stays self-care with a later check-back,
 * the days since the pain began move on, and a bad or second answer writes nothing. Times are local
 * wall-clock times, so the tests hold in any time zone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Answers } from '../answers/index.js';
import { sampleCheckIn } from '../answers/sample.js';
import { listCheckBacks } from '../store/check-backs.js';
import { listAssessments } from '../store/diary.js';
import { openStore, type Store } from '../store/index.js';
import { saveOrCompare } from './assess.js';
import { answerCheckBack, dueCheckBack } from './check-back.js';

const at = (d: number, h = 10) => new Date(2026, 2, d, h, 0); // March 2026, local time

function answers(pain: Record<string, unknown> = {}, date = at(2)): Answers {
  return Answers.parse(sampleCheckIn(date, { pain, daily: undefined }));
}

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh store holding one saved check-in. */
async function storeWith(a: Answers): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-check-back-'));
  dirs.push(dataDir);
  const store = await openStore({ dataDir });
  stores.push(store);
  const { result } = await saveOrCompare(store, a, { save: true }, at(2));
  expect(result.triage.level).toBe('self-care');
  return store;
}

describe('dueCheckBack', () => {
  it('is the latest self-care result’s check-back, not yet due, then due', async () => {
    const store = await storeWith(answers());
    const [saved] = await listAssessments(store.db);
    expect(await dueCheckBack(store, at(3))).toMatchObject({
      assessmentId: saved?.id,
      on: '2026-03-05',
      question: 'Is it easing?',
      due: false,
      overdueDays: 0,
    });
    expect(await dueCheckBack(store, at(7))).toMatchObject({ due: true, overdueDays: 2 });
  });

  it('is undefined with no assessment, or when the latest is not self-care', async () => {
    const store = await storeWith(answers());
    await saveOrCompare(store, answers({ trend: 'worse', daysSinceStart: 5 }, at(3)), { save: true }, at(3));
    expect(await dueCheckBack(store, at(9))).toBeUndefined();
    const empty = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'backstride-check-back-')) });
    stores.push(empty);
    expect(await dueCheckBack(empty, at(9))).toBeUndefined();
  });
});

describe('answerCheckBack', () => {
  it('escalates a same-day "worse" after three days to a clinician result, and links it', async () => {
    const store = await storeWith(answers({ daysSinceStart: 3 }));
    const out = await answerCheckBack(store, 'worse', at(2, 18));
    expect(out.result.triage.level).toBe('clinician');
    expect(out.result.triage.reasons.map((r) => r.rule)).toContain('getting-worse');
    expect(out.result.triage.selfCare).toBeUndefined();
    expect(out.changes).toMatchObject({ previousLevel: 'self-care', level: 'clinician', levelChanged: true });

    const [first, second] = await listAssessments(store.db);
    expect(second?.level).toBe('clinician');
    expect((second?.answers as Answers | undefined)?.pain).toMatchObject({
      trend: 'worse',
      triedSelfCare: true,
      daysSinceStart: 3,
    });
    expect(await listCheckBacks(store.db)).toEqual([
      expect.objectContaining({
        assessmentId: first?.id,
        dueOn: '2026-03-05',
        answer: 'worse',
        answeredAt: at(2, 18).getTime(),
        resultAssessmentId: second?.id,
      }),
    ]);
    expect(out.answered).toMatchObject({ assessmentId: first?.id, resultAssessmentId: second?.id });
    // Answered, and the new result is not self-care: nothing is pending.
    expect(await dueCheckBack(store, at(9))).toBeUndefined();
  });

  it('keeps "easing" self-care, with a new, later check-back', async () => {
    const store = await storeWith(answers());
    const out = await answerCheckBack(store, 'easing', at(5, 9));
    expect(out.result.triage.level).toBe('self-care');
    // Already getting better: the next look is a week on.
    expect(out.result.triage.selfCare?.checkBack).toMatchObject({ on: '2026-03-12', inDays: 7 });
    const next = await dueCheckBack(store, at(6));
    expect(next).toMatchObject({
      on: '2026-03-12',
      due: false,
      assessmentId: out.answered.resultAssessmentId,
    });
  });

  it('moves the days since the pain began on by the calendar days since the check-in', async () => {
    const store = await storeWith(answers({ daysSinceStart: 2 }));
    const out = await answerCheckBack(store, 'same', at(6, 8));
    const saved = (await listAssessments(store.db)).at(-1)?.answers as Answers | undefined;
    expect(saved?.pain?.daysSinceStart).toBe(6);
    expect(saved?.date).toBe(at(6, 8).toISOString());
    expect(out.result.assessedAt).toBe(at(6, 8).toISOString());
    expect(out.result.triage.selfCare?.why.join(' ')).toMatch(/about 6 days ago/);
  });

  it('keeps the care routes of the check-in it answers, unless given a country', async () => {
    const store = await storeWith(answers());
    const dataDir = mkdtempSync(join(tmpdir(), 'backstride-check-back-'));
    dirs.push(dataDir);
    const au = await openStore({ dataDir });
    stores.push(au);
    await saveOrCompare(au, answers(), { save: true, country: 'AU' }, at(2));
    expect((await answerCheckBack(au, 'worse', at(5))).result.care.country).toBe('AU');
    const out = await answerCheckBack(store, 'worse', at(5), { country: 'NZ' });
    expect(out.result.care.country).toBe('NZ');
  });

  it('refuses a bad answer and a second answer, and writes nothing either time', async () => {
    const store = await storeWith(answers());
    await expect(answerCheckBack(store, 'maybe', at(5))).rejects.toMatchObject({
      code: 'bad-input',
      field: 'answer',
    });
    await expect(answerCheckBack(store, undefined, at(5))).rejects.toMatchObject({ code: 'bad-input' });
    expect(await listAssessments(store.db)).toHaveLength(1);
    expect(await listCheckBacks(store.db)).toEqual([]);

    const first = await answerCheckBack(store, 'worse', at(5));
    expect(first.result.triage.level).toBe('clinician');
    await expect(answerCheckBack(store, 'easing', at(5, 11))).rejects.toMatchObject({ code: 'conflict' });
    expect(await listAssessments(store.db)).toHaveLength(2);
    expect(await listCheckBacks(store.db)).toHaveLength(1);
  });
});

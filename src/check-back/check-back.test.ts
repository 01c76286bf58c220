/**
 * The check-back's pure parts: when it is due (calendar days, local time), the answers a re-run uses, and
 * dates for people. Times are local wall-clock times, so the tests hold in any time zone.
 */
import { describe, expect, it } from 'vitest';
import { Answers } from '../answers/index.js';
import { sampleCheckIn } from '../answers/sample.js';
import { assess } from '../assess/index.js';
import {
  calendarDaysBetween,
  formatCheckBackDay,
  pendingCheckBack,
  relativeDay,
  rerunAnswers,
} from './index.js';

const at = (d: number, h = 10) => new Date(2026, 2, d, h, 0); // March 2026, local time

function answers(pain: Record<string, unknown> = {}): Answers {
  return Answers.parse(sampleCheckIn(at(2), { pain, running: undefined, daily: undefined }));
}

describe('pendingCheckBack', () => {
  const saved = (a: Answers) => {
    const result = assess(a, at(2));
    return { id: 'a1', createdAt: Date.parse(result.assessedAt), result };
  };

  it('is not due before its date, due on it, and counts the days past it', () => {
    const s = saved(answers());
    expect(s.result.triage.level).toBe('self-care');
    expect(s.result.triage.selfCare?.checkBack.on).toBe('2026-03-05');
    expect(pendingCheckBack(s, at(4, 23))).toMatchObject({ on: '2026-03-05', due: false, overdueDays: 0 });
    expect(pendingCheckBack(s, at(5, 0))).toMatchObject({ due: true, overdueDays: 0 });
    expect(pendingCheckBack(s, at(8))).toMatchObject({
      assessmentId: 'a1',
      question: 'Is it easing?',
      inDays: 3,
      due: true,
      overdueDays: 3,
    });
  });

  it('is absent on a result that is not self-care, or that was saved without a check-back', () => {
    const worse = saved(answers({ trend: 'worse' }));
    expect(worse.result.triage.level).toBe('clinician');
    expect(pendingCheckBack(worse, at(9))).toBeUndefined();
    const old = saved(answers());
    delete old.result.triage.selfCare;
    expect(pendingCheckBack(old, at(9))).toBeUndefined();
  });
});

describe('rerunAnswers', () => {
  it('dates the answers now, sets the trend and self-care tried, and moves the days on', () => {
    const before = answers({ daysSinceStart: 3, triedSelfCare: false });
    const after = rerunAnswers(before, 'worse', Date.parse(before.date ?? ''), at(6, 8));
    expect(after.date).toBe(at(6, 8).toISOString());
    expect(after.pain).toMatchObject({ trend: 'worse', triedSelfCare: true, daysSinceStart: 7 });
    // Everything else as it was answered; the saved answers are not changed.
    expect(after.redFlags).toEqual(before.redFlags);
    expect(after.pain?.regions).toEqual(['between-shoulder-blades']);
    expect(before.pain?.trend).toBe('same');
    expect(rerunAnswers(before, 'easing', Date.parse(before.date ?? ''), at(2, 11)).pain).toMatchObject({
      trend: 'better',
      daysSinceStart: 3,
    });
    expect(Answers.safeParse(after).success).toBe(true);
  });

  it('leaves an unknown start unknown', () => {
    const { daysSinceStart: _d, ...pain } = answers().pain ?? {};
    const before = { ...answers(), pain };
    const after = rerunAnswers(before, 'same', at(2).getTime(), at(9));
    expect(after.pain?.daysSinceStart).toBeUndefined();
    expect(after.pain?.trend).toBe('same');
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(calendarDaysBetween(at(2, 23), at(3, 1))).toBe(1);
    expect(calendarDaysBetween(at(2, 1), at(2, 23))).toBe(0);
    expect(calendarDaysBetween(at(2), new Date(2026, 3, 1, 10))).toBe(30);
  });
});

describe('dates for people', () => {
  it('reads "Tue 4 Mar", with the year only when it is not this year', () => {
    expect(formatCheckBackDay('2025-03-04', new Date(2025, 0, 1))).toBe('Tue 4 Mar');
    expect(formatCheckBackDay('2026-01-02', new Date(2025, 11, 30))).toBe('Fri 2 Jan 2026');
    expect(formatCheckBackDay('soon')).toBe('soon');
    expect(relativeDay('2026-03-05', at(5))).toBe('today');
    expect(relativeDay('2026-03-06', at(5))).toBe('tomorrow');
    expect(relativeDay('2026-03-02', at(5))).toBe('3 days ago');
    expect(relativeDay('2026-03-09', at(5))).toBe('in 4 days');
  });
});

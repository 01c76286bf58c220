/**
 * The check-back over HTTP, with the server's clock pinned: nothing pending, then a pending check-back
 * before and on its date, a bad answer (400 naming the field, nothing written), an answer that re-runs
 * the check-in (a "worse" becomes a clinician result), a second answer (409), and the calendar file's
 * check-back event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCheckIn } from '../answers/sample.js';
import { type Harness, harness } from './harness.js';

const at = (d: number, h = 10) => new Date(2026, 2, d, h, 0); // March 2026, local time
let clock = at(2);

const answers = sampleCheckIn(at(2), { pain: { daysSinceStart: 4 } });

let h: Harness;
beforeAll(async () => {
  h = await harness({ now: () => clock });
});
afterAll(() => h.close());

describe('/api/check-back', () => {
  it('is null before any check-in, and answering then is a conflict', async () => {
    const r = await h.call('GET', '/api/check-back');
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    const post = await h.call('POST', '/api/check-back', { answer: 'same' });
    expect(post.status).toBe(409);
    expect(post.json.error.code).toBe('conflict');
  });

  it('is the self-care result’s check-back, not due before its date and due on it', async () => {
    const saved = await h.call('POST', '/api/assess', answers);
    expect(saved.json.triage.level).toBe('self-care');
    const on = saved.json.triage.selfCare.checkBack.on;
    expect(on).toBe('2026-03-05');
    clock = at(3);
    expect((await h.call('GET', '/api/check-back')).json).toMatchObject({
      on,
      question: 'Is it easing?',
      due: false,
      overdueDays: 0,
      assessmentId: expect.any(String),
    });
    clock = at(6);
    expect((await h.call('GET', '/api/check-back')).json).toMatchObject({ on, due: true, overdueDays: 1 });
  });

  it('refuses a bad answer with the field, and writes nothing', async () => {
    for (const body of [{ answer: 'fine' }, {}, { answer: 'worse', extra: 1 }, { answer: 3 }]) {
      const r = await h.call('POST', '/api/check-back', body);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('bad-input');
      if (!('extra' in body)) expect(r.json.error.field).toBe('answer');
    }
    const text = await h.call('POST', '/api/check-back', 'answer=worse', { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect((await h.call('GET', '/api/assessments')).json).toHaveLength(1);
    expect((await h.call('GET', '/api/check-back')).json).toMatchObject({ due: true });
  });

  it('puts the check-back in the calendar file while it is pending', async () => {
    const ics = (await h.call('GET', '/api/plan.ics')).text.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Backstride check-back: is your back easing?');
    // Overdue: the reminder is for today, not a day that has passed.
    expect(ics).toContain('DTSTART;VALUE=DATE:20260306');
    expect(ics).toContain('BEGIN:VALARM');
    expect((await h.call('GET', '/api/plan')).json.checkBack).toMatchObject({ on: '2026-03-05' });
  });

  it('re-runs the check-in with the answer: "worse" becomes a clinician result', async () => {
    const r = await h.call('POST', '/api/check-back', { answer: 'worse' });
    expect(r.status).toBe(200);
    expect(r.json.triage.level).toBe('clinician');
    expect(r.json.triage.reasons.map((x: { rule: string }) => x.rule)).toContain('getting-worse');
    expect(r.json.assessedAt).toBe(at(6).toISOString());
    expect(r.json.changes).toMatchObject({ previousLevel: 'self-care', level: 'clinician' });
    expect(r.json.answered).toMatchObject({ answer: 'worse', on: '2026-03-05' });

    const latest = (await h.call('GET', '/api/assessments/latest')).json;
    expect(latest.id).toBe(r.json.answered.resultAssessmentId);
    expect(latest.answers.pain).toMatchObject({ trend: 'worse', triedSelfCare: true, daysSinceStart: 8 });
    expect((await h.call('GET', '/api/check-back')).json).toBeNull();
    const again = await h.call('POST', '/api/check-back', { answer: 'easing' });
    expect(again.status).toBe(409);
    expect((await h.call('GET', '/api/assessments')).json).toHaveLength(2);
    const ics = (await h.call('GET', '/api/plan.ics')).text;
    expect(ics).not.toContain('check-back');
  });
});

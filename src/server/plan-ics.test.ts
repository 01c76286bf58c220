/**
 * `GET /api/plan.ics` reminders over HTTP, the server's clock pinned: every event read back by ical.js
 * has its reminder (`remind`, default 30 minutes before `time`; all-day events at 9:00), the pending
 * check-back is on its date with its reminder under the same setting, and a bad `time` or `remind` is a
 * 400 naming the parameter.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCheckIn } from '../answers/sample.js';
import { CHECK_BACK_TITLE } from '../schedule/index.js';
import { type Harness, harness } from './harness.js';

const NOW = new Date(2026, 2, 2, 10, 0); // Monday 2 March 2026, local time
const CHECK_BACK_UID = 'backstride-check-back@backstride.local';

let h: Harness;
let checkBackOn = '';
beforeAll(async () => {
  h = await harness({ now: () => NOW });
  const saved = await h.call('POST', '/api/assess', sampleCheckIn(NOW, { pain: { daysSinceStart: 4 } }));
  expect(saved.json.triage.level).toBe('self-care');
  checkBackOn = saved.json.triage.selfCare.checkBack.on;
});
afterAll(() => h.close());

/** The calendar at `query`, as ical.js reads it: each event with its reminders' offsets in seconds. */
async function calendar(query: string) {
  const r = await h.call('GET', `/api/plan.ics${query}`);
  expect(r.status, r.text).toBe(200);
  const root = new ICAL.Component(ICAL.parse(r.text));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      isDate: e.startDate.isDate,
      triggers: v
        .getAllSubcomponents('valarm')
        .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
    };
  });
}

describe('/api/plan.ics reminders', () => {
  it('without options: all-day events, each reminded at 9:00, and the check-back on its date', async () => {
    const events = await calendar('');
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) expect(e).toMatchObject({ isDate: true, triggers: [9 * 3600] });
    expect(events.find((e) => e.uid === CHECK_BACK_UID)).toMatchObject({
      summary: CHECK_BACK_TITLE,
      start: checkBackOn,
      triggers: [9 * 3600],
    });
  });

  it('with a time: events at it, reminded 30 minutes before by default or as `remind` says', async () => {
    for (const [remind, seconds] of [
      ['', -30 * 60],
      ['&remind=0', 0],
      ['&remind=90', -90 * 60],
    ] as const) {
      const events = await calendar(`?time=06:45${remind}`);
      const weekly = events.filter((e) => e.uid !== CHECK_BACK_UID);
      expect(weekly.some((e) => e.start.endsWith('T06:45:00'))).toBe(true);
      for (const e of weekly) expect(e.triggers, remind).toEqual([seconds]);
      // The check-back is all day on its date, reminded the same minutes before 06:45.
      expect(events.find((e) => e.uid === CHECK_BACK_UID)).toMatchObject({
        start: checkBackOn,
        isDate: true,
        triggers: [6 * 3600 + 45 * 60 + seconds],
      });
    }
  });

  it('with remind=off: no reminders anywhere, and the check-back still there', async () => {
    const events = await calendar('?time=07:00&remind=off');
    expect(events.some((e) => e.uid === CHECK_BACK_UID)).toBe(true);
    for (const e of events) expect(e.triggers).toEqual([]);
  });

  it('answers 400 naming the parameter for a bad time or reminder', async () => {
    for (const [query, field] of [
      ['time=7am', 'time'],
      ['time=24:00', 'time'],
      ['time=', 'time'],
      ['remind=-1', 'remind'],
      ['remind=1441', 'remind'],
      ['remind=soon', 'remind'],
      ['remind=', 'remind'],
    ] as const) {
      const r = await h.call('GET', `/api/plan.ics?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'bad-input', field });
      expect(r.json.error.message).toMatch(new RegExp(`^${field} must be`));
      expect(r.json.error.message).not.toContain('\n');
    }
  });
});

/**
 * The iCalendar export, read back with a small parser of our own (unfold, split, unescape): CRLF line
 * endings, 75-octet folding that never splits a UTF-8 character, TEXT escaping that round-trips, one
 * VEVENT per day and slot, RRULE COUNT and UNTIL, and UIDs that do not change between exports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../plan/index.js';
import {
  ALL_DAY_REMINDER_TEXT,
  buildSchedule,
  DEFAULT_REMIND_MIN,
  escapeText,
  foldLine,
  ICS_DISCLAIMER,
  MAX_REMIND_MIN,
  type Reminder,
  readReminder,
  toIcs,
} from './index.js';
import { SAMPLE_WEEK, samplePlan, sampleSchedule } from './testing.js';

// ── A small iCalendar reader ───────────────────────────────────────────────────────────────

type Prop = { name: string; params: Record<string, string>; value: string };

/** Content lines: folded lines joined (CRLF followed by one space or tab is removed). */
const unfold = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l.length > 0);

/** `NAME;PARAM=V:value`. Our output never quotes parameters, so the first colon ends the name part. */
function parseLine(line: string): Prop {
  const colon = line.indexOf(':');
  const [name = '', ...params] = line.slice(0, colon).split(';');
  return {
    name,
    params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
    value: line.slice(colon + 1),
  };
}

const unescapeText = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/**
 * Each VEVENT as a map from property name to property; its VALARM's properties under `VALARM:NAME`, and
 * `VALARM` itself once per alarm (so a second alarm would show as a count above one).
 */
function events(ics: string): Map<string, Prop>[] {
  const out: Map<string, Prop>[] = [];
  let current: Map<string, Prop> | undefined;
  let inAlarm = false;
  let alarms = 0;
  for (const line of unfold(ics)) {
    const p = parseLine(line);
    if (p.name === 'BEGIN' && p.value === 'VEVENT') {
      current = new Map();
      alarms = 0;
    } else if (p.name === 'END' && p.value === 'VEVENT' && current) {
      out.push(current);
      current = undefined;
    } else if (p.name === 'BEGIN' && p.value === 'VALARM') {
      inAlarm = true;
      current?.set('VALARM', { name: 'VALARM', params: {}, value: String(++alarms) });
    } else if (p.name === 'END' && p.value === 'VALARM') inAlarm = false;
    else current?.set(inAlarm ? `VALARM:${p.name}` : p.name, p);
  }
  return out;
}

const text = (e: Map<string, Prop> | undefined, name: string) => unescapeText(e?.get(name)?.value ?? '');
const rrule = (e: Map<string, Prop> | undefined) =>
  Object.fromEntries((e?.get('RRULE')?.value ?? '').split(';').map((p) => p.split('=') as [string, string]));

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────

const WEEK = SAMPLE_WEEK;
const NOW = new Date('2025-03-01T10:15:30.456Z');

const plan = samplePlan;
const schedule = sampleSchedule;

// ── Format ─────────────────────────────────────────────────────────────────────────────────

describe('toIcs format', () => {
  const ics = toIcs(schedule(), { weeks: 8, calendarName: 'Back, strong; runs', now: NOW });

  it('uses CRLF line endings throughout and ends with one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(/(?<!\r)\n/.test(ics)).toBe(false);
    expect(/\r(?!\n)/.test(ics)).toBe(false);
  });

  it('folds every physical line to at most 75 octets, and folding does change long lines', () => {
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    // No line starts or ends inside a UTF-8 character: each decodes back to itself.
    for (const line of physical) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
  });

  it('has the calendar properties the big clients need', () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Backstride//Backstride schedule//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.map(parseLine).find((p) => p.name === 'X-WR-CALNAME')?.value).toBe('Back\\, strong\\; runs');
    for (const e of events(ics)) {
      expect(e.get('DTSTAMP')?.value).toBe('20250301T101530Z');
      expect(e.get('UID')?.value).toMatch(/^backstride-\d{8}-[a-z-]+@backstride\.local$/);
      expect(text(e, 'DESCRIPTION').endsWith(`\n${ICS_DISCLAIMER}`)).toBe(true);
    }
  });

  it('writes one VEVENT per day and slot, named after its items and doses', () => {
    const s = schedule();
    const all = events(ics);
    expect(all).toHaveLength(s.days.reduce((n, d) => n + d.groups.length, 0));
    // Tue, Thu, Sat: before-run + mobility; Wed, Sun: strength + mobility (cat pose daily); Mon, Fri: mobility.
    expect(all).toHaveLength(12);
    const wed = all.filter((e) => e.get('DTSTART')?.value === '20250305');
    expect(wed.map((e) => text(e, 'SUMMARY'))).toEqual([
      'Backstride: strength — band pull-apart 2×12, plank 3×20 s',
      'Backstride: mobility — cat pose 6 reps, hold 3 s',
    ]);
    const tue = all.find((e) => e.get('UID')?.value === 'backstride-20250304-before-run@backstride.local');
    expect(text(tue, 'SUMMARY')).toBe(
      'Backstride: before run — neck and shoulder rolls 5 reps, arm swings 10 reps',
    );
    expect(text(tue, 'DESCRIPTION')).toMatch(
      /^Dynamic upper-body warm-up\.\n\nNeck and shoulder rolls: 5 reps\n\(Source dose: .*\)\n1\. /,
    );
  });

  it('makes all-day events by default: DATE start, next-day end, not busy', () => {
    const e = events(ics).find(
      (x) => x.get('UID')?.value === 'backstride-20250305-strength@backstride.local',
    );
    expect(e?.get('DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20250305' });
    expect(e?.get('DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20250306' });
    expect(e?.get('TRANSP')?.value).toBe('TRANSPARENT');
  });
});

// ── Repeat rules ───────────────────────────────────────────────────────────────────────────

describe('toIcs repeat rules', () => {
  /** Weekly occurrences of an event from DTSTART up to UNTIL (inclusive), as compact dates. */
  function expandUntil(e: Map<string, Prop> | undefined): string[] {
    const start = e?.get('DTSTART')?.value ?? '';
    const until = rrule(e).UNTIL ?? '';
    const toMs = (v: string) =>
      Date.UTC(Number(v.slice(0, 4)), Number(v.slice(4, 6)) - 1, Number(v.slice(6, 8)));
    const out: string[] = [];
    for (let ms = toMs(start); ms <= toMs(until); ms += 7 * 86_400_000) {
      out.push(new Date(ms).toISOString().slice(0, 10).replace(/-/g, ''));
    }
    return out;
  }

  it('repeats weekly on the event’s weekday with COUNT = weeks', () => {
    for (const e of events(toIcs(schedule(), { weeks: 6, now: NOW }))) {
      const r = rrule(e);
      expect(r).toMatchObject({ FREQ: 'WEEKLY', COUNT: '6' });
      const start = e.get('DTSTART')?.value ?? '';
      const weekday = new Date(
        `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}T00:00:00Z`,
      ).getUTCDay();
      expect(r.BYDAY).toBe(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][weekday]);
    }
  });

  it('with UNTIL, ends on the date of the last occurrence, so there are exactly `weeks` of them', () => {
    const all = events(toIcs(schedule(), { weeks: 8, now: NOW, end: 'until' }));
    const wed = all.find((e) => e.get('UID')?.value === 'backstride-20250305-strength@backstride.local');
    // 5 March plus 7 weeks is 23 April.
    expect(rrule(wed)).toEqual({ FREQ: 'WEEKLY', BYDAY: 'WE', UNTIL: '20250423' });
    for (const e of all) {
      expect(expandUntil(e)).toHaveLength(8);
      expect(rrule(e).COUNT).toBeUndefined();
    }
    const once = events(toIcs(schedule(), { weeks: 1, now: NOW, end: 'until' }));
    expect(rrule(once[0]).UNTIL).toBe(once[0]?.get('DTSTART')?.value);
  });

  it('makes timed morning events in floating local time, one after another, with a local-time UNTIL', () => {
    const all = events(
      toIcs(schedule(), { weeks: 4, now: NOW, time: '07:00', durationMin: 20, end: 'until' }),
    );
    const wed = all.filter((e) => (e.get('DTSTART')?.value ?? '').startsWith('20250305'));
    expect(wed.map((e) => [e.get('DTSTART')?.value, e.get('DURATION')?.value, rrule(e).UNTIL])).toEqual([
      ['20250305T070000', 'PT20M', '20250326T070000'],
      ['20250305T072000', 'PT20M', '20250326T072000'],
    ]);
    expect(wed[0]?.get('DTSTART')?.params).toEqual({});
    expect(wed[0]?.get('TRANSP')?.value).toBe('OPAQUE');
  });

  it('rejects bad options and an empty schedule', () => {
    expect(() => toIcs(schedule(), { weeks: 0, now: NOW })).toThrow(/weeks/);
    expect(() => toIcs(schedule(), { weeks: 2.5, now: NOW })).toThrow(/weeks/);
    expect(() => toIcs(schedule(), { weeks: 2, now: NOW, time: '7am' })).toThrow(/HH:MM/);
    expect(() => toIcs(schedule(), { weeks: 2, now: new Date(Number.NaN) })).toThrow(/now/);
    const empty = buildSchedule({ level: 'urgent', mode: 'safety-only', sections: [] }, { weekStart: WEEK });
    expect(() => toIcs(empty, { weeks: 2, now: NOW })).toThrow(/nothing to export/);
  });
});

// ── Escaping and stability ─────────────────────────────────────────────────────────────────

describe('toIcs escaping and UIDs', () => {
  it('round-trips backslashes, semicolons, commas and newlines in a title', () => {
    const title = 'Warm-up; arms, shoulders\\back\nand a 😀 “quote”';
    const odd: PlanItem = {
      id: 'odd-warm-up',
      type: 'intervention',
      title,
      detail: 'Line one,\nline two; done.',
      addresses: [],
      sources: ['a00-upper-back-after-running'],
    };
    const ics = toIcs(schedule(plan(odd)), { weeks: 2, now: NOW });
    expect(ics).toContain('warm-up\\; arms\\, shoulders\\\\back\\nand');
    const e = events(ics).find(
      (x) => x.get('UID')?.value === 'backstride-20250304-before-run@backstride.local',
    );
    expect(text(e, 'SUMMARY')).toBe(`Backstride: before run — w${title.slice(1)}`);
    expect(text(e, 'DESCRIPTION')).toBe(
      `${title}\n1. Line one,\nline two; done.\n\n${ALL_DAY_REMINDER_TEXT}\n${ICS_DISCLAIMER}`,
    );
  });

  it('escapeText and foldLine round-trip any text', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', ';', ',', '\\', '\n', 'n', 'é', '×', '–', '😀', ':');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (s) => {
        expect(unescapeText(escapeText(s))).toBe(s);
        const folded = foldLine(`DESCRIPTION:${escapeText(s)}`);
        for (const line of folded.split('\r\n'))
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${escapeText(s)}`);
      }),
    );
  });

  it('folds exactly at 75 octets, never inside a multi-byte character or an escape', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(80))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(5)}`);
    // 74 ASCII octets then a 3-octet "×": it moves whole to the next line.
    expect(foldLine(`${'X'.repeat(74)}×`)).toBe(`${'X'.repeat(74)}\r\n ×`);
    // An escape pair stays together: 74 octets then `\,` moves whole.
    expect(foldLine(`${'X'.repeat(74)}\\,`)).toBe(`${'X'.repeat(74)}\r\n \\,`);
  });

  it('drops control characters TEXT does not allow', () => {
    expect(escapeText('a\u0007b\tc')).toBe('ab\tc');
  });

  it('keeps UIDs (and everything but DTSTAMP) the same across exports of the same input', () => {
    const first = toIcs(schedule(), { weeks: 8, now: NOW });
    const again = toIcs(schedule(), { weeks: 8, now: new Date('2025-06-01T08:00:00Z') });
    const uids = (ics: string) => events(ics).map((e) => e.get('UID')?.value);
    expect(uids(again)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(uids(first).length);
    expect(again.replace(/DTSTAMP:\S+/g, '')).toBe(first.replace(/DTSTAMP:\S+/g, ''));
    expect(toIcs(schedule(), { weeks: 8, now: NOW })).toBe(first);
    // A progressed dose updates the same events rather than adding new ones.
    const progressed = buildSchedule(plan(), {
      weekStart: WEEK,
      runDays: ['Tue', 'Thu', 'Sat'],
      doses: { plank: { sets: 3, holdS: 25, perSide: false } },
    });
    expect(uids(toIcs(progressed, { weeks: 8, now: NOW }))).toEqual(uids(first));
  });
});

// ── The check-back ─────────────────────────────────────────────────────────────────────────

describe('toIcs check-back', () => {
  /** The check-back VEVENT's lines (unfolded), and its VALARM's. */
  function checkBack(ics: string) {
    const lines = unfold(ics);
    const start = lines.indexOf('UID:backstride-check-back@backstride.local') - 1;
    const end = lines.indexOf('END:VEVENT', start);
    const block = lines.slice(start, end + 1);
    const alarm = block.slice(block.indexOf('BEGIN:VALARM'), block.indexOf('END:VALARM') + 1);
    const event = block.filter((l) => !alarm.includes(l)).map(parseLine);
    const prop = (name: string) => event.find((p) => p.name === name);
    return { block, alarm: alarm.map(parseLine), prop };
  }

  it('adds one all-day event on the check-back date, titled and explained, with a reminder that morning', () => {
    const ics = toIcs(schedule(), { weeks: 4, now: NOW, checkBack: { on: '2025-03-06' } });
    const cb = checkBack(ics);
    expect(cb.block[0]).toBe('BEGIN:VEVENT');
    expect(cb.prop('DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20250306' });
    expect(cb.prop('DTEND')?.value).toBe('20250307');
    expect(cb.prop('RRULE')).toBeUndefined();
    expect(unescapeText(cb.prop('SUMMARY')?.value ?? '')).toBe('Backstride check-back: is your back easing?');
    const description = unescapeText(cb.prop('DESCRIPTION')?.value ?? '');
    expect(description).toMatch(/is your back easing\?/);
    expect(description).toContain('backstride check-back --answer easing');
    expect(description).toMatch(/physical therapist or doctor/);
    expect(description.endsWith(ICS_DISCLAIMER)).toBe(true);
    // No internal ids or slugs in what a person reads.
    expect(description).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/);
    expect(cb.alarm.map((p) => p.name)).toEqual(['BEGIN', 'ACTION', 'DESCRIPTION', 'TRIGGER', 'END']);
    expect(cb.alarm.find((p) => p.name === 'ACTION')?.value).toBe('DISPLAY');
    expect(cb.alarm.find((p) => p.name === 'TRIGGER')).toEqual({
      name: 'TRIGGER',
      params: { RELATED: 'START' },
      value: 'PT9H',
    });
    // The weekly events are all still there, and every line is still folded.
    expect(events(ics)).toHaveLength(13);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('reminds at the morning time when one is given, and on today when the date has passed', () => {
    const timed = checkBack(
      toIcs(schedule(), { weeks: 4, now: NOW, time: '07:30', checkBack: { on: '2025-03-06' } }),
    );
    // Half an hour before the session time by default; at it with 0; none when reminders are off.
    expect(timed.alarm.find((p) => p.name === 'TRIGGER')?.value).toBe('PT7H');
    const atStart = checkBack(
      toIcs(schedule(), { weeks: 4, now: NOW, time: '07:30', remind: 0, checkBack: { on: '2025-03-06' } }),
    );
    expect(atStart.alarm.find((p) => p.name === 'TRIGGER')?.value).toBe('PT7H30M');
    const off = checkBack(
      toIcs(schedule(), { weeks: 4, now: NOW, remind: 'off', checkBack: { on: '2025-03-06' } }),
    );
    expect(off.alarm).toEqual([]);
    expect(off.prop('SUMMARY')).toBeDefined();
    const late = checkBack(toIcs(schedule(), { weeks: 4, now: NOW, checkBack: { on: '2025-02-20' } }));
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${NOW.getFullYear()}${pad(NOW.getMonth() + 1)}${pad(NOW.getDate())}`;
    expect(late.prop('DTSTART')?.value).toBe(today);
  });

  it('keeps one UID whatever the date, so a later export moves the check-back; a bad date is refused', () => {
    const uid = (on: string) =>
      checkBack(toIcs(schedule(), { weeks: 4, now: NOW, checkBack: { on } })).prop('UID')?.value;
    expect(uid('2025-03-06')).toBe(uid('2025-03-12'));
    expect(() => toIcs(schedule(), { weeks: 4, now: NOW, checkBack: { on: '6 March' } })).toThrow(
      /checkBack\.on must be a date/,
    );
    expect(toIcs(schedule(), { weeks: 4, now: NOW })).not.toContain('check-back');
  });
});

// ── Reminders ──────────────────────────────────────────────────────────────────────────────

describe('toIcs reminders', () => {
  const alarmOf = (e: Map<string, Prop>) => ({
    count: e.get('VALARM')?.value,
    action: e.get('VALARM:ACTION')?.value,
    trigger: e.get('VALARM:TRIGGER')?.value,
    text: text(e, 'VALARM:DESCRIPTION'),
  });

  it('gives every timed event one display alarm 30 minutes before it by default, named like the event', () => {
    const all = events(toIcs(schedule(), { weeks: 4, now: NOW, time: '18:15' }));
    expect(all).toHaveLength(12);
    for (const e of all) {
      expect(alarmOf(e)).toEqual({
        count: '1',
        action: 'DISPLAY',
        trigger: '-PT30M',
        text: text(e, 'SUMMARY'),
      });
      expect(e.get('VALARM:TRIGGER')?.params).toEqual({ RELATED: 'START' });
      expect(text(e, 'DESCRIPTION')).not.toContain(ALL_DAY_REMINDER_TEXT);
    }
  });

  it('reminds the chosen minutes before, or at the start with 0, and writes no alarm when off', () => {
    const trigger = (remind: Reminder) =>
      events(toIcs(schedule(), { weeks: 2, now: NOW, time: '07:00', remind })).map(
        (e) => e.get('VALARM:TRIGGER')?.value,
      );
    expect(new Set(trigger(0))).toEqual(new Set(['PT0S']));
    expect(new Set(trigger(10))).toEqual(new Set(['-PT10M']));
    expect(new Set(trigger(90))).toEqual(new Set(['-PT1H30M']));
    expect(new Set(trigger(120))).toEqual(new Set(['-PT2H']));
    expect(new Set(trigger(MAX_REMIND_MIN))).toEqual(new Set(['-PT24H']));
    const off = toIcs(schedule(), { weeks: 2, now: NOW, time: '07:00', remind: 'off' });
    expect(off).not.toContain('VALARM');
    expect(events(off)).toHaveLength(12);
  });

  it('reminds an all-day event at 9:00 that morning, and says so in its description', () => {
    for (const remind of [DEFAULT_REMIND_MIN, 0, 120] as const) {
      for (const e of events(toIcs(schedule(), { weeks: 2, now: NOW, remind }))) {
        expect(e.get('VALARM:TRIGGER')?.value).toBe('PT9H');
        const d = text(e, 'DESCRIPTION');
        expect(d.endsWith(`\n${ALL_DAY_REMINDER_TEXT}\n${ICS_DISCLAIMER}`)).toBe(true);
      }
    }
    for (const e of events(toIcs(schedule(), { weeks: 2, now: NOW, remind: 'off' }))) {
      expect(text(e, 'DESCRIPTION')).not.toContain('Reminder');
    }
  });

  it('refuses a reminder that is not whole minutes from 0 to a day', () => {
    for (const remind of [-5, 2.5, MAX_REMIND_MIN + 1, Number.NaN]) {
      expect(() => toIcs(schedule(), { weeks: 2, now: NOW, remind })).toThrow(
        /remind must be a whole number/,
      );
    }
  });

  it('reads a reminder as people type it', () => {
    expect(readReminder('30')).toBe(30);
    expect(readReminder(' 0 ')).toBe(0);
    expect(readReminder('OFF')).toBe('off');
    expect(readReminder('1440')).toBe(1440);
    for (const bad of ['', '1441', '-5', '2.5', '30m', 'half an hour'])
      expect(readReminder(bad), bad).toBeUndefined();
  });
});

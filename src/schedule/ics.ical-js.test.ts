/**
 * The iCalendar export read back by a second, independent parser: Mozilla's ical.js (what Thunderbird
 * uses), not our own reader in ics.test.ts. It checks what calendar apps act on: every event's reminder,
 * the weekly repeat expanded to its dates, floating local times, the check-back on its day, text that
 * unescapes to the words we wrote, and lines that unfold back to them.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../plan/index.js';
import {
  ALL_DAY_REMINDER_TEXT,
  CHECK_BACK_TITLE,
  ICS_DISCLAIMER,
  type IcsOptions,
  type Schedule,
  toIcs,
} from './index.js';
import { SAMPLE_WEEK, samplePlan, sampleSchedule } from './testing.js';

const _WEEK = SAMPLE_WEEK;
const NOW = new Date('2025-03-01T10:15:30.456Z');
const DAY_MS = 86_400_000;

/** The sample week, with `beforeRun` in place of the warm-up when given. */
const schedule = (beforeRun?: PlanItem): Schedule => sampleSchedule(samplePlan(beforeRun));

/** The file parsed by ical.js: its events (ical.js's Event wrapper), and the calendar component. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

const weekly = (events: ICAL.Event[]) =>
  events.filter((e) => e.uid !== 'backstride-check-back@backstride.local');
const checkBackOf = (events: ICAL.Event[]) =>
  events.find((e) => e.uid === 'backstride-check-back@backstride.local');

/** Each VALARM of an event as ical.js reads it. */
const alarms = (e: ICAL.Event) =>
  e.component.getAllSubcomponents('valarm').map((a) => ({
    action: a.getFirstPropertyValue('action'),
    description: a.getFirstPropertyValue('description'),
    triggerS: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
    related: a.getFirstProperty('trigger')?.getParameter('related') ?? 'START',
  }));

/** Every occurrence ical.js expands, as its own text (`2025-03-05` or `2025-03-05T07:00:00`). */
function occurrences(e: ICAL.Event): string[] {
  const it = e.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < 600; t = it.next()) out.push(t.toString());
  return out;
}

/** `date` plus `weeks` weeks, as YYYY-MM-DD. */
const plusWeeks = (date: string, weeks: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);

const file = (o: Partial<IcsOptions> = {}) => toIcs(schedule(), { weeks: 6, now: NOW, ...o });

describe('the calendar file read by ical.js', () => {
  it('parses as one calendar with one event per day and slot, and the calendar’s name', () => {
    const s = schedule();
    const { calendar, events } = parse(file({ calendarName: 'Backstride plan' }));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Backstride plan');
    expect(events).toHaveLength(
      s.days.reduce((n, d) => n + d.groups.filter((g) => g.items.length).length, 0),
    );
  });

  it('gives every event one display reminder 30 minutes before its start at a chosen time', () => {
    const { events } = parse(file({ time: '07:00' }));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(alarms(e)).toEqual([
        { action: 'DISPLAY', description: e.summary, triggerS: -30 * 60, related: 'START' },
      ]);
    }
  });

  it('follows the chosen reminder: 0 at the start, 45 minutes before, none when off', () => {
    for (const [remind, seconds] of [
      [0, 0],
      [45, -45 * 60],
    ] as const) {
      for (const e of parse(file({ time: '07:00', remind })).events) {
        expect(alarms(e).map((a) => a.triggerS)).toEqual([seconds]);
      }
    }
    const off = parse(file({ time: '07:00', remind: 'off', checkBack: { on: '2025-03-06' } })).events;
    expect(off.length).toBeGreaterThan(1);
    for (const e of off) expect(alarms(e)).toEqual([]);
  });

  it('reminds all-day events at 9:00 on their day, and says so in the description', () => {
    for (const e of parse(file()).events) {
      expect(e.startDate.isDate).toBe(true);
      expect(alarms(e).map((a) => a.triggerS)).toEqual([9 * 3600]);
      expect(e.description).toContain(ALL_DAY_REMINDER_TEXT);
    }
  });

  for (const end of ['count', 'until'] as const) {
    it(`repeats each event weekly for exactly the chosen weeks (${end === 'count' ? 'COUNT' : 'UNTIL'})`, () => {
      for (const weeks of [1, 6, 52]) {
        for (const timed of [false, true]) {
          const { events } = parse(file({ weeks, end, ...(timed ? { time: '07:00' } : {}) }));
          for (const e of weekly(events)) {
            const start = e.startDate.toString();
            const day = start.slice(0, 10);
            const expected = Array.from({ length: weeks }, (_, k) => plusWeeks(day, k) + start.slice(10));
            expect(occurrences(e), `${e.summary} over ${weeks} weeks`).toEqual(expected);
          }
        }
      }
    });
  }

  it('starts each repeat on its own day of the plan’s week', () => {
    const s = schedule();
    const { events } = parse(file());
    const days = new Set(weekly(events).map((e) => e.startDate.toString()));
    expect(days).toEqual(new Set(s.days.filter((d) => d.groups.length).map((d) => d.date)));
  });

  it('puts timed events at the chosen local time (floating, not UTC), one after another', () => {
    const { events } = parse(file({ time: '18:45', durationMin: 20 }));
    const s = schedule();
    for (const e of events) {
      expect(e.startDate.isDate).toBe(false);
      expect(e.startDate.zone?.tzid).toBe('floating');
      expect(e.duration.toSeconds()).toBe(20 * 60);
    }
    for (const d of s.days) {
      const starts = events
        .filter((e) => e.startDate.toString().startsWith(d.date))
        .map((e) => e.startDate.toString().slice(11));
      expect(starts).toEqual(['18:45:00', '19:05:00', '19:25:00', '19:45:00'].slice(0, d.groups.length));
    }
  });

  it('has the check-back on its date, all day, with its reminder before the session time', () => {
    const { events } = parse(file({ time: '07:30', checkBack: { on: '2025-03-06' } }));
    const cb = checkBackOf(events);
    expect(cb?.summary).toBe(CHECK_BACK_TITLE);
    expect(cb?.startDate.toString()).toBe('2025-03-06');
    expect(cb?.startDate.isDate).toBe(true);
    expect(cb?.isRecurring()).toBe(false);
    expect(cb && occurrences(cb)).toEqual(['2025-03-06']);
    expect(cb && alarms(cb)).toEqual([
      { action: 'DISPLAY', description: CHECK_BACK_TITLE, triggerS: 7 * 3600, related: 'START' },
    ]);
    expect(cb?.description).toContain('backstride check-back --answer easing');
    expect(weekly(events)).toHaveLength(events.length - 1);
    // Without a session time, 9:00 that morning.
    const morning = checkBackOf(parse(file({ checkBack: { on: '2025-03-06' } })).events);
    expect(morning && alarms(morning).map((a) => a.triggerS)).toEqual([9 * 3600]);
  });

  it('unescapes text to the exact words written: commas, semicolons, backslashes, new lines, emoji', () => {
    const title = 'Warm-up; arms, shoulders\\back\nand a 😀 “quote”';
    const odd: PlanItem = {
      id: 'odd-warm-up',
      type: 'intervention',
      title,
      detail: 'Line one,\nline two; done.',
      addresses: [],
      sources: ['a00-upper-back-after-running'],
    };
    const { events } = parse(toIcs(schedule(odd), { weeks: 2, now: NOW, time: '07:00' }));
    const tue = events.find((e) => e.uid === 'backstride-20250304-before-run@backstride.local');
    expect(tue?.summary).toBe(`Backstride: before run — w${title.slice(1)}`);
    expect(tue?.description).toBe(`${title}\n1. Line one,\nline two; done.\n\n${ICS_DISCLAIMER}`);
    expect(tue && alarms(tue)[0]?.description).toBe(tue?.summary);
    // The real warm-up's long description: every folded line joins back without a stray character.
    const plain = parse(file()).events.find(
      (e) => e.uid === 'backstride-20250304-before-run@backstride.local',
    );
    expect(plain?.description).toMatch(/^Dynamic upper-body warm-up\.\n\nNeck and shoulder rolls: 5 reps\n/);
    expect(plain?.description).not.toMatch(/\r|\\[,;n\\]/);
  });

  it('is CRLF and folded at 75 octets, and ical.js writes it back to the same content', () => {
    const ics = file({ time: '07:00', checkBack: { on: '2025-03-06' } });
    expect(/(?<!\r)\n|\r(?!\n)/.test(ics)).toBe(false);
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folded lines exist (the descriptions are long), and each continuation starts with one space.
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    // Serialised by ical.js (its own folding) and parsed again: the same events, word for word.
    const { calendar, events } = parse(ics);
    const again = parse(calendar.toString()).events;
    const view = (e: ICAL.Event) => [e.uid, e.summary, e.description, e.startDate.toString(), alarms(e)];
    expect(again.map(view)).toEqual(events.map(view));
  });
});

/**
 * iCalendar (RFC 5545) export of a schedule, written by hand because the format needed is small: one
 * VCALENDAR of weekly-repeating VEVENTs, one per day and slot. The details that make Google Calendar,
 * Apple Calendar and Outlook accept it: CRLF line endings, lines folded at 75 octets (never inside a
 * UTF-8 character), TEXT escaping, a UTC DTSTAMP, DATE or floating local DATE-TIME starts with an UNTIL
 * of the same type, and UIDs that stay the same when the same schedule is exported again, so a
 * re-import updates events instead of duplicating them. Every event carries a DISPLAY VALARM (RFC 5545
 * 3.6.6): a set number of minutes before a timed event, and at 9:00 on the day of an all-day one, whose
 * start is midnight, so "30 minutes before" would ring the evening before.
 */
import { badInput } from '../errors.js';
import type { Schedule, ScheduledDay, ScheduleGroup, Slot } from './build.js';
import { DAY_MS, dayIndex, isoDate } from './dates.js';
import {
  ALL_DAY_REMINDER_MIN,
  DEFAULT_REMIND_MIN,
  isClockTime,
  MAX_REMIND_MIN,
  type Reminder,
} from './reminder.js';

export type IcsOptions = {
  /** How many weeks each event repeats (1–520). */
  weeks: number;
  /** Shown as the calendar's name where the client supports it. Default "Backstride". */
  calendarName?: string;
  /** The export time, for DTSTAMP. */
  now: Date;
  /** Local start time `HH:MM` for timed morning events; without it events are all-day. */
  time?: string;
  /**
   * The reminder: minutes before each timed event's start (0 = at the start, up to a day), or `'off'`.
   * All-day events are reminded at 9:00 that day whatever the minutes. Default 30.
   */
  remind?: Reminder;
  /** Minutes per timed event; a day's events follow one another. Default 15. */
  durationMin?: number;
  /** End the repeat with a COUNT of occurrences (default) or an UNTIL date. */
  end?: 'count' | 'until';
  /**
   * A self-care result's check-back: an all-day event on its date (today when the date has passed)
   * with a reminder that morning (at `time` when given, else 09:00).
   */
  checkBack?: { on: string };
};

/** The check-back event's title. */
export const CHECK_BACK_TITLE = 'Backstride check-back: is your back easing?';

/** Said on every event: the calendar is the one place the runner meets the plan without the app's framing. */
export const ICS_DISCLAIMER = 'Not medical advice; stop if pain rises.';

const SLOT_LABEL: Record<Slot, string> = {
  'before-run': 'before run',
  'after-run': 'after run',
  strength: 'strength',
  mobility: 'mobility',
};
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const MAX_OCTETS = 75;

/**
 * The schedule as an iCalendar file (a string with CRLF line endings).
 * @example writeFileSync('backstride.ics', toIcs(schedule, { weeks: 8, now: new Date() }))
 */
export function toIcs(schedule: Schedule, options: IcsOptions): string {
  const { weeks, now } = options;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    throw badInput('weeks must be a whole number from 1 to 520', 'weeks');
  }
  if (Number.isNaN(now.getTime())) throw badInput('now must be a valid date', 'now');
  const time = options.time === undefined ? undefined : parseTime(options.time);
  const durationMin = options.durationMin ?? 15;
  if (!Number.isInteger(durationMin) || durationMin < 1 || durationMin > 240) {
    throw badInput('durationMin must be a whole number of minutes from 1 to 240', 'durationMin');
  }
  const remind = options.remind ?? DEFAULT_REMIND_MIN;
  if (remind !== 'off' && (!Number.isInteger(remind) || remind < 0 || remind > MAX_REMIND_MIN)) {
    throw badInput(`remind must be a whole number of minutes from 0 to ${MAX_REMIND_MIN}, or off`, 'remind');
  }
  const stamp = utcStamp(now);

  const events: string[][] = [];
  for (const day of schedule.days) {
    day.groups.forEach((group, k) => {
      if (!group.items.length) return;
      // A day's timed events follow one another rather than overlap.
      const startMin = time === undefined ? undefined : time + k * durationMin;
      events.push(
        vevent(day, group, { stamp, weeks, startMin, durationMin, end: options.end ?? 'count', remind }),
      );
    });
  }
  if (options.checkBack) events.push(checkBackEvent(options.checkBack.on, now, stamp, time, remind));
  if (!events.length) throw badInput('nothing to export: the schedule has no exercises', 'schedule');

  const name = escapeText(options.calendarName ?? 'Backstride');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Backstride//Backstride schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // NAME is RFC 7986; X-WR-CALNAME is what Google and Apple read.
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

type EventOptions = {
  stamp: string;
  weeks: number;
  startMin: number | undefined;
  durationMin: number;
  end: 'count' | 'until';
  remind: Reminder;
};

function vevent(day: ScheduledDay, group: ScheduleGroup, o: EventOptions): string[] {
  const date = compactDate(day.date);
  const lastDate = compactDate(isoDate(dayNumber(day.date) + 7 * (o.weeks - 1)));
  const start: string[] = [];
  let until: string;
  if (o.startMin === undefined) {
    const next = compactDate(isoDate(dayNumber(day.date) + 1));
    start.push(`DTSTART;VALUE=DATE:${date}`, `DTEND;VALUE=DATE:${next}`);
    until = lastDate;
  } else {
    // Floating local time (no TZID, no Z): 07:00 wherever the runner is, which is what a routine means.
    const hhmmss = clock(o.startMin);
    start.push(`DTSTART:${date}T${hhmmss}`, `DURATION:PT${o.durationMin}M`);
    // RFC 5545 3.3.10: with a local-time DTSTART, UNTIL is local time too.
    until = `${lastDate}T${hhmmss}`;
  }
  const byday = BYDAY[dayIndex(day.day)] ?? 'MO';
  const endRule = o.end === 'until' ? `UNTIL=${until}` : `COUNT=${o.weeks}`;
  const label = SLOT_LABEL[group.slot];
  const summary = `Backstride: ${label} — ${group.items.map((i) => `${lowerFirst(i.name)} ${i.doseText}`.trim()).join(', ')}`;
  return [
    'BEGIN:VEVENT',
    // Day and slot identify the event; the dose is left out so an updated dose replaces the old event.
    `UID:backstride-${date}-${group.slot}@backstride.local`,
    `DTSTAMP:${o.stamp}`,
    ...start,
    `RRULE:FREQ=WEEKLY;BYDAY=${byday};${endRule}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description(group, o.startMin === undefined && o.remind !== 'off'))}`,
    // All-day reminders should not block the runner's free/busy time.
    `TRANSP:${o.startMin === undefined ? 'TRANSPARENT' : 'OPAQUE'}`,
    ...(o.remind === 'off'
      ? []
      : valarm(summary, o.startMin === undefined ? ALL_DAY_REMINDER_MIN : -o.remind)),
    'END:VEVENT',
  ];
}

/**
 * A DISPLAY alarm `offsetMin` minutes after the event's start (negative: before it). RELATED=START is
 * the default, said anyway for readers that guess otherwise.
 */
function valarm(text: string, offsetMin: number): string[] {
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(text)}`,
    `TRIGGER;RELATED=START:${durationText(offsetMin)}`,
    'END:VALARM',
  ];
}

/**
 * An RFC 5545 3.3.6 DURATION in hours and minutes.
 * @example durationText(-90) // '-PT1H30M'; durationText(0) // 'PT0S'
 */
function durationText(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  return `${minutes < 0 ? '-' : ''}PT${h ? `${h}H` : ''}${m % 60 ? `${m % 60}M` : ''}`;
}

/**
 * One all-day event for the check-back, with a display alarm that morning. Its UID does not depend on
 * the date, so importing a later export moves the check-back rather than adding a second one.
 */
function checkBackEvent(
  on: string,
  now: Date,
  stamp: string,
  time: number | undefined,
  remind: Reminder,
): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(dayNumber(on))) {
    throw badInput(`checkBack.on must be a date as YYYY-MM-DD, got "${on}"`, 'checkBack.on');
  }
  // The runner's today (the events are floating local days): a passed date is moved to today.
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const day = on < today ? today : on;
  const text = [
    'Time to check back: is your back easing?',
    '',
    'Answer in Backstride: on the home page choose “Yes, it’s easing”, “About the same” or “It’s worse”, or run: backstride check-back --answer easing (or same, or worse).',
    'Backstride runs your check-in again with your answer and tells you whether to carry on with the plan or see a physical therapist or doctor.',
    '',
    'Do not wait for this date if the pain gets much worse or anything new appears, such as numbness, weakness, fever or trouble with your bladder or bowels: seek help then.',
    ICS_DISCLAIMER,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    'UID:backstride-check-back@backstride.local',
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(day)}`,
    `DTEND;VALUE=DATE:${compactDate(isoDate(dayNumber(day) + 1))}`,
    `SUMMARY:${escapeText(CHECK_BACK_TITLE)}`,
    `DESCRIPTION:${escapeText(text)}`,
    'TRANSP:TRANSPARENT',
    // After the all-day start (local midnight): before the session time, else that morning.
    ...(remind === 'off'
      ? []
      : valarm(CHECK_BACK_TITLE, time === undefined ? ALL_DAY_REMINDER_MIN : time - remind)),
    'END:VEVENT',
  ];
}

/** Said on an all-day event that has a reminder, so its 9:00 is not a surprise. */
export const ALL_DAY_REMINDER_TEXT =
  'Reminder at 9:00 that morning. Choose a session time in Backstride to have it at a set time, with the reminder before it.';

function description(group: ScheduleGroup, allDayReminder: boolean): string {
  const out: string[] = [];
  // An undosed routine is its own item, so its title already heads its entry.
  const routines = [
    ...new Set(group.items.flatMap((i) => (i.routine && i.routine.id !== i.id ? [i.routine.title] : []))),
  ];
  if (routines.length) out.push(`${routines.join('; ')}.`, '');
  for (const item of group.items) {
    out.push(item.doseText ? `${item.name}: ${item.doseText}` : item.name);
    if (item.sourceDose) out.push(`(Source dose: ${item.sourceDose}.)`);
    item.steps.forEach((s, i) => {
      out.push(`${i + 1}. ${s}`);
    });
    out.push('');
  }
  if (allDayReminder) out.push(ALL_DAY_REMINDER_TEXT);
  out.push(ICS_DISCLAIMER);
  return out.join('\n');
}

/**
 * RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines; other control characters are not
 * allowed in TEXT and are dropped.
 * @example escapeText('a, b; c') // 'a\\, b\\; c'
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
}

/**
 * Fold one content line so no physical line exceeds 75 octets (CRLF excluded); continuation lines
 * start with a space, which counts. Splits only between code points, never inside a UTF-8 sequence,
 * and keeps a TEXT escape (`\,`) on one line: RFC 5545 allows splitting it, but not every reader copes.
 * @example foldLine('X'.repeat(80)) // 75 X's, CRLF, a space and 5 X's
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const token of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    let n = 0;
    for (const ch of token) n += utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + n > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += token;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

function parseTime(hhmm: string): number {
  if (!isClockTime(hhmm)) throw badInput(`time must be HH:MM, got "${hhmm}"`, 'time');
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** `HHMMSS` for minutes after midnight; a day's stacked events stop at 23:59 rather than spill into the next. */
function clock(minutes: number): string {
  const m = Math.min(minutes, 23 * 60 + 59);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}00`;
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
const compactDate = (date: string) => date.replace(/-/g, '');
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** "Band pull-apart" reads as "band pull-apart" mid-sentence; an acronym ("PSFS") keeps its case. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/**
 * Calendar-day arithmetic for the schedule. Days are counted as whole days since 1970-01-01 (UTC), and an
 * instant becomes a local day through one fixed `utcOffsetMinutes`, the same convention as `load/`: it
 * keeps everything pure and deterministic at the cost of not following daylight-saving changes.
 */
import { badInput } from '../errors.js';
import type { Day } from '../plan/index.js';

export const DAY_MS = 86_400_000;

/** Monday first, as ISO weeks and the plan's `ScheduleDay` list are. */
export const DAYS: readonly Day[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; throws a bad-input error unless it is a Monday. */
export function mondayDayNumber(date: string, field = 'weekStart'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // The round trip rejects dates such as 2025-02-30 that Date.UTC would silently roll over.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw badInput(`${field} must be a date as YYYY-MM-DD, got "${date}"`, field);
  }
  const n = ms / DAY_MS;
  if (weekdayIndex(n) !== 0) throw badInput(`${field} must be a Monday, got ${date}`, field);
  return n;
}

/** `YYYY-MM-DD` of a day number. */
export const isoDate = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** The local day number of an instant (epoch ms) at a fixed offset from UTC. */
export const localDayNumber = (ms: number, utcOffsetMinutes = 0): number =>
  Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);

/** 0 for Monday … 6 for Sunday. Day 0 (1970-01-01) was a Thursday, hence the +3. */
export const weekdayIndex = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;

/** Index of a weekday in `DAYS`. */
export const dayIndex = (day: Day): number => DAYS.indexOf(day);

/** The local calendar day of an instant, YYYY-MM-DD (the runner's own day, not UTC's). */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Reminder settings as the CLI, the API and the web app read them: a session time (`HH:MM`) and how long
 * before it to remind (minutes, or off). Tiny and dependency-free, so the web app's first load can carry
 * it; the calendar (ics.ts) turns them into alarms.
 */

/** Minutes before a session (0–1440) or no reminders. */
export type Reminder = number | 'off';

/** The reminder when none is chosen: half an hour to get changed and find a mat. */
export const DEFAULT_REMIND_MIN = 30;
/** A day: the longest reminder that still reads as "before this session". */
export const MAX_REMIND_MIN = 24 * 60;
/** When an all-day event's reminder rings: a morning hour, minutes after local midnight. */
export const ALL_DAY_REMINDER_MIN = 9 * 60;

/**
 * A reminder as people type it: whole minutes (`30`, `0`) or `off`; undefined when it is neither.
 * @example readReminder('45') // 45
 */
export function readReminder(text: string): Reminder | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off' || t === 'none') return 'off';
  if (!/^\d{1,4}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= MAX_REMIND_MIN ? n : undefined;
}

/** Whether `HH:MM` is a 24-hour clock time. */
export const isClockTime = (text: string) => /^([01]\d|2[0-3]):([0-5]\d)$/.test(text);

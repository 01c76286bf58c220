/**
 * The runner's reminder settings, kept in this browser like the units and the country: a session time
 * (none means all-day calendar events), the calendar's reminder (minutes before the session, or off) and
 * whether this browser shows a notification at the session time. The notification logic (reminders.ts)
 * is loaded only once the runner has turned it on and allowed notifications.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_REMIND_MIN,
  isClockTime,
  MAX_REMIND_MIN,
  type Reminder,
} from '../../src/schedule/reminder.js';
import { api } from './api.js';

export type ReminderSettings = {
  /** `HH:MM`, local; undefined for all-day calendar events. */
  time?: string;
  /** The calendar's reminder: minutes before the session (0 = at it), or off. */
  remind: Reminder;
  /** Notifications in this browser at the session time (asked for only when turned on). */
  browser: boolean;
};

const KEY = 'backstride.reminders';
const DEFAULTS: ReminderSettings = { remind: DEFAULT_REMIND_MIN, browser: false };
/** The settings of this page, for when storage is unavailable (private mode). */
let chosen: ReminderSettings | undefined;
const listeners = new Set<(s: ReminderSettings) => void>();

/** Stored settings, each field checked (a hand-edited or older value falls back to its default). */
function read(raw: string | null): ReminderSettings | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof ReminderSettings, unknown>>;
    const remind =
      v.remind === 'off' ||
      (typeof v.remind === 'number' &&
        Number.isInteger(v.remind) &&
        v.remind >= 0 &&
        v.remind <= MAX_REMIND_MIN)
        ? v.remind
        : DEFAULT_REMIND_MIN;
    return {
      ...(typeof v.time === 'string' && isClockTime(v.time) ? { time: v.time } : {}),
      remind,
      browser: v.browser === true,
    };
  } catch {
    return undefined;
  }
}

export function getReminderSettings(): ReminderSettings {
  try {
    const stored = read(localStorage.getItem(KEY));
    if (stored) return stored;
  } catch {
    // Private mode: this page's choice, else the defaults.
  }
  return chosen ?? DEFAULTS;
}

/** Change some settings; the others stay. */
export function setReminderSettings(change: Partial<ReminderSettings>): ReminderSettings {
  const next: ReminderSettings = { ...getReminderSettings(), ...change };
  if (!next.time) delete next.time;
  chosen = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l(next);
  return next;
}

export function useReminderSettings(): ReminderSettings {
  const [s, setS] = useState(getReminderSettings);
  useEffect(() => {
    listeners.add(setS);
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}

/** The calendar file with these settings: `/api/plan.ics?remind=30&time=07:00`. */
export function calendarHref(s: ReminderSettings): string {
  const q = new URLSearchParams({ remind: String(s.remind) });
  if (s.time) q.set('time', s.time);
  return `/api/plan.ics?${q.toString()}`;
}

/** "15 minutes before", "2 hours before", "at the start". */
function beforeWords(minutes: number): string {
  if (minutes === 0) return 'at the start';
  const h = minutes / 60;
  return `${Number.isInteger(h) ? `${h} hour${h === 1 ? '' : 's'}` : `${minutes} minutes`} before`;
}

/** "reminders 30 minutes before 07:00", "reminders at 9:00 on the day": the calendar's reminder in words. */
export function calendarReminderWords(s: ReminderSettings): string {
  if (s.remind === 'off') return 'no reminders';
  if (!s.time) return 'reminders at 9:00 on the day';
  return s.remind === 0 ? `reminders at ${s.time}` : `reminders ${beforeWords(s.remind)} ${s.time}`;
}

/** "at 07:15, reminder 15 minutes before", "all-day, reminder at 9:00": the calendar file in words. */
export function calendarWords(s: ReminderSettings): string {
  const when = s.time ? `at ${s.time}` : 'all-day';
  if (s.remind === 'off') return `${when}, no reminders`;
  return `${when}, reminder ${s.time ? beforeWords(s.remind) : 'at 9:00'}`;
}

/** Whether this browser can show notifications, and what the runner has allowed. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * While the app is open: once the runner has turned browser reminders on and notifications are allowed,
 * load reminders.ts and let it watch for the session time; stop when the setting goes off. Clicking the
 * notification opens `path`.
 */
export function useBrowserReminders(path = '/plan'): void {
  const s = useReminderSettings();
  const on = s.browser && notificationPermission() === 'granted';
  useEffect(() => {
    if (!on) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    import('./reminders.js')
      .then((m) => {
        if (cancelled) return;
        stop = m.startBrowserReminders({
          time: s.time,
          path,
          loadDays: async () => (await api.plan())?.schedule.days ?? [],
        });
      })
      .catch(() => {
        // The module could not load (an old build in the cache): no reminders, nothing else breaks.
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on, s.time, path]);
}

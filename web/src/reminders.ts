/**
 * Reminders in this browser: while the app is open, one notification at the session time on a day the
 * plan has exercises ("Time for today's Backstride session: …"), once a day even across reloads and tabs
 * (the day is remembered in localStorage), never without the runner's permission, and with no network
 * beyond this app's own plan. Loaded only once the runner has turned it on (reminder-settings.ts).
 *
 * The scheduling is plain functions over the plan's days and a clock (`dueToday`, `nextCheckMs`), and
 * `startReminders` runs them with timers and what it is given to load the plan and show a notification,
 * so the tests drive it with fake timers.
 */
import { ALL_DAY_REMINDER_MIN } from '../../src/schedule/reminder.js';
import { localDate } from './format.js';
import type { ScheduledDay, Slot } from './types.js';

/** How late a reminder may still come (a laptop waking from sleep, a tab opened just after the time). */
export const LATE_MIN = 60;
/** The longest single wait: timers drift in sleeping tabs, so a long wait is taken in steps. */
const STEP_MS = 10 * 60_000;
const SHOWN_KEY = 'backstride.reminders.shown';

const SLOT_WORDS: Record<Slot, string> = {
  'before-run': 'before your run',
  'after-run': 'after your run',
  strength: 'strength',
  mobility: 'mobility',
};

/** The local moment of `time` (HH:MM; 9:00 without one) on `now`'s day. */
export function sessionMoment(now: Date, time: string | undefined): Date {
  const minutes = time ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : ALL_DAY_REMINDER_MIN;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), Math.floor(minutes / 60), minutes % 60);
}

/** "Time for today's Backstride session: strength (band pull-apart, plank) and mobility (cat pose)." */
export function reminderText(day: Pick<ScheduledDay, 'groups'>): string {
  const parts = day.groups
    .filter((g) => g.items.length)
    .map((g) => `${SLOT_WORDS[g.slot]} (${g.items.map((i) => lowerFirst(i.name)).join(', ')})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  return `Time for today's Backstride session: ${list}.`;
}

/** Whether a reminder may come at `now`: the session time has come (up to `LATE_MIN` ago), none shown today. */
export function timeHasCome(now: Date, time: string | undefined, shownOn: string | undefined): boolean {
  if (shownOn === localDate(now)) return false;
  const late = now.getTime() - sessionMoment(now, time).getTime();
  return late >= 0 && late <= LATE_MIN * 60_000;
}

/**
 * Today's reminder when it is due at `now`: the time has come (`timeHasCome`) and the plan has exercises
 * today. Its text and the day, else undefined.
 */
export function dueToday(
  days: readonly Pick<ScheduledDay, 'date' | 'groups'>[],
  now: Date,
  time: string | undefined,
  shownOn: string | undefined,
): { date: string; text: string } | undefined {
  if (!timeHasCome(now, time, shownOn)) return undefined;
  const date = localDate(now);
  const day = days.find((d) => d.date === date);
  if (!day?.groups.some((g) => g.items.length)) return undefined;
  return { date, text: reminderText(day) };
}

/**
 * How long to wait before looking again: until today's session time when it is still ahead, else until
 * the next local midnight; never longer than a step, never less than a second.
 */
export function nextCheckMs(now: Date, time: string | undefined): number {
  const session = sessionMoment(now, time).getTime();
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  const target = session > now.getTime() ? session : midnight;
  return Math.max(1000, Math.min(target - now.getTime(), STEP_MS));
}

export type ReminderDeps = {
  time: string | undefined;
  /** The plan's days (the week `GET /api/plan` gives); may fail, and is then asked again later. */
  loadDays: () => Promise<readonly Pick<ScheduledDay, 'date' | 'groups'>[]>;
  show: (text: string, date: string) => void;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now?: () => Date;
};

/**
 * Watch for the session time and show today's reminder once. Returns a function that stops watching.
 * @example const stop = startReminders({ time: '07:00', loadDays, show, storage: localStorage })
 */
export function startReminders(deps: ReminderDeps): () => void {
  const now = deps.now ?? (() => new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The day whose plan was looked at once the time had come: nothing more to do that day. */
  let settled: string | undefined;
  const shownOn = () => {
    try {
      return deps.storage.getItem(SHOWN_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const check = async () => {
    timer = undefined;
    const t = now();
    let wait = nextCheckMs(t, deps.time);
    // The plan is asked for only when the time has come: nothing is loaded in between.
    if (settled !== localDate(t) && timeHasCome(t, deps.time, shownOn())) {
      try {
        const days = await deps.loadDays();
        if (stopped) return;
        settled = localDate(t);
        const due = dueToday(days, now(), deps.time, shownOn());
        if (due) {
          try {
            deps.storage.setItem(SHOWN_KEY, due.date);
          } catch {
            // Storage blocked: shown once on this page at least.
          }
          deps.show(due.text, due.date);
        }
      } catch {
        // The plan could not be loaded: look again in a minute while the reminder can still come.
        wait = 60_000;
      }
    }
    if (!stopped) timer = setTimeout(check, wait);
  };
  timer = setTimeout(check, 0);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** In the browser: a system notification that brings the app forward at `path` (a route) when clicked. */
export function startBrowserReminders(
  o: Pick<ReminderDeps, 'time' | 'loadDays'> & { path: string },
): () => void {
  return startReminders({
    time: o.time,
    storage: localStorage,
    loadDays: o.loadDays,
    show: (text, date) => {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      // The tag makes a second tab's notification replace this one rather than add to it.
      const options = { body: text, tag: `backstride-session-${date}`, data: { path: o.path } };
      // Phones (Android Chrome) only show notifications through the service worker; its click handler
      // opens the app at the same place.
      const worker = navigator.serviceWorker?.controller ? navigator.serviceWorker.ready : undefined;
      if (worker) {
        void worker.then((reg) => reg.showNotification('Backstride', options)).catch(() => undefined);
        return;
      }
      const n = new Notification('Backstride', options);
      n.onclick = () => {
        window.focus();
        location.hash = o.path;
        n.close();
      };
    },
  });
}

/** "Band pull-apart" reads as "band pull-apart" mid-sentence; an acronym keeps its case. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/**
 * Adherence to a schedule: per week, how many scheduled exercise-days were done. Matching is per item
 * within the week, not per date, so moving Tuesday's strength to Wednesday still counts: what matters
 * for progression is that the dose was done, not the exact day. Days before the plan started are not
 * owed, nor are days still to come; today's items count once they are done, so a runner is never
 * behind on a day that is not over.
 */
import type { ExerciseSession } from '../diary/types.js';
import { badInput } from '../errors.js';
import type { Schedule, ScheduledItem } from './build.js';
import { DAY_MS, isoDate, localDayNumber, mondayDayNumber, weekdayIndex } from './dates.js';

/** One scheduled item's days in a week, and how many of them were done. */
export type ItemAdherence = { id: string; name: string; scheduled: number; done: number };

/** One week: scheduled item-days, done item-days, percent, and the per-item breakdown. */
export type WeekAdherence = {
  weekStart: string;
  /** Scheduled item-days (one exercise on one day) in the week. */
  scheduled: number;
  /** Of those, done: per item, the distinct days it was logged that week, capped at its scheduled days. */
  done: number;
  /** `done / scheduled` in whole percent; null for a week with nothing scheduled. */
  percent: number | null;
  items: ItemAdherence[];
};

export type AdherenceOptions = {
  /** Weeks to report from `weekStart`. Default: up to the week of the latest session, at least one. */
  weeks?: number;
  /** Offset of local time from UTC in minutes, for the day of a session. Default 0. */
  utcOffsetMinutes?: number;
  /** The day the plan started (`YYYY-MM-DD`): nothing before it is scheduled. Default: `weekStart`. */
  from?: string;
  /** The runner's today (`YYYY-MM-DD`): later days are not yet due, today's only once done. Default: none. */
  today?: string;
};

/**
 * Weekly adherence to a repeating schedule, from `weekStart` (a Monday).
 * @example adherence(schedule, sessions, '2025-03-03').map((w) => w.percent)
 */
export function adherence(
  schedule: Schedule,
  sessions: ExerciseSession[],
  weekStart: string,
  options: AdherenceOptions = {},
): WeekAdherence[] {
  const start = mondayDayNumber(weekStart);
  const offset = options.utcOffsetMinutes ?? 0;
  const logged = sessions.map((s) => ({ day: localDayNumber(s.at, offset), items: new Set(s.items) }));
  const last = logged.reduce((m, s) => Math.max(m, s.day), start);
  const weeks = options.weeks ?? Math.floor((last - start) / 7) + 1;
  if (!Number.isInteger(weeks) || weeks < 1)
    throw badInput('weeks must be a whole number of at least 1', 'weeks');

  const first = options.from === undefined ? start : dayNumberOf(options.from, 'from');
  const today = options.today === undefined ? Number.POSITIVE_INFINITY : dayNumberOf(options.today, 'today');
  const planned = scheduledPerWeek(schedule);
  const result: WeekAdherence[] = [];
  for (let w = 0; w < weeks; w++) {
    const from = start + 7 * w;
    const thisWeek = logged.filter(
      (s) => s.day >= Math.max(from, first) && s.day < from + 7 && s.day <= today,
    );
    const items = [...planned.values()].map(({ item, weekdays }): ItemAdherence => {
      const doneDays = new Set(thisWeek.filter((s) => covers(s.items, item)).map((s) => s.day));
      let days = 0;
      for (let d = Math.max(from, first); d < from + 7 && d <= today; d++) {
        if (weekdays.has(weekdayIndex(d)) && (d < today || doneDays.has(d))) days++;
      }
      return { id: item.id, name: item.name, scheduled: days, done: Math.min(days, doneDays.size) };
    });
    const scheduled = items.reduce((n, i) => n + i.scheduled, 0);
    const done = items.reduce((n, i) => n + i.done, 0);
    result.push({
      weekStart: isoDate(from),
      scheduled,
      done,
      percent: scheduled ? Math.round((done / scheduled) * 100) : null,
      items,
    });
  }
  return result;
}

/**
 * How many days a week an exercise (or routine) is scheduled, for `progressDose`'s `scheduledPerWeek`.
 * @example timesPerWeek(schedule, 'plank') // 2
 */
export function timesPerWeek(schedule: Schedule, id: string): number {
  return schedule.days.filter((d) => d.groups.some((g) => g.items.some((i) => i.id === id))).length;
}

/**
 * The days an item is due between two local day numbers (inclusive), days before `today` only, and
 * today when it was done: what `progressDose` weighs the sessions done against.
 * @example dueDays(schedule, 'plank', 20150, 20163, 20163, false) // 4
 */
export function dueDays(
  schedule: Schedule,
  id: string,
  fromDay: number,
  toDay: number,
  doneToday: boolean,
): number {
  const weekdays = new Set(
    schedule.days.flatMap((d, i) => (d.groups.some((g) => g.items.some((x) => x.id === id)) ? [i] : [])),
  );
  let n = 0;
  for (let d = fromDay; d <= toDay; d++) {
    if (weekdays.has(weekdayIndex(d)) && (d < toDay || doneToday)) n++;
  }
  return n;
}

/** Each item with the weekdays (Mon = 0) it is scheduled on. */
function scheduledPerWeek(schedule: Schedule): Map<string, { item: ScheduledItem; weekdays: Set<number> }> {
  const out = new Map<string, { item: ScheduledItem; weekdays: Set<number> }>();
  schedule.days.forEach((day, i) => {
    for (const g of day.groups) {
      for (const item of g.items) {
        // An item listed twice on one day is still one session that day.
        const entry = out.get(item.id) ?? { item, weekdays: new Set<number>() };
        entry.weekdays.add(i);
        out.set(item.id, entry);
      }
    }
  });
  return out;
}

const dayNumberOf = (date: string, field: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!Number.isFinite(ms)) throw badInput(`${field} must be a date as YYYY-MM-DD, got "${date}"`, field);
  return ms / DAY_MS;
};

/** A session covers an item when it logs the item or the routine the item belongs to. */
const covers = (logged: Set<string>, item: ScheduledItem) =>
  logged.has(item.id) || (item.routine !== undefined && logged.has(item.routine.id));

/**
 * Adherence to a schedule: per week, how many scheduled exercise-days were done. Matching is per item
 * within the week, not per date, so moving Tuesday's strength to Wednesday still counts: what matters
 * for progression is that the dose was done, not the exact day.
 */
import type { ExerciseSession } from '../diary/types.js';
import { badInput } from '../errors.js';
import type { Schedule, ScheduledItem } from './build.js';
import { isoDate, localDayNumber, mondayDayNumber } from './dates.js';

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

  const planned = scheduledPerWeek(schedule);
  const result: WeekAdherence[] = [];
  for (let w = 0; w < weeks; w++) {
    const from = start + 7 * w;
    const thisWeek = logged.filter((s) => s.day >= from && s.day < from + 7);
    const items = [...planned.values()].map(({ item, days }): ItemAdherence => {
      const doneDays = new Set(thisWeek.filter((s) => covers(s.items, item)).map((s) => s.day));
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

/** Each item with the number of days a week it is scheduled. */
function scheduledPerWeek(schedule: Schedule): Map<string, { item: ScheduledItem; days: number }> {
  const out = new Map<string, { item: ScheduledItem; days: number }>();
  for (const day of schedule.days) {
    // An item listed twice on one day is still one session that day.
    const today = new Map(day.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
    for (const [id, item] of today) {
      const entry = out.get(id) ?? { item, days: 0 };
      entry.days++;
      out.set(id, entry);
    }
  }
  return out;
}

/** A session covers an item when it logs the item or the routine the item belongs to. */
const covers = (logged: Set<string>, item: ScheduledItem) =>
  logged.has(item.id) || (item.routine !== undefined && logged.has(item.routine.id));

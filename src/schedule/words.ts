/**
 * The week's days and a day's parts in words, for everything a person reads (the web app, the command
 * line, the report, the calendar). Pure data: the web app imports it too.
 */
import type { Day } from '../plan/index.js';
import type { Slot } from './build.js';

export const DAY_NAMES: Readonly<Record<Day, string>> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

/** A part of a day's plan, as a heading. */
export const SLOT_TITLES: Readonly<Record<Slot, string>> = {
  'before-run': 'Before your run',
  'after-run': 'After your run',
  strength: 'Strength',
  mobility: 'Mobility',
};

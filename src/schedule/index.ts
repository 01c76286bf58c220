/**
 * The plan over time: a repeating week built around the runner's run days (`buildSchedule`), dose
 * progression from adherence and pain check-ins (`progressDose`), weekly adherence (`adherence`), and
 * an iCalendar export (`toIcs`). Pure functions: data in, data out; dates are local calendar days at one
 * fixed UTC offset, as in `load/`.
 */
export {
  type AdherenceOptions,
  adherence,
  dueDays,
  type ItemAdherence,
  timesPerWeek,
  type WeekAdherence,
} from './adherence.js';
export {
  buildSchedule,
  SCHEDULE_RULES,
  type Schedule,
  type ScheduledDay,
  type ScheduledItem,
  type ScheduleGroup,
  type ScheduleInput,
  type Slot,
  scheduleFor,
  type WeekContext,
  weekStartOf,
} from './build.js';
export { type CurrentDose, doseText, firstDose, startDose } from './dose.js';
export {
  ALL_DAY_REMINDER_TEXT,
  CHECK_BACK_TITLE,
  escapeText,
  foldLine,
  ICS_DISCLAIMER,
  type IcsOptions,
  toIcs,
} from './ics.js';
export {
  type DoseDecision,
  type DoseHistory,
  meetsAdherence,
  PROGRESSION_RULES,
  type ProgressEvidence,
  type ProgressOptions,
  progressDose,
} from './progression.js';
export {
  ALL_DAY_REMINDER_MIN,
  DEFAULT_REMIND_MIN,
  isClockTime,
  MAX_REMIND_MIN,
  type Reminder,
  readReminder,
} from './reminder.js';

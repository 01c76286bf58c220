/**
 * The check-back of a self-care result, as pure functions: whether it is due, and the answers a re-run
 * uses when the runner says whether it is easing (so the same triage rules decide what happens next:
 * "worse" after day 3 is the getting-worse rule, "same" for weeks the not-improving one). Shared by the
 * services, the command line, the calendar file and the web app. Dates are the runner's calendar days.
 */
import type { Answers } from '../answers/index.js';
import { localDate } from '../schedule/dates.js';
import type { CheckBack } from '../triage/index.js';

export const CHECK_BACK_ANSWERS = ['easing', 'same', 'worse'] as const;
export type CheckBackAnswer = (typeof CHECK_BACK_ANSWERS)[number];

/** What each answer says, for people (the web app's buttons, the terminal). */
export const CHECK_BACK_LABELS: Record<CheckBackAnswer, string> = {
  easing: 'Yes, it’s easing',
  same: 'About the same',
  worse: 'It’s worse',
};

/** The answer as the check-in's "since it began, is it getting better, the same or worse?". */
export const TREND_OF: Record<CheckBackAnswer, 'better' | 'same' | 'worse'> = {
  easing: 'better',
  same: 'same',
  worse: 'worse',
};

/** The pending check-back of a saved self-care assessment, as the services and the API return it. */
export type DueCheckBack = {
  /** The saved assessment whose check-back this is. */
  assessmentId: string;
  /** When that check-in was made (ISO 8601). */
  assessedAt: string;
  /** The check-back date, YYYY-MM-DD. */
  on: string;
  inDays: number;
  question: string;
  why: string;
  sources: string[];
  /** Whether the date has come (on or before today). */
  due: boolean;
  /** Whole days past the date; 0 before and on it. */
  overdueDays: number;
};

const DAY = 86_400_000;

export { localDate };

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : Number.NaN;
}

/** Whole calendar days from the local day of `from` to that of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return dayNumber(localDate(to)) - dayNumber(localDate(from));
}

/**
 * The pending check-back of a saved assessment, with whether it is due at `now`; undefined when the
 * result carries none (not self-care, or saved before check-backs existed).
 */
export function pendingCheckBack(
  saved: { id: string; createdAt: number; result: unknown },
  now: Date,
): DueCheckBack | undefined {
  const triage = (saved.result as { triage?: { level?: string; selfCare?: { checkBack?: CheckBack } } })
    .triage;
  const cb = triage?.level === 'self-care' ? triage.selfCare?.checkBack : undefined;
  if (!cb || Number.isNaN(dayNumber(cb.on))) return undefined;
  const late = dayNumber(localDate(now)) - dayNumber(cb.on);
  return {
    assessmentId: saved.id,
    assessedAt: new Date(saved.createdAt).toISOString(),
    on: cb.on,
    inDays: cb.inDays,
    question: cb.question,
    why: cb.why,
    sources: [...cb.sources],
    due: late >= 0,
    overdueDays: Math.max(0, late),
  };
}

/**
 * The answers to re-run with: the saved check-in as it was, dated now, with the trend the runner just
 * gave, self-care tried, and the days since the pain began moved on by the calendar days since then
 * (when they were known). Nothing else is assumed: a new warning sign needs a new check-in.
 * @example rerunAnswers(saved.answers, 'worse', Date.parse(saved.assessedAt), new Date())
 */
export function rerunAnswers(
  answers: Answers,
  answer: CheckBackAnswer,
  assessedAt: number,
  now: Date,
): Answers {
  const elapsed = Math.max(0, calendarDaysBetween(new Date(assessedAt), now));
  const pain: NonNullable<Answers['pain']> = {
    ...answers.pain,
    trend: TREND_OF[answer],
    triedSelfCare: true,
  };
  const days = answers.pain?.daysSinceStart;
  if (days !== undefined) pain.daysSinceStart = Math.min(36_500, days + elapsed);
  return { ...answers, date: now.toISOString(), pain };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A check-back date for people: `Tue 4 Mar`, with the year when it is not the year of `now`.
 * Anything that is not a YYYY-MM-DD date is returned unchanged.
 */
export function formatCheckBackDay(date: string, now: Date = new Date()): string {
  const n = dayNumber(date);
  if (Number.isNaN(n)) return date;
  const d = new Date(n * DAY);
  const text = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return d.getUTCFullYear() === now.getFullYear() ? text : `${text} ${d.getUTCFullYear()}`;
}

/** "today", "yesterday", "3 days ago", "tomorrow", "in 3 days": how far the date is from today. */
export function relativeDay(date: string, now: Date = new Date()): string {
  const diff = dayNumber(date) - dayNumber(localDate(now));
  if (Number.isNaN(diff)) return '';
  if (diff === 0) return 'today';
  if (diff === -1) return 'yesterday';
  if (diff === 1) return 'tomorrow';
  return diff < 0 ? `${-diff} days ago` : `in ${diff} days`;
}

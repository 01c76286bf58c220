/**
 * Which stored runs the assessment reads and when they stand in for the runner's answers about load.
 * Plain numbers and one pure function, so the check-ins (the web app included) can tell before asking
 * whether the runs will answer the running-load questions (src/answers/questions.ts).
 */

const DAY = 86_400_000;

/** The assessment reads the runs of this many days before the check-in. */
export const HISTORY_WINDOW_DAYS = 120;
/** The history must cover this much to stand in for the answers (mergeHistory). */
export const MIN_HISTORY_DAYS = 28;
/** The runs answer for the runner's current load only with a run this recent. */
export const RECENT_RUN_DAYS = 42;

/**
 * Whether stored runs (start times in ms) answer the running-load questions at `at`: a run in the last
 * six weeks, and a history the assessment will use instead of the answers (it covers at least four weeks
 * of its window). Runs a week, rest days, the weekly distance now and four weeks ago and the longest run
 * then come from the runs.
 * @example runsAnswerLoad([Date.now() - 30 * 86_400_000, Date.now() - 2 * 86_400_000], Date.now()) // true
 */
export function runsAnswerLoad(startTimes: readonly number[], at: number): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of startTimes) {
    if (t > at || t <= at - HISTORY_WINDOW_DAYS * DAY) continue;
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  if (!Number.isFinite(first)) return false;
  return last > at - RECENT_RUN_DAYS * DAY && Math.round((at - first) / DAY) >= MIN_HISTORY_DAYS;
}

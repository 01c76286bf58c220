/**
 * What the stored running history says, for the assessment: weekly distance and its change before the
 * pain began, rest days, long-run share, load flags and the late-run fatigue markers. Where the history
 * and the answers disagree, both are kept; the data wins only for distance and frequency, where a watch
 * is the better witness, and the result says so.
 */
import type { Answers } from '../answers/index.js';
import type { DiaryRun } from '../diary/types.js';
import { type LoadFlag, loadSummary } from '../load/index.js';
import { HISTORY_WINDOW_DAYS, MIN_HISTORY_DAYS } from './history-window.js';

const DAY = 86_400_000;
/** Runs at least this long show late-run fatigue (the sources: form breaks down late in long runs). */
const LONG_RUN_S = 75 * 60;

export type HistoryFacts = {
  /** Last 7 days before the check-in. */
  weeklyKmNow: number;
  /** The 7 days four weeks earlier. */
  weeklyKm4WeeksAgo: number;
  runsLast7: number;
  restDaysLast7: number;
  longestRunKm30: number;
  /** The week before the pain began (from daysSinceStart), when known. */
  weekBeforePain?: { weekStart: string; distanceKm: number; changePct?: number; twoWeekChangePct?: number };
  /** Load flags in the 14 days before the pain began (or before the check-in). */
  flagsBeforePain: LoadFlag[];
  acwrRolling?: number;
  /** Late-run fatigue on recent long runs: mean cadence and pace change, first vs last third. */
  fatigue?: { runs: number; cadenceChangeSpm?: number; decouplingPct?: number };
  /** From the first to the last stored run considered. */
  coversDays: number;
};

export type DataNote = {
  field: string;
  answered: number;
  data: number;
  used: 'data' | 'answer';
  why: string;
};

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/** Facts from the runs before `at` (the check-in time). Undefined without enough history. */
export function historyFacts(
  runs: DiaryRun[],
  at: number,
  daysSinceStart?: number,
): HistoryFacts | undefined {
  const before = runs.filter((r) => r.startTime <= at && r.startTime > at - HISTORY_WINDOW_DAYS * DAY);
  if (before.length === 0) return undefined;
  const first = Math.min(...before.map((r) => r.startTime));
  const sumKm = (from: number, to: number) =>
    before.filter((r) => r.startTime > from && r.startTime <= to).reduce((s, r) => s + r.distanceM, 0) / 1000;
  const last7 = before.filter((r) => r.startTime > at - 7 * DAY);
  const runDays = new Set(last7.map((r) => dayOf(r.startTime)));
  const load = loadSummary(
    before.map((r) => ({
      id: r.id,
      startTime: r.startTime,
      distanceM: r.distanceM,
      elapsedS: r.elapsedS ?? 0,
    })),
    { to: dayOf(at) },
  );
  const painStart = daysSinceStart !== undefined ? at - daysSinceStart * DAY : at;
  const facts: HistoryFacts = {
    weeklyKmNow: round1(sumKm(at - 7 * DAY, at)),
    weeklyKm4WeeksAgo: round1(sumKm(at - 35 * DAY, at - 28 * DAY)),
    runsLast7: last7.length,
    restDaysLast7: 7 - runDays.size,
    longestRunKm30: round1(
      Math.max(0, ...before.filter((r) => r.startTime > at - 30 * DAY).map((r) => r.distanceM)) / 1000,
    ),
    flagsBeforePain: load.flags.filter((f) => {
      const t = Date.parse(`${f.date}T12:00:00Z`);
      return t <= painStart + DAY && t > painStart - 14 * DAY;
    }),
    coversDays: Math.round((at - first) / DAY),
  };
  if (load.acwr.rolling.latest !== undefined)
    facts.acwrRolling = Math.round(load.acwr.rolling.latest * 100) / 100;
  if (daysSinceStart !== undefined) {
    const painDay = dayOf(painStart);
    const week = [...load.weeks].reverse().find((w) => w.weekEnd < painDay);
    if (week) {
      facts.weekBeforePain = { weekStart: week.weekStart, distanceKm: round1(week.distanceM / 1000) };
      if (week.changePct !== undefined) facts.weekBeforePain.changePct = Math.round(week.changePct);
      if (week.twoWeekChangePct !== undefined)
        facts.weekBeforePain.twoWeekChangePct = Math.round(week.twoWeekChangePct);
    }
  }
  const long = before
    .filter((r) => (r.movingS ?? r.elapsedS ?? 0) >= LONG_RUN_S && r.startTime > at - 60 * DAY)
    .slice(-8);
  if (long.length >= 2) {
    const cadence = mean(long.map((r) => r.cadenceChangeSpm).filter((x): x is number => x !== null));
    const decoupling = mean(long.map((r) => r.decouplingPct).filter((x): x is number => x !== null));
    facts.fatigue = { runs: long.length };
    if (cadence !== undefined) facts.fatigue.cadenceChangeSpm = round1(cadence);
    if (decoupling !== undefined) facts.fatigue.decouplingPct = round1(decoupling);
  }
  return facts;
}

/**
 * Answers with the running fields the data knows better replaced by the data, and a note for every
 * disagreement. With less than four weeks of history, the answers stand.
 */
export function mergeHistory(
  answers: Answers,
  facts: HistoryFacts | undefined,
): { answers: Answers; notes: DataNote[] } {
  if (!facts || facts.coversDays < MIN_HISTORY_DAYS) return { answers, notes: [] };
  const running = { ...(answers.running ?? {}) };
  const notes: DataNote[] = [];
  const use = (field: keyof typeof running, data: number, why: string) => {
    const answered = running[field] as number | undefined;
    if (answered !== undefined && Math.abs(answered - data) > Math.max(1, 0.1 * Math.max(answered, data))) {
      notes.push({ field: `running.${field}`, answered, data, used: 'data', why });
    }
    (running as Record<string, unknown>)[field] = data;
  };
  const why = 'your recorded runs measure distance and frequency better than memory';
  use('weeklyKmNow', facts.weeklyKmNow, why);
  use('weeklyKm4WeeksAgo', facts.weeklyKm4WeeksAgo, why);
  use('runsPerWeek', facts.runsLast7, why);
  use('restDaysPerWeek', facts.restDaysLast7, why);
  use('longestRunKm', facts.longestRunKm30, why);
  return { answers: { ...answers, running }, notes };
}

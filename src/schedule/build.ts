/**
 * The plan laid out over a week. Run days come from the runner (given days, else the weekday pattern of
 * recent runs, else a count spread as the plan spreads it); routines sit on run days, strength on two or
 * three non-consecutive days away from the runs and never the day before the long run, mobility on the
 * rest. Every exercise carries today's dose as numbers and as text.
 */
import type { Answers } from '../answers/index.js';
import type { DiaryRun } from '../diary/types.js';
import { badInput } from '../errors.js';
import { type Exercise, index } from '../knowledge/index.js';
import { type Day, formatDose, newToStrength, type Plan, type PlanItem } from '../plan/index.js';
import { DAYS, dayIndex, isoDate, localDayNumber, mondayDayNumber, weekdayIndex } from './dates.js';
import { type CurrentDose, doseText, firstDose } from './dose.js';

/** The part of a day an item belongs to; one calendar event per day and slot. */
export type Slot = 'before-run' | 'after-run' | 'strength' | 'mobility';

/** One exercise (or an undosed routine) on one day. */
export type ScheduledItem = {
  /** Knowledge exercise id; for a routine with no listed exercises, the routine (intervention) id. */
  id: string;
  name: string;
  kind: Exercise['kind'] | 'routine';
  /** The before- or after-run routine it is part of: a session logging the routine id counts for it. */
  routine?: { id: string; title: string };
  /** Today's dose as numbers; absent for an undosed routine. */
  dose?: CurrentDose;
  /** Today's dose as text ("2×12", "3×20 s"); empty for an undosed routine. */
  doseText: string;
  /** When the dose is the easier variant: how to do it (the exercise's `easier` text). */
  easier?: string;
  /** The source's whole dose range in words, so the runner sees where the dose is heading. */
  sourceDose?: string;
  steps: string[];
  cautions: string[];
};

/** The items of one slot on one day: one calendar event. */
export type ScheduleGroup = { slot: Slot; items: ScheduledItem[] };

export type ScheduledDay = {
  day: Day;
  /** The date of this day in the schedule's first week (`YYYY-MM-DD`); the week repeats. */
  date: string;
  run: boolean;
  longRun: boolean;
  focus: 'run' | 'strength' | 'mobility' | 'rest';
  /** In the order they happen: before-run, after-run, strength, mobility. Empty groups are left out. */
  groups: ScheduleGroup[];
};

/** A repeating week built from a plan. */
export type Schedule = {
  weekStart: string;
  mode: Plan['mode'];
  runDays: Day[];
  /** Where the run days came from; `none` for a safety-only plan, which schedules nothing. */
  runDaysFrom: 'input' | 'runs' | 'runs-per-week' | 'default' | 'none';
  longRunDay: Day | null;
  strengthDays: Day[];
  days: ScheduledDay[];
  /** Plain-language notes on compromises (strength on a run day, assumed run days). */
  notes: string[];
};

export type ScheduleInput = {
  /** Monday of the first week, `YYYY-MM-DD`. */
  weekStart: string;
  runDays?: Day[];
  runsPerWeek?: number;
  /** Recent runs; the 4 weeks before `weekStart` give the weekday pattern and the long-run day. */
  runs?: Pick<DiaryRun, 'startTime' | 'distanceM'>[];
  /** Current doses by exercise id (from `progressDose`); others start at the bottom of the source range. */
  doses?: Record<string, CurrentDose>;
  /** Offset of the runner's local time from UTC in minutes, for the weekday of a run. Default 0. */
  utcOffsetMinutes?: number;
  /** Never done strength training: strength exercises without a stored dose start as their easier variant. */
  newToStrength?: boolean;
};

/**
 * Scheduling choices. These are Backstride rules, not numbers from the sources: the sources dose
 * strength at two or three sessions a week (`dose.perWeek`) but do not say which days.
 */
export const SCHEDULE_RULES = {
  /** Weeks of run history read for the weekday pattern; long enough to see a routine, short enough to follow a change. */
  runHistoryWeeks: 4,
  /** Strength sessions a week: the range every strength exercise in the knowledge base is dosed at. */
  strengthDays: { min: 2, max: 3 },
  /** Run days assumed when nothing is known, as `buildPlan` assumes (article 003: about three while in pain). */
  defaultRunsPerWeek: 3,
  /** The long run is usually at the weekend. */
  defaultLongRunDay: 'Sat' as Day,
  /** Run days spread through the week by count when no runs are known, long run at the weekend. */
  runDaySpread: [
    [],
    ['Sat'],
    ['Wed', 'Sat'],
    ['Tue', 'Thu', 'Sat'],
    ['Tue', 'Thu', 'Sat', 'Sun'],
    ['Mon', 'Tue', 'Thu', 'Sat', 'Sun'],
    ['Mon', 'Tue', 'Wed', 'Thu', 'Sat', 'Sun'],
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ] as readonly (readonly Day[])[],
  /** While in pain, about three run days a week (article 003), as the plan advises. */
  maxRunsPerWeek: 3,
} as const;

const DAY_SET = new Set<string>(DAYS);

/**
 * Lay a plan over a week.
 * @example buildSchedule(assess(answers).plan, { weekStart: '2025-03-03', runDays: ['Tue', 'Thu', 'Sat'] })
 */
export function buildSchedule(plan: Plan, input: ScheduleInput): Schedule {
  const start = mondayDayNumber(input.weekStart);
  const weekStart = isoDate(start);
  if (plan.mode === 'safety-only') {
    // Emergency and urgent plans carry only what to do now; scheduling exercise would contradict them.
    return {
      weekStart,
      mode: plan.mode,
      runDays: [],
      runDaysFrom: 'none',
      longRunDay: null,
      strengthDays: [],
      days: DAYS.map((day, i) => ({
        day,
        date: isoDate(start + i),
        run: false,
        longRun: false,
        focus: 'rest',
        groups: [],
      })),
      notes: ['No exercise schedule: follow the advice on what to do now first.'],
    };
  }

  if (input.runsPerWeek !== undefined && !Number.isFinite(input.runsPerWeek)) {
    throw badInput('runsPerWeek must be a number from 0 to 7', 'runsPerWeek');
  }
  const notes: string[] = [];
  const offset = input.utcOffsetMinutes ?? 0;
  const pattern = input.runs?.length ? runPattern(input.runs, start, offset) : undefined;
  const { runDays, from } = chooseRunDays(input, pattern);
  if (from === 'default') {
    notes.push(
      `No run days given or found in the last ${SCHEDULE_RULES.runHistoryWeeks} weeks: assumed ${runDays.length} a week (${runDays.map((d) => DAYS[d]).join(', ')}).`,
    );
  }
  const longRun = chooseLongRun(runDays, pattern);

  const gentleOnly = plan.mode === 'gentle';
  const section = (id: string) => plan.sections.find((s) => s.id === id)?.items ?? [];
  const dosing: Dosing = { doses: input.doses, newToStrength: input.newToStrength ?? false };
  const before = routineItems(section('before-run'), dosing, gentleOnly);
  const after = routineItems(section('after-run'), dosing, gentleOnly);
  const strength: ScheduledItem[] = [];
  const mobility: { item: ScheduledItem; exercise?: Exercise }[] = [];
  for (const item of section('strength-mobility')) {
    const e = index('exercises').get(item.id);
    if (!e) {
      // A hand-made plan may name an exercise the knowledge base lacks; keep it rather than drop it silently.
      mobility.push({ item: undosedItem(item, 'mobility') });
      continue;
    }
    if (gentleOnly && !e.gentle) continue;
    if (e.kind === 'strength') strength.push(exerciseItem(e, dosing));
    else mobility.push({ item: exerciseItem(e, dosing), exercise: e });
  }

  const strengthDays = strength.length ? chooseStrengthDays(runDays, longRun) : [];
  const onRunDays = strengthDays.filter((d) => runDays.includes(d));
  if (onRunDays.length) {
    notes.push(
      `Strength shares a run day (${onRunDays.map((d) => DAYS[d]).join(', ')}) because there are too few free days: do it after the run, or keep it light.`,
    );
  }
  const mobilityDays = mobility.map(({ exercise }) =>
    placeMobility(exercise, strengthDays, runDays, longRun),
  );

  const days = DAYS.map((day, i): ScheduledDay => {
    const run = runDays.includes(i);
    const groups: ScheduleGroup[] = [];
    const push = (slot: Slot, items: ScheduledItem[]) => {
      if (items.length) groups.push({ slot, items });
    };
    if (run) {
      push('before-run', before);
      push('after-run', after);
    }
    if (strengthDays.includes(i)) push('strength', strength);
    push(
      'mobility',
      mobility.filter((_, k) => mobilityDays[k]?.includes(i)).map((m) => m.item),
    );
    const focus: ScheduledDay['focus'] = run
      ? 'run'
      : strengthDays.includes(i)
        ? 'strength'
        : groups.length
          ? 'mobility'
          : 'rest';
    return { day, date: isoDate(start + i), run, longRun: longRun === i, focus, groups };
  });

  return {
    weekStart,
    mode: plan.mode,
    runDays: runDays.map(toDay),
    runDaysFrom: from,
    longRunDay: longRun === null ? null : toDay(longRun),
    strengthDays: strengthDays.map(toDay),
    days,
    notes,
  };
}

const toDay = (i: number): Day => DAYS[i] ?? 'Mon';

type Dosing = { doses: Record<string, CurrentDose> | undefined; newToStrength: boolean };

function exerciseItem(e: Exercise, dosing: Dosing, routine?: PlanItem) {
  // A stored dose may predate a field the exercise is dosed in; the start dose fills the gap.
  const dose: CurrentDose = { ...firstDose(e, dosing.newToStrength), ...dosing.doses?.[e.id] };
  if (dosing.doses?.[e.id] && !dosing.doses[e.id]?.easier) delete dose.easier;
  const item: ScheduledItem = {
    id: e.id,
    name: e.name,
    kind: e.kind,
    dose,
    doseText: doseText(dose),
    sourceDose: formatDose(e.dose),
    steps: e.steps,
    cautions: e.cautions,
  };
  if (dose.easier && e.easier) item.easier = e.easier;
  if (routine) item.routine = { id: routine.id, title: routine.title };
  return item;
}

function undosedItem(item: PlanItem, kind: ScheduledItem['kind']): ScheduledItem {
  return {
    id: item.id,
    name: item.title,
    kind,
    doseText: item.dose ?? '',
    steps: [item.detail],
    cautions: item.cautions ?? [],
  };
}

/** A routine expands to its exercises, each dosed, so each can progress and be ticked off on its own. */
function routineItems(items: PlanItem[], dosing: Dosing, gentleOnly: boolean) {
  const out: ScheduledItem[] = [];
  const seen = new Set<string>();
  for (const routine of items) {
    const exercises = (routine.exercises ?? []).flatMap((id) => index('exercises').get(id) ?? []);
    if (!exercises.length) {
      out.push({ ...undosedItem(routine, 'routine'), routine: { id: routine.id, title: routine.title } });
      continue;
    }
    for (const e of exercises) {
      // The same exercise in two routines of one slot would be done once.
      if (seen.has(e.id) || (gentleOnly && !e.gentle)) continue;
      seen.add(e.id);
      out.push(exerciseItem(e, dosing, routine));
    }
  }
  return out;
}

type RunPattern = {
  /** Per weekday (Mon = 0): in how many of the weeks it had a run. */
  weeksWithRun: number[];
  /** Per weekday: total distance, to break ties toward the days that carry the training. */
  totalM: number[];
  /** Per weekday: median run distance, or 0 without runs. */
  medianM: number[];
  /** Average run days a week over the weeks since the first run in the window. */
  runDaysPerWeek: number;
};

/** The weekday pattern of the runs in the weeks before `start`; undefined when there are none. */
function runPattern(
  runs: Pick<DiaryRun, 'startTime' | 'distanceM'>[],
  start: number,
  offset: number,
): RunPattern | undefined {
  const weeks = SCHEDULE_RULES.runHistoryWeeks;
  const from = start - 7 * weeks;
  const inWindow = runs
    .filter((r) => Number.isFinite(r.startTime))
    .map((r) => ({
      day: localDayNumber(r.startTime, offset),
      m: Number.isFinite(r.distanceM) ? r.distanceM : 0,
    }))
    .filter((r) => r.day >= from && r.day < start);
  if (!inWindow.length) return undefined;
  const seen = DAYS.map(() => new Set<number>());
  const distances = DAYS.map((): number[] => []);
  let first = start;
  for (const r of inWindow) {
    const w = weekdayIndex(r.day);
    // Weeks, not runs, are counted, so a double-run day does not outvote a day run every week.
    seen[w]?.add(Math.floor((r.day - from) / 7));
    distances[w]?.push(r.m);
    first = Math.min(first, r.day);
  }
  // A runner who started two weeks ago runs that often in two weeks, not in four.
  const weeksObserved = weeks - Math.floor((first - from) / 7);
  const weeksWithRun = seen.map((s) => s.size);
  return {
    weeksWithRun,
    totalM: distances.map((d) => d.reduce((a, b) => a + b, 0)),
    medianM: distances.map(median),
    runDaysPerWeek: weeksWithRun.reduce((a, b) => a + b, 0) / weeksObserved,
  };
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const clampRuns = (n: number) => Math.max(0, Math.min(7, Math.round(n)));

function chooseRunDays(
  input: ScheduleInput,
  pattern: RunPattern | undefined,
): { runDays: number[]; from: Schedule['runDaysFrom'] } {
  if (input.runDays) {
    for (const d of input.runDays) if (!DAY_SET.has(d)) throw badInput(`unknown run day: ${d}`, 'runDays');
    return { runDays: [...new Set(input.runDays.map(dayIndex))].sort((a, b) => a - b), from: 'input' };
  }
  if (pattern) {
    const wanted =
      input.runsPerWeek !== undefined
        ? clampRuns(input.runsPerWeek)
        : Math.max(1, clampRuns(pattern.runDaysPerWeek));
    const ranked = DAYS.map((_, i) => i)
      .filter((i) => (pattern.weeksWithRun[i] ?? 0) > 0)
      .sort(
        (a, b) =>
          (pattern.weeksWithRun[b] ?? 0) - (pattern.weeksWithRun[a] ?? 0) ||
          (pattern.totalM[b] ?? 0) - (pattern.totalM[a] ?? 0) ||
          a - b,
      );
    return { runDays: ranked.slice(0, wanted).sort((a, b) => a - b), from: 'runs' };
  }
  const known = input.runsPerWeek !== undefined;
  const count = known ? clampRuns(input.runsPerWeek ?? 0) : SCHEDULE_RULES.defaultRunsPerWeek;
  const spread = (SCHEDULE_RULES.runDaySpread[count] ?? []).map(dayIndex);
  return { runDays: spread, from: known ? 'runs-per-week' : 'default' };
}

/** The run day with the longest typical (median) run; Saturday, else the week's last run day, without runs. */
function chooseLongRun(runDays: number[], pattern: RunPattern | undefined): number | null {
  const sat = dayIndex(SCHEDULE_RULES.defaultLongRunDay);
  const medianOf = (d: number) => pattern?.medianM[d] ?? 0;
  // Ties go to Saturday, then to the later day: the usual long-run slots.
  const ranked = [...runDays].sort(
    (a, b) => medianOf(b) - medianOf(a) || Number(b === sat) - Number(a === sat) || b - a,
  );
  const top = ranked[0];
  if (top !== undefined && medianOf(top) > 0) return top;
  if (!runDays.length) return null;
  return runDays.includes(sat) ? sat : (runDays[runDays.length - 1] ?? null);
}

/**
 * Strength days: every set of 2–3 days with no two in a row (Sunday to Monday counts, as the week
 * repeats) and not the day before the long run, ranked by: fewest run days, not the long-run day, more
 * sessions, the widest spacing, then the earliest days. 120 subsets, so brute force is clearest.
 */
function chooseStrengthDays(runDays: number[], longRun: number | null): number[] {
  const { min, max } = SCHEDULE_RULES.strengthDays;
  const banned = longRun === null ? -1 : (longRun + 6) % 7;
  let best: { days: number[]; score: number[] } | undefined;
  for (let mask = 1; mask < 1 << 7; mask++) {
    const days = DAYS.map((_, i) => i).filter((i) => mask & (1 << i));
    if (days.length < min || days.length > max || days.includes(banned)) continue;
    if (days.some((d) => days.includes((d + 1) % 7))) continue;
    // Gaps to the next strength day, wrapping into next week.
    const gaps = days.map((d, k) => (k + 1 < days.length ? (days[k + 1] ?? d) : (days[0] ?? d) + 7) - d);
    const score = [
      -days.filter((d) => runDays.includes(d)).length,
      longRun !== null && days.includes(longRun) ? -1 : 0,
      days.length,
      Math.min(...gaps),
      ...days.map((d) => -d),
    ];
    if (!best || compareScores(score, best.score) > 0) best = { days, score };
  }
  return best?.days ?? [];
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Days for one mobility, stretch or breathing exercise: the days without strength (every day for
 * exercises the source doses daily), at most `perWeek.max` of them, non-run days first and the long-run
 * day last, since those days already hold the most.
 */
function placeMobility(
  e: Exercise | undefined,
  strengthDays: number[],
  runDays: number[],
  longRun: number | null,
): number[] {
  const daily = e?.dose.timing === 'daily';
  const candidates = DAYS.map((_, i) => i).filter((i) => daily || !strengthDays.includes(i));
  const load = (i: number) => (i === longRun ? 2 : runDays.includes(i) ? 1 : 0);
  const max = e ? e.dose.perWeek.max : 7;
  return [...candidates]
    .sort((a, b) => load(a) - load(b) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}

/** What the week of a saved plan is built from, whoever shows it. */
export type WeekContext = {
  /** The check-in's answers: run days a week, strength-training history. */
  answers: Pick<Answers, 'running' | 'daily'> | undefined;
  runs?: Pick<DiaryRun, 'startTime' | 'distanceM'>[];
  /** Now (epoch ms): the week shown is the one containing the runner's today. */
  now: number;
  /** Offset of the runner's local time from UTC in minutes. Default 0. */
  utcOffsetMinutes?: number;
  doses?: Record<string, CurrentDose>;
};

/**
 * The week of a plan as every output shows it (the plan page, `plan`, `assess`, the report, the
 * calendar file): one set of inputs from one place, so they cannot disagree on days or doses.
 * @example scheduleFor(tailored, { answers, runs, now: Date.now() })
 */
export function scheduleFor(plan: Plan, context: WeekContext): Schedule {
  const offset = context.utcOffsetMinutes ?? 0;
  const runsPerWeek = context.answers?.running?.runsPerWeek;
  const input: ScheduleInput = {
    weekStart: weekStartOf(context.now, offset),
    runs: context.runs ?? [],
    utcOffsetMinutes: offset,
    newToStrength: newToStrength(context.answers),
  };
  if (runsPerWeek !== undefined) input.runsPerWeek = Math.min(SCHEDULE_RULES.maxRunsPerWeek, runsPerWeek);
  if (context.doses) input.doses = context.doses;
  const schedule = buildSchedule(plan, input);
  if (schedule.mode === 'safety-only') return schedule;
  const notes = [...schedule.notes];
  if (context.answers?.daily?.equipment === undefined) {
    notes.push(
      'You did not say what equipment you have, so the plan uses exercises that need none. Say so at your next check-in to add band, dumbbell or gym exercises.',
    );
  }
  if (input.newToStrength && schedule.strengthDays.length) {
    notes.push(
      'You have not done strength training before, so strength exercises start with their easier version; the dose notes say when to move on.',
    );
  }
  return { ...schedule, notes };
}

/** Monday (`YYYY-MM-DD`) of the runner's local week containing `now`. */
export function weekStartOf(now: number, utcOffsetMinutes = 0): string {
  const today = localDayNumber(now, utcOffsetMinutes);
  return isoDate(today - weekdayIndex(today));
}

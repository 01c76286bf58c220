/**
 * The latest plan as this week's schedule, the one place every adapter gets it from: the runner's swaps
 * and drops applied, doses progressed week by week since the plan began (from adherence and pain), weekly
 * adherence counted from the day it began, the runner's changes themselves, and the clinician report's
 * input assembled from the diary. The week's text is styled by the
 * caller (colours on a terminal, plain elsewhere).
 */
import { z } from 'zod';
import { type DueCheckBack, pendingCheckBack } from '../check-back/index.js';
import { badInput, conflict } from '../errors.js';
import { type Exercise, index, knowledge } from '../knowledge/index.js';
import { loadSummary } from '../load/index.js';
import type { Units } from '../metrics/index.js';
import {
  type AppliedChange,
  describeChange,
  kitOf,
  newToStrength,
  type Plan,
  type PlanChange,
  swapOptions,
  tailorPlan,
} from '../plan/index.js';
import type { ReportInput } from '../report/index.js';
import { DAY_MS, isoDate, localDayNumber } from '../schedule/dates.js';
import {
  adherence,
  type CurrentDose,
  type DoseDecision,
  dueDays,
  firstDose,
  progressDose,
  type Schedule,
  type ScheduledDay,
  scheduleFor,
  weekStartOf,
} from '../schedule/index.js';
import { DAY_NAMES, SLOT_TITLES } from '../schedule/words.js';
import type { Store } from '../store/index.js';
import type { AdherenceWeek, DiaryData } from './insights.js';

/** Replay at most this many weeks of progression. */
const MAX_WEEKS = 26;

/** The runner's offset from UTC at `now`: the server runs on the runner's machine (or says otherwise). */
const offsetAt = (now: number) => -new Date(now).getTimezoneOffset();

/** How the week's text is emphasised: picocolors on a terminal, nothing in a JSON API. */
export type TextStyle = { bold: (s: string) => string; dim: (s: string) => string };

/** Plain text: no escape codes. */
export const plainStyle: TextStyle = { bold: (s) => s, dim: (s) => s };

/** A change to the plan for people: what, in words, and what the API and the web app act on. */
export type PlanChangeView = {
  /** The exercise the plan was built with. */
  exercise: string;
  name: string;
  action: AppliedChange['action'];
  replacement?: { id: string; name: string };
  by: AppliedChange['by'];
  at?: string;
  /** "You swapped Lat pull-down for Superman." */
  text: string;
};

/** This week's schedule, the dose decisions behind it, the runner's changes, and the same as text. */
export type PlanWeek = {
  schedule: Schedule;
  /** The runner's today, `YYYY-MM-DD`, so a client shows the same "today" as the text. */
  today: string;
  decisions: {
    id: string;
    name: string;
    change: DoseDecision['change'];
    reason: string;
    because: string;
    dose: string;
  }[];
  /**
   * The decisions for people: one sentence each (shown after the exercise's name), except that
   * exercises kept at their dose for the same reason share one that names them ("Keep Plank and Squat at
   * the same doses this week: your plan has only just started.").
   */
  doseNotes: { exercises: string[]; text: string }[];
  changes: PlanChangeView[];
  /** Per exercise of the strength and mobility programme: what it may be swapped for. */
  swaps: Record<string, { id: string; name: string }[]>;
  /** Plan items logged today (exercise or routine ids, a routine's exercises with it), for "Done" shown as done. */
  doneToday: string[];
  text: string;
  /** The self-care result's check-back while it is unanswered, for the calendar file and the reminder. */
  checkBack?: DueCheckBack;
};

/** The latest plan with the runner's changes and their equipment applied. */
export function currentPlan(data: DiaryData): Plan {
  const latest = data.latest;
  if (!latest) throw conflict('no assessment yet: do a check-in first, then the plan is ready');
  return tailorPlan(latest.result.plan, {
    changes: data.planChanges ?? [],
    kit: kitOf(latest.answers),
    raised: latest.result.factors.map((f) => f.id),
  });
}

/** Exercise ids of the strength and mobility programme (the ones that progress, swap and drop). */
const programme = (plan: Plan) =>
  plan.sections.flatMap((s) => s.items.filter((i) => i.type === 'exercise').map((i) => i.id));

/** The exercise and the routines that contain it: a session logging any of them counts for it. */
const countsFor = (id: string) =>
  new Set([
    id,
    ...knowledge()
      .interventions.filter((i) => i.exercises.includes(id))
      .map((i) => i.id),
  ]);

/**
 * Doses now: start where the runner starts (the bottom of each source range; the easier variant for a
 * runner new to strength work) and apply one decision per week since the plan began, each weighing the
 * sessions done against the days the week actually scheduled since then.
 */
function currentDoses(data: DiaryData, plan: Plan, layout: Schedule, now: number, offset: number) {
  const start = data.latest?.createdAt ?? now;
  const novice = newToStrength(data.latest?.answers);
  const doses: Record<string, CurrentDose> = {};
  const last: Record<string, DoseDecision> = {};
  // The check-in's own pain rating counts as a pain check-in of that day.
  const rated = data.latest?.answers.pain?.now;
  const checkins =
    rated === undefined || !data.latest
      ? data.checkins
      : [
          ...data.checkins,
          { id: 'check-in', at: data.latest.createdAt, regions: [], score: rated, timing: 'other' as const },
        ];
  const history = { sessions: data.sessions, checkins };
  const startDay = localDayNumber(start, offset);
  for (const id of programme(plan)) {
    const e = index('exercises').get(id);
    if (!e) continue;
    const logged = countsFor(id);
    const decide = (dose: CurrentDose, at: number) => {
      const toDay = localDayNumber(at, offset);
      const fromDay = Math.max(startDay, localDayNumber(at - 14 * DAY_MS, offset) + 1);
      const doneToday = data.sessions.some(
        (s) => s.at <= at && localDayNumber(s.at, offset) === toDay && s.items.some((x) => logged.has(x)),
      );
      return progressDose(id, dose, history, at, {
        since: start,
        scheduled: dueDays(layout, id, fromDay, toDay, doneToday),
        utcOffsetMinutes: offset,
      });
    };
    let dose = firstDose(e, novice);
    const weeks = Math.max(0, Math.min(MAX_WEEKS, Math.floor((now - start) / (7 * DAY_MS))));
    for (let w = 1; w <= weeks; w++) {
      const decision = decide(dose, start + w * 7 * DAY_MS);
      dose = decision.dose;
      last[id] = decision;
    }
    if (weeks === 0) last[id] = decide(dose, now);
    doses[id] = dose;
  }
  return { doses, last };
}

/** What a day is for, in a word or two. */
export function dayFocus(d: ScheduledDay): string {
  if (d.longRun) return 'Long run';
  if (d.run) return 'Run';
  return { strength: 'Strength', mobility: 'Mobility', rest: 'Rest', run: 'Run' }[d.focus];
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The week of `nowDate` from the latest saved plan, the runner's changes applied, doses progressed to date.
 * @throws conflict when there is no saved assessment
 */
export async function planWeek(
  data: DiaryData,
  nowDate: Date,
  pc: TextStyle = plainStyle,
): Promise<PlanWeek> {
  const now = nowDate.getTime();
  const offset = offsetAt(now);
  const plan = currentPlan(data);
  const answers = data.latest?.answers;
  const context = { answers, runs: data.runs, now, utcOffsetMinutes: offset };
  // The days do not depend on the doses: lay the week out once to count what was due, then dose it.
  const layout = scheduleFor(plan, context);
  const { doses, last } = currentDoses(data, plan, layout, now, offset);
  const schedule = scheduleFor(plan, { ...context, doses });
  const today = isoDate(localDayNumber(now, offset));
  const name = (id: string) => index('exercises').get(id)?.name ?? id;
  const decisions = Object.entries(last).map(([id, d]) => ({
    id,
    name: name(id),
    change: d.change,
    reason: d.reason,
    because: d.because,
    dose: Object.entries(d.dose)
      .filter(([k]) => k !== 'perSide')
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  }));
  const doseNotes = notesOf(decisions);
  const changes = (plan.changes ?? []).map(changeView);
  const kit = kitOf(answers);
  const swaps: PlanWeek['swaps'] = {};
  for (const id of programme(plan)) {
    swaps[id] = swapOptions(plan, id, kit).map((e) => ({ id: e.id, name: e.name }));
  }

  const out: string[] = [pc.bold(`Your week from ${longDate(schedule.weekStart)}`)];
  if (schedule.mode === 'safety-only')
    out.push('  Nothing is scheduled: your last check-in needs prompt care first.');
  else {
    for (const d of schedule.days) {
      const when = d.date === today ? `Today, ${DAY_NAMES[d.day]}` : DAY_NAMES[d.day];
      out.push('', `${pc.bold(when)}: ${dayFocus(d).toLowerCase()}`);
      if (!d.groups.length) out.push(pc.dim('  Nothing planned: rest and walk.'));
      for (const g of d.groups) {
        const items = g.items.map((i) => `${i.name}${i.doseText ? ` ${i.doseText}` : ''}`).join('; ');
        out.push(`  ${SLOT_TITLES[g.slot]}: ${items}`);
      }
    }
  }
  if (changes.length) {
    out.push('', pc.bold('Your changes'));
    for (const c of changes) out.push(`  ${c.text}`);
    out.push(pc.dim('  Undo with: backstride plan restore, or plan restore "<exercise>" for one.'));
  }
  if (decisions.length) {
    out.push('', pc.bold('Doses this week'));
    for (const n of doseNotes)
      out.push(`  ${n.exercises.length === 1 ? `${n.exercises[0]}: ` : ''}${n.text}`);
  }
  if (schedule.notes.length) out.push('');
  for (const n of schedule.notes) out.push(pc.dim(`* ${n}`));
  const checkBack = data.checkBack && pendingCheckBack(data.checkBack, nowDate);
  const todayDay = localDayNumber(now, offset);
  const logged = new Set(
    data.sessions.filter((x) => localDayNumber(x.at, offset) === todayDay).flatMap((x) => x.items),
  );
  for (const r of knowledge().interventions) if (logged.has(r.id)) for (const e of r.exercises) logged.add(e);
  const week: PlanWeek = {
    schedule,
    today,
    decisions,
    doseNotes,
    changes,
    swaps,
    doneToday: [...logged],
    text: `${out.join('\n')}\n`,
  };
  return checkBack ? { ...week, checkBack } : week;
}

/** Dose decisions in sentences: holds for the same reason together, the rest one by one. */
function notesOf(decisions: PlanWeek['decisions']): PlanWeek['doseNotes'] {
  const held = new Map<string, string[]>();
  for (const d of decisions)
    if (d.change === 'hold') held.set(d.because, [...(held.get(d.because) ?? []), d.name]);
  return decisions.flatMap((d) => {
    const group = d.change === 'hold' ? (held.get(d.because) ?? []) : [];
    if (group.length < 2) return [{ exercises: [d.name], text: d.reason }];
    if (group[0] !== d.name) return [];
    return [{ exercises: group, text: `Keep ${andList(group)} at the same doses this week: ${d.because}.` }];
  });
}

function changeView(c: AppliedChange): PlanChangeView {
  const replacement = c.replacement ? index('exercises').get(c.replacement) : undefined;
  return {
    exercise: c.exercise,
    name: c.original.title,
    action: c.action,
    ...(replacement ? { replacement: { id: replacement.id, name: replacement.name } } : {}),
    by: c.by,
    ...(c.at !== undefined ? { at: new Date(c.at).toISOString() } : {}),
    text: describeChange(c),
  };
}

// ── Changing the plan ─────────────────────────────────────────────────────────────────────

/** An exercise as the runner names it: its name, an alias or its id. */
export const ExerciseName = z.string().trim().min(1).max(200);

/** The body of `POST /api/plan/changes`. */
export const PlanChangeBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('swap'), exercise: ExerciseName, replacement: ExerciseName }),
  z.strictObject({ action: z.literal('drop'), exercise: ExerciseName }),
]);

/** A request to change the plan: exercises named by name, alias or id. */
export type PlanChangeRequest =
  | { action: 'swap'; exercise: string; replacement: string }
  | { action: 'drop'; exercise: string }
  | { action: 'restore'; exercise?: string };

const normal = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The exercise a runner typed: its name, an alias or its id, in any case and spacing. */
function findExercise(typed: string): Exercise | undefined {
  const t = normal(typed);
  if (!t) return undefined;
  return knowledge().exercises.find(
    (e) => normal(e.id) === t || normal(e.name) === t || e.aliases.some((a) => normal(a) === t),
  );
}

const andList = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
const nameList = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/**
 * Swap, drop or restore an exercise of the current plan, and store it. Names are checked against the
 * plan as the runner sees it; a swap's replacement must be one of the exercise's swap options.
 * @throws bad input (one line, naming the choices) for a name the plan does not hold or a swap it does not allow
 */
export async function changePlan(
  store: Store,
  data: DiaryData,
  request: PlanChangeRequest,
  now = new Date(),
): Promise<void> {
  const { clearPlanChanges, setPlanChange } = await import('../store/plan-changes.js');
  const plan = currentPlan(data);
  const shown = programme(plan);
  const shownNames = shown.map((id) => index('exercises').get(id)?.name ?? id);
  const applied = plan.changes ?? [];

  if (request.action === 'restore') {
    if (request.exercise === undefined) {
      await clearPlanChanges(store.db);
      return;
    }
    const e = findExercise(request.exercise);
    const mine = applied.filter((c) => c.by === 'you');
    const change = e && mine.find((c) => c.exercise === e.id || c.replacement === e.id);
    if (!change) {
      const changed = mine.map((c) => c.original.title);
      throw badInput(
        changed.length
          ? `"${request.exercise}" is not one of your changes: you changed ${andList(changed)}`
          : 'you have not changed your plan: there is nothing to restore',
        'exercise',
      );
    }
    await clearPlanChanges(store.db, change.exercise);
    return;
  }

  const e = findExercise(request.exercise);
  if (!e || !shown.includes(e.id)) {
    throw badInput(
      `${e ? e.name : `"${request.exercise}"`} is not in your strength and mobility plan: it has ${andList(shownNames)}`,
      'exercise',
    );
  }
  // Changes are kept against the exercise the plan was built with, so a swap of a swap replaces it.
  const origin = applied.find((c) => c.replacement === e.id)?.exercise ?? e.id;
  const at = now.getTime();
  if (request.action === 'drop') {
    await setPlanChange(store.db, { exercise: origin, action: 'drop', at });
    return;
  }
  const r = findExercise(request.replacement);
  const options = swapOptions(plan, e.id, kitOf(data.latest?.answers));
  if (r && r.id === origin && origin !== e.id) {
    // Swapping back to the exercise as built is a restore.
    await clearPlanChanges(store.db, origin);
    return;
  }
  if (!r || !options.some((o) => o.id === r.id)) {
    const what = r ? r.name : `"${request.replacement}"`;
    throw badInput(
      options.length
        ? `${what} cannot replace ${e.name}: choose ${nameList(options.map((o) => o.name))}`
        : `${e.name} has no other exercise for the same factors that your equipment allows; drop it instead`,
      'replacement',
    );
  }
  await setPlanChange(store.db, {
    exercise: origin,
    action: 'swap',
    replacement: r.id,
    at,
  } satisfies PlanChange);
}

/**
 * An exercise of the plan as the runner typed it, and what it may be swapped for.
 * @throws bad input naming the plan's exercises when it is not one of them
 */
export function swapChoices(
  week: PlanWeek,
  typed: string,
): { name: string; options: { id: string; name: string }[] } {
  const e = findExercise(typed);
  const options = e ? week.swaps[e.id] : undefined;
  if (!e || !options) {
    const names = Object.keys(week.swaps).map((id) => index('exercises').get(id)?.name ?? id);
    throw badInput(
      `${e ? e.name : `"${typed}"`} is not in your strength and mobility plan: it has ${andList(names)}`,
      'exercise',
    );
  }
  return { name: e.name, options };
}

// ── Report and adherence ──────────────────────────────────────────────────────────────────

/** The clinician report's input: history, triage, factors, plan as kept, its week, outcomes, adherence and load. */
export async function reportInput(
  data: DiaryData,
  now: Date,
  units: Units,
  progress: {
    nprs: { message: string; baseline?: { mean: number }; current?: { mean: number } };
    psfs?: { message: string; baseline?: number; current?: number };
  },
): Promise<ReportInput> {
  const load = data.runs.length
    ? loadSummary(
        data.runs.map((r) => ({
          id: r.id,
          startTime: r.startTime,
          distanceM: r.distanceM,
          elapsedS: r.elapsedS ?? 0,
        })),
        { to: now.toISOString().slice(0, 10) },
      )
    : undefined;
  const input: ReportInput = {
    generatedAt: now,
    weeklyDistance: (load?.weeks ?? [])
      .slice(-12)
      .map((w) => ({ weekStart: w.weekStart, distanceM: w.distanceM })),
    pain: data.checkins.map((c) => ({ at: c.at, score: c.score, timing: c.timing, regions: c.regions })),
    outcomes: [],
    adherence: [],
    loadFlags: (load?.flags ?? [])
      .slice(-10)
      .map((f) => ({ date: f.date, message: f.message, source: f.source })),
    units,
  };
  const about = data.latest?.answers.about;
  if (about)
    input.runner = {
      ...(about.age !== undefined ? { age: about.age } : {}),
      ...(about.sex ? { sex: about.sex } : {}),
    };
  if (data.latest) {
    const week = await planWeek(data, now);
    input.assessment = { ...data.latest.result, plan: currentPlan(data) };
    if (week.schedule.mode !== 'safety-only') input.week = week.schedule;
    input.planChanges = week.changes.map((c) => c.text);
  }
  if (data.previousLevel) input.previousLevel = data.previousLevel;
  const nprs = progress.nprs;
  input.outcomes.push({
    measure: 'Numeric pain rating (0–10)',
    sentence: nprs.message,
    ...(nprs.baseline ? { baseline: Math.round(nprs.baseline.mean * 10) / 10 } : {}),
    ...(nprs.current ? { current: Math.round(nprs.current.mean * 10) / 10 } : {}),
    mcid: 2,
  });
  if (progress.psfs) {
    input.outcomes.push({
      measure: 'Patient-Specific Functional Scale',
      sentence: progress.psfs.message,
      ...(progress.psfs.baseline !== undefined
        ? { baseline: Math.round(progress.psfs.baseline * 10) / 10 }
        : {}),
      ...(progress.psfs.current !== undefined
        ? { current: Math.round(progress.psfs.current * 10) / 10 }
        : {}),
      mcid: 2,
    });
  }
  input.adherence = await weeklyAdherence(data, now);
  return input;
}

/**
 * Scheduled and done per week since the latest plan began (up to 12 weeks): only the days from the
 * day it began up to today are owed, and today's items once they are done.
 */
export async function weeklyAdherence(data: DiaryData, now: Date): Promise<AdherenceWeek[]> {
  if (!data.latest || data.latest.result.plan.mode === 'safety-only') return [];
  const week = await planWeek(data, now);
  const offset = offsetAt(now.getTime());
  const startDay = localDayNumber(data.latest.createdAt, offset);
  const from = weekStartOf(data.latest.createdAt, offset);
  const today = week.today;
  const total = totalWeeks(from, today);
  const weeks = Math.max(1, Math.min(12, total));
  // The latest twelve weeks when the plan is older.
  const first = isoDate(Date.parse(`${from}T00:00:00Z`) / DAY_MS + 7 * Math.max(0, total - weeks));
  return adherence(week.schedule, data.sessions, first, {
    weeks,
    from: isoDate(startDay),
    today,
    utcOffsetMinutes: offset,
  }).map((w) => ({ weekStart: w.weekStart, scheduled: w.scheduled, done: w.done }));
}

/** Whole weeks from one Monday to the week containing `today`, counting both. */
const totalWeeks = (monday: string, today: string) =>
  Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / (7 * DAY_MS)) + 1;

/**
 * The weekly schedule and adherence: run days from input, from recent runs and from a count; strength
 * placement rules (never consecutive, never the day before the long run, away from runs when possible);
 * doses carried as numbers and text; and weekly adherence matched per item within the week.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { isBackstrideError } from '../errors.js';
import type { Day, Plan } from '../plan/index.js';
import { adherence, buildSchedule, type Schedule, type Slot, timesPerWeek } from './index.js';
import { exerciseItem, routineItem, SAMPLE_WEEK } from './testing.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const DAYS: Day[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEK = SAMPLE_WEEK;

const exercise = exerciseItem;

const routine = routineItem;

/** A full plan: a warm-up and a stretch routine, three strength exercises, one daily and one mobility-day stretch. */
function plan(mode: Plan['mode'] = 'full'): Plan {
  return {
    level: 'self-care',
    mode,
    sections: [
      { id: 'before-run', title: 'Before you run', items: [routine('upper-body-warm-up')] },
      { id: 'after-run', title: 'After you run', items: [routine('post-run-stretching')] },
      {
        id: 'strength-mobility',
        title: 'Strength and mobility',
        items: ['band-pull-apart', 'plank', 'bird-dog', 'cat-pose', 'pigeon-pose'].map(exercise),
      },
    ],
  };
}

const slotsOn = (s: Schedule, day: Day): Slot[] =>
  s.days.find((d) => d.day === day)?.groups.map((g) => g.slot) ?? [];
const daysWith = (s: Schedule, slot: Slot): Day[] =>
  s.days.filter((d) => d.groups.some((g) => g.slot === slot)).map((d) => d.day);
const item = (s: Schedule, id: string) =>
  s.days.flatMap((d) => d.groups.flatMap((g) => g.items)).find((i) => i.id === id);

/** A run at 07:00 UTC on `date`. */
const run = (date: string, km: number, hour = 7) => ({
  startTime: Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`),
  distanceM: km * 1000,
});
/** `date` plus `n` days. */
const plus = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The rules every schedule keeps, whatever the run days. */
function assertRules(s: Schedule): void {
  const strength = s.strengthDays.map((d) => DAYS.indexOf(d));
  for (const d of strength) expect(strength).not.toContain((d + 1) % 7);
  if (s.longRunDay) {
    const before = DAYS[(DAYS.indexOf(s.longRunDay) + 6) % 7];
    expect(s.strengthDays).not.toContain(before);
  }
  expect(daysWith(s, 'strength')).toEqual(s.strengthDays);
  expect(daysWith(s, 'before-run')).toEqual(s.runDays);
  expect(daysWith(s, 'after-run')).toEqual(s.runDays);
  for (const d of s.days) expect(d.run).toBe(s.runDays.includes(d.day));
}

// ── Around given run days ──────────────────────────────────────────────────────────────────

describe('buildSchedule around given run days', () => {
  it('puts routines on run days and strength on the free days, away from the day before the long run', () => {
    const s = buildSchedule(plan(), { weekStart: WEEK, runDays: ['Sat', 'Tue', 'Thu'] });
    expect(s.runDays).toEqual(['Tue', 'Thu', 'Sat']);
    expect(s.runDaysFrom).toBe('input');
    expect(s.longRunDay).toBe('Sat');
    // Free days are Mon, Wed, Fri, Sun; Fri is the day before the long run and Sun–Mon touch across the
    // week, so three will not fit: of {Mon, Wed} and {Wed, Sun}, the second is spread wider.
    expect(s.strengthDays).toEqual(['Wed', 'Sun']);
    expect(slotsOn(s, 'Tue')).toEqual(['before-run', 'after-run', 'mobility']);
    expect(slotsOn(s, 'Wed')).toEqual(['strength', 'mobility']);
    expect(slotsOn(s, 'Fri')).toEqual(['mobility']);
    expect(s.days.map((d) => d.focus)).toEqual([
      'mobility',
      'run',
      'strength',
      'run',
      'mobility',
      'run',
      'strength',
    ]);
    expect(s.days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => plus(WEEK, n)));
    expect(s.days.find((d) => d.day === 'Sat')?.longRun).toBe(true);
    expect(s.notes).toEqual([]);
    assertRules(s);
  });

  it('expands routines into their dosed exercises and carries each dose as numbers and text', () => {
    const s = buildSchedule(plan(), { weekStart: WEEK, runDays: ['Tue', 'Thu', 'Sat'] });
    const before = s.days.find((d) => d.day === 'Tue')?.groups.find((g) => g.slot === 'before-run');
    expect(before?.items.map((i) => i.id)).toEqual(['neck-shoulder-rolls', 'arm-swings']);
    expect(before?.items[0]?.routine).toEqual({
      id: 'upper-body-warm-up',
      title: 'Dynamic upper-body warm-up',
    });
    expect(item(s, 'band-pull-apart')).toMatchObject({
      dose: { sets: 2, reps: 12, perSide: false },
      doseText: '2×12',
    });
    expect(item(s, 'plank')).toMatchObject({ dose: { sets: 3, holdS: 20 }, doseText: '3×20 s' });
    expect(item(s, 'bird-dog')?.doseText).toBe('2×6 each side, hold 3 s');
    expect(item(s, 'neck-shoulder-rolls')?.doseText).toBe('5 reps');
    expect(item(s, 'post-run-static-stretch')?.doseText).toBe('hold 20 s each side');
    expect(item(s, 'band-pull-apart')?.sourceDose).toBe('2 × 12–15 reps · 2–3× a week, on strength days');
  });

  it('uses progressed doses when given, filling fields a stored dose lacks', () => {
    const s = buildSchedule(plan(), {
      weekStart: WEEK,
      runDays: ['Tue', 'Thu', 'Sat'],
      doses: {
        'band-pull-apart': { sets: 3, reps: 14, perSide: false },
        plank: { holdS: 25, perSide: false },
      },
    });
    expect(item(s, 'band-pull-apart')?.doseText).toBe('3×14');
    expect(item(s, 'plank')?.dose).toEqual({ sets: 3, holdS: 25, perSide: false });
  });

  it('places daily stretches every day and mobility-day ones on up to perWeek.max non-strength days', () => {
    const s = buildSchedule(plan(), { weekStart: WEEK, runDays: ['Tue', 'Thu', 'Sat'] });
    expect(timesPerWeek(s, 'cat-pose')).toBe(7);
    // pigeon pose: 3–5 a week; the five non-strength days are Mon, Tue, Thu, Fri, Sat.
    expect(
      s.days
        .filter((d) => d.groups.some((g) => g.items.some((i) => i.id === 'pigeon-pose')))
        .map((d) => d.day),
    ).toEqual(['Mon', 'Tue', 'Thu', 'Fri', 'Sat']);
    expect(timesPerWeek(s, 'plank')).toBe(2);
    expect(timesPerWeek(s, 'arm-swings')).toBe(3);
  });

  it('keeps the rules for every possible set of run days', () => {
    for (let mask = 0; mask < 128; mask++) {
      const runDays = DAYS.filter((_, i) => mask & (1 << i));
      const s = buildSchedule(plan(), { weekStart: WEEK, runDays });
      expect(s.strengthDays.length).toBeGreaterThanOrEqual(2);
      expect(s.strengthDays.length).toBeLessThanOrEqual(3);
      assertRules(s);
      // Strength goes on a run day only when no two free days would do.
      const free = DAYS.filter((d) => !runDays.includes(d));
      if (s.strengthDays.some((d) => runDays.includes(d))) expect(free.length).toBeLessThanOrEqual(3);
    }
  });

  it('pairs strength with runs only when it must, and says so', () => {
    // Six run days: the free Friday is the day before the long run.
    const s = buildSchedule(plan(), { weekStart: WEEK, runDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Sat', 'Sun'] });
    expect(s.strengthDays).toEqual(['Mon', 'Thu']);
    expect(s.notes.join(' ')).toMatch(/Strength shares a run day \(Mon, Thu\)/);
    assertRules(s);
  });
});

// ── Run days from runs or a count ──────────────────────────────────────────────────────────

describe('buildSchedule run days', () => {
  it('infers the most frequent weekdays of the last 4 weeks, and the long run from the longest median', () => {
    const runs = [];
    for (let w = 1; w <= 4; w++) {
      const monday = plus(WEEK, -7 * w);
      runs.push(run(monday, 6), run(plus(monday, 2), 7), run(plus(monday, 5), 15));
    }
    runs.push(run(plus(WEEK, -3), 5)); // one Friday: not a habit
    runs.push(run(plus(WEEK, -36), 30)); // a Sunday five weeks back: outside the window
    runs.push(run(plus(WEEK, 1), 25)); // in the scheduled week itself: not history
    const s = buildSchedule(plan(), { weekStart: WEEK, runs });
    expect(s.runDaysFrom).toBe('runs');
    expect(s.runDays).toEqual(['Mon', 'Wed', 'Sat']);
    expect(s.longRunDay).toBe('Sat');
    // Free days Tue, Thu, Sun fit three non-consecutive sessions; Fri is the day before the long run.
    expect(s.strengthDays).toEqual(['Tue', 'Thu', 'Sun']);
    assertRules(s);
  });

  it('finds a Sunday long run and keeps strength off the Saturday before it', () => {
    const runs = [];
    for (let w = 1; w <= 4; w++) {
      const monday = plus(WEEK, -7 * w);
      runs.push(run(plus(monday, 1), 8), run(plus(monday, 3), 8), run(plus(monday, 6), 18));
    }
    const s = buildSchedule(plan(), { weekStart: WEEK, runs });
    expect(s.runDays).toEqual(['Tue', 'Thu', 'Sun']);
    expect(s.longRunDay).toBe('Sun');
    expect(s.strengthDays).toEqual(['Mon', 'Wed', 'Fri']);
    assertRules(s);
  });

  it('counts only the weeks since the first run, and the runner’s local weekday', () => {
    // Two weeks of Tue and Thu runs at 23:30 UTC, which is Wednesday and Friday at UTC+2.
    const runs = [1, 2].flatMap((w) => {
      const monday = plus(WEEK, -7 * w);
      return [run(plus(monday, 1), 8, 23), run(plus(monday, 3), 10, 23)].map((r) => ({
        ...r,
        startTime: r.startTime + 30 * 60_000,
      }));
    });
    expect(buildSchedule(plan(), { weekStart: WEEK, runs }).runDays).toEqual(['Tue', 'Thu']);
    const local = buildSchedule(plan(), { weekStart: WEEK, runs, utcOffsetMinutes: 120 });
    expect(local.runDays).toEqual(['Wed', 'Fri']);
    expect(local.longRunDay).toBe('Fri');
  });

  it('takes the number of days from runsPerWeek when runs are given too', () => {
    const runs = [1, 2, 3, 4].flatMap((w) => {
      const monday = plus(WEEK, -7 * w);
      return [run(monday, 5), run(plus(monday, 2), 6), run(plus(monday, 5), 14)];
    });
    // All three days ran every week; the tie goes to the days with more distance (Sat 14, Wed 6, Mon 5 km).
    expect(buildSchedule(plan(), { weekStart: WEEK, runs, runsPerWeek: 2 }).runDays).toEqual(['Wed', 'Sat']);
  });

  it('spreads runsPerWeek as the plan does, and assumes three without anything', () => {
    const two = buildSchedule(plan(), { weekStart: WEEK, runsPerWeek: 2 });
    expect(two.runDays).toEqual(['Wed', 'Sat']);
    expect(two.runDaysFrom).toBe('runs-per-week');
    expect(buildSchedule(plan(), { weekStart: WEEK, runsPerWeek: 0 }).runDays).toEqual([]);
    const none = buildSchedule(plan(), { weekStart: WEEK, runs: [] });
    expect(none.runDays).toEqual(['Tue', 'Thu', 'Sat']);
    expect(none.runDaysFrom).toBe('default');
    expect(none.notes[0]).toMatch(/assumed 3 a week/);
  });

  it('with no run days, strength still avoids consecutive days and there is no long run', () => {
    const s = buildSchedule(plan(), { weekStart: WEEK, runDays: [] });
    expect(s.longRunDay).toBeNull();
    expect(s.strengthDays).toEqual(['Mon', 'Wed', 'Fri']);
    assertRules(s);
  });
});

// ── Modes and input errors ─────────────────────────────────────────────────────────────────

describe('buildSchedule modes and errors', () => {
  it('schedules no strength in a gentle plan', () => {
    const s = buildSchedule(plan('gentle'), { weekStart: WEEK, runDays: ['Tue', 'Sat'] });
    expect(s.strengthDays).toEqual([]);
    expect(daysWith(s, 'strength')).toEqual([]);
    expect(timesPerWeek(s, 'cat-pose')).toBe(7);
  });

  it('schedules nothing for a safety-only plan', () => {
    const s = buildSchedule(
      { level: 'urgent', mode: 'safety-only', sections: [] },
      { weekStart: WEEK, runDays: ['Tue'] },
    );
    expect(s.runDaysFrom).toBe('none');
    expect(s.days.every((d) => d.groups.length === 0 && !d.run)).toBe(true);
  });

  it('rejects a weekStart that is not a Monday or not a date', () => {
    for (const weekStart of ['2025-03-04', '2025-02-30', '3 March']) {
      try {
        buildSchedule(plan(), { weekStart });
        expect.unreachable();
      } catch (error) {
        expect(isBackstrideError(error) && error.field).toBe('weekStart');
      }
    }
  });

  it('builds a schedule from a real assessment that keeps the rules and schedules every plan exercise', () => {
    const raw = readFileSync(
      new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
      'utf8',
    );
    const p = assess(parseAnswers(JSON.parse(raw))).plan;
    const s = buildSchedule(p, { weekStart: WEEK, runsPerWeek: 3 });
    assertRules(s);
    const planned = p.sections.find((x) => x.id === 'strength-mobility')?.items.map((i) => i.id) ?? [];
    expect(planned.length).toBeGreaterThan(0);
    for (const id of planned) expect(timesPerWeek(s, id)).toBeGreaterThan(0);
  });
});

// ── Adherence ──────────────────────────────────────────────────────────────────────────────

describe('adherence', () => {
  const s = buildSchedule(plan(), { weekStart: WEEK, runDays: ['Tue', 'Thu', 'Sat'] });
  const at = (date: string, hour = 18) => Date.parse(`${date}T${hour}:00:00Z`);

  it('counts scheduled item-days per week and matches done items within the week', () => {
    // Scheduled a week: warm-up 2 × 3 run days, stretch 1 × 3, strength 3 × 2, cat pose 7, pigeon pose 5 = 27.
    const sessions = [
      // The routine ids tick off their exercises: 2 + 1.
      { id: 'a', at: at(plus(WEEK, 1)), items: ['upper-body-warm-up', 'post-run-stretching'] },
      // Strength on Thursday instead of Wednesday still counts: 3.
      { id: 'b', at: at(plus(WEEK, 3)), items: ['band-pull-apart', 'plank', 'bird-dog'] },
      // A second plank the same day is still one day.
      { id: 'c', at: at(plus(WEEK, 3), 20), items: ['plank'] },
      // Cat pose twice on Saturday: 1. Unscheduled items do not count.
      { id: 'd', at: at(plus(WEEK, 5)), items: ['cat-pose', 'superman'] },
      { id: 'e', at: at(plus(WEEK, 5), 21), items: ['cat-pose'] },
      // Week two: the Wednesday and Sunday strength done on three days still counts 2 per exercise.
      ...[7, 9, 11].map((n) => ({
        id: `w${n}`,
        at: at(plus(WEEK, n)),
        items: ['band-pull-apart', 'plank', 'bird-dog'],
      })),
    ];
    const weeks = adherence(s, sessions, WEEK);
    expect(weeks.map((w) => [w.weekStart, w.scheduled, w.done, w.percent])).toEqual([
      [WEEK, 27, 7, 26],
      [plus(WEEK, 7), 27, 6, 22],
    ]);
    expect(weeks[0]?.items.find((i) => i.id === 'plank')).toMatchObject({ scheduled: 2, done: 1 });
    expect(weeks[1]?.items.find((i) => i.id === 'plank')).toMatchObject({ scheduled: 2, done: 2 });
  });

  it('reports empty weeks up to `weeks`, and uses the runner’s local day', () => {
    // Sunday 23:30 UTC is Monday of week two at UTC+1.
    const late = { id: 'x', at: Date.parse(`${plus(WEEK, 6)}T23:30:00Z`), items: ['cat-pose'] };
    expect(adherence(s, [late], WEEK, { weeks: 3 }).map((w) => w.done)).toEqual([1, 0, 0]);
    expect(adherence(s, [late], WEEK, { weeks: 3, utcOffsetMinutes: 60 }).map((w) => w.done)).toEqual([
      0, 1, 0,
    ]);
    expect(adherence(s, [], WEEK)).toHaveLength(1);
  });

  it('gives null percent for a week with nothing scheduled', () => {
    const empty = buildSchedule({ level: 'urgent', mode: 'safety-only', sections: [] }, { weekStart: WEEK });
    expect(adherence(empty, [], WEEK)[0]).toMatchObject({ scheduled: 0, done: 0, percent: null });
  });
});

/**
 * A plan counts from the day it started: nothing before it is owed, a day that is not over is never
 * missed, and the first minutes of a plan say so rather than "0 of 4 scheduled days (0%)". Also where a
 * runner new to strength work starts (the easier variants), and the one set of inputs every output's
 * week is built from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { byId } from '../knowledge/index.js';
import { localDayNumber } from './dates.js';
import { adherence, doseText, dueDays, firstDose, progressDose, scheduleFor, weekStartOf } from './index.js';

const DAY = 86_400_000;
const MIN = 60_000;
/** Wednesday 4 March 2026, 09:00 UTC: the first check-in. */
const START = Date.UTC(2026, 2, 4, 9);

const desk = parseAnswers(
  JSON.parse(
    readFileSync(
      new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
      'utf8',
    ),
  ),
);
const answers = { ...desk, date: undefined, daily: { ...desk.daily, equipment: ['band' as const] } };
const result = assess(answers, new Date(START));
const week = result.week;
if (!week) throw new Error('a self-care result has a week');
const strength = week.days.flatMap((d) =>
  d.groups.filter((g) => g.slot === 'strength').flatMap((g) => g.items),
);
const firstStrength = strength[0];
if (!firstStrength) throw new Error('the plan has strength work');

describe('a plan just started', () => {
  it('owes nothing before the day it started and only what is done today: not 34 scheduled, 2 done', () => {
    const ids =
      week.days.find((d) => d.date === '2026-03-04')?.groups.flatMap((g) => g.items.map((i) => i.id)) ?? [];
    const done = { id: 's1', at: START + 5 * MIN, items: ids.slice(0, 2) };
    const [w] = adherence(week, [done], '2026-03-02', { from: '2026-03-04', today: '2026-03-04', weeks: 1 });
    expect(w).toMatchObject({ scheduled: 2, done: 2, percent: 100 });
    // Without the start and today, the whole week would be owed.
    const [whole] = adherence(week, [done], '2026-03-02', { weeks: 1 });
    expect(whole?.scheduled).toBeGreaterThan(20);
  });

  it('counts the days due since the start, today only once done', () => {
    const today = localDayNumber(START);
    const ownDays = week.days.filter((d) =>
      d.groups.some((g) => g.items.some((i) => i.id === firstStrength.id)),
    );
    expect(ownDays.length).toBeGreaterThanOrEqual(2);
    expect(dueDays(week, firstStrength.id, today, today, false)).toBe(0);
    // Two weeks on, every scheduled day of the two weeks (today's once done).
    const later = today + 14;
    expect(dueDays(week, firstStrength.id, today + 1, later, true)).toBe(2 * ownDays.length);
  });

  it('says the plan has just started instead of "0 of 4 scheduled days (0%)"', () => {
    const decision = progressDose(
      firstStrength.id,
      firstDose(byId('exercises', firstStrength.id), false),
      { sessions: [], checkins: [] },
      START + 5 * MIN,
      { since: START, scheduled: 0 },
    );
    expect(decision.change).toBe('hold');
    expect(decision.reason).toMatch(/^Keep .* this week: your plan has only just started\.$/);
    expect(decision.reason).not.toMatch(/0 of|%/);
    // Without a start, the window of two weeks is owed in full.
    const old = progressDose(
      firstStrength.id,
      firstDose(byId('exercises', firstStrength.id), false),
      { sessions: [], checkins: [] },
      START,
    );
    expect(old.reason).toMatch(/you did 0 of 4 sessions/);
  });

  it('reads as a sentence: "Keep 3×20 s this week: you did 2 of 4 sessions"', () => {
    const sessions = [1, 3].map((d) => ({
      id: `s${d}`,
      at: START + d * DAY,
      items: ['plank'],
    }));
    const d = progressDose(
      'plank',
      { sets: 3, holdS: 20, perSide: false },
      { sessions, checkins: [] },
      START + 14 * DAY,
      { since: START, scheduled: 4 },
    );
    expect(d.reason).toBe(
      'Keep 3×20 s this week: you did 2 of 4 sessions and there is no pain check-in from the last 7 days.',
    );
  });
});

describe('new to strength work', () => {
  const novice = { ...answers, daily: { ...answers.daily, strengthSessionsPerWeek: 0 } };
  const trained = { ...answers, daily: { ...answers.daily, strengthSessionsPerWeek: 2 } };

  it('starts strength exercises as their easier variants, and the rest as usual', () => {
    const s = assess(novice, new Date(START)).week;
    const items = (s?.days ?? []).flatMap((d) => d.groups.flatMap((g) => g.items));
    for (const i of items) {
      const e = i.kind === 'routine' ? undefined : byId('exercises', i.id);
      const easier = e?.kind === 'strength' && e.easier !== undefined;
      expect(i.dose?.easier ?? false, i.id).toBe(easier);
      expect(i.easier, i.id).toBe(easier ? e?.easier : undefined);
      if (easier) expect(i.doseText).toMatch(/\(easier version\)$/);
    }
    expect(items.some((i) => i.easier)).toBe(true);
    expect(s?.notes.join(' ')).toMatch(/easier version/);
    const usual = assess(trained, new Date(START)).week;
    expect((usual?.days ?? []).flatMap((d) => d.groups.flatMap((g) => g.items)).some((i) => i.easier)).toBe(
      false,
    );
  });

  it('moves from the easier variant to the exercise itself first', () => {
    const steady = {
      sessions: Array.from({ length: 6 }, (_, k) => ({
        id: `s${k}`,
        at: START - k * 2 * DAY,
        items: ['plank'],
      })),
      checkins: [1, 2, 1, 1].map((score, k) => ({
        id: `c${k}`,
        at: START - (k * 3 + 1) * DAY,
        regions: ['lower-back'],
        score,
        timing: 'other' as const,
      })),
    };
    const d = progressDose('plank', firstDose(byId('exercises', 'plank'), true), steady, START, {
      scheduledPerWeek: 3,
    });
    expect(d.change).toBe('progress');
    expect(d.dose).toEqual({ sets: 3, holdS: 20, perSide: false });
    expect(d.reason).toMatch(
      /^Move from the easier version to the full exercise at 3×20 s this week: you did 6 of 6/,
    );
    expect(doseText(firstDose(byId('exercises', 'plank'), true))).toBe('3×20 s (easier version)');
  });
});

describe('one week for every output', () => {
  it('builds the week of the runner’s today from the answers, with run days capped at three', () => {
    expect(weekStartOf(START)).toBe('2026-03-02');
    // Sunday 23:30 in UTC is Monday in UTC+1: a new week.
    expect(weekStartOf(Date.UTC(2026, 2, 8, 23, 30), 60)).toBe('2026-03-09');
    const many = { ...answers, running: { ...answers.running, runsPerWeek: 6 } };
    const s = scheduleFor(result.plan, { answers: many, now: START });
    expect(s.runDays).toHaveLength(3);
    expect(s).toEqual(assess(many, new Date(START)).week);
  });

  it('says when the equipment question was not answered', () => {
    const unanswered = { ...desk, date: undefined };
    const s = assess(unanswered, new Date(START)).week;
    expect(s?.notes.join(' ')).toMatch(/did not say what equipment you have/);
  });
});

/**
 * Dose progression: one step up when adherence and pain allow, hold otherwise, one step back when pain
 * rises, straight back to the start on a flare; doses checked by hand against each exercise's ranges,
 * and every threshold tested on both sides.
 */
import { describe, expect, it } from 'vitest';
import type { ExerciseSession, PainCheckin } from '../diary/types.js';
import { isBackstrideError } from '../errors.js';
import { type CurrentDose, meetsAdherence, PROGRESSION_RULES, progressDose } from './index.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 2, 17, 12); // Monday noon

/** `days` sessions of `item`, one a day going back from today. */
const sessions = (item: string, days: number): ExerciseSession[] =>
  Array.from({ length: days }, (_, d) => ({ id: `s${d}`, at: NOW - d * DAY - HOUR, items: [item] }));

/** Check-ins spread over a 6-day span, oldest first, ending `endDaysAgo` days (and an hour) before now. */
const spread = (scores: number[], endDaysAgo: number, prefix: string): PainCheckin[] =>
  scores.map((score, k) => ({
    id: `${prefix}${k}`,
    at: NOW - endDaysAgo * DAY - HOUR - (scores.length - 1 - k) * Math.floor((6 * DAY) / scores.length),
    regions: ['lower-back'],
    score,
    timing: 'other',
  }));

/** Check-ins this week (`recent`) and the week before (`earlier`), oldest first. */
const checkins = (recent: number[], earlier: number[] = []) => [
  ...spread(earlier, 7, 'e'),
  ...spread(recent, 0, 'r'),
];

const dose = (d: Partial<CurrentDose>): CurrentDose => ({ perSide: false, ...d });
const steady = (item: string, days = 8) => ({
  sessions: sessions(item, days),
  checkins: checkins([2, 2, 2], [2, 2]),
});
/** Five scheduled a week: ten in the two-week window, so 8 done is exactly 80%. */
const FIVE = { scheduledPerWeek: 5 };

// ── Progress ───────────────────────────────────────────────────────────────────────────────

describe('progressDose: progress', () => {
  it('walks band pull-apart (2 × 12–15) through reps, a set, then to the harder variant', () => {
    const next = (d: CurrentDose) => progressDose('band-pull-apart', d, steady('band-pull-apart'), NOW, FIVE);
    const steps: [CurrentDose, CurrentDose][] = [
      [dose({ sets: 2, reps: 12 }), dose({ sets: 2, reps: 14 })],
      [dose({ sets: 2, reps: 14 }), dose({ sets: 2, reps: 15 })], // capped at the range's max
      [dose({ sets: 2, reps: 15 }), dose({ sets: 3, reps: 12 })], // a set, back to the bottom of the range
      [dose({ sets: 3, reps: 12 }), dose({ sets: 3, reps: 14 })],
      [dose({ sets: 3, reps: 14 }), dose({ sets: 3, reps: 15 })],
    ];
    for (const [from, to] of steps) {
      const r = next(from);
      expect(r.change).toBe('progress');
      expect(r.dose).toEqual(to);
    }
    const top = next(dose({ sets: 3, reps: 15 }));
    expect(top).toMatchObject({
      change: 'progress',
      dose: dose({ sets: 3, reps: 15 }),
      variant: { direction: 'harder' },
    });
    expect(top.reason).toMatch(
      /^Move to the harder version this week: .*Harder version: Use a stronger band/,
    );
    expect(next(dose({ sets: 3, reps: 14 })).reason).toMatch(
      /top of the range; next comes the harder version/,
    );
  });

  it('adds hold time 5 s at a time for the plank (3 sets, 20–30 s)', () => {
    const next = (d: CurrentDose) => progressDose('plank', d, steady('plank'), NOW, FIVE).dose;
    expect(next(dose({ sets: 3, holdS: 20 }))).toEqual(dose({ sets: 3, holdS: 25 }));
    expect(next(dose({ sets: 3, holdS: 25 }))).toEqual(dose({ sets: 3, holdS: 30 }));
    expect(next(dose({ sets: 3, holdS: 30 }))).toEqual(dose({ sets: 3, holdS: 30 }));
  });

  it('grows the superman’s fixed 5 reps by hold time, not sets, as its progression text says', () => {
    const r = progressDose('superman', dose({ sets: 1, reps: 5, holdS: 30 }), steady('superman'), NOW, FIVE);
    expect(r.dose).toEqual(dose({ sets: 1, reps: 5, holdS: 35 }));
    expect(r.guidance).toMatch(/lengthen the hold/);
    expect(r.sources).toEqual(['nice-ng59', 'a00-upper-back-after-running']);
  });

  it('adds a breath for breathing work, and reps then hold for bird-dog (2 × 6–8 each side, 3–5 s)', () => {
    expect(
      progressDose(
        'diaphragmatic-breathing',
        dose({ breaths: 8 }),
        steady('diaphragmatic-breathing'),
        NOW,
        FIVE,
      ).dose,
    ).toEqual(dose({ breaths: 9 }));
    const bird = (d: Partial<CurrentDose>) =>
      progressDose('bird-dog', dose({ perSide: true, ...d }), steady('bird-dog'), NOW, FIVE).dose;
    expect(bird({ sets: 2, reps: 8, holdS: 3 })).toEqual(dose({ perSide: true, sets: 3, reps: 6, holdS: 3 }));
    expect(bird({ sets: 3, reps: 8, holdS: 3 })).toEqual(dose({ perSide: true, sets: 3, reps: 8, holdS: 5 }));
  });

  it('counts a logged routine for the exercises in it', () => {
    const history = { sessions: sessions('upper-body-warm-up', 6), checkins: checkins([1, 1], [1]) };
    const r = progressDose('arm-swings', dose({ sets: 1, reps: 10 }), history, NOW, { scheduledPerWeek: 3 });
    expect(r.evidence).toMatchObject({ scheduled: 6, done: 6, adherencePct: 100 });
    expect(r.dose.reps).toBe(12);
  });
});

// ── Boundaries ─────────────────────────────────────────────────────────────────────────────

describe('progressDose: thresholds', () => {
  const start = dose({ sets: 2, reps: 12 });

  it('needs 80% adherence: 8 of 10 progresses, 7 of 10 and 11 of 14 (78.6%) hold', () => {
    const with_ = (days: number, perWeek: number) =>
      progressDose('band-pull-apart', start, steady('band-pull-apart', days), NOW, {
        scheduledPerWeek: perWeek,
      });
    expect(with_(8, 5)).toMatchObject({
      change: 'progress',
      evidence: { done: 8, scheduled: 10, adherencePct: 80 },
    });
    const low = with_(7, 5);
    expect(low).toMatchObject({ change: 'hold', dose: start, evidence: { adherencePct: 70 } });
    expect(low.reason).toBe('Keep 2×12 this week: you did 7 of 10 sessions.');
    expect(with_(11, 7)).toMatchObject({
      change: 'hold',
      evidence: { done: 11, scheduled: 14, adherencePct: 78.6 },
    });
    expect(with_(12, 7).change).toBe('progress');
    expect([meetsAdherence(79, 100), meetsAdherence(80, 100), meetsAdherence(0, 0)]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('counts distinct days in the last 14 only, and defaults to the source’s perWeek.min', () => {
    const history = {
      sessions: [
        ...sessions('band-pull-apart', 3),
        { id: 'twice', at: NOW - 2 * HOUR, items: ['band-pull-apart'] }, // a second session today
        { id: 'old', at: NOW - 14 * DAY, items: ['band-pull-apart'] }, // exactly 14 days ago: outside
        { id: 'future', at: NOW + HOUR, items: ['band-pull-apart'] },
      ],
      checkins: checkins([2, 2], [2]),
    };
    // band pull-apart: 2–3 a week, so 4 in two weeks; 3 days done = 75%.
    expect(progressDose('band-pull-apart', start, history, NOW).evidence).toMatchObject({
      scheduled: 4,
      done: 3,
      adherencePct: 75,
    });
  });

  it('steps back at a pain rise of 2.0 but not 1.9', () => {
    const recent = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]; // mean 3.0, at the progress limit
    const rise2 = progressDose(
      'band-pull-apart',
      dose({ sets: 2, reps: 14 }),
      {
        sessions: sessions('band-pull-apart', 8),
        checkins: checkins(recent, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      },
      NOW,
      FIVE,
    );
    expect(rise2).toMatchObject({
      change: 'step-back',
      dose: dose({ sets: 2, reps: 12 }),
      evidence: { rise: 2 },
    });
    expect(rise2.reason).toBe(
      'Ease back to 2×12 this week: your pain rose by 2 points over the last 7 days.',
    );
    const rise19 = progressDose(
      'band-pull-apart',
      dose({ sets: 2, reps: 14 }),
      {
        sessions: sessions('band-pull-apart', 8),
        checkins: checkins(recent, [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]),
      },
      NOW,
      FIVE,
    );
    expect(rise19).toMatchObject({
      change: 'progress',
      dose: dose({ sets: 2, reps: 15 }),
      evidence: { rise: 1.9, meanPain: 3 },
    });
  });

  it('progresses at a mean pain of 3.0 but holds at 3.1', () => {
    const at = (recent: number[]) =>
      progressDose(
        'band-pull-apart',
        start,
        { sessions: sessions('band-pull-apart', 8), checkins: checkins(recent, recent) },
        NOW,
        FIVE,
      );
    expect(at([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]).change).toBe('progress');
    const high = at([4, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(high).toMatchObject({ change: 'hold', dose: start, evidence: { meanPain: 3.1, rise: 0 } });
    expect(high.reason).toMatch(/your pain averaged 3\.1 out of 10, above 3/);
  });

  it('steps back to the starting dose on a check-in of 7, not 6', () => {
    const history = (peak: number) => ({
      sessions: sessions('band-pull-apart', 8),
      checkins: checkins([1, 1, 1, peak, 1], [2, 2]),
    });
    const flare = progressDose('band-pull-apart', dose({ sets: 3, reps: 14 }), history(7), NOW, FIVE);
    expect(flare).toMatchObject({
      change: 'step-back',
      dose: dose({ sets: 2, reps: 12 }),
      evidence: { maxPain: 7 },
    });
    expect(flare.reason).toMatch(
      /^Go back to the starting dose, 2×12 this week: you logged pain of 7 out of 10 .* If pain is severe/,
    );
    // A 6 among 1s: mean 2, no rise against last week's 2, so it progresses.
    expect(progressDose('band-pull-apart', dose({ sets: 3, reps: 14 }), history(6), NOW, FIVE)).toMatchObject(
      {
        change: 'progress',
        dose: dose({ sets: 3, reps: 15 }),
      },
    );
  });
});

// ── Step back and hold ─────────────────────────────────────────────────────────────────────

describe('progressDose: step back and hold', () => {
  const rising = { sessions: [], checkins: checkins([4, 4], [2, 2]) };

  it('steps back reps, then sets, then to the easier variant, whatever the adherence', () => {
    const back = (d: CurrentDose) => progressDose('band-pull-apart', d, rising, NOW, FIVE);
    expect(back(dose({ sets: 3, reps: 13 })).dose).toEqual(dose({ sets: 3, reps: 12 }));
    expect(back(dose({ sets: 3, reps: 12 })).dose).toEqual(dose({ sets: 2, reps: 12 }));
    const floor = back(dose({ sets: 2, reps: 12 }));
    expect(floor).toMatchObject({
      change: 'step-back',
      dose: dose({ sets: 2, reps: 12 }),
      variant: { direction: 'easier' },
    });
    expect(floor.reason).toMatch(
      /^Switch to the easier version at 2×12 this week: .* Easier version: Use a lighter band/,
    );
    expect(floor.dose.easier).toBe(true);
  });

  it('shortens holds 5 s at a time, not below the range', () => {
    expect(progressDose('plank', dose({ sets: 3, holdS: 30 }), rising, NOW).dose).toEqual(
      dose({ sets: 3, holdS: 25 }),
    );
    expect(progressDose('plank', dose({ sets: 3, holdS: 22 }), rising, NOW).dose).toEqual(
      dose({ sets: 3, holdS: 20 }),
    );
  });

  it('holds without check-ins or with too few to see a trend, and judges a week alone by first vs last', () => {
    const noPain = progressDose(
      'band-pull-apart',
      dose({ sets: 2, reps: 12 }),
      { sessions: sessions('band-pull-apart', 8), checkins: [] },
      NOW,
      FIVE,
    );
    expect(noPain).toMatchObject({ change: 'hold', evidence: { meanPain: null, rise: null } });
    expect(noPain.reason).toBe('Keep 2×12 this week: there is no pain check-in from the last 7 days.');
    const one = progressDose(
      'band-pull-apart',
      dose({ sets: 2, reps: 12 }),
      { sessions: sessions('band-pull-apart', 8), checkins: checkins([1]) },
      NOW,
      FIVE,
    );
    expect(one.reason).toMatch(/one pain check-in is too few/);
    const week = (scores: number[]) =>
      progressDose(
        'band-pull-apart',
        dose({ sets: 2, reps: 14 }),
        { sessions: sessions('band-pull-apart', 8), checkins: checkins(scores) },
        NOW,
        FIVE,
      );
    expect(week([2, 3])).toMatchObject({ change: 'progress', evidence: { rise: 1 } });
    expect(week([1, 3])).toMatchObject({ change: 'step-back', evidence: { rise: 2 } });
  });

  it('fills a stored dose’s missing fields from the start dose, and rejects unknown exercises', () => {
    expect(progressDose('plank', dose({ holdS: 25 }), steady('plank'), new Date(NOW), FIVE).dose).toEqual(
      dose({ sets: 3, holdS: 30 }),
    );
    try {
      progressDose('no-such-exercise', dose({}), steady('x'), NOW);
      expect.unreachable();
    } catch (error) {
      expect(isBackstrideError(error) && error.code).toBe('not-found');
    }
  });

  it('keeps every threshold in one constant', () => {
    expect(PROGRESSION_RULES).toMatchObject({
      adherenceWindowDays: 14,
      minAdherencePct: 80,
      painWindowDays: 7,
      maxMeanPain: 3,
      painRiseStepBack: 2,
      flareScore: 7,
    });
  });
});

// ── A guided session's feedback ────────────────────────────────────────────────────────────

describe('progressDose: how the sessions felt', () => {
  const start = dose({ sets: 2, reps: 12 });
  /** The steady history, with the newest session's feedback replaced. */
  const withFeedback = (feedback: Partial<ExerciseSession>, older: Partial<ExerciseSession> = {}) => {
    const h = steady('band-pull-apart');
    const [newest, next, ...rest] = h.sessions;
    if (!newest || !next) throw new Error('expected sessions');
    return { ...h, sessions: [{ ...newest, ...feedback }, { ...next, ...older }, ...rest] };
  };
  const decide = (history: ReturnType<typeof steady>) =>
    progressDose('band-pull-apart', start, history, NOW, FIVE);

  it('steps up when the sessions felt about right and pain during stayed put', () => {
    const r = decide(withFeedback({ feeling: 'about-right', painDuring: 3 }, { painDuring: 2 }));
    expect(r.change).toBe('progress');
    expect(r.evidence).toMatchObject({ hardSessions: 0, sessionPainRise: 1 });
  });

  it('holds when a session in the last week felt hard', () => {
    const r = decide(withFeedback({ feeling: 'hard' }));
    expect(r.change).toBe('hold');
    expect(r.dose).toEqual(start);
    expect(r.reason).toBe('Keep 2×12 this week: you said a session with it felt hard in the last 7 days.');
  });

  it('holds when pain during rose by 2 against the session before, and not by 1', () => {
    const held = decide(withFeedback({ painDuring: 4 }, { painDuring: 2 }));
    expect(held.change).toBe('hold');
    expect(held.reason).toContain('your pain during a session with it rose by 2 points');
    expect(decide(withFeedback({ painDuring: 3 }, { painDuring: 2 })).change).toBe('progress');
  });

  it('compares the first rated session with the check-in before it', () => {
    // The steady check-ins score 2: a first session at 4 is a rise of 2.
    const r = decide(withFeedback({ painDuring: 4 }));
    expect(r.evidence.sessionPainRise).toBe(2);
    expect(r.change).toBe('hold');
  });

  it('forgets a hard session more than a week old', () => {
    const h = steady('band-pull-apart');
    const old = { id: 'old', at: NOW - 9 * DAY, items: ['band-pull-apart'], feeling: 'hard' as const };
    expect(decide({ ...h, sessions: [...h.sessions, old] }).change).toBe('progress');
  });
});

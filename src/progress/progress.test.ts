import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PainCheckin, PainTiming, PsfsRating } from '../diary/types.js';
import { sources as knownSources } from '../knowledge/data/sources.js';
import {
  advice,
  CARE_THRESHOLDS,
  judgeNprs,
  NPRS_THRESHOLDS,
  nprsProgress,
  PSFS_THRESHOLDS,
  psfsChangeSize,
  psfsProgress,
} from './index.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
/** 2024-01-01 09:00 UTC, a Monday. */
const T0 = Date.parse('2024-01-01T09:00:00Z');
const at = (day: number): number => T0 + day * DAY;

let nextId = 0;
function pain(day: number, score: number, timing: PainTiming = 'other'): PainCheckin {
  nextId++;
  return { id: `p${nextId}`, at: at(day), regions: ['lower-back'], score, timing };
}
/** Check-ins from [day, score] pairs. */
const series = (points: ReadonlyArray<readonly [number, number]>): PainCheckin[] =>
  points.map(([d, s]) => pain(d, s));
function psfs(day: number, activity: string, score: number): PsfsRating {
  nextId++;
  return { id: `f${nextId}`, at: at(day), activity, score };
}

/** Baseline scores on days 0, 1, 2, … and current scores on days 20, 21, …; now = day 21 + n. */
function judged(baseline: number[], current: number[]) {
  const checkins = [...baseline.map((s, i) => pain(i, s)), ...current.map((s, i) => pain(20 + i, s))];
  return nprsProgress(checkins, { now: at(20 + current.length) });
}

function assertAllFinite(value: unknown, path = 'value'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertAllFinite(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
  }
}

const CAUSAL =
  /\b(causes?|caused|causing|because|leads? to|led to|due to|results? in|triggers?|triggered)\b/i;
const SOURCE_IDS = new Set(knownSources.map((s) => s.id));

// ── NPRS ───────────────────────────────────────────────────────────────────────────────────

describe('nprsProgress: hand-checked', () => {
  // Days from Mon 2024-01-01 (W01). First week: 6, 7, 5 on days 0, 2, 4 → baseline (6 + 7 + 5)/3 = 6.
  // Days 10 (5) and 15 (4) sit in neither window. now = day 27 09:00, so the current window is
  // (day 20, day 27]: 3, 4, 2 on days 22, 24, 26 → current 9/3 = 3.
  // change = 3 − 6 = −3; percent = −3/6 = −50 %; fall 3 ≥ 2 and 50 % ≥ 30 % → improved.
  const checkins = series([
    [0, 6],
    [2, 7],
    [4, 5],
    [10, 5],
    [15, 4],
    [22, 3],
    [24, 4],
    [26, 2],
  ]);
  const p = nprsProgress(checkins, { now: at(27) });

  it('baseline, current, change and judgement', () => {
    expect(p.baseline).toEqual({ mean: 6, n: 3, from: at(0), to: at(4) });
    expect(p.current).toEqual({ mean: 3, n: 3, from: at(22), to: at(26) });
    expect(p.change).toBe(-3);
    expect(p.percentChange).toBe(-50);
    expect(p.judgement).toBe('improved');
    expect(p.message).toBe('Your pain has fallen from 6 to 3 (−50%): a meaningful improvement.');
    expect(p.spanDays).toBe(26);
    expect(p.sources).toEqual(['ostelo-2008-mic', 'childs-2005-nprs']);
  });

  it('weekly series by ISO week', () => {
    // W01 Jan 1–7: 6, 7, 5 → mean 6; W02 (Jan 11): 5; W03 (Jan 16): 4; W04 (Jan 23, 25, 27): 3, 4, 2 → 3.
    expect(p.weekly).toEqual([
      { week: '2024-W01', weekStart: '2024-01-01', mean: 6, min: 5, max: 7, n: 3 },
      { week: '2024-W02', weekStart: '2024-01-08', mean: 5, min: 5, max: 5, n: 1 },
      { week: '2024-W03', weekStart: '2024-01-15', mean: 4, min: 4, max: 4, n: 1 },
      { week: '2024-W04', weekStart: '2024-01-22', mean: 3, min: 2, max: 4, n: 3 },
    ]);
  });

  it('weeks follow utcOffsetMinutes', () => {
    // Sunday 2024-01-07 23:30 UTC is Monday 00:30 at UTC+1: W01 in UTC, W02 at UTC+1.
    const c = [{ ...pain(0, 4), at: Date.parse('2024-01-07T23:30:00Z') }];
    expect(nprsProgress(c, { now: at(10) }).weekly[0]?.week).toBe('2024-W01');
    expect(nprsProgress(c, { now: at(10), utcOffsetMinutes: 60 }).weekly[0]?.week).toBe('2024-W02');
  });

  it('when the first week overlaps the current window, the baseline is the check-ins before it (or the first)', () => {
    // Check-ins on days 0 (6), 2 (5), 6 (4), 8 (3); now = day 8 → current window (day 1, day 8]:
    // days 2, 6, 8 → (5 + 4 + 3)/3 = 4. The first week's check-ins outside it: day 0 only → baseline 6.
    const q = nprsProgress(
      series([
        [0, 6],
        [2, 5],
        [6, 4],
        [8, 3],
      ]),
      { now: at(8) },
    );
    expect(q.baseline?.mean).toBe(6);
    expect(q.baseline?.n).toBe(1);
    expect(q.current?.mean).toBe(4);
    // Fall 2 and 33 % → improved.
    expect(q.judgement).toBe('improved');
  });

  it('windowDays changes both windows', () => {
    // windowDays 3, now = day 21: current (day 18, day 21] = days 20, 21 → (2 + 4)/2 = 3;
    // baseline: days < 3 → days 0, 1, 2 → (8 + 6 + 7)/3 = 7.
    const q = nprsProgress(
      series([
        [0, 8],
        [1, 6],
        [2, 7],
        [5, 9],
        [20, 2],
        [21, 4],
      ]),
      { now: at(21), windowDays: 3 },
    );
    expect(q.baseline?.mean).toBe(7);
    expect(q.current?.mean).toBe(3);
    expect(() => nprsProgress([], { now: at(0), windowDays: 0 })).toThrow(RangeError);
  });
});

describe('nprsProgress: boundaries', () => {
  it('a fall of exactly 2 points (40 %) is an improvement', () => {
    // 5 → 3: fall 2, 2/5 = 40 %.
    expect(judged([5], [3]).judgement).toBe('improved');
  });

  it('a fall of exactly 30 % (3 points) is an improvement', () => {
    // 10 → 7: fall 3, 3/10 = 30 %.
    const q = judged([10], [7]);
    expect(q.percentChange).toBeCloseTo(-30, 10);
    expect(q.judgement).toBe('improved');
  });

  it('exactly 2 points and exactly 30 % together (means 20/3 → 14/3) is an improvement', () => {
    // Baseline (7 + 7 + 6)/3 = 6.667, current (5 + 5 + 4)/3 = 4.667: fall 2 = 30 % of 6.667.
    // In floating point 20/3 − 14/3 may land a hair below 2; the tolerance keeps it on the threshold.
    const q = judged([7, 7, 6], [5, 5, 4]);
    expect(q.change).toBeCloseTo(-2, 10);
    expect(q.percentChange).toBeCloseTo(-30, 10);
    expect(q.judgement).toBe('improved');
    expect(q.message).toBe('Your pain has fallen from 6.7 to 4.7 (−30%): a meaningful improvement.');
  });

  it('a fall of 1.9 points is not', () => {
    // 5 → 3.1 (mean of 3.1 via 3 and 3.2): fall 1.9, 38 %.
    const q = judged([5], [3, 3.2]);
    expect(q.change).toBeCloseTo(-1.9, 10);
    expect(q.judgement).toBe('unchanged');
    expect(q.message).toBe(
      'Your pain has fallen from 5 to 3.1 (−38%): not yet a meaningful change (a fall of at least 2 points and 30% counts as one).',
    );
  });

  it('2 points but under 30 % is not; 30 % but under 2 points is not', () => {
    // 10 → 7.5: fall 2.5 but 25 %. 3 → 2: 33 % but 1 point.
    expect(judged([10], [7.5]).judgement).toBe('unchanged');
    expect(judged([3], [2]).judgement).toBe('unchanged');
    expect(judgeNprs(10, 7.5)).toBe('unchanged');
    expect(judgeNprs(3, 1)).toBe('improved');
  });

  it('a rise of exactly 2 is worse, 1.9 is not; a baseline of 0 has no percentage', () => {
    const worse = judged([3], [5]);
    expect(worse.judgement).toBe('worse');
    expect(worse.message).toBe('Your pain has risen from 3 to 5 (+67%): a meaningful worsening.');
    expect(judgeNprs(3, 4.9)).toBe('unchanged');
    const fromZero = judged([0], [2]);
    expect(fromZero.percentChange).toBeNull();
    expect(fromZero.judgement).toBe('worse');
    expect(fromZero.message).toBe('Your pain has risen from 0 to 2: a meaningful worsening.');
    expect(judged([3], [4]).message).toBe(
      'Your pain has risen from 3 to 4 (+33%): less than the 2 points that count as a meaningful change.',
    );
    expect(judged([4], [4]).message).toBe('Your pain is about the same as at the start (4 then, 4 now).');
  });
});

describe('nprsProgress: not enough data yet', () => {
  it('fewer than 2 check-ins', () => {
    const q = nprsProgress([pain(0, 5)], { now: at(1) });
    expect(q.judgement).toBe('not enough data yet');
    expect(q.message).toMatch(/^Not enough data yet/);
    expect(q.baseline).toBeUndefined();
  });

  it('a span under 7 days (6.9 days), and exactly 7 days is enough', () => {
    const short = nprsProgress([pain(0, 6), { ...pain(0, 3), at: at(6.9) }], { now: at(7) });
    expect(short.judgement).toBe('not enough data yet');
    expect(short.message).toContain('less than a week');
    expect(nprsProgress([pain(0, 6), pain(7, 3)], { now: at(7) }).judgement).toBe('improved');
  });

  it('no check-in in the last 7 days', () => {
    const q = nprsProgress([pain(0, 6), pain(10, 3)], { now: at(17) + 1 });
    expect(q.judgement).toBe('not enough data yet');
    expect(q.message).toContain('no check-in in the last 7 days');
  });

  it('check-ins after now are ignored', () => {
    const q = nprsProgress([pain(0, 6), pain(10, 3), pain(30, 9)], { now: at(12) });
    expect(q.checkins).toBe(2);
    expect(q.current?.mean).toBe(3);
  });
});

// ── PSFS ───────────────────────────────────────────────────────────────────────────────────

describe('psfsProgress: hand-checked', () => {
  // Activity          ratings (day: score)          first  latest  change  compared
  // Run 10 km         0: 2, 10: 4, 21: 6            2      6       +4      yes
  // Sit at desk 2 h   0: 5, 21: 6                   5      6       +1      yes
  // Run downhill      1: 3, 20: 4                   3      4       +1      yes
  // Tie shoes         18: 7                         7      7        0      no (one rating)
  // Lift child        15: 3, 19: 5                  3      5       +2      no (4 days apart < 7)
  //
  // Average of the compared: (2 + 5 + 3)/3 = 3.333 → (6 + 6 + 4)/3 = 5.333, change +2 exactly → improved
  // (2 is the recommendation); Abbott & Schmitt size: 2 ≥ 1.3 and < 2.3 → small.
  const ratings = [
    psfs(0, 'Run 10 km', 2),
    psfs(0, 'Sit at desk 2 h', 5),
    psfs(1, 'Run downhill', 3),
    psfs(10, 'run 10 km', 4),
    psfs(15, 'Lift child', 3),
    psfs(18, 'Tie shoes', 7),
    psfs(19, 'Lift child', 5),
    psfs(20, 'Run downhill', 4),
    psfs(21, ' Run  10 KM ', 6),
    psfs(21, 'Sit at desk 2 h', 6),
  ];
  const p = psfsProgress(ratings, { now: at(22) });

  it('per activity, first vs latest; activity names match ignoring case and spaces', () => {
    expect(
      p.activities.map((a) => [a.activity, a.first.score, a.latest.score, a.change, a.ratings, a.compared]),
    ).toEqual([
      ['Run  10 KM', 2, 6, 4, 3, true],
      ['Sit at desk 2 h', 5, 6, 1, 2, true],
      ['Run downhill', 3, 4, 1, 2, true],
      ['Lift child', 3, 5, 2, 2, false],
      ['Tie shoes', 7, 7, 0, 1, false],
    ]);
  });

  it('the average decides: +2 is a meaningful improvement', () => {
    expect(p.baseline).toBeCloseTo(10 / 3, 10);
    expect(p.current).toBeCloseTo(16 / 3, 10);
    expect(p.change).toBeCloseTo(2, 10);
    expect(p.judgement).toBe('improved');
    expect(p.size).toBe('small');
    expect(p.message).toBe(
      'Your activity score (PSFS, average of 3 activities) has risen from 3.3 to 5.3 (+2): a meaningful improvement.',
    );
    expect(p.sources).toEqual(['abbott-schmitt-2014-psfs', 'stratford-1995-psfs']);
  });

  it('weekly series carries each activity’s latest rating forward', () => {
    // W01 (Jan 1–7): run 2, desk 5, downhill 3 → 10/3.
    // W02 (Jan 8–14): run 4 → 4, 5, 3 → 4.
    // W03 (Jan 15–21): lift 3 then 5, tie 7, downhill 4 → run 4, desk 5, downhill 4, lift 5, tie 7 → 25/5 = 5.
    // W04 (Jan 22): run 6, desk 6 → 6, 6, 4, 5, 7 → 28/5 = 5.6.
    expect(p.weekly.map((w) => [w.week, w.mean, w.n, w.min, w.max])).toEqual([
      ['2024-W01', 10 / 3, 3, 2, 5],
      ['2024-W02', 4, 3, 3, 5],
      ['2024-W03', 5, 5, 4, 7],
      ['2024-W04', 5.6, 5, 4, 7],
    ]);
  });
});

describe('psfsProgress: boundaries', () => {
  const one = (first: number, latest: number) =>
    psfsProgress([psfs(0, 'Run 10 km', first), psfs(14, 'Run 10 km', latest)], { now: at(15) });

  it('+1.9 is unchanged (a small change); +1.3 is small; +1.2 is none', () => {
    const a = one(4, 5.9);
    expect(a.judgement).toBe('unchanged');
    expect(a.size).toBe('small');
    expect(a.message).toBe(
      'Your activity score (PSFS, 1 activity) has risen from 4 to 5.9 (+1.9): a small change (1.3 or more), not yet the 2 points that count as meaningful.',
    );
    expect(one(4, 5.3).size).toBe('small');
    expect(one(4, 5.2).size).toBe('none');
  });

  it('sizes by Abbott & Schmitt 2014: 2.3 medium, 2.7 large', () => {
    expect(psfsChangeSize(2.3)).toBe('medium');
    expect(psfsChangeSize(-2.69)).toBe('medium');
    expect(psfsChangeSize(2.7)).toBe('large');
    expect(psfsChangeSize(1.29)).toBe('none');
    expect(PSFS_THRESHOLDS.small).toBe(1.3);
  });

  it('a fall of exactly 2 is worse, 1.9 is not', () => {
    expect(one(6, 4).judgement).toBe('worse');
    expect(one(6, 4).message).toBe(
      'Your activity score (PSFS, 1 activity) has fallen from 6 to 4 (−2): a meaningful worsening.',
    );
    expect(one(6, 4.1).judgement).toBe('unchanged');
    expect(one(4, 6).judgement).toBe('improved');
  });

  it('not enough data: one rating, or ratings under 7 days apart; later ratings ignored', () => {
    expect(psfsProgress([psfs(0, 'a', 3)], { now: at(1) }).judgement).toBe('not enough data yet');
    const close = psfsProgress([psfs(0, 'a', 3), psfs(6.9, 'a', 8)], { now: at(8) });
    expect(close.judgement).toBe('not enough data yet');
    expect(close.activities[0]?.compared).toBe(false);
    const later = psfsProgress([psfs(0, 'a', 3), psfs(8, 'a', 4), psfs(30, 'a', 10)], { now: at(9) });
    expect(later.current).toBe(4);
  });
});

// ── Advice ─────────────────────────────────────────────────────────────────────────────────

describe('advice', () => {
  const nprs = (points: ReadonlyArray<readonly [number, number]>, nowDay: number) =>
    nprsProgress(series(points), { now: at(nowDay) });

  it('pain worse → see a clinician, with the sources', () => {
    // 3 → 5: a rise of 2.
    const n = nprs(
      [
        [0, 3],
        [8, 5],
      ],
      9,
    );
    const a = advice(n, undefined, { now: at(9) });
    expect(a.seeClinician).toBe(true);
    expect(a.status).toBe('see a clinician');
    expect(a.reasons[0]).toContain('risen by 2 points or more (from 3 to 5)');
    expect(a.sources).toEqual(expect.arrayContaining(['childs-2005-nprs', 'nhs-back-pain-urgent']));
  });

  it('unchanged before 21 days (triage’s review time) → keep going; at exactly 21 days → see a clinician', () => {
    expect(CARE_THRESHOLDS.notImprovingDays).toBe(21);
    const points = [
      [0, 5],
      [9, 4],
    ] as const;
    const early = advice(nprs(points, 10), undefined, { now: at(10) });
    expect(early.seeClinician).toBe(false);
    expect(early.status).toBe('keep going');
    expect(early.reasons[0]).toContain('under 3 weeks');
    expect(advice(nprs(points, 20.9), undefined, { now: at(20.9) }).seeClinician).toBe(false);
    const due = advice(nprs([...points, [20, 4]], 21), undefined, { now: at(21) });
    expect(due.seeClinician).toBe(true);
    expect(due.reasons[0]).toContain('neither your pain nor your activities show a meaningful improvement');
    expect(due.sources).toEqual(expect.arrayContaining([...CARE_THRESHOLDS.sources.notImproving]));
  });

  it('improved at 20 days → keep going; improved but not settled at 42 days → see a clinician', () => {
    const improving = advice(
      nprs(
        [
          [0, 6],
          [19, 3],
        ],
        20,
      ),
      undefined,
      { now: at(20) },
    );
    expect(improving.seeClinician).toBe(false);
    expect(improving.reasons[0]).toContain('a meaningful improvement. Keep going');
    const sixWeeks = advice(
      nprs(
        [
          [0, 6],
          [41, 3],
        ],
        42,
      ),
      undefined,
      { now: at(42) },
    );
    expect(sixWeeks.seeClinician).toBe(true);
    expect(sixWeeks.reasons[0]).toContain(
      'It is 6 weeks since this episode began and the pain has not settled',
    );
    expect(sixWeeks.sources).toEqual(expect.arrayContaining(['chcp-nhs-msk', 'nhs-back-pain-timeline']));
  });

  it('settled (≤ 1 out of 10) at 50 days → keep going', () => {
    const a = advice(
      nprs(
        [
          [0, 6],
          [49, 1],
        ],
        50,
      ),
      undefined,
      { now: at(50) },
    );
    expect(a.seeClinician).toBe(false);
    expect(a.reasons[0]).toContain('Your pain has settled');
    expect(NPRS_THRESHOLDS.resolvedMax).toBe(1);
  });

  it('a meaningful PSFS improvement counts as improvement; a PSFS fall of 2 → see a clinician', () => {
    const flat = nprs(
      [
        [0, 5],
        [19, 4],
      ],
      20,
    );
    const better = psfsProgress([psfs(0, 'run', 3), psfs(19, 'run', 6)], { now: at(20) });
    expect(advice(flat, better, { now: at(20) }).seeClinician).toBe(false);
    const worse = psfsProgress([psfs(0, 'run', 6), psfs(9, 'run', 4)], { now: at(10) });
    const a = advice(
      nprs(
        [
          [0, 5],
          [9, 4],
        ],
        10,
      ),
      worse,
      { now: at(10) },
    );
    expect(a.seeClinician).toBe(true);
    expect(a.sources).toContain('abbott-schmitt-2014-psfs');
  });

  it('episodeStartedAt counts from the episode, not the first check-in', () => {
    // Check-ins over 8 days, unchanged, but the episode began 30 days before now.
    const n = nprs(
      [
        [22, 5],
        [29, 4],
      ],
      30,
    );
    expect(advice(n, undefined, { now: at(30) }).seeClinician).toBe(false);
    expect(advice(n, undefined, { now: at(30), episodeStartedAt: at(0) }).seeClinician).toBe(true);
  });

  it('not enough data yet → no advice to see a clinician, and says so', () => {
    const n = nprsProgress([pain(0, 5)], { now: at(1) });
    const a = advice(n, undefined, { now: at(1) });
    expect(a).toMatchObject({ seeClinician: false, status: 'not enough data yet' });
    expect(a.reasons[0]).toMatch(/^Not enough data yet/);
    const old = advice(n, undefined, { now: at(50), episodeStartedAt: at(0) });
    expect(old.seeClinician).toBe(false);
    expect(old.reasons.join(' ')).toContain('6 weeks or more ago');
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────────

const checkinArb = fc.record({
  id: fc.string({ maxLength: 3 }),
  at: fc.integer({ min: T0, max: T0 + 80 * DAY }),
  regions: fc.constant<string[]>(['lower-back']),
  score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
  timing: fc.constantFrom<PainTiming>('before', 'during', 'right-after', 'next-morning', 'other'),
});
const ratingArb = fc.record({
  id: fc.string({ maxLength: 3 }),
  at: fc.integer({ min: T0, max: T0 + 80 * DAY }),
  activity: fc.constantFrom('Run 10 km', 'run 10 km', 'Sit 2 h', 'Lift'),
  score: fc.integer({ min: 0, max: 10 }),
});
const nowArb = fc.integer({ min: T0, max: T0 + 90 * DAY });

describe('progress properties', () => {
  it('adding check-ins never produces NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(checkinArb, { maxLength: 30 }),
        fc.array(checkinArb, { minLength: 1, maxLength: 30 }),
        fc.array(ratingArb, { maxLength: 20 }),
        nowArb,
        (base, more, ratings, now) => {
          for (const list of [base, [...base, ...more]]) {
            const n = nprsProgress(list, { now });
            const p = psfsProgress(ratings, { now });
            const a = advice(n, p, { now, episodeStartedAt: T0 });
            assertAllFinite(n);
            assertAllFinite(p);
            assertAllFinite(a);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the judgement matches its thresholds', () => {
    fc.assert(
      fc.property(fc.array(checkinArb, { maxLength: 30 }), nowArb, (list, now) => {
        const n = nprsProgress(list, { now });
        if (n.judgement === 'not enough data yet') return;
        const b = n.baseline?.mean ?? Number.NaN;
        const c = n.current?.mean ?? Number.NaN;
        expect(n.judgement).toBe(judgeNprs(b, c));
        if (n.judgement === 'improved') {
          expect(b - c).toBeGreaterThanOrEqual(2 - 1e-9);
          expect((b - c) / b).toBeGreaterThanOrEqual(0.3 - 1e-9);
        }
        if (n.judgement === 'worse') expect(c - b).toBeGreaterThanOrEqual(2 - 1e-9);
        expect(n.spanDays).toBeGreaterThanOrEqual(7);
      }),
      { numRuns: 200 },
    );
  });

  it('judgeNprs: improved and worse never overlap, and a smaller current pain never judges worse', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (b, c) => {
          const j = judgeNprs(b, c);
          if (c <= b) expect(j).not.toBe('worse');
          if (c >= b) expect(j).not.toBe('improved');
        },
      ),
    );
  });

  it('advice is consistent and cites only known sources; no message claims a cause', () => {
    fc.assert(
      fc.property(
        fc.array(checkinArb, { maxLength: 30 }),
        fc.array(ratingArb, { maxLength: 20 }),
        nowArb,
        fc.option(fc.integer({ min: T0 - 60 * DAY, max: T0 + 80 * DAY }), { nil: undefined }),
        (list, ratings, now, episodeStartedAt) => {
          const n = nprsProgress(list, { now });
          const p = psfsProgress(ratings, { now });
          const a = advice(n, p, { now, episodeStartedAt });
          expect(a.seeClinician).toBe(a.status === 'see a clinician');
          expect(a.reasons.length).toBeGreaterThan(0);
          if (n.judgement === 'worse' || p.judgement === 'worse') expect(a.seeClinician).toBe(true);
          for (const id of [...a.sources, ...n.sources, ...p.sources]) expect(SOURCE_IDS.has(id)).toBe(true);
          for (const text of [n.message, p.message, ...a.reasons]) expect(text).not.toMatch(CAUSAL);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every threshold source id exists in the knowledge base', () => {
    const ids = [
      ...NPRS_THRESHOLDS.sources,
      ...PSFS_THRESHOLDS.sources,
      ...Object.values(CARE_THRESHOLDS.sources).flat(),
    ];
    for (const id of ids) expect(SOURCE_IDS.has(id)).toBe(true);
  });
});

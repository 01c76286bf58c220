import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiaryRun, ExerciseSession, PainCheckin, PainTiming } from '../diary/types.js';
import {
  DEFAULT_MINIMUMS,
  DEFAULT_PAIN_THRESHOLD,
  findTriggers,
  painAfterRuns,
  type TriggerFinding,
  type TriggerReport,
} from './index.js';
import { median, nearestRank, newcombeDifference, normalQuantile, riskRatio, wilson, zFor } from './stats.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** 2024-01-01 07:00 UTC, a Monday morning. */
const T0 = Date.parse('2024-01-01T07:00:00Z');

function run(id: string, day: number, km: number, extra: Partial<DiaryRun> = {}): DiaryRun {
  return {
    id,
    startTime: T0 + day * DAY,
    distanceM: km * 1000,
    elapsedS: null,
    movingS: null,
    elevationGainM: null,
    paceSPerKm: null,
    cadenceChangeSpm: null,
    decouplingPct: null,
    ...extra,
  };
}

let nextId = 0;
function checkin(at: number, score: number, timing: PainTiming = 'right-after', runId?: string): PainCheckin {
  nextId++;
  const c: PainCheckin = { id: `c${nextId}`, at, regions: ['lower-back'], score, timing };
  if (runId !== undefined) c.runId = runId;
  return c;
}
/** A check-in linked to run `r`, one hour after its start. */
const checkinAfter = (r: DiaryRun, score: number): PainCheckin =>
  checkin(r.startTime + HOUR, score, 'right-after', r.id);

const get = (report: TriggerReport, id: TriggerFinding['id']): TriggerFinding => {
  const f = report.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

/** Every number anywhere in the value must be finite. */
function assertAllFinite(value: unknown, path = 'report'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertAllFinite(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
  }
}

/** Words that would claim a cause rather than an association. */
const CAUSAL =
  /\b(causes?|caused|causing|because|leads? to|led to|due to|results? in|triggers?|triggered)\b/i;
const allText = (r: TriggerReport): string[] => [
  r.summary,
  ...r.caveats,
  ...r.findings.flatMap((f) => [f.message, f.label]),
  ...r.skipped.map((s) => s.reason),
];

// ── Statistics: known answers ──────────────────────────────────────────────────────────────

describe('stats', () => {
  it('inverse normal: z for 95 % and for a Bonferroni 1 − 0.05/3', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    // 1 − 0.05/3 = 0.98333 two-sided → Φ⁻¹(0.991667) = 2.39398.
    expect(zFor(1 - 0.05 / 3)).toBeCloseTo(2.39398, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('Wilson score interval, 6 of 8', () => {
    // p = 0.75, z² = 3.8415, denom = 1 + 3.8415/8 = 1.48018,
    // centre = (0.75 + 3.8415/16) / 1.48018 = 0.99009/1.48018 = 0.66890,
    // half = 1.96·√(0.75·0.25/8 + 3.8415/256) / 1.48018 = 1.96·√(0.023438 + 0.015006)/1.48018 = 0.25962,
    // → 0.40928 to 0.92852.
    const w = wilson(6, 8);
    expect(w.estimate).toBe(0.75);
    expect(w.lower).toBeCloseTo(0.40928, 4);
    expect(w.upper).toBeCloseTo(0.92852, 4);
    // 0 events: the lower bound is exactly 0, the upper 3.8415/(8 + 3.8415) = 0.32441.
    expect(wilson(0, 8).lower).toBe(0);
    expect(wilson(0, 8).upper).toBeCloseTo(0.32441, 4);
    expect(wilson(8, 8).upper).toBe(1);
  });

  it('Newcombe hybrid score interval reproduces Newcombe 1998 (Stat Med 17:873), Table II, method 10', () => {
    // (a) 56/70 − 48/80 = 0.2000: 0.0524 to 0.3339.
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.estimate).toBeCloseTo(0.2, 10);
    expect(a.lower).toBeCloseTo(0.0524, 4);
    expect(a.upper).toBeCloseTo(0.3339, 4);
    // (b) 9/10 − 3/10 = 0.6: 0.1705 to 0.8090.
    const b = newcombeDifference(9, 10, 3, 10);
    expect(b.lower).toBeCloseTo(0.1705, 4);
    expect(b.upper).toBeCloseTo(0.809, 4);
    // (c) 6/7 − 2/7 = 0.5714: 0.0582 to 0.8062.
    const c = newcombeDifference(6, 7, 2, 7);
    expect(c.lower).toBeCloseTo(0.0582, 4);
    expect(c.upper).toBeCloseTo(0.8062, 4);
    // (d) 5/56 − 0/29 = 0.0893: −0.0381 to 0.1926.
    const d = newcombeDifference(5, 56, 0, 29);
    expect(d.lower).toBeCloseTo(-0.0381, 4);
    expect(d.upper).toBeCloseTo(0.1926, 4);
  });

  it('Newcombe at the Bonferroni level for 3 splits is wider than at 95 %', () => {
    // 8/10 vs 2/10, d = 0.6. At 95 %: Wilson 0.4902–0.9433 and 0.0567–0.5098,
    //   lower = 0.6 − √((0.8 − 0.4902)² + (0.5098 − 0.2)²) = 0.6 − 0.4382 = 0.1618,
    //   upper = 0.6 + √((0.9433 − 0.8)² + (0.2 − 0.0567)²) = 0.6 + 0.2027 = 0.8027.
    // At 98.33 % (z = 2.394): Wilson 0.4257–0.9557 and 0.0443–0.5743 → 0.0706 to 0.8202.
    const n95 = newcombeDifference(8, 10, 2, 10);
    expect(n95.lower).toBeCloseTo(0.1618, 4);
    expect(n95.upper).toBeCloseTo(0.8027, 4);
    const n98 = newcombeDifference(8, 10, 2, 10, 1 - 0.05 / 3);
    expect(n98.lower).toBeCloseTo(0.0706, 4);
    expect(n98.upper).toBeCloseTo(0.8202, 4);
    expect(n98.confidence).toBeCloseTo(0.98333, 5);
  });

  it('risk ratio with a log interval, and the 0.5 correction for a zero cell', () => {
    // 6/8 vs 2/12: RR = 0.75 / 0.16667 = 4.5; SE = √(1/6 − 1/8 + 1/2 − 1/12) = √0.45833 = 0.67700;
    // exp(ln 4.5 ± 1.96·0.677) = 4.5 ÷ / × 3.7689 → 1.194 to 16.962.
    const r = riskRatio(6, 8, 2, 12);
    expect(r.estimate).toBeCloseTo(4.5, 10);
    expect(r.lower).toBeCloseTo(1.194, 3);
    expect(r.upper).toBeCloseTo(16.962, 3);
    expect(r.continuityCorrected).toBe(false);
    // 3/5 vs 0/5: every cell + 0.5 → 3.5/6 vs 0.5/6, RR = 7; SE = √(1/3.5 − 1/6 + 1/0.5 − 1/6) = 1.39728;
    // exp(ln 7 ± 1.96·1.39728) → 0.4526 to 108.26.
    const z = riskRatio(3, 5, 0, 5);
    expect(z.continuityCorrected).toBe(true);
    expect(z.estimate).toBeCloseTo(7, 10);
    expect(z.lower).toBeCloseTo(0.4526, 4);
    expect(z.upper).toBeCloseTo(108.258, 2);
  });

  it('nearest-rank quantiles and the median', () => {
    const xs = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    // n = 10: q 0.5 → rank ⌈5⌉ = 5 → 5; q 0.66 → ⌈6.6⌉ = 7 → 7; q 0.75 → ⌈7.5⌉ = 8 → 8.
    expect(nearestRank(xs, 0.5)).toBe(5);
    expect(nearestRank(xs, 0.66)).toBe(7);
    expect(nearestRank(xs, 0.75)).toBe(8);
    expect(nearestRank([], 0.5)).toBeUndefined();
    expect(median(xs)).toBe(5.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeUndefined();
  });
});

describe('stats properties', () => {
  const table = fc
    .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }))
    .chain(([n1, n0]) =>
      fc.tuple(
        fc.integer({ min: 0, max: n1 }),
        fc.constant(n1),
        fc.integer({ min: 0, max: n0 }),
        fc.constant(n0),
      ),
    );
  const level = fc.constantFrom(0.9, 0.95, 1 - 0.05 / 2, 1 - 0.05 / 3, 0.99);

  it('Wilson limits lie in [0, 1] and contain the rate', () => {
    fc.assert(
      fc.property(table, level, ([a, n1], conf) => {
        const w = wilson(a, n1, conf);
        expect(w.estimate).toBeGreaterThanOrEqual(0);
        expect(w.estimate).toBeLessThanOrEqual(1);
        expect(w.lower).toBeGreaterThanOrEqual(0);
        expect(w.upper).toBeLessThanOrEqual(1);
        expect(w.lower).toBeLessThanOrEqual(w.estimate);
        expect(w.upper).toBeGreaterThanOrEqual(w.estimate);
      }),
    );
  });

  it('the risk difference interval contains the estimate and stays within [−1, 1]', () => {
    fc.assert(
      fc.property(table, level, ([a, n1, b, n0], conf) => {
        const d = newcombeDifference(a, n1, b, n0, conf);
        expect(d.lower).toBeLessThanOrEqual(d.estimate);
        expect(d.upper).toBeGreaterThanOrEqual(d.estimate);
        expect(d.lower).toBeGreaterThanOrEqual(-1);
        expect(d.upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('swapping the groups negates the difference and mirrors its interval; the ratio inverts', () => {
    fc.assert(
      fc.property(table, ([a, n1, b, n0]) => {
        const d = newcombeDifference(a, n1, b, n0);
        const s = newcombeDifference(b, n0, a, n1);
        expect(s.estimate).toBeCloseTo(-d.estimate, 12);
        expect(s.lower).toBeCloseTo(-d.upper, 12);
        expect(s.upper).toBeCloseTo(-d.lower, 12);
        const r = riskRatio(a, n1, b, n0);
        const rs = riskRatio(b, n0, a, n1);
        expect(rs.estimate * r.estimate).toBeCloseTo(1, 9);
        expect(rs.lower * r.upper).toBeCloseTo(1, 9);
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper) && r.lower > 0).toBe(true);
        expect(r.lower).toBeLessThanOrEqual(r.estimate);
        expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
      }),
    );
  });

  it('a wider level gives a wider interval', () => {
    fc.assert(
      fc.property(table, ([a, n1, b, n0]) => {
        const narrow = newcombeDifference(a, n1, b, n0, 0.95);
        const wide = newcombeDifference(a, n1, b, n0, 1 - 0.05 / 3);
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-12);
      }),
    );
  });
});

// ── Outcome per run ────────────────────────────────────────────────────────────────────────

describe('painAfterRuns', () => {
  it('uses the link when there is one, else the latest run before within the timing’s window', () => {
    const r1 = run('r1', 0, 10); // Mon 07:00
    const r2 = run('r2', 2, 10); // Wed 07:00
    const r3 = run('r3', 4, 10); // Fri 07:00
    const r4 = run('r4', 6, 10); // Sun 07:00
    const r5 = run('r5', 8, 10);
    const pain = painAfterRuns(
      [r1, r2, r3, r4, r5],
      [
        // r1: a linked check-in counts even three days later; the highest score is kept.
        checkin(r1.startTime + 72 * HOUR, 4, 'right-after', 'r1'),
        checkin(r1.startTime + 2 * HOUR, 6, 'during', 'r1'),
        // r2: unlinked right-after at 23 h 59 counts (window 24 h) …
        checkin(r2.startTime + 24 * HOUR - 60_000, 5, 'right-after'),
        // r3: … an unlinked right-after at 25 h does not, but a next-morning at 35 h does (window 36 h).
        checkin(r3.startTime + 25 * HOUR, 9, 'right-after'),
        checkin(r3.startTime + 35 * HOUR, 2, 'next-morning'),
        // r4: 'before' and 'other' never describe a run's outcome.
        checkin(r4.startTime + HOUR, 8, 'before'),
        checkin(r4.startTime + HOUR, 8, 'other'),
        // A link to a run that is not in the list is ignored, not re-assigned.
        checkin(r5.startTime + HOUR, 7, 'right-after', 'gone'),
        // r5: next-morning at 37 h is too late.
        checkin(r5.startTime + 37 * HOUR, 3, 'next-morning'),
      ],
    );
    expect(Object.fromEntries(pain)).toEqual({ r1: 6, r2: 5, r3: 2 });
  });

  it('a check-in after the second run of a day belongs to the second only', () => {
    const am = run('am', 0, 8);
    const pm = run('pm', 0, 5, { startTime: T0 + 10 * HOUR });
    const pain = painAfterRuns([pm, am], [checkin(T0 + 11 * HOUR, 5)]);
    expect(Object.fromEntries(pain)).toEqual({ pm: 5 });
  });
});

// ── findTriggers: a hand-checked table ─────────────────────────────────────────────────────
//
// 20 runs with a check-in, distances 5 … 24 km (rank i = 4 + i km), in a shuffled order over 20 days,
// plus 3 runs of 50 km with no check-in (left out; they do not move the thresholds).
// Pain (score 5) after ranks 1, 2 and 11–18; score 1 after the others.
//
//   split (nearest rank of 20)  threshold  with (over)     without         difference
//   50 %: rank 10               14 km      8 of 10 (11–20)  2 of 10 (1–10)  +0.60
//   66 %: rank ⌈13.2⌉ = 14      18 km      4 of 6  (15–20)  6 of 14         +0.24
//   75 %: rank 15               19 km      3 of 5  (16–20)  7 of 15         +0.13
//
// The 50 % split wins. Three splits were tried, so the interval is at 1 − 0.05/3 = 98.33 %:
// Newcombe 8/10 vs 2/10 at z = 2.394 → 0.0706 to 0.8202 (see the stats test): it excludes 0 → 'linked'.

function handTable() {
  const order = [7, 13, 2, 19, 11, 5, 16, 1, 9, 20, 3, 14, 18, 6, 10, 17, 4, 12, 8, 15];
  const runs: DiaryRun[] = [];
  const checkins: PainCheckin[] = [];
  order.forEach((rank, day) => {
    const r = run(`rank${rank}`, day, 4 + rank);
    runs.push(r);
    const pain = rank <= 2 || (rank >= 11 && rank <= 18);
    checkins.push(checkinAfter(r, pain ? 5 : 1));
  });
  for (const day of [21, 23, 25]) runs.push(run(`ultra${day}`, day, 50));
  return { runs, checkins, sessions: [] as ExerciseSession[] };
}

describe('findTriggers: hand-checked table', () => {
  const report = findTriggers(handTable());

  it('counts the runs analysed and the ones left out', () => {
    expect(report.runs).toBe(23);
    expect(report.runsWithOutcome).toBe(20);
    expect(report.runsLeftOut).toBe(3);
    expect(report.leftOutRunIds).toEqual(['ultra21', 'ultra23', 'ultra25']);
    expect(report.runsWithPain).toBe(10);
    expect(report.painThreshold).toBe(DEFAULT_PAIN_THRESHOLD);
    expect(report.summary).toContain('3 runs without one were left out, not counted as pain-free');
    expect(report.minimums).toEqual({ runsWithOutcome: 10, runsPerGroup: 5 });
  });

  it('picks the 50 % distance split and reports a Bonferroni-widened interval', () => {
    const f = get(report, 'long-distance');
    expect(f.threshold).toEqual({ value: 14, unit: 'km', quantile: 0.5, splitsTried: 3 });
    expect(f.with).toEqual({ runs: 10, pain: 8, rate: 0.8 });
    expect(f.without).toEqual({ runs: 10, pain: 2, rate: 0.2 });
    expect(f.riskDifference?.estimate).toBeCloseTo(0.6, 10);
    expect(f.riskDifference?.lower).toBeCloseTo(0.0706, 4);
    expect(f.riskDifference?.upper).toBeCloseTo(0.8202, 4);
    expect(f.riskDifference?.confidence).toBeCloseTo(1 - 0.05 / 3, 10);
    // RR = 0.8/0.2 = 4; SE = √(1/8 − 1/10 + 1/2 − 1/10) = 0.65192; z = 2.394 → 4 ÷ / × e^1.5607 → 0.840 to 19.05.
    expect(f.riskRatio?.estimate).toBeCloseTo(4, 10);
    expect(f.riskRatio?.lower).toBeCloseTo(0.84, 2);
    expect(f.riskRatio?.upper).toBeCloseTo(19.05, 1);
    expect(f.verdict).toBe('linked');
    expect(f.direction).toBe('more');
    expect(f.message).toBe(
      'Pain (3+ out of 10) followed runs over 14 km more often: 8 of 10 vs 2 of 10 other runs ' +
        '(+60 percentage points, 98.3 % interval +7 to +82). This is a pattern in your diary, not proof that one ' +
        'brings on the other.',
    );
  });

  it('words distances in miles when asked, keeping the threshold in km', () => {
    const f = get(findTriggers(handTable(), { units: 'mi' }), 'long-distance');
    expect(f.threshold).toMatchObject({ value: 14, unit: 'km' });
    // 14 km is 8.7 mi.
    expect(f.message).toMatch(/^Pain \(3\+ out of 10\) followed runs over 8\.7 mi more often/);
    expect(f.message).not.toMatch(/km/);
  });

  it('skips features with no data and says why', () => {
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { id: 'long-duration', reason: 'no runs with this information yet' },
        { id: 'hilly', reason: 'no runs with elevation data yet' },
        { id: 'fast', reason: 'no runs with a pace yet' },
        { id: 'missed-warm-up', reason: 'no warm-up exercises given' },
      ]),
    );
    // Cadence is all unknown: a finding with empty groups, not enough data.
    const c = get(report, 'cadence-drop');
    expect(c.unknown).toBe(20);
    expect(c.verdict).toBe('not enough data yet');
    expect(c.riskDifference).toBeNull();
    expect(c.with.rate).toBeNull();
  });

  it('sorts the clearest first and keeps the caveats', () => {
    expect(report.findings[0]?.id).toBe('long-distance');
    const ranks = report.findings.map((f) =>
      ['linked', 'no clear link', 'not enough data yet'].indexOf(f.verdict),
    );
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(report.caveats.some((c) => c.includes('Bonferroni'))).toBe(true);
    expect(report.caveats.some((c) => c.includes('not counted as pain-free'))).toBe(true);
  });
});

// ── Verdict boundaries and the pain threshold ──────────────────────────────────────────────

/** `n` runs, every `k`-th of them 'fast' (pace 280 vs 330 s/km), with the given pain per run. */
function fastTable(pains: boolean[], isFast: (i: number) => boolean): Parameters<typeof findTriggers>[0] {
  const runs = pains.map((_, i) => run(`r${i}`, i, 10, { paceSPerKm: isFast(i) ? 280 : 330 }));
  return { runs, checkins: runs.map((r, i) => checkinAfter(r, pains[i] ? 6 : 0)), sessions: [] };
}

describe('verdicts', () => {
  it('fewer than 5 runs in a group → not enough data yet, whatever the rates', () => {
    // 4 fast runs all with pain, 8 others without: 4 of 4 vs 0 of 8, but the "with" group is below 5.
    const pains = Array.from({ length: 12 }, (_, i) => i < 4);
    const f = get(findTriggers(fastTable(pains, (i) => i < 4)), 'fast');
    expect(f.with).toEqual({ runs: 4, pain: 4, rate: 1 });
    expect(f.verdict).toBe('not enough data yet');
    expect(f.message).toContain('At least 5 of each, and 10 runs in all, are needed');
  });

  it('fewer than 10 runs with an outcome overall → not enough data yet', () => {
    // With the per-group minimum lowered to 4 (so that only the overall one can bite): 4 fast runs with
    // pain, 5 others without (median pace 330 → fast below 313.5), 9 runs in all < 10.
    const pains = Array.from({ length: 9 }, (_, i) => i < 4);
    const report = findTriggers(
      fastTable(pains, (i) => i < 4),
      { minRunsPerGroup: 4 },
    );
    const f = get(report, 'fast');
    expect([f.with.runs, f.without.runs]).toEqual([4, 5]);
    expect(f.verdict).toBe('not enough data yet');
    expect(report.summary).toContain('At least 10 are needed before any pattern is judged');
    // One more slow run without pain makes 10: now judged (4 of 4 vs 0 of 6 excludes 0).
    const ten = findTriggers(
      fastTable([...pains, false], (i) => i < 4),
      { minRunsPerGroup: 4 },
    );
    expect(get(ten, 'fast').verdict).toBe('linked');
  });

  it('5 vs 5 with 5 of 5 vs 0 of 5 is linked; 3 of 5 vs 2 of 5 is no clear link', () => {
    const linked = get(
      findTriggers(
        fastTable(
          Array.from({ length: 10 }, (_, i) => i < 5),
          (i) => i < 5,
        ),
      ),
      'fast',
    );
    // Newcombe 5/5 vs 0/5: Wilson 0.5655–1 and 0–0.4345 → lower = 1 − √(0.4345² + 0.4345²) = 0.3856 > 0.
    expect(linked.riskDifference?.lower).toBeCloseTo(0.3856, 3);
    expect(linked.verdict).toBe('linked');
    const pains = [true, true, true, false, false, true, true, false, false, false];
    const unclear = get(findTriggers(fastTable(pains, (i) => i < 5)), 'fast');
    expect(unclear.with).toEqual({ runs: 5, pain: 3, rate: 0.6 });
    expect(unclear.without).toEqual({ runs: 5, pain: 2, rate: 0.4 });
    expect(unclear.verdict).toBe('no clear link');
    expect(unclear.message).toMatch(
      /^No clear link between faster runs .* and pain afterwards: 3 of 5 vs 2 of 5/,
    );
  });

  it('a link in the other direction says "less often"', () => {
    const f = get(
      findTriggers(
        fastTable(
          Array.from({ length: 10 }, (_, i) => i >= 5),
          (i) => i < 5,
        ),
      ),
      'fast',
    );
    expect(f.verdict).toBe('linked');
    expect(f.direction).toBe('less');
    expect(f.message).toContain('less often: 0 of 5 vs 5 of 5 other runs');
  });

  it('pain is present at the threshold, not below it; the threshold is configurable', () => {
    const r = run('a', 0, 10);
    const input = { runs: [r], checkins: [checkinAfter(r, 3)], sessions: [] };
    expect(findTriggers(input).runsWithPain).toBe(1);
    expect(findTriggers({ ...input, checkins: [checkinAfter(r, 2)] }).runsWithPain).toBe(0);
    expect(findTriggers(input, { painThreshold: 5 }).runsWithPain).toBe(0);
    expect(findTriggers(input, { painThreshold: 5 }).painThreshold).toBe(5);
    expect(() => findTriggers(input, { painThreshold: 11 })).toThrow(RangeError);
    expect(() => findTriggers(input, { minRunsPerGroup: 0 })).toThrow(RangeError);
  });

  it('minimums are configurable and reported', () => {
    const pains = Array.from({ length: 6 }, (_, i) => i < 3);
    const report = findTriggers(
      fastTable(pains, (i) => i < 3),
      { minRunsWithOutcome: 6, minRunsPerGroup: 3 },
    );
    expect(report.minimums).toEqual({ runsWithOutcome: 6, runsPerGroup: 3 });
    expect(get(report, 'fast').verdict).not.toBe('not enough data yet');
    expect(DEFAULT_MINIMUMS).toEqual({ runsWithOutcome: 10, runsPerGroup: 5 });
  });
});

// ── Each feature's definition ──────────────────────────────────────────────────────────────

describe('feature definitions', () => {
  it('load spike: single-run spike or a week up more than 10 %; unknown with nothing to compare', () => {
    // 2024-01-01 is a Monday. W1 Mon 10 km (first run: nothing to compare → unknown);
    // W2 Mon 10 km (0 % on W1, not longer than 10 km → no spike);
    // W3 Mon 10 km and Wed 12 km: W3 = 22 km vs 10 km (+120 %) → both in a spike week; Wed is also
    // 12/10 = 1.2 × the longest of the previous 30 days (> 1.1).
    const runs = [run('w1', 0, 10), run('w2', 7, 10), run('w3a', 14, 10), run('w3b', 16, 12)];
    const report = findTriggers({ runs, checkins: runs.map((r) => checkinAfter(r, 4)), sessions: [] });
    const f = get(report, 'load-spike');
    expect(f.with.runs).toBe(2);
    expect(f.without.runs).toBe(1);
    expect(f.unknown).toBe(1);
  });

  it('hilly: climb per km above the runner’s median (over all runs)', () => {
    // 10 km runs with 10, 20, 30, 40 m: 1, 2, 3, 4 m/km, median 2.5 → 3 and 4 are hilly.
    // A run without elevation is unknown; a run without a check-in still counts towards the median.
    const runs = [
      run('a', 0, 10, { elevationGainM: 10 }),
      run('b', 1, 10, { elevationGainM: 20 }),
      run('c', 2, 10, { elevationGainM: 30 }),
      run('d', 3, 10, { elevationGainM: 40 }),
      run('e', 4, 10),
      run('f', 5, 10, { elevationGainM: 35 }), // 3.5 m/km, no check-in: median of 1, 2, 3, 3.5, 4 = 3
    ];
    const report = findTriggers({
      runs,
      checkins: runs.slice(0, 5).map((r) => checkinAfter(r, 4)),
      sessions: [],
    });
    const f = get(report, 'hilly');
    expect(f.threshold).toEqual({ value: 3, unit: 'm/km' });
    expect(f.with.runs).toBe(1); // d (4 > 3); c (3) is not strictly above
    expect(f.without.runs).toBe(3);
    expect(f.unknown).toBe(1);
  });

  it('fast: pace more than 5 % quicker than the median; pace from time when not given', () => {
    // Paces 300, 320, 340, 360 s/km → median 330; fast below 330 × 0.95 = 313.5 → only 300.
    // The 5th run has no pace but 10 km in 3000 s moving → 300 s/km → fast; median of 5 = 320 → below 304.
    const runs = [
      run('a', 0, 10, { paceSPerKm: 300 }),
      run('b', 1, 10, { paceSPerKm: 320 }),
      run('c', 2, 10, { paceSPerKm: 340 }),
      run('d', 3, 10, { paceSPerKm: 360 }),
    ];
    const four = get(
      findTriggers({ runs, checkins: runs.map((r) => checkinAfter(r, 1)), sessions: [] }),
      'fast',
    );
    expect(four.threshold).toEqual({ value: 313.5, unit: 's/km' });
    expect([four.with.runs, four.without.runs]).toEqual([1, 3]);
    const five = [...runs, run('e', 4, 10, { movingS: 3000 })];
    const f = get(
      findTriggers({ runs: five, checkins: five.map((r) => checkinAfter(r, 1)), sessions: [] }),
      'fast',
    );
    expect(f.threshold).toEqual({ value: 304, unit: 's/km' });
    expect([f.with.runs, f.without.runs]).toEqual([2, 3]);
  });

  it('cadence drop: ≤ −2 spm counts (−2 is in, −1.9 is out), null is unknown', () => {
    const runs = [
      run('a', 0, 10, { cadenceChangeSpm: -2 }),
      run('b', 1, 10, { cadenceChangeSpm: -1.9 }),
      run('c', 2, 10, { cadenceChangeSpm: -6 }),
      run('d', 3, 10, { cadenceChangeSpm: 1 }),
      run('e', 4, 10),
    ];
    const f = get(
      findTriggers({ runs, checkins: runs.map((r) => checkinAfter(r, 5)), sessions: [] }),
      'cadence-drop',
    );
    expect([f.with.runs, f.without.runs, f.unknown]).toEqual([2, 2, 1]);
    expect([f.with.pain, f.without.pain]).toEqual([2, 2]);
  });

  it('missed warm-up: no warm-up session earlier the same day', () => {
    const a = run('a', 0, 8); // warm-up at 06:30 the same day → not missed
    const b = run('b', 1, 8); // warm-up at 08:00, after the run → missed
    const c = run('c', 2, 8); // warm-up the evening before → missed
    const d = run('d', 4, 8); // a session without a warm-up item → missed
    const e = run('e', 5, 8); // warm-up exactly at the start → not missed
    const sessions: ExerciseSession[] = [
      { id: 's1', at: a.startTime - 30 * 60_000, items: ['cat-camel', 'hip-hinge'] },
      { id: 's2', at: b.startTime + HOUR, items: ['hip-hinge'] },
      { id: 's3', at: c.startTime - 12 * HOUR, items: ['hip-hinge'] },
      { id: 's4', at: d.startTime - HOUR, items: ['plank'] },
      { id: 's5', at: e.startTime, items: ['hip-hinge'] },
    ];
    const runs = [a, b, c, d, e];
    const checkins = runs.map((r) => checkinAfter(r, r.id === 'a' || r.id === 'e' ? 0 : 4));
    const f = get(findTriggers({ runs, checkins, sessions, warmUpItemIds: ['hip-hinge'] }), 'missed-warm-up');
    expect(f.with).toEqual({ runs: 3, pain: 3, rate: 1 });
    expect(f.without).toEqual({ runs: 2, pain: 0, rate: 0 });
  });

  it('the same day follows utcOffsetMinutes', () => {
    // Run at 00:30 UTC+2 (22:30 UTC the day before); warm-up at 23:50 UTC+2 the previous evening
    // (21:50 UTC). In UTC they share a day (not missed); in UTC+2 they do not (missed).
    const r = run('r', 0, 8, { startTime: Date.parse('2024-01-01T22:30:00Z') });
    const s: ExerciseSession = { id: 's', at: Date.parse('2024-01-01T21:50:00Z'), items: ['w'] };
    const input = { runs: [r], checkins: [checkinAfter(r, 4)], sessions: [s], warmUpItemIds: ['w'] };
    expect(get(findTriggers(input), 'missed-warm-up').with.runs).toBe(0);
    expect(get(findTriggers(input, { utcOffsetMinutes: 120 }), 'missed-warm-up').with.runs).toBe(1);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────────

const runArb = fc.record({
  id: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11'),
  startTime: fc.integer({ min: T0, max: T0 + 120 * DAY }),
  distanceM: fc.oneof(fc.double({ min: 0, max: 50_000, noNaN: true }), fc.constant(Number.NaN)),
  elapsedS: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true }), { nil: null }),
  movingS: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true }), { nil: null }),
  elevationGainM: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: null }),
  paceSPerKm: fc.option(fc.double({ min: 0, max: 900, noNaN: true }), { nil: null }),
  cadenceChangeSpm: fc.option(fc.double({ min: -20, max: 20, noNaN: true }), { nil: null }),
  decouplingPct: fc.constant(null),
});
const checkinArb = fc.record(
  {
    id: fc.string({ maxLength: 3 }),
    at: fc.integer({ min: T0, max: T0 + 125 * DAY }),
    regions: fc.constant<string[]>(['lower-back']),
    score: fc.integer({ min: 0, max: 10 }),
    timing: fc.constantFrom<PainTiming>('before', 'during', 'right-after', 'next-morning', 'other'),
    runId: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'nope'),
  },
  { requiredKeys: ['id', 'at', 'regions', 'score', 'timing'] },
);
const sessionArb = fc.record({
  id: fc.string({ maxLength: 3 }),
  at: fc.integer({ min: T0, max: T0 + 120 * DAY }),
  items: fc.array(fc.constantFrom('w1', 'w2', 'plank'), { maxLength: 3 }),
});
const inputArb = fc.record({
  runs: fc.array(runArb, { maxLength: 40 }),
  checkins: fc.array(checkinArb, { maxLength: 60 }),
  sessions: fc.array(sessionArb, { maxLength: 20 }),
  warmUpItemIds: fc.constantFrom([], ['w1'], ['w1', 'w2']),
});

describe('findTriggers properties', () => {
  it('rates are in [0, 1], intervals contain their estimates, counts add up, everything is finite', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 10 }), (input, painThreshold) => {
        const report = findTriggers(input, { painThreshold, minRunsWithOutcome: 3, minRunsPerGroup: 2 });
        assertAllFinite(report);
        expect(report.runsWithOutcome + report.runsLeftOut).toBe(report.runs);
        for (const f of report.findings) {
          for (const g of [f.with, f.without]) {
            expect(g.pain).toBeLessThanOrEqual(g.runs);
            if (g.rate !== null) {
              expect(g.rate).toBeGreaterThanOrEqual(0);
              expect(g.rate).toBeLessThanOrEqual(1);
            }
          }
          expect(f.with.runs + f.without.runs + f.unknown).toBe(report.runsWithOutcome);
          const rd = f.riskDifference;
          if (rd) {
            expect(rd.lower).toBeLessThanOrEqual(rd.estimate);
            expect(rd.upper).toBeGreaterThanOrEqual(rd.estimate);
            expect(f.verdict === 'linked').toBe(
              f.verdict !== 'not enough data yet' && (rd.lower > 0 || rd.upper < 0),
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('adding check-ins never produces NaN or Infinity, and never removes an analysed run', () => {
    fc.assert(
      fc.property(inputArb, fc.array(checkinArb, { minLength: 1, maxLength: 20 }), (input, more) => {
        const before = findTriggers(input);
        const after = findTriggers({ ...input, checkins: [...input.checkins, ...more] });
        assertAllFinite(after);
        expect(after.runsWithOutcome).toBeGreaterThanOrEqual(before.runsWithOutcome);
      }),
      { numRuns: 100 },
    );
  });

  it('no message claims a cause', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const text of allText(findTriggers(input, { minRunsWithOutcome: 2, minRunsPerGroup: 1 }))) {
          expect(text).not.toMatch(CAUSAL);
        }
      }),
      { numRuns: 100 },
    );
    for (const text of allText(findTriggers(handTable()))) expect(text).not.toMatch(CAUSAL);
  });

  it('findings are sorted: linked, then no clear link, then not enough data', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const order = findTriggers(input, { minRunsWithOutcome: 2, minRunsPerGroup: 1 }).findings.map((f) =>
          ['linked', 'no clear link', 'not enough data yet'].indexOf(f.verdict),
        );
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }),
      { numRuns: 100 },
    );
  });
});

describe('windows and findings without data', () => {
  /** Two runs with pain afterwards in January 2024: too few for any verdict. */
  const sparse = () => {
    const runs = [run('a', 1, 8), run('b', 3, 12)];
    return { runs, checkins: runs.map((r) => checkinAfter(r, 5)), sessions: [] };
  };

  it('says once, in one line, which comparisons lack data, instead of a card of zeros each', () => {
    const report = findTriggers(sparse());
    const pending = report.findings.filter((f) => f.verdict === 'not enough data yet');
    expect(pending.length).toBeGreaterThan(0);
    expect(report.notEnoughData?.ids).toEqual(pending.map((f) => f.id));
    expect(report.notEnoughData?.message).toMatch(/^Not enough data yet to compare pain after /);
    expect(report.notEnoughData?.message).toContain(
      'It takes 10 runs with a pain check-in afterwards (you have 2)',
    );
    // Labels without their parenthesised definitions, and no counts of nothing.
    expect(report.notEnoughData?.message).toContain(
      'pain after runs over 8 km, runs after a jump in load and ',
    );
    expect(report.notEnoughData?.message).not.toMatch(/\(a run|0 of 0|–/);
  });

  it('analyses only the runs in the window, and says when it holds none', () => {
    const input = sparse();
    expect(findTriggers(input, { window: { from: '2024-01-01', to: '2024-01-02' } }).runs).toBe(1);
    const empty = findTriggers(input, { window: { from: '2026-01-01', to: '2026-11-28' } });
    expect(empty.runs).toBe(0);
    expect(empty.summary).toBe('No runs in this period.');
    expect(findTriggers({ runs: [], checkins: [], sessions: [] }).summary).toBe('No runs yet.');
  });
});

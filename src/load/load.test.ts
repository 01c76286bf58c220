import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACWR_SETTINGS,
  LOAD_LIMITS,
  LOAD_THRESHOLDS,
  type LoadRun,
  type LoadSummary,
  loadSummary,
} from './index.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const KM = 1000;

/** A run at 07:00 UTC on `date`, `km` long, at 5:30 /km moving. */
function run(id: string, date: string, km: number, hour = 7): LoadRun {
  const startTime = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  return { id, startTime, distanceM: km * KM, movingS: km * 330, elapsedS: km * 340 };
}

/** Every number anywhere in the summary must be finite. */
function assertAllFinite(value: unknown, path = 'summary'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertAllFinite(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
  }
}

const week = (s: LoadSummary, label: string) => {
  const w = s.weeks.find((x) => x.week === label);
  if (!w) throw new Error(`no week ${label}`);
  return w;
};
const day = (s: LoadSummary, date: string) => {
  const d = s.days.find((x) => x.date === date);
  if (!d) throw new Error(`no day ${date}`);
  return d;
};

// ── Hand-checked table ─────────────────────────────────────────────────────────────────────
//
// 2024-01-01 is a Monday, so ISO weeks W01…W06 start on Jan 1, 8, 15, 22, 29 and Feb 5 (km):
//
//   week  Mon Tue Wed Thu Fri Sat Sun | total  change        two-week      longest share
//   W01    5   –   5   –   –  10   –  |  20    –             –             10      0.50 (not > 0.5)
//   W02    5   –   5   –   –  10   –  |  20    0 %           –             10      0.50
//   W03    5   –   5   –   –  10   –  |  20    0 %           0 %           10      0.50
//   W04    5   –   5   –   –  12   –  |  22    +10 % (=, no) +10 %         12      0.545 FLAG
//   W05    4   4   4   4   4   4   8  |  32    +45.45 % FLAG +60 % FLAG    8       0.25
//   W06    4   –   –   3   –   –  20  |  27    −15.63 %      +22.73 %      20      0.741 FLAG
//
// Changes: W04 (22 − 20)/20 = +10 %, not strictly over 10 → no flag. W05 (32 − 22)/22 = +45.45 %, and vs W03
// (32 − 20)/20 = +60 % → both flags. W06 (27 − 32)/32 = −15.625 %, vs W04 (27 − 22)/22 = +22.73 %.
// Long-run share: W01–W03 10/20 = 0.5 is not over 0.5; W04 12/22 = 0.545 and W06 20/27 = 0.741 are (≥ 2 runs).
//
// Single-run spikes (run ÷ longest run on the 30 days before its day; flag when > 1.1):
//   Jan 1 5 km: no earlier run → no flag. Jan 3 5/5 = 1.0. Jan 6 10/5 = 2.0 → FLAG (moderate, > 30–100 %).
//   Jan 13 / Jan 20 10/10 = 1.0. Jan 27 12/10 = 1.2 → FLAG (small). W05 runs ≤ 8 < 12.
//   Feb 11 20 km vs the 30 days Jan 12 … Feb 10, longest 12 (Jan 27): 20/12 = 1.667 → FLAG (moderate).
//
// Streaks: Jan 29 … Feb 5 are 8 consecutive run days (Jan 28 and Feb 6 are rest days) → no-rest-day-7
//   FLAG dated Feb 4 (the 7th day), value 8. Longest streak 8, ending Feb 5. Feb 10 is a rest day and
//   Feb 11 a run day: current streak 1, 1 day since the last rest day.
//
// Rolling uncoupled ACWR (acute 7-day sum ÷ mean of the three 7-day sums before it), first on day 28:
//   Jan 28 (end W04): 22 / ((20 + 20 + 20) / 3) = 22 / 20 = 1.1
//   Feb 4  (end W05): 32 / ((22 + 20 + 20) / 3) = 32 / 20.667 = 1.5484
//   Feb 11 (end W06): 27 / ((32 + 22 + 20) / 3) = 27 / 24.667 = 1.0946
//   Jan 27 is day 27 of history: not reported yet (warm-up).
//
// Monotony (mean ÷ population SD of the 7 daily km) and strain (week km × monotony):
//   W01 [5,0,5,0,0,10,0]: mean 20/7 = 2.857; Σx² = 150; SS = 150 − 400/7 = 92.857; SD = √(92.857/7) = 3.6422;
//        monotony 2.857/3.6422 = 0.78446; strain 20 km × 0.78446 = 15.689 km.
//   W05 [4,4,4,4,4,4,8]: mean 32/7 = 4.5714; Σx² = 160; SS = 160 − 1024/7 = 13.714; SD = √(13.714/7) = 1.3997;
//        monotony 4.5714/1.3997 = 3.2660; strain 32 × 3.2660 = 104.51 km.
//
// Totals: 20 + 20 + 20 + 22 + 32 + 27 = 141 km in 22 runs on 22 days.

const TABLE: LoadRun[] = [
  ...['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'].flatMap((mon, w) => {
    const d = Date.parse(`${mon}T00:00:00Z`);
    const iso = (offset: number) => new Date(d + offset * DAY).toISOString().slice(0, 10);
    return [
      run(`w${w + 1}-mon`, iso(0), 5),
      run(`w${w + 1}-wed`, iso(2), 5),
      run(`w${w + 1}-sat`, iso(5), w === 3 ? 12 : 10),
    ];
  }),
  ...[29, 30, 31].map((d) => run(`w5-${d}`, `2024-01-${d}`, 4)),
  run('w5-thu', '2024-02-01', 4),
  run('w5-fri', '2024-02-02', 4),
  run('w5-sat', '2024-02-03', 4),
  run('w5-sun', '2024-02-04', 8),
  run('w6-mon', '2024-02-05', 4),
  run('w6-thu', '2024-02-08', 3),
  run('w6-sun', '2024-02-11', 20),
];

describe('loadSummary: hand-checked table', () => {
  const s = loadSummary(TABLE);

  it('range, days and totals', () => {
    expect(s.from).toBe('2024-01-01');
    expect(s.to).toBe('2024-02-11');
    expect(s.days).toHaveLength(42);
    expect(day(s, '2024-01-02')).toMatchObject({ distanceM: 0, timeS: 0, runs: 0 });
    expect(day(s, '2024-01-06')).toMatchObject({ distanceM: 10_000, timeS: 3300, runs: 1 });
    expect(s.totals).toEqual({ distanceM: 141_000, timeS: 141 * 330, runs: 22, runDays: 22 });
  });

  it('weekly totals, changes and long-run share', () => {
    expect(s.weeks.map((w) => w.week)).toEqual([
      '2024-W01',
      '2024-W02',
      '2024-W03',
      '2024-W04',
      '2024-W05',
      '2024-W06',
    ]);
    expect(s.weeks.map((w) => w.distanceM / KM)).toEqual([20, 20, 20, 22, 32, 27]);
    expect(s.weeks.map((w) => w.runs)).toEqual([3, 3, 3, 3, 7, 3]);
    expect(s.weeks.map((w) => w.runDays)).toEqual([3, 3, 3, 3, 7, 3]);
    expect(week(s, '2024-W01')).toMatchObject({
      weekStart: '2024-01-01',
      weekEnd: '2024-01-07',
      complete: true,
    });
    expect(week(s, '2024-W01').changePct).toBeUndefined();
    expect(week(s, '2024-W01').twoWeekChangePct).toBeUndefined();
    expect(week(s, '2024-W02').changePct).toBe(0);
    expect(week(s, '2024-W02').twoWeekChangePct).toBeUndefined();
    expect(week(s, '2024-W04').changePct).toBeCloseTo(10, 9);
    expect(week(s, '2024-W04').twoWeekChangePct).toBeCloseTo(10, 9);
    expect(week(s, '2024-W05').changePct).toBeCloseTo(45.4545, 3);
    expect(week(s, '2024-W05').twoWeekChangePct).toBeCloseTo(60, 9);
    expect(week(s, '2024-W06').changePct).toBeCloseTo(-15.625, 9);
    expect(week(s, '2024-W06').twoWeekChangePct).toBeCloseTo(22.727, 3);
    expect(week(s, '2024-W01').longRunShare).toBe(0.5);
    expect(week(s, '2024-W04').longRunShare).toBeCloseTo(12 / 22, 9);
    expect(week(s, '2024-W06').longRunShare).toBeCloseTo(20 / 27, 9);
    expect(week(s, '2024-W06').longestRunM).toBe(20_000);
  });

  it('rolling uncoupled ACWR', () => {
    expect(day(s, '2024-01-27').acwrRolling).toBeUndefined();
    expect(day(s, '2024-01-28').acwrRolling).toBeCloseTo(1.1, 9);
    expect(day(s, '2024-02-04').acwrRolling).toBeCloseTo(32 / (62 / 3), 9);
    expect(day(s, '2024-02-11').acwrRolling).toBeCloseTo(27 / (74 / 3), 9);
    expect(week(s, '2024-W05').acwrRolling).toBeCloseTo(1.5484, 4);
    expect(s.acwr.rolling.method).toBe('rolling-uncoupled');
    expect(s.acwr.rolling.latest).toBeCloseTo(1.0946, 4);
    expect(s.acwr.ewma.method).toBe('ewma');
  });

  it('EWMA ACWR follows the Williams recursion seeded with the first 28 days', () => {
    // An independent transcription of the definition: seed = mean of the first 28 daily loads.
    const loads = s.days.map((d) => d.distanceM);
    const seed = loads.slice(0, 28).reduce((a, b) => a + b, 0) / 28;
    expect(seed).toBeCloseTo(82_000 / 28, 9);
    let a = seed;
    let c = seed;
    loads.forEach((x, i) => {
      a = 0.25 * x + 0.75 * a;
      c = (2 / 29) * x + (27 / 29) * c;
      if (i < 27) expect(s.days[i]?.acwrEwma).toBeUndefined();
      else expect(s.days[i]?.acwrEwma).toBeCloseTo(a / c, 12);
    });
  });

  it('monotony and strain', () => {
    expect(week(s, '2024-W01').monotony).toBeCloseTo(0.78446, 5);
    expect(week(s, '2024-W01').strain).toBeCloseTo(15_689, 0);
    expect(week(s, '2024-W05').monotony).toBeCloseTo(3.266, 3);
    expect(week(s, '2024-W05').strain).toBeCloseTo(104_512, -1);
  });

  it('streaks and rest days', () => {
    expect(s.streaks).toEqual({
      longestRunDays: 8,
      longestEndsOn: '2024-02-05',
      currentRunDays: 1,
      daysSinceRestDay: 1,
    });
  });

  it('flags, in date order, each with its value, threshold and source', () => {
    expect(s.flags.map((f) => [f.date, f.id, f.value, f.runId ?? f.week])).toEqual([
      ['2024-01-06', 'single-run-spike', 2, 'w1-sat'],
      ['2024-01-22', 'long-run-over-half', 0.545, '2024-W04'],
      ['2024-01-27', 'single-run-spike', 1.2, 'w4-sat'],
      ['2024-01-29', 'two-week-increase-over-30', 60, '2024-W05'],
      ['2024-01-29', 'weekly-increase-over-10', 45.5, '2024-W05'],
      ['2024-02-04', 'no-rest-day-7', 8, undefined],
      ['2024-02-05', 'long-run-over-half', 0.741, '2024-W06'],
      ['2024-02-11', 'single-run-spike', 1.667, 'w6-sun'],
    ]);
    for (const f of s.flags) {
      expect(f.threshold).toBe(LOAD_THRESHOLDS[f.id].value);
      expect(f.source).toBe(LOAD_THRESHOLDS[f.id].source);
      expect(f.message.length).toBeGreaterThan(20);
    }
    const spike = s.flags.find((f) => f.runId === 'w6-sun');
    expect(spike?.message).toMatch(/20 km is 1\.67× your longest run in the previous 30 days \(12 km\)/);
    expect(spike?.message).toMatch(/moderate/);
    expect(s.flags.find((f) => f.runId === 'w4-sat')?.message).toMatch(/small spike/);
    // The message says what happened; the caveat is said once, in the flag's "how this is worked out".
    const weekly = s.flags.find((f) => f.id === 'weekly-increase-over-10');
    expect(weekly?.message).toBe('Week of 29 January 2024: 32 km, up 45 % on the week before (22 km).');
    expect(LOAD_THRESHOLDS['weekly-increase-over-10'].how).toMatch(/Buist 2008/);
    for (const f of s.flags) expect(f.message).not.toMatch(/Buist|Nielsen|Frandsen|HRR|W\d\d/);
  });

  it('states its limits and thresholds', () => {
    expect(s.limits).toBe(LOAD_LIMITS);
    const text = s.limits.join(' ');
    expect(text).toMatch(/descriptive/i);
    expect(text).toMatch(/uncoupled/);
    expect(text).toMatch(/coupled/);
    expect(text).toMatch(/Frandsen 2025/);
    expect(text).toMatch(/not been validated in runners/);
    expect(s.thresholds).toBe(LOAD_THRESHOLDS);
    for (const t of Object.values(LOAD_THRESHOLDS)) expect(t.source.length).toBeGreaterThan(40);
  });
});

describe('loadSummary: EWMA hand check', () => {
  // 10 km every day for 28 days (Jan 1–28), then 24 km on Jan 29 and rest on Jan 30.
  // Seed = 10 km; through Jan 28 acute = chronic = 10 → 1.
  // Jan 29: acute = 0.25·24 + 0.75·10 = 13.5; chronic = (2/29)·24 + (27/29)·10 = 318/29 = 10.9655;
  //         ratio = 13.5 / 10.9655 = 1.23113. Rolling: (6·10 + 24) / 70 = 1.2.
  // Jan 30: acute = 0.75·13.5 = 10.125; chronic = (27/29)·(318/29) = 8586/841 = 10.2093; ratio = 0.99175.
  //         Rolling: (5·10 + 24 + 0) / 70 = 1.0571.
  const runs = Array.from({ length: 28 }, (_, i) =>
    run(`d${i}`, new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), 10),
  );
  runs.push(run('long', '2024-01-29', 24));
  const s = loadSummary(runs, { to: '2024-01-30' });

  it('matches the hand computation', () => {
    expect(day(s, '2024-01-28').acwrEwma).toBeCloseTo(1, 12);
    expect(day(s, '2024-01-28').acwrRolling).toBeCloseTo(1, 12);
    expect(day(s, '2024-01-29').acwrEwma).toBeCloseTo(13.5 / (318 / 29), 10);
    expect(day(s, '2024-01-29').acwrEwma).toBeCloseTo(1.23113, 5);
    expect(day(s, '2024-01-29').acwrRolling).toBeCloseTo(1.2, 10);
    expect(day(s, '2024-01-30').acwrEwma).toBeCloseTo(10.125 / (8586 / 841), 10);
    expect(day(s, '2024-01-30').acwrRolling).toBeCloseTo(74 / 70, 10);
    expect(s.acwr.ewma.latest).toBeCloseTo(0.99175, 5);
  });

  it('a rest day on `to` resets the current streak', () => {
    expect(s.streaks.currentRunDays).toBe(0);
    expect(s.streaks.daysSinceRestDay).toBe(0);
    expect(s.streaks.longestRunDays).toBe(29);
    // 24 km vs 10 km longest in the previous 30 days → 2.4×: a large spike.
    expect(s.flags.find((f) => f.id === 'single-run-spike')).toMatchObject({ value: 2.4, runId: 'long' });
    expect(s.flags.find((f) => f.id === 'single-run-spike')?.message).toMatch(/large spike/);
    // Identical 10 km days: SD 0, so monotony is not defined rather than infinite.
    expect(week(s, '2024-W01').monotony).toBeUndefined();
    expect(week(s, '2024-W01').strain).toBeUndefined();
  });
});

// ── Options and edge cases ─────────────────────────────────────────────────────────────────

describe('loadSummary: options', () => {
  it('buckets days by local date with utcOffsetMinutes', () => {
    // Sunday 2024-01-07 23:30 UTC is Monday 00:30 at UTC+1: it moves to the next ISO week.
    const r = { id: 'late', startTime: Date.UTC(2024, 0, 7, 23, 30), distanceM: 5000, elapsedS: 1800 };
    expect(loadSummary([r]).weeks[0]?.week).toBe('2024-W01');
    const plusOne = loadSummary([r], { utcOffsetMinutes: 60 });
    expect(plusOne.days[0]?.date).toBe('2024-01-08');
    expect(plusOne.weeks[0]?.week).toBe('2024-W02');
    // And back at UTC−8 it is still Sunday afternoon.
    expect(loadSummary([r], { utcOffsetMinutes: -480 }).days[0]?.date).toBe('2024-01-07');
  });

  it('uses moving time, else elapsed time', () => {
    const s = loadSummary([
      { id: 'a', startTime: Date.UTC(2024, 0, 1, 7), distanceM: 5000, movingS: 1500, elapsedS: 1600 },
      { id: 'b', startTime: Date.UTC(2024, 0, 1, 18), distanceM: 3000, elapsedS: 1000 },
    ]);
    expect(s.days[0]).toMatchObject({ distanceM: 8000, timeS: 2500, runs: 2 });
  });

  it('from/to include zero days, keep earlier runs as history and ignore later ones', () => {
    const s = loadSummary(TABLE, { from: '2024-02-05', to: '2024-02-14' });
    expect(s.days.map((d) => d.date)).toEqual([
      '2024-02-05',
      '2024-02-06',
      '2024-02-07',
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    expect(s.totals.distanceM).toBe(27_000);
    // History before `from` still feeds ACWR, the spike window and the streak.
    expect(day(s, '2024-02-11').acwrRolling).toBeCloseTo(27 / (74 / 3), 9);
    expect(s.flags.map((f) => f.id)).toEqual(['long-run-over-half', 'single-run-spike']);
    expect(s.streaks.longestRunDays).toBe(8);
    // The week of Feb 12 is in progress: partial, no monotony, no long-run flag.
    const w7 = week(s, '2024-W07');
    expect(w7.complete).toBe(false);
    expect(w7.distanceM).toBe(0);
    expect(w7.monotony).toBeUndefined();
    expect(w7.changePct).toBeCloseTo(-100, 9);
    expect(s.streaks.currentRunDays).toBe(0);
  });

  it('accepts epoch milliseconds for from/to', () => {
    const s = loadSummary(TABLE, { from: Date.UTC(2024, 1, 5, 12), to: Date.UTC(2024, 1, 11, 23, 59) });
    expect(s.from).toBe('2024-02-05');
    expect(s.to).toBe('2024-02-11');
  });

  it('flags a week in progress that is already up more than 10 %', () => {
    const s = loadSummary(
      [run('a', '2024-01-01', 10), run('b', '2024-01-08', 6), run('c', '2024-01-09', 6)],
      { to: '2024-01-10' },
    );
    const f = s.flags.find((x) => x.id === 'weekly-increase-over-10');
    expect(f?.value).toBe(20);
    expect(f?.message).toMatch(/so far/);
  });

  it('no spike without runs in the previous 30 days', () => {
    const s = loadSummary([run('a', '2024-01-01', 5), run('b', '2024-02-15', 20)]);
    expect(s.flags.filter((f) => f.id === 'single-run-spike')).toEqual([]);
    // 31 days after a 5 km run is outside the window too.
    expect(loadSummary([run('a', '2024-01-01', 5), run('b', '2024-02-01', 20)]).flags).toEqual([]);
    // 30 days after is inside: Jan 1 is in [Jan 1, Jan 30].
    expect(loadSummary([run('a', '2024-01-01', 5), run('b', '2024-01-31', 20)]).flags[0]?.value).toBe(4);
  });

  it('a single-run week is never a long-run-share flag', () => {
    const s = loadSummary([run('a', '2024-01-01', 5), run('b', '2024-01-10', 5)], { to: '2024-01-21' });
    expect(s.flags).toEqual([]);
    expect(LOAD_THRESHOLDS['long-run-over-half'].minRuns).toBe(2);
  });

  it('empty input, invalid runs and invalid options', () => {
    const empty = loadSummary([]);
    expect(empty.days).toEqual([]);
    expect(empty.weeks).toEqual([]);
    expect(empty.from).toBeUndefined();
    expect(empty.limits.length).toBeGreaterThan(5);
    const bad = loadSummary([
      { id: 'nan', startTime: Number.NaN, distanceM: 5000, elapsedS: 100 },
      { id: 'neg', startTime: Date.UTC(2024, 0, 1), distanceM: -1, elapsedS: 100 },
      { id: 'ok', startTime: Date.UTC(2024, 0, 1), distanceM: 1000, elapsedS: Number.NaN },
    ]);
    expect(bad.skippedRunIds).toEqual(['nan', 'neg']);
    expect(bad.days[0]).toMatchObject({ distanceM: 1000, timeS: 0 });
    expect(loadSummary([], { from: '2024-01-01', to: '2024-01-03' }).days).toHaveLength(3);
    expect(() => loadSummary([], { from: '2024-02-30' })).toThrow(RangeError);
    expect(() => loadSummary([], { from: '2024-01-05', to: '2024-01-01' })).toThrow(RangeError);
    expect(() => loadSummary([], { utcOffsetMinutes: Number.NaN })).toThrow(RangeError);
    expect(() => loadSummary([run('old', '1800-01-01', 5), run('new', '2024-01-01', 5)])).toThrow(RangeError);
  });

  it('names the ACWR settings', () => {
    expect(ACWR_SETTINGS.lambdaAcute).toBe(0.25);
    expect(ACWR_SETTINGS.lambdaChronic).toBeCloseTo(2 / 29, 15);
  });
});

// ── Properties ─────────────────────────────────────────────────────────────────────────────

const T0 = Date.UTC(2020, 0, 1);
const runArb = fc.record({
  id: fc.string({ maxLength: 4 }),
  startTime: fc.integer({ min: T0, max: T0 + 400 * DAY }),
  distanceM: fc.double({ min: 0, max: 60_000, noNaN: true }),
  movingS: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true }), { nil: undefined }),
  elapsedS: fc.double({ min: 0, max: 30_000, noNaN: true }),
});
const runsArb = fc.array(runArb, { maxLength: 80 });
const offsetArb = fc.integer({ min: -720, max: 840 });

describe('loadSummary: properties', () => {
  it('weekly distances sum to the total', () => {
    fc.assert(
      fc.property(runsArb, offsetArb, (runs, utcOffsetMinutes) => {
        const s = loadSummary(runs, { utcOffsetMinutes });
        const total = runs.reduce((a, r) => a + r.distanceM, 0);
        const weeks = s.weeks.reduce((a, w) => a + w.distanceM, 0);
        const days = s.days.reduce((a, d) => a + d.distanceM, 0);
        expect(weeks).toBeCloseTo(total, 3);
        expect(days).toBeCloseTo(total, 3);
        expect(s.totals.distanceM).toBeCloseTo(total, 3);
        expect(s.totals.runs).toBe(runs.length);
      }),
    );
  });

  it('ACWR of a constant daily load is 1 by both methods after warm-up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: T0, max: T0 + 3000 * DAY }),
        (km, extraDays, start) => {
          const n = 28 + extraDays;
          const runs = Array.from({ length: n }, (_, i) => ({
            id: String(i),
            startTime: start + i * DAY,
            distanceM: km,
            elapsedS: 1800,
          }));
          const s = loadSummary(runs);
          s.days.forEach((d, i) => {
            if (i < 27) {
              expect(d.acwrRolling).toBeUndefined();
              expect(d.acwrEwma).toBeUndefined();
            } else {
              expect(d.acwrRolling).toBeCloseTo(1, 9);
              expect(d.acwrEwma).toBeCloseTo(1, 9);
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('adding a run never lowers any week distance, and raises its own week by its distance', () => {
    fc.assert(
      fc.property(runsArb, runArb, offsetArb, (runs, extra, utcOffsetMinutes) => {
        const before = loadSummary(runs, { utcOffsetMinutes });
        const after = loadSummary([...runs, extra], { utcOffsetMinutes });
        const byWeek = new Map(after.weeks.map((w) => [w.week, w.distanceM]));
        for (const w of before.weeks) expect(byWeek.get(w.week) ?? 0).toBeGreaterThanOrEqual(w.distanceM);
        const local = new Date(extra.startTime + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
        const own = after.weeks.find((w) => w.weekStart <= local && local <= w.weekEnd);
        const old = before.weeks.find((w) => w.week === own?.week)?.distanceM ?? 0;
        expect(own?.distanceM ?? Number.NaN).toBeCloseTo(old + extra.distanceM, 3);
      }),
    );
  });

  it('monotony and strain are never negative', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        for (const w of loadSummary(runs).weeks) {
          if (w.monotony !== undefined) expect(w.monotony).toBeGreaterThanOrEqual(0);
          if (w.strain !== undefined) expect(w.strain).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('no output is NaN or Infinity, whatever the input', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e-300, 1e300),
    );
    const wildRun = fc.record({
      id: fc.string({ maxLength: 3 }),
      startTime: fc.oneof(
        fc.integer({ min: T0, max: T0 + 200 * DAY }),
        anyNumber.filter((x) => !Number.isFinite(x)),
      ),
      distanceM: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), anyNumber),
      movingS: fc.option(anyNumber, { nil: undefined }),
      elapsedS: anyNumber,
    });
    fc.assert(
      fc.property(fc.array(wildRun, { maxLength: 40 }), offsetArb, (runs, utcOffsetMinutes) => {
        assertAllFinite(loadSummary(runs, { utcOffsetMinutes }));
      }),
      { numRuns: 300 },
    );
  });
});

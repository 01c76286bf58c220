import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticRun } from '../activities/synthetic/track.js';
import { SAMPLE_COLUMNS, type Samples } from '../activities/types.js';
import {
  elevationGainM,
  formatDistance,
  formatPace,
  haversineM,
  RUN_METRIC_THRESHOLDS,
  type RunMetrics,
  runMetrics,
} from './index.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const START = Date.UTC(2024, 2, 10, 7, 0, 0);

/** `n` samples with every column NaN, to be filled by the test. */
function blank(n: number): Samples {
  return Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, new Float64Array(n).fill(Number.NaN)])) as Samples;
}

function clone(s: Samples): Samples {
  return Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, s[c].slice()])) as Samples;
}

/** Every number in the result, with its key. */
function numbers(m: RunMetrics): Array<[string, number]> {
  return Object.entries(m).filter((e): e is [string, number] => typeof e[1] === 'number');
}

function expectNoNaN(m: RunMetrics): void {
  for (const [key, value] of numbers(m)) expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
}

const last = (col: Float64Array): number => col[col.length - 1] ?? Number.NaN;

/**
 * A hand-built 40-minute run at 1 s steps (2401 samples, t = 0…2400 s), so thirds start at 800 s and 1600 s
 * and halves at 1200 s. Speed is 3 m/s until 1600 s and 2.5 m/s after; heart rate 140 in the first half and
 * 147 in the second; cadence 170 / 167 / 164 spm in the three thirds. A sample's values hold for the
 * interval it opens, so distance grows by the opening sample's speed.
 */
function handRun(): Samples {
  const n = 2401;
  const s = blank(n);
  let dist = 0;
  for (let i = 0; i < n; i++) {
    const speed = i < 1600 ? 3 : 2.5;
    s.t[i] = START + i * 1000;
    s.distM[i] = dist;
    s.speedMps[i] = speed;
    s.hr[i] = i < 1200 ? 140 : 147;
    s.cadSpm[i] = i < 800 ? 170 : i < 1600 ? 167 : 164;
    dist += speed;
  }
  return s;
}

// ── Known answers ──────────────────────────────────────────────────────────────────────────

describe('runMetrics: hand-checked run', () => {
  const m = runMetrics(handRun());

  it('distance, time and pace', () => {
    // 1600 s × 3 m/s + 800 s × 2.5 m/s = 4800 + 2000 = 6800 m over 2400 s, all moving.
    expect(m.distanceM).toBeCloseTo(6800, 6);
    expect(m.distanceSource).toBe('recorded');
    expect(m.elapsedS).toBe(2400);
    expect(m.movingS).toBe(2400);
    // 2400 s / 6.8 km = 352.94 s/km
    expect(m.paceSPerKm).toBeCloseTo(2400 / 6.8, 6);
  });

  it('HR and cadence', () => {
    // Time-weighted: 1200 one-second intervals open at 140 and 1200 at 147 (the last sample opens none).
    expect(m.avgHr).toBeCloseTo((1200 * 140 + 1200 * 147) / 2400, 9);
    expect(m.maxHr).toBe(147);
    expect(m.maxCadenceSpm).toBe(170);
  });

  it('fatigue markers', () => {
    // Cadence: first third 170, last third 164 → −6 spm, −6/170 = −3.53 %.
    expect(m.cadenceChangeSpm).toBeCloseTo(-6, 9);
    expect(m.cadenceChangePct).toBeCloseTo((-6 / 170) * 100, 9);
    // Pace: 1000/3 = 333.33 s/km → 1000/2.5 = 400 s/km: +66.67 s/km, +20 %.
    expect(m.paceChangeSPerKm).toBeCloseTo(400 - 1000 / 3, 6);
    expect(m.paceChangePct).toBeCloseTo(20, 6);
    // Halves: first 1200 s at 3 m/s, HR 140 → EF1 = 3/140. Second: 400 s × 3 + 800 s × 2.5 = 3200 m in
    // 1200 s = 8/3 m/s, HR 147 → EF2 = (8/3)/147. EF1/EF2 − 1 = (3·147·3)/(140·8) − 1 = 1323/1120 − 1 = 18.125 %.
    expect(m.decouplingPct).toBeCloseTo(18.125, 6);
  });

  it('steady pace with HR drift from 140 to 147 is 5 % decoupled', () => {
    const s = handRun();
    s.speedMps.fill(3);
    for (let i = 0; i < s.distM.length; i++) s.distM[i] = i * 3;
    // EF1/EF2 − 1 = (3/140)/(3/147) − 1 = 147/140 − 1 = 5 %.
    expect(runMetrics(s).decouplingPct).toBeCloseTo(5, 9);
    expect(runMetrics(s).paceChangePct).toBeCloseTo(0, 9);
  });
});

describe('runMetrics: averages as devices compute them', () => {
  it('heart rate is weighted by time, not by the number of records', () => {
    // Smart recording: 10 minutes at 160 bpm written every 10 s, then a 1-minute drop to 120 written every
    // second. A plain mean of the 121 records says 139.8; the device says about 156.
    const s = blank(122);
    let t = 0;
    for (let i = 0; i < 60; i++, t += 10) {
      s.t[i] = START + t * 1000;
      s.hr[i] = 160;
    }
    for (let i = 60; i < 122; i++, t += 1) {
      s.t[i] = START + t * 1000;
      s.hr[i] = 120;
    }
    const m = runMetrics(s);
    expect(m.avgHr).toBeCloseTo((600 * 160 + 61 * 120) / 661, 6);
  });

  it('cadence of a FIT-like record stream matches the session average (stops count as zero)', () => {
    // 100 s at 170 spm, 20 s standing at 0, 100 s at 160: the device reports (17000 + 16000) / 220.
    const s = blank(221);
    for (let i = 0; i <= 220; i++) {
      s.t[i] = START + i * 1000;
      s.cadSpm[i] = i < 100 ? 170 : i < 120 ? 0 : 160;
    }
    expect(runMetrics(s).avgCadenceSpm).toBeCloseTo((100 * 170 + 100 * 160) / 220, 6);
  });
});

describe('runMetrics: points that share a timestamp', () => {
  it('keep their distance: 205 points at one time spread over 7 km are 7 km, not one step', () => {
    const s = blank(205);
    for (let i = 0; i < 205; i++) {
      s.t[i] = START;
      s.lat[i] = 51.5 + (i * 35) / 111_195;
      s.lon[i] = -0.1;
    }
    const m = runMetrics(s);
    expect(m.distanceM).toBeGreaterThan(7000);
    expect(m.distanceM).toBeLessThan(7200);
    expect(m.gpsPointsRejected).toBe(0);
  });

  it('still drop a bad fix far away that shares the time of its neighbours', () => {
    const s = blank(20);
    for (let i = 0; i < 20; i++) {
      s.t[i] = START + Math.floor(i / 4) * 1000;
      s.lat[i] = i === 9 ? 0 : 51.5 + (i * 3) / 111_195;
      s.lon[i] = i === 9 ? 10 : -0.1;
    }
    const m = runMetrics(s);
    expect(m.distanceM).toBeLessThan(100);
    expect(m.gpsPointsRejected).toBe(1);
  });
});

describe('runMetrics: moving time', () => {
  it('leaves out gaps over 30 s and stopped intervals', () => {
    // 0…600 s at 1 s steps moving at 3 m/s (600 intervals), a 60 s gap, 100 s standing (speed 0), then
    // 200 s moving again: moving = 600 + 200 = 800 s; elapsed = 600 + 60 + 100 + 200 = 960 s.
    const times: number[] = [];
    const speeds: number[] = [];
    for (let t = 0; t <= 600; t++) {
      times.push(t);
      speeds.push(3);
    }
    for (let t = 660; t < 760; t++) {
      times.push(t);
      speeds.push(0);
    }
    for (let t = 760; t <= 960; t++) {
      times.push(t);
      speeds.push(3);
    }
    const s = blank(times.length);
    let dist = 0;
    times.forEach((t, i) => {
      s.t[i] = START + t * 1000;
      s.speedMps[i] = speeds[i] ?? 0;
      s.distM[i] = dist;
      // Distance grows only over 1 s steps: nothing is covered in the gap or while standing.
      const next = times[i + 1] ?? t;
      if (next - t === 1) dist += speeds[i] ?? 0;
    });
    const m = runMetrics(s);
    expect(m.elapsedS).toBe(960);
    expect(m.movingS).toBe(800);
    expect(m.distanceM).toBeCloseTo(2400, 6);
    // 800 s over 2.4 km
    expect(m.paceSPerKm).toBeCloseTo(800 / 2.4, 6);
  });

  it("takes the file's timer time when it has one, never more than the elapsed time", () => {
    const s = syntheticRun({ start: START, durationS: 1800, seed: 3 });
    const m = runMetrics(s, { timerS: 1700 });
    expect(m.movingS).toBe(1700);
    expect(m.fromSummary).toContain('movingS');
    expect(m.paceSPerKm).toBeCloseTo(1700 / ((m.distanceM ?? 0) / 1000), 6);
    expect(runMetrics(s, { timerS: 99_999 }).movingS).toBe(m.elapsedS);
  });

  it("the file's own elapsed time stands when the track is an excerpt of the run", () => {
    const s = syntheticRun({ start: START, durationS: 600, seed: 3 });
    const m = runMetrics(s, { elapsedS: 2400, timerS: 2300 });
    expect(m.elapsedS).toBe(2400);
    expect(m.movingS).toBe(2300);
  });

  it('a sparse recording: a long gap counts as moving when the distance across it says so', () => {
    // Points 120 s apart: 360 m across each gap (3 m/s) is running; then a 600 s gap covering 20 m is a pause.
    const s = blank(6);
    const t = [0, 120, 240, 360, 960, 1080];
    const d = [0, 360, 720, 1080, 1100, 1460];
    t.forEach((x, i) => {
      s.t[i] = START + x * 1000;
      s.distM[i] = d[i] ?? Number.NaN;
    });
    const m = runMetrics(s);
    expect(m.elapsedS).toBe(1080);
    expect(m.movingS).toBe(480);
    expect(m.paceSPerKm).toBeCloseTo(480 / 1.46, 6);
  });

  it('pace is moving time over distance, the two numbers shown beside it', () => {
    // A GPX with a 600 s stretch without positions in the middle of 1 s steps at 3 m/s.
    const s = blank(1202);
    for (let i = 0; i < 1202; i++) {
      s.t[i] = START + i * 1000;
      if (i < 300 || i > 900) {
        s.lat[i] = 51.5 + (i * 3) / 111_195;
        s.lon[i] = -0.1;
      }
    }
    const m = runMetrics(s);
    expect(m.paceSPerKm).toBeCloseTo((m.movingS ?? 0) / ((m.distanceM ?? 1) / 1000), 6);
  });

  it('treats the gap thresholds as documented', () => {
    expect(RUN_METRIC_THRESHOLDS.maxGapS).toBe(30);
    expect(RUN_METRIC_THRESHOLDS.movingSpeedMps).toBe(0.5);
    expect(RUN_METRIC_THRESHOLDS.maxGpsSpeedMps).toBe(12);
  });
});

describe('elevationGainM', () => {
  it('ignores wobble under the 3 m dead band', () => {
    expect(elevationGainM(Float64Array.from([100, 101, 100, 102, 100, 101.5, 100]))).toBe(0);
  });
  it('counts rises of 3 m or more from the lowest point since the last counted climb', () => {
    // 100 → 103: +3 (ref 103); → 106: +3 (ref 106); → 104: new low; → 110: +6. Total 12.
    expect(elevationGainM(Float64Array.from([100, 103, 106, 104, 110]))).toBe(12);
    // A steady climb of 0.5 m per sample over 20 m counts 18 m: the last 2 m never clear the band.
    const ramp = Float64Array.from({ length: 41 }, (_, i) => 100 + i * 0.5);
    expect(elevationGainM(ramp)).toBe(18);
  });
  it('is undefined with fewer than two altitudes and skips invalid ones', () => {
    expect(elevationGainM(Float64Array.from([Number.NaN, 100, Number.NaN]))).toBeUndefined();
    expect(elevationGainM(Float64Array.from([100, 12_607, 104]))).toBe(4);
  });
});

// ── Synthetic runs ─────────────────────────────────────────────────────────────────────────

describe('runMetrics: syntheticRun', () => {
  const s = syntheticRun({ start: START, durationS: 3600, seed: 7 });
  const m = runMetrics(s);

  it('distance matches the recorded distance', () => {
    expect(m.distanceSource).toBe('recorded');
    expect(m.distanceM).toBeCloseTo(last(s.distM), 6);
    expect(m.elapsedS).toBe(3600);
    expect(m.movingS).toBe(3600);
    expect(m.paceSPerKm).toBeGreaterThan(320);
    expect(m.paceSPerKm).toBeLessThan(345);
  });

  it('shows the late-run fatigue the generator builds in', () => {
    expect(m.cadenceChangeSpm).toBeLessThan(0);
    expect(m.paceChangePct).toBeGreaterThan(0);
    expect(m.decouplingPct).toBeGreaterThan(0);
  });

  it('has HR, cadence and elevation', () => {
    expect(m.avgHr).toBeGreaterThan(130);
    expect(m.maxHr).toBeLessThanOrEqual(200);
    expect(m.avgCadenceSpm).toBeGreaterThan(165);
    expect(m.elevationGainM).toBeGreaterThan(0);
    expectNoNaN(m);
  });

  it('agrees with the file summary and notes a disagreement', () => {
    expect(runMetrics(s, { distanceM: last(s.distM) }).notes).toEqual([]);
    // The device's own total wins and the track's is kept beside it, with a note.
    const off = runMetrics(s, { distanceM: last(s.distM) * 1.2 });
    expect(off.distanceM).toBeCloseTo(last(s.distM) * 1.2, 6);
    expect(off.distanceSource).toBe('summary');
    expect(off.samplesDistanceM).toBeCloseTo(last(s.distM), 6);
    // Within 5 %, the track's own figure stands and nothing is said.
    const near = runMetrics(s, { distanceM: last(s.distM) * 1.03 });
    expect(near.distanceM).toBeCloseTo(last(s.distM), 6);
    expect(near.samplesDistanceM).toBeUndefined();
  });
});

describe('runMetrics: treadmill without GPS', () => {
  it('uses the recorded distance', () => {
    const s = syntheticRun({ start: START, durationS: 2400, noGps: true, seed: 3 });
    const m = runMetrics(s);
    expect(m.distanceSource).toBe('recorded');
    expect(m.distanceM).toBeCloseTo(last(s.distM), 6);
    expect(m.gpsPointsRejected).toBe(0);
    expect(m.cadenceChangeSpm).toBeLessThan(0);
    expect(m.decouplingPct).toBeGreaterThan(0);
  });
});

describe('runMetrics: GPS only', () => {
  it('computes haversine distance when there is no recorded distance', () => {
    const s = syntheticRun({ start: START, durationS: 3000, seed: 11 });
    const truth = last(s.distM);
    s.distM.fill(Number.NaN);
    s.speedMps.fill(Number.NaN);
    const m = runMetrics(s);
    expect(m.distanceSource).toBe('gps');
    // The generator places points with 111 320 m per degree (equatorial radius); haversine uses the mean
    // radius, 0.1 % shorter, and chords cut the loop's curve by far less.
    expect(Math.abs((m.distanceM ?? 0) - truth) / truth).toBeLessThan(0.005);
    expect(m.movingS).toBe(3000);
    expect(m.decouplingPct).toBeGreaterThan(0);
  });

  it('bridges GPS drop-outs', () => {
    const s = syntheticRun({ start: START, durationS: 1800, seed: 5, gpsDropout: 0.2 });
    const truth = last(s.distM);
    s.distM.fill(Number.NaN);
    s.speedMps.fill(Number.NaN);
    const m = runMetrics(s);
    expect(Math.abs((m.distanceM ?? 0) - truth) / truth).toBeLessThan(0.005);
    expect(m.movingS).toBeGreaterThan(1790);
  });

  it('falls back to GPS when the recorded distance steps backwards', () => {
    const s = syntheticRun({ start: START, durationS: 600, seed: 2 });
    s.distM[300] = 10;
    const m = runMetrics(s);
    expect(m.distanceSource).toBe('gps');
    expect(m.notes.join(' ')).toMatch(/steps backwards/);
  });

  it('haversine: one degree of latitude is about 111.2 km', () => {
    expect(haversineM(45, 7, 46, 7)).toBeCloseTo(111_195, -1);
    expect(haversineM(0, 0, 0, 0)).toBe(0);
  });
});

describe('runMetrics: GPS jump rejection', () => {
  const base = syntheticRun({ start: START, durationS: 1800, seed: 9 });
  base.distM.fill(Number.NaN);
  const clean = runMetrics(base);

  it('drops a single point that jumps 5 km', () => {
    const s = clone(base);
    s.lat[500] = (s.lat[500] ?? 0) + 0.05;
    const m = runMetrics(s);
    expect(m.gpsPointsRejected).toBe(1);
    // Without the point, 499 → 501 is measured as one chord: a few cm shorter at most.
    expect(Math.abs((m.distanceM ?? 0) - (clean.distanceM ?? 0))).toBeLessThan(1);
    expect(m.notes.join(' ')).toMatch(/1 GPS point/);
  });

  it('drops a burst of bad points', () => {
    const s = clone(base);
    for (let i = 900; i < 903; i++) s.lon[i] = (s.lon[i] ?? 0) - 0.02;
    const m = runMetrics(s);
    expect(m.gpsPointsRejected).toBe(3);
    expect(Math.abs((m.distanceM ?? 0) - (clean.distanceM ?? 0))).toBeLessThan(1);
  });

  it('re-anchors after a bad first fix instead of rejecting the whole run', () => {
    const s = clone(base);
    s.lat[0] = (s.lat[0] ?? 0) + 1; // 111 km away
    const m = runMetrics(s);
    expect(m.gpsPointsRejected).toBe(RUN_METRIC_THRESHOLDS.gpsReanchorAfter);
    // Loses only the first few seconds (about 3 m/s each).
    expect((clean.distanceM ?? 0) - (m.distanceM ?? 0)).toBeGreaterThan(0);
    expect((clean.distanceM ?? 0) - (m.distanceM ?? 0)).toBeLessThan(30);
  });

  it('keeps a long step that is plausible for the time it took (a tunnel)', () => {
    const s = clone(base);
    for (let i = 1000; i < 1100; i++) {
      s.lat[i] = Number.NaN;
      s.lon[i] = Number.NaN;
    }
    const m = runMetrics(s);
    expect(m.gpsPointsRejected).toBe(0);
    expect(Math.abs((m.distanceM ?? 0) - (clean.distanceM ?? 0)) / (clean.distanceM ?? 1)).toBeLessThan(
      0.005,
    );
  });
});

// ── Missing data ───────────────────────────────────────────────────────────────────────────

describe('runMetrics: missing data', () => {
  it('points without timestamps (a GPX route): distance yes, elapsed and fatigue markers no', () => {
    const s = syntheticRun({ start: START, durationS: 3600, seed: 4 });
    s.t.fill(Number.NaN);
    s.distM.fill(Number.NaN);
    s.speedMps.fill(Number.NaN);
    const m = runMetrics(s);
    expect(m.distanceSource).toBe('gps');
    expect(m.distanceM).toBeGreaterThan(10_000);
    expect(m.elapsedS).toBeUndefined();
    expect(m.movingS).toBeUndefined();
    expect(m.paceSPerKm).toBeUndefined();
    expect(m.cadenceChangeSpm).toBeUndefined();
    expect(m.paceChangePct).toBeUndefined();
    expect(m.decouplingPct).toBeUndefined();
    expect(m.avgHr).toBeGreaterThan(0);
    expectNoNaN(m);
  });

  it('without timestamps the summary fills elapsed and moving time', () => {
    const s = syntheticRun({ start: START, durationS: 1200, seed: 4 });
    s.t.fill(Number.NaN);
    const m = runMetrics(s, { elapsedS: 1250, timerS: 1200 });
    expect(m.elapsedS).toBe(1250);
    expect(m.movingS).toBe(1200);
    expect(m.fromSummary).toEqual(['movingS', 'elapsedS']);
    expect(m.paceSPerKm).toBeCloseTo(1200 / ((m.distanceM ?? 0) / 1000), 6);
  });

  it('a single point', () => {
    const s = blank(1);
    s.t[0] = START;
    s.lat[0] = 45;
    s.lon[0] = 7;
    s.hr[0] = 120;
    const m = runMetrics(s);
    expect(m.distanceM).toBeUndefined();
    expect(m.distanceSource).toBe('none');
    expect(m.elapsedS).toBe(0);
    expect(m.movingS).toBeUndefined();
    expect(m.avgHr).toBe(120);
    expectNoNaN(m);
  });

  it('no samples at all, with and without a summary', () => {
    const m = runMetrics(blank(0));
    expect(m.distanceSource).toBe('none');
    expect(numbers(m).map(([k]) => k)).toEqual(['gpsPointsRejected']);
    const withSummary = runMetrics(blank(0), { distanceM: 5000, avgHr: 150, maxHr: 170 });
    expect(withSummary.distanceM).toBe(5000);
    expect(withSummary.distanceSource).toBe('summary');
    expect(withSummary.avgHr).toBe(150);
    expect(withSummary.fromSummary).toEqual(['distanceM', 'avgHr', 'maxHr']);
  });

  it('all-NaN columns', () => {
    const m = runMetrics(blank(500));
    expect(m.distanceM).toBeUndefined();
    expect(m.elapsedS).toBeUndefined();
    expect(m.elevationGainM).toBeUndefined();
    expect(m.avgHr).toBeUndefined();
    expect(m.avgCadenceSpm).toBeUndefined();
    expectNoNaN(m);
  });

  it('no HR: no HR figures and no decoupling; cadence zeros count in the average as on the device', () => {
    const s = syntheticRun({ start: START, durationS: 2400, seed: 8 });
    s.hr.fill(Number.NaN);
    const withoutStops = runMetrics(s).avgCadenceSpm ?? 0;
    for (let i = 0; i < s.cadSpm.length; i += 10) s.cadSpm[i] = 0;
    const m = runMetrics(s);
    expect(m.avgHr).toBeUndefined();
    expect(m.maxHr).toBeUndefined();
    expect(m.decouplingPct).toBeUndefined();
    // One second in ten at zero: the device's time average is 10 % lower; the late-run marker ignores stops.
    expect(m.avgCadenceSpm).toBeCloseTo(withoutStops * 0.9, 0);
    expect(m.cadenceChangeSpm).toBeLessThan(0);
    // A column that is zero throughout is a missing sensor: no cadence at all.
    s.cadSpm.fill(0);
    expect(runMetrics(s).avgCadenceSpm).toBeUndefined();
  });

  it('under 20 minutes: no fatigue markers', () => {
    const m = runMetrics(syntheticRun({ start: START, durationS: 19 * 60, seed: 1 }));
    expect(m.distanceM).toBeGreaterThan(3000);
    expect(m.cadenceChangeSpm).toBeUndefined();
    expect(m.paceChangePct).toBeUndefined();
    expect(m.decouplingPct).toBeUndefined();
  });

  it('HR covering under half of a half: no decoupling', () => {
    const s = handRun();
    for (let i = 1200; i < 2401; i++) if (i % 3 !== 0) s.hr[i] = Number.NaN;
    expect(runMetrics(s).decouplingPct).toBeUndefined();
  });

  it('never returns NaN or Infinity for arbitrary columns', () => {
    const value = fc.oneof(
      { arbitrary: fc.double({ noNaN: false }), weight: 1 },
      { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 3 },
      { arbitrary: fc.constant(Number.NaN), weight: 2 },
    );
    const samples = fc
      .integer({ min: 0, max: 60 })
      .chain((n) =>
        fc.record(
          Object.fromEntries(
            SAMPLE_COLUMNS.map((c) => [
              c,
              fc.array(value, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a)),
            ]),
          ) as Record<(typeof SAMPLE_COLUMNS)[number], fc.Arbitrary<Float64Array>>,
        ),
      );
    fc.assert(
      fc.property(samples, (s) => {
        const m = runMetrics(s);
        for (const [key, v] of numbers(m)) if (!Number.isFinite(v)) throw new Error(`${key} = ${v}`);
      }),
      { numRuns: 300 },
    );
  });

  it('never returns NaN for realistic runs with random holes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (durationS, seed, holes) => {
          const s = syntheticRun({ start: START, durationS, seed, gpsDropout: holes });
          for (const c of SAMPLE_COLUMNS) {
            const col = s[c];
            for (let i = seed % 7; i < col.length; i += 7 + (seed % 5)) col[i] = Number.NaN;
          }
          expectNoNaN(runMetrics(s));
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ── Formatting ─────────────────────────────────────────────────────────────────────────────

describe('formatDistance and formatPace', () => {
  it('formats distance in km and miles', () => {
    expect(formatDistance(10_000, 'km')).toBe('10.00 km');
    // 10 000 / 1609.344 = 6.2137
    expect(formatDistance(10_000, 'mi')).toBe('6.21 mi');
    expect(formatDistance(0, 'km')).toBe('0.00 km');
    expect(formatDistance(Number.NaN, 'km')).toBe('–');
  });

  it('formats pace as min:ss per km or mile', () => {
    expect(formatPace(330, 'km')).toBe('5:30 /km');
    // 330 s/km × 1.609344 = 531.08 s/mi → 8:51
    expect(formatPace(330, 'mi')).toBe('8:51 /mi');
    // 299.6 rounds to 300 s: 5:00, never 4:60
    expect(formatPace(299.6, 'km')).toBe('5:00 /km');
    expect(formatPace(245, 'km')).toBe('4:05 /km');
    expect(formatPace(Number.POSITIVE_INFINITY, 'km')).toBe('–');
    expect(formatPace(0, 'mi')).toBe('–');
  });
});

/**
 * FIT decoder tests: synthetic round trips through the FIT writer (every encoding option), sport mapping,
 * recorded cadence, heart rate from hr messages, files that name no sport, chained, truncated and damaged
 * files, a fast-check property that bad bytes only ever raise DecodeError, and, when the shared fixtures are
 * present, every real FIT fixture cross-checked against its own session message and against fit-file-parser
 * (dev dependency, used only here as a reference).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import FitParser from 'fit-file-parser';
import { describe, expect, it } from 'vitest';
import { decodeFit, FIT_EPOCH_S, fitCrc16, fitCrcOk, fitSport } from './fit.js';
import { encodeFit, type FitEncodeInput } from './synthetic/fit.js';
import { prng, syntheticRun } from './synthetic/track.js';
import { type DecodedActivity, DecodeError, RUN_SPORTS, type Samples } from './types.js';

const START = Date.UTC(2024, 4, 12, 6, 30, 0);

const finite = (a: Float64Array) => a.reduce((k, v) => (Number.isFinite(v) ? k + 1 : k), 0);
const lastFinite = (a: Float64Array) => {
  for (let i = a.length - 1; i >= 0; i--) if (Number.isFinite(a[i])) return a[i] as number;
  return Number.NaN;
};

/** Every sample of `got` matches `want` within the FIT encoding's resolution, NaN where `want` is NaN. */
function expectSamplesClose(got: Samples, want: Samples): void {
  expect(got.t.length).toBe(want.t.length);
  // Resolution: semicircles ≈ 8.4e-8°, altitude 1/5 m, distance 1 cm, speed 1 mm/s; HR and cadence exact.
  const tol: Record<keyof Samples, number> = {
    t: 0,
    lat: 1e-7,
    lon: 1e-7,
    altM: 0.1 + 1e-9,
    distM: 0.005 + 1e-9,
    hr: 0,
    cadSpm: 0,
    speedMps: 0.0005 + 1e-9,
  };
  for (const col of Object.keys(tol) as (keyof Samples)[]) {
    const g = got[col];
    const w = want[col];
    for (let i = 0; i < w.length; i++) {
      const a = g[i] as number;
      const b = w[i] as number;
      if (Number.isNaN(b)) {
        if (!Number.isNaN(a)) expect.fail(`${col}[${i}]: expected NaN, got ${a}`);
      } else if (!(Math.abs(a - b) <= tol[col])) {
        expect.fail(`${col}[${i}]: expected ${b} ± ${tol[col]}, got ${a}`);
      }
    }
  }
}

function roundTrip(input: FitEncodeInput): DecodedActivity {
  const acts = decodeFit(encodeFit(input));
  expect(acts).toHaveLength(1);
  return acts[0] as DecodedActivity;
}

/** Decode and expect a DecodeError (and nothing else). */
function decodeError(bytes: Uint8Array): DecodeError {
  try {
    decodeFit(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return e as DecodeError;
  }
  return expect.fail('expected a DecodeError');
}

describe('decodeFit: synthetic round trip', () => {
  const run = syntheticRun({ start: START, durationS: 3600, seed: 7 });

  it.each([
    { name: 'plain', opts: {} },
    { name: 'enhanced altitude and speed', opts: { enhanced: true } },
    { name: 'compressed timestamps', opts: { compressedTimestamps: true } },
    { name: 'big-endian messages', opts: { bigEndian: true } },
    { name: 'developer fields', opts: { developerFields: true } },
    {
      name: 'everything at once',
      opts: { enhanced: true, compressedTimestamps: true, bigEndian: true, developerFields: true },
    },
  ])('keeps samples, sport, start and summary ($name)', ({ opts }) => {
    const a = roundTrip({ sport: 'running', startTime: START, samples: run, ...opts });
    expect(a.format).toBe('fit');
    expect(a.sport).toBe('running');
    expect(a.sportLabel).toBe('Running');
    expect(a.startTime).toBe(START);
    expect(a.device).toEqual({ manufacturer: 'development', product: '1', serial: '12345' });
    expectSamplesClose(a.samples, run);
    expect(a.summary.elapsedS).toBe(3600);
    expect(a.summary.timerS).toBe(3600);
    expect(a.summary.distanceM).toBeCloseTo(lastFinite(run.distM), 2);
    expect(a.summary.maxHr).toBe(Math.max(...run.hr));
    expect(a.summary.avgHr).toBe(Math.round(run.hr.reduce((s, v) => s + v, 0) / run.hr.length));
  });

  it('keeps every heart-rate and cadence sample of a treadmill run without GPS', () => {
    const samples = syntheticRun({ start: START, durationS: 1800, seed: 3, noGps: true });
    const a = roundTrip({ sport: 'treadmill', startTime: START, samples });
    expect(a.sport).toBe('treadmill');
    expect(a.sportLabel).toBe('Running (treadmill)');
    expect(a.samples.t).toHaveLength(1801);
    expect(finite(a.samples.lat)).toBe(0);
    expect(finite(a.samples.hr)).toBe(1801);
    expect(finite(a.samples.cadSpm)).toBe(1801);
    expectSamplesClose(a.samples, samples);
  });

  it('keeps every sample of a run with GPS drop-outs, NaN position where it was missing', () => {
    const samples = syntheticRun({ start: START, durationS: 1800, seed: 5, gpsDropout: 0.3 });
    const a = roundTrip({ sport: 'trail-running', startTime: START, samples });
    expect(a.sport).toBe('trail-running');
    const missing = samples.lat.length - finite(samples.lat);
    expect(missing).toBeGreaterThan(400);
    expect(a.samples.lat.length - finite(a.samples.lat)).toBe(missing);
    expect(finite(a.samples.hr)).toBe(1801);
    expectSamplesClose(a.samples, samples);
  });

  it('turns invalid values back into NaN for every column', () => {
    const samples = syntheticRun({ start: START, durationS: 10, seed: 9 });
    for (const col of ['altM', 'distM', 'hr', 'cadSpm', 'speedMps', 'lat', 'lon'] as const) {
      samples[col][3] = Number.NaN;
    }
    samples.hr[4] = Number.NaN;
    const a = roundTrip({ sport: 'running', startTime: START, samples, enhanced: true });
    expectSamplesClose(a.samples, samples);
    expect(a.samples.t).toHaveLength(11);
  });

  it('doubles per-leg cadence for foot sports only, using fractional_cadence', () => {
    const samples = syntheticRun({ start: START, durationS: 20, seed: 2 });
    samples.cadSpm.fill(171); // 85.5 per leg: cadence 85 + fractional 64/128
    expect(roundTrip({ sport: 'walking', startTime: START, samples }).samples.cadSpm[5]).toBe(171);
    samples.cadSpm.fill(87.25); // a cycling cadence in rpm stays as written
    const bike = roundTrip({ sport: 'cycling', startTime: START, samples });
    expect(bike.sport).toBe('cycling');
    expect(bike.samples.cadSpm[5]).toBe(87.25);
  });

  it('decodes a file without session from its records, sport message and laps', () => {
    const samples = syntheticRun({ start: START, durationS: 600, seed: 4 });
    const bare = roundTrip({
      sport: 'walking',
      startTime: START,
      samples,
      omit: ['lap', 'session', 'activity'],
    });
    expect(bare.sport).toBe('walking');
    expect(bare.summary).toEqual({});
    expectSamplesClose(bare.samples, samples);
    const laps = roundTrip({ sport: 'walking', startTime: START, samples, omit: ['session'] });
    expect(laps.summary).toEqual({
      distanceM: Math.round(lastFinite(samples.distM) * 100) / 100,
      elapsedS: 600,
      timerS: 600,
      maxHr: Math.max(...samples.hr),
      avgCadenceSpm: expect.closeTo(samples.cadSpm.reduce((a, c) => a + c, 0) / samples.cadSpm.length, 1),
      maxCadenceSpm: Math.max(...samples.cadSpm),
    });
  });

  it('writes correct CRCs, checked with the decoder’s independent CRC', () => {
    const bytes = encodeFit({ sport: 'running', startTime: START, samples: run });
    // CRC-16/ARC check value, then the FIT property: the CRC over data plus its stored CRC is 0.
    expect(fitCrc16(new TextEncoder().encode('123456789'))).toBe(0xbb3d);
    expect(fitCrc16(bytes, 0, 14)).toBe(0);
    expect(fitCrc16(bytes)).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('.FIT');
  });

  it('accepts a wrong file CRC with its data, and fitCrcOk reports it', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 1 });
    const bad = encodeFit({ sport: 'running', startTime: START, samples, fileCrc: 0x1234 });
    expect(fitCrcOk(bad)).toBe(false);
    expect(fitCrcOk(encodeFit({ sport: 'running', startTime: START, samples }))).toBe(true);
    expectSamplesClose((decodeFit(bad)[0] as DecodedActivity).samples, samples);
  });

  it('reads a legacy 12-byte header', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 1 });
    const bytes = encodeFit({ sport: 'running', startTime: START, samples });
    const legacy = new Uint8Array(bytes.length - 2);
    legacy.set(bytes.subarray(0, 12));
    legacy.set(bytes.subarray(14), 12);
    legacy[0] = 12;
    // The file CRC covers the header, so it is now wrong; the data still decodes.
    expectSamplesClose((decodeFit(legacy)[0] as DecodedActivity).samples, samples);
  });

  it('splits a multisport file into one activity per session, each with its own records', () => {
    const samples = syntheticRun({ start: START, durationS: 1799, seed: 6 });
    const legs = [
      { sport: 'running', samples: 600 },
      { sport: 'other', samples: 60 },
      { sport: 'cycling', samples: 540 },
      { sport: 'running', samples: 600 },
    ] as const;
    const acts = decodeFit(encodeFit({ sport: 'other', startTime: START, samples, legs }));
    expect(acts.map((a) => [a.sport, a.samples.t.length])).toEqual(legs.map((l) => [l.sport, l.samples]));
    let from = 0;
    for (const [i, a] of acts.entries()) {
      expect(a.samples.t[0]).toBe(samples.t[from]);
      expect(a.startTime).toBe(samples.t[from]);
      expect(a.summary.elapsedS).toBe((legs[i]?.samples ?? 0) - 1);
      // Cadence is per leg for the foot sports only: the cycling leg's value is written and read as is.
      expect(a.samples.cadSpm[0]).toBe(samples.cadSpm[from]);
      from += legs[i]?.samples ?? 0;
    }
  });
});

describe('decodeFit: recorded cadence (session and lap)', () => {
  /** Samples whose cadence alternates between two values: the mean is exact in FIT's 1/128 resolution. */
  function twoCadences(a: number, b: number, durationS = 600): Samples {
    const samples = syntheticRun({ start: START, durationS, seed: 12 });
    for (let i = 0; i < samples.cadSpm.length; i++) samples.cadSpm[i] = i % 2 ? b : a;
    return samples;
  }

  it('reads the session average and max cadence with their fractions, in steps per minute for foot sports', () => {
    // Per leg: (80 + 85 + 116/128) / 2 = 82 + 122/128 strides/min, max 85 + 116/128 (as the FR955's session).
    const samples = twoCadences(160, 171.8125, 601);
    const run = roundTrip({ sport: 'running', startTime: START, samples });
    expect(run.summary.avgCadenceSpm).toBe(165.90625);
    expect(run.summary.maxCadenceSpm).toBe(171.8125);
    const walk = roundTrip({ sport: 'walking', startTime: START, samples, bigEndian: true });
    expect(walk.summary.avgCadenceSpm).toBe(165.90625);
    // A ride's cadence is rpm, written and read as is.
    const ride = roundTrip({ sport: 'cycling', startTime: START, samples: twoCadences(80, 85.90625, 601) });
    expect(ride.summary.avgCadenceSpm).toBe(82.953125);
    expect(ride.summary.maxCadenceSpm).toBe(85.90625);
  });

  it('leaves the cadence out of the summary when the file has none', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 3 });
    samples.cadSpm.fill(Number.NaN);
    const a = roundTrip({ sport: 'running', startTime: START, samples });
    expect(a.summary).not.toHaveProperty('avgCadenceSpm');
    expect(a.summary).not.toHaveProperty('maxCadenceSpm');
    expect(a.summary.distanceM).toBeGreaterThan(0);
  });

  it('weights the laps’ average cadence by their timer time when there is no session', () => {
    // Two running laps: 200 samples at 160 spm (timer 199 s), then 400 at 170 spm (timer 399 s).
    const samples = syntheticRun({ start: START, durationS: 599, seed: 4 });
    for (let i = 0; i < samples.cadSpm.length; i++) samples.cadSpm[i] = i < 200 ? 160 : 170;
    const legs = [
      { sport: 'running', samples: 200 },
      { sport: 'running', samples: 400 },
    ] as const;
    const a = roundTrip({ sport: 'running', startTime: START, samples, legs, omit: ['session'] });
    expect(a.summary.timerS).toBe(199 + 399);
    expect(a.summary.avgCadenceSpm).toBeCloseTo((160 * 199 + 170 * 399) / 598, 9);
    expect(a.summary.maxCadenceSpm).toBe(170);
  });
});

describe('decodeFit: heart rate from hr messages', () => {
  /**
   * Beats of a strap: each follows the last by 60 / bpm seconds, the bpm being the run's heart rate at that
   * moment plus 3 (so a record's own heart rate and a beat's can be told apart), with no beats in [gapFrom,
   * gapTo) s (the strap lost contact). The first beat is 0.37 s after the start.
   */
  function beats(run: Samples, gapFrom: number, gapTo: number): { t: number[]; bpm: number[] } {
    const t: number[] = [];
    const bpm: number[] = [];
    const t0 = run.t[0] as number;
    const end = run.t[run.t.length - 1] as number;
    const rand = prng(5);
    for (let at = t0 + 370; at <= end + 1000; ) {
      const i = Math.min(run.t.length - 1, Math.round((at - t0) / 1000));
      const b = Math.round((run.hr[i] as number) + 3 + (rand() - 0.5) * 4);
      const s = (at - t0) / 1000;
      if (s < gapFrom || s >= gapTo) {
        t.push(at);
        bpm.push(b);
      }
      at += 60_000 / b;
    }
    return { t, bpm };
  }

  /** What the rule in fit.ts gives: the nearest beat within 2 s, the earlier on a tie; NaN without one. */
  function nearestBeat(t: number, hr: { t: number[]; bpm: number[] }): { bpm: number; clear: boolean } {
    let best = -1;
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    for (let k = 0; k < hr.t.length; k++) {
      const d = Math.abs((hr.t[k] as number) - t);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        best = k;
      } else if (d < d2) d2 = d;
    }
    // Within a few ms of a tie or of the 2 s limit, FIT's time resolution decides; such records are not checked.
    const clear = Math.abs(d1 - 2000) > 5 && (d1 > 2000 || d2 - d1 > 5);
    return { bpm: best >= 0 && d1 <= 2000 ? (hr.bpm[best] as number) : Number.NaN, clear };
  }

  const run = syntheticRun({ start: START, durationS: 600, seed: 21 });
  const hr = beats(run, 200, 210);

  it.each([
    { name: 'event_timestamp_12', opts: {} },
    { name: 'whole event_timestamp', opts: { packed: false } },
    { name: 'time256 anchors', opts: { time256: true } },
    { name: 'anchor every 8 beats', opts: { anchorEvery: 8 } },
    { name: 'packed, strap clock wrapping', opts: { clockStart: 2 ** 32 - 300 * 1024 } },
    { name: 'whole, strap clock wrapping', opts: { packed: false, clockStart: 2 ** 32 - 300 * 1024 } },
  ])('fills the records without heart rate from the nearest beat ($name)', ({ opts }) => {
    const samples = syntheticRun({ start: START, durationS: 600, seed: 21 });
    // Records 0–99 keep their own heart rate; the others have none.
    samples.hr.fill(Number.NaN, 100);
    for (const bigEndian of [false, true]) {
      const a = roundTrip({
        sport: 'running',
        startTime: START,
        samples,
        bigEndian,
        compressedTimestamps: bigEndian,
        hrMessages: { ...hr, ...opts },
      });
      let checked = 0;
      for (let i = 0; i < samples.t.length; i++) {
        const got = a.samples.hr[i] as number;
        if (i < 100) {
          expect(got).toBe(run.hr[i]);
          continue;
        }
        const want = nearestBeat(samples.t[i] as number, hr);
        if (!want.clear) continue;
        checked++;
        if (!Object.is(got, want.bpm)) expect.fail(`hr[${i}]: expected ${want.bpm}, got ${got}`);
      }
      expect(checked).toBeGreaterThan(480);
      // The strap's gap [200, 210) s leaves records 203–207 (more than 2 s from any beat) without heart rate.
      for (let i = 203; i <= 207; i++) expect(a.samples.hr[i]).toBeNaN();
      expect(a.samples.hr[200]).not.toBeNaN();
    }
  });

  it('leaves every record as it was when the beats are far from the records', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 2 });
    samples.hr.fill(Number.NaN, 30);
    const far = { t: [START + 3_600_000, START + 3_600_500], bpm: [150, 151] };
    const a = roundTrip({ sport: 'running', startTime: START, samples, hrMessages: far });
    expectSamplesClose(a.samples, samples);
  });
});

describe('decodeFit: files that name no sport', () => {
  const samples = syntheticRun({ start: START, durationS: 300, seed: 14 });

  it('marks a file with records but no session, lap or sport message', () => {
    const a = roundTrip({
      sport: 'running',
      startTime: START,
      samples,
      omit: ['lap', 'session', 'activity', 'sport'],
    });
    expect(a.noSport).toBe(true);
    expect(a.sport).toBe('other');
    expect(a.sportLabel).toBeUndefined();
    expectSamplesClose(a.samples, { ...samples, cadSpm: samples.cadSpm.map((c) => c / 2) });
  });

  it('does not mark a file whose sport message, lap or session names a sport, generic included', () => {
    const bySport = roundTrip({ sport: 'running', startTime: START, samples, omit: ['lap', 'session'] });
    expect([bySport.sport, bySport.noSport]).toEqual(['running', undefined]);
    const byLap = roundTrip({ sport: 'walking', startTime: START, samples, omit: ['session', 'sport'] });
    expect([byLap.sport, byLap.noSport]).toEqual(['walking', undefined]);
    const bySession = roundTrip({ sport: 'running', startTime: START, samples, omit: ['lap', 'sport'] });
    expect([bySession.sport, bySession.noSport]).toEqual(['running', undefined]);
    const generic = roundTrip({ sport: 'other', startTime: START, samples });
    expect([generic.sport, generic.sportLabel, generic.noSport]).toEqual(['other', 'Generic', undefined]);
  });
});

describe('fitSport', () => {
  it.each([
    [1, 0, 'running'],
    [1, 1, 'treadmill'],
    [1, 45, 'treadmill'],
    [1, 3, 'trail-running'],
    [1, 4, 'running'],
    [11, 0, 'walking'],
    [17, 0, 'walking'],
    [2, 7, 'cycling'],
    [5, 17, 'swimming'],
    [4, 1, 'treadmill'],
    [0, 0, 'other'],
    [10, 43, 'other'],
    [Number.NaN, Number.NaN, 'other'],
  ] as const)('sport %d, sub-sport %d → %s', (sport, sub, want) => {
    expect(fitSport(sport, sub)).toBe(want);
  });
});

describe('decodeFit: chained and damaged files', () => {
  const a = encodeFit({
    sport: 'running',
    startTime: START,
    samples: syntheticRun({ start: START, durationS: 300, seed: 1 }),
  });
  const b = encodeFit({
    sport: 'cycling',
    startTime: START + 3_600_000,
    samples: syntheticRun({ start: START + 3_600_000, durationS: 200, seed: 2 }),
  });
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };

  it('returns one activity per chained file, each with its own records', () => {
    const acts = decodeFit(concat(a, b));
    expect(acts.map((x) => [x.sport, x.samples.t.length])).toEqual([
      ['running', 301],
      ['cycling', 201],
    ]);
  });

  it('keeps the first file when the second header is corrupt or the second file is truncated', () => {
    const bad = b.slice();
    bad[9] = 0x47; // ".GIT"
    expect(decodeFit(concat(a, bad)).map((x) => x.sport)).toEqual(['running']);
    expect(decodeFit(concat(a, b.subarray(0, 500))).map((x) => x.sport)).toEqual(['running']);
    expect(decodeFit(concat(a, new Uint8Array(7)))).toHaveLength(1);
  });

  it('drops a chained copy of a session already decoded', () => {
    expect(decodeFit(concat(a, a))).toHaveLength(1);
  });

  it('throws DecodeError for anything that is not FIT', () => {
    expect(decodeError(new Uint8Array(0)).message).toMatch(/^not a FIT file/);
    expect(decodeError(new TextEncoder().encode('<?xml version="1.0"?><gpx></gpx>')).message).toMatch(
      /^not a FIT file/,
    );
    const noSig = a.slice();
    noSig[8] = 0;
    expect(decodeError(noSig).message).toMatch(/^not a FIT file/);
  });

  it('decodes a file cut anywhere in its data up to the last complete record, and one missing only its CRC', () => {
    const short = encodeFit({
      sport: 'running',
      startTime: START,
      samples: syntheticRun({ start: START, durationS: 60, seed: 1 }),
    });
    const dataEnd = short.length - 2;
    const [whole] = decodeFit(short);
    if (whole === undefined) return expect.fail('no activity');
    expect(whole.truncated).toBeUndefined();
    // Each record message is 24 bytes here (header + timestamp, position, altitude, distance, speed, hr,
    // cadence, fractional cadence); the first cut that yields a record is the end of the first one.
    let firstRecordEnd = -1;
    // Plain checks in the loop (1 500 cuts), one expect per kind of failure after it.
    const bad: string[] = [];
    for (let cut = 12; cut < dataEnd; cut++) {
      let acts: DecodedActivity[];
      try {
        acts = decodeFit(short.subarray(0, cut));
      } catch (e) {
        // Only while no record is complete (or the header itself is cut).
        const ok = e instanceof DecodeError && /^truncated FIT file: /.test(e.message) && firstRecordEnd < 0;
        if (!ok) bad.push(`cut ${cut}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (firstRecordEnd < 0) firstRecordEnd = cut;
      const x = acts[0];
      const n = x?.samples.t.length ?? 0;
      const want = Math.min(61, Math.floor((cut - firstRecordEnd) / 24) + 1);
      if (acts.length !== 1 || x?.truncated !== true || x.sport !== 'running' || n !== want) {
        bad.push(
          `cut ${cut}: ${acts.length} activities, truncated ${x?.truncated}, ${n} records, want ${want}`,
        );
        continue;
      }
      if (x.samples.t[n - 1] !== whole.samples.t[n - 1] || x.samples.hr[n - 1] !== whole.samples.hr[n - 1]) {
        bad.push(`cut ${cut}: last record differs`);
      }
      // Before the lap and session messages the summary is empty; cut in the last message, it is complete.
      if (n < 61 && Object.keys(x.summary).length > 0) bad.push(`cut ${cut}: summary before the laps`);
      if (cut % 97 === 0) {
        for (const col of Object.keys(whole.samples) as (keyof Samples)[]) {
          expect(x.samples[col]).toEqual(whole.samples[col].subarray(0, n));
        }
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(firstRecordEnd).toBeGreaterThan(0);
    const last = decodeFit(short.subarray(0, dataEnd - 1))[0];
    expect(last?.summary).toEqual(whole.summary);
    expect(last?.samples).toEqual(whole.samples);
    const noCrc = decodeFit(short.subarray(0, dataEnd));
    expect(noCrc).toHaveLength(1);
    expect(noCrc[0]?.truncated).toBeUndefined();
  });

  it('keeps the records before a break in the middle of a record message', () => {
    const samples = syntheticRun({ start: START, durationS: 120, seed: 9 });
    const bytes = encodeFit({ sport: 'running', startTime: START, samples, developerFields: true });
    // Find the cut that keeps exactly 50 records, then cut 5 bytes further, still inside record 51.
    let cut = 0;
    for (let c = 100; c < bytes.length; c++) {
      try {
        if (decodeFit(bytes.subarray(0, c))[0]?.samples.t.length === 50) {
          cut = c;
          break;
        }
      } catch {
        // not yet a record
      }
    }
    expect(cut).toBeGreaterThan(0);
    const [x] = decodeFit(bytes.subarray(0, cut + 5));
    expect(x?.truncated).toBe(true);
    expect(x?.samples.t).toHaveLength(50);
    expect(x?.summary).toEqual({});
    const first50 = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.subarray(0, 50)]));
    expectSamplesClose(x?.samples as Samples, first50 as Samples);
  });

  it('throws DecodeError when a message runs past the end of the declared data', () => {
    // Shrink the declared data size by 3 bytes (the activity message then overruns it) and fix the header CRC.
    const cut = a.slice();
    const v = new DataView(cut.buffer);
    v.setUint32(4, v.getUint32(4, true) - 3, true);
    v.setUint16(12, fitCrc16(cut, 0, 12), true);
    expect(decodeError(cut).message).toMatch(/^corrupt FIT file: .*past the end/);
  });

  it('only ever throws DecodeError on random bytes, random FIT-like bytes and mutated files (property)', () => {
    const small = encodeFit({
      sport: 'running',
      startTime: START,
      samples: syntheticRun({ start: START, durationS: 30, seed: 8 }),
      developerFields: true,
      compressedTimestamps: true,
      // hr messages too, so the mutations reach the beat parser.
      hrMessages: {
        t: Array.from({ length: 40 }, (_, k) => START + 250 + k * 700),
        bpm: Array.from({ length: 40 }, (_, k) => 120 + k),
        anchorEvery: 12,
      },
    });
    const check = (bytes: Uint8Array) => {
      try {
        const acts = decodeFit(bytes);
        expect(Array.isArray(acts)).toBe(true);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => check(bytes)),
      { numRuns: 300 },
    );
    // A valid-looking header over random data, so the message parser itself sees garbage.
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), (body) => {
        const bytes = new Uint8Array(12 + body.length);
        bytes.set([12, 0x20, 0, 0, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54]);
        new DataView(bytes.buffer).setUint32(4, body.length, true);
        bytes.set(body, 12);
        check(bytes);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: small.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const bytes = small.slice();
          for (const [at, value] of edits) bytes[at] = value;
          check(bytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('decodes a 2-hour 1 s file quickly (micro check; the benchmark script measures throughput)', () => {
    const samples = syntheticRun({ start: START, durationS: 7200, seed: 11 });
    const bytes = encodeFit({ sport: 'running', startTime: START, samples });
    decodeFit(bytes);
    const t0 = performance.now();
    const acts = decodeFit(bytes);
    const ms = performance.now() - t0;
    expect(acts[0]?.samples.t).toHaveLength(7201);
    // Typically ~2 ms here; the bound only catches an accidental slow path, not machine noise.
    expect(ms).toBeLessThan(200);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Real fixtures (shared/fixtures/activities, see its README).

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/activities/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) console.info(`fit.test: no FIT fixtures at ${FIXTURES}; real-file tests skipped`);

/** The bytes of a fixture: .gz gunzipped, .zip's single FIT entry extracted. */
function fixture(name: string): Buffer {
  const raw = readFileSync(FIXTURES + name);
  if (name.endsWith('.gz')) return gunzipSync(raw);
  if (name.endsWith('.zip')) {
    const entries = Object.entries(unzipSync(raw)).filter(([n]) => /\.fit$/i.test(n));
    expect(entries).toHaveLength(1);
    return Buffer.from((entries[0] as [string, Uint8Array])[1]);
  }
  return raw;
}

const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

type Reference = Awaited<ReturnType<FitParser['parseAsync']>>;

function reference(bytes: Buffer): Promise<Reference> {
  const parser = new FitParser({
    force: true,
    mode: 'list',
    lengthUnit: 'm',
    speedUnit: 'm/s',
    elapsedRecordField: true,
  });
  return parser.parseAsync(Buffer.from(bytes));
}

/**
 * What each valid fixture must give: the sports of its activities in order (one per session), and the sample
 * count, which must equal fit-file-parser's record count (every record has a timestamp in these files, and
 * records with nothing but a timestamp are kept as all-NaN samples, so nothing is dropped).
 */
const EXPECTED: Record<string, { sports: DecodedActivity['sport'][]; records: number }> = {
  'tormoder-fenix2-run.fit': { sports: ['running'], records: 2809 },
  'tormoder-mornindew-broken.fit': { sports: ['running'], records: 6874 },
  // Bad file CRC: accepted with its data (devices write bad CRCs; see fit.ts).
  'tormoder-activity-filecrc.fit': { sports: ['running'], records: 14 },
  // Two copies of the same run chained, the second with a bad CRC: the copy is dropped as a duplicate session.
  'tormoder-chained-activity-activity-filecrc.fit': { sports: ['running'], records: 14 },
  // Activity + settings file whose header is corrupt (".GIT"): the first file's activity is kept.
  'tormoder-chained-activity-settings-corruptheader.fit': { sports: ['running'], records: 14 },
  'tormoder-2013-02-06-12-11-14.fit': { sports: ['running'], records: 590 },
  'tormoder-unterminated-strings.fit': { sports: ['cycling'], records: 33 },
  'tormoder-fenix2-multisport.fit': {
    sports: ['other', 'other', 'running', 'other', 'running', 'other', 'cycling'],
    records: 24239,
  },
  'fitparser-running-with-developer-data.fit': { sports: ['running'], records: 1681 },
  'fitparser-garmin-stamina.fit': { sports: ['running'], records: 4488 },
  // sport = training / yoga: decoded, but not a run, so the importer filters it out.
  'fitparser-failed.fit': { sports: ['other'], records: 779 },
  'gc-10kUNLP2014-Garmin15.fit': { sports: ['running'], records: 686 },
  'gc-suunto-Move_2020_01_15_Running.fit': { sports: ['running'], records: 1473 },
  'gc-Fr955v19.28andStryd.fit': { sports: ['running'], records: 3118 },
  'gc-14582164182.fit.gz': { sports: ['cycling'], records: 2760 },
  'gc-2017_hrv.FIT': { sports: ['other'], records: 3822 },
  'gc-Garmin920_withFirstbeat.fit': { sports: ['running'], records: 2125 },
  'gc-GarminFR955v18.zip': { sports: ['running'], records: 6743 },
};

/** Equal within `eps`, where NaN and undefined (no value) are equal to each other. */
function same(a: number | undefined, b: number | undefined, eps: number): boolean {
  const x = a ?? Number.NaN;
  const y = b ?? Number.NaN;
  return Number.isNaN(x) ? Number.isNaN(y) : Math.abs(x - y) <= eps;
}

/** a ≈ b within `rel` of b or `abs`, whichever is larger. */
function near(a: number, b: number, rel: number, abs: number): boolean {
  return Math.abs(a - b) <= Math.max(rel * Math.abs(b), abs);
}

// Defined only when the fixtures exist (the console.info above says when they do not).
if (haveFixtures) {
  describe('decodeFit: real fixtures', () => {
    it('covers every FIT fixture in the folder', () => {
      const fitFiles = readdirSync(FIXTURES).filter((f) => /\.fit(\.gz)?$/i.test(f) || f.endsWith('.zip'));
      expect(fitFiles.sort()).toEqual(
        [...Object.keys(EXPECTED), 'tormoder-activity-unexpected-eof.fit'].sort(),
      );
    });

    it.each(Object.entries(EXPECTED))(
      '%s agrees with its session and with fit-file-parser',
      async (name, want) => {
        const bytes = fixture(name);
        const acts = decodeFit(u8(bytes));
        const ref = await reference(bytes);
        expect(acts.map((a) => a.sport)).toEqual(want.sports);
        const samples = acts.reduce((n, a) => n + a.samples.t.length, 0);
        expect(samples).toBe(want.records);
        expect(samples).toBe(ref.records?.length);

        // Sessions: ours in start order; fit-file-parser lists them in file order, which is the same here.
        // (For the two-copy chain fit-file-parser, too, gives one session and 14 records.)
        const sessions = ref.sessions ?? [];
        expect(sessions.length).toBe(acts.length);
        for (const [i, a] of acts.entries()) {
          const s = sessions[i];
          if (s === undefined) expect.fail(`no reference session ${i}`);
          // Our summary is the file's own session message; fit-file-parser must read the same numbers.
          expect(same(a.summary.distanceM, s.total_distance, 1e-6), `${name}[${i}] distance`).toBe(true);
          expect(same(a.summary.elapsedS, s.total_elapsed_time, 1e-6), `${name}[${i}] elapsed`).toBe(true);
          expect(same(a.summary.timerS, s.total_timer_time, 1e-6), `${name}[${i}] timer`).toBe(true);
          expect(a.summary.avgHr).toBe(s.avg_heart_rate);
          expect(a.summary.maxHr).toBe(s.max_heart_rate);
          // Cadence: whole plus fraction (fit-file-parser applies the 1/128 scale), doubled for foot sports.
          const k = RUN_SPORTS.has(a.sport) || a.sport === 'walking' ? 2 : 1;
          const cad = (whole?: number, frac?: number) =>
            whole === undefined ? undefined : (whole + (frac ?? 0)) * k;
          const avgCad = cad(s.avg_cadence, s.avg_fractional_cadence);
          const maxCad = cad(s.max_cadence, s.max_fractional_cadence);
          expect(same(a.summary.avgCadenceSpm, avgCad, 1e-9), `${name}[${i}] avg cadence`).toBe(true);
          expect(same(a.summary.maxCadenceSpm, maxCad, 1e-9), `${name}[${i}] max cadence`).toBe(true);

          // Distance and duration computed from the decoded records vs the session (1 %, or 5 m / 2 s on tiny
          // files and short transition legs, where the session also counts the moments after the last record).
          const n = a.samples.t.length;
          if (n === 0) continue;
          const recDist = lastFinite(a.samples.distM);
          if (s.total_distance !== undefined) {
            expect(near(recDist, s.total_distance, 0.01, 5), `${name}[${i}] distance ${recDist}`).toBe(true);
            expect(near(recDist, a.summary.distanceM ?? Number.NaN, 0.01, 5)).toBe(true);
          } else {
            expect(finite(a.samples.distM)).toBe(0);
          }
          // Wall-clock span vs the session. Elapsed ≥ timer in a real recording, but gc-14582164182 (a Garmin
          // virtual ride) stores elapsed 1632 s < timer 2760 s while its records span 2759 s, so the larger of the
          // two is the session's wall-clock duration.
          const span = ((a.samples.t[n - 1] as number) - (a.samples.t[0] as number)) / 1000;
          const wall = Math.max(s.total_elapsed_time ?? 0, s.total_timer_time ?? 0);
          expect(near(span, wall, 0.01, 2), `${name}[${i}] span ${span} vs ${wall}`).toBe(true);
        }

        // Record by record against fit-file-parser (its records are in file order, ours concatenated by session).
        const recs = ref.records ?? [];
        const mismatches: string[] = [];
        let k = 0;
        for (const a of acts) {
          const s = a.samples;
          const foot = RUN_SPORTS.has(a.sport) || a.sport === 'walking';
          for (let j = 0; j < s.t.length; j++, k++) {
            const r = recs[k];
            if (r === undefined) expect.fail(`no reference record ${k}`);
            const cad =
              r.cadence === undefined
                ? undefined
                : (r.cadence + (r.fractional_cadence ?? 0)) * (foot ? 2 : 1);
            const pairs: [string, number | undefined, number | undefined, number][] = [
              ['t', s.t[j], r.timestamp?.getTime(), 0],
              ['hr', s.hr[j], r.heart_rate, 0],
              ['lat', s.lat[j], r.position_lat, 1e-9],
              ['lon', s.lon[j], r.position_long, 1e-9],
              ['distM', s.distM[j], r.distance, 1e-6],
              ['altM', s.altM[j], r.enhanced_altitude ?? r.altitude, 1e-6],
              ['speedMps', s.speedMps[j], r.enhanced_speed ?? r.speed, 1e-6],
              ['cadSpm', s.cadSpm[j], cad, 1e-6],
            ];
            for (const [col, got, want, eps] of pairs) {
              if (!same(got, want, eps)) mismatches.push(`record ${k} ${col}: ${got} vs ${want}`);
            }
          }
        }
        expect(mismatches.slice(0, 10)).toEqual([]);
      },
    );

    it('decodes the truncated file up to its break, where fit-file-parser rejects it', async () => {
      // The header announces 757 data bytes and 756 are present: the file is tormoder-activity-filecrc.fit
      // (same bytes) cut inside its last message, after the session.
      const bytes = fixture('tormoder-activity-unexpected-eof.fit');
      const acts = decodeFit(u8(bytes));
      expect(acts).toHaveLength(1);
      const [a] = acts;
      const [whole] = decodeFit(u8(fixture('tormoder-activity-filecrc.fit')));
      expect(a?.truncated).toBe(true);
      expect(whole?.truncated).toBeUndefined();
      expect(a?.sport).toBe('running');
      expect(a?.noSport).toBeUndefined();
      expect(a?.samples.t).toHaveLength(14);
      expect(a?.samples).toEqual(whole?.samples);
      expect(a?.summary).toEqual({ distanceM: 5.73, elapsedS: 13.749, timerS: 13.749 });
      expect(lastFinite(a?.samples.distM ?? new Float64Array())).toBeCloseTo(5.73, 2);
      await expect(reference(bytes)).rejects.toThrow(/exceeds input length/);
    });

    it('reads the FR955 session cadence: 82 + 122/128 strides/min, the mean of all its records', () => {
      const [a] = decodeFit(u8(fixture('gc-GarminFR955v18.zip')));
      expect(a?.sport).toBe('running');
      expect(a?.summary.avgCadenceSpm).toBeCloseTo(165.9, 1);
      expect(a?.summary.avgCadenceSpm).toBe((82 + 122 / 128) * 2);
      expect(a?.summary.maxCadenceSpm).toBe(174);
      // The device averages over the timer time with stops as zero: the mean of every record's cadence.
      const cad = a?.samples.cadSpm ?? new Float64Array();
      const mean = cad.reduce((s, c) => s + (Number.isNaN(c) ? 0 : c), 0) / cad.length;
      expect(mean).toBeCloseTo(a?.summary.avgCadenceSpm ?? 0, 1);
    });

    it('reads the wrong CRC of the filecrc fixture as wrong, and the chained copy gives the same run', () => {
      const bytes = u8(fixture('tormoder-activity-filecrc.fit'));
      expect(fitCrcOk(bytes)).toBe(false);
      expect(fitCrcOk(u8(fixture('tormoder-chained-activity-activity-filecrc.fit')))).toBe(false);
      expect(fitCrcOk(u8(fixture('tormoder-fenix2-run.fit')))).toBe(true);
      const dataEnd = bytes.length - 2;
      expect(fitCrc16(bytes, 0, dataEnd)).not.toBe(
        new DataView(bytes.buffer, bytes.byteOffset).getUint16(dataEnd, true),
      );
      const single = decodeFit(bytes);
      const chained = decodeFit(u8(fixture('tormoder-chained-activity-activity-filecrc.fit')));
      expect(chained[0]?.samples).toEqual(single[0]?.samples);
      expect(
        decodeFit(u8(fixture('tormoder-chained-activity-settings-corruptheader.fit')))[0]?.samples,
      ).toEqual(single[0]?.samples);
    });

    it('splits the fenix 2 multisport file into its legs', () => {
      const legs = decodeFit(u8(fixture('tormoder-fenix2-multisport.fit')));
      expect(legs.map((l) => l.sportLabel)).toEqual([
        'Generic',
        'Transition',
        'Running',
        'Transition',
        'Running',
        'Transition',
        'Cycling',
      ]);
      const runs = legs.filter((l) => RUN_SPORTS.has(l.sport));
      expect(runs.map((r) => r.summary.distanceM)).toEqual([2245.23, 12740.37]);
      // Each leg's samples lie in time order and do not overlap the next leg's.
      for (let i = 1; i < legs.length; i++) {
        const prev = legs[i - 1]?.samples.t;
        const cur = legs[i]?.samples.t;
        if (prev && cur && prev.length && cur.length)
          expect(cur[0]).toBeGreaterThan(prev[prev.length - 1] as number);
      }
      // The first leg's session start_time is 45 min after its first record; the records still belong to it.
      expect(legs[0]?.startTime).toBe(Date.UTC(2015, 7, 29, 7, 14, 44));
    });

    it('keeps all 1473 Suunto records though only 365 have GPS', () => {
      const [a] = decodeFit(u8(fixture('gc-suunto-Move_2020_01_15_Running.fit')));
      expect(a?.samples.t).toHaveLength(1473);
      expect(finite(a?.samples.lat ?? new Float64Array())).toBe(365);
      expect(finite(a?.samples.hr ?? new Float64Array())).toBe(1468);
      expect(a?.device?.manufacturer).toBe('suunto');
    });

    it('decodes the odd ones: gzipped cycling, HRV generic, yoga, smart recording, GPS-only, Wahoo strings', () => {
      const ride = decodeFit(u8(fixture('gc-14582164182.fit.gz')));
      expect(ride[0]?.sport).toBe('cycling');
      expect(ride[0]?.sportLabel).toBe('Cycling (virtual activity)');

      const hrv = decodeFit(u8(fixture('gc-2017_hrv.FIT')))[0];
      expect(hrv?.sportLabel).toBe('Generic');
      expect(finite(hrv?.samples.lat ?? new Float64Array())).toBe(0);
      expect(finite(hrv?.samples.hr ?? new Float64Array())).toBe(3821);

      const yoga = decodeFit(u8(fixture('fitparser-failed.fit')))[0];
      expect(yoga?.sportLabel).toBe('Training (yoga)');
      expect(RUN_SPORTS.has(yoga?.sport ?? 'running')).toBe(false);
      expect(yoga?.summary.distanceM).toBeUndefined();

      const smart = decodeFit(u8(fixture('tormoder-2013-02-06-12-11-14.fit')))[0];
      expect(finite(smart?.samples.hr ?? new Float64Array())).toBe(590);
      expect(finite(smart?.samples.cadSpm ?? new Float64Array())).toBe(0);

      const gpsOnly = decodeFit(u8(fixture('gc-10kUNLP2014-Garmin15.fit')))[0];
      expect(finite(gpsOnly?.samples.hr ?? new Float64Array())).toBe(0);
      expect(finite(gpsOnly?.samples.lat ?? new Float64Array())).toBe(686);

      const wahoo = decodeFit(u8(fixture('tormoder-unterminated-strings.fit')))[0];
      expect(wahoo?.device?.manufacturer).toBe('wahoo_fitness');
      expect(wahoo?.sportLabel).toBe('Cycling (indoor cycling)');
    });

    it('reads developer-field files with the right distance and running cadence in steps per minute', () => {
      for (const [name, km] of [
        ['fitparser-running-with-developer-data.fit', 5.38319],
        ['gc-Fr955v19.28andStryd.fit', 10.02148],
      ] as const) {
        const [a] = decodeFit(u8(fixture(name)));
        expect(lastFinite(a?.samples.distM ?? new Float64Array()) / 1000).toBeCloseTo(km, 5);
        const cad = Array.from(a?.samples.cadSpm ?? [])
          .filter((c) => c > 0)
          .sort((x, y) => x - y);
        expect(cad[cad.length >> 1]).toBeGreaterThan(140);
        expect(cad[cad.length >> 1]).toBeLessThan(200);
      }
    });

    it('gives timestamps on the FIT epoch', () => {
      const [a] = decodeFit(u8(fixture('tormoder-fenix2-run.fit')));
      expect(FIT_EPOCH_S * 1000).toBe(Date.UTC(1989, 11, 31));
      expect(a?.startTime).toBe(Date.UTC(2015, 7, 15, 14, 45, 8));
    });
  });
}

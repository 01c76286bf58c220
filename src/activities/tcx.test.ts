/**
 * TCX decoder tests: synthetic round trips with lap totals, points without a position, laps and
 * multi-activity files, failure modes, and every real TCX fixture (cross-checked against
 * fast-xml-parser and, when the FIT decoder exists, against the FIT recording of the same race).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tcx as toGeoJsonTcx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { encodeTcx } from './synthetic/tcx.js';
import { syntheticRun } from './synthetic/track.js';
import { decodeTcx } from './tcx.js';
import { type DecodedActivity, DecodeError, type Samples, type Sport } from './types.js';

const START = Date.UTC(2024, 4, 1, 6, 30);

const count = (col: Float64Array): number => col.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);

function only(acts: DecodedActivity[]): DecodedActivity {
  expect(acts).toHaveLength(1);
  return acts[0] as DecodedActivity;
}

/** Decoding must either succeed or fail with a one-line DecodeError; anything else is a bug. */
function decodesOrRejects(text: string): void {
  try {
    expect(Array.isArray(decodeTcx(text))).toBe(true);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    expect(error.message).not.toMatch(/[\n\r\u2028\u2029]/);
  }
}

function closeTo(actual: number | undefined, expected: number, relative: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

const tcxDoc = (activities: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Activities>${activities}</Activities></TrainingCenterDatabase>`;

describe('decodeTcx on synthetic files', () => {
  it('round-trips a synthetic run, with the lap totals as its summary', () => {
    const samples = syntheticRun({ start: START, durationS: 1800, seed: 3 });
    const text = encodeTcx({ sport: 'running', startTime: START, samples, name: 'Easy "recovery" run' });
    const a = only(decodeTcx(text));
    expect(a.format).toBe('tcx');
    expect(a.sport).toBe('running');
    expect(a.sportLabel).toBe('Running');
    expect(a.name).toBe('Easy "recovery" run');
    expect(a.device).toEqual({ product: 'Forerunner 265', serial: '3456789012' });
    expect(a.startTime).toBe(START);
    const s = a.samples;
    expect(s.t.length).toBe(1801);
    expect(Array.from(s.t)).toEqual(Array.from(samples.t));
    expect(Array.from(s.lat)).toEqual(Array.from(samples.lat));
    expect(Array.from(s.lon)).toEqual(Array.from(samples.lon));
    expect(Array.from(s.hr)).toEqual(Array.from(samples.hr));
    for (let i = 0; i < s.t.length; i++) {
      // Floats are written as float32, as Garmin does: ~7 significant digits.
      expect(Math.abs((s.altM[i] as number) - (samples.altM[i] as number))).toBeLessThan(1e-4);
      expect(Math.abs((s.distM[i] as number) - (samples.distM[i] as number))).toBeLessThan(1e-3);
      expect(Math.abs((s.speedMps[i] as number) - (samples.speedMps[i] as number))).toBeLessThan(1e-6);
      // RunCadence is per leg and an integer: an odd step rate comes back ±1.
      expect(Math.abs((s.cadSpm[i] as number) - (samples.cadSpm[i] as number))).toBeLessThanOrEqual(1);
    }
    const hr = Array.from(samples.hr);
    const last = samples.distM[samples.distM.length - 1] as number;
    closeTo(a.summary.distanceM, last, 1e-6);
    expect(a.summary.timerS).toBe(1800);
    expect(a.summary.elapsedS).toBe(1800);
    expect(a.summary.avgHr).toBe(Math.round(hr.reduce((x, y) => x + y, 0) / hr.length));
    expect(a.summary.maxHr).toBe(Math.max(...hr));
  });

  it('maps sports to TCX and back (TCX knows only Running, Biking and Other)', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 4 });
    const cases: [Sport, Sport, boolean][] = [
      ['running', 'running', true],
      ['trail-running', 'running', true],
      ['treadmill', 'running', true],
      ['walking', 'other', true], // Written as RunCadence, which is always per leg.
      ['cycling', 'cycling', false], // <Cadence> in rpm, not doubled.
      ['other', 'other', false],
    ];
    for (const [sport, decoded, perLeg] of cases) {
      const a = only(decodeTcx(encodeTcx({ sport, startTime: START, samples })));
      expect([sport, a.sport]).toEqual([sport, decoded]);
      const raw = samples.cadSpm[0] as number;
      const expected = perLeg ? raw : Math.round(raw);
      expect(Math.abs((a.samples.cadSpm[0] as number) - expected)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every HR and cadence sample of a treadmill run; togeojson keeps none of them', () => {
    const samples = syntheticRun({ start: START, durationS: 600, seed: 5, noGps: true });
    const text = encodeTcx({ sport: 'treadmill', startTime: START, samples });
    const a = only(decodeTcx(text));
    expect(a.samples.t.length).toBe(601);
    expect(count(a.samples.lat)).toBe(0);
    expect(count(a.samples.hr)).toBe(601);
    expect(count(a.samples.cadSpm)).toBe(601);
    expect(count(a.samples.distM)).toBe(601);
    // Documentation: the DOM converter only keeps trackpoints with a position.
    const geo = toGeoJsonTcx(new DOMParser().parseFromString(text, 'text/xml'));
    const kept = geo.features.reduce(
      (n: number, f: { geometry: { type: string; coordinates: unknown[] } | null }) =>
        n + (f.geometry?.type === 'LineString' ? f.geometry.coordinates.length : 0),
      0,
    );
    expect(kept).toBe(0);
  });

  it('keeps trackpoints through GPS drop-outs', () => {
    const samples = syntheticRun({ start: START, durationS: 900, seed: 9, gpsDropout: 0.25 });
    const a = only(decodeTcx(encodeTcx({ sport: 'running', startTime: START, samples })));
    expect(a.samples.t.length).toBe(901);
    expect(count(a.samples.hr)).toBe(901);
    expect(count(a.samples.lat)).toBe(count(samples.lat));
  });
});

describe('decodeTcx details', () => {
  const tp = (time: string, inner = '') => `<Trackpoint><Time>${time}</Time>${inner}</Trackpoint>`;

  it('sums laps: distance and timer time added, HR averaged by lap time, max of max', () => {
    const lap = (start: string, totalS: number, distM: number, avg: number, max: number, points: string) =>
      `<Lap StartTime="${start}"><TotalTimeSeconds>${totalS}</TotalTimeSeconds><DistanceMeters>${distM}</DistanceMeters>
       <AverageHeartRateBpm><Value>${avg}</Value></AverageHeartRateBpm><MaximumHeartRateBpm><Value>${max}</Value></MaximumHeartRateBpm>
       <Track>${points}</Track></Lap>`;
    const text = tcxDoc(`<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
      ${lap('2024-05-01T06:00:00Z', 300, 1000, 140, 150, tp('2024-05-01T06:00:00Z') + tp('2024-05-01T06:05:00Z'))}
      ${lap('2024-05-01T06:05:00Z', 100, 400, 160, 175, tp('2024-05-01T06:06:40Z'))}
      <Creator><Name>Forerunner 305</Name></Creator></Activity>`);
    const a = only(decodeTcx(text));
    expect(a.samples.t.length).toBe(3);
    expect(a.summary).toEqual({ distanceM: 1400, timerS: 400, elapsedS: 400, avgHr: 145, maxHr: 175 });
    expect(a.device).toEqual({ product: 'Forerunner 305' });
  });

  it("reads the laps' average run cadence (per leg) as steps per minute, weighted by lap time", () => {
    const lap = (start: string, totalS: number, cad: number, points: string) =>
      `<Lap StartTime="${start}"><TotalTimeSeconds>${totalS}</TotalTimeSeconds>
       <Track>${points}</Track><Extensions><LX xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><AvgRunCadence>${cad}</AvgRunCadence></LX></Extensions></Lap>`;
    const text = tcxDoc(`<Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
      ${lap('2024-05-01T06:00:00Z', 300, 85, tp('2024-05-01T06:00:00Z') + tp('2024-05-01T06:05:00Z'))}
      ${lap('2024-05-01T06:05:00Z', 100, 81, tp('2024-05-01T06:06:40Z'))}</Activity>`);
    expect(only(decodeTcx(text)).summary.avgCadenceSpm).toBe((2 * (85 * 300 + 81 * 100)) / 400);
  });

  it('reads every Activity (also inside a MultiSportSession), ignoring Courses', () => {
    const text = tcxDoc(`
      <MultiSportSession><Id>2024-05-01T06:00:00Z</Id>
        <FirstSport><Activity Sport="Running"><Lap StartTime="2024-05-01T06:00:00Z"><Track>${tp('2024-05-01T06:00:00Z')}</Track></Lap></Activity></FirstSport>
        <NextSport><Activity Sport="Biking"><Lap StartTime="2024-05-01T07:00:00Z"><Track>${tp('2024-05-01T07:00:00Z', '<Cadence>90</Cadence>')}</Track></Lap></Activity></NextSport>
      </MultiSportSession>
      <Activity Sport="Other"><Lap StartTime="2024-05-01T08:00:00Z"/></Activity>
      </Activities><Courses><Course><Name>c</Name><Track>${tp('2024-05-01T09:00:00Z')}</Track></Course></Courses><Activities>`);
    const acts = decodeTcx(text);
    expect(acts.map((a) => [a.sport, a.samples.t.length])).toEqual([
      ['running', 1],
      ['cycling', 1],
    ]);
    expect(acts[1]?.samples.cadSpm[0]).toBe(90); // Bike cadence stays rpm.
  });

  it('parses time offsets, keeps HR without a position, and blanks null-island positions', () => {
    const pos = (lat: string, lon: string) =>
      `<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>${lon}</LongitudeDegrees></Position>`;
    const hr = (v: number) => `<HeartRateBpm><Value>${v}</Value></HeartRateBpm>`;
    const text = tcxDoc(`<Activity Sport="Running"><Lap StartTime="2020-12-27T15:43:49.000+01:00"><Track>
      ${tp('2020-12-27T15:59:36.000+01:00', pos('0', '0') + hr(121))}
      ${tp('2020-12-27T15:59:37.000+01:00', pos('0', '10') + hr(122))}
      ${tp('2020-12-27T15:59:38.000+01:00', `${hr(123)}<Cadence>80</Cadence>`)}
      ${tp('2020-12-27T15:59:39.000+01:00', `${pos('no', 'undefined')}<Extensions><ns3:TPX><ns3:RunCadence>81</ns3:RunCadence><ns3:Speed>3.5</ns3:Speed></ns3:TPX></Extensions>`)}
      </Track></Lap></Activity>`);
    const s = only(decodeTcx(text)).samples;
    expect(s.t[0]).toBe(Date.UTC(2020, 11, 27, 14, 59, 36));
    expect(Array.from(s.lat)).toEqual([Number.NaN, 0, Number.NaN, Number.NaN]);
    expect(Array.from(s.lon)).toEqual([Number.NaN, 10, Number.NaN, Number.NaN]);
    expect(Array.from(s.hr)).toEqual([121, 122, 123, Number.NaN]);
    expect(Array.from(s.cadSpm)).toEqual([Number.NaN, Number.NaN, 160, 162]);
    expect(s.speedMps[3]).toBe(3.5);
  });

  it('doubles RunCadence even when the Sport is Other', () => {
    const text = tcxDoc(`<Activity Sport="Other"><Lap StartTime="2024-05-01T06:00:00Z"><Track>
      ${tp('2024-05-01T06:00:00Z', '<Extensions><ns3:TPX><ns3:RunCadence>60</ns3:RunCadence></ns3:TPX></Extensions>')}
      </Track></Lap></Activity>`);
    const a = only(decodeTcx(text));
    expect([a.sport, a.samples.cadSpm[0]]).toEqual(['other', 120]);
  });

  it('returns [] when no activity has a trackpoint', () => {
    expect(decodeTcx(tcxDoc(''))).toEqual([]);
    expect(
      decodeTcx(tcxDoc('<Activity Sport="Running"><Lap StartTime="2024-05-01T06:00:00Z"/></Activity>')),
    ).toEqual([]);
  });
});

describe('decodeTcx on malformed input', () => {
  const good = encodeTcx({
    sport: 'running',
    startTime: START,
    samples: syntheticRun({ start: START, durationS: 8, seed: 8, gpsDropout: 0.3 }),
    name: 'Short & sweet',
  });

  it('rejects broken XML and non-TCX files with a one-line DecodeError', () => {
    const bad = [
      '',
      'garbage',
      '<TrainingCenterDatabase>',
      '<TrainingCenterDatabase><Activities></TrainingCenterDatabase>',
      '<TrainingCenterDatabase><Activity Sport="Running></Activity></TrainingCenterDatabase>',
      '<TrainingCenterDatabase><Activity Sport=Running></Activity></TrainingCenterDatabase>',
      '<TrainingCenterDatabase><Notes>&bogus;</Notes></TrainingCenterDatabase>',
      '<ns:TrainingCenterDatabase></TrainingCenterDatabase>',
      '<gpx/>',
    ];
    for (const text of bad) {
      expect(() => decodeTcx(text), JSON.stringify(text)).toThrow(DecodeError);
    }
    expect(() => decodeTcx('<gpx/>')).toThrow(/root element is <gpx>/);
  });

  it('throws only DecodeError for a file truncated at any offset', () => {
    const closed = good.lastIndexOf('</TrainingCenterDatabase>');
    for (let k = 0; k < good.length; k++) {
      const cut = good.slice(0, k);
      if (k < closed) expect(() => decodeTcx(cut)).toThrow(DecodeError);
      else decodesOrRejects(cut);
    }
  });

  it('throws only DecodeError for random damage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.length }),
        fc.integer({ min: 0, max: 8 }),
        fc.string({
          maxLength: 8,
          unit: fc.constantFrom('<', '>', '/', '&', ';', '"', "'", '=', '!', '?', 'x', ' ', ':'),
        }),
        (at, del, insert) => decodesOrRejects(good.slice(0, at) + insert + good.slice(at + del)),
      ),
      { numRuns: 2000 },
    );
  });
});

// --- Real fixtures (shared/fixtures/activities, see its README) ---------------------------------

const FIXTURES = new URL('../../../shared/fixtures/activities/', import.meta.url);
const FIT_DECODER = new URL('./fit.ts', import.meta.url);

const readFixture = (file: string) => readFileSync(fileURLToPath(new URL(file, FIXTURES)), 'utf8');

type LapTotals = { totalS: number; distM: number; avgHr?: number; maxHr?: number };

/** Each activity's laps as fast-xml-parser reads them: an independent reading of the same file. */
function lapsByFastXmlParser(text: string): LapTotals[][] {
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
  const doc = parser.parse(text) as Record<string, unknown>;
  const out: LapTotals[][] = [];
  const arr = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  // Find every Activity wherever it sits (MultiSportSession legs included).
  const walk = (node: unknown, key: string): void => {
    if (key === 'Activity') {
      for (const act of arr(node)) {
        out.push(
          arr((act as Record<string, unknown>).Lap).map((l) => {
            const lap = l as Record<string, { Value?: number } | number>;
            return {
              totalS: Number(lap.TotalTimeSeconds),
              distM: Number(lap.DistanceMeters),
              avgHr: (lap.AverageHeartRateBpm as { Value?: number } | undefined)?.Value,
              maxHr: (lap.MaximumHeartRateBpm as { Value?: number } | undefined)?.Value,
            };
          }),
        );
      }
      return;
    }
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(doc, '');
  return out;
}

type TcxExpectation = {
  /** Sport of each activity. */
  sports: Sport[];
  /** Trackpoints over all activities (the README's element counts). */
  points: number;
  hr: number;
  positions: number;
  check?: (acts: DecodedActivity[], text: string) => void;
};

const tcxFixtures: Record<string, TcxExpectation> = {
  'gc-10kUNLP2014-Garmin15.tcx': {
    sports: ['running'],
    points: 686,
    hr: 0,
    positions: 686,
    check: ([a], text) => {
      const act = a as DecodedActivity;
      const [laps] = lapsByFastXmlParser(text);
      expect(laps).toHaveLength(11);
      const fxpDist = (laps ?? []).reduce((n, l) => n + l.distM, 0);
      const fxpTime = (laps ?? []).reduce((n, l) => n + l.totalS, 0);
      closeTo(act.summary.distanceM, fxpDist, 1e-9);
      closeTo(act.summary.timerS, fxpTime, 1e-9);
      // The laps agree with the track itself within 1%: last cumulative distance and time span.
      const s = act.samples;
      closeTo(act.summary.distanceM, s.distM[s.distM.length - 1] as number, 0.01);
      closeTo(act.summary.timerS, ((s.t[s.t.length - 1] as number) - (s.t[0] as number)) / 1000, 0.01);
      closeTo(act.summary.elapsedS, act.summary.timerS as number, 0.01);
    },
  },
  'gc-activity_165850259_multi-session.tcx': {
    sports: ['running', 'cycling', 'running', 'cycling'],
    points: 1893,
    hr: 1887,
    positions: 1325,
    check: (acts, text) => {
      const laps = lapsByFastXmlParser(text);
      expect(laps.map((l) => l.length)).toEqual(acts.map(() => 1));
      expect(laps.flat()).toHaveLength(4);
      acts.forEach((a, k) => {
        const l = laps[k] as LapTotals[];
        closeTo(
          a.summary.timerS,
          l.reduce((n, x) => n + x.totalS, 0),
          1e-9,
        );
        expect(a.summary.distanceM).toBeCloseTo(
          l.reduce((n, x) => n + x.distM, 0),
          6,
        );
        expect(a.summary.maxHr).toBe(Math.max(...l.map((x) => x.maxHr ?? 0)));
        expect(a.summary.avgHr).toBe(l[0]?.avgHr);
      });
      // Summed over the file's laps, as a weekly-volume total would be.
      const total = acts.reduce((n, a) => n + (a.summary.timerS ?? 0), 0);
      closeTo(total, 3601.84 + 2767.31 + 3623.59 + 2597.27, 1e-9);
    },
  },
  'tcxparser-test.tcx': { sports: ['running'], points: 384, hr: 383, positions: 383 },
  'tcxparser-no_hr.tcx': { sports: ['running'], points: 384, hr: 0, positions: 383 },
  'tcxreader-cross-country-skiing_activity_1.tcx': {
    sports: ['other'],
    points: 486,
    hr: 486,
    positions: 486,
    check: ([a], text) => {
      // Every ns3:RunCadence, in file order, comes back doubled into steps per minute.
      const raw = Array.from(
        text.matchAll(/<ns3:RunCadence>(\d+)<\/ns3:RunCadence>/g),
        (m) => Number(m[1]) * 2,
      );
      expect(raw).toHaveLength(486);
      expect(Array.from((a as DecodedActivity).samples.cadSpm)).toEqual(raw);
      expect(a?.sportLabel).toBe('Other');
    },
  },
  'togeojson-bad.tcx': {
    sports: ['cycling'],
    points: 4,
    hr: 4,
    // (0, 0) is blanked; "no"/"undefined" are not numbers, and a lone longitude is no position.
    positions: 1,
    check: ([a]) => {
      expect(a?.startTime).toBe(Date.UTC(2020, 11, 27, 14, 59, 36)); // +01:00 offset.
      expect(Array.from((a as DecodedActivity).samples.lon)).toEqual([
        Number.NaN,
        10,
        Number.NaN,
        Number.NaN,
      ]);
      expect(Array.from((a as DecodedActivity).samples.hr)).toEqual([121, 122, 121, 122]);
    },
  },
  'togeojson-sample.tcx': { sports: ['running'], points: 19, hr: 0, positions: 17 },
  'togeojson-tour_hr.tcx': { sports: ['cycling'], points: 465, hr: 465, positions: 465 },
};

if (existsSync(FIXTURES)) {
  describe('decodeTcx on the real fixtures', () => {
    for (const [file, e] of Object.entries(tcxFixtures)) {
      it(file, () => {
        const text = readFixture(file);
        const acts = decodeTcx(text);
        const total = (col: keyof Samples) => acts.reduce((n, a) => n + count(a.samples[col]), 0);
        expect(acts.map((a) => a.sport)).toEqual(e.sports);
        expect(acts.reduce((n, a) => n + a.samples.t.length, 0)).toBe(e.points);
        // The element count in the file itself agrees with the README's.
        expect(text.match(/<(?:\w+:)?Trackpoint[\s>]/g)?.length ?? 0).toBe(e.points);
        expect(total('t')).toBe(e.points);
        expect(total('hr')).toBe(e.hr);
        expect(total('lat')).toBe(e.positions);
        e.check?.(acts, text);
      });
    }

    // The FIT decoder is a colleague's; compare with the FIT twin only once it exists.
    if (existsSync(FIT_DECODER)) {
      it('gc-10kUNLP2014-Garmin15: TCX and FIT give the same distance, time and points', async () => {
        const mod = (await import(/* @vite-ignore */ FIT_DECODER.href)) as {
          decodeFit: (bytes: Uint8Array) => DecodedActivity[];
        };
        const fitBytes = new Uint8Array(
          readFileSync(fileURLToPath(new URL('gc-10kUNLP2014-Garmin15.fit', FIXTURES))),
        );
        const fit = only(mod.decodeFit(fitBytes));
        const tcx = only(decodeTcx(readFixture('gc-10kUNLP2014-Garmin15.tcx')));
        expect(tcx.startTime).toBe(fit.startTime);
        expect(tcx.samples.t.length).toBe(fit.samples.t.length);
        closeTo(tcx.summary.distanceM, fit.summary.distanceM as number, 0.01);
        closeTo(tcx.summary.timerS, fit.summary.timerS as number, 0.01);
        closeTo(tcx.summary.elapsedS, fit.summary.elapsedS as number, 0.01);
      });
    }
  });
} else {
  console.info(
    `tcx.test: ${fileURLToPath(FIXTURES)} is absent; the real-fixture TCX tests are not registered`,
  );
}

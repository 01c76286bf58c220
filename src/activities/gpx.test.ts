/**
 * GPX decoder tests: synthetic round trips, what must never be dropped (treadmill and drop-out points),
 * the XML scanner's edge cases and failure modes, and every real GPX fixture when the shared fixture
 * folder is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gpx as toGeoJsonGpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGpx, gpxSport } from './gpx.js';
import { encodeGpx } from './synthetic/gpx.js';
import { syntheticRun } from './synthetic/track.js';
import { type DecodedActivity, DecodeError, type Samples, type Sport } from './types.js';
import { parseXmlNumber, parseXmlTime } from './xml.js';

const START = Date.UTC(2024, 4, 1, 6, 30);

const count = (col: Float64Array): number => col.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);

function only(acts: DecodedActivity[]): DecodedActivity {
  expect(acts).toHaveLength(1);
  return acts[0] as DecodedActivity;
}

/** Decoding must either succeed or fail with a one-line DecodeError; anything else is a bug. */
function decodesOrRejects(text: string): void {
  try {
    expect(Array.isArray(decodeGpx(text))).toBe(true);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    expect(error.message).not.toMatch(/[\n\r\u2028\u2029]/);
  }
}

/** Points that togeojson keeps: the coordinates of every track line. */
function toGeoJsonPoints(text: string): number {
  const geo = toGeoJsonGpx(new DOMParser().parseFromString(text, 'text/xml'));
  let n = 0;
  for (const f of geo.features) {
    const g = f.geometry;
    if (g?.type === 'LineString') n += g.coordinates.length;
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates) n += line.length;
  }
  return n;
}

const gpxDoc = (body: string, head = '<?xml version="1.0" encoding="UTF-8"?>\n') =>
  `${head}<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;

describe('decodeGpx on synthetic files', () => {
  it('round-trips a synthetic run within the precision of the text', () => {
    const samples = syntheticRun({ start: START, durationS: 1800, seed: 3 });
    const text = encodeGpx({ sport: 'running', startTime: START, samples, name: 'Tempo & hills <5k>' });
    const a = only(decodeGpx(text));
    expect(a.format).toBe('gpx');
    expect(a.sport).toBe('running');
    expect(a.sportLabel).toBe('running');
    expect(a.name).toBe('Tempo & hills <5k>');
    expect(a.startTime).toBe(START);
    expect(a.summary).toEqual({});
    const s = a.samples;
    expect(s.t.length).toBe(samples.t.length);
    expect(Array.from(s.t)).toEqual(Array.from(samples.t));
    // Positions are written as full doubles, so they come back exactly.
    expect(Array.from(s.lat)).toEqual(Array.from(samples.lat));
    expect(Array.from(s.lon)).toEqual(Array.from(samples.lon));
    expect(Array.from(s.hr)).toEqual(Array.from(samples.hr));
    for (let i = 0; i < s.t.length; i++) {
      expect(Math.abs((s.altM[i] as number) - (samples.altM[i] as number))).toBeLessThan(1e-4); // float32
      // Cadence is stored per leg as an integer: an odd step rate comes back ±1.
      expect(Math.abs((s.cadSpm[i] as number) - (samples.cadSpm[i] as number))).toBeLessThanOrEqual(1);
    }
    // GPX (TrackPointExtension v1) carries neither distance nor speed.
    expect(count(s.distM)).toBe(0);
    expect(count(s.speedMps)).toBe(0);
  });

  it('keeps the sport through <type>, and doubles cadence only for foot sports', () => {
    const samples = syntheticRun({ start: START, durationS: 60, seed: 4 });
    const sports: Sport[] = [
      'running',
      'trail-running',
      'treadmill',
      'walking',
      'cycling',
      'swimming',
      'other',
    ];
    for (const sport of sports) {
      const a = only(decodeGpx(encodeGpx({ sport, startTime: START, samples })));
      expect(a.sport).toBe(sport);
      const perLeg = sport !== 'cycling' && sport !== 'swimming' && sport !== 'other';
      const expected = perLeg ? samples.cadSpm[0] : Math.round(samples.cadSpm[0] as number);
      expect(Math.abs((a.samples.cadSpm[0] as number) - (expected as number))).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every HR and cadence sample of a treadmill run (no positions)', () => {
    const samples = syntheticRun({ start: START, durationS: 600, seed: 5, noGps: true });
    const a = only(decodeGpx(encodeGpx({ sport: 'treadmill', startTime: START, samples })));
    expect(a.sport).toBe('treadmill');
    expect(a.samples.t.length).toBe(601);
    expect(count(a.samples.lat)).toBe(0);
    expect(count(a.samples.hr)).toBe(601);
    expect(count(a.samples.cadSpm)).toBe(601);
  });

  it('keeps every point through GPS drop-outs, where togeojson drops them', () => {
    const samples = syntheticRun({ start: START, durationS: 1200, seed: 6, gpsDropout: 0.2 });
    const text = encodeGpx({ sport: 'running', startTime: START, samples });
    const a = only(decodeGpx(text));
    const withFix = count(samples.lat);
    expect(a.samples.t.length).toBe(1201);
    expect(count(a.samples.hr)).toBe(1201);
    expect(count(a.samples.lat)).toBe(withFix);
    // Documentation of the difference: togeojson keeps only the points that have a position.
    const kept = toGeoJsonPoints(text);
    expect(kept).toBe(withFix);
    expect(1201 - kept).toBeGreaterThan(150);
  });
});

describe('decodeGpx details', () => {
  it('matches extensions by local name whatever the prefix, in either quote style', () => {
    const text = gpxDoc(`
      <trk><name>A &amp; B &#8211; <![CDATA[<cdata>]]><!-- note --></name><type>Run</type><trkseg>
        <trkpt lat='10.5' lon="20.25"><ele> 12.5 </ele><time>2024-05-01T06:00:00Z</time>
          <extensions><ns3:TrackPointExtension><ns3:hr>140</ns3:hr><ns3:cad>85</ns3:cad>
          <ns3:speed>3.2</ns3:speed></ns3:TrackPointExtension></extensions></trkpt>
        <trkpt lat="10.6" lon="20.3"><time>2024-05-01T06:00:01.5+02:00</time>
          <extensions><heartrate>141</heartrate><cadence>86</cadence></extensions></trkpt>
        <trkpt lat="10.7" lon="20.4"/>
      </trkseg></trk>`);
    const a = only(decodeGpx(text));
    expect(a.name).toBe('A & B \u2013 <cdata>');
    expect(a.sport).toBe('running');
    expect(a.sportLabel).toBe('Run');
    const s = a.samples;
    expect(Array.from(s.lat)).toEqual([10.5, 10.6, 10.7]);
    expect(Array.from(s.lon)).toEqual([20.25, 20.3, 20.4]);
    expect(s.altM[0]).toBe(12.5);
    expect(Array.from(s.t)).toEqual([
      Date.UTC(2024, 4, 1, 6),
      Date.UTC(2024, 4, 1, 4, 0, 1, 500),
      Number.NaN,
    ]);
    expect(Array.from(s.hr)).toEqual([140, 141, Number.NaN]);
    expect(Array.from(s.cadSpm)).toEqual([170, 172, Number.NaN]);
    expect(s.speedMps[0]).toBe(3.2);
  });

  it('concatenates segments, keeps points without time, and falls back to the metadata time', () => {
    const text = gpxDoc(`<metadata><time>2024-05-01T05:00:00Z</time></metadata>
      <trk><trkseg><trkpt lat="1" lon="1"/></trkseg><trkseg/><trkseg><trkpt lat="1.1" lon="1"/></trkseg></trk>`);
    const a = only(decodeGpx(text));
    expect(a.samples.t.length).toBe(2);
    expect(count(a.samples.t)).toBe(0);
    expect(a.startTime).toBe(Date.UTC(2024, 4, 1, 5));
  });

  it('makes one activity per non-empty <trk>', () => {
    const pt = '<trkpt lat="1" lon="2"><time>2024-05-01T06:00:00Z</time></trkpt>';
    const text = gpxDoc(`<trk><trkseg>${pt}</trkseg></trk><trk></trk><trk><trkseg>${pt}${pt}</trkseg></trk>`);
    expect(decodeGpx(text).map((a) => a.samples.t.length)).toEqual([1, 2]);
  });

  it('reads GPX 1.0 times without a zone as UTC', () => {
    const text = `<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk><trkseg>
      <trkpt lat="1" lon="2"><time>2013-01-01T12:00:04</time></trkpt></trkseg></trk></gpx>`;
    expect(only(decodeGpx(text)).startTime).toBe(Date.UTC(2013, 0, 1, 12, 0, 4));
  });

  it('treats a (0, 0) position as no position', () => {
    const text = gpxDoc('<trk><trkseg><trkpt lat="0" lon="0"><ele>5</ele></trkpt></trkseg></trk>');
    const s = only(decodeGpx(text)).samples;
    expect([s.lat[0], s.lon[0], s.altM[0]]).toEqual([Number.NaN, Number.NaN, 5]);
  });

  it('maps <type> labels to sports; no type at all is a run', () => {
    const cases: [string | undefined, Sport][] = [
      [undefined, 'running'],
      ['running', 'running'],
      ['9', 'running'],
      ['Run', 'running'],
      ['trail', 'trail-running'],
      ['trail_running', 'trail-running'],
      ['TrailRun', 'trail-running'],
      ['walking', 'walking'],
      ['hiking', 'walking'],
      ['10', 'walking'],
      ['cycling', 'cycling'],
      ['biking', 'cycling'],
      ['Ride', 'cycling'],
      ['1', 'cycling'],
      ['Mountain Biking', 'cycling'],
      ['treadmill_running', 'treadmill'],
      ['yoga', 'other'],
      ['42', 'other'],
    ];
    for (const [type, sport] of cases) expect([type, gpxSport(type)]).toEqual([type, sport]);
  });

  it('accepts a BOM, XML declaration, DOCTYPE, comments and PIs around the root', () => {
    const text = `\ufeff<?xml version="1.0"?>\n<!DOCTYPE gpx [ <!ELEMENT gpx ANY> ]>\n<!-- c -->\n<?pi x?>${gpxDoc(
      '<trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>',
      '',
    )}\n<!-- trailing -->\n`;
    expect(decodeGpx(text)).toHaveLength(1);
  });

  it('returns [] for files without track points', () => {
    expect(decodeGpx(gpxDoc('<metadata><time>2024-05-01T05:00:00Z</time></metadata>'))).toEqual([]);
    expect(decodeGpx(gpxDoc('<trk><trkseg></trkseg></trk>'))).toEqual([]);
    expect(decodeGpx(gpxDoc('<rte><rtept lat="1" lon="2"/></rte><wpt lat="1" lon="2"/>'))).toEqual([]);
  });
});

describe('decodeGpx on malformed input', () => {
  const good = encodeGpx({
    sport: 'running',
    startTime: START,
    samples: syntheticRun({ start: START, durationS: 15, seed: 8, gpsDropout: 0.2 }),
    name: 'Short & sweet',
  });

  it('rejects broken XML with a one-line DecodeError', () => {
    const bad = [
      '',
      '   ',
      'not xml at all',
      '{"type":"FeatureCollection"}',
      '<gpx>',
      '<gpx><trk></gpx>',
      '<gpx></trk></gpx>',
      '<gpx><trk></trkx></gpx>',
      '<gpx></gpx><gpx></gpx>',
      '<gpx></gpx>trailing',
      'leading<gpx></gpx>',
      '<gpx><trk><name>a < b</name></trk></gpx>',
      '<gpx><trk><name>a &nbsp; b</name></trk></gpx>',
      '<gpx><trk><name>a & b</name></trk></gpx>',
      '<gpx><trk><name>&#0;</name></trk></gpx>',
      '<gpx><trkpt lat="1" lon="2></gpx>',
      '<gpx><trkpt lat=1 lon="2"/></gpx>',
      '<gpx><trkpt lat="1"lon="2"/></gpx>',
      '<gpx><trkpt lat="<" lon="2"/></gpx>',
      '<gpx><!-- unterminated </gpx>',
      '<gpx><![CDATA[ unterminated </gpx>',
      '<gpx><? unterminated </gpx>',
      '<gpx/><?xml version="1.0"?>',
      '<gpx>< trk/></gpx>',
      '<gpx><:/></gpx>',
      '<gpx><a/ ></gpx>',
      '<gpx><!FOO></gpx>',
      '\ufeff',
      '\u0000\u0001\u0002',
    ];
    for (const text of bad) {
      expect(() => decodeGpx(text), JSON.stringify(text)).toThrow(DecodeError);
      try {
        decodeGpx(text);
      } catch (error) {
        expect((error as Error).message).not.toMatch(/[\n\r\u2028\u2029]/);
      }
    }
  });

  it('keeps error messages short even for huge names', () => {
    const name = 'x'.repeat(100_000);
    expect(() => decodeGpx(`<gpx><${name}></gpx>`)).toThrow(/^GPX: malformed XML at offset \d+: .{0,120}$/);
    expect(() => decodeGpx(`<${name}/>`)).toThrow(/^GPX: the root element is <x{40}…>, not <gpx>$/);
  });

  it('rejects a well-formed file that is not GPX', () => {
    expect(() => decodeGpx('<TrainingCenterDatabase/>')).toThrow(/root element is <TrainingCenterDatabase>/);
  });

  it('throws only DecodeError for a file truncated at any offset', () => {
    const closed = good.lastIndexOf('</gpx>');
    for (let k = 0; k < good.length; k++) {
      const cut = good.slice(0, k);
      if (k < closed) expect(() => decodeGpx(cut)).toThrow(DecodeError);
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
          unit: fc.constantFrom('<', '>', '/', '&', ';', '"', "'", '=', '!', '?', 'a', ' ', ':'),
        }),
        (at, del, insert) => decodesOrRejects(good.slice(0, at) + insert + good.slice(at + del)),
      ),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (junk) => decodesOrRejects(junk)));
    decodesOrRejects(`<gpx><a\u2028b></gpx>`);
    decodesOrRejects(`<gpx>&#\n;</gpx>`);
  });
});

describe('xml.ts number and time parsing', () => {
  it('parses numbers exactly as Number() does', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 12 }),
        (v, digits) => {
          for (const text of [String(v), v.toFixed(digits), String(Math.fround(v))]) {
            if (!Number.isFinite(Number(text))) continue;
            expect(parseXmlNumber(text, 0, text.length)).toBe(Number(text));
          }
        },
      ),
      { numRuns: 3000 },
    );
    for (const text of ['', ' ', '-', '.', 'no', 'undefined', '1.2.3', '12abc', '1e999']) {
      expect(parseXmlNumber(text, 0, text.length)).toBeNaN();
    }
    expect(parseXmlNumber(' 42 ', 0, 4)).toBe(42);
    expect(parseXmlNumber('1e3', 0, 3)).toBe(1000);
  });

  it('parses ISO times like Date.parse, with zoneless times as UTC', () => {
    const range = {
      min: new Date(Date.UTC(1990, 0, 1)),
      max: new Date(Date.UTC(2090, 0, 1)),
      noInvalidDate: true,
    };
    fc.assert(
      fc.property(
        fc.date(range),
        fc.constantFrom('', '.5', '.123', '.123456', '.9999'),
        fc.constantFrom('Z', '+01:00', '-05:30', '+0200', ''),
        (d, frac, zone) => {
          const text = d.toISOString().slice(0, 19) + frac + zone;
          const expected = Date.parse(zone === '' ? `${text}Z` : text);
          expect(parseXmlTime(text, 0, text.length)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
    for (const text of [
      '',
      'yesterday',
      '2024-02-30T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-05-01T25:00:00Z',
    ]) {
      expect(parseXmlTime(text, 0, text.length)).toBeNaN();
    }
    expect(parseXmlTime('2024-02-29T23:59:59Z', 0, 20)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });
});

// --- Real fixtures (shared/fixtures/activities, see its README) ---------------------------------

const FIXTURES = new URL('../../../shared/fixtures/activities/', import.meta.url);

type GpxExpectation = {
  /** Activities (non-empty tracks). */
  activities: number;
  /** Track points over all activities (the README's element counts). */
  points: number;
  hr: number;
  withTime?: number;
  check?: (acts: DecodedActivity[]) => void;
};

const gpxFixtures: Record<string, GpxExpectation> = {
  'gc-MetadataOnly.gpx': { activities: 0, points: 0, hr: 0 },
  'togeojson-empty_trk.gpx': { activities: 0, points: 0, hr: 0 },
  // Its BOM would make xmldom throw; the file holds only a waypoint, so no activity.
  'gpxpy-unicode_with_bom.gpx': { activities: 0, points: 0, hr: 0 },
  'gc-movescount-Move_2014_01_16.gpx': {
    activities: 1,
    points: 669,
    hr: 0,
    withTime: 669,
    // cluetrust gpxdata:distance is cumulative metres.
    check: ([a]) => expect(count((a as DecodedActivity).samples.distM)).toBe(669),
  },
  // The README says "296 points without <time>": 291 have none; the last track's final 5 do.
  'gpxpy-cerknicko-without-times.gpx': {
    activities: 7,
    points: 296,
    hr: 0,
    withTime: 5,
    check: (acts) => {
      // Tracks without any timed point start at the file's <time>.
      expect(acts[0]?.startTime).toBe(Date.parse('2010-08-06T10:36:35Z'));
      expect(acts[6]?.startTime).toBe(Date.parse('2010-08-05T16:22:52Z'));
    },
  },
  'gpxpy-gpx1.0_with_all_fields.gpx': {
    activities: 1,
    points: 1,
    hr: 0,
    withTime: 1,
    check: ([a]) => {
      expect(a?.startTime).toBe(Date.UTC(2013, 0, 1, 12, 0, 4));
      expect(a?.name).toBe('example name t');
      expect(a?.sport).toBe('running'); // The <type> inside the point is not the track's type.
    },
  },
  'gpxpy-track-with-empty-segment.gpx': { activities: 1, points: 9, hr: 0, withTime: 9 },
  'togeojson-Friday-Evening-Run.gpx': {
    activities: 1,
    points: 17,
    hr: 13,
    withTime: 17,
    check: ([a]) => {
      expect(a?.sport).toBe('running');
      expect(a?.samples.cadSpm[0]).toBe(128); // gpxtpx:cad 64 per leg.
    },
  },
  'togeojson-missing_hr.gpx': { activities: 1, points: 16, hr: 9, withTime: 16 },
  'togeojson-run.gpx': { activities: 1, points: 206, hr: 206, withTime: 206 },
  'togeojson-run_gpxtpx.gpx': { activities: 1, points: 42, hr: 42, withTime: 42 },
  'togeojson-strava.gpx': {
    activities: 1,
    points: 3,
    hr: 3,
    withTime: 3,
    check: ([a]) => expect(Array.from((a as DecodedActivity).samples.cadSpm)).toEqual([170, 158, 170]),
  },
};

if (existsSync(FIXTURES)) {
  describe('decodeGpx on the real fixtures', () => {
    for (const [file, e] of Object.entries(gpxFixtures)) {
      it(file, () => {
        const text = readFileSync(fileURLToPath(new URL(file, FIXTURES)), 'utf8');
        const acts = decodeGpx(text);
        const total = (col: keyof Samples) => acts.reduce((n, a) => n + count(a.samples[col]), 0);
        expect(acts).toHaveLength(e.activities);
        expect(acts.reduce((n, a) => n + a.samples.t.length, 0)).toBe(e.points);
        // The element count in the file itself agrees with the README's.
        expect(text.match(/<(?:\w+:)?trkpt[\s>/]/g)?.length ?? 0).toBe(e.points);
        expect(total('hr')).toBe(e.hr);
        if (e.withTime !== undefined) expect(total('t')).toBe(e.withTime);
        e.check?.(acts);
      });
    }
  });
} else {
  console.info(
    `gpx.test: ${fileURLToPath(FIXTURES)} is absent; the real-fixture GPX tests are not registered`,
  );
}

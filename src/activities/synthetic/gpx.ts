/**
 * Writes synthetic activities as GPX 1.1 shaped like a Garmin Connect export (metadata link and time,
 * `<trk><name><type>`, one `<trkseg>`, Garmin TrackPointExtension v1 `hr`/`cad`), for decoder tests
 * and the import benchmark. Numbers are printed the way Connect prints them: positions as full
 * doubles, elevation as a float32 widened to double (`25.600000381469727`), so the benchmark parses
 * realistically long numbers.
 *
 * GPX has no place for a point without a position: such points are written without `lat`/`lon`
 * attributes (invalid against the schema, but that is what treadmill and drop-out points look like
 * when exporters keep them, and the decoder must keep them too).
 */
import type { Samples, Sport } from '../types.js';

/** What the synthetic writers need: an activity's sport, start, samples and optional name. */
export type EncodableActivity = {
  sport: Sport;
  /** Epoch ms. */
  startTime: number;
  samples: Samples;
  name?: string;
};

/** Sports whose cadence files store per leg (half the steps per minute). */
export const PER_LEG_CADENCE: ReadonlySet<Sport> = new Set([
  'running',
  'trail-running',
  'treadmill',
  'walking',
]);

const GPX_TYPES: Record<Sport, string> = {
  running: 'running',
  'trail-running': 'trail_running',
  treadmill: 'treadmill_running',
  walking: 'walking',
  cycling: 'cycling',
  swimming: 'swimming',
  other: 'other',
};

/** Escape text for element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** ISO 8601 with milliseconds and 'Z', as Garmin writes it. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A float32 value printed as the double it widens to, like Garmin's exports. */
export function f32(v: number): string {
  return String(Math.fround(v));
}

/**
 * Encode one activity as a Garmin-style GPX 1.1 document. Cadence is written per leg (rounded to an
 * integer, as `gpxtpx:cad` is an unsigned byte) for foot sports, as-is otherwise; NaN values are
 * omitted element by element.
 */
export function encodeGpx(activity: EncodableActivity): string {
  const s = activity.samples;
  const perLeg = PER_LEG_CADENCE.has(activity.sport);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gpx creator="Garmin Connect" version="1.1"\n',
    '  xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd ',
    'http://www.garmin.com/xmlschemas/GpxExtensions/v3 http://www.garmin.com/xmlschemas/GpxExtensionsv3.xsd ',
    'http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd"\n',
    '  xmlns="http://www.topografix.com/GPX/1/1"\n',
    '  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"\n',
    '  xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n',
    '  <metadata>\n',
    '    <link href="connect.garmin.com">\n',
    '      <text>Garmin Connect</text>\n',
    '    </link>\n',
  ];
  if (Number.isFinite(activity.startTime)) parts.push(`    <time>${isoTime(activity.startTime)}</time>\n`);
  parts.push('  </metadata>\n', '  <trk>\n');
  if (activity.name !== undefined) parts.push(`    <name>${escapeXml(activity.name)}</name>\n`);
  parts.push(`    <type>${GPX_TYPES[activity.sport]}</type>\n`, '    <trkseg>\n');
  const n = s.t.length;
  for (let i = 0; i < n; i++) {
    const lat = s.lat[i] as number;
    const lon = s.lon[i] as number;
    const alt = s.altM[i] as number;
    const t = s.t[i] as number;
    const hr = s.hr[i] as number;
    const cad = s.cadSpm[i] as number;
    let p =
      Number.isFinite(lat) && Number.isFinite(lon)
        ? `      <trkpt lat="${lat}" lon="${lon}">\n`
        : '      <trkpt>\n';
    if (Number.isFinite(alt)) p += `        <ele>${f32(alt)}</ele>\n`;
    if (Number.isFinite(t)) p += `        <time>${isoTime(t)}</time>\n`;
    const hasHr = Number.isFinite(hr);
    const hasCad = Number.isFinite(cad);
    if (hasHr || hasCad) {
      p += '        <extensions>\n          <gpxtpx:TrackPointExtension>\n';
      if (hasHr) p += `            <gpxtpx:hr>${Math.round(hr)}</gpxtpx:hr>\n`;
      if (hasCad) p += `            <gpxtpx:cad>${Math.round(perLeg ? cad / 2 : cad)}</gpxtpx:cad>\n`;
      p += '          </gpxtpx:TrackPointExtension>\n        </extensions>\n';
    }
    p += '      </trkpt>\n';
    parts.push(p);
  }
  parts.push('    </trkseg>\n', '  </trk>\n', '</gpx>\n');
  return parts.join('');
}

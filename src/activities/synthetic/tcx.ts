/**
 * Writes synthetic activities as TCX shaped like a Garmin Connect export: one `<Activity>` with one
 * `<Lap>` carrying the totals (time, distance, max speed, calories, average and max HR), trackpoints
 * with `Position` (omitted when there is no fix, as on a treadmill), `AltitudeMeters`,
 * `DistanceMeters`, `HeartRateBpm` and an `ns3:TPX` extension with `Speed` and `RunCadence`, then
 * the lap's `ns3:LX` averages and a `Creator` device. Float fields are printed as float32 widened to
 * double, as Connect does, so the benchmark parses realistically long numbers.
 */
import { type EncodableActivity, escapeXml, f32, isoTime, PER_LEG_CADENCE } from './gpx.js';

export type { EncodableActivity } from './gpx.js';

/** TCX's Sport attribute only knows Running, Biking and Other. */
function tcxSportName(sport: EncodableActivity['sport']): string {
  if (sport === 'running' || sport === 'trail-running' || sport === 'treadmill') return 'Running';
  if (sport === 'cycling') return 'Biking';
  return 'Other';
}

/**
 * Encode one activity as a Garmin-style TCX document with a single lap. Foot sports write cadence as
 * per-leg `ns3:RunCadence` (an integer, as the schema wants); other sports write `<Cadence>` as-is.
 * NaN values are omitted element by element; the lap's totals are computed from the samples.
 */
export function encodeTcx(activity: EncodableActivity): string {
  const s = activity.samples;
  const n = s.t.length;
  const runCadence = PER_LEG_CADENCE.has(activity.sport);

  // Lap totals from the samples, as a watch would compute them.
  let firstT = Number.NaN;
  let lastT = Number.NaN;
  let dist = 0;
  let maxSpeed = 0;
  let hrSum = 0;
  let hrN = 0;
  let hrMax = 0;
  let cadSum = 0;
  let cadN = 0;
  let cadMax = 0;
  for (let i = 0; i < n; i++) {
    const t = s.t[i] as number;
    if (Number.isFinite(t)) {
      if (Number.isNaN(firstT)) firstT = t;
      lastT = t;
    }
    const d = s.distM[i] as number;
    if (d > dist) dist = d;
    const v = s.speedMps[i] as number;
    if (v > maxSpeed) maxSpeed = v;
    const hr = s.hr[i] as number;
    if (Number.isFinite(hr)) {
      hrSum += hr;
      hrN++;
      if (hr > hrMax) hrMax = hr;
    }
    const cad = s.cadSpm[i] as number;
    if (Number.isFinite(cad)) {
      cadSum += cad;
      cadN++;
      if (cad > cadMax) cadMax = cad;
    }
  }
  const start = Number.isFinite(activity.startTime) ? activity.startTime : firstT;
  const totalS = Number.isFinite(lastT) && Number.isFinite(start) ? (lastT - start) / 1000 : 0;
  const startIso = Number.isFinite(start) ? isoTime(start) : isoTime(0);
  // Roughly 1 kcal per kg per km for a 70 kg runner.
  const calories = Math.round((70 * dist) / 1000);

  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<TrainingCenterDatabase\n',
    '  xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 ',
    'http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd"\n',
    '  xmlns:ns5="http://www.garmin.com/xmlschemas/ActivityGoals/v1"\n',
    '  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"\n',
    '  xmlns:ns2="http://www.garmin.com/xmlschemas/UserProfile/v2"\n',
    '  xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"\n',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xmlns:ns4="http://www.garmin.com/xmlschemas/ProfileExtension/v1">\n',
    '  <Activities>\n',
    `    <Activity Sport="${tcxSportName(activity.sport)}">\n`,
    `      <Id>${startIso}</Id>\n`,
    `      <Lap StartTime="${startIso}">\n`,
    `        <TotalTimeSeconds>${totalS.toFixed(1)}</TotalTimeSeconds>\n`,
    `        <DistanceMeters>${f32(dist)}</DistanceMeters>\n`,
    `        <MaximumSpeed>${f32(maxSpeed)}</MaximumSpeed>\n`,
    `        <Calories>${calories}</Calories>\n`,
  ];
  if (hrN > 0) {
    parts.push(
      `        <AverageHeartRateBpm>\n          <Value>${Math.round(hrSum / hrN)}</Value>\n        </AverageHeartRateBpm>\n`,
      `        <MaximumHeartRateBpm>\n          <Value>${Math.round(hrMax)}</Value>\n        </MaximumHeartRateBpm>\n`,
    );
  }
  parts.push('        <Intensity>Active</Intensity>\n', '        <TriggerMethod>Manual</TriggerMethod>\n');
  parts.push('        <Track>\n');
  for (let i = 0; i < n; i++) {
    const t = s.t[i] as number;
    const lat = s.lat[i] as number;
    const lon = s.lon[i] as number;
    const alt = s.altM[i] as number;
    const d = s.distM[i] as number;
    const hr = s.hr[i] as number;
    const cad = s.cadSpm[i] as number;
    const v = s.speedMps[i] as number;
    let p = '          <Trackpoint>\n';
    if (Number.isFinite(t)) p += `            <Time>${isoTime(t)}</Time>\n`;
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      p += `            <Position>\n              <LatitudeDegrees>${lat}</LatitudeDegrees>\n`;
      p += `              <LongitudeDegrees>${lon}</LongitudeDegrees>\n            </Position>\n`;
    }
    if (Number.isFinite(alt)) p += `            <AltitudeMeters>${f32(alt)}</AltitudeMeters>\n`;
    if (Number.isFinite(d)) p += `            <DistanceMeters>${f32(d)}</DistanceMeters>\n`;
    if (Number.isFinite(hr)) {
      p += `            <HeartRateBpm>\n              <Value>${Math.round(hr)}</Value>\n            </HeartRateBpm>\n`;
    }
    const hasCad = Number.isFinite(cad);
    if (hasCad && !runCadence) p += `            <Cadence>${Math.round(cad)}</Cadence>\n`;
    const hasSpeed = Number.isFinite(v);
    if (hasSpeed || (hasCad && runCadence)) {
      p += '            <Extensions>\n              <ns3:TPX>\n';
      if (hasSpeed) p += `                <ns3:Speed>${f32(v)}</ns3:Speed>\n`;
      if (hasCad && runCadence)
        p += `                <ns3:RunCadence>${Math.round(cad / 2)}</ns3:RunCadence>\n`;
      p += '              </ns3:TPX>\n            </Extensions>\n';
    }
    p += '          </Trackpoint>\n';
    parts.push(p);
  }
  parts.push('        </Track>\n');
  parts.push('        <Extensions>\n          <ns3:LX>\n');
  parts.push(`            <ns3:AvgSpeed>${f32(totalS > 0 ? dist / totalS : 0)}</ns3:AvgSpeed>\n`);
  if (cadN > 0 && runCadence) {
    parts.push(`            <ns3:AvgRunCadence>${Math.round(cadSum / cadN / 2)}</ns3:AvgRunCadence>\n`);
    parts.push(`            <ns3:MaxRunCadence>${Math.round(cadMax / 2)}</ns3:MaxRunCadence>\n`);
  }
  parts.push('          </ns3:LX>\n        </Extensions>\n', '      </Lap>\n');
  if (activity.name !== undefined) parts.push(`      <Notes>${escapeXml(activity.name)}</Notes>\n`);
  parts.push(
    '      <Creator xsi:type="Device_t">\n',
    '        <Name>Forerunner 265</Name>\n',
    '        <UnitId>3456789012</UnitId>\n',
    '        <ProductID>4257</ProductID>\n',
    '        <Version>\n          <VersionMajor>19</VersionMajor>\n          <VersionMinor>18</VersionMinor>\n',
    '          <BuildMajor>0</BuildMajor>\n          <BuildMinor>0</BuildMinor>\n        </Version>\n',
    '      </Creator>\n',
    '    </Activity>\n',
    '  </Activities>\n',
    '  <Author xsi:type="Application_t">\n',
    '    <Name>Connect Api</Name>\n',
    '    <Build>\n      <Version>\n        <VersionMajor>0</VersionMajor>\n        <VersionMinor>0</VersionMinor>\n',
    '        <BuildMajor>0</BuildMajor>\n        <BuildMinor>0</BuildMinor>\n      </Version>\n    </Build>\n',
    '    <LangID>en</LangID>\n',
    '    <PartNumber>006-D2449-00</PartNumber>\n',
    '  </Author>\n',
    '</TrainingCenterDatabase>\n',
  );
  return parts.join('');
}

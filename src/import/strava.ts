/**
 * Strava bulk export: activities.csv names each activity's file, title and type. Headers repeat
 * (Distance, Elapsed Time …), so columns are found by occurrence; vintages add and drop columns.
 */
import type { Sport } from '../activities/types.js';
import { parseCsv } from './csv.js';

export type StravaEntry = {
  id: string;
  name?: string;
  type: string;
  sport: Sport;
  /** The file path relative to the export root (`activities/123.fit.gz`), when the activity has one. */
  file?: string;
  /** Manual activities have no file: what the CSV says about them. */
  startTime?: number;
  distanceM?: number;
  elapsedS?: number;
  movingS?: number;
};

/** Strava activity types to Backstride sports. */
export function stravaSport(type: string): Sport {
  const t = type.trim().toLowerCase();
  if (t === 'run') return 'running';
  if (t === 'trail run') return 'trail-running';
  if (t === 'virtual run') return 'treadmill';
  if (t === 'walk' || t === 'hike') return 'walking';
  if (t.includes('ride') || t.includes('cycl') || t === 'handcycle' || t === 'velomobile') return 'cycling';
  if (t.includes('swim')) return 'swimming';
  return 'other';
}

/** `Oct 7, 2020, 2:43:11 PM` (English exports, UTC); other locales are left undefined, never guessed. */
function parseStravaDate(s: string): number | undefined {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)$/.exec(s.trim());
  if (!m) return undefined;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = months.indexOf(m[1] as string);
  if (month < 0) return undefined;
  let hour = Number(m[4]) % 12;
  if (m[7] === 'PM') hour += 12;
  return Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6]));
}

const num = (s: string | undefined) => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

export function parseStravaActivities(text: string): StravaEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const at = (name: string, occurrence = 0) => {
    let seen = -1;
    for (let i = 0; i < header.length; i++) {
      if (header[i]?.trim() === name && ++seen === occurrence) return i;
    }
    return -1;
  };
  const col = {
    id: at('Activity ID'),
    date: at('Activity Date'),
    name: at('Activity Name'),
    type: at('Activity Type'),
    file: at('Filename'),
    elapsed: at('Elapsed Time'),
    moving: at('Moving Time'),
    // The second "Distance" is in metres; the first is in the athlete's display unit.
    distanceM: at('Distance', 1),
  };
  if (col.id < 0 || col.type < 0) return [];
  return rows.map((r) => {
    const type = r[col.type] ?? '';
    const entry: StravaEntry = { id: r[col.id] ?? '', type, sport: stravaSport(type) };
    const name = r[col.name];
    if (name) entry.name = name;
    const file = r[col.file]?.trim();
    if (file) entry.file = file;
    const start = col.date >= 0 ? parseStravaDate(r[col.date] ?? '') : undefined;
    if (start !== undefined) entry.startTime = start;
    const d = num(r[col.distanceM]);
    if (d !== undefined) entry.distanceM = d;
    const e = num(r[col.elapsed]);
    if (e !== undefined) entry.elapsedS = e;
    const m = num(r[col.moving]);
    if (m !== undefined) entry.movingS = m;
    return entry;
  });
}

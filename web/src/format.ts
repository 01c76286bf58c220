/**
 * Units (km or miles, kept in this browser) and the few formatters every page uses. Distance and pace
 * come from the core's own formatters so the app and the CLI print the same numbers.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDistance, formatPace, METRES_PER_MILE, type Units } from '../../src/metrics/index.js';

export type { Units };

const KEY = 'backstride.units';
const listeners = new Set<(u: Units) => void>();

export function getUnits(): Units {
  try {
    return localStorage.getItem(KEY) === 'mi' ? 'mi' : 'km';
  } catch {
    return 'km';
  }
}

export function setUnits(u: Units): void {
  try {
    localStorage.setItem(KEY, u);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l(u);
}

export function useUnits(): Units {
  const [u, setU] = useState(getUnits);
  useEffect(() => {
    listeners.add(setU);
    return () => {
      listeners.delete(setU);
    };
  }, []);
  return u;
}

export const distance = (m: number | null | undefined, u: Units) =>
  m === null || m === undefined ? '–' : formatDistance(m, u);
export const pace = (sPerKm: number | null | undefined, u: Units) =>
  sPerKm === null || sPerKm === undefined ? '–' : formatPace(sPerKm, u);

/** Metres in one display unit. */
export const unitM = (u: Units) => (u === 'mi' ? METRES_PER_MILE : 1000);

/** h:mm:ss or m:ss. */
export function duration(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '–';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const date = (t: number | string) => dateFmt.format(new Date(t));
export const dateTime = (t: number | string) => dateTimeFmt.format(new Date(t));

/** `3 days ago`, `today`. */
export function ago(t: number | string, now = Date.now()): string {
  const days = Math.floor((now - new Date(t).getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  return `${Math.round(days / 30)} months ago`;
}

/** A percentage as words: `+12%`, `−3%`. */
export function signedPct(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const r = Number(x.toFixed(digits));
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r)}%`;
}

/** `lower-back` → `Lower back` for ids without a name at hand. */
export const humanise = (id: string) => {
  const s = id.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** The local calendar day of `d`, YYYY-MM-DD. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

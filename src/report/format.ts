/**
 * Small, pure helpers shared by the report and its charts: HTML escaping, calendar dates in the runner's
 * time zone, and numbers in the runner's units. Everything here is deterministic for the same input, so
 * the same report renders byte for byte the same.
 */
import { BackstrideError } from '../errors.js';
import { METRES_PER_MILE } from '../metrics/index.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and quoted attribute values. Every string that did not come
 * from this module's own templates goes through it, knowledge-base text included, because notes,
 * names and regions are typed by the runner.
 * @example escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * An http(s) URL, escaped for an `href`, or undefined for anything else: `javascript:` and `data:`
 * links must never reach the document, even from the knowledge base.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.href) : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone; building them is slow and a report formats hundreds of instants. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new BackstrideError('bad-input', `unknown time zone "${timeZone}"`, 'timeZone');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Check a time zone name early, so a typo fails with a clear message rather than deep in a chart. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/**
 * The calendar date and clock time of an instant in a time zone.
 * @example localParts(Date.UTC(2025, 2, 4, 23, 30), 'Europe/Berlin') // { date: '2025-03-05', time: '00:30' }
 */
export function localParts(ms: number, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, or NaN when it is not one. */
export function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/**
 * A `YYYY-MM-DD` date for people: `4 Mar 2025`, or `4 Mar` without the year. Anything that is not an
 * ISO date is returned unchanged (and escaped by the caller).
 */
export function formatDay(isoDate: string, withYear = true): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]}`;
  return withYear ? `${day} ${m[1]}` : day;
}

/** A date-time for people in a time zone: `4 Mar 2025, 18:30`. */
export function formatInstant(ms: number, timeZone: string): string {
  const { date, time } = localParts(ms, timeZone);
  return `${formatDay(date)}, ${time}`;
}

/** Metres in the runner's units. */
export function toUnits(m: number, units: 'km' | 'mi'): number {
  return units === 'mi' ? m / METRES_PER_MILE : m / 1000;
}

/**
 * A number with at most `digits` decimals and no trailing zeros, so axis ticks read `2.5`, not `2.50`.
 * @example trimNumber(2.5, 2) // '2.5'
 */
export function trimNumber(n: number, digits = 2): string {
  const fixed = n.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * The report's two charts as inline SVG, drawn by hand so the report needs no chart library, no
 * JavaScript and no network: weekly distance as bars with the week's pain over it on a 0–10 right axis,
 * and every pain check-in over time. Each chart is split into a pure layout (numbers, testable) and a
 * renderer (markup), carries a title and a description for screen readers, and is followed by a table
 * of the same data, because a clinician may want the numbers and a screen reader cannot read a line.
 * Coordinates are rounded to 0.1 so the output is compact and identical for the same input.
 */
import {
  dayNumber,
  escapeHtml,
  formatDay,
  formatInstant,
  localParts,
  toUnits,
  trimNumber,
} from './format.js';

/** Distance run in one week; `weekStart` is the local `YYYY-MM-DD` the week begins on. */
export type WeekDistance = { weekStart: string; distanceM: number };

/** One pain check-in: `at` in epoch ms, `score` 0–10. */
export type PainEntry = { at: number; score: number; timing: string; regions: string[] };

/** One bar of the weekly chart with the pain check-ins that fall in its week. */
export type WeekRow = {
  weekStart: string;
  /** In the report's units. */
  distance: number;
  painCount: number;
  painMean?: number;
  painMax?: number;
};

/** The drawing area inside the chart's view box. */
export type PlotArea = { left: number; top: number; right: number; bottom: number };

/** The weekly chart as numbers: what the renderer draws and the tests check. */
export type WeeklyLayout = {
  width: number;
  height: number;
  plot: PlotArea;
  /** Top of the left (distance) axis, a round number at or above the longest week. */
  yMax: number;
  yStep: number;
  bars: { weekStart: string; value: number; x: number; y: number; width: number; height: number }[];
  /** The week's mean pain, at the bar's centre, on the 0–10 right axis. */
  pain: { weekStart: string; value: number; cx: number; cy: number }[];
};

/** The pain-over-time chart as numbers. */
export type PainLayout = {
  width: number;
  height: number;
  plot: PlotArea;
  points: { at: number; value: number; cx: number; cy: number }[];
  xTicks: { x: number; label: string }[];
};

const DAY_MS = 86_400_000;
const PAIN_MAX = 10;
const PAIN_TICKS = [0, 2, 4, 6, 8, 10];
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Round to 0.1 for output; keeps the markup short and the same across runs. */
const r1 = (n: number) => Math.round(n * 10) / 10;
const num = (n: number) => trimNumber(r1(n), 1);

/** Pain outside 0–10 (a bad import) is drawn at the nearest end of the scale rather than off the chart. */
export const clampPain = (score: number) => Math.min(PAIN_MAX, Math.max(0, score));

/**
 * A round axis maximum and step for values up to `max`, with about `ticks` steps of 1, 2, 2.5 or 5
 * times a power of ten.
 * @example niceScale(23.4) // { max: 25, step: 5 }
 */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, step: 0.2 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  // toPrecision: 0.1 × 3 must be 0.3, not 0.30000000000000004, in an axis label.
  const top = Number((Math.ceil(max / step - 1e-9) * step).toPrecision(12));
  return { max: top, step: Number(step.toPrecision(12)) };
}

/**
 * Weeks in date order (duplicates summed) with the pain check-ins whose local date falls in each week.
 * Check-ins outside every week are left out of this chart; the pain-over-time chart still shows them.
 */
export function weeklyRows(
  weeks: readonly WeekDistance[],
  pain: readonly PainEntry[],
  units: 'km' | 'mi',
  timeZone: string,
): WeekRow[] {
  const byWeek = new Map<string, number>();
  for (const w of weeks) {
    const m = Number.isFinite(w.distanceM) && w.distanceM > 0 ? w.distanceM : 0;
    byWeek.set(w.weekStart, (byWeek.get(w.weekStart) ?? 0) + m);
  }
  const starts = [...byWeek.keys()].sort();
  const scores = new Map<string, number[]>(starts.map((s) => [s, []]));
  for (const p of pain) {
    if (!Number.isFinite(p.score) || !Number.isFinite(p.at)) continue;
    const day = dayNumber(localParts(p.at, timeZone).date);
    const week = starts.find((s) => {
      const start = dayNumber(s);
      return day >= start && day < start + 7;
    });
    if (week) scores.get(week)?.push(clampPain(p.score));
  }
  return starts.map((weekStart) => {
    const s = scores.get(weekStart) ?? [];
    const row: WeekRow = {
      weekStart,
      distance: toUnits(byWeek.get(weekStart) ?? 0, units),
      painCount: s.length,
    };
    if (s.length) {
      row.painMean = s.reduce((a, b) => a + b, 0) / s.length;
      row.painMax = Math.max(...s);
    }
    return row;
  });
}

/** Lay out the weekly chart: one bar per week, the week's mean pain as a point over its bar. */
export function layoutWeeklyChart(rows: readonly WeekRow[]): WeeklyLayout {
  const width = 640;
  const height = 300;
  const plot: PlotArea = { left: 64, top: 56, right: 580, bottom: 236 };
  const plotW = plot.right - plot.left;
  const plotH = plot.bottom - plot.top;
  const { max: yMax, step: yStep } = niceScale(Math.max(0, ...rows.map((r) => r.distance)));
  const band = rows.length ? plotW / rows.length : plotW;
  const barW = Math.min(48, band * 0.7);
  const bars = rows.map((row, i) => {
    const h = (row.distance / yMax) * plotH;
    return {
      weekStart: row.weekStart,
      value: row.distance,
      x: r1(plot.left + i * band + (band - barW) / 2),
      y: r1(plot.bottom - h),
      width: r1(barW),
      height: r1(h),
    };
  });
  const pain = rows.flatMap((row, i) =>
    row.painMean === undefined
      ? []
      : [
          {
            weekStart: row.weekStart,
            value: row.painMean,
            cx: r1(plot.left + (i + 0.5) * band),
            cy: r1(plot.bottom - (row.painMean / PAIN_MAX) * plotH),
          },
        ],
  );
  return { width, height, plot, yMax, yStep, bars, pain };
}

/** An instant whose date in `timeZone` is `day`: noon UTC, moved half a day for zones beyond ±12 h. */
function instantOnDay(day: string, timeZone: string): number {
  const noon = Date.parse(`${day}T12:00:00Z`);
  if (!Number.isFinite(noon)) return noon;
  const local = localParts(noon, timeZone).date;
  return local === day ? noon : local > day ? noon - DAY_MS / 2 : noon + DAY_MS / 2;
}

/** A period of local days, `YYYY-MM-DD`, both included. */
export type DaySpan = { from: string; to: string };

/**
 * Lay out the pain-over-time chart: check-ins by time on a 0–10 axis. With a `span`, the time axis covers
 * that period (the report's), so it ends on the report's last day and never runs past it; without one it
 * runs from the first check-in to the last.
 */
export function layoutPainChart(pain: readonly PainEntry[], timeZone: string, span?: DaySpan): PainLayout {
  const width = 640;
  const height = 260;
  const plot: PlotArea = { left: 64, top: 40, right: 612, bottom: 196 };
  const plotW = plot.right - plot.left;
  const plotH = plot.bottom - plot.top;
  const valid = pain
    .filter((p) => Number.isFinite(p.at) && Number.isFinite(p.score))
    .sort((a, b) => a.at - b.at || a.score - b.score);
  let first = valid[0]?.at ?? 0;
  let last = valid[valid.length - 1]?.at ?? 0;
  if (span) {
    // An instant on the first and on the last day in the report's zone, so the axis labels name the
    // period's own days; a check-in outside it still stretches the axis to fit.
    const a = instantOnDay(span.from, timeZone);
    const b = instantOnDay(span.to, timeZone);
    if (Number.isFinite(a) && Number.isFinite(b) && b >= a) {
      first = valid.length ? Math.min(first, a) : a;
      last = valid.length ? Math.max(last, b) : b;
    }
  }
  // A single day of check-ins still gets a readable span around it.
  const t0 = last > first ? first : first - DAY_MS;
  const t1 = last > first ? last : last + DAY_MS;
  const x = (t: number) => plot.left + ((t - t0) / (t1 - t0)) * plotW;
  const points = valid.map((p) => ({
    at: p.at,
    value: clampPain(p.score),
    cx: r1(x(p.at)),
    cy: r1(plot.bottom - (clampPain(p.score) / PAIN_MAX) * plotH),
  }));
  const withYear = localParts(t0, timeZone).date.slice(0, 4) !== localParts(t1, timeZone).date.slice(0, 4);
  const xTicks: PainLayout['xTicks'] = [];
  for (let i = 0; i <= 4; i++) {
    const t = t0 + ((t1 - t0) * i) / 4;
    const label = formatDay(localParts(t, timeZone).date, withYear);
    // Check-ins over a few days would repeat a date; one label per date is enough.
    if (xTicks[xTicks.length - 1]?.label !== label) xTicks.push({ x: r1(x(t)), label });
  }
  return { width, height, plot, points, xTicks };
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────

const svgOpen = (id: string, width: number, height: number, title: string, desc: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" ` +
  `width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
  `font-family="${FONT}" font-size="12" fill="#111">` +
  `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>` +
  `<text class="chart-title" x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${escapeHtml(title)}</text>`;

/** A polyline path through points; a gap (undefined) starts a new segment so missing weeks are not bridged. */
function path(points: readonly ({ cx: number; cy: number } | undefined)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(p.cx)} ${num(p.cy)} `;
    pen = true;
  }
  return d.trim();
}

const fmt1 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));

function weeklyDescription(rows: readonly WeekRow[], units: string): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return '';
  const distances = rows.map((r) => r.distance);
  const means = rows.flatMap((r) => (r.painMean === undefined ? [] : [r.painMean]));
  const distancePart =
    `Bars show the distance run in each of ${rows.length} week${rows.length === 1 ? '' : 's'} from ` +
    `${formatDay(first.weekStart)} to ${formatDay(last.weekStart)}, between ` +
    `${Math.min(...distances).toFixed(1)} and ${Math.max(...distances).toFixed(1)} ${units} a week.`;
  const painPart = means.length
    ? ` Points joined by a line show the mean pain score of the week (0–10, right axis) in ${means.length} of ` +
      `those weeks, between ${Math.min(...means).toFixed(1)} and ${Math.max(...means).toFixed(1)}.`
    : ' No pain check-ins fall in these weeks.';
  return distancePart + painPart;
}

/**
 * The weekly distance chart with pain over it, followed by its data table, as an HTML fragment.
 * @example weeklyDistanceChart({ weeks, pain, units: 'km', timeZone: 'UTC' })
 */
export function weeklyDistanceChart(input: {
  weeks: readonly WeekDistance[];
  pain: readonly PainEntry[];
  units: 'km' | 'mi';
  timeZone: string;
}): string {
  const { units, timeZone } = input;
  const rows = weeklyRows(input.weeks, input.pain, units, timeZone);
  if (!rows.length) return '<p class="empty">No weekly distance recorded yet, so there is no chart.</p>';
  const L = layoutWeeklyChart(rows);
  const { plot } = L;
  const title = 'Weekly distance with pain over it';
  const out: string[] = [svgOpen('chart-weekly', L.width, L.height, title, weeklyDescription(rows, units))];

  // Legend, top left: a bar swatch and a point-on-line swatch, so paper readers know which is which.
  out.push(
    `<g class="legend" font-size="12">` +
      `<rect class="swatch-bar" x="${plot.left}" y="32" width="14" height="10" fill="#9fb6d9" stroke="#2b4a7a"/>` +
      `<text x="${plot.left + 20}" y="41">Distance (${units}, left axis)</text>` +
      `<line class="swatch-line" x1="${plot.left + 200}" y1="37" x2="${plot.left + 222}" y2="37" stroke="#a3191f" stroke-width="2"/>` +
      `<circle class="swatch-point" cx="${plot.left + 211}" cy="37" r="4" fill="#a3191f"/>` +
      `<text x="${plot.left + 230}" y="41">Mean pain of the week (0–10, right axis)</text></g>`,
  );

  // Left axis: distance gridlines and ticks.
  const plotH = plot.bottom - plot.top;
  for (let v = 0; v <= L.yMax + 1e-9; v += L.yStep) {
    const tick = Number(v.toPrecision(12));
    const y = num(plot.bottom - (tick / L.yMax) * plotH);
    out.push(
      `<line class="grid" x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#ccc" stroke-width="1"/>` +
        `<text class="tick" x="${plot.left - 6}" y="${y}" dy="4" text-anchor="end">${trimNumber(tick)}</text>`,
    );
  }
  // Right axis: pain 0–10.
  for (const p of PAIN_TICKS) {
    const y = num(plot.bottom - (p / PAIN_MAX) * plotH);
    out.push(
      `<line class="axis" x1="${plot.right}" y1="${y}" x2="${plot.right + 4}" y2="${y}" stroke="#111"/>` +
        `<text class="tick" x="${plot.right + 8}" y="${y}" dy="4">${p}</text>`,
    );
  }

  for (const b of L.bars) {
    out.push(
      `<rect class="bar" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" ` +
        `fill="#9fb6d9" stroke="#2b4a7a" stroke-width="1"><title>Week of ${escapeHtml(formatDay(b.weekStart))}: ` +
        `${b.value.toFixed(1)} ${units}</title></rect>`,
    );
  }

  // Week labels under the bars; thinned so that long histories stay legible.
  const every = Math.ceil(rows.length / 8);
  const withYear =
    (rows[0]?.weekStart.slice(0, 4) ?? '') !== (rows[rows.length - 1]?.weekStart.slice(0, 4) ?? '');
  const band = (plot.right - plot.left) / rows.length;
  rows.forEach((row, i) => {
    if (i % every !== 0) return;
    const x = num(plot.left + (i + 0.5) * band);
    out.push(
      `<text class="tick" x="${x}" y="${plot.bottom + 16}" text-anchor="middle">${escapeHtml(formatDay(row.weekStart, withYear))}</text>`,
    );
  });

  // Pain over the bars: a line through the weeks that have check-ins, broken where a week has none.
  const byWeek = new Map(L.pain.map((p) => [p.weekStart, p]));
  const d = path(rows.map((r) => byWeek.get(r.weekStart)));
  if (d) out.push(`<path class="pain-line" d="${d}" fill="none" stroke="#a3191f" stroke-width="2"/>`);
  for (const p of L.pain) {
    out.push(
      `<circle class="pain-point" cx="${num(p.cx)}" cy="${num(p.cy)}" r="4.5" fill="#a3191f" stroke="#fff" stroke-width="1.5">` +
        `<title>Week of ${escapeHtml(formatDay(p.weekStart))}: mean pain ${p.value.toFixed(1)}</title></circle>`,
    );
  }

  // Axes and their labels.
  const midY = (plot.top + plot.bottom) / 2;
  out.push(
    `<line class="axis" x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#111"/>` +
      `<line class="axis" x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#111"/>` +
      `<line class="axis" x1="${plot.right}" y1="${plot.top}" x2="${plot.right}" y2="${plot.bottom}" stroke="#111"/>` +
      `<text class="axis-label" x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 40}" text-anchor="middle">Week starting</text>` +
      `<text class="axis-label" transform="translate(18 ${midY}) rotate(-90)" text-anchor="middle">Distance (${units})</text>` +
      `<text class="axis-label" transform="translate(${L.width - 10} ${midY}) rotate(90)" text-anchor="middle">Pain (0–10)</text>`,
  );
  out.push('</svg>');

  const table =
    `<table class="chart-data"><caption>The data in the chart above</caption><thead><tr>` +
    `<th scope="col">Week starting</th><th scope="col" class="num">Distance (${units})</th>` +
    `<th scope="col" class="num">Pain check-ins</th><th scope="col" class="num">Mean pain</th>` +
    `<th scope="col" class="num">Highest pain</th></tr></thead><tbody>` +
    rows
      .map(
        (r) =>
          `<tr><td>${escapeHtml(formatDay(r.weekStart))}</td><td class="num">${r.distance.toFixed(1)}</td>` +
          `<td class="num">${r.painCount}</td><td class="num">${fmt1(r.painMean)}</td>` +
          `<td class="num">${r.painMax === undefined ? '–' : r.painMax}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return `<figure class="chart-figure" id="chart-weekly">${out.join('')}${table}</figure>`;
}

/** Check-ins summed up by the week of their local date (weeks start on Monday). */
function weeklyPainTable(rows: readonly PainEntry[], timeZone: string): string {
  const weeks = new Map<number, number[]>();
  for (const p of rows) {
    const day = dayNumber(localParts(p.at, timeZone).date);
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    weeks.set(monday, [...(weeks.get(monday) ?? []), clampPain(p.score)]);
  }
  const body = [...weeks.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([monday, scores]) => {
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const start = new Date(monday * DAY_MS).toISOString().slice(0, 10);
      return (
        `<tr><td>${escapeHtml(formatDay(start))}</td><td class="num">${scores.length}</td>` +
        `<td class="num">${Math.min(...scores)}</td><td class="num">${mean.toFixed(1)}</td>` +
        `<td class="num">${Math.max(...scores)}</td></tr>`
      );
    })
    .join('');
  return (
    `<table class="chart-data"><caption>The data in the chart above, by week (${rows.length} check-ins)</caption>` +
    '<thead><tr><th scope="col">Week starting</th><th scope="col" class="num">Check-ins</th>' +
    '<th scope="col" class="num">Lowest</th><th scope="col" class="num">Mean</th>' +
    `<th scope="col" class="num">Highest</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/**
 * Every pain check-in over time (0–10), followed by its data table, as an HTML fragment.
 * @example painOverTimeChart({ pain, timeZone: 'Europe/London' })
 */
export function painOverTimeChart(input: {
  pain: readonly PainEntry[];
  timeZone: string;
  /** The period the axis covers; default the first check-in to the last. */
  span?: DaySpan;
  /**
   * Beyond this many check-ins the table beneath sums them up by week (count, lowest, mean, highest)
   * instead of a row each, which would run to pages. Default: a row each, however many.
   */
  detailRows?: number;
  /** The weekly chart's table above already gives each week's pain: then no weekly summary is repeated. */
  weeklyTableAbove?: boolean;
}): string {
  const { timeZone } = input;
  const L = layoutPainChart(input.pain, timeZone, input.span);
  if (!L.points.length) {
    return `<p class="empty">No pain check-ins ${input.span ? 'in this period' : 'recorded yet'}, so there is no chart.</p>`;
  }
  const { plot } = L;
  const first = L.points[0];
  const last = L.points[L.points.length - 1];
  const values = L.points.map((p) => p.value);
  const title = 'Pain over time';
  const desc =
    `${L.points.length} pain check-in${L.points.length === 1 ? '' : 's'} from ` +
    `${first ? formatInstant(first.at, timeZone) : ''} to ${last ? formatInstant(last.at, timeZone) : ''}, ` +
    `scored 0–10, between ${Math.min(...values)} and ${Math.max(...values)}; ` +
    `first ${first?.value ?? ''}, latest ${last?.value ?? ''}.`;
  const out: string[] = [svgOpen('chart-pain', L.width, L.height, title, desc)];
  const plotH = plot.bottom - plot.top;
  for (const p of PAIN_TICKS) {
    const y = num(plot.bottom - (p / PAIN_MAX) * plotH);
    out.push(
      `<line class="grid" x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#ccc" stroke-width="1"/>` +
        `<text class="tick" x="${plot.left - 6}" y="${y}" dy="4" text-anchor="end">${p}</text>`,
    );
  }
  for (const t of L.xTicks) {
    out.push(
      `<line class="axis" x1="${num(t.x)}" y1="${plot.bottom}" x2="${num(t.x)}" y2="${plot.bottom + 4}" stroke="#111"/>` +
        `<text class="tick" x="${num(t.x)}" y="${plot.bottom + 18}" text-anchor="middle">${escapeHtml(t.label)}</text>`,
    );
  }
  out.push(`<path class="pain-line" d="${path(L.points)}" fill="none" stroke="#a3191f" stroke-width="2"/>`);
  for (const p of L.points) {
    out.push(
      `<circle class="pain-point" cx="${num(p.cx)}" cy="${num(p.cy)}" r="3.5" fill="#a3191f" stroke="#fff" stroke-width="1">` +
        `<title>${escapeHtml(formatInstant(p.at, timeZone))}: pain ${p.value}</title></circle>`,
    );
  }
  const midY = (plot.top + plot.bottom) / 2;
  out.push(
    `<line class="axis" x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#111"/>` +
      `<line class="axis" x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#111"/>` +
      `<text class="axis-label" x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 42}" text-anchor="middle">Date of check-in</text>` +
      `<text class="axis-label" transform="translate(20 ${midY}) rotate(-90)" text-anchor="middle">Pain (0–10)</text>`,
    '</svg>',
  );

  const rows = input.pain
    .filter((p) => Number.isFinite(p.at) && Number.isFinite(p.score))
    .sort((a, b) => a.at - b.at || a.score - b.score);
  if (input.detailRows !== undefined && rows.length > input.detailRows) {
    const summary = input.weeklyTableAbove
      ? `<p class="meta">Each week’s check-ins, mean and highest pain are in the table of the chart above (${rows.length} check-ins).</p>`
      : weeklyPainTable(rows, timeZone);
    return `<figure class="chart-figure" id="chart-pain">${out.join('')}${summary}</figure>`;
  }
  const table =
    `<table class="chart-data"><caption>The data in the chart above</caption><thead><tr>` +
    `<th scope="col">When</th><th scope="col" class="num">Pain</th><th scope="col">Timing</th>` +
    `<th scope="col">Where</th></tr></thead><tbody>` +
    rows
      .map(
        (p) =>
          `<tr><td>${escapeHtml(formatInstant(p.at, timeZone))}</td><td class="num">${escapeHtml(p.score)}</td>` +
          `<td>${escapeHtml(p.timing)}</td><td>${escapeHtml(p.regions.join(', '))}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return `<figure class="chart-figure" id="chart-pain">${out.join('')}${table}</figure>`;
}

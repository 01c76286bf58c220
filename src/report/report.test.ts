/**
 * The clinician report: the HTML (every section, escaping, citations, no external resources), the charts
 * (geometry and markup), and the PDF printed by the real Chromium and read back with poppler. The PDF
 * tests need `/usr/bin/chromium` (or BACKSTRIDE_CHROMIUM) and poppler-utils; CI installs both, and a
 * machine without them skips those tests with one line saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Answers, parseAnswers, type RedFlagAnswers } from '../answers/index.js';
import { NO_ANSWER } from '../answers/red-flag-screen.js';
import { type Assessment, assess } from '../assess/index.js';
import { BackstrideError } from '../errors.js';
import {
  clampPain,
  layoutPainChart,
  layoutWeeklyChart,
  niceScale,
  type PainEntry,
  painOverTimeChart,
  weeklyDistanceChart,
  weeklyRows,
} from './charts.js';
import { escapeHtml, REPORT_SECTIONS, type ReportInput, renderReportHtml } from './index.js';
import { CHROMIUM_MISSING, chromiumPath, renderReportPdf } from './pdf.js';

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────────

const XSS = '<script>alert("x")</script>';
const XSS_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
const DAY = 86_400_000;

/** The whole red-flag screen answered "no", follow-ups included (a time is asked only after a yes). */
const SCREEN_ALL_NO = { ...NO_ANSWER } as RedFlagAnswers;

/** A desk-working runner, 34, with mid-back pain after a build-up in distance: a full self-care plan. */
const RUNNER: Answers = parseAnswers({
  date: '2025-03-17T08:30:00+00:00',
  about: { age: 34, sex: 'female', heightCm: 168, weightKg: 60 },
  pain: {
    regions: ['between-shoulder-blades'],
    spreadsTo: [],
    timing: ['later-that-day', 'next-morning'],
    daysSinceStart: 12,
    now: 3,
    worst: 5,
    qualities: ['ache'],
    worseWith: [],
    easesWithRestOrPosition: true,
    onset: 'gradual',
    trend: 'better',
  },
  running: {
    runsPerWeek: 4,
    weeklyKmNow: 36,
    weeklyKm4WeeksAgo: 24,
    longestRunKm: 16,
    recentChanges: ['distance'],
    restDaysPerWeek: 3,
    crossTraining: false,
    mainSurface: 'road',
    warmUp: 'sometimes',
    stretchAfter: 'sometimes',
  },
  form: { shrugging: true, headForward: true, hunchWhenTired: true, chestBreathing: false },
  daily: { sittingHours: 9, slouching: true, breaks: 'rarely', stress: 5, strengthSessionsPerWeek: 0 },
  gear: { shoeAgeKm: 450, shoeCondition: 'good', sportsBraFit: 'good' },
  selfChecks: { thoracicRotation: 'limited' },
  redFlags: SCREEN_ALL_NO,
});

/** The same runner, but the pain has lasted over three months: a clinician-level result with reasons. */
const CHRONIC: Answers = parseAnswers({
  ...RUNNER,
  pain: { ...RUNNER.pain, daysSinceStart: 120, overThreeMonths: true, trend: 'same' },
});

/** Ten Monday weeks from 6 Jan 2025. */
const WEEK_STARTS = Array.from({ length: 10 }, (_, i) =>
  new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
);

/** Synthetic diary data: distance building up, pain easing, adherence wobbling. */
function diary(): Pick<ReportInput, 'weeklyDistance' | 'pain' | 'adherence' | 'outcomes' | 'loadFlags'> {
  return {
    weeklyDistance: WEEK_STARTS.map((weekStart, i) => ({
      weekStart,
      distanceM: 22_000 + i * 1_600 + (i % 3) * 1_800,
    })),
    pain: Array.from({ length: 24 }, (_, i) => ({
      at: Date.UTC(2025, 0, 7 + 3 * i, 18, 15),
      score: Math.max(1, 6 - Math.floor(i / 5)),
      timing: i % 2 ? 'next-morning' : 'right-after',
      regions: ['between-shoulder-blades'],
    })),
    adherence: WEEK_STARTS.map((weekStart, i) => ({
      weekStart,
      scheduled: 4,
      done: [2, 3, 4, 4][i % 4] ?? 0,
    })),
    outcomes: [
      {
        measure: 'Numeric pain rating (0–10)',
        sentence: 'Pain at its worst fell from 6 to 2: a meaningful improvement (at least 2 points and 30%).',
        baseline: 6,
        current: 2,
        mcid: 2,
      },
      {
        measure: 'PSFS: run 10 km',
        sentence: 'Running 10 km rose from 4 to 5: not yet a meaningful change.',
        baseline: 4,
        current: 5,
        mcid: 2,
      },
    ],
    loadFlags: [
      {
        date: '2025-02-10',
        message: 'This week was 31% longer than two weeks before.',
        source: 'Nielsen RO et al. 2014, J Orthop Sports Phys Ther 44(10):739–747.',
      },
    ],
  };
}

function reportInput(assessment: Assessment | undefined, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    generatedAt: new Date('2025-03-17T10:00:00Z'),
    runner: { age: 34, sex: 'female' },
    assessment,
    previousLevel: 'clinician',
    units: 'km',
    timeZone: 'Europe/London',
    ...diary(),
    ...extra,
  };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

// ── HTML ───────────────────────────────────────────────────────────────────────────────────────

describe('escapeHtml', () => {
  it('neutralises a script injection', () => {
    expect(escapeHtml(XSS)).toBe(XSS_ESCAPED);
  });

  it('escapes ampersands first and both quote kinds', () => {
    expect(escapeHtml(`a & b <i> "q" 'p'`)).toBe('a &amp; b &lt;i&gt; &quot;q&quot; &#39;p&#39;');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('renderReportHtml', () => {
  const selfCare = assess(RUNNER);
  const clinician = assess(CHRONIC);

  it('has every section, the header and the not-a-diagnosis line', () => {
    const html = renderReportHtml(reportInput(selfCare));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const id of REPORT_SECTIONS) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain('<h1>Backstride clinician report</h1>');
    expect(html).toContain('Prepared by the runner; not a diagnosis');
    expect(html).toContain('Generated 17 Mar 2025, 10:00 (Europe/London)');
    expect(html).toContain('Age 34, female');
  });

  it('shows the level, headline, reasons and the change from the previous level', () => {
    expect(clinician.triage.level).toBe('clinician');
    expect(clinician.triage.reasons.length).toBeGreaterThan(0);
    const html = renderReportHtml(reportInput(clinician, { previousLevel: 'self-care' }));
    expect(html).toContain('level-clinician');
    expect(html).toContain(escapeHtml(clinician.triage.headline));
    for (const r of clinician.triage.reasons) {
      expect(html).toContain(escapeHtml(r.name));
      expect(html).toContain(escapeHtml(r.reason));
    }
    expect(html).toContain('<strong>more urgent</strong>');
    const easier = renderReportHtml(reportInput(selfCare, { previousLevel: 'clinician' }));
    expect(easier).toContain('<strong>less urgent</strong>');
    expect(renderReportHtml(reportInput(selfCare, { previousLevel: 'self-care' }))).toContain('Unchanged');
    expect(renderReportHtml(reportInput(selfCare, { previousLevel: undefined }))).toContain(
      'No previous assessment',
    );
  });

  it('lists the red-flag screen status and the questions left unanswered', () => {
    const total = selfCare.triage.redFlagScreen.total;
    expect(total).toBeGreaterThan(20);
    expect(renderReportHtml(reportInput(selfCare))).toContain(
      `all ${total} red-flag questions were answered`,
    );
    const partial = assess(parseAnswers({ ...RUNNER, redFlags: { chestPain: false, fever: false } }));
    const html = renderReportHtml(reportInput(partial));
    expect(html).toContain(`Incomplete:</strong> 2 of ${partial.triage.redFlagScreen.total}`);
    for (const u of partial.triage.redFlagScreen.unanswered) expect(html).toContain(escapeHtml(u.text));
  });

  it('ranks the factors with their evidence and shows every plan item with its dose', () => {
    const html = renderReportHtml(reportInput(selfCare));
    expect(selfCare.factors.length).toBeGreaterThan(2);
    let last = -1;
    for (const f of selfCare.factors) {
      const at = html.indexOf(`<strong>${escapeHtml(f.name)}</strong>`);
      expect(at, f.name).toBeGreaterThan(last);
      last = at;
      for (const e of f.evidence) expect(html).toContain(escapeHtml(e));
    }
    const items = selfCare.plan.sections.flatMap((s) => s.items);
    expect(items.some((i) => i.dose)).toBe(true);
    // By default one line per section, every item named with its dose; the cards are optional.
    for (const i of items) {
      expect(html).toContain(escapeHtml(i.title));
      if (i.dose) expect(html).toContain(`<span class="dose">${escapeHtml(i.dose)}</span>`);
    }
    expect(html).not.toContain('class="plan-item"');
    const cards = renderReportHtml(reportInput(selfCare, { exerciseCards: true }));
    for (const i of items) {
      expect(cards).toContain(`<strong>${escapeHtml(i.title)}</strong>`);
      if (i.dose) expect(cards).toContain(`<span class="dose">${escapeHtml(i.dose)}</span>`);
      expect(cards).toContain(escapeHtml(i.detail));
    }
  });

  it('numbers the sources and cites them by number', () => {
    const html = renderReportHtml(reportInput(selfCare));
    const n = selfCare.sources.length;
    expect(n).toBeGreaterThan(3);
    for (let i = 1; i <= n; i++) expect(html).toContain(`<li id="source-${i}">`);
    expect(html).not.toContain(`<li id="source-${n + 1}">`);
    for (const s of selfCare.sources) {
      expect(html).toContain(escapeHtml(s.title));
      expect(html).toContain(escapeHtml(s.publisher));
      if (s.url) expect(html).toContain(`<a href="${escapeHtml(new URL(s.url).href)}">`);
    }
    expect(html).toMatch(/<span class="cite">\[<a href="#source-\d+">\d+<\/a>/);
  });

  it('shows adherence, outcome measures with their MCIDs and the load flags', () => {
    const html = renderReportHtml(reportInput(selfCare));
    expect(html).toContain('<th scope="row">All weeks</th><td class="num">40</td><td class="num">31</td>');
    expect(html).toContain('Pain at its worst fell from 6 to 2');
    expect(html).toMatch(
      /PSFS: run 10 km<\/th><td class="num">4<\/td><td class="num">5<\/td><td class="num">\+1<\/td><td class="num">2<\/td><td>No<\/td>/,
    );
    expect(html).toContain('This week was 31% longer than two weeks before.');
    expect(html).toContain('id="chart-weekly"');
    expect(html).toContain('id="chart-pain"');
  });

  it('escapes every user-provided string', () => {
    const d = diary();
    const html = renderReportHtml(
      reportInput(selfCare, {
        runner: { age: 34, sex: XSS },
        previousLevel: XSS,
        pain: d.pain.map((p, i) => (i === 0 ? { ...p, timing: XSS, regions: [XSS] } : p)),
        outcomes: [{ measure: XSS, sentence: XSS, baseline: 1, current: 2, mcid: 2 }],
        loadFlags: [{ date: XSS, message: XSS, source: XSS }],
        adherence: [{ weekStart: XSS, scheduled: 1, done: 1 }],
        weeklyDistance: [...d.weeklyDistance, { weekStart: XSS, distanceM: 1000 }],
      }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(XSS_ESCAPED);
    expect(count(html, XSS_ESCAPED)).toBeGreaterThanOrEqual(10);
  });

  it('links only http(s) source URLs', () => {
    const evil: Assessment = {
      ...selfCare,
      sources: [{ id: 'evil', kind: 'article', title: 'Evil', publisher: 'X', url: 'javascript:alert(1)' }],
    };
    const html = renderReportHtml(reportInput(evil));
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<li id="source-1">');
  });

  it('fetches nothing and runs no script', () => {
    const html = renderReportHtml(reportInput(selfCare));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=/i);
    // Every link is either internal or a source reference in the numbered list.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
    const external = hrefs.filter((h) => !h.startsWith('#'));
    expect(external.length).toBe(selfCare.sources.filter((s) => s.url).length);
    for (const h of external) expect(h).toMatch(/^https?:\/\//);
  });

  it('shows the latest form check from video: measures, findings with their thresholds, and a key frame inline', () => {
    // A 1×1 PNG: the key frame travels inside the report, so it still fetches nothing.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const html = renderReportHtml(
      reportInput(selfCare, {
        formCheck: {
          at: Date.parse('2025-03-10T08:00:00Z'),
          view: 'side',
          cadenceSpm: 168.4,
          measures: [{ label: 'Trunk lean from vertical', value: 11.2, unit: 'degrees' }],
          findings: [{ summary: `Your shoulders sit high. ${XSS}`, source: 'Backstride heuristic' }],
          keyFrame: { mime: 'image/png', data: png },
        },
      }),
    );
    const form = html.slice(html.indexOf('<section id="form"'), html.indexOf('<section id="plan"'));
    expect(form).toContain('side view; cadence 168 steps a minute');
    expect(form).toContain('<td>Trunk lean from vertical</td><td class="num">11.2 degrees</td>');
    expect(form).toContain('Threshold: Backstride heuristic');
    expect(form).toContain(XSS_ESCAPED);
    expect(form).toContain(`src="data:image/png;base64,${png}"`);
    expect([...html.matchAll(/\bsrc="([^"]*)"/g)].every((m) => m[1]?.startsWith('data:image/'))).toBe(true);
    expect(renderReportHtml(reportInput(selfCare))).toContain('No running-form check from video saved.');
  });

  it('says there is no assessment yet, and still has every section', () => {
    const html = renderReportHtml(reportInput(undefined, { previousLevel: undefined }));
    expect(html).toContain('No assessment yet.');
    for (const id of REPORT_SECTIONS) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain('Backstride is not a diagnosis');
  });

  it('is deterministic', () => {
    expect(renderReportHtml(reportInput(selfCare))).toBe(renderReportHtml(reportInput(selfCare)));
  });

  it('prints black on white and supports dark screens', () => {
    const html = renderReportHtml(reportInput(selfCare));
    expect(html).toContain('@media screen and (prefers-color-scheme:dark)');
    expect(html).toMatch(/@media print\{:root\{--bg:#fff;--fg:#000/);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('.page-break{break-before:page}');
  });

  it('rejects an unknown time zone and an invalid date', () => {
    expect(() => renderReportHtml(reportInput(selfCare, { timeZone: 'Mars/Olympus' }))).toThrow(
      BackstrideError,
    );
    expect(() => renderReportHtml(reportInput(selfCare, { generatedAt: new Date('nope') }))).toThrow(
      /generatedAt/,
    );
  });
});

// ── Charts ─────────────────────────────────────────────────────────────────────────────────────

const pain = (at: number, score: number): PainEntry => ({
  at,
  score,
  timing: 'right-after',
  regions: ['lower-back'],
});

describe('niceScale', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceScale(23.4)).toEqual({ max: 25, step: 5 });
    expect(niceScale(97)).toEqual({ max: 100, step: 20 });
    expect(niceScale(40)).toEqual({ max: 40, step: 10 });
    expect(niceScale(0.3)).toEqual({ max: 0.3, step: 0.1 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.2 });
  });
});

describe('weekly distance chart', () => {
  const weeks = WEEK_STARTS.slice(0, 4).map((weekStart, i) => ({
    weekStart,
    distanceM: [12_000, 23_400, 8_000, 0][i] ?? 0,
  }));

  it('draws one bar per week', () => {
    const svg = weeklyDistanceChart({ weeks, pain: [], units: 'km', timeZone: 'UTC' });
    expect(count(svg, 'class="bar"')).toBe(weeks.length);
    const many = WEEK_STARTS.map((weekStart) => ({ weekStart, distanceM: 5_000 }));
    expect(
      count(weeklyDistanceChart({ weeks: many, pain: [], units: 'km', timeZone: 'UTC' }), 'class="bar"'),
    ).toBe(10);
  });

  it('scales the y axis to a round maximum above the longest week', () => {
    const L = layoutWeeklyChart(weeklyRows(weeks, [], 'km', 'UTC'));
    expect(L.yMax).toBe(25);
    expect(L.yStep).toBe(5);
    const plotH = L.plot.bottom - L.plot.top;
    const [a, b, c, d] = L.bars;
    expect(b?.height).toBeCloseTo((23.4 / 25) * plotH, 0);
    expect(a?.height).toBeCloseTo((12 / 25) * plotH, 0);
    expect(c?.height).toBeCloseTo((8 / 25) * plotH, 0);
    expect(d?.height).toBe(0);
    for (const bar of L.bars) {
      expect(bar.y + bar.height).toBeCloseTo(L.plot.bottom, 0);
      expect(bar.y).toBeGreaterThanOrEqual(L.plot.top);
    }
    // Miles: 23.4 km is 14.5 mi, so the axis tops out at 15.
    const miles = layoutWeeklyChart(weeklyRows(weeks, [], 'mi', 'UTC'));
    expect(miles.yMax).toBe(15);
  });

  it('draws each week’s mean pain within 0–10 on the right axis', () => {
    const wk = (i: number, hours: number) => Date.UTC(2025, 0, 6 + 7 * i) + hours * 3_600_000;
    const entries = [pain(wk(0, 30), -3), pain(wk(1, 20), 4), pain(wk(1, 50), 6), pain(wk(3, 10), 14)];
    const L = layoutWeeklyChart(weeklyRows(weeks, entries, 'km', 'UTC'));
    const plotH = L.plot.bottom - L.plot.top;
    expect(L.pain.map((p) => p.value)).toEqual([0, 5, 10]);
    for (const p of L.pain) {
      expect(p.value).toBeGreaterThanOrEqual(0);
      expect(p.value).toBeLessThanOrEqual(10);
      expect(p.cy).toBeGreaterThanOrEqual(L.plot.top);
      expect(p.cy).toBeLessThanOrEqual(L.plot.bottom);
    }
    expect(L.pain[1]?.cy).toBeCloseTo(L.plot.bottom - plotH / 2, 0);
    // The markup agrees with the layout, and the line breaks over week 3 (no check-ins).
    const svg = weeklyDistanceChart({ weeks, pain: entries, units: 'km', timeZone: 'UTC' });
    const cys = [...svg.matchAll(/class="pain-point" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cys).toEqual(L.pain.map((p) => p.cy));
    const d = /class="pain-line" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(count(d, 'M')).toBe(2);
  });

  it('puts a check-in into the week of its local date', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Berlin: week 0 in UTC, week 1 in Berlin.
    const lateSunday = [pain(Date.UTC(2025, 0, 12, 23, 30), 7)];
    expect(weeklyRows(weeks, lateSunday, 'km', 'UTC').map((r) => r.painCount)).toEqual([1, 0, 0, 0]);
    expect(weeklyRows(weeks, lateSunday, 'km', 'Europe/Berlin').map((r) => r.painCount)).toEqual([
      0, 1, 0, 0,
    ]);
  });

  it('is accessible: a role, a title and description, and a data table beneath', () => {
    const html = weeklyDistanceChart({
      weeks,
      pain: [pain(Date.UTC(2025, 0, 8), 3)],
      units: 'km',
      timeZone: 'UTC',
    });
    expect(html).toContain('role="img" aria-labelledby="chart-weekly-title chart-weekly-desc"');
    expect(html).toContain('<title id="chart-weekly-title">Weekly distance with pain over it</title>');
    expect(html).toMatch(/<desc id="chart-weekly-desc">Bars show the distance run in each of 4 weeks/);
    expect(html).toContain('Distance (km)');
    expect(html).toContain('Pain (0–10)');
    expect(html.indexOf('<table class="chart-data">')).toBeGreaterThan(html.indexOf('</svg>'));
    expect(count(html, '<tr><td>')).toBe(weeks.length);
  });

  it('is deterministic, whatever the input order', () => {
    const entries = [pain(Date.UTC(2025, 0, 8), 3), pain(Date.UTC(2025, 0, 15), 5)];
    const one = weeklyDistanceChart({ weeks, pain: entries, units: 'km', timeZone: 'UTC' });
    expect(weeklyDistanceChart({ weeks, pain: entries, units: 'km', timeZone: 'UTC' })).toBe(one);
    expect(
      weeklyDistanceChart({
        weeks: [...weeks].reverse(),
        pain: [...entries].reverse(),
        units: 'km',
        timeZone: 'UTC',
      }),
    ).toBe(one);
  });

  it('says so when there are no weeks', () => {
    expect(weeklyDistanceChart({ weeks: [], pain: [], units: 'km', timeZone: 'UTC' })).toContain(
      'No weekly distance recorded',
    );
  });
});

describe('pain over time chart', () => {
  const entries = [0, 2, 5, 9].map((d, i) => pain(Date.UTC(2025, 1, 1) + d * DAY, [7, 5, 12, 2][i] ?? 0));

  it('draws every check-in within 0–10, in time order', () => {
    const L = layoutPainChart(entries, 'UTC');
    expect(L.points.map((p) => p.value)).toEqual([7, 5, 10, 2]);
    expect(L.points[0]?.cx).toBe(L.plot.left);
    expect(L.points[3]?.cx).toBe(L.plot.right);
    for (const p of L.points) {
      expect(p.cy).toBeGreaterThanOrEqual(L.plot.top);
      expect(p.cy).toBeLessThanOrEqual(L.plot.bottom);
    }
    expect(clampPain(-1)).toBe(0);
  });

  it('has axis labels, a title, a description and a data table, and is deterministic', () => {
    const html = painOverTimeChart({ pain: entries, timeZone: 'UTC' });
    expect(html).toContain('role="img"');
    expect(html).toContain('<title id="chart-pain-title">Pain over time</title>');
    expect(html).toContain('<desc id="chart-pain-desc">4 pain check-ins');
    expect(html).toContain('Date of check-in');
    expect(html).toContain('1 Feb');
    expect(count(html, 'class="pain-point"')).toBe(4);
    expect(count(html, '<tr><td>')).toBe(4);
    expect(painOverTimeChart({ pain: [...entries].reverse(), timeZone: 'UTC' })).toBe(html);
  });

  it('handles a single check-in and none', () => {
    const one = layoutPainChart([pain(Date.UTC(2025, 1, 1), 4)], 'UTC');
    expect(one.points[0]?.cx).toBe((one.plot.left + one.plot.right) / 2);
    expect(painOverTimeChart({ pain: [], timeZone: 'UTC' })).toContain('No pain check-ins recorded');
  });

  it('over a period, a pain series that ends today puts no tick past today', () => {
    // Today is Saturday 28 November 2026; check-ins weekly up to this morning, in a zone ahead of UTC.
    const today = Date.UTC(2026, 10, 28, 8);
    const series = [21, 14, 7, 0].map((d, i) => pain(today - d * DAY, [6, 5, 4, 3][i] ?? 0));
    const span = { from: '2026-09-07', to: '2026-11-28' };
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland']) {
      const L = layoutPainChart(series, tz, span);
      expect(L.xTicks[0]?.label, tz).toBe('7 Sep');
      expect(L.xTicks.at(-1)?.label, tz).toBe('28 Nov');
      // The last check-in sits at the right end or before it; nothing is drawn past the plot.
      for (const p of L.points) expect(p.cx).toBeLessThanOrEqual(L.plot.right);
    }
    expect(painOverTimeChart({ pain: [], timeZone: 'UTC', span })).toContain(
      'No pain check-ins in this period',
    );
  });

  it('sums a long series up by week, or points to the weekly table above', () => {
    const many = Array.from({ length: 30 }, (_, i) => pain(Date.UTC(2025, 0, 6) + i * DAY, i % 10));
    const weekly = painOverTimeChart({ pain: many, timeZone: 'UTC', detailRows: 20 });
    expect(weekly).toContain('by week (30 check-ins)');
    expect(count(weekly, '<tr><td>')).toBe(5);
    const above = painOverTimeChart({ pain: many, timeZone: 'UTC', detailRows: 20, weeklyTableAbove: true });
    expect(above).not.toContain('<table');
    expect(above).toContain('in the table of the chart above (30 check-ins)');
  });
});

// ── PDF ────────────────────────────────────────────────────────────────────────────────────────

describe('renderReportPdf without Chromium', () => {
  it('throws a one-line bad-input error that points to the HTML report', async () => {
    const error = await renderReportPdf('<p>x</p>', { chromiumPath: '/nonexistent/chromium' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BackstrideError);
    expect(error.code).toBe('bad-input');
    expect(error.message).toBe(CHROMIUM_MISSING);
    expect(error.message).not.toContain('\n');
  });
});

const browser = chromiumPath();
const hasPoppler = ['pdftotext', 'pdfinfo', 'pdftoppm'].every((tool) => !spawnSync(tool, ['-v']).error);

if (existsSync(browser) && hasPoppler) {
  describe('renderReportPdf with Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstride-report-'));
    // BACKSTRIDE_KEEP_REPORT=1 keeps the PDF and the page image for a person to look at.
    afterAll(() => {
      if (process.env.BACKSTRIDE_KEEP_REPORT) console.info(`report kept in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    });

    it('prints a realistic report that reads back with its key texts', { timeout: 90_000 }, async () => {
      const assessment = assess(RUNNER);
      expect(assessment.triage.redFlagScreen.complete).toBe(true);
      const pdf = await renderReportPdf(renderReportHtml(reportInput(assessment)));
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);

      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Backstride clinician report');
      expect(text).toContain('Prepared by the runner; not a diagnosis');
      expect(text).toContain(assessment.triage.headline);
      expect(text).toContain(assessment.factors[0]?.name ?? '(no factor)');
      expect(text).toContain('Sources');
      expect(text).toContain('Weekly distance with pain over it');

      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/);

      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      const png = ['page-01.png', 'page-1.png'].map((f) => join(dir, f)).find((f) => existsSync(f));
      expect(png).toBeDefined();
      expect(statSync(png ?? '').size).toBeGreaterThan(1_000);
    });
  });
} else {
  console.info(
    `PDF tests were not run: ${existsSync(browser) ? 'poppler-utils (pdftotext, pdfinfo, pdftoppm) not found' : `no Chromium at ${browser}`}.`,
  );
}

/**
 * The clinician report: what a runner hands to a physical therapist or doctor. One self-contained HTML
 * document (inline CSS and SVG, no scripts, nothing fetched) that reads on screen in light or dark mode
 * and prints black on white on A4; `pdf.ts` turns it into a PDF. Pure: the same input gives the same
 * document, byte for byte, so a report can be regenerated and compared.
 *
 * The order follows how a clinician reads a referral: who and how urgent first, then why, then what the
 * runner has been doing about it and how it is going, then the evidence behind every statement.
 */
import { type Assessment, disclaimer as defaultDisclaimer } from '../assess/index.js';
import { BackstrideError } from '../errors.js';
import type { Level, Source } from '../knowledge/index.js';
import type { PlanItem } from '../plan/index.js';
import type { Schedule } from '../schedule/index.js';
import { levelOrder } from '../triage/index.js';
import { type PainEntry, painOverTimeChart, type WeekDistance, weeklyDistanceChart } from './charts.js';
import { checkTimeZone, escapeHtml, formatDay, formatInstant, localParts, safeHref } from './format.js';

export { escapeHtml } from './format.js';

/** Everything the report shows. Strings from the runner (regions, timings, notes) are escaped on output. */
export type ReportInput = {
  generatedAt: Date;
  runner?: { age?: number; sex?: string };
  /** The latest assessment; absent → the report says there is no assessment yet. */
  assessment?: Assessment;
  /** The triage level at the previous assessment, to show the change. */
  previousLevel?: string;
  /** Distance per week; `weekStart` is the local `YYYY-MM-DD` the week begins on. */
  weeklyDistance: WeekDistance[];
  /** Pain check-ins: `at` in epoch ms, `score` 0–10. */
  pain: PainEntry[];
  /** Outcome measures with a sentence for people and the minimal clinically important difference. */
  outcomes: { measure: string; sentence: string; baseline?: number; current?: number; mcid: number }[];
  /** Exercise sessions scheduled and done per week. */
  adherence: { weekStart: string; scheduled: number; done: number }[];
  /** Training-load flags; `source` is the citation text behind the threshold. */
  loadFlags: { date: string; message: string; source: string }[];
  /** This week of the plan as kept, as the plan page, `plan` and the calendar file show it. */
  week?: Schedule;
  /** The runner's changes to the plan (swaps, drops), in sentences. */
  planChanges?: string[];
  units: 'km' | 'mi';
  /**
   * IANA time zone for dates and for putting check-ins into weeks (default `UTC`). Explicit rather than
   * the machine's zone so the same input renders the same report on any machine.
   */
  timeZone?: string;
};

/** The report's sections, in order; each is an element with this id. */
export const REPORT_SECTIONS = [
  'summary',
  'triage',
  'red-flags',
  'factors',
  'plan',
  'adherence',
  'charts',
  'outcomes',
  'load-flags',
  'sources',
  'disclaimer',
] as const;

const levelNames: Record<Level, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  clinician: 'See a clinician',
  'self-care': 'Self-care',
};

const NO_ASSESSMENT = '<p class="empty">No assessment yet.</p>';

/** Numbers sources in the order the assessment lists them and turns source ids into citation links. */
class Citations {
  private readonly numbers: Map<string, number>;
  constructor(readonly sources: readonly Source[]) {
    this.numbers = new Map(sources.map((s, i) => [s.id, i + 1]));
  }

  /** `[1, 4]` as links to the numbered list; an id the list lacks is shown as itself, never dropped. */
  cite(ids: readonly string[]): string {
    const known = [...new Set(ids.flatMap((id) => this.numbers.get(id) ?? []))].sort((a, b) => a - b);
    const unknown = [...new Set(ids.filter((id) => !this.numbers.has(id)))];
    const parts = [
      ...known.map((n) => `<a href="#source-${n}">${n}</a>`),
      ...unknown.map((id) => escapeHtml(id)),
    ];
    return parts.length ? ` <span class="cite">[${parts.join(', ')}]</span>` : '';
  }
}

function section(
  id: (typeof REPORT_SECTIONS)[number],
  title: string,
  body: string,
  pageBreak = false,
): string {
  return (
    `<section id="${id}" class="report-section${pageBreak ? ' page-break' : ''}" aria-labelledby="${id}-h">` +
    `<h2 id="${id}-h">${escapeHtml(title)}</h2>${body}</section>`
  );
}

const isLevel = (s: string): s is Level => (levelOrder as readonly string[]).includes(s);

/** The change from the previous level in words; "more/less urgent" because a colour alone would not print. */
function levelChange(current: Level, previous: string | undefined): string {
  if (previous === undefined) return 'No previous assessment to compare with.';
  if (previous === current)
    return `Unchanged since the previous assessment (${escapeHtml(levelNames[current])}).`;
  if (!isLevel(previous))
    return `Previously “${escapeHtml(previous)}”; now ${escapeHtml(levelNames[current])}.`;
  const direction =
    levelOrder.indexOf(current) < levelOrder.indexOf(previous) ? 'more urgent' : 'less urgent';
  return (
    `Was ${escapeHtml(levelNames[previous])}; now ${escapeHtml(levelNames[current])} ` +
    `(<strong>${direction}</strong> than at the previous assessment).`
  );
}

function levelBadge(level: Level): string {
  return `<span class="level level-${level}">${escapeHtml(levelNames[level])}</span>`;
}

function summary(input: ReportInput, tz: string): string {
  const rows: [string, string][] = [];
  const { runner, assessment: a } = input;
  const who = [
    runner?.age !== undefined ? `Age ${escapeHtml(runner.age)}` : '',
    runner?.sex ? escapeHtml(runner.sex) : '',
  ].filter(Boolean);
  if (who.length) rows.push(['Runner', who.join(', ')]);
  if (a) {
    const at = Date.parse(a.assessedAt);
    rows.push([
      'Assessed',
      Number.isFinite(at) ? escapeHtml(formatInstant(at, tz)) : escapeHtml(a.assessedAt),
    ]);
    rows.push([
      'Triage level',
      `${levelBadge(a.triage.level)} <strong>${escapeHtml(a.triage.headline)}</strong>` +
        `<br>${escapeHtml(a.triage.action)}`,
    ]);
    rows.push(['Change', levelChange(a.triage.level, input.previousLevel)]);
    const top = a.factors.slice(0, 3).map((f) => escapeHtml(f.name));
    if (top.length) rows.push(['Leading factors', top.join('; ')]);
  } else {
    rows.push(['Assessment', 'No assessment yet.']);
    if (input.previousLevel !== undefined) rows.push(['Previous level', escapeHtml(input.previousLevel)]);
  }
  const latest = [...input.pain].filter((p) => Number.isFinite(p.at)).sort((x, y) => y.at - x.at)[0];
  if (latest) {
    rows.push([
      'Latest pain',
      `${escapeHtml(latest.score)}/10, ${escapeHtml(formatInstant(latest.at, tz))} (${escapeHtml(latest.timing)})`,
    ]);
  }
  const weeks = input.weeklyDistance.map((w) => w.weekStart).sort();
  const firstWeek = weeks[0];
  const lastWeek = weeks[weeks.length - 1];
  if (firstWeek && lastWeek) {
    rows.push([
      'Running data',
      `${weeks.length} week${weeks.length === 1 ? '' : 's'}, ${escapeHtml(formatDay(firstWeek))} to ` +
        `${escapeHtml(formatDay(lastWeek))}`,
    ]);
  }
  const dl = rows.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${v}</dd></div>`).join('');
  return section('summary', 'Summary', `<dl class="summary">${dl}</dl>`);
}

function triageReasons(a: Assessment | undefined, c: Citations): string {
  if (!a) return section('triage', 'Triage reasons', NO_ASSESSMENT);
  const reasons = a.triage.reasons;
  const body = reasons.length
    ? `<ol class="reasons">${reasons
        .map(
          (r) =>
            `<li><p>${levelBadge(r.level)} <strong>${escapeHtml(r.name)}</strong>${c.cite(r.sources)}</p>` +
            `<p>${escapeHtml(r.reason)}</p><p class="meta">Advised: ${escapeHtml(r.action)}</p></li>`,
        )
        .join('')}</ol>`
    : '<p>No red flag or care threshold fired, so the level is self-care.</p>';
  return section('triage', 'Triage reasons', body);
}

function redFlagScreen(a: Assessment | undefined): string {
  if (!a) return section('red-flags', 'Red-flag screen', NO_ASSESSMENT);
  const s = a.triage.redFlagScreen;
  const out = [
    s.complete
      ? `<p><strong>Complete:</strong> all ${s.total} red-flag questions were answered.</p>`
      : `<p><strong>Incomplete:</strong> ${s.answered} of ${s.total} red-flag questions were answered.</p>`,
  ];
  if (s.note) out.push(`<p class="note">${escapeHtml(s.note)}</p>`);
  if (s.unanswered.length) {
    out.push(
      '<h3>Not answered (not assumed to be “no”)</h3><ul>' +
        s.unanswered.map((u) => `<li>${escapeHtml(u.text)}</li>`).join('') +
        '</ul>',
    );
  }
  if (a.unanswered.length) {
    out.push(
      '<h3>Other questions not answered that would change the result</h3><ul>' +
        a.unanswered
          .map((u) => `<li><code>${escapeHtml(u.field)}</code>: ${escapeHtml(u.why)}</li>`)
          .join('') +
        '</ul>',
    );
  }
  return section('red-flags', 'Red-flag screen', out.join(''));
}

function factors(a: Assessment | undefined, c: Citations): string {
  const title = 'Likely contributing factors, ranked';
  if (!a) return section('factors', title, NO_ASSESSMENT, true);
  if (!a.factors.length) return section('factors', title, '<p>No contributing factor was raised.</p>', true);
  const items = a.factors
    .map(
      (f) =>
        `<li><p><strong>${escapeHtml(f.name)}</strong> <span class="score">score ${f.score.toFixed(2)}</span>` +
        ` <span class="meta">${escapeHtml(f.category)}</span>` +
        `${f.needsClinician ? ' <span class="flag">needs a clinician’s assessment</span>' : ''}${c.cite(f.sources)}</p>` +
        `<p>${escapeHtml(f.summary)}</p>` +
        `<ul class="evidence">${f.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></li>`,
    )
    .join('');
  const note =
    '<p class="meta">Scores run from 0 to 1 and combine the answers that point to each factor; they rank ' +
    'factors for discussion and are not probabilities of a diagnosis.</p>';
  return section('factors', title, `${note}<ol class="factors">${items}</ol>`, true);
}

function planItem(item: PlanItem, names: Map<string, string>, c: Citations): string {
  const addresses = item.addresses.map((id) => escapeHtml(names.get(id) ?? id));
  const meta = addresses.length ? `<p class="meta">For: ${addresses.join('; ')}</p>` : '';
  const cautions = item.cautions?.length
    ? `<ul class="cautions">${item.cautions.map((x) => `<li>Caution: ${escapeHtml(x)}</li>`).join('')}</ul>`
    : '';
  return (
    `<li class="plan-item"><p><strong>${escapeHtml(item.title)}</strong>` +
    `${item.dose ? ` <span class="dose">${escapeHtml(item.dose)}</span>` : ''}${c.cite(item.sources)}</p>` +
    `<p>${escapeHtml(item.detail)}</p>${meta}${cautions}</li>`
  );
}

const DAY_NAMES = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
} as const;
const SLOT_NAMES = {
  'before-run': 'Before the run',
  'after-run': 'After the run',
  strength: 'Strength',
  mobility: 'Mobility',
} as const;

/** The week as kept: each day's focus, and its exercises with this week's doses. */
function schedule(week: Schedule): string {
  const focus = (d: Schedule['days'][number]) =>
    d.longRun
      ? 'Long run'
      : d.run
        ? 'Run'
        : { strength: 'Strength', mobility: 'Mobility', rest: 'Rest', run: 'Run' }[d.focus];
  const rows = week.days
    .map((d) => {
      const groups = d.groups.map(
        (g) =>
          `${SLOT_NAMES[g.slot]}: ${g.items.map((i) => escapeHtml(`${i.name}${i.doseText ? ` ${i.doseText}` : ''}`)).join('; ')}`,
      );
      return (
        `<tr><th scope="row">${DAY_NAMES[d.day]}</th><td>${focus(d)}</td>` +
        `<td>${groups.join('<br>') || 'Rest'}</td></tr>`
      );
    })
    .join('');
  return (
    '<h3>The week</h3><table class="schedule"><thead><tr><th scope="col">Day</th><th scope="col">Focus</th>' +
    `<th scope="col">Exercises and this week's doses</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function plan(
  a: Assessment | undefined,
  c: Citations,
  kept: Pick<ReportInput, 'week' | 'planChanges'> = {},
): string {
  if (!a) return section('plan', 'The plan', NO_ASSESSMENT, true);
  const names = new Map(a.factors.map((f) => [f.id, f.name]));
  const body = a.plan.sections
    .filter((s) => s.items.length)
    .map(
      (s) =>
        `<h3>${escapeHtml(s.title)}</h3><ul class="plan">${s.items.map((i) => planItem(i, names, c)).join('')}</ul>`,
    )
    .join('');
  const changes = kept.planChanges?.length
    ? `<h3>Changes the runner made</h3><ul class="plan-changes">${kept.planChanges.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`
    : '';
  const week = kept.week ? schedule(kept.week) : '';
  return section('plan', 'The plan', `${body || '<p>The plan is empty.</p>'}${changes}${week}`, true);
}

function adherence(input: ReportInput): string {
  const weeks = [...input.adherence].sort((x, y) => x.weekStart.localeCompare(y.weekStart));
  if (!weeks.length)
    return section(
      'adherence',
      'Exercise adherence',
      '<p class="empty">No exercise sessions recorded.</p>',
      true,
    );
  const pct = (done: number, scheduled: number) =>
    scheduled > 0 && Number.isFinite(done) ? `${Math.round((done / scheduled) * 100)}%` : '–';
  const rows = weeks
    .map(
      (w) =>
        `<tr><td>${escapeHtml(formatDay(w.weekStart))}</td><td class="num">${escapeHtml(w.scheduled)}</td>` +
        `<td class="num">${escapeHtml(w.done)}</td><td class="num">${pct(w.done, w.scheduled)}</td></tr>`,
    )
    .join('');
  const scheduled = weeks.reduce((s, w) => s + (Number.isFinite(w.scheduled) ? w.scheduled : 0), 0);
  const done = weeks.reduce((s, w) => s + (Number.isFinite(w.done) ? w.done : 0), 0);
  const table =
    '<table><thead><tr><th scope="col">Week starting</th><th scope="col" class="num">Sessions scheduled</th>' +
    '<th scope="col" class="num">Sessions done</th><th scope="col" class="num">Adherence</th></tr></thead>' +
    `<tbody>${rows}</tbody><tfoot><tr><th scope="row">All weeks</th><td class="num">${scheduled}</td>` +
    `<td class="num">${done}</td><td class="num">${pct(done, scheduled)}</td></tr></tfoot></table>`;
  return section('adherence', 'Exercise adherence', table, true);
}

function charts(input: ReportInput, tz: string): string {
  return section(
    'charts',
    'Running and pain',
    weeklyDistanceChart({ weeks: input.weeklyDistance, pain: input.pain, units: input.units, timeZone: tz }) +
      painOverTimeChart({ pain: input.pain, timeZone: tz }),
  );
}

function outcomes(input: ReportInput): string {
  if (!input.outcomes.length) {
    return section('outcomes', 'Outcome measures', '<p class="empty">No outcome measures recorded.</p>');
  }
  const n = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : escapeHtml(v));
  const rows = input.outcomes
    .map((o) => {
      const change =
        o.baseline !== undefined && o.current !== undefined && Number.isFinite(o.current - o.baseline)
          ? o.current - o.baseline
          : undefined;
      const signed = change === undefined ? '–' : `${change > 0 ? '+' : ''}${Number(change.toFixed(2))}`;
      // Direction is measure-specific (pain should fall, function should rise), so only the size is judged.
      const reaches = change === undefined ? '–' : Math.abs(change) >= o.mcid ? 'Yes' : 'No';
      return (
        `<tr><th scope="row">${escapeHtml(o.measure)}</th><td class="num">${n(o.baseline)}</td>` +
        `<td class="num">${n(o.current)}</td><td class="num">${signed}</td><td class="num">${n(o.mcid)}</td>` +
        `<td>${reaches}</td></tr>`
      );
    })
    .join('');
  const table =
    '<table><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Baseline</th>' +
    '<th scope="col" class="num">Current</th><th scope="col" class="num">Change</th>' +
    '<th scope="col" class="num">MCID</th><th scope="col">Change ≥ MCID</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`;
  const sentences = `<ul class="outcome-sentences">${input.outcomes
    .map((o) => `<li><strong>${escapeHtml(o.measure)}:</strong> ${escapeHtml(o.sentence)}</li>`)
    .join('')}</ul>`;
  const note =
    '<p class="meta">MCID: minimal clinically important difference, the smallest change that matters to ' +
    'patients.</p>';
  return section('outcomes', 'Outcome measures', table + sentences + note);
}

function loadFlags(input: ReportInput): string {
  if (!input.loadFlags.length) {
    return section('load-flags', 'Training-load flags', '<p class="empty">No training-load flags.</p>');
  }
  const rows = [...input.loadFlags]
    .sort((x, y) => x.date.localeCompare(y.date))
    .map(
      (f) =>
        `<tr><td>${escapeHtml(formatDay(f.date))}</td><td>${escapeHtml(f.message)}</td>` +
        `<td class="small">${escapeHtml(f.source)}</td></tr>`,
    )
    .join('');
  return section(
    'load-flags',
    'Training-load flags',
    '<table class="flags"><thead><tr><th scope="col">Date</th><th scope="col">Flag</th>' +
      `<th scope="col">Basis</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

const SOURCE_KIND_WORDS: Record<string, string> = {
  article: 'article',
  guideline: 'clinical guideline',
  review: 'research review',
  study: 'research study',
  website: 'web page',
};

function sources(a: Assessment | undefined): string {
  if (!a) return section('sources', 'Sources', NO_ASSESSMENT, true);
  if (!a.sources.length) return section('sources', 'Sources', '<p>No sources cited.</p>', true);
  const items = a.sources
    .map((s, i) => {
      const href = safeHref(s.url);
      const parts = [
        `<cite>${escapeHtml(s.title)}</cite>`,
        escapeHtml(s.publisher) + (s.year ? ` (${escapeHtml(s.year)})` : ''),
      ];
      if (href) parts.push(`<a href="${href}">${href}</a>`);
      if (s.note) parts.push(`<span class="meta">${escapeHtml(s.note)}</span>`);
      // What kind of source it is, in words; never an id or a file name (a reader cannot use either).
      return `<li id="source-${i + 1}">${parts.join('. ')}. <span class="meta">[${escapeHtml(SOURCE_KIND_WORDS[s.kind] ?? s.kind)}]</span></li>`;
    })
    .join('');
  return section('sources', 'Sources', `<ol class="sources">${items}</ol>`, true);
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#111;--muted:#3d3d3d;--rule:#777;--grid:#cfcfcf;--bar:#9fb6d9;--bar-edge:#2b4a7a;--pain:#a3191f;--panel:#f2f2f2;--link:#0b4a9a}
@media screen and (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#f2f2f2;--muted:#cfcfcf;--rule:#8a8a8a;--grid:#444;--bar:#4a6894;--bar-edge:#b9cdee;--pain:#ff9a9a;--panel:#1e1e1e;--link:#9cc6ff}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#000;--rule:#000;--grid:#bdbdbd;--bar:#cfcfcf;--bar-edge:#000;--pain:#000;--panel:#fff;--link:#000}}
@page{size:A4;margin:16mm 14mm 18mm 14mm}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg);font:12pt/1.45 'DejaVu Sans','Liberation Sans',Arial,sans-serif}
body{margin:0 auto;max-width:180mm;padding:8mm 4mm}
@media print{html{font-size:11pt}body{padding:0;max-width:none}}
h1{font-size:20pt;margin:0 0 2mm}
h2{font-size:15pt;margin:8mm 0 3mm;padding-bottom:1mm;border-bottom:1.5pt solid var(--rule)}
h3{font-size:12.5pt;margin:5mm 0 2mm}
h2,h3{break-after:avoid}
p{margin:1mm 0 2mm}
a{color:var(--link)}
.report-header{border-bottom:2.5pt solid var(--fg);padding-bottom:3mm}
.report-header p{margin:1mm 0}
.not-diagnosis{font-weight:bold}
.page-break{break-before:page}
.meta,.small{color:var(--muted);font-size:0.9em}
.empty{font-style:italic}
.note{border-left:3pt solid var(--rule);padding-left:3mm}
dl.summary{margin:0}
dl.summary div{display:grid;grid-template-columns:38mm 1fr;gap:3mm;padding:1.5mm 0;border-bottom:0.5pt solid var(--grid);break-inside:avoid}
dt{font-weight:bold}
dd{margin:0}
.level{display:inline-block;border:1.5pt solid var(--fg);padding:0 2mm;font-weight:bold;text-transform:uppercase;font-size:0.9em}
.level-emergency,.level-urgent{border-width:3pt}
.score,.dose,.flag{display:inline-block;border:1pt solid var(--rule);padding:0 1.5mm;font-size:0.9em}
.flag{font-weight:bold}
.cite{font-size:0.85em;white-space:nowrap}
ol,ul{padding-left:7mm;margin:1mm 0 3mm}
li{margin-bottom:1.5mm}
ol.factors>li,ol.reasons>li,ul.plan>li{break-inside:avoid;margin-bottom:3mm}
ul.evidence,ul.cautions{margin:0 0 1mm}
ol.sources>li{break-inside:avoid;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:2mm 0 4mm;font-size:0.92em}
caption{text-align:left;font-weight:bold;padding-bottom:1mm}
th,td{border:0.75pt solid var(--rule);padding:1mm 2mm;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
thead{display:table-header-group}
tr{break-inside:avoid}
/* A week is short; split across pages it stops reading as a week. */
table.schedule{break-inside:avoid}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:bold}
figure{margin:4mm 0 6mm}
svg.chart{display:block;width:100%;height:auto;max-width:170mm;break-inside:avoid;color:var(--fg)}
svg.chart text{fill:var(--fg)}
svg.chart .grid{stroke:var(--grid)}
svg.chart .axis{stroke:var(--fg)}
svg.chart .bar,svg.chart .swatch-bar{fill:var(--bar);stroke:var(--bar-edge)}
svg.chart .pain-line,svg.chart .swatch-line{stroke:var(--pain)}
svg.chart .pain-point,svg.chart .swatch-point{fill:var(--pain);stroke:var(--bg)}
#disclaimer{border:1.5pt solid var(--rule);padding:0 4mm 2mm;margin-top:8mm;break-inside:avoid}
#disclaimer h2{border:0;margin-top:3mm}
`;

/**
 * The clinician report as one self-contained HTML document.
 * @example writeFileSync('report.html', renderReportHtml({ generatedAt: new Date(), ... }))
 * @throws BackstrideError (bad-input) for an invalid `generatedAt` or an unknown `timeZone`.
 */
export function renderReportHtml(input: ReportInput): string {
  const tz = input.timeZone ?? 'UTC';
  checkTimeZone(tz);
  const generated = input.generatedAt.getTime();
  if (!Number.isFinite(generated))
    throw new BackstrideError('bad-input', 'generatedAt is not a valid date', 'generatedAt');
  const a = input.assessment;
  const c = new Citations(a?.sources ?? []);
  const generatedDay = formatDay(localParts(generated, tz).date);
  const header =
    '<header class="report-header"><h1>Backstride clinician report</h1>' +
    `<p>Generated ${escapeHtml(formatInstant(generated, tz))} (${escapeHtml(tz)})</p>` +
    '<p class="not-diagnosis">Prepared by the runner; not a diagnosis.</p></header>';
  const body = [
    header,
    summary(input, tz),
    triageReasons(a, c),
    redFlagScreen(a),
    factors(a, c),
    plan(a, c, input),
    adherence(input),
    charts(input, tz),
    outcomes(input),
    loadFlags(input),
    sources(a),
    section('disclaimer', 'Disclaimer', `<p>${escapeHtml(a?.disclaimer ?? defaultDisclaimer)}</p>`),
  ].join('\n');
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="color-scheme" content="light dark">' +
    `<title>Backstride clinician report – ${escapeHtml(generatedDay)}</title>` +
    `<style>${CSS}</style></head>\n<body><main>\n${body}\n</main></body></html>\n`
  );
}

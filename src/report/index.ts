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
import { buildFigure, renderFigureSvg } from '../figures/index.js';
import { index, type Level, type Source } from '../knowledge/index.js';
import type { PlanItem } from '../plan/index.js';
import type { Schedule } from '../schedule/index.js';
import { DAY_NAMES } from '../schedule/words.js';
import { levelOrder } from '../triage/index.js';
import { type PainEntry, painOverTimeChart, type WeekDistance, weeklyDistanceChart } from './charts.js';
import { checkTimeZone, escapeHtml, formatDay, formatInstant, localParts, safeHref } from './format.js';
import { clinicianSummary, flagRows, howWorkedOut, periodWords } from './summary.js';

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
  /**
   * Training-load flags; `source` is the citation text behind the threshold, and `id` the kind of flag,
   * whose method "How this is worked out" states once.
   */
  loadFlags: { id?: string; date: string; message: string; source: string }[];
  /**
   * The period the charts, pain, adherence and flags cover (local `YYYY-MM-DD` days), with the runs in it
   * and, when it holds none, when the newest run was.
   */
  period?: {
    from: string;
    to: string;
    today: string;
    runs: number;
    distanceM: number;
    newestRun?: string;
    notice?: string;
    offered?: { from: string; to: string };
  };
  /** Every assessment, oldest first, for the first page's triage history. */
  triageHistory?: { at: number; level: string; checkBackAnswer?: string }[];
  /** Red-flag questions answered with anything but "no", in words. */
  redFlagsYes?: string[];
  /** The plan as done in the period: exercise days scheduled and done, sessions, and what was done most. */
  planDone?: {
    scheduled: number;
    done: number;
    sessions: number;
    planStarted?: string;
    items: { name: string; times: number }[];
  };
  /** Every plan item as a full card (instructions, cautions): several pages. Default one line each. */
  exerciseCards?: boolean;
  /** This week of the plan as kept, as the plan page, `plan` and the calendar file show it. */
  week?: Schedule;
  /** The runner's changes to the plan (swaps, drops), in sentences. */
  planChanges?: string[];
  /** The latest usable running-form check from video: its measures, findings and a key frame if kept. */
  formCheck?: {
    at: number;
    view: string | null;
    cadenceSpm: number | null;
    measures: { label: string; value: number; unit: string }[];
    findings: { summary: string; source: string }[];
    keyFrame?: { mime: 'image/jpeg' | 'image/png'; data: string };
  };
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
  'form',
  'plan',
  'adherence',
  'charts',
  'outcomes',
  'load-flags',
  'how',
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

/** The first page: see `summary.ts`. */
function summary(input: ReportInput, tz: string): string {
  const a = input.assessment;
  const current = a
    ? { level: levelBadge(a.triage.level), change: levelChange(a.triage.level, input.previousLevel) }
    : undefined;
  return clinicianSummary(input, tz, current);
}

function triageReasons(a: Assessment | undefined, c: Citations): string {
  if (!a) return section('triage', 'Triage reasons', NO_ASSESSMENT, true);
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
  return section('triage', 'Triage reasons', body, true);
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

/** The latest form check from video: what was measured, what it found, and a key frame with its skeleton. */
function formCheck(input: ReportInput, tz: string): string {
  const title = 'Running form measured from video';
  const f = input.formCheck;
  if (!f) return section('form', title, '<p class="empty">No running-form check from video saved.</p>');
  const num = (x: number) =>
    String(
      Math.abs(x) >= 100
        ? Math.round(x)
        : Math.round(x * (Math.abs(x) >= 1 ? 10 : 100)) / (Math.abs(x) >= 1 ? 10 : 100),
    );
  const views: Record<string, string> = { side: 'side view', back: 'from behind', front: 'from the front' };
  const lead =
    `<p>Clip analysed on ${escapeHtml(formatInstant(f.at, tz))}` +
    `${f.view ? `, ${escapeHtml(views[f.view] ?? f.view)}` : ''}` +
    `${f.cadenceSpm !== null ? `; cadence ${escapeHtml(Math.round(f.cadenceSpm))} steps a minute` : ''}. ` +
    'Measured on the runner’s device from 2-D keypoints; the video itself is not kept.</p>';
  const frame = f.keyFrame
    ? `<figure class="key-frame"><img alt="A frame of the clip with the measured body points and lines drawn over it" src="data:${f.keyFrame.mime};base64,${escapeHtml(f.keyFrame.data)}"><figcaption>A key frame, with the points the measures come from.</figcaption></figure>`
    : '';
  const findings = f.findings.length
    ? `<ul>${f.findings.map((x) => `<li>${escapeHtml(x.summary)} <span class="basis">Threshold: ${escapeHtml(x.source)}</span></li>`).join('')}</ul>`
    : '<p>No form fault passed its threshold.</p>';
  const rows = f.measures
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.label)}</td><td class="num">${escapeHtml(num(m.value))} ${escapeHtml(m.unit)}</td></tr>`,
    )
    .join('');
  const table = rows
    ? `<table><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  return section('form', title, `${lead}${frame}<h3>Findings</h3>${findings}${table}`);
}

function factors(a: Assessment | undefined, c: Citations): string {
  const title = 'Likely contributing factors, ranked';
  if (!a) return section('factors', title, NO_ASSESSMENT);
  if (!a.factors.length) return section('factors', title, '<p>No contributing factor was raised.</p>');
  const items = a.factors
    .map(
      (f) =>
        `<li><p><strong>${escapeHtml(f.name)}</strong> <span class="score">score ${f.score.toFixed(2)}</span>` +
        ` <span class="meta">${escapeHtml(f.category)}</span>` +
        `${f.needsClinician ? ' <span class="flag">needs a clinician’s assessment</span>' : ''}${c.cite(f.sources)}` +
        ` ${escapeHtml(f.summary)}</p>` +
        // The evidence as one paragraph: a clinician reads it as a list of findings, and it keeps the page count down.
        `<p class="evidence">${f.evidence.map((e) => escapeHtml(e)).join(' · ')}</p></li>`,
    )
    .join('');
  const note =
    '<p class="meta">Scores run from 0 to 1 and combine the answers that point to each factor; they rank ' +
    'factors for discussion and are not probabilities of a diagnosis.</p>';
  return section('factors', title, `${note}<ol class="factors">${items}</ol>`);
}

/** An exercise's key poses side by side, from the same renderer as the web app's animated figure. */
function exerciseFigure(item: PlanItem, key: string): string {
  const e = item.type === 'exercise' ? index('exercises').get(item.id) : undefined;
  if (!e) return '';
  const svg = renderFigureSvg(buildFigure(e.figure, e.dose.holdS), {
    title: `${e.name}, key positions`,
    captions: e.positions,
    idPrefix: `figure-${key}`,
    className: 'figure',
  });
  return `<div class="figure-box">${svg}</div>`;
}

function planItem(item: PlanItem, names: Map<string, string>, c: Citations, key = '0'): string {
  const addresses = item.addresses.map((id) => escapeHtml(names.get(id) ?? id));
  const meta = addresses.length ? `<p class="meta">For: ${addresses.join('; ')}</p>` : '';
  const cautions = item.cautions?.length
    ? `<ul class="cautions">${item.cautions.map((x) => `<li>Caution: ${escapeHtml(x)}</li>`).join('')}</ul>`
    : '';
  return (
    `<li class="plan-item"><p><strong>${escapeHtml(item.title)}</strong>` +
    `${item.dose ? ` <span class="dose">${escapeHtml(item.dose)}</span>` : ''}${c.cite(item.sources)}</p>` +
    `<p>${escapeHtml(item.detail)}</p>${exerciseFigure(item, key)}${meta}${cautions}</li>`
  );
}

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

/** A plan item in a list: what and how much (the card has the instructions, the factors and cautions). */
function planEntry(item: PlanItem, c: Citations): string {
  return (
    `${escapeHtml(item.title)}${item.dose ? ` (<span class="dose">${escapeHtml(item.dose)}</span>)` : ''}` +
    c.cite(item.sources)
  );
}

/** The plan: one line per item, or every item's full card when `cards` (several pages). */
function plan(
  a: Assessment | undefined,
  c: Citations,
  cards = false,
  kept: Pick<ReportInput, 'week' | 'planChanges'> = {},
): string {
  if (!a) return section('plan', 'The plan', NO_ASSESSMENT);
  const names = new Map(a.factors.map((f) => [f.id, f.name]));
  const sections = a.plan.sections.filter((s) => s.items.length);
  const body = cards
    ? sections
        .map(
          (s, si) =>
            `<h3>${escapeHtml(s.title)}</h3><ul class="plan">${s.items.map((i, ii) => planItem(i, names, c, `${si}-${ii}`)).join('')}</ul>`,
        )
        .join('')
    : sections.length
      ? // A line per section: the plan at a glance; the instructions are in the exercise cards.
        `<dl class="plan-compact">${sections
          .map(
            (s) =>
              `<div><dt>${escapeHtml(s.title)}</dt><dd>${s.items.map((i) => planEntry(i, c)).join('; ')}</dd></div>`,
          )
          .join(
            '',
          )}</dl><p class="meta">The instructions, cautions and the factors each item addresses are in ` +
        'the report with the exercise cards.</p>'
      : '';
  const changes = kept.planChanges?.length
    ? `<h3>Changes the runner made</h3><ul class="plan-changes">${kept.planChanges.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`
    : '';
  const week = kept.week ? schedule(kept.week) : '';
  return section('plan', 'The plan', `${body || '<p>The plan is empty.</p>'}${changes}${week}`);
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
  return section('adherence', 'Exercise adherence', table);
}

function charts(input: ReportInput, tz: string): string {
  return section(
    'charts',
    'Running and pain',
    (input.period?.runs === 0
      ? `<p class="empty">No runs in this period, so there is no distance chart.${input.period.notice ? ` ${escapeHtml(input.period.notice)}` : ''}</p>`
      : weeklyDistanceChart({
          weeks: input.weeklyDistance,
          pain: input.pain,
          units: input.units,
          timeZone: tz,
        })) +
      painOverTimeChart({
        pain: input.pain,
        timeZone: tz,
        ...(input.period ? { span: { from: input.period.from, to: input.period.to } } : {}),
        // A row per check-in runs to pages over three months; past 20 the table goes by week.
        detailRows: 20,
        weeklyTableAbove: input.period?.runs !== 0 && input.weeklyDistance.length > 0,
      }),
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
  const period = input.period ? ` from ${escapeHtml(periodWords(input.period))}` : '';
  if (!input.loadFlags.length) {
    return section(
      'load-flags',
      'Training-load flags',
      `<p class="empty">No training-load flags${period}.</p>`,
    );
  }
  const rows = flagRows(input.loadFlags)
    .map((r) => `<tr><td>${r.when}</td><td>${r.what}</td></tr>`)
    .join('');
  // Each kind of flag's method and evidence is said once, in "How this is worked out".
  return section(
    'load-flags',
    'Training-load flags',
    `<p class="meta">The flags${period}; how each is worked out, and how much weight it bears, is under ` +
      '<a href="#how">How this is worked out</a>.</p><table class="flags"><thead><tr><th scope="col">Date</th>' +
      `<th scope="col">Flag</th></tr></thead><tbody>${rows}</tbody></table>`,
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
.summary-page h2{margin-top:4mm}
.summary-page dl.summary div{grid-template-columns:32mm 1fr;padding:1.2mm 0}
.period{border-left:3pt solid var(--rule);padding-left:3mm}
ol.history,ul.tight{margin:0;padding-left:5mm}
ol.history li,ul.tight li{margin:0}
svg.spark{display:inline-block;vertical-align:middle;margin-left:2mm}
svg.spark path{fill:none;stroke:var(--pain);stroke-width:1.5}
svg.spark circle{fill:var(--pain)}
svg.spark .spark-base{stroke:var(--grid)}
dl.plan-compact{margin:0}
dl.plan-compact div{display:grid;grid-template-columns:38mm 1fr;gap:3mm;padding:1mm 0;border-bottom:0.5pt solid var(--grid);break-inside:avoid}
dl.plan-compact .dose{border:0;padding:0;display:inline}
table.chart-data td,table.chart-data th{padding:0.4mm 1.5mm}
table.chart-data{font-size:0.82em}
p.evidence{margin-left:3mm;font-size:0.92em}
#sources.page-break{break-before:auto}
@media screen and (max-width:36em){body{padding:4mm 3mm}h1{font-size:17pt}table{font-size:0.8em}th,td{padding:0.8mm 1mm;overflow-wrap:anywhere}dl.summary div,.summary-page dl.summary div,dl.plan-compact div{grid-template-columns:1fr;gap:0.5mm}}
ol.sources{font-size:0.88em}
ul.how>li{margin-bottom:2mm}
.figure-box{max-width:120mm;margin:1mm 0 2mm;break-inside:avoid;color:var(--fg)}
svg.figure{display:block;width:100%;height:auto;max-height:45mm}
svg.figure .fig-gap{stroke:var(--bg)}
svg.figure .fig-face{fill:var(--bg)}
#disclaimer h2{border:0;margin-top:3mm}
`;

/**
 * The report's one stylesheet, inline in its `<style>`: the server allows exactly this by its hash, so the
 * report can open in the tab under a policy that forbids every other inline style.
 */
export const REPORT_CSS = CSS;

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
    formCheck(input, tz),
    plan(a, c, input.exerciseCards === true, input),
    adherence(input),
    charts(input, tz),
    outcomes(input),
    loadFlags(input),
    howWorkedOut(input),
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

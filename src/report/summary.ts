/**
 * The report's first page, for a clinician with a minute: the level and how it has changed, the red
 * flags asked and answered, pain and function against their minimal important change, the plan as done,
 * the load flags, and the period all of it covers. Then, near the end, "How this is worked out": the
 * method behind each kind of load flag, said once rather than beside every flag.
 *
 * Pure markup from the report's input; every string from the runner or the knowledge base is escaped.
 */
import { LOAD_THRESHOLDS } from '../load/index.js';
import { clampPain, weeklyRows } from './charts.js';
import { escapeHtml, formatDay, formatInstant, localParts, toUnits, trimNumber } from './format.js';
import type { ReportInput } from './index.js';

const LEVEL_WORDS: Record<string, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  clinician: 'See a clinician',
  'self-care': 'Self-care',
};
const levelWords = (level: string) => LEVEL_WORDS[level] ?? level;

const CHECK_BACK_WORDS: Record<string, string> = {
  easing: 'it was easing',
  same: 'it was the same',
  worse: 'it was worse',
};

const row = (term: string, value: string) => `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;

/** "1 run", "3 runs". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The period in words: "8 Sep 2026 to 28 Nov 2026 (today)". */
export function periodWords(period: NonNullable<ReportInput['period']>): string {
  return `${formatDay(period.from)} to ${formatDay(period.to)}${period.to === period.today ? ' (today)' : ''}`;
}

/**
 * A small line of the weekly mean pain (0–10) with a gap for a week without check-ins; an image with
 * its numbers in words, because a reader of the PDF may not see it.
 */
function sparkline(values: readonly (number | undefined)[], label: string): string {
  const width = 160;
  const height = 40;
  const n = values.length;
  if (n === 0 || values.every((v) => v === undefined)) return '';
  const x = (i: number) => (n === 1 ? width / 2 : 3 + (i * (width - 6)) / (n - 1));
  const y = (v: number) => height - 3 - (clampPain(v) / 10) * (height - 6);
  let d = '';
  let pen = false;
  const dots: string[] = [];
  values.forEach((v, i) => {
    if (v === undefined) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
    pen = true;
    dots.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2"/>`);
  });
  return (
    `<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="${escapeHtml(label)}"><line class="spark-base" x1="0" y1="${height - 3}" x2="${width}" ` +
    `y2="${height - 3}"/><path d="${d.trim()}"/>${dots.join('')}</svg>`
  );
}

function outcomeWords(o: ReportInput['outcomes'][number] | undefined): string {
  if (!o) return '<span class="empty">Not recorded.</span>';
  const n = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : trimNumber(v, 1));
  const change =
    o.baseline !== undefined && o.current !== undefined
      ? Number((o.current - o.baseline).toFixed(1))
      : undefined;
  const judged =
    change === undefined
      ? ''
      : ` (${change > 0 ? '+' : ''}${trimNumber(change, 1)}; ${Math.abs(change) >= o.mcid ? 'at least' : 'under'} the ${o.mcid}-point minimal important change)`;
  const numbers =
    o.baseline !== undefined || o.current !== undefined
      ? `<strong>${n(o.baseline)} → ${n(o.current)}</strong>${escapeHtml(judged)}. `
      : '';
  return `${numbers}${escapeHtml(o.sentence)}`;
}

/**
 * The first page. `level` and `change` are the current level's badge and its change from the previous
 * assessment, as the rest of the report draws them.
 */
export function clinicianSummary(
  input: ReportInput,
  tz: string,
  current: { level: string; change: string } | undefined,
): string {
  const rows: string[] = [];
  const a = input.assessment;
  const who = [
    input.runner?.age !== undefined ? `Age ${escapeHtml(input.runner.age)}` : '',
    input.runner?.sex ? escapeHtml(input.runner.sex) : '',
  ].filter(Boolean);
  if (who.length) rows.push(row('Runner', who.join(', ')));

  // Triage: now, and how it got here.
  if (a && current) {
    const at = Date.parse(a.assessedAt);
    const when = Number.isFinite(at) ? formatInstant(at, tz) : a.assessedAt;
    const checkBack = a.triage.selfCare?.checkBack;
    const back = checkBack ? ` Check back on ${formatDay(checkBack.on)}: “${checkBack.question}”` : '';
    rows.push(
      row(
        'Triage now',
        `${current.level} <strong>${escapeHtml(a.triage.headline)}</strong> ${escapeHtml(a.triage.action)}<br>` +
          `<span class="meta">Assessed ${escapeHtml(when)}.${escapeHtml(back)} ${current.change}</span>`,
      ),
    );
  } else {
    rows.push(row('Triage now', '<span class="empty">No assessment yet.</span>'));
  }
  const history = input.triageHistory ?? [];
  if (history.length > 1) {
    const shown = history.slice(-6);
    const items = shown
      .map((h) => {
        const answer = h.checkBackAnswer ? CHECK_BACK_WORDS[h.checkBackAnswer] : undefined;
        return (
          `<li>${escapeHtml(formatDay(localParts(h.at, tz).date))}: ${escapeHtml(levelWords(h.level))}` +
          `${answer ? ` <span class="meta">(after a check-back: ${escapeHtml(answer)})</span>` : ''}</li>`
        );
      })
      .join('');
    const earlier = history.length - shown.length;
    rows.push(
      row(
        'Triage history',
        `<ol class="history">${items}</ol>${earlier > 0 ? `<span class="meta">and ${count(earlier, 'earlier assessment')}</span>` : ''}`,
      ),
    );
  } else if (history.length === 1) {
    rows.push(row('Triage history', 'This is the first assessment.'));
  }

  // Red flags: how many were asked, how many answered, and every "yes".
  if (a) {
    const s = a.triage.redFlagScreen;
    const yes = input.redFlagsYes ?? [];
    const parts = [
      `${s.total} asked, ${s.answered} answered${s.complete ? '' : ` (<strong>${s.total - s.answered} not answered</strong>, not assumed to be “no”)`}.`,
    ];
    if (input.redFlagsYes !== undefined) {
      parts.push(
        yes.length
          ? ` <strong>Answered yes:</strong> ${yes.map((q) => escapeHtml(q)).join('; ')}.`
          : ' None answered yes.',
      );
    }
    if (!s.complete && s.unanswered.length) {
      parts.push(
        ` <span class="meta">Not answered: ${s.unanswered.map((u) => escapeHtml(u.text.replace(/\.$/, ''))).join('; ')}.</span>`,
      );
    }
    rows.push(row('Red flags', parts.join('')));
    const top = a.factors.slice(0, 3).map((f) => escapeHtml(f.name));
    if (top.length) rows.push(row('Leading factors', top.join('; ')));
  }

  // Pain and function, with the weekly pain of the period as a small line.
  const pain = input.outcomes.find((o) => /pain/i.test(o.measure) && !/PSFS|functional/i.test(o.measure));
  const psfs = input.outcomes.filter((o) => o !== pain);
  const weeks = weeklyRows(input.weeklyDistance, input.pain, input.units, tz);
  const means = weeks.map((w) => w.painMean);
  const withPain = means.filter((m): m is number => m !== undefined);
  const sparkLabel = withPain.length
    ? `Weekly mean pain over ${count(weeks.length, 'week')}: from ${withPain[0]?.toFixed(1)} to ${withPain.at(-1)?.toFixed(1)} out of 10.`
    : '';
  const spark = withPain.length >= 2 ? ` ${sparkline(means, sparkLabel)}` : '';
  rows.push(row('Pain (0–10)', `${outcomeWords(pain)}${spark}`));
  rows.push(
    row(
      'Function (PSFS)',
      psfs.length
        ? psfs.map((o) => outcomeWords(o)).join('<br>')
        : '<span class="empty">No activity ratings recorded.</span>',
    ),
  );

  // The plan as done.
  const done = input.planDone;
  if (done) {
    const pct = done.scheduled > 0 ? ` (${Math.round((done.done / done.scheduled) * 100)}%)` : '';
    const parts = [
      done.scheduled > 0
        ? `${done.done} of ${count(done.scheduled, 'scheduled session')} done${pct}`
        : 'No sessions scheduled in this period',
      ' in this period',
      done.planStarted ? ` (the plan began on ${escapeHtml(formatDay(done.planStarted))})` : '',
      '. ',
      done.sessions > 0
        ? `${count(done.sessions, 'session')} logged; most often: ${done.items
            .slice(0, 4)
            .map((i) => `${escapeHtml(i.name)} (${count(i.times, 'time')})`)
            .join(', ')}.`
        : 'No exercise sessions logged in this period.',
    ];
    rows.push(row('Plan as done', parts.join('')));
  }

  // Load flags of the period, the latest first.
  const flags = [...input.loadFlags].sort((x, y) => y.date.localeCompare(x.date));
  rows.push(
    row(
      'Load flags',
      flags.length
        ? `${count(flags.length, 'flag')} in the period; the latest: <ul class="tight">${flags
            .slice(0, 3)
            .map(
              (f) =>
                `<li>${escapeHtml(f.message.startsWith('Week of') ? f.message : `${formatDay(f.date)}: ${f.message}`)}</li>`,
            )
            .join('')}</ul>`
        : 'None in this period.',
    ),
  );

  // Running in the period.
  const p = input.period;
  if (p) {
    const dist = `${trimNumber(toUnits(p.distanceM, input.units), 1)} ${input.units}`;
    rows.push(
      row(
        'Running',
        p.runs > 0
          ? `${count(p.runs, 'run')}, ${escapeHtml(dist)} in the period.`
          : `No runs in the period.${p.notice ? ` <strong>${escapeHtml(p.notice)}</strong>` : ''}`,
      ),
    );
  }

  const periodLine = p
    ? `<p class="period">This report covers <strong>${escapeHtml(periodWords(p))}</strong>: the charts, pain, ` +
      'adherence and load flags are all from this period.</p>'
    : '';
  return (
    '<section id="summary" class="report-section summary-page" aria-labelledby="summary-h">' +
    `<h2 id="summary-h">Clinician summary</h2>${periodLine}<dl class="summary">${rows.join('')}</dl></section>`
  );
}

/**
 * The load-flags table's rows, oldest first. Three or more flags of one kind in a row become one row
 * (their first and last date, how many, the latest in words): a weekly pattern is one finding, not a
 * page of near-identical lines.
 */
export function flagRows(flags: ReportInput['loadFlags']): { when: string; what: string }[] {
  const sorted = [...flags].sort((x, y) => x.date.localeCompare(y.date));
  const rows: { when: string; what: string }[] = [];
  for (let i = 0; i < sorted.length; ) {
    const f = sorted[i];
    if (!f) break;
    let j = i + 1;
    while (f.id !== undefined && sorted[j]?.id === f.id) j++;
    const run = sorted.slice(i, j);
    const last = run[run.length - 1] ?? f;
    const title =
      f.id && f.id in LOAD_THRESHOLDS ? LOAD_THRESHOLDS[f.id as keyof typeof LOAD_THRESHOLDS].title : '';
    if (run.length >= 3 && title) {
      rows.push({
        when: `${escapeHtml(formatDay(f.date))} to ${escapeHtml(formatDay(last.date))}`,
        what: `<strong>${escapeHtml(title)}: ${run.length} times.</strong> The latest: ${escapeHtml(last.message)}`,
      });
      i = j;
    } else {
      rows.push({ when: escapeHtml(formatDay(f.date)), what: escapeHtml(f.message) });
      i++;
    }
  }
  return rows;
}

/** "How this is worked out": the method behind each kind of load flag in the report, said once. */
export function howWorkedOut(input: ReportInput): string {
  const ids = [...new Set(input.loadFlags.map((f) => f.id).filter((id) => id !== undefined))];
  const known = ids.filter((id): id is keyof typeof LOAD_THRESHOLDS => id in LOAD_THRESHOLDS);
  const items = known.map((id) => {
    const t = LOAD_THRESHOLDS[id];
    return `<li><strong>${escapeHtml(t.title)}.</strong> ${escapeHtml(t.how)} <span class="meta">${escapeHtml(t.source)}</span></li>`;
  });
  // Flags from an older caller carry only their source: each source once.
  const sources = [
    ...new Set(
      input.loadFlags.filter((f) => f.id === undefined || !(f.id in LOAD_THRESHOLDS)).map((f) => f.source),
    ),
  ];
  for (const s of sources) items.push(`<li class="meta">${escapeHtml(s)}</li>`);
  const load = items.length
    ? `<h3>Load flags</h3><ul class="how">${items.join('')}</ul>`
    : '<p>No load flags in this period.</p>';
  return (
    '<section id="how" class="report-section" aria-labelledby="how-h"><h2 id="how-h">How this is worked out</h2>' +
    `${load}<h3>Load and pain</h3><ul class="how">` +
    '<li>Load is distance only, in calendar weeks from Monday; pace, hills, heart rate and other sports are not counted. All load figures are descriptive.</li>' +
    '<li>Pain is the runner’s own 0–10 rating; a change of 2 points or more is the smallest that matters (minimal important change), and the same holds for each PSFS activity.</li>' +
    '</ul></section>'
  );
}

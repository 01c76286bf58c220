/**
 * Readable terminal output: the assessment with triage first, and knowledge-base items. Colour only when
 * the terminal supports it (picocolors honours NO_COLOR, FORCE_COLOR and non-TTY output).
 */
import pc from 'picocolors';
import type { Assessment } from '../assess/index.js';
import { summarise } from '../assess/summary.js';
import { careLead, placeName } from '../care/index.js';
import { formatCheckBackDay } from '../check-back/index.js';
import { type Exercise, index, type Level } from '../knowledge/index.js';
import { formatDose } from '../plan/index.js';
import type { Schedule } from '../schedule/index.js';
import { DAY_NAMES, SLOT_TITLES } from '../schedule/words.js';
import type { Changes } from '../services/assess.js';

const levelStyle: Record<Level, (s: string) => string> = {
  emergency: (s) => pc.bold(pc.bgRed(pc.white(` ${s} `))),
  urgent: (s) => pc.bold(pc.bgYellow(pc.black(` ${s} `))),
  clinician: (s) => pc.bold(pc.cyan(s)),
  'self-care': (s) => pc.bold(pc.green(s)),
};

const wrap = (text: string, indent = 2, width = Math.min(process.stdout.columns || 100, 100)) => {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width - indent) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
};

const heading = (s: string) => `\n${pc.bold(pc.underline(s))}`;

/** Ids never reach a reader: a factor, exercise or routine by its name, a source by title and publisher. */
function nameOf(id: string): string {
  for (const c of [
    'factors',
    'exercises',
    'interventions',
    'selfChecks',
    'regions',
    'descriptors',
  ] as const) {
    const item = index(c).get(id) as { name?: string } | undefined;
    if (item?.name) return item.name;
  }
  return id;
}
const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
function citation(id: string): string {
  const s = index('sources').get(id);
  return s ? `${s.title} (${s.publisher})` : id;
}
const citations = (ids: readonly string[]) => ids.map(citation).join('; ');

/**
 * The assessment as text for people. A self-care or clinician result leads with its summary, in the
 * order of the web result page: the level and why, three things to do today, the top three likely
 * factors with one line each, the check-back date; then what changed and when to seek help. `full`
 * prints everything (every factor's evidence, the whole plan, the week, the sources). An emergency or
 * urgent result is short already and is always printed whole: nothing of its care message is held back.
 */
export function renderAssessment(r: Assessment, changes?: Changes, options: { full?: boolean } = {}): string {
  const severe = r.triage.level === 'emergency' || r.triage.level === 'urgent';
  return options.full || severe ? renderFull(r, changes) : renderSummary(r, changes);
}

/** The unanswered safety questions by their wording, one a line, or the note of a skipped screen. */
function safetyScreenLines(r: Assessment, out: string[]): void {
  const screen = r.triage.redFlagScreen;
  const partial = screen.answered > 0 && screen.unanswered.length > 0;
  if (partial) {
    const n = screen.unanswered.length;
    const lead = `! ${n} of ${screen.total} safety questions ${n === 1 ? 'was' : 'were'} not answered and not assumed to be "no". If any of them applies to you, act on "When to seek help":`;
    out.push(`\n${pc.yellow(wrap(lead, 0))}`);
    for (const u of screen.unanswered) out.push(pc.yellow(wrap(`- ${u.text}`, 2)));
  } else if (screen.note) out.push(`\n${pc.yellow(wrap(`! ${screen.note}`, 0))}`);
}

function changeLines(changes: Changes, out: string[]): void {
  out.push(heading(`What changed since ${changes.since.slice(0, 10)}`));
  out.push(
    changes.levelChanged
      ? `  Level: ${changes.previousLevel} → ${pc.bold(changes.level)}`
      : `  Level: ${changes.level}, as before`,
  );
  const pain = (label: string, p?: { before?: number; after?: number }) => {
    if (p && p.before !== undefined && p.after !== undefined)
      out.push(`  ${label}: ${p.before} → ${p.after}`);
  };
  pain('Pain now', changes.painNow);
  pain('Pain at worst', changes.painWorst);
  if (changes.factorsNew.length) out.push(wrap(`New factors: ${changes.factorsNew.join(', ')}`, 2));
  if (changes.factorsGone.length) out.push(wrap(`No longer raised: ${changes.factorsGone.join(', ')}`, 2));
}

/** The summary a self-care or clinician result leads with (src/assess/summary.ts picks what is in it). */
function renderSummary(r: Assessment, changes?: Changes): string {
  const out: string[] = [];
  const t = r.triage;
  const s = summarise(r);
  out.push(levelStyle[t.level](t.headline.toUpperCase()));
  out.push(wrap(s.why, 0));
  safetyScreenLines(r, out);
  // A clinician result's reasons are red-flag wording, with what to do if it changes: never held back.
  const reasons = t.reasons.filter((x) => x.level === 'clinician');
  if (reasons.length) {
    out.push(heading('Why'));
    for (const reason of reasons) {
      out.push(`  ${pc.bold(reason.name)}`);
      out.push(wrap(`${reason.reason} ${reason.action}`, 4));
    }
  }
  if (s.today.length) {
    out.push(heading(s.today.length === 3 ? 'Three things to do today' : 'What to do today'));
    s.today.forEach((a, i) => {
      out.push(`  ${i + 1}. ${pc.bold(a.title)}${a.dose ? pc.cyan(`  ${a.dose}`) : ''}`);
      out.push(wrap(a.line, 5));
    });
  }
  if (s.factors.length) {
    out.push(
      heading(s.factors.length === 1 ? 'The likely contributing factor' : 'Top likely contributing factors'),
    );
    s.factors.forEach((f, i) => {
      out.push(`  ${i + 1}. ${pc.bold(f.name)}`);
      out.push(wrap(f.evidence, 5));
      if (f.needsClinician)
        out.push(wrap('A clinician should assess this pattern; do not self-treat it alone.', 5));
    });
    if (s.moreFactors)
      out.push(pc.dim(`  and ${s.moreFactors} more ${s.moreFactors === 1 ? 'factor' : 'factors'} (--full)`));
  }
  if (s.checkBack) {
    out.push(
      '',
      pc.bold(`Check back on ${formatCheckBackDay(s.checkBack.on)}: ${s.checkBack.question.toLowerCase()}`),
    );
    out.push(wrap('Then run `backstride check-back`.', 0));
  }
  if (changes) changeLines(changes, out);
  const net =
    r.plan.sections.find((x) => x.id === 'seek-help')?.items.filter((i) => i.type === 'action') ?? [];
  if (net.length) {
    out.push(heading('When to seek help'));
    for (const item of net) out.push(wrap(`- ${item.title} ${item.detail.replace(/[.;\s]+$/, '')}.`, 2));
  }
  out.push(
    `\n${pc.dim(wrap('For everything (every factor and its evidence, the whole plan, your week, the sources), run the same command with --full --no-save; `backstride plan` shows the plan.', 0))}`,
  );
  out.push(pc.dim(wrap(r.disclaimer, 0)));
  return `${out.join('\n')}\n`;
}

/** Everything, triage first (emergency and urgent results always, the others with `--full`). */
function renderFull(r: Assessment, changes?: Changes): string {
  const out: string[] = [];
  const t = r.triage;
  out.push(levelStyle[t.level](t.headline.toUpperCase()));
  // The runner's own numbers first (a result saved before care routes existed has none).
  const careLine = r.care && careLead(r.care, t.level);
  if (careLine) out.push(pc.bold(wrap(careLine, 0)));
  if (careLine && r.care.specific && r.care.countryName)
    out.push(pc.dim(`(Numbers for ${placeName(r.care.countryName)}; another country: --country.)`));
  out.push(wrap(t.action, 0));
  if (r.care && t.level === 'clinician') out.push(wrap(r.care.routine.text, 0));
  if (t.reasons.length) {
    out.push(heading('Why'));
    for (const reason of t.reasons) {
      out.push(`  ${pc.bold(`[${reason.level}]`)} ${reason.name}`);
      out.push(wrap(reason.reason, 4));
      out.push(pc.dim(wrap(`Sources: ${citations(reason.sources)}`, 4)));
    }
  }
  // Unanswered safety questions by their wording, one a line; a skipped screen lists them near the end.
  const screen = t.redFlagScreen;
  const partial = screen.answered > 0 && screen.unanswered.length > 0;
  safetyScreenLines(r, out);
  if (t.selfCare) {
    out.push(heading('Why self-care is reasonable'));
    for (const why of t.selfCare.why) out.push(wrap(`- ${why}`, 2));
    const cb = t.selfCare.checkBack;
    out.push('', pc.bold(`  Check back on ${formatCheckBackDay(cb.on)}: ${cb.question.toLowerCase()}`));
    out.push(wrap(`${cb.why} Then run \`backstride check-back\`.`, 2));
  }

  if (changes) changeLines(changes, out);
  if (r.history && r.plan.mode !== 'safety-only') {
    const h = r.history;
    out.push(heading('From your running history'));
    out.push(
      wrap(
        `${h.runsConsidered} stored runs: ${h.facts.weeklyKmNow} km in the last 7 days (${h.facts.runsLast7} runs, ${h.facts.restDaysLast7} rest days), ${h.facts.weeklyKm4WeeksAgo} km a week four weeks ago, longest run in 30 days ${h.facts.longestRunKm30} km.`,
        2,
      ),
    );
    for (const n of h.notes) {
      out.push(
        wrap(
          `- ${n.field}: you said ${n.answered}, your runs show ${n.data}; the data is used because ${n.why}.`,
          2,
        ),
      );
    }
  }
  if (r.factors.length && r.plan.mode !== 'safety-only') {
    out.push(heading('Likely contributing factors'));
    r.factors.forEach((f, i) => {
      out.push(`  ${i + 1}. ${pc.bold(f.name)} ${pc.dim(`(${Math.round(f.score * 100)}%)`)}`);
      for (const e of f.evidence) out.push(wrap(`- ${e}`, 5));
    });
  }

  for (const section of r.plan.sections) {
    if (!section.items.length) continue;
    out.push(heading(section.title));
    for (const item of section.items) {
      out.push(`  • ${pc.bold(item.title)}${item.dose ? pc.cyan(`  ${item.dose}`) : ''}`);
      out.push(wrap(item.detail, 4));
      if (item.addresses.length) out.push(pc.dim(wrap(`For: ${names(item.addresses)}`, 4)));
    }
  }
  if (r.week) {
    // The same week, days and doses as `backstride plan`, the plan page, the report and the calendar.
    out.push(heading('Your week'), ...weekLines(r.week));
  }
  if (r.unanswered.length && r.plan.mode !== 'safety-only') {
    out.push(heading('Not answered'));
    for (const u of r.unanswered) out.push(wrap(`- ${u.field}: ${u.why}`, 2));
  }
  if (!partial && screen.unanswered.length) {
    out.push(heading('Safety questions not asked'));
    for (const u of screen.unanswered) out.push(wrap(`- ${u.text}`, 2));
  }
  out.push(heading('Sources'));
  r.sources.forEach((s, i) => {
    out.push(pc.dim(wrap(`${i + 1}. ${s.title} (${s.publisher})${s.url ? ` ${s.url}` : ''}`, 2)));
  });
  out.push(`\n${pc.dim(wrap(r.disclaimer, 0))}`);
  return `${out.join('\n')}\n`;
}

/** A week of the plan: each day's focus, then its exercises with this week's doses. */
function weekLines(week: Schedule): string[] {
  const out: string[] = [];
  for (const d of week.days) {
    const focus = d.longRun
      ? 'long run'
      : d.run
        ? 'run'
        : { strength: 'strength', mobility: 'mobility', rest: 'rest', run: 'run' }[d.focus];
    out.push(`  ${pc.bold(DAY_NAMES[d.day])}: ${focus}`);
    for (const g of d.groups) {
      const items = g.items.map((i) => `${i.name}${i.doseText ? ` ${i.doseText}` : ''}`).join('; ');
      out.push(wrap(`${SLOT_TITLES[g.slot]}: ${items}`, 4));
    }
  }
  for (const n of week.notes) out.push(pc.dim(wrap(`* ${n}`, 2)));
  return out;
}

/** An exercise as a card: steps, dose, equipment, cautions, variants. */
export function renderExercise(e: Exercise): string {
  const out = [pc.bold(e.name), wrap(e.purpose, 0), heading('Steps')];
  for (const [i, s] of e.steps.entries()) out.push(wrap(`${i + 1}. ${s}`, 2));
  out.push(heading('Dose'), `  ${formatDose(e.dose)}`, pc.dim(wrap(e.dose.basis, 2)));
  if (e.equipment.length) out.push(heading('Equipment'), `  ${e.equipment.join(', ')}`);
  if (e.cautions.length) out.push(heading('Cautions'), ...e.cautions.map((c) => wrap(`- ${c}`, 2)));
  if (e.easier) out.push(heading('Easier'), wrap(e.easier, 2));
  if (e.harder) out.push(heading('Harder'), wrap(e.harder, 2));
  out.push(heading('Progression'), wrap(e.progression, 2));
  out.push(
    heading('Helps with'),
    wrap(names(e.factors), 2),
    pc.dim(`\n${wrap(`Sources: ${citations(e.sources)}`, 0)}`),
  );
  return `${out.join('\n')}\n`;
}

/** Any other knowledge-base item: its fields as labelled lines, in words (no ids, no JSON). */
export function renderItem(kind: string, item: Record<string, unknown>): string {
  const out = [
    `${pc.dim(KIND_WORDS[kind] ?? kind)} ${pc.bold(String(item.name ?? item.title ?? item.statement ?? item.id))}`,
  ];
  for (const [key, value] of Object.entries(item)) {
    if (['id', 'name', 'title', 'aliases', 'seed'].includes(key)) continue;
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    const label = key === 'sources' ? 'Sources' : words(key);
    out.push(`${pc.bold(`${label}:`)}\n${fieldText(key, value)}`);
  }
  return `${out.join('\n')}\n`;
}

const KIND_WORDS: Record<string, string> = {
  factor: 'Likely factor',
  exercise: 'Exercise',
  intervention: 'Routine',
  source: 'Source',
  'self-check': 'Self-check',
  fact: 'Fact',
  'red-flag': 'Warning sign',
  region: 'Body region',
  descriptor: 'Pain description',
  'outcome-measure': 'Outcome measure',
};

/** `needsClinician` → "Needs clinician". */
const words = (key: string) => {
  const w = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** One field's value as wrapped text: references by name, objects as labelled lines. */
function fieldText(key: string, value: unknown): string {
  if (key === 'sources' && Array.isArray(value)) return wrap(citations(value as string[]), 2);
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === 'string' ? wrap(`- ${idLike(v) ? nameOf(v) : v}`, 2) : fieldText(key, v)))
      .join('\n');
  }
  if (typeof value === 'boolean') return `  ${value ? 'yes' : 'no'}`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    // A threshold: { value, unit, basis }.
    if ('value' in o && 'basis' in o) return wrap(`${o.value}${o.unit ? ` ${o.unit}` : ''}: ${o.basis}`, 2);
    return Object.entries(o)
      .map(([k, v]) => `  ${words(k)}:\n${fieldText(k, v).replace(/^/gm, '  ')}`)
      .join('\n');
  }
  const text = String(value);
  return wrap(idLike(text) ? nameOf(text) : text, 2);
}

/** A hyphenated lower-case token such as "weak-upper-back": a reference, shown by its name. */
const idLike = (s: string) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(s);

/**
 * The short form of a result that leads what a runner reads (the web result page, `backstride assess`):
 * the level and why in one sentence, three things to do today, the top three likely factors with one
 * line of evidence each, and the check-back date. Everything else stays in the full result. Pure: it
 * only picks and shortens what the assessment already says, so the summary never says anything new.
 */
import type { PlanItem, SectionId } from '../plan/index.js';
import type { Assessment } from './index.js';

/** One thing to do today. `exercise` is set for an exercise (the web app links to its card). */
export type TodayAction = {
  title: string;
  /** One sentence: the item's first. */
  line: string;
  dose?: string;
  /** Which part of the plan it comes from, in words ("Relief now", "Daily habits"). */
  from: string;
  exercise?: string;
};

/** A likely contributing factor with the first line of evidence that raised it. */
export type TopFactor = { id: string; name: string; evidence: string; needsClinician: boolean };

export type ResultSummary = {
  level: Assessment['triage']['level'];
  headline: string;
  /** Why this level, in one sentence. */
  why: string;
  today: TodayAction[];
  factors: TopFactor[];
  /** The factors not in the top three, for "and N more". */
  moreFactors: number;
  /** Self-care only: the date (YYYY-MM-DD) to check back, and the question then. */
  checkBack?: { on: string; question: string };
};

const TODAY = 3;
const TOP_FACTORS = 3;

/**
 * Sections a "today" pick may come from after the first, most doable first: a habit or an exercise can
 * be done today whatever the training day; a running cue waits for the next run.
 */
const PREFERENCE: SectionId[] = [
  'habits',
  'strength-mobility',
  'next-run',
  'training',
  'before-run',
  'after-run',
  'gear',
];

/** The first sentence of a text (a sentence ends with . ! or ? before a capital). */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?](?=\s+[A-Z(])/.exec(trimmed);
  return end ? trimmed.slice(0, end.index + 1) : trimmed;
}

const withoutStop = (s: string) => s.trim().replace(/[.!?]$/, '');
/** Lower-case the first letter, unless the first word is an abbreviation ("GP", "PSFS"). */
const lowerFirst = (s: string) =>
  /^[A-Z](?![A-Z])/.test(s) ? `${s.charAt(0).toLowerCase()}${s.slice(1)}` : s;

/** Why this level, in one sentence, from the reasons the triage gave. */
function whySentence(r: Assessment): string {
  const t = r.triage;
  if (t.level === 'self-care') {
    const why = t.selfCare?.why ?? [];
    const [first, second] = why;
    if (!first) return t.action;
    return second ? `${withoutStop(first)}, and ${lowerFirst(second)}` : first;
  }
  // The reasons themselves follow in full (their wording is the red flag's); here, their names.
  const names = t.reasons.filter((x) => x.level === t.level).map((x) => lowerFirst(x.name));
  if (!names.length) return t.action;
  const listed = names.length > 1 ? `${names.slice(0, -1).join('; ')}; and ${names.at(-1)}` : names[0];
  return `Why: ${listed}.`;
}

function toAction(item: PlanItem, from: string): TodayAction {
  const action: TodayAction = { title: item.title, line: firstSentence(item.detail), from };
  if (item.dose) action.dose = item.dose;
  if (item.type === 'exercise') action.exercise = item.id;
  return action;
}

/**
 * Three things to do today. First what eases the pain now (for a clinician result, booking the
 * appointment comes before it); then, greedily, the plan items that do most for the likely factors not
 * yet covered, one per part of the plan, so the three are not three exercises for one factor.
 */
function todayActions(r: Assessment): TodayAction[] {
  const sections = r.plan.sections.filter((s) => s.id !== 'seek-help' && s.items.length > 0);
  const title = new Map(sections.map((s) => [s.id, s.title]));
  const out: TodayAction[] = [];
  const used = new Set<SectionId>();
  const chosen = new Set<string>();
  const take = (item: PlanItem, section: SectionId) => {
    out.push(toAction(item, title.get(section) ?? ''));
    used.add(section);
    chosen.add(item.id);
  };

  const book = sections.find((s) => s.id === 'now');
  if (r.triage.level === 'clinician') {
    out.push({
      title: withoutStop(firstSentence(r.triage.action)),
      line: r.care?.routine.text ?? book?.title ?? '',
      from: book?.title ?? 'Book an appointment',
    });
    used.add('now');
  }
  const relief = sections.find((s) => s.id === 'relief-now')?.items[0];
  if (relief) take(relief, 'relief-now');

  const score = new Map(r.factors.map((f) => [f.id, f.score]));
  const covered = new Set<string>();
  while (out.length < TODAY) {
    let best: { item: PlanItem; section: SectionId; gain: number } | undefined;
    for (const id of PREFERENCE) {
      if (used.has(id)) continue;
      for (const item of sections.find((s) => s.id === id)?.items ?? []) {
        if (chosen.has(item.id)) continue;
        const gain = item.addresses
          .filter((f) => !covered.has(f))
          .reduce((sum, f) => sum + (score.get(f) ?? 0), 0);
        // Ties go to the more doable part of the plan, then to the plan's own order.
        if (!best || gain > best.gain) best = { item, section: id, gain };
      }
    }
    if (!best) break;
    take(best.item, best.section);
    for (const f of best.item.addresses) covered.add(f);
  }
  return out.slice(0, TODAY);
}

/**
 * The summary of a result. Emergency and urgent results have no factors or plan to summarise: their
 * summary is the level and why, and the runner's screen stays the care message.
 * @example summarise(assess(answers)).today.map((a) => a.title)
 */
export function summarise(r: Assessment): ResultSummary {
  const t = r.triage;
  const severe = t.level === 'emergency' || t.level === 'urgent';
  const factors = severe ? [] : r.factors;
  const summary: ResultSummary = {
    level: t.level,
    headline: t.headline,
    why: whySentence(r),
    today: severe ? [] : todayActions(r),
    factors: factors.slice(0, TOP_FACTORS).map((f) => ({
      id: f.id,
      name: f.name,
      evidence: f.evidence[0] ?? f.summary,
      needsClinician: f.needsClinician === true,
    })),
    moreFactors: Math.max(0, factors.length - TOP_FACTORS),
  };
  const cb = t.selfCare?.checkBack;
  if (cb) summary.checkBack = { on: cb.on, question: cb.question };
  return summary;
}

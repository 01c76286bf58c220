/**
 * The plan: what to do, built from the triage level and the raised factors. Every item names the factors
 * it addresses and its sources. Emergency and urgent results carry only what to do now; a clinician-level
 * plan leads with the appointment and keeps only gentle self-care.
 */
import type { Answers } from '../answers/index.js';
import type { RaisedFactor } from '../factors/index.js';
import {
  type Exercise,
  type Intervention,
  type InterventionKind,
  knowledge,
  type Level,
} from '../knowledge/index.js';
import type { TriageResult } from '../triage/index.js';
import { exerciseItem, isProgrammeExercise } from './items.js';
import { canDo, kitOf } from './kit.js';
import type { AppliedChange } from './tailor.js';

export { formatDose } from './dose.js';
export { exerciseItem, isProgrammeExercise } from './items.js';
export { canDo, KITS, kitInWords, kitOf, newToStrength } from './kit.js';
export {
  type AppliedChange,
  describeChange,
  type PlanChange,
  swapOptions,
  tailorPlan,
  untailorPlan,
} from './tailor.js';

export type SectionId =
  | 'now'
  | 'relief-now'
  | 'next-run'
  | 'before-run'
  | 'after-run'
  | 'strength-mobility'
  | 'habits'
  | 'training'
  | 'gear'
  | 'seek-help';

export type PlanItem = {
  id: string;
  type: 'intervention' | 'exercise' | 'action';
  title: string;
  detail: string;
  /** Raised factors this item addresses; empty for advice that applies to everyone at this step. */
  addresses: string[];
  sources: string[];
  dose?: string;
  cautions?: string[];
  /** Exercises that make up a routine (warm-up, breathwork). */
  exercises?: string[];
};

export type PlanSection = { id: SectionId; title: string; items: PlanItem[] };

export type Day = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';
/**
 * One day of the week as results saved before the week moved to the schedule (`Assessment.week`,
 * built by `schedule/`) carried it. Read from old saved results only; never shown.
 */
export type ScheduleDay = {
  day: Day;
  run: boolean;
  focus: 'run' | 'strength' | 'mobility' | 'rest';
  items: string[];
};

export type Plan = {
  level: Level;
  /** `safety-only` for emergency and urgent: no exercises. */
  mode: 'safety-only' | 'gentle' | 'full';
  sections: PlanSection[];
  /**
   * The runner's swaps and drops, and the substitutions their equipment needed, as applied to
   * `sections` (see `tailorPlan`); each keeps the item it replaced, so it can be undone.
   */
  changes?: AppliedChange[];
  /** @deprecated The week of results saved before `Assessment.week`; not built any more, never shown. */
  schedule?: ScheduleDay[];
};

const sectionTitles: Record<SectionId, string> = {
  now: 'What to do now',
  'relief-now': 'Relief now',
  'next-run': 'On your next run',
  'before-run': 'Before you run',
  'after-run': 'After you run',
  'strength-mobility': 'Strength and mobility',
  habits: 'Daily habits',
  training: 'Training changes',
  gear: 'Gear',
  'seek-help': 'When to seek help',
};

const kindSection: Record<InterventionKind, SectionId> = {
  relief: 'relief-now',
  'during-run': 'next-run',
  'before-run': 'before-run',
  'after-run': 'after-run',
  habit: 'habits',
  training: 'training',
  gear: 'gear',
  professional: 'seek-help',
};

/** Used when nothing specific was raised, so every runner still gets a useful routine. */
const DEFAULTS = {
  upper: ['band-pull-apart', 'seated-row', 'plank', 'foam-roller-thoracic-extension', 'seated-torso-twist'],
  lower: ['bird-dog', 'plank', 'squat', 'cat-pose', 'childs-pose'],
  'next-run': ['shoulders-down-check', 'run-tall', 'reset-breaths'],
  'before-run': ['upper-body-warm-up'],
  'after-run': ['post-run-stretching'],
  training: ['gradual-progression'],
};

const MAX_STRENGTH = 4;
const MAX_MOBILITY = 3;
/** Below this summed factor score an item is not worth the runner's attention. */
const MIN_RELEVANCE = 0.3;

function interventionItem(i: Intervention, raised: Map<string, RaisedFactor>): PlanItem {
  const item: PlanItem = {
    id: i.id,
    type: 'intervention',
    title: i.title,
    detail: i.detail,
    addresses: i.factors.filter((f) => raised.has(f)),
    sources: i.sources,
  };
  if (i.cautions.length) item.cautions = i.cautions;
  if (i.exercises.length) item.exercises = i.exercises;
  return item;
}

/** Relevance of an item to the raised factors: the sum of their scores. */
const relevance = (factorIds: string[], raised: Map<string, RaisedFactor>) =>
  factorIds.reduce((sum, f) => sum + (raised.get(f)?.score ?? 0), 0);

function chooseInterventions(gentleOnly: boolean, raised: Map<string, RaisedFactor>, answers: Answers) {
  const bySection = new Map<SectionId, PlanItem[]>();
  const push = (section: SectionId, item: PlanItem) => {
    const list = bySection.get(section) ?? [];
    if (!list.some((x) => x.id === item.id)) list.push(item);
    bySection.set(section, list);
  };
  const all = knowledge().interventions.filter((i) => !gentleOnly || i.gentle);
  const ranked = all
    .map((i) => ({ i, r: relevance(i.factors, raised) }))
    .filter(({ i, r }) => r >= MIN_RELEVANCE || (i.factors.length === 0 && i.kind === 'relief'))
    // Advice for everyone first within a section, then the most relevant.
    .sort((x, y) => Number(x.i.factors.length > 0) - Number(y.i.factors.length > 0) || y.r - x.r);
  for (const { i } of ranked) push(kindSection[i.kind], interventionItem(i, raised));
  // Make sure each routine section has something, even with few answers.
  for (const section of ['next-run', 'before-run', 'after-run', 'training'] as const) {
    if (bySection.get(section)?.length) continue;
    for (const id of DEFAULTS[section]) {
      const i = all.find((x) => x.id === id);
      if (i) push(section, interventionItem(i, raised));
    }
  }
  // While in pain, about three run days a week (article 003).
  if ((answers.running?.runsPerWeek ?? 0) > 3) {
    const i = all.find((x) => x.id === 'three-run-days');
    if (i) push('training', interventionItem(i, raised));
  }
  return bySection;
}

/**
 * Greedy cover: each pick is the exercise that adds most for the raised factors not yet covered, so a
 * plan spreads across the runner's factors instead of stacking five exercises for one of them.
 */
function pickCovering(pool: Exercise[], raised: Map<string, RaisedFactor>, max: number): Exercise[] {
  const chosen: Exercise[] = [];
  const covered = new Set<string>();
  while (chosen.length < max) {
    let best: { e: Exercise; gain: number; total: number } | undefined;
    for (const e of pool) {
      if (chosen.includes(e)) continue;
      const gain = relevance(
        e.factors.filter((f) => !covered.has(f)),
        raised,
      );
      const total = relevance(e.factors, raised);
      if (total === 0) continue;
      if (!best || gain > best.gain || (gain === best.gain && total > best.total)) best = { e, gain, total };
    }
    if (!best) break;
    chosen.push(best.e);
    for (const f of best.e.factors) covered.add(f);
  }
  return chosen;
}

function chooseExercises(
  gentleOnly: boolean,
  raised: Map<string, RaisedFactor>,
  answers: Answers,
): Exercise[] {
  const kit = kitOf(answers);
  const pool = knowledge().exercises.filter(
    (e) => isProgrammeExercise(e) && (!gentleOnly || e.gentle) && canDo(e, kit),
  );
  const strength = gentleOnly
    ? []
    : pickCovering(
        pool.filter((e) => e.kind === 'strength'),
        raised,
        MAX_STRENGTH,
      );
  const mobility = pickCovering(
    pool.filter((e) => e.kind !== 'strength'),
    raised,
    MAX_MOBILITY,
  );
  const chosen = [...strength, ...mobility];
  if (chosen.length >= 3) return chosen;
  // Too little to go on: a default set for the part of the back that hurts.
  const lowerIds = ['lower-back', 'sacroiliac-buttock', 'hip'];
  const regions = answers.pain?.regions ?? [];
  const lower = regions.some((r) => lowerIds.includes(r));
  const upper = regions.some((r) => !lowerIds.includes(r));
  const ids = [...(upper || !lower ? DEFAULTS.upper : []), ...(lower ? DEFAULTS.lower : [])];
  for (const id of ids) {
    const e = pool.find((x) => x.id === id);
    if (e && !chosen.includes(e)) chosen.push(e);
  }
  return chosen.slice(0, MAX_STRENGTH + MAX_MOBILITY);
}

function safetyOnly(triage: TriageResult): Plan {
  const now: PlanItem[] = triage.reasons
    .filter((r) => r.level === triage.level)
    .map((r) => ({
      id: r.rule,
      type: 'action',
      title: r.name,
      detail: r.action,
      addresses: [],
      sources: r.sources,
    }));
  return {
    level: triage.level,
    mode: 'safety-only',
    sections: [
      { id: 'now', title: sectionTitles.now, items: now },
      { id: 'seek-help', title: sectionTitles['seek-help'], items: seekHelpItems(triage, new Map()) },
    ],
  };
}

function seekHelpItems(triage: TriageResult, raised: Map<string, RaisedFactor>): PlanItem[] {
  const net = triage.safetyNet;
  const items: PlanItem[] = [
    {
      id: 'safety-net-emergency',
      type: 'action',
      title: 'Call emergency services if',
      detail: net.emergency.join('; '),
      addresses: [],
      sources: net.sources,
    },
    {
      id: 'safety-net-urgent',
      type: 'action',
      title: 'See a doctor the same day if',
      detail: net.urgent.join('; '),
      addresses: [],
      sources: net.sources,
    },
    {
      id: 'safety-net-clinician',
      type: 'action',
      title: 'Book a physical therapist or doctor if',
      detail: net.clinician.join('; '),
      addresses: [],
      sources: net.sources,
    },
  ];
  if (triage.level === 'clinician' || triage.level === 'self-care') {
    for (const i of knowledge().interventions.filter((x) => x.kind === 'professional')) {
      items.push(interventionItem(i, raised));
    }
  }
  return items;
}

/**
 * Build the plan for a triage result and its factors.
 * @example buildPlan(answers, triage(answers), analyseFactors(answers)).sections.map((s) => s.id)
 */
export function buildPlan(answers: Answers, triage: TriageResult, factors: RaisedFactor[]): Plan {
  if (triage.level === 'emergency' || triage.level === 'urgent') return safetyOnly(triage);
  const gentleOnly = triage.level === 'clinician';
  const raised = new Map(factors.map((f) => [f.id, f]));
  const chosen = chooseInterventions(gentleOnly, raised, answers);
  const exercises = chooseExercises(gentleOnly, raised, answers);

  const sections: PlanSection[] = [];
  if (gentleOnly) {
    const book: PlanItem[] = triage.reasons
      .filter((r) => r.level === 'clinician')
      .map((r) => ({
        id: r.rule,
        type: 'action',
        title: r.name,
        detail: r.action,
        addresses: [],
        sources: r.sources,
      }));
    sections.push({ id: 'now', title: 'Book an appointment', items: book });
  }
  const order: SectionId[] = ['relief-now', 'next-run', 'before-run', 'after-run'];
  for (const id of order) sections.push({ id, title: sectionTitles[id], items: chosen.get(id) ?? [] });
  sections.push({
    id: 'strength-mobility',
    title: sectionTitles['strength-mobility'],
    items: exercises.map((e) => exerciseItem(e, raised)),
  });
  for (const id of ['habits', 'training', 'gear'] as const) {
    sections.push({ id, title: sectionTitles[id], items: chosen.get(id) ?? [] });
  }
  sections.push({ id: 'seek-help', title: sectionTitles['seek-help'], items: seekHelpItems(triage, raised) });

  return {
    level: triage.level,
    mode: gentleOnly ? 'gentle' : 'full',
    sections: sections.filter((s) => s.items.length > 0 || s.id === 'strength-mobility'),
  };
}

/**
 * The plan as this runner keeps it: their swaps (an exercise for another that addresses the same
 * factors) and drops, and, for a plan saved before their equipment was known, a stand-in for an
 * exercise their equipment does not allow. Applied to the strength and mobility programme only; the
 * run routines and the advice stay as built. Every applied change keeps the item it replaced, so
 * `untailorPlan` gives back the plan as built and a later change starts from there.
 */
import { index, type Kit, knowledge } from '../knowledge/index.js';
import type { Plan, PlanItem } from './index.js';
import { exerciseItem, isProgrammeExercise } from './items.js';
import { canDo } from './kit.js';

/** A change the runner made, as stored: keyed by the exercise of the plan as built. */
export type PlanChange = {
  /** The exercise the plan was built with. */
  exercise: string;
  action: 'swap' | 'drop';
  /** For a swap: the exercise done instead. */
  replacement?: string;
  /** When the runner made it (epoch ms). */
  at: number;
};

/** A change as applied to one plan. */
export type AppliedChange = {
  /** The exercise the plan was built with. */
  exercise: string;
  action: 'swap' | 'drop';
  /** For a swap: the exercise in its place, when it was not already in the plan. */
  replacement?: string;
  /** `you`: the runner's choice; `equipment`: the exercise needs equipment the runner did not say they have. */
  by: 'you' | 'equipment';
  at?: number;
  /** The item as built, and its place in the section, to put it back. */
  original: PlanItem;
  position: number;
};

const SECTION = 'strength-mobility';

/** Strength swaps for strength, mobility, stretching or breathing for one another: each sits on its own days. */
const group = (kind: string) => (kind === 'strength' ? 'strength' : 'mobility');

/**
 * The plan as built: the changes in `plan.changes` undone.
 * @example untailorPlan(tailorPlan(plan, options)) // deep-equals plan
 */
export function untailorPlan(plan: Plan): Plan {
  if (!plan.changes?.length) return plan;
  const applied = plan.changes;
  const sections = plan.sections.map((s) => {
    if (s.id !== SECTION) return s;
    const added = new Set(applied.flatMap((c) => (c.replacement ? [c.replacement] : [])));
    const items = s.items.filter((i) => !added.has(i.id));
    for (const c of [...applied].sort((a, b) => a.position - b.position)) {
      items.splice(Math.min(c.position, items.length), 0, c.original);
    }
    return { ...s, items };
  });
  const { changes: _changes, ...rest } = plan;
  return { ...rest, sections };
}

export type TailorOptions = {
  /** The runner's stored changes; those naming exercises not in this plan are ignored. */
  changes: readonly PlanChange[];
  /** The runner's equipment. */
  kit: readonly Kit[];
  /** Ids of the raised factors, for what a stand-in addresses. */
  raised: Iterable<string>;
};

/**
 * Apply the runner's changes and their equipment to a plan (built, or saved with older changes).
 * A swap whose replacement the runner cannot do (their equipment changed) is not applied; an exercise
 * their equipment does not allow is swapped for the closest one it does, or dropped when none is.
 * @example tailorPlan(plan, { changes: [{ exercise: 'plank', action: 'drop', at }], kit: [], raised: [] })
 */
export function tailorPlan(plan: Plan, options: TailorOptions): Plan {
  const base = untailorPlan(plan);
  if (base.mode === 'safety-only') return base;
  const section = base.sections.find((s) => s.id === SECTION);
  if (!section) return base;
  const raised = new Set(options.raised);
  const byExercise = new Map(options.changes.map((c) => [c.exercise, c]));
  const applied: AppliedChange[] = [];
  const items: PlanItem[] = [];
  const present = new Set(section.items.map((i) => i.id));

  section.items.forEach((item, position) => {
    const e = item.type === 'exercise' ? index('exercises').get(item.id) : undefined;
    if (!e) {
      items.push(item);
      return;
    }
    const change = byExercise.get(item.id);
    const record = (c: Omit<AppliedChange, 'exercise' | 'original' | 'position'>) =>
      applied.push({ exercise: item.id, original: item, position, ...c });
    const swapIn = (
      id: string,
      c: Omit<AppliedChange, 'exercise' | 'original' | 'position' | 'replacement'>,
    ) => {
      const r = index('exercises').get(id);
      if (!r) return;
      present.delete(item.id);
      // Already in the plan: doing it once is enough.
      if (present.has(id)) record(c);
      else {
        present.add(id);
        items.push(exerciseItem(r, raised));
        record({ ...c, replacement: id });
      }
    };
    if (change?.action === 'drop') {
      present.delete(item.id);
      record({ action: 'drop', by: 'you', at: change.at });
      return;
    }
    const replacement = change?.replacement ? index('exercises').get(change.replacement) : undefined;
    if (change?.action === 'swap' && replacement && suits(replacement, base, options.kit)) {
      swapIn(replacement.id, { action: 'swap', by: 'you', at: change.at });
      return;
    }
    if (canDo(e, options.kit)) {
      items.push(item);
      return;
    }
    const [stand] = candidates(e.id, item.addresses, base.mode, options.kit, present);
    if (stand) swapIn(stand.id, { action: 'swap', by: 'equipment' });
    else {
      present.delete(item.id);
      record({ action: 'drop', by: 'equipment' });
    }
  });

  if (!applied.length) return base;
  return {
    ...base,
    sections: base.sections.map((s) => (s.id === SECTION ? { ...s, items } : s)),
    changes: applied,
  };
}

/** An exercise this plan may hold for this runner: their equipment allows it, and it is gentle when the plan is. */
const suits = (e: { kit: Kit[]; gentle: boolean }, plan: Plan, kit: readonly Kit[]) =>
  canDo(e, kit) && (plan.mode !== 'gentle' || e.gentle);

function candidates(
  exerciseId: string,
  addresses: readonly string[],
  mode: Plan['mode'],
  kit: readonly Kit[],
  present: ReadonlySet<string>,
) {
  const e = index('exercises').get(exerciseId);
  if (!e) return [];
  // Ranked first by the raised factors it is in the plan for, then by the rest of its own factors.
  const score = (x: { factors: string[] }) => [
    x.factors.filter((f) => addresses.includes(f)).length,
    x.factors.filter((f) => e.factors.includes(f)).length,
  ];
  return knowledge()
    .exercises.filter(
      (x) =>
        x.id !== e.id &&
        !present.has(x.id) &&
        isProgrammeExercise(x) &&
        group(x.kind) === group(e.kind) &&
        canDo(x, kit) &&
        (mode !== 'gentle' || x.gentle),
    )
    .map((x) => ({ x, s: score(x) }))
    .filter(({ s }) => (s[1] ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.s[0] ?? 0) - (a.s[0] ?? 0) || (b.s[1] ?? 0) - (a.s[1] ?? 0) || a.x.name.localeCompare(b.x.name),
    )
    .map(({ x }) => x);
}

/**
 * What the runner may swap an exercise of the plan for: exercises of the same kind (strength for
 * strength, mobility for mobility) that address at least one of the same factors, that their equipment
 * allows, gentle in a gentle plan, and not already in the plan; first those sharing most of the raised
 * factors it is in the plan for.
 * @example swapOptions(plan, 'plank', []).map((e) => e.name)
 */
export function swapOptions(plan: Plan, exerciseId: string, kit: readonly Kit[]) {
  const section = plan.sections.find((s) => s.id === SECTION);
  const item = section?.items.find((i) => i.id === exerciseId);
  if (!section || !item || plan.mode === 'safety-only') return [];
  // A stand-in answers for the factors of the exercise it replaced.
  const origin = plan.changes?.find((c) => c.replacement === exerciseId)?.original ?? item;
  const present = new Set([...section.items.map((i) => i.id), origin.id]);
  return candidates(exerciseId, origin.addresses, plan.mode, kit, present);
}

/**
 * A change in a sentence, for the plan page, `plan` and the report.
 * @example describeChange(c) // 'You swapped Lat pull-down for Superman.'
 */
export function describeChange(c: AppliedChange): string {
  const replacement = c.replacement ? index('exercises').get(c.replacement)?.name : undefined;
  if (c.by === 'you') {
    if (c.action === 'drop') return `You dropped ${c.original.title}.`;
    return replacement
      ? `You swapped ${c.original.title} for ${replacement}.`
      : `You swapped ${c.original.title} for an exercise already in the plan.`;
  }
  const e = index('exercises').get(c.exercise);
  const needs = e?.equipment.length ? e.equipment.join(' and ') : 'equipment';
  return replacement
    ? `${c.original.title} needs ${needs}, which you did not say you have: ${replacement} is in its place.`
    : `${c.original.title} needs ${needs}, which you did not say you have, so it is left out.`;
}

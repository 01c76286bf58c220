/**
 * The knowledge base: the data files assembled, validated against the schema, and looked up by id.
 */
import { descriptors, regions } from './data/body.js';
import { exercises } from './data/exercises.js';
import { factors } from './data/factors.js';
import { facts } from './data/facts.js';
import { interventions } from './data/interventions.js';
import { inventory } from './data/inventory.js';
import { outcomeMeasures } from './data/outcome-measures.js';
import { checkBackPolicy, redFlags, safetyNet } from './data/red-flags.js';
import { selfChecks } from './data/self-checks.js';
import { sources } from './data/sources.js';
import { KnowledgeBase } from './schema.js';

export * from './schema.js';
export { checkBackPolicy, safetyNet };

/** The raw data, before validation (for the schema tests). */
export const rawKnowledge = {
  sources,
  regions,
  descriptors,
  factors,
  redFlags,
  interventions,
  exercises,
  selfChecks,
  facts,
  outcomeMeasures,
  inventory,
};

export type Collection = Exclude<keyof KnowledgeBase, 'inventory'>;

/** Singular names used in qualified ids (`exercise:plank`) and in `kb show`. */
export const collectionByKind = {
  source: 'sources',
  region: 'regions',
  descriptor: 'descriptors',
  factor: 'factors',
  'red-flag': 'redFlags',
  intervention: 'interventions',
  exercise: 'exercises',
  'self-check': 'selfChecks',
  fact: 'facts',
  'outcome-measure': 'outcomeMeasures',
} as const satisfies Record<string, Collection>;
export type ItemKind = keyof typeof collectionByKind;

let cached: KnowledgeBase | undefined;

/** The validated knowledge base (parsed once per process). */
export function knowledge(): KnowledgeBase {
  cached ??= KnowledgeBase.parse(rawKnowledge);
  return cached;
}

/** Lookup tables by id, one per collection. */
export function index<C extends Collection>(collection: C): Map<string, KnowledgeBase[C][number]> {
  const kb = knowledge();
  const key = `index:${collection}`;
  const store = indexes as Record<string, Map<string, KnowledgeBase[C][number]>>;
  let map = store[key];
  if (!map) {
    map = new Map((kb[collection] as KnowledgeBase[C][number][]).map((item) => [item.id, item]));
    store[key] = map;
  }
  return map;
}
const indexes: Record<string, unknown> = {};

/** Look one item up by id; throws if absent (ids in the engine are checked by the tests). */
export function byId<C extends Collection>(collection: C, id: string): KnowledgeBase[C][number] {
  const item = index(collection).get(id);
  if (!item) throw new Error(`unknown ${collection} id: ${id}`);
  return item;
}

/**
 * Every cross-reference problem in the base: unknown source, factor or exercise ids, duplicate ids,
 * inventory entries that point nowhere. Empty when the base is consistent.
 */
export function referenceProblems(kb: KnowledgeBase = knowledge()): string[] {
  const problems: string[] = [];
  const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
  const sourceIds = ids(kb.sources);
  const factorIds = ids(kb.factors);
  const exerciseIds = ids(kb.exercises);

  for (const [name, items] of Object.entries(kb) as [string, { id?: string }[]][]) {
    if (name === 'inventory') continue;
    const seen = new Set<string>();
    for (const item of items) {
      if (item.id && seen.has(item.id)) problems.push(`${name}: duplicate id ${item.id}`);
      if (item.id) seen.add(item.id);
    }
  }
  const cited: { collection: string; id: string; sources: string[] }[] = [
    ...(
      [
        'regions',
        'descriptors',
        'factors',
        'redFlags',
        'interventions',
        'exercises',
        'selfChecks',
        'facts',
        'outcomeMeasures',
      ] as const
    ).flatMap((c) => kb[c].map((item) => ({ collection: c, id: item.id, sources: item.sources }))),
  ];
  for (const item of cited) {
    for (const s of item.sources) {
      if (!sourceIds.has(s)) problems.push(`${item.collection}/${item.id}: unknown source ${s}`);
    }
  }
  const checkFactors = (where: string, list: string[]) => {
    for (const f of list) if (!factorIds.has(f)) problems.push(`${where}: unknown factor ${f}`);
  };
  for (const e of kb.exercises) checkFactors(`exercises/${e.id}`, e.factors);
  for (const s of kb.selfChecks) checkFactors(`selfChecks/${s.id}`, s.factors);
  for (const i of kb.interventions) {
    checkFactors(`interventions/${i.id}`, i.factors);
    for (const e of i.exercises)
      if (!exerciseIds.has(e)) problems.push(`interventions/${i.id}: unknown exercise ${e}`);
  }
  for (const entry of kb.inventory) {
    for (const qualified of entry.entries) {
      const [kind, id] = qualified.split(':') as [string, string];
      const collection = collectionByKind[kind as ItemKind];
      if (!collection) {
        problems.push(`inventory "${entry.item}": unknown kind ${kind}`);
        continue;
      }
      if (!ids(kb[collection]).has(id)) problems.push(`inventory "${entry.item}": unknown ${kind} ${id}`);
    }
  }
  return problems;
}

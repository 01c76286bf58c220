/**
 * Search and lookup across the knowledge base, for `kb search`, `kb show` and `kb list`.
 */
import { badInput, notFound } from '../errors.js';
import { collectionByKind, type ItemKind, knowledge } from './index.js';

export type Hit = { kind: ItemKind; id: string; name: string; score: number };

type AnyItem = { id: string } & Record<string, unknown>;

const nameOf = (item: AnyItem) => String(item.name ?? item.title ?? item.statement ?? item.id);

function textOf(item: AnyItem): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(item);
  return parts.join(' ').toLowerCase();
}

const terms = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);

function* allItems(): Generator<[ItemKind, AnyItem]> {
  const kb = knowledge();
  for (const [kind, collection] of Object.entries(collectionByKind) as [ItemKind, keyof typeof kb][]) {
    for (const item of kb[collection] as unknown as AnyItem[]) yield [kind, item];
  }
}

/**
 * Items matching every term, ranked: a match in the name or id weighs most, then aliases, then any text.
 * @example searchKnowledge('shoulder blade')[0]?.id
 */
export function searchKnowledge(query: string, limit = 20): Hit[] {
  const q = terms(query);
  if (q.length === 0)
    throw badInput('search text is empty: give at least one word of two or more letters', 'text');
  const hits: Hit[] = [];
  for (const [kind, item] of allItems()) {
    const name = `${nameOf(item)} ${item.id}`.toLowerCase();
    const aliases = Array.isArray(item.aliases) ? item.aliases.join(' ').toLowerCase() : '';
    const text = textOf(item);
    let score = 0;
    let all = true;
    for (const t of q) {
      if (name.includes(t)) score += 5;
      else if (aliases.includes(t)) score += 3;
      else if (text.includes(t)) score += 1;
      else all = false;
    }
    if (all && score > 0) hits.push({ kind, id: item.id, name: nameOf(item), score });
  }
  return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * One item by id, plain (`plank`) or qualified (`exercise:plank`). A plain id used by several kinds is
 * ambiguous and says which qualified ids to use.
 */
export function findItem(ref: string): { kind: ItemKind; item: AnyItem } {
  const [maybeKind, maybeId] = ref.includes(':') ? ref.split(':', 2) : [undefined, ref];
  if (maybeKind !== undefined && !(maybeKind in collectionByKind)) {
    throw badInput(
      `unknown kind "${maybeKind}" (expected one of ${Object.keys(collectionByKind).join(', ')})`,
      'id',
    );
  }
  const matches = [...allItems()].filter(
    ([kind, item]) => item.id === maybeId && (!maybeKind || kind === maybeKind),
  );
  if (matches.length === 0)
    throw notFound(`no knowledge-base item with id "${ref}" (try \`backstride kb search\`)`);
  if (matches.length > 1) {
    throw badInput(
      `"${ref}" is ambiguous: use ${matches.map(([k]) => `${k}:${maybeId}`).join(' or ')}`,
      'id',
    );
  }
  const [kind, item] = matches[0] as [ItemKind, AnyItem];
  return { kind, item };
}

/** Ids and names of one kind, or of all kinds. */
export function listItems(kind?: string): { kind: ItemKind; id: string; name: string }[] {
  if (kind !== undefined && !(kind in collectionByKind)) {
    throw badInput(
      `unknown kind "${kind}" (expected one of ${Object.keys(collectionByKind).join(', ')})`,
      'kind',
    );
  }
  return [...allItems()]
    .filter(([k]) => !kind || k === kind)
    .map(([k, item]) => ({ kind: k, id: item.id, name: nameOf(item) }));
}

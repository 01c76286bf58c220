/**
 * Search and lookup across the knowledge base, for `kb search`, `kb show` and `kb list`.
 */
import { stemmer } from 'stemmer';
import { badInput, notFound } from '../errors.js';
import { collectionByKind, type ItemKind, knowledge } from './index.js';
import { synonyms } from './synonyms.js';

export type Hit = { kind: ItemKind; id: string; name: string; score: number };

type AnyItem = { id: string } & Record<string, unknown>;

const nameOf = (item: AnyItem) => String(item.name ?? item.title ?? item.statement ?? item.id);

function* allItems(): Generator<[ItemKind, AnyItem]> {
  const kb = knowledge();
  for (const [kind, collection] of Object.entries(collectionByKind) as [ItemKind, keyof typeof kb][]) {
    for (const item of kb[collection] as unknown as AnyItem[]) yield [kind, item];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Words and stems

/**
 * Lower-case words of a text: accents dropped, apostrophes closed up (`child's` → `childs`, `can't` →
 * `cant`), split on anything that is not a letter or digit.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const stemCache = new Map<string, string>();
/** The Porter stem of one lower-case word (`walking`, `walks` → `walk`), cached. */
export function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    stemCache.set(word, stem);
  }
  return stem;
}

/** Marks the gap between two strings of one field, so that a phrase never matches across it. */
const GAP = '\u0000';

// ---------------------------------------------------------------------------------------------------------
// The index, built once on the first search

type Field = {
  words: string[];
  stems: string[];
  wordSet: Set<string>;
  stemSet: Set<string>;
};
type Entry = { kind: ItemKind; id: string; name: string; nameLength: number; fields: [Field, Field, Field] };

/** Weight of a match by field: name or id, aliases, any text. */
const FIELD_WEIGHT = [5, 3, 1] as const;
/** Weight of a match by how close it is: the very word, another form of it, a synonym, a word's start. */
const EXACT = 1;
const STEM = 0.7;
const SYNONYM = 0.5;
const PREFIX = 0.3;
/** Shortest query word that also matches as the start of a longer word (`rhomb` → `rhomboids`). */
const MIN_PREFIX = 4;

function field(strings: string[]): Field {
  const ws: string[] = [];
  for (const s of strings) {
    if (ws.length) ws.push(GAP);
    ws.push(...words(s));
  }
  const stems = ws.map((w) => (w === GAP ? GAP : stemOf(w)));
  return { words: ws, stems, wordSet: new Set(ws), stemSet: new Set(stems) };
}

function stringsOf(item: AnyItem): string[] {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(item);
  return parts;
}

let searchIndex: Entry[] | undefined;
function entries(): Entry[] {
  searchIndex ??= [...allItems()].map(([kind, item]) => ({
    kind,
    id: item.id,
    name: nameOf(item),
    nameLength: words(nameOf(item)).length,
    fields: [
      field([nameOf(item), item.id]),
      field(Array.isArray(item.aliases) ? item.aliases.map(String) : []),
      field(stringsOf(item)),
    ],
  }));
  return searchIndex;
}

let allWords: string[] | undefined;
/** Every distinct word in the knowledge base, for matching a query word as the start of a longer one. */
function vocabulary(): string[] {
  allWords ??= [...new Set(entries().flatMap((e) => [...e.fields[2].wordSet]))].filter((w) => w !== GAP);
  return allWords;
}

// ---------------------------------------------------------------------------------------------------------
// The query

/**
 * One way to match a query idea: its own word or phrase (matched by stems, exact when the words are the
 * same), a synonym's (by stems), or a longer word that the query word begins (by the word).
 */
type Alternative = { words: string[]; stems: string[]; via: 'own' | 'synonym' | 'prefix' };
/** One idea of the query (a word, or a phrase from the synonym table); every idea must match. */
type Concept = Alternative[];

const phrase = (text: string): Alternative => {
  const ws = words(text);
  return { words: ws, stems: ws.map(stemOf), via: 'synonym' };
};
const keyOf = (stems: string[]) => stems.join(' ');

/** The synonym table keyed by the stems of each `say` phrase. */
let synonymIndex: { byStems: Map<string, Alternative[]>; longest: number } | undefined;
function synonymTable() {
  if (!synonymIndex) {
    const byStems = new Map<string, Alternative[]>();
    let longest = 1;
    for (const { say, find } of synonyms) {
      for (const s of say) {
        const key = phrase(s).stems;
        longest = Math.max(longest, key.length);
        const list = byStems.get(keyOf(key)) ?? [];
        for (const f of find) {
          const alt = phrase(f);
          if (!list.some((a) => keyOf(a.stems) === keyOf(alt.stems))) list.push(alt);
        }
        byStems.set(keyOf(key), list);
      }
    }
    synonymIndex = { byStems, longest };
  }
  return synonymIndex;
}

/** Little words that a query does not need to match, unless the query has nothing else. */
const STOP_WORDS = new Set(
  'a am an and are as at be by for from i in is it its me my of on or the to was with'.split(' '),
);

/** The query's ideas. A one-letter word counts only when joined to the next one (`t-spine`, `c-spine`). */
function concepts(query: string): Concept[] {
  const ws: string[] = [];
  const joined: boolean[] = [];
  for (const chunk of query.split(/\s+/)) {
    const part = words(chunk);
    ws.push(...part);
    joined.push(...part.map((_, k) => k < part.length - 1));
  }
  const stems = ws.map(stemOf);
  const { byStems, longest } = synonymTable();
  const found: Concept[] = [];
  const stopped: Concept[] = [];
  for (let i = 0; i < ws.length; ) {
    let n = Math.min(longest, ws.length - i);
    while (n > 1 && !byStems.has(keyOf(stems.slice(i, i + n)))) n--;
    const word = ws[i] as string;
    if (n === 1 && word.length === 1 && joined[i]) n = 2;
    if (n === 1 && word.length === 1) {
      i++;
      continue;
    }
    const own: Alternative = { words: ws.slice(i, i + n), stems: stems.slice(i, i + n), via: 'own' };
    const concept: Concept = [own];
    for (const alt of byStems.get(keyOf(own.stems)) ?? [])
      if (keyOf(alt.stems) !== keyOf(own.stems)) concept.push(alt);
    if (n === 1 && word.length >= MIN_PREFIX) {
      for (const w of vocabulary())
        if (w.length > word.length && w.startsWith(word) && stemOf(w) !== own.stems[0])
          concept.push({ words: [w], stems: [stemOf(w)], via: 'prefix' });
    }
    (n === 1 && STOP_WORDS.has(word) ? stopped : found).push(concept);
    i += n;
  }
  return found.length ? found : stopped;
}

/** How closely one alternative matches one field: EXACT, STEM, SYNONYM, PREFIX or 0. */
function closeness(alt: Alternative, f: Field): number {
  if (alt.via === 'prefix') return f.wordSet.has(alt.words[0] as string) ? PREFIX : 0;
  const [first, ...rest] = alt.stems;
  if (first === undefined || !f.stemSet.has(first)) return 0;
  if (rest.length === 0)
    return alt.via === 'synonym' ? SYNONYM : f.wordSet.has(alt.words[0] as string) ? EXACT : STEM;
  let best = 0;
  for (let p = f.stems.indexOf(first); p >= 0; p = f.stems.indexOf(first, p + 1)) {
    if (!rest.every((s, k) => f.stems[p + 1 + k] === s)) continue;
    if (alt.via === 'synonym') return SYNONYM;
    if (alt.words.every((w, k) => f.words[p + k] === w)) return EXACT;
    best = STEM;
  }
  return best;
}

/** The best weighted match of one concept anywhere in an item, or 0. */
function conceptScore(c: Concept, e: Entry): number {
  let best = 0;
  e.fields.forEach((f, i) => {
    const weight = FIELD_WEIGHT[i as 0 | 1 | 2];
    if (weight <= best) return;
    for (const alt of c) best = Math.max(best, closeness(alt, f) * weight);
  });
  return best;
}

/**
 * Items matching every idea of the query, best first. Query and items are compared word by word after
 * stemming (`walking breaks` finds `hourly-walk-break`), and runners' words are widened through the
 * synonym table (`herniated disc` finds `disc`, `overuse` finds `Too much, too soon`). A match in the name
 * or id weighs most, then aliases, then any text; within each, the very word counts more than another form
 * of it, which counts more than a synonym or the start of a longer word.
 * @example searchKnowledge('shoulder blade')[0]?.id
 */
export function searchKnowledge(query: string, limit = 20): Hit[] {
  const q = concepts(query);
  if (q.length === 0)
    throw badInput('search text is empty: give at least one word of two or more letters', 'text');
  const hits: { hit: Hit; nameLength: number }[] = [];
  for (const e of entries()) {
    let score = 0;
    for (const c of q) {
      const s = conceptScore(c, e);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) {
      const hit = { kind: e.kind, id: e.id, name: e.name, score: Math.round(score * 100) / 100 };
      hits.push({ hit, nameLength: e.nameLength });
    }
  }
  // On a tie, a short name first: a match there says more than one in a long sentence.
  return hits
    .sort(
      (a, b) =>
        b.hit.score - a.hit.score || a.nameLength - b.nameLength || a.hit.name.localeCompare(b.hit.name),
    )
    .slice(0, limit)
    .map((h) => h.hit);
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

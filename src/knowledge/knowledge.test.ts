import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase, knowledge, rawKnowledge, referenceProblems } from './index.js';
import { findItem, listItems, searchKnowledge } from './search.js';

const INVENTORY = new URL('../../../shared/spec/seed-inventory.md', import.meta.url);

/** A deep copy of the raw data to break on purpose. */
const copy = () => structuredClone(rawKnowledge) as unknown as Record<string, Record<string, unknown>[]>;
const parseIssues = (data: unknown) => {
  const result = KnowledgeBase.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('knowledge base', () => {
  it('validates against its schema', () => {
    expect(parseIssues(rawKnowledge)).toEqual([]);
  });

  it('has no dangling references or duplicate ids', () => {
    expect(referenceProblems()).toEqual([]);
  });

  it('rejects an item without a source', () => {
    const data = copy();
    const [first] = data.exercises as Record<string, unknown>[];
    if (first) first.sources = [];
    expect(parseIssues(data).join('\n')).toMatch(
      /exercises\.0\.sources: every item cites at least one source/,
    );
  });

  it('rejects an exercise without steps or without a dose', () => {
    const noSteps = copy();
    const [one] = noSteps.exercises as Record<string, unknown>[];
    if (one) one.steps = ['only one'];
    expect(parseIssues(noSteps).join('\n')).toMatch(/exercises\.0\.steps/);
    const noDose = copy();
    const second = (noDose.exercises as Record<string, unknown>[])[1];
    if (second) delete second.dose;
    expect(parseIssues(noDose).join('\n')).toMatch(/exercises\.1\.dose/);
    const emptyDose = copy();
    const dose = (emptyDose.exercises as { dose: Record<string, unknown> }[])[2]?.dose ?? {};
    delete dose.reps;
    delete dose.holdS;
    delete dose.breaths;
    expect(parseIssues(emptyDose).join('\n')).toMatch(/a dose needs reps, a hold time or breaths/);
  });

  it('reports references to unknown ids', () => {
    const kb = structuredClone(knowledge());
    kb.exercises[0]?.factors.push('no-such-factor');
    kb.interventions[0]?.sources.push('no-such-source');
    kb.interventions[1]?.exercises.push('no-such-exercise');
    kb.inventory[0]?.entries.push('factor:no-such-factor');
    const problems = referenceProblems(kb).join('\n');
    expect(problems).toMatch(/unknown factor no-such-factor/);
    expect(problems).toMatch(/unknown source no-such-source/);
    expect(problems).toMatch(/unknown exercise no-such-exercise/);
    expect(problems).toMatch(/inventory .*unknown factor no-such-factor/);
  });

  it('cites one of the five articles or a guideline on every item', () => {
    const kinds = new Set(knowledge().sources.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['article', 'guideline', 'study', 'review']));
    expect(knowledge().sources.filter((s) => s.kind === 'article')).toHaveLength(5);
  });

  it('gives no medication doses anywhere', () => {
    const text = JSON.stringify(rawKnowledge);
    expect(text).not.toMatch(/\b\d+\s?(mg|milligrams?|ml|tablets?|pills?)\b/i);
    const otc = findItem('otc-pain-relief').item as unknown as { detail: string };
    expect(otc.detail).toMatch(/label/i);
    expect(otc.detail).toMatch(/pharmacist|doctor/i);
  });

  it('uses the doses the sources give', () => {
    const dose = (id: string) =>
      (findItem(`exercise:${id}`).item as unknown as { dose: Record<string, unknown> }).dose;
    expect(dose('shoulder-extension-band')).toMatchObject({
      sets: 3,
      reps: { min: 10, max: 20 },
      holdS: { min: 1 },
    });
    expect(dose('superman')).toMatchObject({ sets: 1, reps: { min: 5, max: 5 }, holdS: { min: 30 } });
    expect(dose('lat-pull-down')).toMatchObject({ sets: 3, reps: { min: 10, max: 12 } });
    expect(dose('mini-wall-sit-chest-expansion')).toMatchObject({ breaths: { min: 5 } });
  });

  it('maps every line of the seed inventory to an entry', (ctx) => {
    const entries = knowledge().inventory;
    if (!existsSync(INVENTORY)) {
      ctx.annotate('shared/spec/seed-inventory.md not found; checked the inventory map only');
      console.info('seed-inventory.md not present: checked the project inventory map only');
      expect(entries.length).toBeGreaterThan(70);
      return;
    }
    const lines = readFileSync(INVENTORY, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2));
    const unmapped = lines.filter((line) => !entries.some((e) => line.startsWith(e.item)));
    expect(unmapped).toEqual([]);
    const unused = entries.filter((e) => !lines.some((line) => line.startsWith(e.item)));
    expect(unused).toEqual([]);
  });
});

describe('knowledge search and lookup', () => {
  it('finds items by name, alias and text, best first', () => {
    expect(searchKnowledge('superman')[0]).toMatchObject({ kind: 'exercise', id: 'superman' });
    expect(searchKnowledge('t-spine').some((h) => h.id === 'mid-back-ribs')).toBe(true);
    expect(searchKnowledge('shoulder blades').length).toBeGreaterThan(3);
    expect(searchKnowledge('zzzz nothing')).toEqual([]);
  });

  it('shows an item by plain or qualified id and explains ambiguity', () => {
    expect(findItem('superman').kind).toBe('exercise');
    expect(findItem('factor:sports-bra-fit').kind).toBe('factor');
    expect(() => findItem('sports-bra-fit')).toThrow(
      /ambiguous: use factor:sports-bra-fit or intervention:sports-bra-fit/,
    );
    expect(() => findItem('nope')).toThrow(/no knowledge-base item with id "nope"/);
    expect(() => findItem('widget:nope')).toThrow(/unknown kind "widget"/);
  });

  it('lists items by kind', () => {
    expect(listItems('exercise').length).toBe(knowledge().exercises.length);
    expect(() => listItems('widgets')).toThrow(/unknown kind/);
  });
});

describe('words a person reads', () => {
  it('never name a source by its file number or id', () => {
    const texts: string[] = [];
    const walk = (v: unknown, key = '') => {
      if (typeof v === 'string') {
        if (key !== 'id' && key !== 'seed') texts.push(v);
      } else if (Array.isArray(v)) {
        // Arrays of ids (sources, factors, exercises) are references, not prose.
        if (!['sources', 'factors', 'exercises', 'entries'].includes(key)) for (const x of v) walk(x, key);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(knowledge());
    const offending = texts.filter((t) => /\barticle 00\d\b|\ba0[0-4]-[a-z]/i.test(t));
    expect(offending).toEqual([]);
  });

  it('never repeats a source year in its publisher (citations once read "2020 2020")', () => {
    const repeated = knowledge()
      .sources.filter((s) => s.year !== undefined && (s.publisher ?? '').includes(String(s.year)))
      .map((s) => s.title);
    expect(repeated).toEqual([]);
  });
});

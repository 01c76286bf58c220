/**
 * The answers JSON Schema as the OpenAPI document embeds it: self-contained (no $ref, $defs, $schema or
 * $id to break when moved under components), built from keywords a 2020-12 validator knows, and it
 * accepts the check-in's new answers and refuses the wrong shapes the same way zod does. A small
 * validator for exactly the keywords the schema uses stands in for a JSON Schema library.
 */
import { describe, expect, it } from 'vitest';
import { Answers } from '../answers/index.js';
import { openApiDocument } from './openapi.js';

type Node = Record<string, unknown>;

const KEYWORDS = new Set([
  'type',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'anyOf',
  'oneOf',
  'format',
  'pattern',
  'description',
  'title',
  'default',
]);

function* nodes(n: Node): Generator<Node> {
  yield n;
  for (const v of Object.values((n.properties as Record<string, Node>) ?? {})) yield* nodes(v);
  if (n.items && typeof n.items === 'object') yield* nodes(n.items as Node);
  if (n.additionalProperties && typeof n.additionalProperties === 'object')
    yield* nodes(n.additionalProperties as Node);
  for (const k of ['anyOf', 'oneOf'] as const) for (const v of (n[k] as Node[]) ?? []) yield* nodes(v);
}

/** Whether a value is valid under a schema node (only the keywords in KEYWORDS). */
function valid(n: Node, v: unknown): boolean {
  const types = [n.type].flat().filter(Boolean) as string[];
  const typeOk = (t: string) =>
    t === 'integer'
      ? Number.isInteger(v)
      : t === 'array'
        ? Array.isArray(v)
        : t === 'object'
          ? typeof v === 'object' && v !== null && !Array.isArray(v)
          : t === 'null'
            ? v === null
            : typeof v === t;
  if (types.length && !types.some(typeOk)) return false;
  if (n.enum && !(n.enum as unknown[]).includes(v)) return false;
  if ('const' in n && n.const !== v) return false;
  if (typeof v === 'number') {
    if (typeof n.minimum === 'number' && v < n.minimum) return false;
    if (typeof n.maximum === 'number' && v > n.maximum) return false;
    if (typeof n.exclusiveMinimum === 'number' && v <= n.exclusiveMinimum) return false;
    if (typeof n.exclusiveMaximum === 'number' && v >= n.exclusiveMaximum) return false;
  }
  if (typeof v === 'string' && typeof n.pattern === 'string' && !new RegExp(n.pattern, 'u').test(v))
    return false;
  if (Array.isArray(v)) {
    if (typeof n.minItems === 'number' && v.length < n.minItems) return false;
    if (typeof n.maxItems === 'number' && v.length > n.maxItems) return false;
    if (n.items && !v.every((x) => valid(n.items as Node, x))) return false;
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const props = (n.properties as Record<string, Node>) ?? {};
    for (const r of (n.required as string[]) ?? []) if (!(r in v)) return false;
    for (const [k, x] of Object.entries(v)) {
      if (props[k]) {
        if (!valid(props[k], x)) return false;
      } else if (n.additionalProperties === false) return false;
    }
  }
  if (n.anyOf && !(n.anyOf as Node[]).some((s) => valid(s, v))) return false;
  if (n.oneOf && (n.oneOf as Node[]).filter((s) => valid(s, v)).length !== 1) return false;
  return true;
}

const doc = openApiDocument('test') as { components: { schemas: { Answers: Node } } };
const schema = doc.components.schemas.Answers;

/** Every new question of the check-in answered. */
const full = {
  about: { age: 30, sex: 'female' },
  pain: {
    regions: ['mid-back-ribs'],
    spreadsTo: ['groin', 'belly'],
    qualities: ['pressure', 'tearing'],
    worseWith: ['deep-breath', 'standing', 'arching-back', 'looking-up', 'downhill', 'running-faster'],
    onset: 'unusual-exercise',
    daysSinceStart: 4,
    triedPainkillers: true,
    stopsDailyActivities: false,
    recurrent: true,
  },
  running: { recentChanges: ['started-running', 'sports-bra', 'gym-lifts'] },
  daily: { equipment: ['band', 'dumbbells'] },
  outlook: { worriedSerious: true, fearOfMoving: false, lowMood: false, struggling: false },
  redFlags: {
    nearFaintOrPalpitations: false,
    thunderclapHeadache: false,
    confusedOrDrowsy: false,
    highBloodPressure: true,
    abdominalPainHighBloodPressure: false,
    fever: true,
    feverNeckStiffness: false,
    painfulUrination: false,
    bloodInUrine: false,
    flankPain: false,
    oneSidedRash: false,
    clotRisk: [],
    morningStiffnessOver30Min: false,
    betterWithExercise: true,
    alternatingButtockPain: false,
    eyeInflammation: 'in-the-past',
    psoriasisOrBowelDisease: false,
    trauma: 'none',
  },
};

describe('the answers schema in the OpenAPI document', () => {
  it('is self-contained and uses only keywords a 2020-12 validator knows', () => {
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/"\$ref"|"\$defs"/);
    expect(schema.$schema).toBeUndefined();
    expect(schema.$id).toBeUndefined();
    for (const n of nodes(schema))
      for (const k of Object.keys(n)) expect(KEYWORDS.has(k), `unknown keyword ${k}`).toBe(true);
  });

  it('accepts the new answers, as zod does', () => {
    expect(Answers.safeParse(full).success).toBe(true);
    expect(valid(schema, full)).toBe(true);
    expect(valid(schema, { redFlags: { clotRisk: ['pill-or-hrt', 'previous-clot'] } })).toBe(true);
  });

  it('refuses the wrong shapes, as zod does', () => {
    for (const bad of [
      { redFlags: { clotRisk: false } },
      { redFlags: { clotRisk: ['bus'] } },
      { redFlags: { eyeInflammation: 'sometimes' } },
      { outlook: { happy: true } },
      { daily: { equipment: ['kettlebell'] } },
      { pain: { onset: 'suddenly' } },
      { pain: { spreadsTo: ['knee'] } },
      { running: { recentChanges: ['new-watch'] } },
    ]) {
      expect(Answers.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(valid(schema, bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

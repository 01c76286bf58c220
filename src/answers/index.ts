/**
 * The answers' public face: the schema, its JSON Schema, and validation at the edge.
 */
import { z } from 'zod';
import { badInput } from '../errors.js';
import { Answers } from './schema.js';

export * from './schema.js';

/** A dotted path for people: `pain.regions[1]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** Turn one zod issue into a sentence that names the field and what was expected. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  let field = fieldPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    field = field ? `${field}.${key}` : key;
    message = 'unknown field (check the spelling against `backstride schema answers`)';
  } else if (issue.code === 'invalid_value') {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    message = `expected ${issue.expected}`;
  }
  return { field: field || '(root)', message };
}

/**
 * Validate untrusted answers. Throws a bad-input error naming the first field at fault.
 * @example parseAnswers(JSON.parse(text))
 */
export function parseAnswers(input: unknown): Answers {
  const result = Answers.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw badInput('answers are not valid');
  const { field, message } = describeIssue(issue);
  throw badInput(`${field}: ${message}`, field);
}

/** The JSON Schema of the answers file (draft 2020-12). */
export function answersJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Answers, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://backstride.local/schema/answers.json',
    title: 'Backstride check-in answers',
  };
}

/**
 * Answers saved before the check-in asked the newer questions (confusion, palpitations, clot risk, urinary,
 * shingles, inflammatory features, worry) still load and still triage safely: the new fields are optional,
 * and a screen that lacks them is incomplete, so the result is never self-care alone and names them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/index.js';
import { parseAnswers } from './index.js';

const legacy = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../tests/fixtures/legacy/${name}.json`, import.meta.url), 'utf8'));

describe('answers from the first release', () => {
  it('still validate against the schema', () => {
    expect(() => parseAnswers(legacy('answers-v0.1-desk-worker'))).not.toThrow();
    expect(() => parseAnswers(legacy('answers-v0.1-saddle-numbness'))).not.toThrow();
  });

  it('an old self-care check-in becomes at least a booking, naming the questions it never asked', () => {
    const result = assess(parseAnswers(legacy('answers-v0.1-desk-worker')));
    expect(result.triage.level).toBe('clinician');
    expect(result.triage.reasons.map((r) => r.rule)).toEqual(['screen-incomplete']);
    const unanswered = result.triage.redFlagScreen.unanswered.map((u) => u.question);
    expect(unanswered).toEqual(expect.arrayContaining(['nearFaintOrPalpitations', 'painfulUrination']));
    for (const u of result.triage.redFlagScreen.unanswered) {
      expect(result.triage.redFlagScreen.note).toContain(u.text.replace(/\.$/, ''));
    }
  });

  it('an old emergency stays an emergency', () => {
    expect(assess(parseAnswers(legacy('answers-v0.1-saddle-numbness'))).triage.level).toBe('emergency');
  });
});

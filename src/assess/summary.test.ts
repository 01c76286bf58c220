import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { assess } from './index.js';
import { firstSentence, summarise } from './summary.js';

const fixture = (name: string) =>
  assess(
    parseAnswers(
      JSON.parse(
        readFileSync(new URL(`../../tests/fixtures/triage-cases/${name}.json`, import.meta.url), 'utf8'),
      ),
    ),
  );

/** One sentence: it ends with a stop and no other sentence starts inside it. */
const oneSentence = (s: string) => /[.!?]$/.test(s) && !/[.!?]\s+[A-Z]/.test(s);

describe('summarise', () => {
  it('leads a self-care result with the level and why, three things today, three factors and the date', () => {
    const r = fixture('sc-desk-worker-upper-back');
    const s = summarise(r);
    expect(s.level).toBe('self-care');
    expect(s.headline).toBe(r.triage.headline);
    expect(oneSentence(s.why)).toBe(true);
    expect(s.why).toMatch(/^None of the warning signs .*, and it behaves like ordinary mechanical back pain/);

    expect(s.today).toHaveLength(3);
    const items = new Map(r.plan.sections.flatMap((x) => x.items.map((i) => [i.title, x.title] as const)));
    // Each is a plan item, quoted by its first sentence, from a different part of the plan; easing the
    // pain comes first.
    for (const a of s.today) {
      expect(items.get(a.title)).toBe(a.from);
      expect(oneSentence(a.line)).toBe(true);
    }
    expect(s.today[0]?.from).toBe('Relief now');
    expect(new Set(s.today.map((a) => a.from)).size).toBe(3);
    // What comes after easing the pain is for the likely factors.
    const rest = r.plan.sections
      .flatMap((x) => x.items)
      .filter((i) => s.today.slice(1).some((a) => a.title === i.title));
    for (const item of rest) expect(item.addresses.length).toBeGreaterThan(0);

    expect(s.factors.map((f) => f.id)).toEqual(r.factors.slice(0, 3).map((f) => f.id));
    expect(s.factors[0]).toMatchObject({
      name: 'Long hours of slouched sitting',
      evidence: 'You sit about 10 hours a day.',
    });
    expect(s.moreFactors).toBe(r.factors.length - 3);
    expect(s.checkBack).toEqual({ on: r.triage.selfCare?.checkBack.on, question: 'Is it easing?' });
  });

  it('puts booking first on a clinician result, and says why by the reasons’ names', () => {
    const r = fixture('cl-night-pain-alone');
    const s = summarise(r);
    expect(s.level).toBe('clinician');
    expect(s.why).toBe('Why: night pain that stops sleep.');
    expect(s.today[0]).toMatchObject({
      title: 'Book within the next week or two',
      line: r.care.routine.text,
    });
    expect(s.today[1]?.from).toBe('Relief now');
    expect(s.today).toHaveLength(3);
    expect(s.checkBack).toBeUndefined();
  });

  it('names every reason of a clinician result, keeping a name that starts with an article readable', () => {
    expect(summarise(fixture('cl-cancer-history-lower-back-improving')).why).toBe(
      'Why: a history of cancer.',
    );
    expect(summarise(fixture('cl-night-pain-worse-at-day-ten')).why).toBe(
      'Why: night pain that stops sleep; and pain that is getting worse over days.',
    );
  });

  it('has nothing to do today and no factors for an emergency: its screen is the care message', () => {
    const s = summarise(fixture('em-saddle-numbness'));
    expect(s.level).toBe('emergency');
    expect(s.today).toEqual([]);
    expect(s.factors).toEqual([]);
    expect(s.checkBack).toBeUndefined();
  });

  it('summarises every self-care and clinician case with three things to do and a one-sentence why', () => {
    const cases = JSON.parse(
      readFileSync(new URL('../../tests/fixtures/triage-cases/cases.json', import.meta.url), 'utf8'),
    ) as Record<string, { level: string }>;
    const named = Object.entries(cases).filter(([, c]) => c.level === 'self-care' || c.level === 'clinician');
    expect(named.length).toBeGreaterThan(30);
    for (const [name] of named) {
      const s = summarise(fixture(name));
      expect(s.today, name).toHaveLength(3);
      expect(oneSentence(s.why), `${name}: ${s.why}`).toBe(true);
      expect(s.factors.length, name).toBeLessThanOrEqual(3);
    }
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop before a capital', () => {
    expect(firstSentence('Change position often. Move slowly.')).toBe('Change position often.');
    expect(firstSentence('Hold 30 s (about 3 breaths).')).toBe('Hold 30 s (about 3 breaths).');
    expect(firstSentence('A 2017 trial: it worked. (Cherkin 2017)')).toBe('A 2017 trial: it worked.');
  });
});

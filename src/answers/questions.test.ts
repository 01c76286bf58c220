import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from './index.js';
import {
  applicableSteps,
  askedQuestions,
  LEGACY_QUESTION_COUNT,
  QUESTIONS,
  questionApplies,
  recentChangeChoices,
  STEP_ORDER,
  stepApplies,
  withoutUnasked,
} from './questions.js';
import { applicableScreenQuestions } from './red-flag-screen.js';
import { Answers, RedFlags, redFlagQuestions } from './schema.js';

const ids = (a: Answers) => askedQuestions(a).map((q) => q.id);

/** Fields that no question fills on its own: they come with another answer or are never asked. */
const NOT_ASKED_ALONE = new Set([
  'pain.overThreeMonths', // with pain.daysSinceStart ("how long ago did it begin?")
  'about.heightCm',
  'about.weightKg',
]);

describe('the question catalogue', () => {
  it('names real answers paths, each once, in steps that exist', () => {
    const seen = new Set<string>();
    for (const q of QUESTIONS) {
      expect(seen.has(q.id), q.id).toBe(false);
      seen.add(q.id);
      expect(STEP_ORDER).toContain(q.step);
      const [section, field] = q.id.split('.') as [keyof typeof Answers.shape, string | undefined];
      const shape = Answers.shape[section];
      expect(shape, q.id).toBeDefined();
      if (field) {
        const inner = (shape as unknown as { unwrap(): { shape: Record<string, unknown> } }).unwrap().shape;
        expect(inner[field], q.id).toBeDefined();
      }
    }
  });

  it('covers every field of the answers outside the red-flag screen', () => {
    const asked = new Set(QUESTIONS.map((q) => q.id));
    for (const section of ['about', 'pain', 'running', 'daily', 'gear', 'selfChecks'] as const) {
      const inner = Answers.shape[section].unwrap().shape;
      for (const field of Object.keys(inner)) {
        const id = `${section}.${field}`;
        if (NOT_ASKED_ALONE.has(id)) continue;
        expect(asked.has(id), id).toBe(true);
      }
    }
    // The form and outlook are one checklist each.
    expect(asked.has('form')).toBe(true);
    expect(asked.has('outlook')).toBe(true);
  });

  it('asks every applicable red-flag question, through the shared screen', () => {
    const a: Answers = { redFlags: { chestPain: true, fever: true }, pain: { worseWith: ['deep-breath'] } };
    const flags = ids(a)
      .filter((id) => id.startsWith('redFlags.'))
      .map((id) => id.slice('redFlags.'.length));
    expect(flags).toEqual(applicableScreenQuestions(a));
    expect(flags).toEqual(expect.arrayContaining(['cardiacTiming', 'feverNeckStiffness', 'clotRisk']));
    // Every red-flag question is reachable by some answers.
    const everything: Answers = {
      redFlags: { chestPain: true, fever: true, highBloodPressure: true },
      pain: { worseWith: ['deep-breath'] },
    };
    expect(new Set(applicableScreenQuestions(everything))).toEqual(new Set(redFlagQuestions));
  });

  it('asks the red-flag screen first, then in step order', () => {
    const all = askedQuestions({});
    const firstOther = all.findIndex((q) => !q.id.startsWith('redFlags.'));
    expect(all.slice(0, firstOther).every((q) => q.step.startsWith('rf-'))).toBe(true);
    const order = all.map((q) => STEP_ORDER.indexOf(q.step));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('leaves out the trend and what was tried when the pain began today', () => {
    const today = ids({ pain: { daysSinceStart: 0 } });
    for (const id of ['pain.trend', 'pain.triedSelfCare', 'pain.triedPainkillers'])
      expect(today).not.toContain(id);
    const days = ids({ pain: { daysSinceStart: 4 } });
    for (const id of ['pain.trend', 'pain.triedSelfCare', 'pain.triedPainkillers'])
      expect(days).toContain(id);
    // Not said yet: asked.
    expect(ids({})).toContain('pain.trend');
  });

  it('asks about a sports bra unless the runner is male', () => {
    expect(ids({ about: { sex: 'male' } })).not.toContain('gear.sportsBraFit');
    for (const sex of ['female', 'other', undefined] as const)
      expect(ids({ about: sex ? { sex } : {} })).toContain('gear.sportsBraFit');
    expect(recentChangeChoices({ about: { sex: 'male' } }).map((c) => c.value)).not.toContain('sports-bra');
    expect(recentChangeChoices({ about: { sex: 'female' } }).map((c) => c.value)).toContain('sports-bra');
  });

  it('asks the distance four weeks ago only after this week’s, and the shoe distance unless worn', () => {
    expect(ids({})).not.toContain('running.weeklyKm4WeeksAgo');
    expect(ids({ running: { weeklyKmNow: 30 } })).toContain('running.weeklyKm4WeeksAgo');
    expect(ids({ running: { weeklyKmNow: 0 } })).toContain('running.weeklyKm4WeeksAgo');
    expect(ids({ gear: { shoeCondition: 'worn' } })).not.toContain('gear.shoeAgeKm');
    expect(ids({ gear: { shoeCondition: 'good' } })).toContain('gear.shoeAgeKm');
    expect(ids({})).toContain('gear.shoeAgeKm');
  });

  it('asks about sitting habits only of runners who sit for a while', () => {
    expect(ids({ daily: { sittingHours: 1 } })).not.toContain('daily.breaks');
    expect(ids({ daily: { sittingHours: 1 } })).not.toContain('daily.slouching');
    expect(ids({ daily: { sittingHours: 8 } })).toContain('daily.breaks');
    expect(ids({})).toContain('daily.slouching');
  });

  it('skips a follow-up step that does not apply, and shows it when it does', () => {
    const older: Answers = { about: { age: 50 }, pain: { daysSinceStart: 4 } };
    expect(stepApplies('fu-clot', older)).toBe(false);
    expect(stepApplies('fu-inflammatory', older)).toBe(false);
    expect(applicableSteps(older)).not.toContain('fu-clot');
    const breathing: Answers = { ...older, pain: { ...older.pain, worseWith: ['deep-breath'] } };
    expect(applicableSteps(breathing)).toContain('fu-clot');
    const young: Answers = { about: { age: 30 }, pain: { overThreeMonths: true } };
    expect(ids(young)).toEqual(
      expect.arrayContaining(['redFlags.morningStiffnessOver30Min', 'redFlags.eyeInflammation']),
    );
    expect(questionApplies('redFlags.clotRisk', young)).toBe(false);
    expect(questionApplies('pain.trend', young)).toBe(true);
    expect(questionApplies('no.such', young)).toBe(false);
  });

  it('drops answers to questions that are no longer asked', () => {
    const a: Answers = {
      about: { sex: 'male' },
      pain: { daysSinceStart: 0, trend: 'worse', worseWith: [] },
      running: { recentChanges: ['sports-bra', 'hills'] },
      gear: { sportsBraFit: 'poor' },
      redFlags: { chestPain: false, cardiacTiming: 'now', clotRisk: ['long-journey'], fever: false },
    };
    expect(withoutUnasked(a)).toEqual({
      about: { sex: 'male' },
      pain: { daysSinceStart: 0, worseWith: [] },
      running: { recentChanges: ['hills'] },
      redFlags: { chestPain: false, fever: false },
    });
  });

  it('has the wording of every red-flag question, in the schema and its JSON Schema', () => {
    const json = answersJsonSchema() as {
      properties: { redFlags: { properties: Record<string, { description?: string }> } };
    };
    for (const q of redFlagQuestions) {
      expect(RedFlags.shape[q].description, q).toMatch(/\w{3}/);
      expect(json.properties.redFlags.properties[q]?.description, q).toMatch(/\w{3}/);
    }
  });

  it('counts the legacy check-in', () => {
    expect(LEGACY_QUESTION_COUNT).toBe(73);
    // The new check-in asks more of a runner with no answers yet (everything applies but the follow-ups).
    expect(askedQuestions({}).length).toBeGreaterThan(LEGACY_QUESTION_COUNT);
  });
});

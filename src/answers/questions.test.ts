import { describe, expect, it } from 'vitest';
import { triedAnswers, trueForYouAnswers } from './choices.js';
import { answersJsonSchema } from './index.js';
import {
  applicableSteps,
  askedQuestions,
  LEGACY_QUESTION_COUNTS,
  QUESTIONS,
  questionApplies,
  recentChangeChoices,
  STEP_ORDER,
  safetyChecklist,
  stepApplies,
  withoutUnasked,
} from './questions.js';
import { applicableScreenQuestions, RED_FLAG_GROUPS } from './red-flag-screen.js';
import { Answers, type RedFlagQuestion, RedFlags, redFlagQuestions } from './schema.js';

/** The questions asked, by id (a checklist by its name: `pain.tried`, `rf-heart`). */
const ids = (a: Answers) => askedQuestions(a).map((q) => q.id);
/** The answers paths the questions asked fill. */
const fills = (a: Answers, o = {}) => askedQuestions(a, o).flatMap((q) => q.fills);

/** Fields merged into another screen question's wording: kept in the schema for older check-ins only. */
const MERGED_INTO_ANOTHER: RedFlagQuestion[] = [
  'bowelControlLoss',
  'sexualDysfunction',
  'worseningWeakness',
  'calfSwelling',
  'thunderclapHeadache',
  'confusedOrDrowsy',
];

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
      expect(STEP_ORDER).toContain(q.step);
      for (const path of q.items ? q.items.map((i) => i.path) : [q.id]) {
        expect(seen.has(path), path).toBe(false);
        seen.add(path);
        const [section, field] = path.split('.') as [keyof typeof Answers.shape, string | undefined];
        const shape = Answers.shape[section];
        expect(shape, path).toBeDefined();
        if (field) {
          const inner = (shape as unknown as { unwrap(): { shape: Record<string, unknown> } }).unwrap().shape;
          expect(inner[field], path).toBeDefined();
        }
      }
    }
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
  });

  it('covers every field of the answers outside the red-flag screen', () => {
    const asked = new Set(QUESTIONS.flatMap((q) => (q.items ? q.items.map((i) => i.path) : [q.id])));
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
    const flags = fills(a)
      .filter((id) => id.startsWith('redFlags.'))
      .map((id) => id.slice('redFlags.'.length));
    expect(new Set(flags)).toEqual(new Set(applicableScreenQuestions(a)));
    expect(flags).toHaveLength(applicableScreenQuestions(a).length);
    expect(flags).toEqual(expect.arrayContaining(['cardiacTiming', 'feverNeckStiffness', 'clotRisk']));
    // Every red-flag question is reachable by some answers, but those now asked with another.
    const everything: Answers = {
      redFlags: { chestPain: true, fever: true, highBloodPressure: true },
      pain: { worseWith: ['deep-breath'] },
    };
    expect(new Set(applicableScreenQuestions(everything))).toEqual(
      new Set(redFlagQuestions.filter((q) => !MERGED_INTO_ANOTHER.includes(q))),
    );
    for (const q of MERGED_INTO_ANOTHER) expect(fills(everything)).not.toContain(`redFlags.${q}`);
  });

  it('asks each safety group as one checklist, with the accident and in-group follow-ups on their own', () => {
    const none = askedQuestions({}).filter((q) => q.step.startsWith('rf-'));
    // Four checklists and the accident question.
    expect(none.map((q) => q.id)).toEqual([
      'rf-heart',
      'rf-nerves',
      'rf-general',
      'redFlags.trauma',
      'rf-body',
    ]);
    for (const g of RED_FLAG_GROUPS) {
      const list = none.find((q) => q.id === g.id);
      expect(list?.fills).toEqual(
        g.items.filter((i) => !i.askIf && i.id !== 'trauma').map((i) => `redFlags.${i.id}`),
      );
    }
    // A tick brings its follow-up as one more question, not a line of the checklist.
    const fever = askedQuestions({ redFlags: { fever: true, chestPain: true } }).map((q) => q.id);
    expect(fever).toEqual(expect.arrayContaining(['redFlags.feverNeckStiffness', 'redFlags.cardiacTiming']));
    expect(safetyChecklist('rf-general', { redFlags: { fever: true } })).not.toContain('feverNeckStiffness');
    // The inflammatory follow-ups: one checklist and the eye question.
    const young = askedQuestions({ about: { age: 30 }, pain: { overThreeMonths: true } });
    expect(young.filter((q) => q.step === 'fu-inflammatory').map((q) => q.id)).toEqual([
      'fu-inflammatory',
      'redFlags.eyeInflammation',
    ]);
  });

  it('asks the red-flag screen first, then in step order', () => {
    const all = askedQuestions({});
    const firstOther = all.findIndex((q) => !q.id.startsWith('redFlags.'));
    expect(all.slice(0, firstOther).every((q) => q.step.startsWith('rf-'))).toBe(true);
    const order = all.map((q) => STEP_ORDER.indexOf(q.step));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('leaves out the trend and what was tried when the pain began today', () => {
    const today = fills({ pain: { daysSinceStart: 0 } });
    for (const id of ['pain.trend', 'pain.triedSelfCare', 'pain.triedPainkillers'])
      expect(today).not.toContain(id);
    const days = fills({ pain: { daysSinceStart: 4 } });
    for (const id of ['pain.trend', 'pain.triedSelfCare', 'pain.triedPainkillers'])
      expect(days).toContain(id);
    // Not said yet: asked.
    expect(ids({})).toContain('pain.trend');
    expect(questionApplies('pain.triedPainkillers', { pain: { daysSinceStart: 0 } })).toBe(false);
  });

  it('asks what was tried as one checklist: self-care, painkillers (never doses) or nothing yet', () => {
    const tried = askedQuestions({ pain: { daysSinceStart: 4 } }).find((q) => q.id === 'pain.tried');
    expect(tried?.fills).toEqual(['pain.triedSelfCare', 'pain.triedPainkillers']);
    expect(triedAnswers([])).toEqual({});
    expect(triedAnswers(['none'])).toEqual({ triedSelfCare: false, triedPainkillers: false });
    expect(triedAnswers(['heat', 'painkillers'])).toEqual({ triedSelfCare: true, triedPainkillers: true });
    expect(triedAnswers(['painkillers'])).toEqual({ triedSelfCare: false, triedPainkillers: true });
    expect(triedAnswers(['stretching'])).toEqual({ triedSelfCare: true, triedPainkillers: false });
  });

  it('asks "Which of these are true for you?" as one checklist, drinking too little as poor hydration', () => {
    const sitter = askedQuestions({ daily: { sittingHours: 8 } }).find((q) => q.id === 'daily.trueForYou');
    expect(sitter?.fills).toEqual([
      'daily.slouching',
      'daily.heavyLifting',
      'daily.previousSportsInjury',
      'daily.hydration',
    ]);
    const standing = askedQuestions({ daily: { sittingHours: 1 } }).find((q) => q.id === 'daily.trueForYou');
    expect(standing?.fills).not.toContain('daily.slouching');
    expect(trueForYouAnswers([], true)).toEqual({});
    expect(trueForYouAnswers(['none'], true)).toEqual({
      slouching: false,
      heavyLifting: false,
      previousSportsInjury: false,
      hydration: 'good',
    });
    expect(trueForYouAnswers(['poorHydration', 'heavyLifting'], false)).toEqual({
      heavyLifting: true,
      previousSportsInjury: false,
      hydration: 'poor',
    });
  });

  it('leaves out the running load when the imported runs answer it', () => {
    const load = [
      'running.runsPerWeek',
      'running.restDaysPerWeek',
      'running.weeklyKmNow',
      'running.weeklyKm4WeeksAgo',
      'running.longestRunKm',
    ];
    const a: Answers = { running: { weeklyKmNow: 30 } };
    for (const id of load) expect(fills(a)).toContain(id);
    const withRuns = fills(a, { hasRecentRuns: true });
    for (const id of load) expect(withRuns).not.toContain(id);
    // The rest of the running step is still asked.
    expect(withRuns).toEqual(expect.arrayContaining(['running.recentChanges', 'running.warmUp']));
    expect(askedQuestions(a).length - askedQuestions(a, { hasRecentRuns: true }).length).toBe(5);
    // What was typed before the runs were known is not sent.
    expect(
      withoutUnasked({ running: { weeklyKmNow: 30, warmUp: 'never' } }, { hasRecentRuns: true }),
    ).toEqual({
      running: { warmUp: 'never' },
    });
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
    expect(fills({ daily: { sittingHours: 1 } })).not.toContain('daily.slouching');
    expect(ids({ daily: { sittingHours: 8 } })).toContain('daily.breaks');
    expect(fills({})).toContain('daily.slouching');
    expect(withoutUnasked({ daily: { sittingHours: 1, slouching: true, hydration: 'good' } })).toEqual({
      daily: { sittingHours: 1, hydration: 'good' },
    });
  });

  it('skips a follow-up step that does not apply, and shows it when it does', () => {
    const older: Answers = { about: { age: 50 }, pain: { daysSinceStart: 4 } };
    expect(stepApplies('fu-clot', older)).toBe(false);
    expect(stepApplies('fu-inflammatory', older)).toBe(false);
    expect(applicableSteps(older)).not.toContain('fu-clot');
    const breathing: Answers = { ...older, pain: { ...older.pain, worseWith: ['deep-breath'] } };
    expect(applicableSteps(breathing)).toContain('fu-clot');
    const young: Answers = { about: { age: 30 }, pain: { overThreeMonths: true } };
    expect(fills(young)).toEqual(
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

  it('counts a checklist as one question, and asks fewer than the earlier check-in', () => {
    expect(LEGACY_QUESTION_COUNTS).toEqual({ web: 73, terminal: 47 });
    // A runner who has answered nothing yet is asked everything but the follow-ups that need a yes.
    const all = askedQuestions({});
    expect(all.filter((q) => q.step.startsWith('rf-'))).toHaveLength(5);
    expect(all.length).toBeLessThan(LEGACY_QUESTION_COUNTS.web);
    // The same checklists count one each however many lines they have.
    for (const id of ['form', 'outlook', 'pain.tried', 'daily.trueForYou'])
      expect(all.filter((q) => q.id === id)).toHaveLength(1);
    // With imported runs, four fewer here (four weeks ago waits for this week's distance, not given).
    expect(askedQuestions({}, { hasRecentRuns: true }).length).toBe(all.length - 4);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Answers,
  PainfulRegion,
  type RedFlagAnswers,
  type RedFlagQuestion,
  redFlagQuestions,
  SpreadRegion,
} from '../answers/index.js';
import { NO_ANSWER } from '../answers/red-flag-screen.js';
import { knowledge, type Level } from '../knowledge/index.js';
import { levelOrder, rules, type TriageOptions, triage } from './index.js';

// ── Helpers ────────────────────────────────────────────────────────────────────────────────

const rank = (level: Level) => levelOrder.indexOf(level);
/** True when `x` is at least as urgent as `y`. */
const atLeastAsUrgent = (x: Level, y: Level) => rank(x) <= rank(y);

type BoolQuestion = {
  [K in RedFlagQuestion]-?: NonNullable<RedFlagAnswers[K]> extends boolean ? K : never;
}[RedFlagQuestion];
const boolQuestions = redFlagQuestions.filter((q): q is BoolQuestion => NO_ANSWER[q] === false);

/** A complete red-flag screen answered "no" throughout, follow-ups included (a time is never asked). */
const SCREEN_ALL_NO = NO_ANSWER as RedFlagAnswers;

type Override = {
  about?: NonNullable<Answers['about']>;
  pain?: NonNullable<Answers['pain']>;
  redFlags?: RedFlagAnswers;
};

/**
 * Realistic answers: a 35-year-old with lower-back pain who answered "no" to every red-flag question,
 * with the given overrides merged section by section. Validated against the answers schema.
 */
function answers(o: Override = {}): Answers {
  return Answers.parse({
    about: { age: 35, ...o.about },
    pain: { regions: ['lower-back'], ...o.pain },
    redFlags: { ...SCREEN_ALL_NO, ...o.redFlags },
  });
}

/** The same answers with the red-flag screen left out entirely. */
function withoutScreen(a: Answers): Answers {
  const copy = structuredClone(a);
  delete copy.redFlags;
  return copy;
}

const flagById = new Map(knowledge().redFlags.map((f) => [f.id, f]));
function flag(id: string) {
  const f = flagById.get(id);
  if (!f) throw new Error(`unknown red flag ${id}`);
  return f;
}

/** Rules whose predicates fire on these answers, read straight from `rules` (independent of triage()). */
function firedRules(a: Answers, patterns: readonly string[] = []): string[] {
  return knowledge()
    .redFlags.filter((f) => rules[f.id]?.({ a, p: f.params, patterns }))
    .map((f) => f.id);
}

const ruleIds = (a: Answers, options?: TriageOptions) => triage(a, options).reasons.map((r) => r.rule);

// ── 1. One firing case and one near miss per red flag ─────────────────────────────────────────

type Case = {
  rule: string;
  fires: Answers;
  nearMiss: Answers;
  firesOptions?: TriageOptions;
  nearMissOptions?: TriageOptions;
};

const cases: Case[] = [
  // Emergency
  {
    rule: 'cardiac-warning',
    fires: answers({ redFlags: { chestPain: true, cardiacTiming: 'within-12h' } }),
    nearMiss: answers({ redFlags: { chestPain: true, cardiacTiming: 'over-72h' } }),
  },
  {
    rule: 'aortic-dissection',
    fires: answers({ pain: { regions: ['between-shoulder-blades'] }, redFlags: { suddenTearingPain: true } }),
    nearMiss: answers({
      pain: { regions: ['between-shoulder-blades'] },
      redFlags: { suddenTearingPain: false },
    }),
  },
  {
    rule: 'tearing-pain-severe',
    fires: answers({ pain: { regions: ['between-shoulder-blades'], qualities: ['tearing'], now: 8 } }),
    nearMiss: answers({ pain: { regions: ['between-shoulder-blades'], qualities: ['tearing'], now: 6 } }),
  },
  {
    rule: 'confused-drowsy',
    fires: answers({ redFlags: { confusedOrDrowsy: true } }),
    nearMiss: answers({ redFlags: { confusedOrDrowsy: false } }),
  },
  {
    rule: 'clot-risk-pregnancy',
    fires: answers({
      pain: { regions: ['mid-back-ribs'], worseWith: ['deep-breath'] },
      redFlags: { clotRisk: ['pregnant-or-recent-birth'] },
    }),
    nearMiss: answers({
      pain: { regions: ['mid-back-ribs'], worseWith: ['twisting'] },
      redFlags: { clotRisk: ['pregnant-or-recent-birth'] },
    }),
  },
  {
    rule: 'thunderclap-headache',
    fires: answers({ pain: { regions: ['neck'] }, redFlags: { thunderclapHeadache: true } }),
    nearMiss: answers({ pain: { regions: ['neck'] }, redFlags: { thunderclapHeadache: false } }),
  },
  {
    rule: 'collapse',
    fires: answers({ redFlags: { faintingOrCollapse: true } }),
    nearMiss: answers({ redFlags: { faintingOrCollapse: false } }),
  },
  {
    rule: 'sudden-breathlessness',
    fires: answers({ pain: { regions: ['mid-back-ribs'] }, redFlags: { suddenBreathlessness: true } }),
    nearMiss: answers({
      pain: { regions: ['mid-back-ribs'] },
      redFlags: { suddenBreathlessness: true, cardiacTiming: '12-72h' },
    }),
  },
  {
    rule: 'breathlessness-passed',
    fires: answers({ redFlags: { suddenBreathlessness: true, cardiacTiming: 'over-72h' } }),
    nearMiss: answers({ redFlags: { suddenBreathlessness: true, cardiacTiming: 'within-12h' } }),
  },
  {
    rule: 'ces-bladder',
    fires: answers({ redFlags: { bladderChange: true } }),
    nearMiss: answers({ redFlags: { bladderChange: false } }),
  },
  {
    rule: 'ces-bowel',
    fires: answers({ redFlags: { bowelControlLoss: true } }),
    nearMiss: answers({ redFlags: { bowelControlLoss: false } }),
  },
  {
    rule: 'ces-saddle',
    fires: answers({ redFlags: { saddleNumbness: true } }),
    nearMiss: answers({ redFlags: { saddleNumbness: false } }),
  },
  {
    rule: 'ces-sexual',
    fires: answers({ redFlags: { sexualDysfunction: true } }),
    nearMiss: answers({ redFlags: { sexualDysfunction: false } }),
  },
  {
    rule: 'ces-both-legs',
    fires: answers({ pain: { spreadsTo: ['leg'] }, redFlags: { bothLegs: true } }),
    nearMiss: answers({ pain: { spreadsTo: ['leg'] }, redFlags: { bothLegs: false } }),
  },
  {
    rule: 'neck-vascular',
    fires: answers({ pain: { regions: ['neck'] }, redFlags: { neckVascular: true } }),
    nearMiss: answers({ pain: { regions: ['neck'] }, redFlags: { neckVascular: false } }),
  },
  {
    rule: 'meningism',
    fires: answers({ pain: { regions: ['neck'] }, redFlags: { feverNeckStiffness: true } }),
    nearMiss: answers({ pain: { regions: ['neck'] }, redFlags: { feverNeckStiffness: false } }),
  },
  {
    rule: 'major-trauma',
    fires: answers({ pain: { onset: 'fall-or-impact' }, redFlags: { trauma: 'major' } }),
    nearMiss: answers({ pain: { onset: 'fall-or-impact' }, redFlags: { trauma: 'minor' } }),
  },
  {
    rule: 'cancer-neurological',
    fires: answers({ pain: { qualities: ['ache', 'tingling'] }, redFlags: { cancerHistory: true } }),
    nearMiss: answers({ pain: { qualities: ['ache'] }, redFlags: { cancerHistory: true } }),
  },
  // Urgent
  {
    rule: 'cardiac-recent',
    fires: answers({ redFlags: { chestPain: true, cardiacTiming: '12-72h' } }),
    nearMiss: answers({ redFlags: { chestPain: true, cardiacTiming: 'over-72h' } }),
  },
  {
    rule: 'pulmonary-embolism-signs',
    fires: answers({ pain: { regions: ['mid-back-ribs'] }, redFlags: { calfSwelling: true } }),
    nearMiss: answers({ pain: { regions: ['mid-back-ribs'] }, redFlags: { calfSwelling: false } }),
  },
  {
    rule: 'clot-risk-breathing',
    fires: answers({
      pain: { regions: ['between-shoulder-blades'], worseWith: ['deep-breath'] },
      redFlags: { clotRisk: ['long-journey'] },
    }),
    nearMiss: answers({
      pain: { regions: ['between-shoulder-blades'], worseWith: ['deep-breath'] },
      redFlags: { clotRisk: [] },
    }),
  },
  {
    rule: 'tearing-pain',
    fires: answers({ pain: { regions: ['shoulders'], qualities: ['tearing'], now: 3 } }),
    nearMiss: answers({ pain: { regions: ['lower-back'], qualities: ['tearing'], now: 3 } }),
  },
  {
    rule: 'kidney-infection-signs',
    fires: answers({ redFlags: { painfulUrination: true, flankPain: true } }),
    nearMiss: answers({ redFlags: { painfulUrination: true, flankPain: false } }),
  },
  {
    rule: 'blood-in-urine',
    fires: answers({ redFlags: { bloodInUrine: true } }),
    nearMiss: answers({ redFlags: { bloodInUrine: false } }),
  },
  {
    rule: 'kidney-stone-signs',
    fires: answers({ pain: { now: 8 }, redFlags: { flankPain: true } }),
    nearMiss: answers({ pain: { now: 6, worst: 6 }, redFlags: { flankPain: true } }),
  },
  {
    rule: 'shingles',
    fires: answers({ redFlags: { oneSidedRash: true } }),
    nearMiss: answers({ redFlags: { oneSidedRash: false } }),
  },
  {
    rule: 'eye-inflammation-now',
    fires: answers({ redFlags: { eyeInflammation: 'now' } }),
    nearMiss: answers({ redFlags: { eyeInflammation: 'in-the-past' } }),
  },
  {
    rule: 'high-blood-pressure-sudden-severe',
    fires: answers({
      pain: { regions: ['between-shoulder-blades'], onset: 'on-its-own', now: 8, daysSinceStart: 0 },
      redFlags: { highBloodPressure: true },
    }),
    nearMiss: answers({
      pain: { regions: ['between-shoulder-blades'], onset: 'during-run', now: 8, daysSinceStart: 0 },
      redFlags: { highBloodPressure: true },
    }),
  },
  {
    rule: 'progressive-neuro',
    fires: answers({ pain: { qualities: ['weakness'] }, redFlags: { worseningWeakness: true } }),
    nearMiss: answers({ pain: { qualities: ['weakness'] }, redFlags: { worseningWeakness: false } }),
  },
  {
    rule: 'sudden-limb-weakness',
    fires: answers({ redFlags: { suddenLimbWeakness: true } }),
    nearMiss: answers({ redFlags: { suddenLimbWeakness: false } }),
  },
  {
    rule: 'myelopathy-signs',
    fires: answers({ pain: { regions: ['neck'] }, redFlags: { clumsyHandsOrGait: true } }),
    nearMiss: answers({ pain: { regions: ['neck'] }, redFlags: { clumsyHandsOrGait: false } }),
  },
  {
    rule: 'severe-arm-nerve-pain',
    fires: answers({ pain: { regions: ['neck'], spreadsTo: ['arm'], qualities: ['tingling'], now: 7 } }),
    nearMiss: answers({ pain: { regions: ['neck'], spreadsTo: ['arm'], qualities: ['tingling'], now: 6 } }),
  },
  {
    rule: 'fever',
    fires: answers({ redFlags: { fever: true } }),
    nearMiss: answers({ redFlags: { fever: false } }),
  },
  {
    rule: 'cancer-spinal-pain',
    fires: answers({ pain: { regions: ['between-shoulder-blades'] }, redFlags: { cancerHistory: true } }),
    nearMiss: answers({ pain: { regions: ['lower-back'] }, redFlags: { cancerHistory: true } }),
  },
  {
    rule: 'weight-loss',
    fires: answers({ redFlags: { unexplainedWeightLoss: true } }),
    nearMiss: answers({ redFlags: { unexplainedWeightLoss: false } }),
  },
  {
    rule: 'night-pain-with-risk',
    fires: answers({ about: { age: 58 }, pain: { daysSinceStart: 10 }, redFlags: { nightPain: true } }),
    nearMiss: answers({ about: { age: 40 }, pain: { daysSinceStart: 10 }, redFlags: { nightPain: true } }),
  },
  {
    rule: 'cough-sneeze',
    fires: answers({ redFlags: { worseCoughSneeze: true } }),
    nearMiss: answers({ redFlags: { worseCoughSneeze: false } }),
  },
  {
    rule: 'deformity',
    fires: answers({ redFlags: { deformityOrSwelling: true } }),
    nearMiss: answers({ redFlags: { deformityOrSwelling: false } }),
  },
  {
    rule: 'fragility-fracture',
    fires: answers({ redFlags: { osteoporosisOrSteroids: true, trauma: 'minor' } }),
    nearMiss: answers({
      pain: { onset: 'gradual' },
      redFlags: { osteoporosisOrSteroids: true, trauma: 'none' },
    }),
  },
  {
    rule: 'thoracic-non-mechanical',
    fires: answers({ pain: { regions: ['between-shoulder-blades'], easesWithRestOrPosition: false } }),
    nearMiss: answers({ pain: { regions: ['lower-back'], easesWithRestOrPosition: false } }),
  },
  {
    rule: 'thoracic-older-onset',
    fires: answers({ about: { age: 51 }, pain: { regions: ['under-shoulder-blades'], daysSinceStart: 10 } }),
    nearMiss: answers({
      about: { age: 50 },
      pain: { regions: ['under-shoulder-blades'], daysSinceStart: 10 },
    }),
  },
  {
    rule: 'constant-progressive',
    fires: answers({ redFlags: { constantProgressive: true } }),
    nearMiss: answers({ redFlags: { constantProgressive: false } }),
  },
  // See a clinician
  {
    rule: 'exertional-chest-pressure',
    fires: answers({ redFlags: { exertionalChestPressure: true } }),
    nearMiss: answers({ redFlags: { exertionalChestPressure: false } }),
  },
  {
    rule: 'cardiac-past',
    fires: answers({ redFlags: { chestPain: true, cardiacTiming: 'over-72h' } }),
    nearMiss: answers({ redFlags: { chestPain: false, cardiacTiming: 'over-72h' } }),
  },
  {
    rule: 'minor-trauma',
    fires: answers({ redFlags: { trauma: 'minor' } }),
    nearMiss: answers({ redFlags: { trauma: 'none' } }),
  },
  {
    rule: 'cancer-history',
    fires: answers({ redFlags: { cancerHistory: true } }),
    nearMiss: answers({ redFlags: { cancerHistory: false } }),
  },
  {
    rule: 'immunosuppression',
    fires: answers({ redFlags: { immunosuppressed: true } }),
    nearMiss: answers({ redFlags: { immunosuppressed: false } }),
  },
  {
    rule: 'age-onset',
    fires: answers({ about: { age: 51 }, pain: { daysSinceStart: 10 } }),
    nearMiss: answers({ about: { age: 50 }, pain: { daysSinceStart: 10 } }),
  },
  {
    rule: 'inflammatory-pattern',
    fires: answers({
      about: { age: 30 },
      pain: { overThreeMonths: true },
      redFlags: { morningStiffnessOver30Min: true, alternatingButtockPain: true },
    }),
    nearMiss: answers({
      about: { age: 30 },
      pain: { overThreeMonths: true },
      redFlags: { morningStiffnessOver30Min: true, alternatingButtockPain: false },
    }),
  },
  {
    rule: 'night-pain',
    fires: answers({ redFlags: { nightPain: true } }),
    nearMiss: answers({ redFlags: { nightPain: false } }),
  },
  {
    rule: 'aneurysm-risk',
    fires: answers({ about: { age: 66 }, redFlags: { highBloodPressure: true } }),
    nearMiss: answers({ about: { age: 64 }, redFlags: { highBloodPressure: true } }),
  },
  {
    rule: 'urinary-symptoms',
    fires: answers({ redFlags: { painfulUrination: true } }),
    nearMiss: answers({ redFlags: { painfulUrination: false } }),
  },
  {
    rule: 'flank-or-groin-pain',
    fires: answers({ pain: { spreadsTo: ['groin'], now: 3 } }),
    nearMiss: answers({ pain: { spreadsTo: ['leg'], now: 3 } }),
  },
  {
    rule: 'nerve-weakness',
    fires: answers({ pain: { qualities: ['weakness'], daysSinceStart: 2 } }),
    nearMiss: answers({ pain: { qualities: ['tingling'], daysSinceStart: 2 } }),
  },
  {
    rule: 'abdominal-back-pain',
    fires: answers({ redFlags: { abdominalPainHighBloodPressure: true } }),
    nearMiss: answers({ redFlags: { abdominalPainHighBloodPressure: false } }),
  },
  {
    rule: 'nerve-symptoms',
    fires: answers({ pain: { qualities: ['numbness'], daysSinceStart: 8 } }),
    nearMiss: answers({ pain: { qualities: ['numbness'], daysSinceStart: 7 } }),
  },
  {
    rule: 'limb-pain-nerve-signs',
    fires: answers({ pain: { spreadsTo: ['leg'], qualities: ['tingling'], daysSinceStart: 2 } }),
    nearMiss: answers({ pain: { spreadsTo: ['leg'], qualities: ['ache'], daysSinceStart: 2 } }),
  },
  {
    rule: 'severe-pain',
    fires: answers({ pain: { now: 7, worst: 7, easesWithRestOrPosition: false } }),
    nearMiss: answers({ pain: { now: 7, worst: 7, easesWithRestOrPosition: true } }),
  },
  {
    rule: 'not-improving-weeks',
    fires: answers({ pain: { daysSinceStart: 21, trend: 'same' } }),
    nearMiss: answers({ pain: { daysSinceStart: 21, trend: 'better' } }),
  },
  {
    rule: 'chronic',
    fires: answers({ pain: { daysSinceStart: 84, trend: 'better' } }),
    nearMiss: answers({ pain: { daysSinceStart: 83, trend: 'better' } }),
  },
  {
    rule: 'getting-worse',
    fires: answers({ pain: { daysSinceStart: 3, trend: 'worse' } }),
    nearMiss: answers({ pain: { daysSinceStart: 2, trend: 'worse' } }),
  },
  {
    rule: 'rib-joint-not-easing',
    fires: answers({ pain: { regions: ['mid-back-ribs'], daysSinceStart: 14, trend: 'same' } }),
    firesOptions: { patterns: ['rib-joint-pattern'] },
    nearMiss: answers({ pain: { regions: ['mid-back-ribs'], daysSinceStart: 13, trend: 'same' } }),
    nearMissOptions: { patterns: ['rib-joint-pattern'] },
  },
  {
    rule: 'worried-or-struggling',
    fires: { ...answers(), outlook: { struggling: true } },
    nearMiss: { ...answers(), outlook: { fearOfMoving: true, lowMood: false, worriedSerious: false } },
  },
  {
    rule: 'screen-skipped',
    fires: withoutScreen(answers()),
    nearMiss: { ...withoutScreen(answers()), redFlags: { fever: false } },
  },
  {
    rule: 'screen-incomplete',
    fires: { ...withoutScreen(answers()), redFlags: { fever: false } },
    nearMiss: answers(),
  },
];

describe('red-flag rules: one firing case and one near miss each', () => {
  it('the baseline answers (all "no", lower-back pain, age 35) are self-care with no reasons', () => {
    const result = triage(answers());
    expect(result.level).toBe('self-care');
    expect(result.reasons).toEqual([]);
  });

  it('the table covers every red flag in the knowledge base, once', () => {
    const kbIds = knowledge().redFlags.map((f) => f.id);
    const tableIds = cases.map((c) => c.rule);
    expect(new Set(tableIds).size).toBe(tableIds.length);
    expect([...tableIds].sort()).toEqual([...kbIds].sort());
  });

  it('every red flag has a predicate in rules, and every predicate has a red flag', () => {
    const kbIds = knowledge().redFlags.map((f) => f.id);
    expect(Object.keys(rules).sort()).toEqual([...kbIds].sort());
    for (const id of kbIds) expect(typeof rules[id]).toBe('function');
  });

  for (const c of cases) {
    it(`${c.rule} fires`, () => {
      const result = triage(c.fires, c.firesOptions);
      expect(result.reasons.map((r) => r.rule)).toContain(c.rule);
      expect(atLeastAsUrgent(result.level, flag(c.rule).level)).toBe(true);
    });

    it(`${c.rule} near miss`, () => {
      expect(ruleIds(c.nearMiss, c.nearMissOptions)).not.toContain(c.rule);
    });
  }
});

describe('red-flag rules: more boundaries', () => {
  it('cardiac timing bands: now and within 12 h are emergency, 12–72 h urgent, over 72 h clinician', () => {
    const at = (cardiacTiming: NonNullable<RedFlagAnswers['cardiacTiming']>) =>
      triage(answers({ redFlags: { chestPain: true, cardiacTiming } }));
    expect(at('now').level).toBe('emergency');
    expect(at('within-12h').level).toBe('emergency');
    expect(at('12-72h').level).toBe('urgent');
    expect(at('over-72h').level).toBe('clinician');
    expect(at('over-72h').reasons.map((r) => r.rule)).toEqual(['cardiac-past']);
  });

  it('back pain spreading to the jaw, or sweating and breathlessness, counts as a heart warning sign', () => {
    expect(triage(answers({ pain: { spreadsTo: ['jaw'] } })).level).toBe('emergency');
    expect(triage(answers({ pain: { spreadsTo: ['chest'] } })).level).toBe('emergency');
    expect(triage(answers({ redFlags: { sweatingNauseaBreathless: true } })).level).toBe('emergency');
  });

  it('thoracic rules need thoracic pain: the same answers with lower-back pain do not fire them', () => {
    const older = { about: { age: 60 }, pain: { daysSinceStart: 7 } };
    expect(ruleIds(answers({ ...older, pain: { ...older.pain, regions: ['mid-back-ribs'] } }))).toContain(
      'thoracic-older-onset',
    );
    expect(ruleIds(answers({ ...older, pain: { ...older.pain, regions: ['lower-back'] } }))).not.toContain(
      'thoracic-older-onset',
    );
    const steroids = { redFlags: { osteoporosisOrSteroids: true } };
    expect(ruleIds(answers({ ...steroids, pain: { regions: ['between-shoulder-blades'] } }))).toContain(
      'thoracic-non-mechanical',
    );
    expect(ruleIds(answers({ ...steroids, pain: { regions: ['lower-back'] } }))).not.toContain(
      'thoracic-non-mechanical',
    );
  });

  it('age-onset fires under 20 and over 50 for a new episode only', () => {
    expect(ruleIds(answers({ about: { age: 19 }, pain: { daysSinceStart: 10 } }))).toContain('age-onset');
    expect(ruleIds(answers({ about: { age: 20 }, pain: { daysSinceStart: 10 } }))).not.toContain('age-onset');
    expect(ruleIds(answers({ about: { age: 60 }, pain: { daysSinceStart: 42 } }))).toContain('age-onset');
    expect(ruleIds(answers({ about: { age: 60 }, pain: { daysSinceStart: 43 } }))).not.toContain('age-onset');
    expect(ruleIds(answers({ about: { age: 60 }, pain: { overThreeMonths: true } }))).not.toContain(
      'age-onset',
    );
  });

  it('ordinary mechanical pain of days to a few weeks is self-care, with a dated check-back', () => {
    for (const [daysSinceStart, trend] of [
      [3, 'same'],
      [10, 'same'],
      [20, 'same'],
      [28, 'better'],
      [41, 'better'],
    ] as const) {
      const r = triage(answers({ pain: { daysSinceStart, trend, now: 4, worst: 5, triedSelfCare: false } }));
      expect(r.level, `${daysSinceStart} days, ${trend}`).toBe('self-care');
      expect(r.selfCare?.checkBack.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.selfCare?.why.length).toBeGreaterThan(0);
    }
  });

  it('a muscle strain, a sacroiliac or a facet pattern is self-care, and the strain timeline is given', () => {
    const strain = answers({ pain: { onset: 'lifting', qualities: ['spasm'], daysSinceStart: 2, now: 5 } });
    for (const pattern of ['muscle-strain-pattern', 'sacroiliac-pattern', 'facet-joint-pattern']) {
      expect(triage(strain, { patterns: [pattern] }).level, pattern).toBe('self-care');
    }
    const why = triage(strain, { patterns: ['muscle-strain-pattern'] }).selfCare?.why.join(' ') ?? '';
    expect(why).toMatch(/48 to 72 hours/);
    expect(why).toMatch(/2 to 3 weeks/);
    expect(why).toMatch(/6 weeks/);
  });

  it('check-back: a few days, sooner for stronger pain, later when already improving', () => {
    const on = (pain: NonNullable<Answers['pain']>) =>
      triage({ ...answers({ pain }), date: '2026-03-02' }).selfCare?.checkBack;
    expect(on({ now: 3, worst: 4, trend: 'same' })).toMatchObject({ inDays: 3, on: '2026-03-05' });
    expect(on({ now: 5, worst: 6, trend: 'same' })).toMatchObject({ inDays: 2, on: '2026-03-04' });
    expect(on({ now: 2, worst: 3, trend: 'better' })).toMatchObject({ inDays: 7, on: '2026-03-09' });
    expect(triage(answers({ redFlags: { fever: true } })).selfCare).toBeUndefined();
  });

  it('getting worse: clinician from day 3, self-care with a check-back on days 0–2', () => {
    expect(triage(answers({ pain: { daysSinceStart: 2, trend: 'worse', now: 4 } })).level).toBe('self-care');
    expect(triage(answers({ pain: { daysSinceStart: 3, trend: 'worse', now: 4 } })).level).toBe('clinician');
    expect(triage(answers({ pain: { trend: 'worse', now: 4 } })).level).toBe('clinician');
  });

  it('severe pain: 7 or more now, or stopping daily activities, and not easing; 9 or more always', () => {
    expect(triage(answers({ pain: { now: 7, trend: 'same' } })).level).toBe('clinician');
    expect(triage(answers({ pain: { now: 7, trend: 'better' } })).level).toBe('self-care');
    expect(triage(answers({ pain: { now: 6, worst: 9, trend: 'same' } })).level).toBe('self-care');
    expect(triage(answers({ pain: { now: 4, stopsDailyActivities: true, trend: 'same' } })).level).toBe(
      'clinician',
    );
    expect(triage(answers({ pain: { now: 9, easesWithRestOrPosition: true, trend: 'better' } })).level).toBe(
      'clinician',
    );
  });

  it('tingling or numbness: self-care in the first week, a clinician after; weakness at once', () => {
    const tingle = (daysSinceStart?: number) =>
      triage(
        answers({
          pain: { qualities: ['tingling'], ...(daysSinceStart === undefined ? {} : { daysSinceStart }) },
        }),
      ).level;
    expect(tingle(3)).toBe('self-care');
    expect(tingle(7)).toBe('self-care');
    expect(tingle(8)).toBe('clinician');
    expect(tingle(undefined)).toBe('clinician');
    expect(triage(answers({ pain: { qualities: ['weakness'], daysSinceStart: 1 } })).level).toBe('clinician');
  });

  it('night pain alone is a booking; with a weakened immune system, weight loss or fever it is same day', () => {
    const night = { nightPain: true };
    expect(triage(answers({ pain: { daysSinceStart: 10 }, redFlags: night })).level).toBe('clinician');
    for (const extra of [{ immunosuppressed: true }, { unexplainedWeightLoss: true }, { fever: true }]) {
      expect(triage(answers({ pain: { daysSinceStart: 10 }, redFlags: { ...night, ...extra } })).level).toBe(
        'urgent',
      );
    }
    expect(triage(answers({ pain: { daysSinceStart: 35, trend: 'same' }, redFlags: night })).level).toBe(
      'urgent',
    );
  });

  it('clot risk counts only with breathing pain in the upper back or chest, or breathlessness', () => {
    const risk = { clotRisk: ['pill-or-hrt'] } as RedFlagAnswers;
    const breathing: NonNullable<Answers['pain']> = { worseWith: ['deep-breath'] };
    expect(
      triage(answers({ pain: { regions: ['mid-back-ribs'], ...breathing }, redFlags: risk })).level,
    ).toBe('urgent');
    expect(triage(answers({ pain: { regions: ['lower-back'], ...breathing }, redFlags: risk })).level).toBe(
      'self-care',
    );
    expect(triage(answers({ pain: { regions: ['lower-back'] }, redFlags: risk })).level).toBe('self-care');
  });

  it('worry: worried or struggling books a clinician; fear of moving alone does not', () => {
    const base = answers();
    expect(triage({ ...base, outlook: { worriedSerious: true } }).level).toBe('clinician');
    expect(triage({ ...base, outlook: { fearOfMoving: true, lowMood: true } }).level).toBe('clinician');
    expect(triage({ ...base, outlook: { fearOfMoving: true } }).level).toBe('self-care');
  });

  it('shingles and kidney symptoms: rash, blood in the urine and burning with side pain are same day', () => {
    expect(triage(answers({ redFlags: { oneSidedRash: true } })).level).toBe('urgent');
    expect(triage(answers({ redFlags: { bloodInUrine: true } })).level).toBe('urgent');
    expect(triage(answers({ redFlags: { painfulUrination: true, flankPain: true } })).level).toBe('urgent');
    expect(triage(answers({ redFlags: { painfulUrination: true } })).level).toBe('clinician');
    expect(triage(answers({ pain: { now: 3 }, redFlags: { flankPain: true } })).level).toBe('clinician');
  });

  it('not-improving-weeks fires at 6 weeks even when getting better, and at 3 weeks when not', () => {
    expect(ruleIds(answers({ pain: { daysSinceStart: 20, trend: 'same' } }))).not.toContain(
      'not-improving-weeks',
    );
    expect(ruleIds(answers({ pain: { daysSinceStart: 42, trend: 'better' } }))).toContain(
      'not-improving-weeks',
    );
    expect(ruleIds(answers({ pain: { daysSinceStart: 41, trend: 'better' } }))).not.toContain(
      'not-improving-weeks',
    );
  });

  it('severe-arm-nerve-pain also fires on the worst pain of the week', () => {
    const arm: NonNullable<Answers['pain']> = {
      regions: ['neck'],
      spreadsTo: ['arm'],
      qualities: ['numbness'],
    };
    expect(ruleIds(answers({ pain: { ...arm, now: 3, worst: 7 } }))).toContain('severe-arm-nerve-pain');
    expect(ruleIds(answers({ pain: { ...arm, now: 3, worst: 6 } }))).not.toContain('severe-arm-nerve-pain');
  });

  it('inflammatory-pattern: onset before 45 (or unknown), 2 features over 3 months or 3 at any time', () => {
    const two = { morningStiffnessOver30Min: true, betterWithExercise: true };
    const three = { ...two, psoriasisOrBowelDisease: true };
    const long = { overThreeMonths: true };
    const noAge = answers({ pain: long, redFlags: two });
    delete noAge.about;
    expect(ruleIds(noAge)).toContain('inflammatory-pattern');
    expect(ruleIds(answers({ about: { age: 44 }, pain: long, redFlags: two }))).toContain(
      'inflammatory-pattern',
    );
    expect(ruleIds(answers({ about: { age: 45 }, pain: long, redFlags: two }))).not.toContain(
      'inflammatory-pattern',
    );
    expect(
      ruleIds(answers({ about: { age: 30 }, pain: { daysSinceStart: 20 }, redFlags: two })),
    ).not.toContain('inflammatory-pattern');
    expect(ruleIds(answers({ about: { age: 30 }, pain: { daysSinceStart: 20 }, redFlags: three }))).toContain(
      'inflammatory-pattern',
    );
    const level = triage(answers({ about: { age: 30 }, pain: long, redFlags: three })).level;
    expect(level).toBe('clinician');
  });
});

// ── 2. Safety properties ──────────────────────────────────────────────────────────────────────

/** Paths of every answer that is the same as in the baseline, i.e. not what made the case fire. */
function unrelatedAnswers(a: Answers): (['redFlags', RedFlagQuestion] | ['about' | 'pain', string])[] {
  const base = answers();
  const out: (['redFlags', RedFlagQuestion] | ['about' | 'pain', string])[] = [];
  for (const q of redFlagQuestions) {
    if (a.redFlags?.[q] !== undefined && a.redFlags[q] === base.redFlags?.[q]) out.push(['redFlags', q]);
  }
  for (const section of ['about', 'pain'] as const) {
    const mine = (a[section] ?? {}) as Record<string, unknown>;
    const theirs = (base[section] ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(mine)) {
      if (JSON.stringify(mine[key]) === JSON.stringify(theirs[key])) out.push([section, key]);
    }
  }
  return out;
}

function without(a: Answers, paths: ReturnType<typeof unrelatedAnswers>): Answers {
  const copy = structuredClone(a);
  for (const [section, key] of paths) {
    const obj = copy[section] as Record<string, unknown> | undefined;
    if (obj) delete obj[key];
  }
  return copy;
}

describe('triage safety properties', () => {
  const serious = cases.filter((c) => flag(c.rule).level === 'emergency' || flag(c.rule).level === 'urgent');

  it('missing answers never lower the level (urgent and emergency cases, unrelated answers deleted)', () => {
    expect(serious.length).toBeGreaterThan(10);
    for (const c of serious) {
      const before = triage(c.fires, c.firesOptions).level;
      const unrelated = unrelatedAnswers(c.fires);
      expect(unrelated.length).toBeGreaterThan(0);
      const variants = [...unrelated.map((p) => without(c.fires, [p])), without(c.fires, unrelated)];
      for (const v of variants) {
        const after = triage(v, c.firesOptions).level;
        expect(atLeastAsUrgent(after, before), `${c.rule}: ${before} → ${after}`).toBe(true);
      }
    }
  });

  it('missing answers never lower the level (a clinician case: the duration left out of worsening pain)', () => {
    const told = answers({ pain: { daysSinceStart: 5, trend: 'worse', now: 5 } });
    expect(triage(told).level).toBe('clinician');
    const untold = structuredClone(told);
    delete untold.pain?.daysSinceStart;
    expect(atLeastAsUrgent(triage(untold).level, 'clinician')).toBe(true);
  });

  it('a follow-up that applies and is left unanswered counts against the screen; one that does not, never', () => {
    const breathing = answers({ pain: { regions: ['mid-back-ribs'], worseWith: ['deep-breath'] } });
    const skippedClot = structuredClone(breathing);
    delete skippedClot.redFlags?.clotRisk;
    const r = triage(skippedClot);
    expect(r.redFlagScreen.unanswered.map((u) => u.question)).toEqual(['clotRisk']);
    expect(r.level).toBe('clinician');
    const noBreathing = answers({ pain: { regions: ['lower-back'] } });
    delete noBreathing.redFlags?.clotRisk;
    expect(triage(noBreathing).redFlagScreen.complete).toBe(true);
    expect(triage(noBreathing).level).toBe('self-care');
  });

  it('effort-related chest pressure follows the cardiac timing rules once a time is given', () => {
    const pressure = (cardiacTiming?: 'now' | 'within-12h' | '12-72h' | 'over-72h') =>
      triage(
        answers({ redFlags: { exertionalChestPressure: true, ...(cardiacTiming ? { cardiacTiming } : {}) } }),
      ).level;
    expect(pressure()).toBe('clinician');
    expect(pressure('now')).toBe('emergency');
    expect(pressure('within-12h')).toBe('emergency');
    expect(pressure('12-72h')).toBe('urgent');
    expect(pressure('over-72h')).toBe('clinician');
  });

  it('chest pain with an unknown cardiac timing is treated as an emergency', () => {
    const a = answers({ redFlags: { chestPain: true } });
    expect(a.redFlags?.cardiacTiming).toBeUndefined();
    const result = triage(a);
    expect(result.level).toBe('emergency');
    expect(result.reasons[0]?.rule).toBe('cardiac-warning');
    expect(result.reasons.map((r) => r.rule)).not.toContain('cardiac-past');
  });

  it('reasons list every rule that fired, with its knowledge-base level and sources, most urgent first', () => {
    const kitchenSink = answers({
      about: { age: 62 },
      pain: {
        regions: ['between-shoulder-blades', 'lower-back'],
        spreadsTo: ['leg'],
        qualities: ['tingling'],
        daysSinceStart: 20,
        trend: 'worse',
        now: 8,
        worst: 9,
        triedSelfCare: true,
      },
      redFlags: { fever: true, trauma: 'minor', chestPain: true, cardiacTiming: 'over-72h', nightPain: true },
    });
    const all = [...cases.flatMap((c) => [c.fires, c.nearMiss]), kitchenSink];
    for (const a of all) {
      const result = triage(a);
      expect(result.reasons.map((r) => r.rule).sort()).toEqual(firedRules(a).sort());
      const ranks = result.reasons.map((r) => rank(r.level));
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      for (const r of result.reasons) {
        expect(r.level).toBe(flag(r.rule).level);
        expect(r.sources).toEqual(flag(r.rule).sources);
        expect(r.sources.length).toBeGreaterThan(0);
      }
    }
    const sink = triage(kitchenSink);
    expect(sink.reasons.length).toBeGreaterThanOrEqual(10);
    expect(new Set(sink.reasons.map((r) => r.level))).toEqual(new Set(['urgent', 'clinician']));
  });

  it('the safety net is always present and non-empty, whatever the level', () => {
    const byLevel: Record<Level, Answers> = {
      emergency: answers({ redFlags: { saddleNumbness: true } }),
      urgent: answers({ redFlags: { fever: true } }),
      clinician: answers({ redFlags: { cancerHistory: true } }),
      'self-care': answers(),
    };
    for (const level of levelOrder) {
      const result = triage(byLevel[level]);
      expect(result.level).toBe(level);
      expect(result.safetyNet.emergency.length).toBeGreaterThan(0);
      expect(result.safetyNet.urgent.length).toBeGreaterThan(0);
      expect(result.safetyNet.clinician.length).toBeGreaterThan(0);
      expect(result.safetyNet.sources.length).toBeGreaterThan(0);
      for (const line of [...result.safetyNet.emergency, ...result.safetyNet.urgent]) {
        expect(line.trim()).not.toBe('');
      }
    }
  });

  it('redFlagScreen.note: present when skipped or partly answered, absent when complete', () => {
    const skipped = triage(withoutScreen(answers())).redFlagScreen;
    expect(skipped.complete).toBe(false);
    expect(skipped.answered).toBe(0);
    expect(skipped.note).toMatch(/skipped/);
    expect(skipped.unanswered.length).toBe(skipped.total);

    const partial = triage({
      ...withoutScreen(answers()),
      redFlags: { fever: false, chestPain: false },
    }).redFlagScreen;
    expect(partial.complete).toBe(false);
    expect(partial.answered).toBe(2);
    expect(partial.note).toContain(`${partial.total - 2} of ${partial.total}`);
    // The note names every question left unanswered, in words.
    for (const u of partial.unanswered) expect(partial.note).toContain(u.text.replace(/\.$/, ''));
    expect(partial.unanswered.map((u) => u.question)).not.toContain('fever');
    for (const u of partial.unanswered) expect(u.text.length).toBeGreaterThan(0);

    const complete = triage(answers()).redFlagScreen;
    expect(complete.complete).toBe(true);
    expect(complete.note).toBeUndefined();
    expect(complete.unanswered).toEqual([]);
    // Follow-ups that do not apply (the time of heart symptoms, the stiff neck with no fever, clot risk
    // without breathing pain) are not counted in the screen.
    expect(complete.total).toBeLessThan(redFlagQuestions.length);
    expect(complete.total).toBeGreaterThan(30);
    expect(complete.answered).toBe(complete.total);
  });

  it('a screen the result calls skipped is never self-care', () => {
    // Only the follow-up (cardiacTiming) given: the note says the screen was skipped.
    const a: Answers = { ...withoutScreen(answers()), redFlags: { cardiacTiming: 'over-72h' } };
    const result = triage(a);
    expect(result.redFlagScreen.answered).toBe(0);
    expect(result.redFlagScreen.note).toMatch(/skipped/);
    expect(result.level).not.toBe('self-care');
  });

  it('level is the most urgent reason’s level, and self-care with no reasons', () => {
    const all = cases.flatMap((c) => [
      triage(c.fires, c.firesOptions),
      triage(c.nearMiss, c.nearMissOptions),
    ]);
    for (const result of all) {
      const expected = result.reasons.reduce<Level>(
        (acc, r) => (rank(r.level) < rank(acc) ? r.level : acc),
        'self-care',
      );
      expect(result.level).toBe(expected);
      expect(result.level).toBe(result.reasons[0]?.level ?? 'self-care');
      if (result.reasons.length === 0) expect(result.level).toBe('self-care');
    }
    expect(all.some((r) => r.reasons.length === 0)).toBe(true);
  });
});

// ── 3. Monotonicity (property-based) ─────────────────────────────────────────────────────────

const answerArb = fc.oneof(
  { arbitrary: fc.constant(false), weight: 6 },
  { arbitrary: fc.constant(true), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 3 },
);

const screenArb: fc.Arbitrary<RedFlagAnswers | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  {
    arbitrary: fc
      .tuple(
        fc.array(answerArb, { minLength: boolQuestions.length, maxLength: boolQuestions.length }),
        fc.option(fc.constantFrom('none', 'minor', 'major'), { nil: undefined }),
        fc.option(fc.constantFrom('now', 'within-12h', '12-72h', 'over-72h'), { nil: undefined }),
      )
      .map(([values, trauma, cardiacTiming]) => {
        const screen: RedFlagAnswers = {};
        boolQuestions.forEach((q, i) => {
          const v = values[i];
          if (v !== undefined) screen[q] = v;
        });
        if (trauma !== undefined) screen.trauma = trauma;
        if (cardiacTiming !== undefined) screen.cardiacTiming = cardiacTiming;
        return screen;
      }),
    weight: 4,
  },
);

/** Optional answers are often skipped: about half the time. */
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 1 });

const arbitraryAnswers: fc.Arbitrary<Answers> = fc
  .record({
    age: opt(fc.integer({ min: 12, max: 90 })),
    regions: opt(fc.subarray([...PainfulRegion.options], { minLength: 1 })),
    spreadsTo: opt(fc.subarray([...SpreadRegion.options])),
    now: opt(fc.integer({ min: 0, max: 10 })),
    worst: opt(fc.integer({ min: 0, max: 10 })),
    daysSinceStart: opt(fc.integer({ min: 0, max: 200 })),
    episodeHours: opt(fc.integer({ min: 0, max: 96 })),
    trend: opt(fc.constantFrom('better', 'same', 'worse')),
    qualities: opt(fc.subarray(['ache', 'tearing', 'tingling', 'numbness', 'weakness', 'stiffness'])),
    worseWith: opt(fc.subarray(['deep-breath', 'twisting', 'rest-night', 'inactivity'])),
    easesWithRestOrPosition: opt(fc.boolean()),
    stopsDailyActivities: opt(fc.boolean()),
    recurrent: opt(fc.boolean()),
    onset: opt(fc.constantFrom('gradual', 'during-run', 'lifting', 'on-its-own', 'fall-or-impact')),
    redFlags: screenArb,
    clotRisk: opt(fc.subarray(['long-journey', 'pregnant-or-recent-birth', 'pill-or-hrt'])),
    eyeInflammation: opt(fc.constantFrom('no', 'in-the-past', 'now')),
  })
  .map(({ age, redFlags, clotRisk, eyeInflammation, ...pain }) => {
    const a: Answers = { pain: Object.fromEntries(Object.entries(pain).filter(([, v]) => v !== undefined)) };
    if (age !== undefined) a.about = { age };
    if (redFlags !== undefined) {
      a.redFlags = { ...redFlags };
      if (clotRisk !== undefined) a.redFlags.clotRisk = clotRisk as RedFlagAnswers['clotRisk'];
      if (eyeInflammation !== undefined) a.redFlags.eyeInflammation = eyeInflammation;
    }
    return Answers.parse(a);
  });

function setFlag(a: Answers, q: BoolQuestion, value: boolean | undefined): Answers {
  const copy = structuredClone(a);
  const screen: RedFlagAnswers = { ...copy.redFlags };
  if (value === undefined) delete screen[q];
  else screen[q] = value;
  copy.redFlags = screen;
  return copy;
}

describe('monotonicity: answering a red-flag question "yes" never makes the result less urgent', () => {
  it('yes is at least as urgent as no', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...boolQuestions), (a, q) => {
        const yes = triage(setFlag(a, q, true)).level;
        const no = triage(setFlag(a, q, false)).level;
        expect(atLeastAsUrgent(yes, no), `${q}: yes → ${yes}, no → ${no}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('yes is at least as urgent as not answered', () => {
    // A known case is always checked first: the screen otherwise skipped, lower-back pain and nothing else.
    const skipped = Answers.parse({ pain: { regions: ['lower-back'] } });
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...boolQuestions), (a, q) => {
        const yes = triage(setFlag(a, q, true)).level;
        const absent = triage(setFlag(a, q, undefined)).level;
        expect(atLeastAsUrgent(yes, absent), `${q}: yes → ${yes}, not answered → ${absent}`).toBe(true);
      }),
      { numRuns: 300, examples: [[skipped, 'osteoporosisOrSteroids']] },
    );
  });
});

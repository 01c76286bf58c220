/**
 * The red-flag screen: its groups, their order, and the follow-ups that are asked only when they apply.
 * Shared by the terminal check-in, the web form and triage, so all three agree on which questions were
 * asked, which apply, and which were left unanswered. Plain data and pure functions (types only from the
 * schema), so the web app can bundle it.
 *
 * A follow-up that does not apply (clot risk without breathing pain or breathlessness) is not asked and is
 * never "unanswered". One that applies and is left unanswered counts against the screen like any other.
 */
import type { Answers, RedFlagQuestion } from './schema.js';

export type RedFlagGroupId = 'rf-heart' | 'rf-nerves' | 'rf-general' | 'rf-body';

export type ScreenQuestion = {
  id: RedFlagQuestion;
  /** Asked only when this holds for the answers given so far; absent means always asked. */
  askIf?: (a: Answers) => boolean;
};

export type RedFlagGroup = {
  id: RedFlagGroupId;
  title: string;
  lead: string;
  /** The screen questions of this group, in order, each with its condition. */
  items: ScreenQuestion[];
  /** The ids of `items`, for code that only needs the order. */
  questions: RedFlagQuestion[];
};

/** Where a follow-up outside the screen steps is asked: after what makes the pain worse, or after its history. */
export type FollowUpStage = 'after-feel' | 'after-history';

export type FollowUp = ScreenQuestion & { stage: FollowUpStage; title: string };

const rf = (a: Answers) => a.redFlags ?? {};

/*
 * Each screen question stands for one thing the guidelines send to the same level, so a runner reads
 * fewer lines: bladder and bowel control together (cauda equina, 999), saddle numbness with sexual
 * function, sudden with worsening limb weakness (same day), coughing blood with a swollen calf (same day),
 * fainting with confusion (999), stroke-like signs with a thunderclap headache (999). The older separate
 * fields stay in the schema so earlier check-ins still load and still count.
 */

/**
 * A heart or breathing symptom that needs its time: CG95's timing rules decide emergency or same day for
 * the heart, and nhs.uk separates breathlessness now (999 if severe) from breathlessness that has passed
 * (an urgent GP appointment or 111).
 */
export const needsCardiacTiming = (a: Answers): boolean =>
  rf(a).chestPain === true ||
  rf(a).sweatingNauseaBreathless === true ||
  rf(a).nearFaintOrPalpitations === true ||
  rf(a).suddenBreathlessness === true;

const UPPER_REGIONS = [
  'neck',
  'shoulders',
  'between-shoulder-blades',
  'under-shoulder-blades',
  'mid-back-ribs',
];

/** Pain on breathing in, in the upper back or chest (or where it hurts was not said), as with a clot. */
export const pleuriticPain = (a: Answers): boolean => {
  if (a.pain?.worseWith?.includes('deep-breath') !== true) return false;
  const regions = a.pain.regions ?? [];
  return (
    regions.length === 0 ||
    regions.some((r) => UPPER_REGIONS.includes(r)) ||
    a.pain.spreadsTo?.includes('chest') === true
  );
};

/** Pain on breathing in, or breathlessness: the picture in which clot risk changes the answer (nhs.uk PE). */
export const breathingPainOrBreathless = (a: Answers): boolean =>
  pleuriticPain(a) ||
  rf(a).suddenBreathlessness === true ||
  rf(a).sweatingNauseaBreathless === true ||
  rf(a).coughingBlood === true ||
  rf(a).calfSwelling === true;

/**
 * Whether the inflammatory back pain questions apply: NG65 refers when the pain began before 45 and has
 * lasted over three months. An unknown age or duration asks them (cautious).
 */
export const inflammatoryQuestionsApply = (a: Answers, onsetAgeUnder = 45, days = 84): boolean => {
  const age = a.about?.age;
  if (age !== undefined && age >= onsetAgeUnder) return false;
  const p = a.pain;
  const unknownDuration = p?.daysSinceStart === undefined && p?.overThreeMonths === undefined;
  return (
    unknownDuration ||
    p?.overThreeMonths === true ||
    (p?.daysSinceStart ?? 0) >= days ||
    p?.recurrent === true ||
    rf(a).morningStiffnessOver30Min === true
  );
};

const item = (id: RedFlagQuestion, askIf?: (a: Answers) => boolean): ScreenQuestion =>
  askIf ? { id, askIf } : { id };

function group(id: RedFlagGroupId, title: string, lead: string, items: ScreenQuestion[]): RedFlagGroup {
  return { id, title, lead, items, questions: items.map((i) => i.id) };
}

export const RED_FLAG_GROUPS: RedFlagGroup[] = [
  group('rf-heart', 'Heart and lungs', 'Do any of these apply now or in the last few days?', [
    item('chestPain'),
    item('sweatingNauseaBreathless'),
    item('nearFaintOrPalpitations'),
    item('cardiacTiming', needsCardiacTiming),
    item('exertionalChestPressure'),
    item('suddenTearingPain'),
    item('faintingOrCollapse'),
    item('suddenBreathlessness'),
    item('coughingBlood'),
  ]),
  group('rf-nerves', 'Bladder, bowel and nerves', 'Do any of these apply?', [
    item('bladderChange'),
    item('saddleNumbness'),
    item('bothLegs'),
    item('suddenLimbWeakness'),
    item('clumsyHandsOrGait'),
    item('neckVascular'),
  ]),
  group('rf-general', 'General health', 'Do any of these apply?', [
    item('fever'),
    item('feverNeckStiffness', (a) => rf(a).fever === true),
    item('immunosuppressed'),
    item('unexplainedWeightLoss'),
    item('cancerHistory'),
    item('osteoporosisOrSteroids'),
    item('highBloodPressure'),
    item('abdominalPainHighBloodPressure', (a) => rf(a).highBloodPressure === true),
    item('nightPain'),
    item('worseCoughSneeze'),
    item('deformityOrSwelling'),
    item('constantProgressive'),
    item('trauma'),
  ]),
  group('rf-body', 'Skin, bladder and kidneys', 'Do any of these apply?', [
    item('painfulUrination'),
    item('bloodInUrine'),
    item('flankPain'),
    item('oneSidedRash'),
  ]),
];

/** Questions asked after the screen, once the answers they depend on are known. */
export const FOLLOW_UPS: FollowUp[] = [
  {
    id: 'clotRisk',
    stage: 'after-feel',
    title: 'Pain on breathing, or breathlessness: a few more questions',
    askIf: breathingPainOrBreathless,
  },
  ...(
    [
      'morningStiffnessOver30Min',
      'betterWithExercise',
      'alternatingButtockPain',
      'eyeInflammation',
      'psoriasisOrBowelDisease',
    ] as const
  ).map(
    (id): FollowUp => ({
      id,
      stage: 'after-history',
      title: 'Stiffness and related conditions',
      askIf: (a) => inflammatoryQuestionsApply(a),
    }),
  ),
];

/** Every red-flag question with its condition: the screen, then the follow-ups. */
export const ALL_SCREEN_QUESTIONS: ScreenQuestion[] = [
  ...RED_FLAG_GROUPS.flatMap((g) => g.items),
  ...FOLLOW_UPS,
];

/** Whether a red-flag question applies to these answers (is asked). */
export function screenQuestionApplies(q: ScreenQuestion, a: Answers): boolean {
  return q.askIf ? q.askIf(a) : true;
}

/** The red-flag questions that apply to these answers, in the order they are asked. */
export function applicableScreenQuestions(a: Answers): RedFlagQuestion[] {
  return ALL_SCREEN_QUESTIONS.filter((q) => screenQuestionApplies(q, a)).map((q) => q.id);
}

/** The red-flag questions that apply and were not answered. */
export function unansweredScreenQuestions(a: Answers): RedFlagQuestion[] {
  const given = rf(a) as Record<string, unknown>;
  return applicableScreenQuestions(a).filter((q) => given[q] === undefined);
}

/** The answer that means "no, this does not apply": false for yes/no questions; times have none. */
const NO_VALUES: Partial<Record<RedFlagQuestion, unknown>> = {
  cardiacTiming: null,
  trauma: 'none',
  clotRisk: [],
  eyeInflammation: 'no',
};

export const NO_ANSWER: Partial<Record<RedFlagQuestion, unknown>> = Object.fromEntries(
  ALL_SCREEN_QUESTIONS.map((q) => [q.id, q.id in NO_VALUES ? NO_VALUES[q.id] : false]).filter(
    ([, v]) => v !== null,
  ),
);

/**
 * "None of these apply" for one group: every applicable question of the group that is still unanswered
 * gets its "no" answer (false, or `none` for the accident question), including the non-yes/no ones.
 */
export function noneOfThese(groupId: RedFlagGroupId, a: Answers): Answers['redFlags'] {
  const g = RED_FLAG_GROUPS.find((x) => x.id === groupId);
  const flags: Record<string, unknown> = { ...rf(a) };
  if (!g) return flags as Answers['redFlags'];
  for (const q of g.items) {
    if (flags[q.id] !== undefined) continue;
    const answersNow = { ...a, redFlags: flags } as Answers;
    if (!screenQuestionApplies(q, answersNow)) continue;
    const no = NO_ANSWER[q.id];
    if (no !== undefined) flags[q.id] = no;
  }
  return flags as Answers['redFlags'];
}

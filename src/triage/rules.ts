/**
 * The predicates behind each red flag and care threshold in `knowledge/data/red-flags.ts`. A rule fires
 * only on what the runner said: a missing answer never fires a rule and never clears one. Numbers come
 * from the red flag's `params`.
 */
import type { Answers } from '../answers/index.js';
import {
  applicableScreenQuestions,
  pleuriticPain as pleuritic,
  unansweredScreenQuestions,
} from '../answers/red-flag-screen.js';

export type RuleContext = {
  a: Answers;
  /** The red flag's params from the knowledge base. */
  p: Record<string, number>;
  /** Ids of the raised `pattern` factors (rib joint, strain, sacroiliac, facet, nerve or disc). */
  patterns: readonly string[];
};

export type RulePredicate = (ctx: RuleContext) => boolean;

const THORACIC = new Set(['between-shoulder-blades', 'under-shoulder-blades', 'mid-back-ribs']);
const UPPER = new Set([...THORACIC, 'neck', 'shoulders']);

const rf = (a: Answers) => a.redFlags ?? {};
const regions = (a: Answers) => a.pain?.regions ?? [];
const spreads = (a: Answers, to: string) => a.pain?.spreadsTo?.includes(to as never) ?? false;
const has = (a: Answers, quality: string) => a.pain?.qualities?.includes(quality as never) ?? false;
const worseWith = (a: Answers, what: string) => a.pain?.worseWith?.includes(what as never) ?? false;
const thoracic = (a: Answers) => regions(a).some((r) => THORACIC.has(r));
const upper = (a: Answers) => regions(a).some((r) => UPPER.has(r));
const maxPain = (a: Answers) => Math.max(a.pain?.now ?? 0, a.pain?.worst ?? 0);

/**
 * Heart warning signs: chest pain, pain spreading to chest or jaw, or autonomic symptoms with the pain.
 * Effort-related chest pressure counts too once a time is given for it: the stable reading (clinician)
 * holds only without one, since CG95's timing rules apply to recent symptoms.
 */
function cardiacFeatures(a: Answers): boolean {
  const r = rf(a);
  return (
    r.chestPain === true ||
    spreads(a, 'chest') ||
    spreads(a, 'jaw') ||
    r.sweatingNauseaBreathless === true ||
    r.nearFaintOrPalpitations === true ||
    (r.exertionalChestPressure === true && r.cardiacTiming !== undefined)
  );
}

/** Hours since the heart or breathing symptoms, as a band; unknown counts as now (cautious). */
function cardiacBand(a: Answers): 'recent' | 'days' | 'past' {
  const t = rf(a).cardiacTiming;
  if (t === '12-72h') return 'days';
  if (t === 'over-72h') return 'past';
  return 'recent';
}

/** Neurological symptoms in a limb or the saddle, for the cancer-history emergency. */
function neurological(a: Answers): boolean {
  const r = rf(a);
  return (
    r.worseningWeakness === true ||
    r.suddenLimbWeakness === true ||
    r.bladderChange === true ||
    r.bowelControlLoss === true ||
    r.saddleNumbness === true ||
    r.bothLegs === true ||
    r.clumsyHandsOrGait === true ||
    has(a, 'numbness') ||
    has(a, 'weakness') ||
    has(a, 'tingling') ||
    spreads(a, 'arm') ||
    spreads(a, 'leg')
  );
}

/** A new episode: under the given days old, or of unknown age (cautious), and not over three months. */
function isNew(a: Answers, withinDays: number): boolean {
  if (a.pain?.overThreeMonths === true) return false;
  const days = a.pain?.daysSinceStart;
  return days === undefined || days <= withinDays;
}

/** Applicable screen questions answered and not (follow-ups that do not apply are not counted). */
function screenAnswers(a: Answers): { answered: number; unanswered: number } {
  const applicable = applicableScreenQuestions(a);
  const unanswered = unansweredScreenQuestions(a).length;
  return { answered: applicable.length - unanswered, unanswered };
}

const breathless = (a: Answers) =>
  rf(a).suddenBreathlessness === true || rf(a).sweatingNauseaBreathless === true;
const clotRisks = (a: Answers) => rf(a).clotRisk ?? [];

/** Days since the episode began; over three months counts as 90 when no number was given. */
const days = (a: Answers): number | undefined =>
  a.pain?.daysSinceStart ?? (a.pain?.overThreeMonths === true ? 90 : undefined);

/** The pain is easing: rest or a change of position eases it, or it is getting better. */
const easing = (a: Answers) => a.pain?.easesWithRestOrPosition === true || a.pain?.trend === 'better';

/** Features of inflammatory back pain (ASAS, Berlin, NG65), counted. */
function inflammatoryFeatures(a: Answers): number {
  const r = rf(a);
  return [
    r.morningStiffnessOver30Min === true,
    r.betterWithExercise === true,
    r.alternatingButtockPain === true,
    r.eyeInflammation === 'now' || r.eyeInflammation === 'in-the-past',
    r.psoriasisOrBowelDisease === true,
  ].filter(Boolean).length;
}

const cancerSpinal = (a: Answers, p: Record<string, number>) =>
  rf(a).cancerHistory === true &&
  (upper(a) ||
    regions(a).length === 0 ||
    a.pain?.trend === 'worse' ||
    rf(a).constantProgressive === true ||
    rf(a).nightPain === true ||
    rf(a).worseCoughSneeze === true ||
    (a.pain?.worst ?? 0) >= (p.severePain ?? 8));

export const rules: Record<string, RulePredicate> = {
  // Emergency
  'cardiac-warning': ({ a }) => cardiacFeatures(a) && cardiacBand(a) === 'recent',
  'aortic-dissection': ({ a }) => rf(a).suddenTearingPain === true,
  'tearing-pain-severe': ({ a, p }) =>
    has(a, 'tearing') &&
    (upper(a) || spreads(a, 'chest') || regions(a).length === 0) &&
    (a.pain?.now === undefined || maxPain(a) >= (p.severePain ?? 7)),
  collapse: ({ a }) => rf(a).faintingOrCollapse === true,
  'confused-drowsy': ({ a }) => rf(a).confusedOrDrowsy === true,
  'sudden-breathlessness': ({ a }) => rf(a).suddenBreathlessness === true && cardiacBand(a) === 'recent',
  'clot-risk-pregnancy': ({ a }) =>
    (pleuritic(a) || breathless(a)) && clotRisks(a).includes('pregnant-or-recent-birth'),
  'ces-bladder': ({ a }) => rf(a).bladderChange === true,
  'ces-bowel': ({ a }) => rf(a).bowelControlLoss === true,
  'ces-saddle': ({ a }) => rf(a).saddleNumbness === true,
  'ces-sexual': ({ a }) => rf(a).sexualDysfunction === true,
  'ces-both-legs': ({ a }) => rf(a).bothLegs === true,
  'neck-vascular': ({ a }) => rf(a).neckVascular === true,
  'thunderclap-headache': ({ a }) => rf(a).thunderclapHeadache === true,
  meningism: ({ a }) => rf(a).feverNeckStiffness === true,
  'major-trauma': ({ a }) => rf(a).trauma === 'major',
  'cancer-neurological': ({ a }) => rf(a).cancerHistory === true && neurological(a),

  // Urgent
  'cardiac-recent': ({ a }) => cardiacFeatures(a) && cardiacBand(a) === 'days',
  'breathlessness-passed': ({ a }) => rf(a).suddenBreathlessness === true && cardiacBand(a) !== 'recent',
  'pulmonary-embolism-signs': ({ a }) => rf(a).coughingBlood === true || rf(a).calfSwelling === true,
  'clot-risk-breathing': ({ a }) => (pleuritic(a) || breathless(a)) && clotRisks(a).length > 0,
  'tearing-pain': ({ a }) =>
    has(a, 'tearing') && (upper(a) || spreads(a, 'chest') || regions(a).length === 0),
  'progressive-neuro': ({ a }) => rf(a).worseningWeakness === true,
  'sudden-limb-weakness': ({ a }) => rf(a).suddenLimbWeakness === true,
  'myelopathy-signs': ({ a }) => rf(a).clumsyHandsOrGait === true,
  'severe-arm-nerve-pain': ({ a, p }) =>
    spreads(a, 'arm') && (has(a, 'tingling') || has(a, 'numbness')) && maxPain(a) >= (p.severePain ?? 7),
  fever: ({ a }) => rf(a).fever === true,
  'kidney-infection-signs': ({ a }) =>
    rf(a).painfulUrination === true && (rf(a).flankPain === true || spreads(a, 'groin')),
  'blood-in-urine': ({ a }) => rf(a).bloodInUrine === true,
  'kidney-stone-signs': ({ a, p }) =>
    (rf(a).flankPain === true || spreads(a, 'groin')) && maxPain(a) >= (p.severePain ?? 7),
  shingles: ({ a }) => rf(a).oneSidedRash === true,
  'eye-inflammation-now': ({ a }) => rf(a).eyeInflammation === 'now',
  'cancer-spinal-pain': ({ a, p }) => cancerSpinal(a, p),
  'weight-loss': ({ a }) => rf(a).unexplainedWeightLoss === true,
  'night-pain-with-risk': ({ a, p }) => {
    if (rf(a).nightPain !== true) return false;
    const age = a.about?.age;
    const d = days(a);
    return (
      rf(a).immunosuppressed === true ||
      (age !== undefined && age > (p.age ?? 50) && isNew(a, p.newWithinDays ?? 42)) ||
      (d !== undefined && d >= (p.notImprovingDays ?? 30) && a.pain?.trend !== 'better')
    );
  },
  'cough-sneeze': ({ a }) => rf(a).worseCoughSneeze === true,
  deformity: ({ a }) => rf(a).deformityOrSwelling === true,
  'fragility-fracture': ({ a }) =>
    rf(a).osteoporosisOrSteroids === true &&
    (rf(a).trauma === 'minor' ||
      rf(a).trauma === 'major' ||
      a.pain?.onset === 'fall-or-impact' ||
      a.pain?.onset === 'lifting' ||
      a.pain?.onset === 'bending'),
  'thoracic-non-mechanical': ({ a }) =>
    thoracic(a) &&
    (a.pain?.easesWithRestOrPosition === false ||
      worseWith(a, 'rest-night') ||
      rf(a).osteoporosisOrSteroids === true),
  'thoracic-older-onset': ({ a, p }) =>
    thoracic(a) && (a.about?.age ?? 0) > (p.age ?? 50) && isNew(a, p.newWithinDays ?? 42),
  'constant-progressive': ({ a }) => rf(a).constantProgressive === true,
  'high-blood-pressure-sudden-severe': ({ a, p }) =>
    rf(a).highBloodPressure === true &&
    (thoracic(a) || spreads(a, 'chest') || spreads(a, 'belly')) &&
    a.pain?.onset === 'on-its-own' &&
    maxPain(a) >= (p.severePain ?? 7) &&
    isNew(a, p.newWithinDays ?? 2),

  // See a clinician
  'exertional-chest-pressure': ({ a }) => rf(a).exertionalChestPressure === true,
  'cardiac-past': ({ a }) => cardiacFeatures(a) && cardiacBand(a) === 'past',
  'minor-trauma': ({ a }) => rf(a).trauma === 'minor' || a.pain?.onset === 'fall-or-impact',
  'cancer-history': ({ a }) => rf(a).cancerHistory === true,
  immunosuppression: ({ a }) => rf(a).immunosuppressed === true,
  'age-onset': ({ a, p }) => {
    const age = a.about?.age;
    if (age === undefined) return false;
    return (age < (p.under ?? 20) || age > (p.over ?? 50)) && isNew(a, p.newWithinDays ?? 42);
  },
  'night-pain': ({ a }) => rf(a).nightPain === true,
  'inflammatory-pattern': ({ a, p }) => {
    const age = a.about?.age;
    if (age !== undefined && age >= (p.onsetAgeUnder ?? 45)) return false;
    const n = inflammatoryFeatures(a);
    const d = days(a);
    const longLasting = a.pain?.overThreeMonths === true || (d !== undefined && d >= (p.days ?? 84));
    return n >= (p.featuresAnyDuration ?? 3) || (longLasting && n >= (p.featuresLongLasting ?? 2));
  },
  'abdominal-back-pain': ({ a }) =>
    rf(a).abdominalPainHighBloodPressure === true ||
    (rf(a).highBloodPressure === true && spreads(a, 'belly')),
  'aneurysm-risk': ({ a, p }) =>
    rf(a).highBloodPressure === true &&
    (a.about?.age ?? 0) >= (p.age ?? 65) &&
    (regions(a).includes('lower-back' as never) || spreads(a, 'belly')),
  'urinary-symptoms': ({ a }) => rf(a).painfulUrination === true,
  'flank-or-groin-pain': ({ a }) => rf(a).flankPain === true || spreads(a, 'groin'),
  'nerve-weakness': ({ a }) => has(a, 'weakness'),
  'nerve-symptoms': ({ a, p }) => {
    if (!has(a, 'tingling') && !has(a, 'numbness')) return false;
    const d = days(a);
    return d === undefined || d > (p.days ?? 7);
  },
  'limb-pain-nerve-signs': ({ a }) =>
    (spreads(a, 'arm') || spreads(a, 'leg')) &&
    (has(a, 'tingling') || has(a, 'numbness') || has(a, 'weakness')),
  'severe-pain': ({ a, p }) => {
    const now = a.pain?.now;
    if (now !== undefined && now >= (p.verySevereNow ?? 9)) return true;
    const severe = (now !== undefined && now >= (p.now ?? 7)) || a.pain?.stopsDailyActivities === true;
    return severe && !easing(a);
  },
  'getting-worse': ({ a, p }) => {
    if (a.pain?.trend !== 'worse') return false;
    const d = days(a);
    return d === undefined || d >= (p.days ?? 3);
  },
  'not-improving-weeks': ({ a, p }) => {
    const d = days(a);
    if (d === undefined) return false;
    return (d >= (p.notImprovingDays ?? 21) && a.pain?.trend !== 'better') || d >= (p.unresolvedDays ?? 42);
  },
  chronic: ({ a, p }) =>
    a.pain?.overThreeMonths === true ||
    (a.pain?.daysSinceStart ?? 0) >= (p.days ?? 84) ||
    a.pain?.recurrent === true,
  'rib-joint-not-easing': ({ a, p, patterns }) => {
    if (!patterns.includes('rib-joint-pattern')) return false;
    const d = days(a);
    return a.pain?.trend !== 'better' && (d === undefined || d >= (p.days ?? 14));
  },
  'worried-or-struggling': ({ a }) => {
    const o = a.outlook ?? {};
    return (
      o.worriedSerious === true || o.struggling === true || (o.fearOfMoving === true && o.lowMood === true)
    );
  },
  'screen-skipped': ({ a }) => screenAnswers(a).answered === 0,
  'screen-incomplete': ({ a }) => {
    const { answered, unanswered } = screenAnswers(a);
    return answered > 0 && unanswered > 0;
  },
};

/**
 * The predicates behind each red flag and care threshold in `knowledge/data/red-flags.ts`. A rule fires
 * only on what the runner said: a missing answer never fires a rule and never clears one. Numbers come
 * from the red flag's `params`.
 */
import { type Answers, redFlagQuestions } from '../answers/index.js';

export type RuleContext = {
  a: Answers;
  /** The red flag's params from the knowledge base. */
  p: Record<string, number>;
  /** Ids of raised factors that need a clinician's assessment (`pattern` factors). */
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
    (r.exertionalChestPressure === true && r.cardiacTiming !== undefined)
  );
}

/** Hours since cardiac symptoms, as a band; unknown counts as now (cautious). */
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

/** Bouts that settle within two days (pain that comes with long runs and goes), rather than persisting. */
function episodic(a: Answers): boolean {
  const h = a.pain?.episodeHours;
  const now = a.pain?.now;
  // Both must be answered: a missing pain score must not clear the persisting-pain rule.
  return h !== undefined && h <= 48 && now !== undefined && now <= 2;
}

/** Screen questions answered and not; `cardiacTiming` is a follow-up, not a screen question. */
function screenAnswers(a: Answers): { answered: number; unanswered: number } {
  const given = a.redFlags ?? {};
  const questions = redFlagQuestions.filter((q) => q !== 'cardiacTiming');
  const answered = questions.filter((q) => given[q] !== undefined).length;
  return { answered, unanswered: questions.length - answered };
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
  collapse: ({ a }) => rf(a).faintingOrCollapse === true,
  'sudden-breathlessness': ({ a }) => rf(a).suddenBreathlessness === true,
  'ces-bladder': ({ a }) => rf(a).bladderChange === true,
  'ces-bowel': ({ a }) => rf(a).bowelControlLoss === true,
  'ces-saddle': ({ a }) => rf(a).saddleNumbness === true,
  'ces-sexual': ({ a }) => rf(a).sexualDysfunction === true,
  'ces-both-legs': ({ a }) => rf(a).bothLegs === true,
  'neck-vascular': ({ a }) => rf(a).neckVascular === true,
  meningism: ({ a }) => rf(a).feverNeckStiffness === true,
  'major-trauma': ({ a }) => rf(a).trauma === 'major',
  'cancer-neurological': ({ a }) => rf(a).cancerHistory === true && neurological(a),

  // Urgent
  'cardiac-recent': ({ a }) => cardiacFeatures(a) && cardiacBand(a) === 'days',
  'pulmonary-embolism-signs': ({ a }) => rf(a).coughingBlood === true || rf(a).calfSwelling === true,
  'progressive-neuro': ({ a }) => rf(a).worseningWeakness === true,
  'sudden-limb-weakness': ({ a }) => rf(a).suddenLimbWeakness === true,
  'myelopathy-signs': ({ a }) => rf(a).clumsyHandsOrGait === true,
  'severe-arm-nerve-pain': ({ a, p }) =>
    spreads(a, 'arm') && (has(a, 'tingling') || has(a, 'numbness')) && maxPain(a) >= (p.severePain ?? 7),
  fever: ({ a }) => rf(a).fever === true,
  'cancer-spinal-pain': ({ a, p }) => cancerSpinal(a, p),
  'weight-loss': ({ a }) => rf(a).unexplainedWeightLoss === true,
  'night-pain': ({ a }) => rf(a).nightPain === true,
  'cough-sneeze': ({ a }) => rf(a).worseCoughSneeze === true,
  deformity: ({ a }) => rf(a).deformityOrSwelling === true,
  'fragility-fracture': ({ a }) =>
    rf(a).osteoporosisOrSteroids === true &&
    (rf(a).trauma === 'minor' ||
      rf(a).trauma === 'major' ||
      a.pain?.onset === 'fall-or-impact' ||
      a.pain?.onset === 'lifting'),
  'thoracic-non-mechanical': ({ a }) =>
    thoracic(a) &&
    (a.pain?.easesWithRestOrPosition === false ||
      worseWith(a, 'rest-night') ||
      rf(a).osteoporosisOrSteroids === true),
  'thoracic-older-onset': ({ a, p }) =>
    thoracic(a) && (a.about?.age ?? 0) > (p.age ?? 50) && isNew(a, p.newWithinDays ?? 42),
  'constant-progressive': ({ a }) => rf(a).constantProgressive === true,

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
  'inflammatory-pattern': ({ a, p }) =>
    rf(a).morningStiffnessOver30Min === true &&
    (a.about?.age === undefined || a.about.age < (p.onsetAgeUnder ?? 45)),
  'abdominal-back-pain': ({ a }) => rf(a).abdominalPainHighBloodPressure === true,
  'nerve-symptoms': ({ a }) => has(a, 'tingling') || has(a, 'numbness') || has(a, 'weakness'),
  'pain-spreading-limb': ({ a }) => spreads(a, 'arm') || spreads(a, 'leg'),
  'severe-pain': ({ a, p }) => (a.pain?.worst ?? 0) >= (p.worst ?? 8) || (a.pain?.now ?? 0) >= (p.now ?? 7),
  'persisting-despite-rest': ({ a, p }) =>
    (a.pain?.daysSinceStart ?? 0) >= (p.days ?? 3) && a.pain?.trend !== 'better' && !episodic(a),
  'not-improving-weeks': ({ a, p }) => {
    const days = a.pain?.daysSinceStart ?? 0;
    return (
      (days >= (p.notImprovingDays ?? 14) && a.pain?.trend !== 'better') || days >= (p.unresolvedDays ?? 42)
    );
  },
  'self-care-not-helping': ({ a }) => a.pain?.triedSelfCare === true && a.pain.trend !== 'better',
  chronic: ({ a, p }) => a.pain?.overThreeMonths === true || (a.pain?.daysSinceStart ?? 0) >= (p.days ?? 84),
  'getting-worse': ({ a }) => a.pain?.trend === 'worse',
  'pattern-needs-assessment': ({ patterns }) => patterns.length > 0,
  'screen-skipped': ({ a }) => screenAnswers(a).answered === 0,
  'screen-incomplete': ({ a }) => {
    const { answered, unanswered } = screenAnswers(a);
    return answered > 0 && unanswered > 0;
  },
};

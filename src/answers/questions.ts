/**
 * The check-in's questions in one catalogue: each question outside the red-flag screen with the answers
 * path it fills, the step that asks it and when it is asked; the red-flag questions come from
 * red-flag-screen.ts. The terminal and the web check-in ask in this order and by these conditions, so
 * `askedQuestions(answers)` says what either would ask a runner with these answers. Plain data and pure
 * functions (types only from the schema), so the web app can bundle it.
 *
 * The adaptive rules only leave out questions whose answer could not matter (how the pain is trending when
 * it started today) or does not apply (a sports bra for a man); they never touch the red-flag screen,
 * whose own conditions live in red-flag-screen.ts.
 */
import { RECENT_CHANGES } from './choices.js';
import {
  FOLLOW_UPS,
  type FollowUpStage,
  NO_ANSWER,
  RED_FLAG_GROUPS,
  type RedFlagGroupId,
  type ScreenQuestion,
  screenQuestionApplies,
} from './red-flag-screen.js';
import type { Answers, RedFlagQuestion } from './schema.js';

/** The steps after the screen that hold the follow-ups, named after what they ask about. */
export type FollowUpStepId = 'fu-clot' | 'fu-inflammatory';

export type AnswerStepId =
  | 'where'
  | 'spread'
  | 'severity'
  | 'duration'
  | 'feel'
  | 'onset'
  | 'outlook'
  | 'running'
  | 'form'
  | 'daily'
  | 'gear'
  | 'self-checks';

export type StepId = RedFlagGroupId | FollowUpStepId | AnswerStepId;

export const FOLLOW_UP_STEPS: Record<FollowUpStage, FollowUpStepId> = {
  'after-feel': 'fu-clot',
  'after-history': 'fu-inflammatory',
};

/**
 * The steps in the order they are asked: the screen; where and how it hurts; the clot follow-up once
 * what makes it worse is known; how it began and the runner's age; the inflammatory follow-ups once the
 * pain's history and the age are known; then everything else.
 */
export const STEP_ORDER: readonly StepId[] = [
  'rf-heart',
  'rf-nerves',
  'rf-general',
  'rf-body',
  'where',
  'spread',
  'severity',
  'duration',
  'feel',
  'fu-clot',
  'onset',
  'fu-inflammatory',
  'outlook',
  'running',
  'form',
  'daily',
  'gear',
  'self-checks',
];

export type Question = {
  /** The answers path the question fills (`pain.trend`); a checklist fills the section (`form`). */
  id: string;
  step: AnswerStepId;
  /** Asked only when this holds for the answers given so far; absent means always asked. */
  askIf?: (a: Answers) => boolean;
};

/** The pain began today: there is no trend yet, and nothing tried for it. */
export const startedToday = (a: Answers): boolean => a.pain?.daysSinceStart === 0;

/** A sports bra may be worn: female, other, or not said. */
export const mayWearSportsBra = (a: Answers): boolean => a.about?.sex !== 'male';

/** Sits for a while on a typical day (or did not say): the sitting habits matter. */
export const sitsForLong = (a: Answers): boolean => {
  const h = a.daily?.sittingHours;
  return h === undefined || h >= 2;
};

const q = (id: string, step: AnswerStepId, askIf?: (a: Answers) => boolean): Question =>
  askIf ? { id, step, askIf } : { id, step };

/** Every question outside the red-flag screen, in the order asked within its step. */
export const QUESTIONS: readonly Question[] = [
  q('pain.regions', 'where'),
  q('pain.spreadsTo', 'spread'),
  q('pain.now', 'severity'),
  q('pain.worst', 'severity'),
  q('pain.timing', 'severity'),
  q('pain.stopsDailyActivities', 'severity'),
  // One question ("how long ago did it begin?") fills daysSinceStart and overThreeMonths.
  q('pain.daysSinceStart', 'duration'),
  q('pain.episodeHours', 'duration'),
  q('pain.recurrent', 'duration'),
  q('pain.qualities', 'feel'),
  q('pain.worseWith', 'feel'),
  q('pain.easesWithRestOrPosition', 'feel'),
  q('pain.onset', 'onset'),
  q('pain.trend', 'onset', (a) => !startedToday(a)),
  q('pain.triedSelfCare', 'onset', (a) => !startedToday(a)),
  q('pain.triedPainkillers', 'onset', (a) => !startedToday(a)),
  q('about.age', 'onset'),
  q('about.sex', 'onset'),
  q('outlook', 'outlook'),
  q('running.runsPerWeek', 'running'),
  q('running.restDaysPerWeek', 'running'),
  q('running.weeklyKmNow', 'running'),
  q('running.weeklyKm4WeeksAgo', 'running', (a) => a.running?.weeklyKmNow !== undefined),
  q('running.longestRunKm', 'running'),
  q('running.recentChanges', 'running'),
  q('running.crossTraining', 'running'),
  q('running.mainSurface', 'running'),
  q('running.warmUp', 'running'),
  q('running.stretchAfter', 'running'),
  q('form', 'form'),
  q('daily.sittingHours', 'daily'),
  q('daily.strengthSessionsPerWeek', 'daily'),
  q('daily.slouching', 'daily', sitsForLong),
  q('daily.breaks', 'daily', sitsForLong),
  q('daily.stress', 'daily'),
  q('daily.hydration', 'daily'),
  q('daily.heavyLifting', 'daily'),
  q('daily.previousSportsInjury', 'daily'),
  q('daily.equipment', 'daily'),
  q('gear.shoeCondition', 'gear'),
  // Worn-out shoes are the finding; how far they have gone adds nothing.
  q('gear.shoeAgeKm', 'gear', (a) => a.gear?.shoeCondition !== 'worn'),
  q('gear.sportsBraFit', 'gear', mayWearSportsBra),
  q('selfChecks.wallTest', 'self-checks'),
  q('selfChecks.mirrorProfile', 'self-checks'),
  q('selfChecks.longRunPhotos', 'self-checks'),
  q('selfChecks.thoracicRotation', 'self-checks'),
  q('selfChecks.plankHoldS', 'self-checks'),
  // Two timings (left and right) make one answer.
  q('selfChecks.bridgeHoldS', 'self-checks'),
];

/**
 * How many questions the check-in asked before the adaptive catalogue (commit 578dd1b, the web
 * check-in and HEAD~1's schema) of a runner who answered everything and had no warning sign, counted as
 * this catalogue counts (one per answers path; the form checklist one; since-when one; the bridge one):
 * - red-flag screen 30: heart and lungs 8 (cardiacTiming only after a yes, so not counted), bladder,
 *   bowel and nerves 9, general health 12 (fever with neck stiffness, morning stiffness and belly pain
 *   with high blood pressure asked of everyone) and the accident question;
 * - pain and about you 15: where, spread, now, worst, timing, since when, bout length, qualities,
 *   aggravators, eases with rest, onset, trend, tried self-care, age, sex;
 * - running 10, form 1, your day 8, gear 3 (shoes, their distance, sports bra for everyone), self-checks 6.
 * 30 + 15 + 10 + 1 + 8 + 3 + 6 = 73 (74 with chest or breathing symptoms).
 */
export const LEGACY_QUESTION_COUNT = 73;

export type AskedQuestion = {
  /** The answers path: `pain.trend`, or `redFlags.clotRisk` for a red-flag question. */
  id: string;
  step: StepId;
};

const FOLLOW_UP_STAGE = Object.fromEntries(
  Object.entries(FOLLOW_UP_STEPS).map(([stage, step]) => [step, stage]),
) as Record<FollowUpStepId, FollowUpStage>;

const screenItems = (step: StepId): ScreenQuestion[] | undefined => {
  const group = RED_FLAG_GROUPS.find((g) => g.id === step);
  if (group) return group.items;
  const stage = FOLLOW_UP_STAGE[step as FollowUpStepId];
  return stage ? FOLLOW_UPS.filter((f) => f.stage === stage) : undefined;
};

/** Whether a step is part of the red-flag screen or its follow-ups. */
export const isSafetyStep = (step: StepId): boolean => screenItems(step) !== undefined;

/** The questions one step asks a runner with these answers, in order. */
export function stepQuestions(step: StepId, a: Answers): AskedQuestion[] {
  const screen = screenItems(step);
  if (screen)
    return screen.filter((x) => screenQuestionApplies(x, a)).map((x) => ({ id: `redFlags.${x.id}`, step }));
  return QUESTIONS.filter((x) => x.step === step && (!x.askIf || x.askIf(a))).map((x) => ({
    id: x.id,
    step,
  }));
}

/** Whether the step asks anything of a runner with these answers; a step that does not is skipped. */
export const stepApplies = (step: StepId, a: Answers): boolean => stepQuestions(step, a).length > 0;

/** The steps a runner with these answers is taken through, in order. */
export const applicableSteps = (a: Answers): StepId[] => STEP_ORDER.filter((s) => stepApplies(s, a));

/**
 * Every question the check-in asks a runner with these answers, red-flag questions included, in the
 * order asked. It describes the whole check-in: an emergency or urgent answer in the screen ends the
 * check-in early, which this does not model.
 *
 * @example askedQuestions({ pain: { daysSinceStart: 0 } }) leaves out `pain.trend`.
 */
export function askedQuestions(a: Answers): AskedQuestion[] {
  return STEP_ORDER.flatMap((s) => stepQuestions(s, a));
}

/** Whether the question with this answers path is asked of a runner with these answers. */
export function questionApplies(id: string, a: Answers): boolean {
  const question = QUESTIONS.find((x) => x.id === id);
  if (question) return !question.askIf || question.askIf(a);
  const screen = [...RED_FLAG_GROUPS.flatMap((g) => g.items), ...FOLLOW_UPS].find(
    (x) => `redFlags.${x.id}` === id,
  );
  return screen ? screenQuestionApplies(screen, a) : false;
}

/** The recent-change options for these answers: the sports bra only when one may be worn. */
export const recentChangeChoices = (a: Answers) =>
  RECENT_CHANGES.filter((c) => c.value !== 'sports-bra' || mayWearSportsBra(a));

/**
 * The answers without anything to a question that is not asked of them (a trend kept from before the
 * runner said the pain began today; clot risk after "deep breaths" was unticked), so what is sent is what
 * was shown. Repeats until nothing changes, since one answer dropped can make another not apply.
 */
export function withoutUnasked(a: Answers): Answers {
  let out: Answers = structuredClone(a);
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    const next: Answers = structuredClone(out);
    for (const x of QUESTIONS) {
      if (!x.askIf || x.askIf(out)) continue;
      const [section, field] = x.id.split('.') as [keyof Answers, string | undefined];
      const holder = next[section] as Record<string, unknown> | undefined;
      if (field && holder && holder[field] !== undefined) {
        delete holder[field];
        changed = true;
      }
    }
    const flags = next.redFlags as Record<string, unknown> | undefined;
    if (flags) {
      for (const x of [...RED_FLAG_GROUPS.flatMap((g) => g.items), ...FOLLOW_UPS]) {
        if (flags[x.id] !== undefined && !screenQuestionApplies(x, out)) {
          delete flags[x.id];
          changed = true;
        }
      }
    }
    const changes = next.running?.recentChanges;
    if (changes?.includes('sports-bra') && !mayWearSportsBra(out) && next.running) {
      next.running.recentChanges = changes.filter((c) => c !== 'sports-bra');
      changed = true;
    }
    out = next;
    if (!changed) break;
  }
  for (const key of Object.keys(out) as (keyof Answers)[]) {
    const v = out[key];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) delete out[key];
  }
  return out;
}

/**
 * Whether a red-flag answer is a warning sign worth an early triage: a yes, a clot risk, an accident, eye
 * inflammation. "No", "none", [] and a time (which only qualifies another answer) are not.
 */
export function isWarningAnswer(q: RedFlagQuestion, value: unknown): boolean {
  if (value === true) return true;
  if (Array.isArray(value)) return value.length > 0;
  if (q === 'cardiacTiming' || typeof value !== 'string') return false;
  return value !== NO_ANSWER[q];
}

/** Whether any of these red-flag answers is a warning sign. */
export const anyWarningAnswer = (flags: Answers['redFlags'], only?: readonly RedFlagQuestion[]): boolean =>
  Object.entries(flags ?? {}).some(
    ([q, v]) => (!only || only.includes(q as RedFlagQuestion)) && isWarningAnswer(q as RedFlagQuestion, v),
  );

/**
 * The check-in as the web form holds it (a draft per step, in the runner's units) and its conversion to
 * the answers the API validates. Which steps and questions are shown comes from the shared question
 * catalogue (src/answers/questions.ts) and red-flag screen, computed from `toAnswers(draft)`, so the web
 * and the terminal check-in ask the same things in the same order: red-flag screen first.
 */
import {
  EPISODE,
  FORM_CHOICES,
  OUTLOOK,
  SINCE,
  triedAnswers,
  trueForYouAnswers,
} from '../../src/answers/choices.js';
import {
  type AskedQuestion,
  type AskOptions,
  anyWarningAnswer,
  applicableSteps,
  FOLLOW_UP_STEPS,
  type FollowUpStepId,
  type StepId as QuestionStepId,
  questionApplies,
  safetyChecklist,
  stepOfPath,
  stepQuestions,
  withoutUnasked,
} from '../../src/answers/questions.js';
import {
  FOLLOW_UPS,
  NO_ANSWER,
  noneOfThese,
  RED_FLAG_GROUPS,
  type RedFlagGroupId,
  screenQuestionApplies,
} from '../../src/answers/red-flag-screen.js';
import type { RedFlagQuestion } from '../../src/answers/schema.js';
import { descriptors } from '../../src/knowledge/data/body.js';
import { METRES_PER_MILE } from '../../src/metrics/index.js';
import type { Option } from './components/ui.js';
import type { Units } from './format.js';
import type { Answers } from './types.js';

export {
  BRA,
  BREAKS,
  CARDIAC_TIMING,
  CARDIAC_TIMING_HINT,
  CARDIAC_TIMING_QUESTION,
  CLOT_RISK,
  CRISIS_NOTE,
  EPISODE,
  EQUIPMENT,
  EYE_INFLAMMATION,
  FORM_CHOICES,
  FREQUENCY,
  MIRROR,
  ONSET,
  OUTLOOK,
  PHOTOS,
  QUESTION_TEXT,
  RECENT_CHANGES,
  ROTATION,
  SEX,
  SHOES,
  SINCE,
  SURFACE,
  TIMING,
  TRAUMA,
  TREND,
  TRIED,
  trueForYouChoices,
  WALL_TEST,
} from '../../src/answers/choices.js';
export {
  type AskOptions,
  isChecklistLine,
  questionApplies,
  recentChangeChoices,
  safetyChecklist,
} from '../../src/answers/questions.js';
/** The red-flag questions, grouped and ordered as in the terminal check-in (shared data). */
export { FOLLOW_UPS, RED_FLAG_GROUPS };

const descriptorOptions = (kind: 'quality' | 'aggravator'): Option<string>[] =>
  descriptors
    .filter((d) => d.kind === kind)
    .map((d) => ({ value: d.id, label: d.name, hint: d.description }));
export const QUALITIES = descriptorOptions('quality');
export const AGGRAVATORS = descriptorOptions('aggravator');

export type StepId = QuestionStepId | 'review';

/** Every step with its title, in the order asked; only those that apply to the answers are shown. */
export const STEPS: { id: StepId; title: string }[] = [
  { id: 'rf-heart', title: 'Safety: heart and lungs' },
  { id: 'rf-nerves', title: 'Safety: bladder, bowel and nerves' },
  { id: 'rf-general', title: 'Safety: general health' },
  { id: 'rf-body', title: 'Safety: skin, bladder and kidneys' },
  { id: 'where', title: 'Where does it hurt?' },
  { id: 'spread', title: 'Does the pain spread?' },
  { id: 'severity', title: 'How bad, and when?' },
  { id: 'duration', title: 'How long?' },
  { id: 'feel', title: 'What it feels like' },
  { id: 'fu-clot', title: 'Safety: pain on breathing' },
  { id: 'onset', title: 'How it started, and about you' },
  { id: 'fu-inflammatory', title: 'Safety: stiffness and related conditions' },
  { id: 'outlook', title: 'How is the pain sitting with you?' },
  { id: 'running', title: 'Your running' },
  { id: 'form', title: 'Your running form' },
  { id: 'daily', title: 'Your day' },
  { id: 'gear', title: 'Your gear' },
  { id: 'self-checks', title: 'Self-checks' },
  { id: 'review', title: 'Check and send' },
];

/** The screen groups and the follow-up steps: their answers are red flags, triaged as they come. */
export type SafetyStepId = RedFlagGroupId | FollowUpStepId;
export const isSafetyStep = (id: StepId): id is SafetyStepId =>
  RED_FLAG_GROUPS.some((g) => g.id === id) || Object.values(FOLLOW_UP_STEPS).includes(id as FollowUpStepId);

/** The screen questions of a safety step, in order, with their conditions. */
export function safetyItems(id: SafetyStepId) {
  const group = RED_FLAG_GROUPS.find((g) => g.id === id);
  if (group) return group.items;
  return FOLLOW_UPS.filter((f) => FOLLOW_UP_STEPS[f.stage] === id);
}

/** The step that asks a red-flag question. */
function stepOfFlag(q: RedFlagQuestion): SafetyStepId | undefined {
  const group = RED_FLAG_GROUPS.find((g) => g.questions.includes(q));
  if (group) return group.id;
  const follow = FOLLOW_UPS.find((f) => f.id === q);
  return follow ? FOLLOW_UP_STEPS[follow.stage] : undefined;
}

/** A red-flag answer as the form holds it: clot risks may include 'none' (shown as a chip). */
type Flags = Partial<Record<RedFlagQuestion, boolean | string | string[]>>;

export type Draft = {
  flags: Flags;
  regions: string[];
  spread: string[];
  now?: number;
  worst?: number;
  timing: string[];
  stopsDaily?: boolean;
  since?: string;
  episode?: string;
  recurrent?: boolean;
  qualities: string[];
  worseWith: string[];
  eases?: boolean;
  onset?: string;
  trend?: string;
  /** What was tried (TRIED values, 'none' for "Nothing yet"); nothing chosen is not answered. */
  tried: string[];
  age?: number;
  sex?: string;
  outlook: string[];
  running: {
    runsPerWeek?: number;
    weeklyNow?: number;
    weekly4?: number;
    longest?: number;
    recentChanges: string[];
    restDays?: number;
    crossTraining?: boolean;
    surface?: string;
    warmUp?: string;
    stretchAfter?: string;
  };
  form: string[];
  daily: {
    sittingHours?: number;
    breaks?: string;
    stress?: number;
    strengthSessions?: number;
    /** "Which of these are true for you?" (TRUE_FOR_YOU values, 'none'); nothing chosen is not answered. */
    trueForYou?: string[];
    equipment?: string[];
  };
  gear: { shoeCondition?: string; shoeDistance?: number; bra?: string };
  checks: {
    wallTest?: string;
    mirror?: string;
    photos?: string;
    rotation?: string;
    plankS?: number;
    bridgeLeft?: number;
    bridgeRight?: number;
  };
  /** Steps the runner chose to skip. */
  skipped: StepId[];
};

export const emptyDraft = (): Draft => ({
  flags: {},
  regions: [],
  spread: [],
  timing: [],
  qualities: [],
  worseWith: [],
  tried: [],
  outlook: [],
  running: { recentChanges: [] },
  form: [],
  daily: {},
  gear: {},
  checks: {},
  skipped: [],
});

/**
 * A choice list whose "none" option excludes the rest: choosing "none" clears the others and choosing
 * another clears "none".
 */
export function exclusiveNone(before: readonly string[], after: string[], none = 'none'): string[] {
  const added = after.filter((v) => !before.includes(v));
  if (added.includes(none)) return [none];
  return added.length ? after.filter((v) => v !== none) : after;
}

/** Drop undefined fields and empty objects, so a skipped question stays absent. */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? (out as T) : undefined;
}

const toKm = (v: number | undefined, u: Units) =>
  v === undefined ? undefined : u === 'mi' ? Math.round(((v * METRES_PER_MILE) / 1000) * 10) / 10 : v;

/** A red-flag answer from the form: clot risks ticked as "none of these" are []. */
function flagValue(q: RedFlagQuestion, v: Flags[RedFlagQuestion]): unknown {
  if (q === 'clotRisk' && Array.isArray(v)) return v.length ? v.filter((x) => x !== 'none') : undefined;
  return v;
}

/** The red-flag answers given so far (skipped steps left out), as given: conditions are applied later. */
function givenRedFlags(d: Draft): Answers['redFlags'] {
  const out: Record<string, unknown> = {};
  for (const [q, v] of Object.entries(d.flags) as [RedFlagQuestion, Flags[RedFlagQuestion]][]) {
    const step = stepOfFlag(q);
    if (!step || d.skipped.includes(step)) continue;
    const value = flagValue(q, v);
    if (value !== undefined) out[q] = value;
  }
  return compact(out) as Answers['redFlags'];
}

/** The red-flag answers given so far that apply (skipped steps left out). */
export function redFlagAnswers(d: Draft): Answers['redFlags'] {
  return withoutUnasked({ redFlags: givenRedFlags(d) }).redFlags;
}

/** Whether any safety answer so far is a warning sign (worth an early triage); `step` limits it to one step. */
export function anyWarning(d: Draft, step?: SafetyStepId): boolean {
  const flags = step ? toAnswers(d, 'km').redFlags : redFlagAnswers(d);
  return anyWarningAnswer(flags, step ? safetyItems(step).map((i) => i.id) : undefined);
}

/**
 * Whether "Continue" may be pressed on a safety step: a line of its checklist is ticked, or one of its
 * other questions (the accident, a follow-up under a ticked line, eye inflammation) is answered. With
 * nothing ticked the step is answered by "None of these apply" (or skipped).
 */
export function canContinueSafety(d: Draft, id: SafetyStepId): boolean {
  const answers = toAnswers({ ...d, skipped: d.skipped.filter((s) => s !== id) }, 'km');
  const flags = (answers.redFlags ?? {}) as Record<string, unknown>;
  const lines = safetyChecklist(id, answers);
  return safetyItems(id).some((q) =>
    lines.includes(q.id) ? flags[q.id] === true : flags[q.id] !== undefined,
  );
}

/**
 * "Continue" on a safety step: every line of its checklist that applies and is not ticked is "no"
 * (false); the step's other questions keep their answers, or stay unanswered.
 */
export function uncheckedAreNo(d: Draft, id: SafetyStepId): Flags {
  const answers = toAnswers({ ...d, skipped: d.skipped.filter((s) => s !== id) }, 'km');
  const flags: Flags = { ...d.flags };
  for (const q of safetyChecklist(id, answers)) if (flags[q] !== true) flags[q] = false;
  return flags;
}

/** The whole draft as answers for `POST /api/assess`, without answers to questions that are not asked. */
export function toAnswers(d: Draft, units: Units, ask: AskOptions = {}): Answers {
  const skip = (id: StepId) => d.skipped.includes(id);
  const answers: Answers = {};
  const redFlags = givenRedFlags(d);
  if (redFlags) answers.redFlags = redFlags;

  const since = SINCE.find((s) => s.value === d.since);
  const pain: Record<string, unknown> = {};
  if (!skip('where') && d.regions.length) pain.regions = d.regions;
  if (!skip('spread')) pain.spreadsTo = d.spread;
  if (!skip('severity')) {
    pain.now = d.now;
    pain.worst = d.worst;
    if (d.timing.length) pain.timing = d.timing;
    pain.stopsDailyActivities = d.stopsDaily;
  }
  if (!skip('duration')) {
    pain.daysSinceStart = since?.days;
    pain.overThreeMonths = since ? since.value === '3m+' : undefined;
    pain.episodeHours = EPISODE.find((e) => e.value === d.episode)?.hours;
    pain.recurrent = d.recurrent;
  }
  if (!skip('feel')) {
    pain.qualities = d.qualities;
    pain.worseWith = d.worseWith;
    pain.easesWithRestOrPosition = d.eases;
  }
  if (!skip('onset')) {
    pain.onset = d.onset;
    pain.trend = d.trend;
    Object.assign(pain, triedAnswers(d.tried ?? []));
    const about = compact({ age: d.age, sex: d.sex });
    if (about) answers.about = about as Answers['about'];
  }
  const p = compact(pain);
  if (p) answers.pain = p as Answers['pain'];

  if (!skip('outlook')) {
    answers.outlook = Object.fromEntries(
      OUTLOOK.map((c) => [c.value, d.outlook.includes(c.value)]),
    ) as Answers['outlook'];
  }
  if (!skip('running')) {
    const r = d.running;
    const running = compact({
      runsPerWeek: r.runsPerWeek,
      weeklyKmNow: toKm(r.weeklyNow, units),
      weeklyKm4WeeksAgo: toKm(r.weekly4, units),
      longestRunKm: toKm(r.longest, units),
      recentChanges: r.recentChanges,
      restDaysPerWeek: r.restDays,
      crossTraining: r.crossTraining,
      mainSurface: r.surface,
      warmUp: r.warmUp,
      stretchAfter: r.stretchAfter,
    });
    if (running) answers.running = running as Answers['running'];
  }
  if (!skip('form')) {
    answers.form = Object.fromEntries(
      FORM_CHOICES.map((c) => [c.value, d.form.includes(c.value)]),
    ) as Answers['form'];
  }
  if (!skip('daily')) {
    const x = d.daily;
    const sits = questionApplies('daily.slouching', { daily: { sittingHours: x.sittingHours } });
    const daily = compact({
      sittingHours: x.sittingHours,
      breaks: x.breaks,
      stress: x.stress,
      strengthSessionsPerWeek: x.strengthSessions,
      ...trueForYouAnswers(x.trueForYou ?? [], sits),
      equipment: x.equipment?.length ? x.equipment : undefined,
    });
    if (daily) answers.daily = daily as Answers['daily'];
  }
  if (!skip('gear')) {
    const g = compact({
      shoeCondition: d.gear.shoeCondition,
      shoeAgeKm: toKm(d.gear.shoeDistance, units),
      sportsBraFit: d.gear.bra,
    });
    if (g) answers.gear = g as Answers['gear'];
  }
  if (!skip('self-checks')) {
    const c = d.checks;
    const checks = compact({
      wallTest: c.wallTest,
      mirrorProfile: c.mirror,
      longRunPhotos: c.photos,
      thoracicRotation: c.rotation,
      plankHoldS: c.plankS,
      bridgeHoldS:
        c.bridgeLeft !== undefined && c.bridgeRight !== undefined
          ? { left: c.bridgeLeft, right: c.bridgeRight }
          : undefined,
    });
    if (checks) answers.selfChecks = checks as Answers['selfChecks'];
  }
  return withoutUnasked(answers, ask);
}

/** The steps shown for this draft, in order: those that ask something of these answers, then the review. */
export function visibleSteps(d: Draft, ask: AskOptions = {}): { id: StepId; title: string }[] {
  const applies = new Set<StepId>(applicableSteps(toAnswers(d, 'km', ask), ask));
  return STEPS.filter((s) => s.id === 'review' || applies.has(s.id));
}

/** The questions a step asks of this draft (for the review). */
export const questionsOf = (id: StepId, d: Draft, ask: AskOptions = {}): AskedQuestion[] =>
  id === 'review' ? [] : stepQuestions(id, toAnswers(d, 'km', ask), ask);

/**
 * "None of these apply" on a safety step: every applicable question of the step still unanswered gets
 * its "no" answer, the accident question and eye inflammation included, as the form holds them.
 */
export function noneApply(d: Draft, id: SafetyStepId): Flags {
  const answers = toAnswers({ ...d, skipped: d.skipped.filter((s) => s !== id) }, 'km');
  let filled: Record<string, unknown>;
  if (RED_FLAG_GROUPS.some((g) => g.id === id)) {
    filled = { ...noneOfThese(id as RedFlagGroupId, answers) };
  } else {
    filled = { ...answers.redFlags };
    for (const q of safetyItems(id)) {
      if (filled[q.id] !== undefined) continue;
      if (!screenQuestionApplies(q, { ...answers, redFlags: filled } as Answers)) continue;
      const no = NO_ANSWER[q.id];
      if (no !== undefined) filled[q.id] = no;
    }
  }
  const flags: Flags = { ...d.flags };
  for (const q of safetyItems(id)) {
    if (flags[q.id] !== undefined || filled[q.id] === undefined) continue;
    // [] is "none of these" for the clot risks, shown as its chip.
    flags[q.id] = q.id === 'clotRisk' ? ['none'] : (filled[q.id] as Flags[RedFlagQuestion]);
  }
  return flags;
}

/** The step that asks about an answers field (`pain.now` → 'severity'), for server errors. */
export function stepForField(field: string): StepId | undefined {
  const [head = '', sub = ''] = field.split(/[.[]/);
  if (head === 'redFlags') return stepOfFlag(sub as RedFlagQuestion);
  if (head === 'pain' && sub === 'overThreeMonths') return 'duration';
  if (head === 'about') return 'onset';
  if (head === 'selfChecks') return 'self-checks';
  return stepOfPath(`${head}.${sub}`) ?? stepOfPath(head);
}

/**
 * The check-in's questions in one catalogue: each question outside the red-flag screen with the answers
 * path it fills, the step that asks it and when it is asked; the red-flag questions come from
 * red-flag-screen.ts. The terminal and the web check-in ask in this order and by these conditions, so
 * `askedQuestions(answers)` says what either would ask a runner with these answers. Plain data and pure
 * functions (types only from the schema), so the web app can bundle it.
 *
 * The adaptive rules only leave out questions whose answer could not matter (how the pain is trending when
 * it started today), does not apply (a sports bra for a man) or is known better from the runner's imported
 * runs (the running load: `AskOptions`); they never touch the red-flag screen, whose own conditions live in
 * red-flag-screen.ts. Questions that are one decision are asked as one checklist (what was tried; which
 * daily habits are true), and a safety group is one checklist: see "Counting questions" below.
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

/** What the check-in knows besides the answers: whether the runner's stored runs answer the load. */
export type AskOptions = {
  /**
   * Stored runs stand in for the running-load answers (a run in the last six weeks and four weeks of
   * history: `runsAnswerLoad` in src/assess/history-window.ts); runs a week, rest days, the weekly
   * distance now and four weeks ago and the longest run are then not asked.
   */
  hasRecentRuns?: boolean;
};

/** When a question (or a line of a checklist) is asked; absent means always. */
export type Condition = (a: Answers, o: AskOptions) => boolean;

export type ChecklistItem = { path: string; askIf?: Condition };

export type Question = {
  /**
   * The answers path the question fills (`pain.trend`). A checklist that fills several fields is named
   * for what it asks (`pain.tried`) and lists them in `items`; the form and outlook checklists fill their
   * section (`form`).
   */
  id: string;
  step: AnswerStepId;
  /** Asked only when this holds for the answers given so far; absent means always asked. */
  askIf?: Condition;
  /** A checklist's fields, each a line shown only when its own condition holds. */
  items?: readonly ChecklistItem[];
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

/** Stored runs do not answer the running load: it is asked. */
export const loadNotFromRuns: Condition = (_a, o) => o.hasRecentRuns !== true;

const q = (id: string, step: AnswerStepId, askIf?: Condition): Question =>
  askIf ? { id, step, askIf } : { id, step };

const checklist = (
  id: string,
  step: AnswerStepId,
  items: readonly ChecklistItem[],
  askIf?: Condition,
): Question => ({ ...q(id, step, askIf), items });

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
  // "What have you tried for it?": one checklist (rest, stretching, foam rolling, massage, heat,
  // painkillers, or nothing yet).
  checklist(
    'pain.tried',
    'onset',
    [{ path: 'pain.triedSelfCare' }, { path: 'pain.triedPainkillers' }],
    (a) => !startedToday(a),
  ),
  q('about.age', 'onset'),
  q('about.sex', 'onset'),
  q('outlook', 'outlook'),
  // The load: stored runs answer these better than memory (mergeHistory), so they are not asked then.
  q('running.runsPerWeek', 'running', loadNotFromRuns),
  q('running.restDaysPerWeek', 'running', loadNotFromRuns),
  q('running.weeklyKmNow', 'running', loadNotFromRuns),
  q(
    'running.weeklyKm4WeeksAgo',
    'running',
    (a, o) => loadNotFromRuns(a, o) && a.running?.weeklyKmNow !== undefined,
  ),
  q('running.longestRunKm', 'running', loadNotFromRuns),
  q('running.recentChanges', 'running'),
  q('running.crossTraining', 'running'),
  q('running.mainSurface', 'running'),
  q('running.warmUp', 'running'),
  q('running.stretchAfter', 'running'),
  q('form', 'form'),
  q('daily.sittingHours', 'daily'),
  q('daily.strengthSessionsPerWeek', 'daily'),
  q('daily.breaks', 'daily', sitsForLong),
  q('daily.stress', 'daily'),
  // "Which of these are true for you?": one checklist; "I often don't drink enough" is hydration 'poor'.
  checklist('daily.trueForYou', 'daily', [
    { path: 'daily.slouching', askIf: sitsForLong },
    { path: 'daily.heavyLifting' },
    { path: 'daily.previousSportsInjury' },
    { path: 'daily.hydration' },
  ]),
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

/*
 * Counting questions. A question is one thing the runner answers or skips on its own: one choice, one
 * number, one yes/no, or one checklist ("tick any that apply"; an unticked line is "no"), however many
 * answers fields it fills. So a safety group is one question (its yes/no lines as one checklist), and
 * the accident question and each follow-up shown under a ticked line (the time of heart symptoms, a stiff
 * neck after a fever, belly pain with high blood pressure) is one more when it is asked; the inflammatory
 * follow-ups are one checklist and the eye question, the clot risks one checklist; the form, the outlook,
 * "what have you tried" and "which of these are true for you" are one each; the bridge's two timings are
 * one. Section gates ("Answer these / Skip") and step buttons are not questions. `askedQuestions` counts
 * this way, and LEGACY_QUESTION_COUNTS applies the same count to the check-in before it.
 */

/**
 * How many questions the check-in asked before the adaptive catalogue (commit 578dd1b), counted by the
 * definition above, of a runner who answered everything and had no warning sign:
 * - web: the 30 red-flag questions each on its own (heart and lungs 8, bladder, bowel and nerves 9,
 *   general health 12 with the stiff neck, morning stiffness and belly pain asked of everyone, and the
 *   accident question); pain and about you 15 (where, spread, now, worst, timing, since when, bout length,
 *   qualities, aggravators, eases with rest, onset, trend, tried self-care, age, sex); running 10; form 1;
 *   your day 8 (sitting, slouching, breaks, stress, hydration, strength, lifting, injuries); gear 3 (shoes,
 *   their distance and a sports bra for everyone); self-checks 6: 30 + 15 + 10 + 1 + 8 + 3 + 6 = 73.
 * - terminal: the same but the screen as 3 checklists plus the accident question: 4 + 43 = 47.
 * (One more each with chest or breathing symptoms: the time.)
 */
export const LEGACY_QUESTION_COUNTS = { web: 73, terminal: 47 } as const;

export type AskedQuestion = {
  /**
   * The answers path (`pain.trend`, `redFlags.trauma`); a checklist's name (`pain.tried`, `form`, or the
   * safety step's id, `rf-heart`).
   */
  id: string;
  step: StepId;
  /** The answers paths it fills (the lines that apply, for a checklist). */
  fills: string[];
};

const FOLLOW_UP_STAGE = Object.fromEntries(
  Object.entries(FOLLOW_UP_STEPS).map(([stage, step]) => [step, stage]),
) as Record<FollowUpStepId, FollowUpStage>;

const isScreenGroup = (step: StepId): boolean => RED_FLAG_GROUPS.some((g) => g.id === step);

const screenItems = (step: StepId): ScreenQuestion[] | undefined => {
  const group = RED_FLAG_GROUPS.find((g) => g.id === step);
  if (group) return group.items;
  const stage = FOLLOW_UP_STAGE[step as FollowUpStepId];
  return stage ? FOLLOW_UPS.filter((f) => f.stage === stage) : undefined;
};

/** Whether a step is part of the red-flag screen or its follow-ups. */
export const isSafetyStep = (step: StepId): boolean => screenItems(step) !== undefined;

/**
 * Whether a safety question is a line of its step's checklist: a yes/no question, except in a screen
 * group one that is asked only after a yes (it is shown under that yes, on its own).
 */
export function isChecklistLine(step: StepId, x: ScreenQuestion): boolean {
  return NO_ANSWER[x.id] === false && !(x.askIf && isScreenGroup(step));
}

/** The lines of a safety step's checklist that apply to these answers, in order. */
export function safetyChecklist(step: StepId, a: Answers): RedFlagQuestion[] {
  return (screenItems(step) ?? [])
    .filter((x) => isChecklistLine(step, x) && screenQuestionApplies(x, a))
    .map((x) => x.id);
}

const appliesTo = (c: Condition | undefined, a: Answers, o: AskOptions) => !c || c(a, o);

/** The questions one step asks a runner with these answers, in order (a checklist first in its step). */
export function stepQuestions(step: StepId, a: Answers, o: AskOptions = {}): AskedQuestion[] {
  const screen = screenItems(step);
  if (screen) {
    const lines = safetyChecklist(step, a);
    const out: AskedQuestion[] = lines.length
      ? [{ id: step, step, fills: lines.map((id) => `redFlags.${id}`) }]
      : [];
    for (const x of screen) {
      if (lines.includes(x.id) || !screenQuestionApplies(x, a)) continue;
      out.push({ id: `redFlags.${x.id}`, step, fills: [`redFlags.${x.id}`] });
    }
    return out;
  }
  return QUESTIONS.flatMap((x) => {
    if (x.step !== step || !appliesTo(x.askIf, a, o)) return [];
    const fills = x.items ? x.items.filter((i) => appliesTo(i.askIf, a, o)).map((i) => i.path) : [x.id];
    return fills.length ? [{ id: x.id, step, fills }] : [];
  });
}

/** Whether the step asks anything of a runner with these answers; a step that does not is skipped. */
export const stepApplies = (step: StepId, a: Answers, o: AskOptions = {}): boolean =>
  stepQuestions(step, a, o).length > 0;

/** The steps a runner with these answers is taken through, in order. */
export const applicableSteps = (a: Answers, o: AskOptions = {}): StepId[] =>
  STEP_ORDER.filter((s) => stepApplies(s, a, o));

/**
 * Every question the check-in asks a runner with these answers, red-flag questions included, in the
 * order asked, counted as described above. It describes the whole check-in: an emergency or urgent answer
 * in the screen ends the check-in early, which this does not model.
 *
 * @example askedQuestions({ pain: { daysSinceStart: 0 } }) leaves out `pain.trend`.
 * @example askedQuestions(answers, { hasRecentRuns: true }) leaves out the five running-load questions.
 */
export function askedQuestions(a: Answers, o: AskOptions = {}): AskedQuestion[] {
  return STEP_ORDER.flatMap((s) => stepQuestions(s, a, o));
}

/** The catalogue question that asks this id or fills this answers path, with the line that fills it. */
function catalogueEntry(id: string): { question: Question; item?: ChecklistItem } | undefined {
  for (const question of QUESTIONS) {
    if (question.id === id) return { question };
    const item = question.items?.find((i) => i.path === id);
    if (item) return { question, item };
  }
  return undefined;
}

/** The step that asks an answers path (`daily.hydration` → 'daily'), outside the red-flag screen. */
export const stepOfPath = (path: string): AnswerStepId | undefined => catalogueEntry(path)?.question.step;

/**
 * Whether the question with this id (or the checklist line that fills this answers path) is asked of a
 * runner with these answers.
 */
export function questionApplies(id: string, a: Answers, o: AskOptions = {}): boolean {
  const entry = catalogueEntry(id);
  if (entry) return appliesTo(entry.question.askIf, a, o) && appliesTo(entry.item?.askIf, a, o);
  const screen = [...RED_FLAG_GROUPS.flatMap((g) => g.items), ...FOLLOW_UPS].find(
    (x) => `redFlags.${x.id}` === id,
  );
  return screen ? screenQuestionApplies(screen, a) : false;
}

/** The recent-change options for these answers: the sports bra only when one may be worn. */
export const recentChangeChoices = (a: Answers) =>
  RECENT_CHANGES.filter((c) => c.value !== 'sports-bra' || mayWearSportsBra(a));

/** Every answers field filled by one catalogue question, with whether it is asked of these answers. */
const catalogueFields = (a: Answers, o: AskOptions): { path: string; asked: boolean }[] =>
  QUESTIONS.flatMap((x) => {
    const asked = appliesTo(x.askIf, a, o);
    return x.items
      ? x.items.map((i) => ({ path: i.path, asked: asked && appliesTo(i.askIf, a, o) }))
      : [{ path: x.id, asked }];
  });

/**
 * The answers without anything to a question that is not asked of them (a trend kept from before the
 * runner said the pain began today; clot risk after "deep breaths" was unticked; the weekly distance
 * typed before the imported runs answered it), so what is sent is what was shown. Repeats until nothing
 * changes, since one answer dropped can make another not apply.
 */
export function withoutUnasked(a: Answers, o: AskOptions = {}): Answers {
  let out: Answers = structuredClone(a);
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    const next: Answers = structuredClone(out);
    for (const { path, asked } of catalogueFields(out, o)) {
      if (asked) continue;
      const [section, field] = path.split('.') as [keyof Answers, string | undefined];
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

/**
 * The interactive check-in: the questions in order, red-flag screen first, each one skippable. It talks
 * to a `Prompter`, so the same flow runs in a terminal (clack) and under a scripted prompter in tests.
 */

import {
  type Choice as AnswerChoice,
  BRA,
  BREAKS,
  CARDIAC_TIMING,
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
  ROTATION,
  SEX,
  SHOES,
  SINCE,
  SURFACE,
  TIMING,
  TRAUMA,
  TREND,
  TRIED,
  triedAnswers,
  trueForYouAnswers,
  trueForYouChoices,
  WALL_TEST,
} from '../answers/choices.js';
import type { Answers, RedFlagQuestion } from '../answers/index.js';
import { RedFlags } from '../answers/index.js';
import {
  type AskOptions,
  anyWarningAnswer,
  FOLLOW_UP_STEPS,
  questionApplies,
  recentChangeChoices,
  type StepId,
  safetyChecklist,
} from '../answers/questions.js';
import {
  FOLLOW_UPS,
  type FollowUpStage,
  RED_FLAG_GROUPS,
  type ScreenQuestion,
  screenQuestionApplies,
} from '../answers/red-flag-screen.js';
import { knowledge } from '../knowledge/index.js';
import { triage } from '../triage/index.js';

export type Choice<T extends string> = { value: T; label: string; hint?: string };

/** Answers from the prompter: `undefined` is "skipped". */
export interface Prompter {
  note(title: string, body: string): void;
  select<T extends string>(message: string, options: Choice<T>[]): Promise<T | undefined>;
  /** Nothing chosen returns []; skipping is offered by the section gate before. */
  multiselect<T extends string>(message: string, options: Choice<T>[]): Promise<T[]>;
  number(
    message: string,
    range: { min: number; max: number; integer?: boolean },
  ): Promise<number | undefined>;
}

type Section = 'yes' | 'skip';

/** A shared choice list with a Skip option at the end. */
const skippable = (choices: readonly AnswerChoice[]): Choice<string>[] => [
  ...choices,
  { value: 'skip', label: 'Skip' },
];

const unskip = <T extends string>(v: T | undefined) => (v === 'skip' ? undefined : v);

const yesNo = async (p: Prompter, message: string): Promise<boolean | undefined> => {
  const v = await p.select(message, [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
    { value: 'skip', label: 'Skip' },
  ]);
  return v === 'yes' ? true : v === 'no' ? false : undefined;
};

const gate = (p: Prompter, message: string) =>
  p.select<Section>(message, [
    { value: 'yes', label: 'Answer these' },
    { value: 'skip', label: 'Skip this section' },
  ]);

/** Drop undefined fields and empty objects, so a skipped question stays absent. */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? (out as T) : undefined;
}

const describe = (q: RedFlagQuestion) => RedFlags.shape[q].description ?? q;
const lower = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const PICK_HINT = '(space to select, enter to confirm; select none if none apply)';
const PICK_OR_SKIP = '(space to select, enter to confirm; select nothing to skip)';

/** One red-flag question on its own: a time, an accident, a yes/no, or a checklist of clot risks. */
async function askOne(p: Prompter, q: RedFlagQuestion): Promise<unknown> {
  switch (q) {
    case 'cardiacTiming':
      return p.select(CARDIAC_TIMING_QUESTION, [...CARDIAC_TIMING]);
    case 'trauma':
      return unskip(
        await p.select('Did the pain start after an accident, fall or knock?', skippable(TRAUMA)),
      );
    case 'eyeInflammation':
      return unskip(await p.select(describe(q), skippable(EYE_INFLAMMATION)));
    case 'clotRisk':
      return p.multiselect(`${QUESTION_TEXT.clotRisk} ${PICK_HINT}`, [...CLOT_RISK]);
    default:
      return yesNo(p, describe(q));
  }
}

/**
 * Ask one safety step: its checklist (src/answers/questions.ts: the yes/no lines that apply, false is
 * their "no"), then each of its other questions that applies to the answers so far (a follow-up after a
 * yes in the checklist, the accident, a time, eye inflammation).
 */
async function askScreenItems(
  p: Prompter,
  title: string,
  step: StepId,
  items: readonly ScreenQuestion[],
  flags: Record<string, unknown>,
  soFar: () => Answers,
): Promise<void> {
  const checklist = safetyChecklist(step, soFar()).filter((id) => items.some((q) => q.id === id));
  if (checklist.length) {
    const chosen = await p.multiselect(
      `${title} ${PICK_HINT}`,
      checklist.map((id) => ({ value: id, label: describe(id) })),
    );
    for (const id of checklist) flags[id] = chosen.includes(id);
  }
  for (const q of items) {
    if (checklist.includes(q.id) || !screenQuestionApplies(q, soFar())) continue;
    flags[q.id] = await askOne(p, q.id);
  }
}

async function redFlagScreen(p: Prompter): Promise<Answers['redFlags']> {
  const start = await p.select(
    'First, a few safety questions (about a minute). They come first for a reason.',
    [
      { value: 'yes', label: 'Answer them (recommended)' },
      { value: 'skip', label: 'Skip them', hint: 'the result will say serious causes were not ruled out' },
    ],
  );
  if (start !== 'yes') return undefined;
  const flags: Record<string, unknown> = {};
  const soFar = () => ({ redFlags: compact(flags) }) as Answers;
  for (const group of RED_FLAG_GROUPS)
    await askScreenItems(p, `${group.title}: ${lower(group.lead)}`, group.id, group.items, flags, soFar);
  return compact(flags) as Answers['redFlags'];
}

/**
 * The follow-ups of one stage that apply to the answers so far (none: nothing is asked). Returns whether
 * any answer given was a warning sign.
 */
async function followUps(p: Prompter, stage: FollowUpStage, answers: Answers): Promise<boolean> {
  const items = FOLLOW_UPS.filter((f) => f.stage === stage && screenQuestionApplies(f, answers));
  const first = items[0];
  if (!first) return false;
  const start = await p.select(first.title, [
    { value: 'yes', label: 'Answer them (recommended)' },
    { value: 'skip', label: 'Skip them', hint: 'the result will say they were not answered' },
  ]);
  if (start !== 'yes') return false;
  const flags: Record<string, unknown> = { ...answers.redFlags };
  const soFar = () => ({ ...answers, redFlags: compact(flags) }) as Answers;
  await askScreenItems(p, 'Do any of these apply?', FOLLOW_UP_STEPS[stage], items, flags, soFar);
  const redFlags = compact(flags);
  if (redFlags) answers.redFlags = redFlags as Answers['redFlags'];
  return anyWarningAnswer(
    redFlags as Answers['redFlags'],
    items.map((i) => i.id),
  );
}

/** Whether the answers so far already call for emergency or same-day care. */
const needsPromptCare = (answers: Answers) => {
  const level = triage(answers).level;
  return level === 'emergency' || level === 'urgent';
};

const kbRegionChoices = (kind: 'painful' | 'spread') =>
  knowledge()
    .regions.filter((r) => r.kind === kind)
    .map((r) => ({ value: r.id, label: r.name, hint: r.description }));
const kbDescriptorChoices = (kind: 'quality' | 'aggravator') =>
  knowledge()
    .descriptors.filter((d) => d.kind === kind)
    .map((d) => ({ value: d.id, label: d.name }));

/** Where and how it hurts, up to what makes it worse (the clot follow-up comes next). */
async function painSection(p: Prompter): Promise<Record<string, unknown>> {
  const regions = await p.multiselect(
    'Where does it hurt? Select all that apply.',
    kbRegionChoices('painful'),
  );
  const spreadsTo = await p.multiselect(
    'Does the pain spread anywhere? Select none if it stays put.',
    kbRegionChoices('spread'),
  );
  const now = await p.number('Pain right now, 0 (none) to 10 (worst imaginable)? Leave empty to skip.', {
    min: 0,
    max: 10,
    integer: true,
  });
  const worst = await p.number('Pain at its worst in the last week, 0–10?', {
    min: 0,
    max: 10,
    integer: true,
  });
  const timing = await p.multiselect('When does it hurt?', [...TIMING]);
  const stopsDailyActivities = await yesNo(p, QUESTION_TEXT.stopsDailyActivities);
  const since = await p.select('How long ago did this episode begin?', skippable(SINCE));
  const sinceBand = SINCE.find((s) => s.value === since);
  const episode = await p.select('When it comes on, how long does it last?', skippable(EPISODE));
  const recurrent = await yesNo(p, QUESTION_TEXT.recurrent);
  const qualities = await p.multiselect('What does it feel like?', kbDescriptorChoices('quality'));
  const worseWith = await p.multiselect('What makes it worse?', kbDescriptorChoices('aggravator'));
  const easesWithRestOrPosition = await yesNo(p, 'Does rest or changing position ease it?');
  return {
    regions: regions.length ? regions : undefined,
    spreadsTo,
    now,
    worst,
    timing: timing.length ? timing : undefined,
    stopsDailyActivities,
    daysSinceStart: sinceBand?.days,
    overThreeMonths: sinceBand ? sinceBand.value === '3m+' : undefined,
    episodeHours: EPISODE.find((e) => e.value === episode)?.hours,
    recurrent,
    qualities,
    worseWith,
    easesWithRestOrPosition,
  };
}

/** A checklist with its own "none" choice: nothing chosen is skipped, "none" excludes the rest. */
async function noneChecklist(p: Prompter, message: string, choices: readonly AnswerChoice[]) {
  const chosen = await p.multiselect(`${message} ${PICK_OR_SKIP}`, [...choices]);
  return chosen.includes('none') ? ['none'] : chosen;
}

/** How it began, what was tried, and about you; the trend and what was tried not when it began today. */
async function onsetSection(p: Prompter, answers: Answers): Promise<void> {
  const pain: Record<string, unknown> = { ...answers.pain };
  const ask = (id: string) => questionApplies(id, answers);
  pain.onset = unskip(await p.select('How did it begin?', skippable(ONSET)));
  if (ask('pain.trend')) pain.trend = unskip(await p.select('Since it began, is it…', skippable(TREND)));
  if (ask('pain.tried'))
    Object.assign(pain, triedAnswers(await noneChecklist(p, QUESTION_TEXT.tried, TRIED)));
  const compacted = compact(pain);
  if (compacted) answers.pain = compacted as Answers['pain'];
  const age = await p.number('Your age?', { min: 12, max: 110, integer: true });
  const sex = unskip(await p.select('Sex', skippable(SEX)));
  const about = compact({ age, sex });
  if (about) answers.about = about as Answers['about'];
}

/** How the pain sits with the runner, asked kindly; struggling gets the crisis line at once. */
async function outlookSection(p: Prompter): Promise<Answers['outlook']> {
  if ((await gate(p, `${QUESTION_TEXT.outlook} (worry, mood and coping)`)) !== 'yes') return undefined;
  const chosen = await p.multiselect(
    `${QUESTION_TEXT.outlookLead} (space to select, enter to confirm)`,
    OUTLOOK.map((c) => ({ ...c })),
  );
  if (chosen.includes('struggling')) p.note('You do not have to cope alone', CRISIS_NOTE);
  return Object.fromEntries(OUTLOOK.map((c) => [c.value, chosen.includes(c.value)])) as Answers['outlook'];
}

async function runningSection(p: Prompter, answers: Answers, o: AskOptions): Promise<Answers['running']> {
  if ((await gate(p, 'Your running (helps find load-related causes)')) !== 'yes') return undefined;
  const frequency = (message: string) => p.select(message, skippable(FREQUENCY));
  // The load questions are left out when the imported runs answer them; four weeks ago only compares
  // with now, so it is not asked without this week's distance.
  const ask = (id: string, running: Answers['running'] = {}) =>
    questionApplies(`running.${id}`, { ...answers, running }, o);
  if (o.hasRecentRuns) p.note('From your runs', QUESTION_TEXT.loadFromRuns);
  const runsPerWeek = ask('runsPerWeek')
    ? await p.number('Runs a week?', { min: 0, max: 21, integer: true })
    : undefined;
  const weeklyKmNow = ask('weeklyKmNow')
    ? await p.number('Kilometres in a typical recent week?', { min: 0, max: 500 })
    : undefined;
  const weeklyKm4WeeksAgo = ask('weeklyKm4WeeksAgo', { weeklyKmNow })
    ? await p.number('Kilometres a week about four weeks ago?', { min: 0, max: 500 })
    : undefined;
  const longestRunKm = ask('longestRunKm')
    ? await p.number('Longest run in the last month, km?', { min: 0, max: 400 })
    : undefined;
  const recentChanges = await p.multiselect('What changed in the last month? Select none if nothing.', [
    ...recentChangeChoices(answers),
  ]);
  const restDaysPerWeek = ask('restDaysPerWeek')
    ? await p.number('Rest days a week?', { min: 0, max: 7, integer: true })
    : undefined;
  const crossTraining = await yesNo(p, 'Other exercise most weeks (cycling, swimming, strength)?');
  const mainSurface = await p.select('Where do you mostly run?', skippable(SURFACE));
  const warmUp = await frequency('Do you warm up before runs?');
  const stretchAfter = await frequency('Do you stretch or cool down after runs?');
  return compact({
    runsPerWeek,
    weeklyKmNow,
    weeklyKm4WeeksAgo,
    longestRunKm,
    recentChanges,
    restDaysPerWeek,
    crossTraining,
    mainSurface: unskip(mainSurface),
    warmUp: unskip(warmUp),
    stretchAfter: unskip(stretchAfter),
  }) as Answers['running'];
}

async function formSection(p: Prompter): Promise<Answers['form']> {
  if ((await gate(p, 'Your running form, as you have seen it (a mirror, a video, a friend)')) !== 'yes')
    return undefined;
  const chosen = await p.multiselect(
    'Which of these do you notice? Select none if none.',
    FORM_CHOICES.map((c) => ({ ...c })),
  );
  return Object.fromEntries(FORM_CHOICES.map((c) => [c.value, chosen.includes(c.value)])) as Answers['form'];
}

async function dailySection(p: Prompter): Promise<Answers['daily']> {
  if ((await gate(p, 'Your day (sitting, stress, strength training)')) !== 'yes') return undefined;
  const sittingHours = await p.number('Hours sitting on a typical day?', { min: 0, max: 24 });
  const sits = questionApplies('daily.slouching', { daily: { sittingHours } });
  const breaks = questionApplies('daily.breaks', { daily: { sittingHours } })
    ? await p.select('How often do you get up from sitting?', skippable(BREAKS))
    : undefined;
  const stress = await p.number('Stress lately, 0 (none) to 10 (extreme)?', {
    min: 0,
    max: 10,
    integer: true,
  });
  const strengthSessionsPerWeek = await p.number('Strength sessions a week?', {
    min: 0,
    max: 14,
    integer: true,
  });
  const trueForYou = trueForYouAnswers(
    await noneChecklist(p, QUESTION_TEXT.trueForYou, trueForYouChoices(sits)),
    sits,
  );
  const equipment = await p.multiselect(`${QUESTION_TEXT.equipment} Select all that apply.`, [...EQUIPMENT]);
  return compact({
    sittingHours,
    breaks: unskip(breaks),
    stress,
    strengthSessionsPerWeek,
    ...trueForYou,
    equipment: equipment.length ? equipment : undefined,
  }) as Answers['daily'];
}

async function gearSection(p: Prompter, answers: Answers): Promise<Answers['gear']> {
  if ((await gate(p, 'Your gear')) !== 'yes') return undefined;
  const shoeCondition = unskip(await p.select('Your running shoes are…', skippable(SHOES)));
  const shoeAgeKm =
    shoeCondition === 'worn'
      ? undefined
      : await p.number('About how many km on them?', { min: 0, max: 10000 });
  const sportsBraFit = questionApplies('gear.sportsBraFit', answers)
    ? unskip(await p.select('Does your sports bra or compression top fit well?', skippable(BRA)))
    : undefined;
  return compact({ shoeCondition, shoeAgeKm, sportsBraFit }) as Answers['gear'];
}

async function selfCheckSection(p: Prompter): Promise<Answers['selfChecks']> {
  if ((await gate(p, 'Self-checks (optional, about 5 minutes; instructions shown)')) !== 'yes')
    return undefined;
  const checks = new Map(knowledge().selfChecks.map((c) => [c.id, c]));
  const show = (id: string) => {
    const c = checks.get(id);
    if (c) p.note(c.name, c.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
  };
  show('wall-test');
  const wallTest = await p.select('Wall test: what fitted behind your lower back?', skippable(WALL_TEST));
  const mirrorProfile = await p.select(
    'Side-on in a mirror, does your lower back form a C-shaped arch?',
    skippable(MIRROR),
  );
  const longRunPhotos = await p.select(
    'Photos at the start and end of a long run: what changed?',
    skippable(PHOTOS),
  );
  show('thoracic-rotation');
  const thoracicRotation = await p.select('Seated rotation:', skippable(ROTATION));
  show('plank-hold');
  const plankHoldS = await p.number('Plank hold, seconds?', { min: 0, max: 3600 });
  show('single-leg-bridge');
  const left = await p.number('Single-leg bridge on the left leg, seconds?', { min: 0, max: 600 });
  const right = await p.number('Single-leg bridge on the right leg, seconds?', { min: 0, max: 600 });
  const skip = <T extends string>(v: T | undefined) => (v === 'skip' ? undefined : v);
  return compact({
    wallTest: skip(wallTest),
    mirrorProfile: skip(mirrorProfile),
    longRunPhotos: skip(longRunPhotos),
    thoracicRotation: skip(thoracicRotation),
    plankHoldS,
    bridgeHoldS: left !== undefined && right !== undefined ? { left, right } : undefined,
  }) as Answers['selfChecks'];
}

/**
 * Ask the check-in, in the order of the question catalogue (src/answers/questions.ts). Stops straight
 * after the red-flag screen when it already calls for emergency or same-day care: nothing else would
 * change that, and the runner should act now. A warning answer in a follow-up asked later (clot risk with
 * pain on breathing, eye inflammation now) is triaged the same way.
 */
export async function runCheckIn(
  p: Prompter,
  options: AskOptions = {},
): Promise<{ answers: Answers; stoppedEarly: boolean }> {
  const answers: Answers = {};
  const redFlags = await redFlagScreen(p);
  if (redFlags) answers.redFlags = redFlags;
  if (needsPromptCare(answers)) return { answers, stoppedEarly: true };

  const pain = compact(await painSection(p));
  if (pain) answers.pain = pain as Answers['pain'];
  if ((await followUps(p, 'after-feel', answers)) && needsPromptCare(answers))
    return { answers, stoppedEarly: true };
  await onsetSection(p, answers);
  if ((await followUps(p, 'after-history', answers)) && needsPromptCare(answers))
    return { answers, stoppedEarly: true };

  const sections = [
    ['outlook', await outlookSection(p)],
    ['running', await runningSection(p, answers, options)],
    ['form', await formSection(p)],
    ['daily', await dailySection(p)],
    ['gear', await gearSection(p, answers)],
    ['selfChecks', await selfCheckSection(p)],
  ] as const;
  for (const [key, value] of sections) if (value) Object.assign(answers, { [key]: value });
  return { answers, stoppedEarly: false };
}

/**
 * The interactive check-in: the questions in order, red-flag screen first, each one skippable. It talks
 * to a `Prompter`, so the same flow runs in a terminal (clack) and under a scripted prompter in tests.
 */

import {
  type Choice as AnswerChoice,
  BRA,
  BREAKS,
  CARDIAC_TIMING,
  EPISODE,
  FORM_CHOICES,
  FREQUENCY,
  HYDRATION,
  MIRROR,
  ONSET,
  PHOTOS,
  RECENT_CHANGES,
  ROTATION,
  SEX,
  SHOES,
  SINCE,
  SURFACE,
  TIMING,
  TRAUMA,
  TREND,
  WALL_TEST,
} from '../answers/choices.js';
import type { Answers, RedFlagQuestion } from '../answers/index.js';
import { RedFlags } from '../answers/index.js';
import { RED_FLAG_GROUPS } from '../answers/red-flag-screen.js';
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
  for (const group of RED_FLAG_GROUPS) {
    const chosen = await p.multiselect(
      `${group.title}: ${group.lead.charAt(0).toLowerCase()}${group.lead.slice(1)} (space to select, enter to confirm; select none if none apply)`,
      group.questions.map((q) => ({ value: q, label: describe(q) })),
    );
    for (const q of group.questions) flags[q] = chosen.includes(q);
    // The follow-up belongs with the heart questions: its answer decides emergency or same day.
    if (
      group.questions.includes('chestPain') &&
      (flags.chestPain === true || flags.sweatingNauseaBreathless === true)
    ) {
      flags.cardiacTiming = await p.select('When did you last have those chest or breathing symptoms?', [
        ...CARDIAC_TIMING,
      ]);
    }
  }
  flags.trauma = await p.select('Did the pain start after an accident, fall or knock?', skippable(TRAUMA));
  if (flags.trauma === 'skip') flags.trauma = undefined;
  return compact(flags) as Answers['redFlags'];
}

async function painSection(p: Prompter): Promise<Answers['pain']> {
  const kb = knowledge();
  const regionChoices = (kind: 'painful' | 'spread') =>
    kb.regions
      .filter((r) => r.kind === kind)
      .map((r) => ({ value: r.id, label: r.name, hint: r.description }));
  const descriptorChoices = (kind: 'quality' | 'aggravator') =>
    kb.descriptors.filter((d) => d.kind === kind).map((d) => ({ value: d.id, label: d.name }));
  const regions = await p.multiselect('Where does it hurt? Select all that apply.', regionChoices('painful'));
  const spreadsTo = await p.multiselect(
    'Does the pain spread anywhere? Select none if it stays put.',
    regionChoices('spread'),
  );
  const timing = await p.multiselect('When does it hurt?', [...TIMING]);
  const since = await p.select('How long ago did this episode begin?', skippable(SINCE));
  const sinceBand = SINCE.find((s) => s.value === since);
  const episode = await p.select('When it comes on, how long does it last?', skippable(EPISODE));
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
  const qualities = await p.multiselect('What does it feel like?', descriptorChoices('quality'));
  const worseWith = await p.multiselect('What makes it worse?', descriptorChoices('aggravator'));
  const easesWithRestOrPosition = await yesNo(p, 'Does rest or changing position ease it?');
  const onset = await p.select('How did it begin?', skippable(ONSET));
  const trend = await p.select('Since it began, is it…', skippable(TREND));
  const triedSelfCare = await yesNo(
    p,
    'Have you already tried rest, stretching, foam rolling, massage or heat for it?',
  );
  return compact({
    regions: regions.length ? regions : undefined,
    spreadsTo,
    timing: timing.length ? timing : undefined,
    daysSinceStart: sinceBand?.days,
    overThreeMonths: sinceBand ? sinceBand.value === '3m+' : undefined,
    episodeHours: EPISODE.find((e) => e.value === episode)?.hours,
    now,
    worst,
    qualities,
    worseWith,
    easesWithRestOrPosition,
    onset: onset === 'skip' ? undefined : onset,
    trend: trend === 'skip' ? undefined : trend,
    triedSelfCare,
  }) as Answers['pain'];
}

async function runningSection(p: Prompter): Promise<Answers['running']> {
  if ((await gate(p, 'Your running (helps find load-related causes)')) !== 'yes') return undefined;
  const frequency = (message: string) => p.select(message, skippable(FREQUENCY));
  const runsPerWeek = await p.number('Runs a week?', { min: 0, max: 21, integer: true });
  const weeklyKmNow = await p.number('Kilometres in a typical recent week?', { min: 0, max: 500 });
  const weeklyKm4WeeksAgo = await p.number('Kilometres a week about four weeks ago?', { min: 0, max: 500 });
  const longestRunKm = await p.number('Longest run in the last month, km?', { min: 0, max: 400 });
  const recentChanges = await p.multiselect('What changed in the last month? Select none if nothing.', [
    ...RECENT_CHANGES,
  ]);
  const restDaysPerWeek = await p.number('Rest days a week?', { min: 0, max: 7, integer: true });
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
    mainSurface: mainSurface === 'skip' ? undefined : mainSurface,
    warmUp: warmUp === 'skip' ? undefined : warmUp,
    stretchAfter: stretchAfter === 'skip' ? undefined : stretchAfter,
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
  const slouching = await yesNo(p, 'Do you often slouch when sitting?');
  const breaks = await p.select('How often do you get up from sitting?', skippable(BREAKS));
  const stress = await p.number('Stress lately, 0 (none) to 10 (extreme)?', {
    min: 0,
    max: 10,
    integer: true,
  });
  const hydration = await p.select('Do you drink enough through the day?', skippable(HYDRATION));
  const strengthSessionsPerWeek = await p.number('Strength sessions a week?', {
    min: 0,
    max: 14,
    integer: true,
  });
  const heavyLifting = await yesNo(p, 'Regular heavy lifting at work or home?');
  const previousSportsInjury = await yesNo(p, 'Any earlier sports injuries?');
  return compact({
    sittingHours,
    slouching,
    breaks: breaks === 'skip' ? undefined : breaks,
    stress,
    hydration: hydration === 'skip' ? undefined : hydration,
    strengthSessionsPerWeek,
    heavyLifting,
    previousSportsInjury,
  }) as Answers['daily'];
}

async function gearSection(p: Prompter): Promise<Answers['gear']> {
  if ((await gate(p, 'Your gear')) !== 'yes') return undefined;
  const shoeCondition = await p.select('Your running shoes are…', skippable(SHOES));
  const shoeAgeKm = await p.number('About how many km on them?', { min: 0, max: 10000 });
  const sportsBraFit = await p.select('Does your sports bra or compression top fit well?', skippable(BRA));
  return compact({
    shoeCondition: shoeCondition === 'skip' ? undefined : shoeCondition,
    shoeAgeKm,
    sportsBraFit: sportsBraFit === 'skip' ? undefined : sportsBraFit,
  }) as Answers['gear'];
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
 * Ask the check-in. Stops straight after the red-flag screen when it already calls for emergency or
 * same-day care: nothing else would change that, and the runner should act now.
 */
export async function runCheckIn(p: Prompter): Promise<{ answers: Answers; stoppedEarly: boolean }> {
  const answers: Answers = {};
  const redFlags = await redFlagScreen(p);
  if (redFlags) answers.redFlags = redFlags;
  const early = triage(answers).level;
  if (early === 'emergency' || early === 'urgent') return { answers, stoppedEarly: true };

  const age = await p.number('Your age?', { min: 12, max: 110, integer: true });
  const sex = await p.select('Sex', skippable(SEX));
  const about = compact({ age, sex: sex === 'skip' ? undefined : sex });
  if (about) answers.about = about as Answers['about'];
  const sections = [
    ['pain', await painSection(p)],
    ['running', await runningSection(p)],
    ['form', await formSection(p)],
    ['daily', await dailySection(p)],
    ['gear', await gearSection(p)],
    ['selfChecks', await selfCheckSection(p)],
  ] as const;
  for (const [key, value] of sections) if (value) Object.assign(answers, { [key]: value });
  return { answers, stoppedEarly: false };
}

/**
 * The check-in's answer choices in plain words, shared by the terminal and the web check-in so both offer
 * the same options with the same labels. Plain data (no schema import), so the web app can bundle it.
 */

export type Choice = { value: string; label: string; hint?: string };

/** Wording of questions asked the same way in both check-ins. */
export const QUESTION_TEXT = {
  stopsDailyActivities: 'Does the pain stop you doing your normal day-to-day activities?',
  recurrent: 'Does this back pain keep coming back, with pain-free spells in between?',
  tried: 'What have you tried for it?',
  triedHint: 'Tick all you have tried, or “Nothing yet”.',
  trueForYou: 'Which of these are true for you?',
  trueForYouHint: 'Tick all that are true, or “None of these”.',
  // Said once instead of the running-load questions when the imported runs answer them.
  loadFromRuns: 'Runs a week, rest days, weekly distance and your longest run come from your imported runs.',
  equipment: 'What do you have for exercises?',
  clotRisk: 'With pain on breathing in, or breathlessness: do any of these apply to you?',
  outlook: 'How is the pain sitting with you?',
  outlookLead: 'Which of these feel true at the moment? Pick any; none is fine too.',
} as const;

/** The cardiac follow-up, asked after chest pain, a cold sweat or breathlessness, or near-fainting. */
export const CARDIAC_TIMING_QUESTION = 'When did you last have those chest or breathing symptoms?';
export const CARDIAC_TIMING_HINT = 'Or the faintness or racing heart, if that is what you had.';

export const CARDIAC_TIMING: Choice[] = [
  { value: 'now', label: 'Now' },
  { value: 'within-12h', label: 'In the last 12 hours' },
  { value: '12-72h', label: '12 to 72 hours ago' },
  { value: 'over-72h', label: 'More than 3 days ago' },
];

export const TRAUMA: Choice[] = [
  { value: 'none', label: 'No' },
  { value: 'minor', label: 'A minor fall or knock' },
  { value: 'major', label: 'A serious accident', hint: '(car crash, fall from height)' },
];

export const TIMING: Choice[] = [
  { value: 'during-run', label: 'During the run' },
  { value: 'right-after', label: 'Right after' },
  { value: 'later-that-day', label: 'Later that day' },
  { value: 'next-morning', label: 'The next morning' },
];

/** Duration bands as a runner thinks of them, mapped to days. */
export const SINCE = [
  { value: 'today', label: 'Today', days: 0 },
  { value: '1-2d', label: '1–2 days', days: 1 },
  { value: '3-6d', label: '3–6 days', days: 4 },
  { value: '1-2w', label: '1–2 weeks', days: 10 },
  { value: '2-6w', label: '2–6 weeks', days: 28 },
  { value: '6-12w', label: '6–12 weeks', days: 63 },
  { value: '3m+', label: 'More than 3 months', days: 120 },
] as const;

export const EPISODE = [
  { value: 'minutes', label: 'Minutes', hours: 0.5 },
  { value: 'hours', label: 'A few hours', hours: 3 },
  { value: 'day', label: 'About a day', hours: 24 },
  { value: '2days', label: '1–2 days', hours: 48 },
  { value: 'constant', label: 'It does not go away', hours: 336 },
] as const;

export const ONSET: Choice[] = [
  { value: 'gradual', label: 'Gradually' },
  { value: 'during-run', label: 'During a particular run' },
  { value: 'after-run', label: 'After a run' },
  { value: 'bending', label: 'After bending' },
  { value: 'lifting', label: 'After lifting something' },
  {
    value: 'unusual-exercise',
    label: 'After exercise or effort I am not used to',
    hint: '(gardening, moving house)',
  },
  { value: 'fall-or-impact', label: 'After a fall or knock' },
  { value: 'on-its-own', label: 'On its own, for no clear reason' },
];

export const TREND: Choice[] = [
  { value: 'better', label: 'Getting better' },
  { value: 'same', label: 'About the same' },
  { value: 'worse', label: 'Getting worse' },
];

export const SEX: Choice[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
];

export const RECENT_CHANGES: Choice[] = [
  { value: 'distance', label: 'More distance' },
  { value: 'long-run', label: 'A longer long run' },
  { value: 'speed', label: 'Faster running or intervals' },
  { value: 'hills', label: 'More hills' },
  { value: 'surface', label: 'A different surface' },
  { value: 'shoes', label: 'New shoes' },
  { value: 'started-running', label: 'I have only just started running' },
  { value: 'sports-bra', label: 'A new sports bra or running top' },
  { value: 'gym-lifts', label: 'New or heavier gym lifts' },
];

export const SURFACE: Choice[] = [
  { value: 'road', label: 'Road or pavement' },
  { value: 'trail', label: 'Trails' },
  { value: 'track', label: 'Track' },
  { value: 'treadmill', label: 'Treadmill' },
  { value: 'mixed', label: 'A mix' },
];

export const FREQUENCY: Choice[] = [
  { value: 'always', label: 'Always' },
  { value: 'sometimes', label: 'Sometimes' },
  { value: 'never', label: 'Never' },
];

export const FORM_CHOICES: Choice[] = [
  { value: 'shrugging', label: 'My shoulders creep up toward my ears' },
  { value: 'clenchedFists', label: 'I clench my fists' },
  { value: 'armsCrossMidline', label: 'My arms swing across my body' },
  { value: 'bigArmSwing', label: 'I swing my arms a lot' },
  { value: 'leanFromWaist', label: 'I lean forward from the waist' },
  { value: 'headForward', label: 'My head pokes forward' },
  { value: 'lookDownWhenTired', label: 'I look down at the ground when tired' },
  { value: 'hunchWhenTired', label: 'I hunch over when tired' },
  { value: 'chestBreathing', label: 'I breathe high in my chest' },
  { value: 'twisting', label: 'I twist at the waist' },
  { value: 'outsideOfFoot', label: 'I land on the outside of my foot' },
];

export const EQUIPMENT: Choice[] = [
  { value: 'none', label: 'Nothing' },
  { value: 'band', label: 'A resistance band' },
  { value: 'dumbbells', label: 'Dumbbells or kettlebells' },
  { value: 'gym', label: 'A gym' },
];

/** Risks of a blood clot, asked with pain on breathing or breathlessness (nhs.uk, pulmonary embolism). */
export const CLOT_RISK: Choice[] = [
  { value: 'long-journey', label: 'A long journey of over 3 hours', hint: '(car, coach, train or plane)' },
  { value: 'surgery-or-bed-rest', label: 'An operation, a hospital stay or bed rest in the last 12 weeks' },
  { value: 'pregnant-or-recent-birth', label: 'Pregnant, or gave birth in the last 6 weeks' },
  { value: 'pill-or-hrt', label: 'Taking the combined contraceptive pill or HRT' },
  { value: 'previous-clot', label: 'A blood clot before, in a leg or the lungs' },
];

export const EYE_INFLAMMATION: Choice[] = [
  { value: 'no', label: 'No' },
  { value: 'in-the-past', label: 'In the past' },
  { value: 'now', label: 'Yes, now' },
];

/** How the pain sits with the runner, as one checklist (the Outlook fields). */
export const OUTLOOK: Choice[] = [
  { value: 'worriedSerious', label: 'I am worried this pain means something serious or damaging' },
  { value: 'fearOfMoving', label: 'I am afraid running or moving will make it worse or harm my back' },
  { value: 'lowMood', label: 'I have been feeling low, or enjoying things less, lately' },
  { value: 'struggling', label: 'I am struggling to cope with the pain' },
];

/** Shown at once when the runner says they are struggling to cope. */
export const CRISIS_NOTE =
  'If you have thoughts of harming yourself, contact a crisis line or your emergency number now.';

export const BREAKS: Choice[] = [
  { value: 'hourly', label: 'At least every hour' },
  { value: 'sometimes', label: 'Now and then' },
  { value: 'rarely', label: 'Rarely' },
];

/**
 * "What have you tried for it?": one checklist for pain.triedSelfCare (any of the first five) and
 * pain.triedPainkillers. Painkillers are a yes or no only: Backstride never asks about or suggests doses.
 */
export const TRIED: Choice[] = [
  { value: 'rest', label: 'Rest' },
  { value: 'stretching', label: 'Stretching' },
  { value: 'foam-rolling', label: 'Foam rolling' },
  { value: 'massage', label: 'Massage' },
  { value: 'heat', label: 'Heat' },
  { value: 'painkillers', label: 'Painkillers' },
  { value: 'none', label: 'Nothing yet' },
];

/** The tried checklist as answers: nothing chosen is not answered; "Nothing yet" is false for both. */
export function triedAnswers(chosen: readonly string[]): {
  triedSelfCare?: boolean;
  triedPainkillers?: boolean;
} {
  if (chosen.length === 0) return {};
  return {
    triedSelfCare: chosen.some((c) => c !== 'painkillers' && c !== 'none'),
    triedPainkillers: chosen.includes('painkillers'),
  };
}

/**
 * "Which of these are true for you?" in "Your day": one checklist for daily.slouching (asked only of
 * runners who sit for a while), daily.heavyLifting, daily.previousSportsInjury and daily.hydration.
 */
export const TRUE_FOR_YOU: Choice[] = [
  { value: 'slouching', label: 'I often slouch when sitting' },
  { value: 'heavyLifting', label: 'I lift heavy things regularly, at work or at home' },
  { value: 'previousSportsInjury', label: 'I have had a sports injury before' },
  { value: 'poorHydration', label: 'I often don’t drink enough during the day' },
  { value: 'none', label: 'None of these' },
];

/** The choices of that checklist for a runner: slouching only when asked. */
export const trueForYouChoices = (withSlouching: boolean): Choice[] =>
  TRUE_FOR_YOU.filter((c) => withSlouching || c.value !== 'slouching');

/**
 * That checklist as answers: nothing chosen is not answered; otherwise a ticked line is true (poor
 * hydration for the drinking line) and an unticked one false ('good' for hydration).
 */
export function trueForYouAnswers(
  chosen: readonly string[],
  withSlouching: boolean,
): {
  slouching?: boolean;
  heavyLifting?: boolean;
  previousSportsInjury?: boolean;
  hydration?: 'good' | 'poor';
} {
  if (chosen.length === 0) return {};
  return {
    ...(withSlouching ? { slouching: chosen.includes('slouching') } : {}),
    heavyLifting: chosen.includes('heavyLifting'),
    previousSportsInjury: chosen.includes('previousSportsInjury'),
    hydration: chosen.includes('poorHydration') ? 'poor' : 'good',
  };
}

export const SHOES: Choice[] = [
  { value: 'good', label: 'In good shape and fit well' },
  { value: 'worn', label: 'Worn out' },
  { value: 'ill-fitting', label: 'Not a good fit' },
];

export const BRA: Choice[] = [
  { value: 'good', label: 'Yes' },
  { value: 'poor', label: 'No' },
  { value: 'not-applicable', label: 'Not applicable' },
];

export const WALL_TEST: Choice[] = [
  { value: 'no-gap', label: 'No gap' },
  { value: 'hand-fits', label: 'About one hand' },
  { value: 'more-than-a-hand', label: 'More than one hand' },
];
export const MIRROR: Choice[] = [
  { value: 'c-shaped-arch', label: 'Yes, a clear C-shaped arch' },
  { value: 'neutral', label: 'No' },
];
export const PHOTOS: Choice[] = [
  { value: 'head-forward-chest-down', label: 'Head further forward, chest dropped' },
  { value: 'no-change', label: 'No clear change' },
];
export const ROTATION: Choice[] = [
  { value: 'full', label: 'Turned fully and comfortably' },
  { value: 'limited', label: 'Limited' },
  { value: 'painful', label: 'Painful' },
];

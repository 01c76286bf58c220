/**
 * The check-in answers: what a runner tells Backstride. Almost everything is optional; a skipped question
 * is simply absent and is never guessed. Region, quality and aggravator ids come from the knowledge base,
 * so the body map and the rules cannot drift apart.
 */
import { z } from 'zod';
import { descriptors, regions } from '../knowledge/data/body.js';

function ids<K extends string>(items: { id: string; kind: string }[], kind: K): [string, ...string[]] {
  const out = items.filter((i) => i.kind === kind).map((i) => i.id);
  if (out.length === 0) throw new Error(`no ${kind} items in the knowledge base`);
  return out as [string, ...string[]];
}

const yesNo = z.boolean();
const score010 = z.number().int().min(0).max(10);
const hours = (max: number) => z.number().min(0).max(max);

/**
 * A multi-select: no longer than its list of choices, so a file or request body of a million regions is
 * refused by length, naming the field, before anything reads the items.
 */
function choices<E extends z.ZodEnum>(choice: E) {
  const max = choice.options.length;
  return z.array(choice).max(max, {
    error: (issue) =>
      `at most ${max} items (one per choice), not ${Array.isArray(issue.input) ? issue.input.length : 'more'}`,
  });
}

export const PainfulRegion = z.enum(ids(regions, 'painful'));
export const SpreadRegion = z.enum(ids(regions, 'spread'));
export const Quality = z.enum(ids(descriptors, 'quality'));
export const Aggravator = z.enum(ids(descriptors, 'aggravator'));
export const Timing = z.enum(['during-run', 'right-after', 'later-that-day', 'next-morning']);
export const Frequency = z.enum(['always', 'sometimes', 'never']);

export const Pain = z.strictObject({
  regions: choices(PainfulRegion).min(1).optional().describe('Where it hurts (body map ids).'),
  spreadsTo: choices(SpreadRegion).optional().describe('Where the pain spreads; [] for nowhere.'),
  timing: choices(Timing).min(1).optional().describe('When it hurts relative to running.'),
  episodeHours: hours(24 * 14)
    .optional()
    .describe('How long a bout of pain lasts, in hours (e.g. 0.5, 24, 48).'),
  daysSinceStart: z.number().int().min(0).max(36500).optional().describe('Days since this episode began.'),
  overThreeMonths: yesNo.optional().describe('Has it lasted, on and off, for more than three months?'),
  now: score010.optional().describe('Pain right now, 0 (none) to 10 (worst imaginable).'),
  worst: score010.optional().describe('Pain at its worst in the last week, 0–10.'),
  qualities: choices(Quality).optional().describe('What it feels like.'),
  worseWith: choices(Aggravator).optional().describe('What makes it worse.'),
  easesWithRestOrPosition: yesNo.optional().describe('Does rest or changing position ease it?'),
  onset: z
    .enum([
      'gradual',
      'during-run',
      'after-run',
      'bending',
      'lifting',
      'unusual-exercise',
      'on-its-own',
      'fall-or-impact',
    ])
    .optional()
    .describe('How it began.'),
  trend: z
    .enum(['better', 'same', 'worse'])
    .optional()
    .describe('Since it began, is it getting better, the same or worse?'),
  triedSelfCare: yesNo
    .optional()
    .describe('Have you already tried rest, stretching, foam rolling, massage or heat for it?'),
  triedPainkillers: yesNo
    .optional()
    .describe('Have you taken painkillers for it? (Yes or no only: Backstride never suggests doses.)'),
  stopsDailyActivities: yesNo
    .optional()
    .describe('Does the pain stop you doing your normal day-to-day activities?'),
  recurrent: yesNo
    .optional()
    .describe('Does this back pain keep coming back: several bouts before, with pain-free spells between?'),
});

export const Running = z.strictObject({
  runsPerWeek: z.number().int().min(0).max(21).optional(),
  weeklyKmNow: z.number().min(0).max(500).optional().describe('Distance in a typical recent week, km.'),
  weeklyKm4WeeksAgo: z
    .number()
    .min(0)
    .max(500)
    .optional()
    .describe('Weekly distance about four weeks ago, km.'),
  longestRunKm: z.number().min(0).max(400).optional().describe('Longest single run in the last month, km.'),
  recentChanges: choices(
    z.enum([
      'distance',
      'speed',
      'hills',
      'surface',
      'shoes',
      'long-run',
      'started-running',
      'sports-bra',
      'gym-lifts',
    ]),
  )
    .optional()
    .describe('What changed in the last month; [] for nothing.'),
  restDaysPerWeek: z.number().int().min(0).max(7).optional(),
  crossTraining: yesNo.optional().describe('Other exercise (cycling, swimming, strength) most weeks?'),
  mainSurface: z.enum(['road', 'trail', 'track', 'treadmill', 'mixed']).optional(),
  warmUp: Frequency.optional().describe('Do you warm up before runs?'),
  stretchAfter: Frequency.optional().describe('Do you stretch or cool down after runs?'),
});

export const Form = z.strictObject({
  shrugging: yesNo.optional().describe('Shoulders creep up toward the ears.'),
  clenchedFists: yesNo.optional(),
  armsCrossMidline: yesNo.optional(),
  bigArmSwing: yesNo.optional(),
  leanFromWaist: yesNo.optional(),
  headForward: yesNo.optional().describe('Head pokes forward of the shoulders.'),
  lookDownWhenTired: yesNo.optional(),
  hunchWhenTired: yesNo.optional(),
  chestBreathing: yesNo.optional().describe('Breathing high in the chest rather than the belly.'),
  twisting: yesNo.optional().describe('Twisting at the waist.'),
  outsideOfFoot: yesNo.optional().describe('Landing on the outside edge of the foot (supination).'),
});

export const Daily = z.strictObject({
  sittingHours: hours(24).optional().describe('Hours sitting on a typical day.'),
  slouching: yesNo.optional(),
  breaks: z.enum(['hourly', 'sometimes', 'rarely']).optional().describe('How often you get up from sitting.'),
  stress: score010.optional().describe('Stress lately, 0–10.'),
  hydration: z.enum(['good', 'poor']).optional(),
  strengthSessionsPerWeek: z.number().int().min(0).max(14).optional(),
  heavyLifting: yesNo.optional().describe('Regular heavy lifting at work or at home.'),
  previousSportsInjury: yesNo.optional(),
  equipment: choices(z.enum(['none', 'band', 'dumbbells', 'gym']))
    .optional()
    .describe('Equipment you have for exercises; ["none"] or [] for none.'),
});

/**
 * How the pain sits with the runner: worry, fear of moving, mood and coping. Backstride's own wording
 * (the STarT Back items are not shipped: their terms are not an open licence). They feed the factors and
 * the "worried or struggling to cope" reason to see a clinician (nhs.uk).
 */
export const Outlook = z.strictObject({
  worriedSerious: yesNo.optional().describe('I am worried this pain means something serious or damaging.'),
  fearOfMoving: yesNo
    .optional()
    .describe('I am afraid that running or moving will make it worse or harm my back.'),
  lowMood: yesNo.optional().describe('I have been feeling low, or enjoying things less, lately.'),
  struggling: yesNo.optional().describe('I am struggling to cope with the pain.'),
});

export const Gear = z.strictObject({
  shoeAgeKm: z.number().min(0).max(10000).optional(),
  shoeCondition: z.enum(['good', 'worn', 'ill-fitting']).optional(),
  sportsBraFit: z.enum(['good', 'poor', 'not-applicable']).optional(),
});

export const SelfChecks = z.strictObject({
  wallTest: z.enum(['hand-fits', 'more-than-a-hand', 'no-gap']).optional(),
  mirrorProfile: z.enum(['c-shaped-arch', 'neutral']).optional(),
  longRunPhotos: z.enum(['head-forward-chest-down', 'no-change']).optional(),
  thoracicRotation: z.enum(['full', 'limited', 'painful']).optional(),
  plankHoldS: z.number().min(0).max(3600).optional(),
  bridgeHoldS: z
    .strictObject({ left: z.number().min(0).max(600), right: z.number().min(0).max(600) })
    .optional(),
});

/**
 * The red-flag screen. Each is a yes/no question asked directly (NICE CKS: people may not mention, for
 * example, saddle numbness unless asked). An absent answer is "not asked", never "no".
 */
export const RedFlags = z.strictObject({
  chestPain: yesNo.optional().describe('Chest pain, pressure or tightness with the back pain.'),
  sweatingNauseaBreathless: yesNo
    .optional()
    .describe('With the pain: cold sweat, feeling sick, or short of breath out of proportion.'),
  cardiacTiming: z
    .enum(['now', 'within-12h', '12-72h', 'over-72h'])
    .optional()
    .describe('When chest, arm or jaw symptoms were last felt.'),
  exertionalChestPressure: yesNo
    .optional()
    .describe(
      'Pressure or tightness in the chest, arm, jaw or upper back that comes with effort and goes within minutes of stopping.',
    ),
  suddenTearingPain: yesNo
    .optional()
    .describe('Sudden, severe, tearing or ripping pain in the chest or upper back.'),
  faintingOrCollapse: yesNo
    .optional()
    .describe('Fainting or collapsing, new confusion, or being very drowsy and hard to keep awake.'),
  nearFaintOrPalpitations: yesNo
    .optional()
    .describe('With the pain: feeling faint or nearly fainting, or a racing, pounding or fluttering heart.'),
  suddenBreathlessness: yesNo
    .optional()
    .describe('Sudden breathlessness, or sharp one-sided chest pain with breathlessness.'),
  coughingBlood: yesNo.optional().describe('Coughing up blood, or a swollen, painful calf on one side.'),
  calfSwelling: yesNo
    .optional()
    .describe('A swollen, painful calf on one side. (Earlier check-ins; now asked with coughing blood.)'),
  clotRisk: choices(
    z.enum([
      'long-journey',
      'surgery-or-bed-rest',
      'pregnant-or-recent-birth',
      'pill-or-hrt',
      'previous-clot',
    ]),
  )
    .optional()
    .describe(
      'Asked with pain on breathing or breathlessness: a journey over 3 hours, an operation, hospital stay or bed rest in the last 12 weeks, pregnancy or a birth in the last 6 weeks, the combined pill or HRT, a previous clot. [] for none.',
    ),
  bladderChange: yesNo
    .optional()
    .describe('New difficulty starting to pee or a weaker flow, or loss of bladder or bowel control.'),
  bowelControlLoss: yesNo
    .optional()
    .describe(
      'New loss of control of your bowels. (Earlier check-ins; now asked with the bladder question.)',
    ),
  saddleNumbness: yesNo
    .optional()
    .describe(
      'Numbness around the genitals, bottom or inner thighs, or a new loss of sexual function or feeling.',
    ),
  sexualDysfunction: yesNo
    .optional()
    .describe(
      'New loss of sexual function or genital sensation. (Earlier check-ins; now asked with saddle numbness.)',
    ),
  bothLegs: yesNo.optional().describe('Pain, tingling, numbness or weakness in both legs.'),
  worseningWeakness: yesNo
    .optional()
    .describe(
      'Weakness or numbness in an arm or leg that is spreading or getting worse. (Earlier check-ins; now asked with sudden weakness.)',
    ),
  suddenLimbWeakness: yesNo
    .optional()
    .describe('Weakness in an arm or leg that came on suddenly, or is spreading or getting worse.'),
  clumsyHandsOrGait: yesNo
    .optional()
    .describe('New clumsy hands, unsteady walking, or electric shocks down the spine on bending the neck.'),
  thunderclapHeadache: yesNo
    .optional()
    .describe(
      'A sudden, very severe headache: the worst you have ever had. (Also asked with the stroke-like signs.)',
    ),
  neckVascular: yesNo
    .optional()
    .describe(
      'Double vision, dizziness or drop attacks, slurred speech, or a sudden, very severe headache (the worst ever).',
    ),
  confusedOrDrowsy: yesNo
    .optional()
    .describe(
      'New confusion, or very drowsy and hard to keep awake. (Also asked with fainting or collapse.)',
    ),
  feverNeckStiffness: yesNo
    .optional()
    .describe('With the fever: a stiff neck, or a dislike of bright light.'),
  fever: yesNo.optional().describe('High temperature, chills or shivering.'),
  immunosuppressed: yesNo.optional().describe('Weakened immune system, HIV, or injecting drugs.'),
  unexplainedWeightLoss: yesNo.optional().describe('Weight loss you cannot explain.'),
  cancerHistory: yesNo.optional().describe('Cancer now or in the past.'),
  osteoporosisOrSteroids: yesNo.optional().describe('Osteoporosis, or taking steroid tablets for months.'),
  trauma: z
    .enum(['none', 'minor', 'major'])
    .optional()
    .describe('Major: car crash, fall from height. Minor: a fall or knock.'),
  nightPain: yesNo
    .optional()
    .describe('Pain at night that stops sleep and is not eased by changing position.'),
  worseCoughSneeze: yesNo
    .optional()
    .describe('Pain made worse by coughing, sneezing or straining on the toilet.'),
  deformityOrSwelling: yesNo.optional().describe('New swelling or a change in the shape of the back.'),
  constantProgressive: yesNo
    .optional()
    .describe('Pain that is constant and keeps getting worse, whatever you do.'),
  morningStiffnessOver30Min: yesNo
    .optional()
    .describe('Morning stiffness lasting over 30 minutes that eases with exercise.'),
  abdominalPainHighBloodPressure: yesNo
    .optional()
    .describe('Pain spreading from the belly to the back, with high blood pressure.'),
  highBloodPressure: yesNo
    .optional()
    .describe('High blood pressure, including if you have stopped taking your tablets for it.'),
  painfulUrination: yesNo.optional().describe('Pain, burning or stinging when you pee.'),
  bloodInUrine: yesNo.optional().describe('Blood in your pee (pink, red or brown).'),
  flankPain: yesNo
    .optional()
    .describe(
      'Pain in your side, just under the ribs, or pain that comes in waves and spreads to the groin.',
    ),
  oneSidedRash: yesNo
    .optional()
    .describe('A band of rash, blisters or burning, tingling skin on one side of the back or chest.'),
  alternatingButtockPain: yesNo.optional().describe('Buttock pain that switches from one side to the other.'),
  betterWithExercise: yesNo.optional().describe('Better with exercise and movement, and worse with rest.'),
  eyeInflammation: z
    .enum(['no', 'in-the-past', 'now'])
    .optional()
    .describe('Eye inflammation (iritis or uveitis): a red, painful eye that dislikes light.'),
  psoriasisOrBowelDisease: yesNo
    .optional()
    .describe("Psoriasis, Crohn's disease or ulcerative colitis, in you or a close relative."),
});

export const Answers = z.strictObject({
  /** Editors' link to the schema; ignored. A URL or path, so a generous cap. */
  $schema: z.string().max(2048).optional(),
  /** When the check-in was made (ISO 8601); defaults to now. 40 characters hold any offset and nanoseconds. */
  date: z.iso.datetime({ offset: true }).max(40).or(z.iso.date().max(10)).optional(),
  about: z
    .strictObject({
      age: z.number().int().min(12).max(110).optional(),
      sex: z.enum(['female', 'male', 'other']).optional(),
      heightCm: z.number().min(100).max(250).optional(),
      weightKg: z.number().min(25).max(350).optional(),
    })
    .optional(),
  pain: Pain.optional(),
  running: Running.optional(),
  form: Form.optional(),
  daily: Daily.optional(),
  gear: Gear.optional(),
  selfChecks: SelfChecks.optional(),
  outlook: Outlook.optional(),
  redFlags: RedFlags.optional(),
});

export type Answers = z.infer<typeof Answers>;
export type RedFlagAnswers = z.infer<typeof RedFlags>;
export type RedFlagQuestion = keyof RedFlagAnswers;
export const redFlagQuestions = Object.keys(RedFlags.shape) as RedFlagQuestion[];

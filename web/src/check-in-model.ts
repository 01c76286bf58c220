/**
 * The check-in as the web form holds it (a draft per step, in the runner's units) and its conversion to
 * the answers the API validates. The questions and their bands mirror the terminal check-in
 * (src/cli/check-in.ts), so both ask the same thing in the same order: red-flag screen first.
 */
import { EPISODE, FORM_CHOICES, SINCE } from '../../src/answers/choices.js';
import { RED_FLAG_GROUPS } from '../../src/answers/red-flag-screen.js';
import type { RedFlagQuestion } from '../../src/answers/schema.js';
import { descriptors } from '../../src/knowledge/data/body.js';
import { METRES_PER_MILE } from '../../src/metrics/index.js';
import type { Option } from './components/ui.js';
import type { Units } from './format.js';
import type { Answers } from './types.js';

/** The red-flag questions, grouped and ordered as in the terminal check-in (shared data). */
export { RED_FLAG_GROUPS };

/** Wording for the questions whose schema entry has no description. */

export {
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
} from '../../src/answers/choices.js';

const descriptorOptions = (kind: 'quality' | 'aggravator'): Option<string>[] =>
  descriptors
    .filter((d) => d.kind === kind)
    .map((d) => ({ value: d.id, label: d.name, hint: d.description }));
export const QUALITIES = descriptorOptions('quality');
export const AGGRAVATORS = descriptorOptions('aggravator');

export type StepId =
  | 'rf-heart'
  | 'rf-nerves'
  | 'rf-general'
  | 'where'
  | 'spread'
  | 'severity'
  | 'duration'
  | 'feel'
  | 'onset'
  | 'running'
  | 'form'
  | 'daily'
  | 'gear'
  | 'self-checks'
  | 'review';

export const STEPS: { id: StepId; title: string }[] = [
  { id: 'rf-heart', title: 'Safety: heart and lungs' },
  { id: 'rf-nerves', title: 'Safety: bladder, bowel and nerves' },
  { id: 'rf-general', title: 'Safety: general health' },
  { id: 'where', title: 'Where does it hurt?' },
  { id: 'spread', title: 'Does the pain spread?' },
  { id: 'severity', title: 'How bad, and when?' },
  { id: 'duration', title: 'How long?' },
  { id: 'feel', title: 'What it feels like' },
  { id: 'onset', title: 'How it started, and about you' },
  { id: 'running', title: 'Your running' },
  { id: 'form', title: 'Your running form' },
  { id: 'daily', title: 'Your day' },
  { id: 'gear', title: 'Your gear' },
  { id: 'self-checks', title: 'Self-checks' },
  { id: 'review', title: 'Check and send' },
];

type Flags = Partial<Record<RedFlagQuestion, boolean | string>>;

export type Draft = {
  flags: Flags;
  regions: string[];
  spread: string[];
  now?: number;
  worst?: number;
  timing: string[];
  since?: string;
  episode?: string;
  qualities: string[];
  worseWith: string[];
  eases?: boolean;
  onset?: string;
  trend?: string;
  triedSelfCare?: boolean;
  age?: number;
  sex?: string;
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
    slouching?: boolean;
    breaks?: string;
    stress?: number;
    hydration?: string;
    strengthSessions?: number;
    heavyLifting?: boolean;
    previousInjury?: boolean;
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
  running: { recentChanges: [] },
  form: [],
  daily: {},
  gear: {},
  checks: {},
  skipped: [],
});

/** Drop undefined fields and empty objects, so a skipped question stays absent. */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? (out as T) : undefined;
}

const toKm = (v: number | undefined, u: Units) =>
  v === undefined ? undefined : u === 'mi' ? Math.round(((v * METRES_PER_MILE) / 1000) * 10) / 10 : v;

/** The red-flag answers given so far (skipped groups left out). */
export function redFlagAnswers(d: Draft): Answers['redFlags'] {
  const out: Record<string, unknown> = {};
  for (const g of RED_FLAG_GROUPS) {
    if (d.skipped.includes(g.id)) continue;
    for (const q of g.questions) if (d.flags[q] !== undefined) out[q] = d.flags[q];
    if (g.id === 'rf-heart' && (d.flags.chestPain === true || d.flags.sweatingNauseaBreathless === true))
      out.cardiacTiming = d.flags.cardiacTiming;
    if (g.id === 'rf-general') out.trauma = d.flags.trauma;
  }
  return compact(out) as Answers['redFlags'];
}

/** Whether any safety answer so far is a warning sign (worth an early triage). */
export function anyWarning(d: Draft): boolean {
  const rf = redFlagAnswers(d) ?? {};
  return Object.entries(rf).some(
    ([k, v]) => v === true || (k === 'trauma' && (v === 'minor' || v === 'major')),
  );
}

/** The whole draft as answers for `POST /api/assess`. */
export function toAnswers(d: Draft, units: Units): Answers {
  const skip = (id: StepId) => d.skipped.includes(id);
  const answers: Answers = {};
  const redFlags = redFlagAnswers(d);
  if (redFlags) answers.redFlags = redFlags;

  const since = SINCE.find((s) => s.value === d.since);
  const pain: Record<string, unknown> = {};
  if (!skip('where') && d.regions.length) pain.regions = d.regions;
  if (!skip('spread')) pain.spreadsTo = d.spread;
  if (!skip('severity')) {
    pain.now = d.now;
    pain.worst = d.worst;
    if (d.timing.length) pain.timing = d.timing;
  }
  if (!skip('duration')) {
    pain.daysSinceStart = since?.days;
    pain.overThreeMonths = since ? since.value === '3m+' : undefined;
    pain.episodeHours = EPISODE.find((e) => e.value === d.episode)?.hours;
  }
  if (!skip('feel')) {
    pain.qualities = d.qualities;
    pain.worseWith = d.worseWith;
    pain.easesWithRestOrPosition = d.eases;
  }
  if (!skip('onset')) {
    pain.onset = d.onset;
    pain.trend = d.trend;
    pain.triedSelfCare = d.triedSelfCare;
    const about = compact({ age: d.age, sex: d.sex });
    if (about) answers.about = about as Answers['about'];
  }
  const p = compact(pain);
  if (p) answers.pain = p as Answers['pain'];

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
    const daily = compact({
      sittingHours: x.sittingHours,
      slouching: x.slouching,
      breaks: x.breaks,
      stress: x.stress,
      hydration: x.hydration,
      strengthSessionsPerWeek: x.strengthSessions,
      heavyLifting: x.heavyLifting,
      previousSportsInjury: x.previousInjury,
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
  return answers;
}

/** The step that asks about an answers field (`pain.now` → 'severity'), for server errors. */
export function stepForField(field: string): StepId | undefined {
  const [head = '', sub = ''] = field.split(/[.[]/);
  if (head === 'redFlags') {
    if (sub === 'cardiacTiming') return 'rf-heart';
    if (sub === 'trauma') return 'rf-general';
    return RED_FLAG_GROUPS.find((g) => g.questions.includes(sub as RedFlagQuestion))?.id;
  }
  if (head === 'about') return 'onset';
  if (head === 'pain') {
    const map: Record<string, StepId> = {
      regions: 'where',
      spreadsTo: 'spread',
      now: 'severity',
      worst: 'severity',
      timing: 'severity',
      daysSinceStart: 'duration',
      overThreeMonths: 'duration',
      episodeHours: 'duration',
      qualities: 'feel',
      worseWith: 'feel',
      easesWithRestOrPosition: 'feel',
    };
    return map[sub] ?? 'onset';
  }
  const sections: Record<string, StepId> = {
    running: 'running',
    form: 'form',
    daily: 'daily',
    gear: 'gear',
    selfChecks: 'self-checks',
  };
  return sections[head];
}

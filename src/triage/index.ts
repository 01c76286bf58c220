/**
 * Triage: red flags and care thresholds first, before anything else, to one of four levels. Every rule
 * that fires is listed with its sources; the safety net is always present; a skipped screen is said plainly.
 */
import { type Answers, type RedFlagQuestion, RedFlags } from '../answers/index.js';
import { applicableScreenQuestions, unansweredScreenQuestions } from '../answers/red-flag-screen.js';
import { checkBackPolicy, knowledge, type Level, safetyNet } from '../knowledge/index.js';
import { localDate } from '../schedule/dates.js';
import { rules } from './rules.js';

export { rules } from './rules.js';

export const levelOrder: readonly Level[] = ['emergency', 'urgent', 'clinician', 'self-care'];
const rank = (level: Level) => levelOrder.indexOf(level);

/** The more urgent of two levels. */
export const moreUrgent = (x: Level, y: Level): Level => (rank(x) <= rank(y) ? x : y);

export const levelText: Record<Level, { headline: string; action: string }> = {
  emergency: {
    headline: 'Emergency: call emergency services now.',
    action: 'Call your local emergency number now. Stop running, and do not drive yourself.',
  },
  urgent: {
    headline: 'Urgent: see a doctor today.',
    action:
      'Get seen by a doctor today: a same-day appointment with your doctor, an urgent care service, or your health advice line.',
  },
  clinician: {
    headline: 'Book an appointment with a physical therapist or doctor.',
    action:
      'Book within the next week or two. Meanwhile, the gentle self-care below is safe to continue unless it makes the pain worse.',
  },
  'self-care': {
    headline: 'Self-care: this looks safe to manage yourself, with the plan below.',
    action:
      'Follow the plan, ease your running as it says, and check back on the date below, or sooner if anything changes.',
  },
};

export type TriageReason = {
  rule: string;
  name: string;
  level: Exclude<Level, 'self-care'>;
  reason: string;
  action: string;
  sources: string[];
};

/** The dated check-back on a self-care result: on that date the runner is asked whether it is easing. */
export type CheckBack = {
  /** The date to check back, YYYY-MM-DD (the runner's calendar day). */
  on: string;
  inDays: number;
  question: string;
  /** Why this date, in plain words. */
  why: string;
  sources: string[];
};

export type TriageResult = {
  level: Level;
  headline: string;
  action: string;
  /** Every rule that fired, most urgent first. Empty for self-care. */
  reasons: TriageReason[];
  /** "Seek help if …", always present. */
  safetyNet: { emergency: string[]; urgent: string[]; clinician: string[]; sources: string[] };
  redFlagScreen: {
    complete: boolean;
    answered: number;
    total: number;
    /** Questions not answered, with their wording. */
    unanswered: { question: RedFlagQuestion; text: string }[];
    /** Plain words when the screen was skipped or incomplete. */
    note?: string;
  };
  /** Self-care only: why managing it yourself is reasonable, and when to check back. */
  selfCare?: { why: string[]; checkBack: CheckBack };
};

export type TriageOptions = {
  /** The raised `pattern` factors (rib joint, strain, sacroiliac, facet, nerve or disc). */
  patterns?: readonly string[];
  /** When the check-in was made, for the check-back date; defaults to the answers' date, then now. */
  now?: Date;
};

function screenStatus(answers: Answers): TriageResult['redFlagScreen'] {
  const total = applicableScreenQuestions(answers).length;
  const unanswered = unansweredScreenQuestions(answers).map((question) => ({
    question,
    text: RedFlags.shape[question].description ?? question,
  }));
  const answered = total - unanswered.length;
  const status: TriageResult['redFlagScreen'] = {
    complete: unanswered.length === 0,
    answered,
    total,
    unanswered,
  };
  if (answered === 0) {
    status.note =
      'The red-flag screen was skipped, so serious causes have not been ruled out. If any warning sign in the safety net applies to you, act on it now.';
  } else if (unanswered.length > 0) {
    const named = unanswered.map((u) => u.text.replace(/\.$/, '')).join('; ');
    status.note = `${unanswered.length} of ${total} safety questions ${unanswered.length === 1 ? 'was' : 'were'} not answered and ${unanswered.length === 1 ? 'was' : 'were'} not assumed to be "no": ${named}. If any of them applies to you, act on the safety net below.`;
  }
  return status;
}

/** The calendar day `days` after `at`, as YYYY-MM-DD in local time. */
const dayAfter = (at: Date, days: number): string =>
  localDate(new Date(at.getFullYear(), at.getMonth(), at.getDate() + days));

/** When to check back: sooner for stronger pain, later when it is already easing. */
export function checkBackFor(answers: Answers, at: Date): CheckBack {
  const p = checkBackPolicy;
  const pain = Math.max(answers.pain?.now ?? 0, answers.pain?.worst ?? 0);
  const stronger = pain >= p.strongerPainFrom;
  const improving = answers.pain?.trend === 'better';
  const inDays = stronger ? p.strongerPainDays : improving ? p.improvingDays : p.days;
  const why = stronger
    ? `Your pain reaches ${pain} out of 10, so check back sooner: in ${inDays} days.`
    : improving
      ? `It is already getting better, so check back in ${inDays} days, by when most back pain has started to fade.`
      : `Check back in ${inDays} days: pain that is not easing after a few days of looking after it deserves a second look.`;
  return { on: dayAfter(at, inDays), inDays, question: 'Is it easing?', why, sources: [...p.sources] };
}

/** Plain reasons why self-care is reasonable, from what the runner said. */
function selfCareWhy(answers: Answers, patterns: readonly string[], screenComplete: boolean): string[] {
  const why: string[] = [];
  if (screenComplete) why.push('None of the warning signs in the safety questions applies to you.');
  const p = answers.pain ?? {};
  const behaves: string[] = [];
  if (p.easesWithRestOrPosition === true) behaves.push('it eases with rest or a change of position');
  if (p.trend === 'better') behaves.push('it is getting better');
  if (p.timing?.length && !p.timing.every((t) => t === 'next-morning'))
    behaves.push('it comes with running and the hours after');
  const listed = behaves.length > 1 ? `${behaves.slice(0, -1).join(', ')} and ${behaves.at(-1)}` : behaves[0];
  if (listed) why.push(`It behaves like ordinary mechanical back pain: ${listed}.`);
  if (p.daysSinceStart !== undefined && !p.overThreeMonths) {
    const d = p.daysSinceStart;
    const since =
      d === 0 ? 'It began today' : d === 1 ? 'It began yesterday' : `It began about ${d} days ago`;
    why.push(`${since}; most back pain starts to fade within 2 weeks and settles within 6.`);
  }
  if (patterns.includes('muscle-strain-pattern'))
    why.push(
      'It fits a muscle strain, which is treated at home: ease off for a few days, ice for the first 48 to 72 hours and then heat, build back to exercise over 2 to 3 weeks, and avoid twisting and heavy lifting for 6 weeks from the start.',
    );
  if (patterns.includes('sacroiliac-pattern') || patterns.includes('facet-joint-pattern'))
    why.push('The joint pattern your answers fit is one the sources manage with the exercises in your plan.');
  return why;
}

/**
 * Triage one check-in.
 * @example triage(parseAnswers(json)).level // 'self-care'
 */
export function triage(answers: Answers, options: TriageOptions = {}): TriageResult {
  const patterns = options.patterns ?? [];
  const reasons: TriageReason[] = [];
  for (const flag of knowledge().redFlags) {
    const predicate = rules[flag.id];
    if (!predicate) throw new Error(`red flag ${flag.id} has no rule`);
    if (predicate({ a: answers, p: flag.params, patterns })) {
      reasons.push({
        rule: flag.id,
        name: flag.name,
        level: flag.level,
        reason: flag.reason,
        action: flag.action,
        sources: flag.sources,
      });
    }
  }
  reasons.sort((x, y) => rank(x.level) - rank(y.level));
  const level = reasons.reduce<Level>((acc, r) => moreUrgent(acc, r.level), 'self-care');
  const top = reasons.find((r) => r.level === level);
  const redFlagScreen = screenStatus(answers);
  const at = options.now ?? (answers.date ? new Date(answers.date) : new Date());
  const result: TriageResult = {
    level,
    headline: levelText[level].headline,
    action: top && level !== 'clinician' ? top.action : levelText[level].action,
    reasons,
    safetyNet: {
      emergency: [...safetyNet.emergency],
      urgent: [...safetyNet.urgent],
      clinician: [...safetyNet.clinician],
      sources: [...safetyNet.sources],
    },
    redFlagScreen,
  };
  if (level === 'self-care') {
    result.selfCare = {
      why: selfCareWhy(answers, patterns, redFlagScreen.complete),
      checkBack: checkBackFor(answers, at),
    };
  }
  return result;
}

/**
 * Triage: red flags and care thresholds first, before anything else, to one of four levels. Every rule
 * that fires is listed with its sources; the safety net is always present; a skipped screen is said plainly.
 */
import { type Answers, type RedFlagQuestion, RedFlags, redFlagQuestions } from '../answers/index.js';
import { knowledge, type Level, safetyNet } from '../knowledge/index.js';
import { rules } from './rules.js';

export { rules } from './rules.js';

export const levelOrder: readonly Level[] = ['emergency', 'urgent', 'clinician', 'self-care'];
const rank = (level: Level) => levelOrder.indexOf(level);

/** The more urgent of two levels. */
export const moreUrgent = (x: Level, y: Level): Level => (rank(x) <= rank(y) ? x : y);

export const levelText: Record<Level, { headline: string; action: string }> = {
  emergency: {
    headline: 'Emergency: call emergency services now.',
    action:
      'Call your local emergency number now (999 in the UK, 112 in Europe, 911 in the US). Stop running and do not drive yourself.',
  },
  urgent: {
    headline: 'Urgent: see a doctor today.',
    action:
      'Get seen by a doctor today: a same-day GP appointment, an urgent care centre, or NHS 111 (or your local equivalent).',
  },
  clinician: {
    headline: 'Book an appointment with a physical therapist or doctor.',
    action:
      'Book within the next week or two. Meanwhile, the gentle self-care below is safe to continue unless it makes the pain worse.',
  },
  'self-care': {
    headline: 'Self-care: this looks safe to manage yourself, with the plan below.',
    action:
      'Follow the plan, ease your running as it says, and check in again in a week or if anything changes.',
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
};

export type TriageOptions = {
  /** Raised factors that need a clinician's assessment. */
  patterns?: readonly string[];
};

function screenStatus(answers: Answers): TriageResult['redFlagScreen'] {
  const given = answers.redFlags ?? {};
  const unanswered = redFlagQuestions
    // cardiacTiming is a follow-up, asked only when a heart warning sign was reported.
    .filter((q) => q !== 'cardiacTiming' && given[q] === undefined)
    .map((question) => ({ question, text: RedFlags.shape[question].description ?? question }));
  const total = redFlagQuestions.length - 1;
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
    status.note = `${unanswered.length} of ${total} red-flag questions were not answered; they were not assumed to be "no". If any of them applies to you, act on the safety net below.`;
  }
  return status;
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
  return {
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
    redFlagScreen: screenStatus(answers),
  };
}

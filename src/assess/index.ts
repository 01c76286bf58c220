/**
 * One assessment: triage first, then the likely contributing factors, then the plan, with the questions
 * that were not answered where they matter. Pure: answers in, result out.
 */
import type { Answers } from '../answers/index.js';
import { type CareRoutes, careFor } from '../care/index.js';
import type { DiaryRun } from '../diary/types.js';
import { analyseFactors, type RaisedFactor } from '../factors/index.js';
import { type VideoCheck, videoEvidence } from '../factors/video.js';
import { knowledge, type Source } from '../knowledge/index.js';
import { buildPlan, kitOf, type Plan, type PlanChange, tailorPlan } from '../plan/index.js';
import { type Schedule, scheduleFor } from '../schedule/index.js';
import { type TriageResult, triage } from '../triage/index.js';
import { type DataNote, type HistoryFacts, historyFacts, mergeHistory } from './history.js';

export const RESULT_VERSION = 1;

export const disclaimer =
  'Backstride is not a diagnosis and does not replace a clinician. It lists likely contributing factors, not conditions. In an emergency, call your local emergency number.';

export type Unanswered = { field: string; why: string };

export type Assessment = {
  version: number;
  assessedAt: string;
  triage: TriageResult;
  /** Where to get help in the runner's country: emergency number, same-day and routine routes. */
  care: CareRoutes;
  factors: RaisedFactor[];
  /** The plan, with the runner's swaps and drops (`plan.changes`) applied. */
  plan: Plan;
  /**
   * This week of the plan, built as the plan page, `plan`, the report and the calendar file build it;
   * absent from safety-only results. Left out when the result is saved: those build the week afresh.
   */
  week?: Schedule;
  /** Questions (outside the red-flag screen) that were not answered and would have changed the result. */
  unanswered: Unanswered[];
  /** What the stored running history added, when there is one: its facts and where it overrode answers. */
  history?: { runsConsidered: number; facts: HistoryFacts; notes: DataNote[] };
  /** Every source cited anywhere in this result. */
  sources: Source[];
  disclaimer: string;
};

/** The questions whose absence matters, and why. */
const mattering: { field: string; present: (a: Answers) => boolean; why: string }[] = [
  {
    field: 'pain.regions',
    present: (a) => !!a.pain?.regions?.length,
    why: 'Where it hurts decides which red flags, factors and exercises apply; the plan uses a general routine.',
  },
  {
    field: 'pain.daysSinceStart',
    present: (a) => a.pain?.daysSinceStart !== undefined || a.pain?.overThreeMonths !== undefined,
    why: 'How long it has lasted decides when to see a clinician.',
  },
  {
    field: 'pain.trend',
    present: (a) => a.pain?.trend !== undefined,
    why: 'Whether it is improving decides when to see a clinician; it was treated as not improving.',
  },
  {
    field: 'pain.worst',
    present: (a) => a.pain?.worst !== undefined || a.pain?.now !== undefined,
    why: 'Severe pain should be seen by a clinician.',
  },
  {
    field: 'pain.qualities',
    present: (a) => a.pain?.qualities !== undefined,
    why: 'Tingling, numbness or weakness would point to a nerve and change the advice.',
  },
  {
    field: 'pain.spreadsTo',
    present: (a) => a.pain?.spreadsTo !== undefined,
    why: 'Pain spreading to the chest, jaw, arm or leg changes the triage.',
  },
  {
    field: 'about.age',
    present: (a) => a.about?.age !== undefined,
    why: 'New back pain under 20 or over 50 is a reason to see a clinician.',
  },
  {
    field: 'running',
    present: (a) => a.running !== undefined && Object.keys(a.running).length > 0,
    why: 'Without your training, load changes (too much too soon, rest days) could not be checked.',
  },
  {
    field: 'daily.sittingHours',
    present: (a) => a.daily?.sittingHours !== undefined,
    why: 'Long sitting is one of the commonest contributors.',
  },
  {
    field: 'form',
    present: (a) => a.form !== undefined && Object.keys(a.form).length > 0,
    why: 'Running-form habits could not be checked.',
  },
];

function citedSources(t: TriageResult, factors: RaisedFactor[], plan: Plan): Source[] {
  const ids = new Set<string>([
    ...t.reasons.flatMap((r) => r.sources),
    ...t.safetyNet.sources,
    ...factors.flatMap((f) => f.sources),
    ...plan.sections.flatMap((s) => s.items.flatMap((i) => i.sources)),
  ]);
  return knowledge().sources.filter((s) => ids.has(s.id));
}

/**
 * Assess one check-in.
 * @example assess(parseAnswers(json)).triage.level
 */
export function assess(
  answers: Answers,
  now: Date = new Date(),
  context: {
    runs?: DiaryRun[];
    country?: string;
    /** The runner's stored swaps and drops. */
    planChanges?: PlanChange[];
    /** Offset of the runner's local time from UTC in minutes, for the week's days. Default 0. */
    utcOffsetMinutes?: number;
    /** Saved running-form checks from video: measured faults take precedence over the answers. */
    formChecks?: VideoCheck[];
  } = {},
): Assessment {
  const at = answers.date ? new Date(answers.date) : now;
  const facts = context.runs?.length
    ? historyFacts(context.runs, at.getTime(), answers.pain?.daysSinceStart)
    : undefined;
  const merged = mergeHistory(answers, facts);
  const video = context.formChecks ? videoEvidence(context.formChecks, at.getTime()) : undefined;
  const factors = analyseFactors(merged.answers, facts, video);
  const patterns = factors.filter((f) => f.category === 'pattern').map((f) => f.id);
  // Triage reads the runner's own answers: the history never changes a safety decision.
  const t = triage(answers, { patterns, now: at });
  const plan = tailorPlan(buildPlan(merged.answers, t, factors), {
    changes: context.planChanges ?? [],
    kit: kitOf(answers),
    raised: factors.map((f) => f.id),
  });
  const result: Assessment = {
    version: RESULT_VERSION,
    assessedAt: at.toISOString(),
    triage: t,
    care: careFor(context.country),
    factors,
    plan,
    unanswered: mattering.filter((m) => !m.present(merged.answers)).map(({ field, why }) => ({ field, why })),
    sources: citedSources(t, factors, plan),
    disclaimer,
  };
  if (plan.mode !== 'safety-only') {
    result.week = scheduleFor(plan, {
      answers,
      runs: context.runs ?? [],
      now: now.getTime(),
      utcOffsetMinutes: context.utcOffsetMinutes ?? 0,
    });
  }
  if (facts) {
    result.history = {
      runsConsidered: context.runs?.filter((r) => r.startTime <= at.getTime()).length ?? 0,
      facts,
      notes: merged.notes,
    };
  }
  return result;
}

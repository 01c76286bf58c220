/**
 * When to move a dose up, keep it, or take it back. The sources give doses (ranges such as "2 sets of
 * 12–15"), not rules for moving through them, so the thresholds here are Backstride's own, gathered in
 * `PROGRESSION_RULES`. Two things anchor them: NICE NG59 puts exercise first for low back pain, so the
 * default is to keep exercising and build up; and each exercise's own `progression` text says how it
 * grows and when to drop back, which the decision returns alongside its reason.
 */
import type { ExerciseSession, PainCheckin } from '../diary/types.js';
import { notFound } from '../errors.js';
import { type Exercise, index, knowledge } from '../knowledge/index.js';
import { DAY_MS, localDayNumber } from './dates.js';
import { type CurrentDose, doseText, sameDose, startDose } from './dose.js';

/**
 * Every progression threshold. Backstride rules, not source rules: the sources give doses, not when to
 * progress (see the module comment). NICE NG59 (`nice-ng59`) backs exercise first; the exercise's
 * `progression` text gives the direction of travel and is returned with every decision.
 */
export const PROGRESSION_RULES = {
  /** Days of sessions read for adherence: two weeks smooths over one busy week. */
  adherenceWindowDays: 14,
  /** Progress only when at least this share of scheduled sessions was done: the dose has been tested. */
  minAdherencePct: 80,
  /** Days of check-ins read for the current pain level; the week before is the baseline. */
  painWindowDays: 7,
  /** Progress only when the mean pain of the last week is at most this (0–10 scale): mild pain. */
  maxMeanPain: 3,
  /** A rise this large steps back; 2 points is the numeric pain rating's minimal important change (`nprs`). */
  painRiseStepBack: 2,
  /** A session's "pain during" this far above the one before holds the dose (issue 11: the session's feedback). */
  sessionPainRiseHold: 2,
  /** Any check-in this high in the last week steps back to the starting dose: severe pain. */
  flareScore: 7,
  /** Reps added (or removed) per step; the band shoulder extension text adds 2–3 a week. */
  repsStep: 2,
  /** Seconds of hold added (or removed) per step; the plank text adds about 5 s a week. */
  holdStepS: 5,
  /** Breaths added (or removed) per step. */
  breathsStep: 1,
  /**
   * Sets may grow by this many above the source's, only for exercises dosed in a rep range (the seated
   * row and squat texts add a third set); fixed-count holds such as the superman's 5 grow by hold time.
   */
  extraSets: 1,
  /** Never more sets than this: the most any source doses. */
  maxSets: 3,
} as const;

/** What the runner logged: exercise sessions and pain check-ins, any period (the windows are applied here). */
export type DoseHistory = { sessions: ExerciseSession[]; checkins: PainCheckin[] };

export type ProgressOptions = {
  /**
   * Scheduled sessions a week for this exercise (see `timesPerWeek`). Default: the bottom of the
   * source's `perWeek` range.
   */
  scheduledPerWeek?: number;
  /** Offset of local time from UTC in minutes, for counting session days. Default 0. */
  utcOffsetMinutes?: number;
  /**
   * When the plan started (epoch ms): sessions before it do not count, and the window of sessions owed
   * begins there when that is less than 14 days ago.
   */
  since?: number;
  /**
   * Sessions due in the window, counted from the schedule by the caller (see `dueDays`); overrides
   * `scheduledPerWeek`.
   */
  scheduled?: number;
};

/** The numbers a decision was made on, for display and for checking. */
export type ProgressEvidence = {
  scheduled: number;
  /** Distinct days in the window with the exercise (or a routine containing it) logged, capped at `scheduled`. */
  done: number;
  /** `done / scheduled` in percent, one decimal; null when nothing was scheduled. */
  adherencePct: number | null;
  /** Mean check-in score over the last 7 days; null without check-ins. */
  meanPain: number | null;
  /** Highest check-in score over the last 7 days; null without check-ins. */
  maxPain: number | null;
  /** Last week's mean minus the week before's (or last minus first check-in of the week); null when unknown. */
  rise: number | null;
  /** Sessions with this exercise in the last 7 days that the runner said felt hard. */
  hardSessions: number;
  /**
   * The largest rise of "pain during" in a session with this exercise in the last 7 days, against the
   * session before it (or, without one, the check-in before it); null without a rating to compare.
   */
  sessionPainRise: number | null;
};

export type DoseDecision = {
  dose: CurrentDose;
  change: 'progress' | 'hold' | 'step-back';
  /** The decision in a sentence: "Keep 3×10 this week: you did 2 of 4 sessions." */
  reason: string;
  /** Why, as the clause after the colon: "you did 2 of 4 sessions". Decisions held for one reason share it. */
  because: string;
  /** Set when the range is used up: the next move is the exercise's harder or easier variant. */
  variant?: { direction: 'harder' | 'easier'; text: string };
  evidence: ProgressEvidence;
  /** The exercise's own progression text. */
  guidance: string;
  /** NICE NG59 and the exercise's sources. */
  sources: string[];
};

/**
 * Decide the next dose of one exercise from the last two weeks of sessions and check-ins.
 * Step back when pain rose by 2 or more over the last week or any check-in was 7 or more; progress one
 * step when adherence is at least 80%, pain is low (mean ≤ 3) and not rising, and no session with the
 * exercise in the last week felt hard or had its pain during rise by 2 or more; otherwise hold.
 * @example progressDose('plank', { sets: 3, holdS: 20, perSide: false }, { sessions, checkins }, new Date())
 */
export function progressDose(
  exerciseId: string,
  currentDose: CurrentDose,
  history: DoseHistory,
  now: Date | number,
  options: ProgressOptions = {},
): DoseDecision {
  const e = index('exercises').get(exerciseId);
  if (!e) throw notFound(`unknown exercise: ${exerciseId}`);
  const R = PROGRESSION_RULES;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  // A stored dose may lack a field the exercise is dosed in; the start dose fills the gap.
  const cur: CurrentDose = { ...startDose(e.dose), ...currentDose };
  const evidence = gatherEvidence(e, history, nowMs, options);
  const base = { evidence, guidance: e.progression, sources: ['nice-ng59', ...e.sources] };

  const flare = evidence.maxPain !== null && evidence.maxPain >= R.flareScore;
  const rising = evidence.rise !== null && evidence.rise >= R.painRiseStepBack;
  if (flare || rising) {
    const why = flare
      ? `you logged pain of ${evidence.maxPain} out of 10 in the last ${R.painWindowDays} days`
      : `your pain rose by ${points(evidence.rise ?? 0)} over the last ${R.painWindowDays} days`;
    const { say, ...step } = stepDown(e, cur, flare);
    const how = step.variant && e.easier ? ` Easier version: ${e.easier}` : '';
    const safety = flare ? ' If pain is severe or keeps rising, follow the advice on when to seek help.' : '';
    return {
      ...base,
      ...step,
      change: 'step-back',
      because: why,
      reason: `${say} this week: ${why}.${how}${safety}`,
    };
  }

  const missing: string[] = [];
  const started = options.since !== undefined && options.since > nowMs - R.adherenceWindowDays * DAY_MS;
  if (evidence.adherencePct === null && started) {
    // Nothing has been due yet: there is nothing to weigh, and saying so is the whole story.
    const because = 'your plan has only just started';
    return {
      ...base,
      dose: cur,
      change: 'hold',
      because,
      reason: `Keep ${doseText(cur)} this week: ${because}.`,
    };
  }
  if (evidence.adherencePct === null) {
    missing.push(`it was not scheduled in the last ${R.adherenceWindowDays} days`);
  } else if (!meetsAdherence(evidence.done, evidence.scheduled)) {
    missing.push(`you did ${evidence.done} of ${sessionsWord(evidence.scheduled)}`);
  }
  if (evidence.meanPain === null)
    missing.push(`there is no pain check-in from the last ${R.painWindowDays} days`);
  else if (evidence.meanPain > R.maxMeanPain) {
    missing.push(`your pain averaged ${fmt(evidence.meanPain)} out of 10, above ${R.maxMeanPain}`);
  } else if (evidence.rise === null)
    missing.push('one pain check-in is too few to tell whether pain is steady');
  // The guided session's own answers: "hard", or pain during rising, means not yet.
  if (evidence.hardSessions > 0)
    missing.push(
      `you said ${evidence.hardSessions === 1 ? 'a session' : `${evidence.hardSessions} sessions`} with it felt hard in the last ${R.painWindowDays} days`,
    );
  if (evidence.sessionPainRise !== null && evidence.sessionPainRise >= R.sessionPainRiseHold)
    missing.push(`your pain during a session with it rose by ${points(evidence.sessionPainRise)}`);
  if (missing.length) {
    return {
      ...base,
      dose: cur,
      change: 'hold',
      because: listInWords(missing),
      reason: `Keep ${doseText(cur)} this week: ${listInWords(missing)}.`,
    };
  }

  const why = `you did ${evidence.done} of ${sessionsWord(evidence.scheduled)} and your pain is low and steady (average ${fmt(evidence.meanPain ?? 0)} out of 10)`;
  const up = stepUp(e, cur);
  if (!up) {
    const text = e.harder ?? 'a harder version, with a clinician or coach';
    return {
      ...base,
      dose: cur,
      change: 'progress',
      variant: { direction: 'harder', text },
      because: why,
      reason: `Move to the harder version this week: ${why}, and ${doseText(cur)} is the top of the dose range. Harder version: ${text}`,
    };
  }
  const top =
    stepUp(e, up.dose) === null ? ' That is the top of the range; next comes the harder version.' : '';
  return {
    ...base,
    dose: up.dose,
    change: 'progress',
    because: why,
    reason: `${up.say} this week: ${why}.${top}`,
  };
}

const sessionsWord = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;
const points = (x: number) => `${fmt(x)} ${x === 1 ? 'point' : 'points'}`;

/** "a", "a and b", "a, b and c". */
function listInWords(parts: string[]): string {
  if (parts.length < 2) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Whether `done` of `scheduled` sessions meets the adherence threshold, in integers so 80% is exact.
 * @example meetsAdherence(8, 10) // true; meetsAdherence(79, 100) // false
 */
export function meetsAdherence(done: number, scheduled: number): boolean {
  return scheduled > 0 && done * 100 >= PROGRESSION_RULES.minAdherencePct * scheduled;
}

function gatherEvidence(
  e: Exercise,
  history: DoseHistory,
  nowMs: number,
  options: ProgressOptions,
): ProgressEvidence {
  const R = PROGRESSION_RULES;
  const within = (at: number, fromDays: number, toDays: number) =>
    at > nowMs - fromDays * DAY_MS && at <= nowMs - toDays * DAY_MS;
  const sincePlan = (at: number) => options.since === undefined || at >= options.since;

  // A session logging a routine (the warm-up) counts for the exercises in it.
  const ids = new Set([
    e.id,
    ...knowledge()
      .interventions.filter((i) => i.exercises.includes(e.id))
      .map((i) => i.id),
  ]);
  const doneDays = new Set(
    history.sessions
      .filter(
        (s) => within(s.at, R.adherenceWindowDays, 0) && sincePlan(s.at) && s.items.some((x) => ids.has(x)),
      )
      .map((s) => localDayNumber(s.at, options.utcOffsetMinutes ?? 0)),
  );
  const perWeek = options.scheduledPerWeek ?? e.dose.perWeek.min;
  const windowDays =
    options.since === undefined
      ? R.adherenceWindowDays
      : Math.max(0, Math.min(R.adherenceWindowDays, (nowMs - options.since) / DAY_MS));
  const scheduled = Math.max(0, options.scheduled ?? Math.round((perWeek * windowDays) / 7));
  // Extra sessions do not make up for a future shortfall, so done never exceeds scheduled.
  const done = Math.min(doneDays.size, scheduled);

  const byTime = (a: PainCheckin, b: PainCheckin) => a.at - b.at;
  const recent = history.checkins.filter((c) => within(c.at, R.painWindowDays, 0)).sort(byTime);
  const earlier = history.checkins.filter((c) => within(c.at, 2 * R.painWindowDays, R.painWindowDays));
  const mean = (cs: PainCheckin[]) => cs.reduce((sum, c) => sum + c.score, 0) / cs.length;
  let rise: number | null = null;
  if (recent.length && earlier.length) rise = round2(mean(recent) - mean(earlier));
  // Without a week before, the week's first check-in is the baseline.
  else if (recent.length >= 2) rise = (recent[recent.length - 1]?.score ?? 0) - (recent[0]?.score ?? 0);

  // Feedback from guided sessions with this exercise in the last week.
  const lastWeek = history.sessions
    .filter((s) => within(s.at, R.painWindowDays, 0) && sincePlan(s.at) && s.items.some((x) => ids.has(x)))
    .sort((a, b) => a.at - b.at);
  const hardSessions = lastWeek.filter((s) => s.feeling === 'hard').length;
  let sessionPainRise: number | null = null;
  for (const s of lastWeek) {
    if (s.painDuring === undefined) continue;
    const before = painBefore(history, s.at, nowMs);
    if (before === undefined) continue;
    const up = s.painDuring - before;
    if (sessionPainRise === null || up > sessionPainRise) sessionPainRise = up;
  }

  return {
    scheduled,
    done,
    adherencePct: scheduled > 0 ? Math.round((done / scheduled) * 1000) / 10 : null,
    meanPain: recent.length ? round2(mean(recent)) : null,
    maxPain: recent.length ? Math.max(...recent.map((c) => c.score)) : null,
    rise,
    hardSessions,
    sessionPainRise,
  };
}

/**
 * The pain a session's "pain during" is compared with: the latest earlier session's rating (any
 * exercise) within two weeks, else the latest check-in within the week before it.
 */
function painBefore(history: DoseHistory, at: number, nowMs: number): number | undefined {
  const R = PROGRESSION_RULES;
  const from = Math.min(at, nowMs) - R.adherenceWindowDays * DAY_MS;
  const session = history.sessions
    .filter((s) => s.painDuring !== undefined && s.at < at && s.at > from)
    .sort((a, b) => b.at - a.at)[0];
  if (session?.painDuring !== undefined) return session.painDuring;
  const checkin = history.checkins
    .filter((c) => c.at < at && c.at > at - R.painWindowDays * DAY_MS)
    .sort((a, b) => b.at - a.at)[0];
  return checkin?.score;
}

/** Rounded to hundredths, so a mean difference of 1.9 is not 1.8999999999999997 at the boundary. */
const round2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1).replace(/\.0$/, ''));

type Step = { dose: CurrentDose; say: string; variant?: DoseDecision['variant'] };

/**
 * One step up: from the easier variant to the exercise itself, then reps toward the range's top, then
 * a set (reps back to the bottom), then hold time, then breaths.
 */
function stepUp(e: Exercise, cur: CurrentDose): Step | null {
  const R = PROGRESSION_RULES;
  const d = e.dose;
  if (cur.easier) {
    const { easier: _easier, ...dose } = cur;
    return { dose, say: `Move from the easier version to the full exercise at ${doseText(dose)}` };
  }
  const to = (dose: CurrentDose): Step => ({ dose, say: `Move up to ${doseText(dose)}` });
  if (d.reps && cur.reps !== undefined && cur.reps < d.reps.max) {
    return to({ ...cur, reps: Math.min(d.reps.max, cur.reps + R.repsStep) });
  }
  const setCap = d.sets === undefined ? 0 : Math.min(R.maxSets, d.sets + R.extraSets);
  if (d.reps && d.reps.min < d.reps.max && cur.sets !== undefined && cur.sets < setCap) {
    // Back to the bottom of the rep range with the new set, so the volume rises by a set of the easiest reps.
    return to({ ...cur, sets: cur.sets + 1, reps: d.reps.min });
  }
  if (d.holdS && cur.holdS !== undefined && cur.holdS < d.holdS.max) {
    return to({ ...cur, holdS: Math.min(d.holdS.max, cur.holdS + R.holdStepS) });
  }
  if (d.breaths && cur.breaths !== undefined && cur.breaths < d.breaths.max) {
    return to({ ...cur, breaths: Math.min(d.breaths.max, cur.breaths + R.breathsStep) });
  }
  return null;
}

/**
 * One step back toward the bottom of the range: reps, then sets, then hold, then breaths. A flare goes
 * straight back to the starting dose. At the bottom already, the easier variant.
 */
function stepDown(e: Exercise, cur: CurrentDose, flare: boolean): Step {
  const R = PROGRESSION_RULES;
  const d = e.dose;
  const start: CurrentDose = cur.easier ? { ...startDose(d), easier: true } : startDose(d);
  const easier = (): Step => {
    if (!e.easier || cur.easier) {
      const text = e.easier ?? 'rest from it for now, and ask a clinician if pain keeps rising';
      const say = e.easier ? `Keep to the easier version at ${doseText(cur)}` : 'Rest from it';
      return { dose: cur, say, variant: { direction: 'easier', text } };
    }
    const dose = { ...cur, easier: true };
    return {
      dose,
      say: `Switch to the easier version at ${doseText(cur)}`,
      variant: { direction: 'easier', text: e.easier },
    };
  };
  if (flare) {
    return sameDose(start, cur)
      ? easier()
      : { dose: start, say: `Go back to the starting dose, ${doseText(start)}` };
  }
  const to = (dose: CurrentDose): Step => ({ dose, say: `Ease back to ${doseText(dose)}` });
  if (d.reps && cur.reps !== undefined && cur.reps > d.reps.min) {
    return to({ ...cur, reps: Math.max(d.reps.min, cur.reps - R.repsStep) });
  }
  if (d.sets !== undefined && cur.sets !== undefined && cur.sets > d.sets) {
    return to({ ...cur, sets: Math.max(d.sets, cur.sets - 1) });
  }
  if (d.holdS && cur.holdS !== undefined && cur.holdS > d.holdS.min) {
    return to({ ...cur, holdS: Math.max(d.holdS.min, cur.holdS - R.holdStepS) });
  }
  if (d.breaths && cur.breaths !== undefined && cur.breaths > d.breaths.min) {
    return to({ ...cur, breaths: Math.max(d.breaths.min, cur.breaths - R.breathsStep) });
  }
  return easier();
}

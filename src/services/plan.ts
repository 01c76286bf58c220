/**
 * The latest plan as this week's schedule, with doses progressed week by week since the plan began
 * (from adherence and pain), weekly adherence, and the clinician report's input assembled from the diary.
 * Shared by the command line and the HTTP API; the week's text is styled by the caller (colours on a
 * terminal, plain elsewhere).
 */
import { type DueCheckBack, pendingCheckBack } from '../check-back/index.js';
import { index } from '../knowledge/index.js';
import { loadSummary } from '../load/index.js';
import type { Units } from '../metrics/index.js';
import type { ReportInput } from '../report/index.js';
import {
  adherence,
  buildSchedule,
  type CurrentDose,
  type DoseDecision,
  progressDose,
  type Schedule,
  startDose,
} from '../schedule/index.js';
import type { AdherenceWeek, DiaryData } from './insights.js';

const DAY = 86_400_000;
/** Replay at most this many weeks of progression. */
const MAX_WEEKS = 26;

const mondayOf = (ms: number) => {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
};

/** How the week's text is emphasised: picocolors on a terminal, nothing in a JSON API. */
export type TextStyle = { bold: (s: string) => string; dim: (s: string) => string };

/** Plain text: no escape codes. */
export const plainStyle: TextStyle = { bold: (s) => s, dim: (s) => s };

/** This week's schedule, the dose decisions behind it, and the same as text for people. */
export type PlanWeek = {
  schedule: Schedule;
  decisions: { id: string; name: string; change: DoseDecision['change']; reason: string; dose: string }[];
  text: string;
  /** The self-care result's check-back while it is unanswered, for the calendar file and the reminder. */
  checkBack?: DueCheckBack;
};

/** Doses now: start at the bottom of each source range and apply one decision per week since the plan began. */
function currentDoses(data: DiaryData, exerciseIds: string[], now: number) {
  const start = data.latest?.createdAt ?? now;
  const doses: Record<string, CurrentDose> = {};
  const last: Record<string, DoseDecision> = {};
  const history = { sessions: data.sessions, checkins: data.checkins };
  for (const id of exerciseIds) {
    const e = index('exercises').get(id);
    if (!e) continue;
    let dose = startDose(e.dose);
    const weeks = Math.min(MAX_WEEKS, Math.floor((now - start) / (7 * DAY)));
    for (let w = 1; w <= weeks; w++) {
      const decision = progressDose(id, dose, history, start + w * 7 * DAY);
      dose = decision.dose;
      last[id] = decision;
    }
    if (weeks === 0) last[id] = progressDose(id, dose, history, now);
    doses[id] = dose;
  }
  return { doses, last };
}

/**
 * The week of `nowDate` from the latest saved plan, doses progressed to date.
 * @throws Error when there is no saved assessment (callers check `data.latest` first).
 */
export async function planWeek(
  data: DiaryData,
  nowDate: Date,
  pc: TextStyle = plainStyle,
): Promise<PlanWeek> {
  const now = nowDate.getTime();
  const plan = data.latest?.result.plan;
  if (!plan) throw new Error('no plan');
  const exerciseIds = plan.sections.flatMap((s) =>
    s.items.filter((i) => i.type === 'exercise').map((i) => i.id),
  );
  const { doses, last } = currentDoses(data, exerciseIds, now);
  const schedule = buildSchedule(plan, {
    weekStart: mondayOf(now),
    runs: data.runs,
    ...(data.latest?.answers.running?.runsPerWeek !== undefined
      ? { runsPerWeek: Math.min(3, data.latest.answers.running.runsPerWeek) }
      : {}),
    doses,
  });
  const decisions = Object.entries(last).map(([id, d]) => ({
    id,
    name: index('exercises').get(id)?.name ?? id,
    change: d.change,
    reason: d.reason,
    dose: Object.entries(d.dose)
      .filter(([k]) => k !== 'perSide')
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  }));
  const out: string[] = [pc.bold(`Your week from ${schedule.weekStart}`)];
  if (schedule.mode === 'safety-only')
    out.push('  Nothing is scheduled: your last check-in needs prompt care first.');
  for (const d of schedule.days) {
    const groups = d.groups.map(
      (g) => `${g.slot}: ${g.items.map((i) => `${i.name}${i.doseText ? ` ${i.doseText}` : ''}`).join(', ')}`,
    );
    out.push(`  ${pc.bold(d.day)} ${d.focus.padEnd(9)} ${groups.join('; ') || pc.dim('rest')}`);
  }
  if (decisions.length) {
    out.push('', pc.bold('Progression'));
    for (const d of decisions) out.push(`  ${d.name}: ${d.change} — ${d.reason}`);
  }
  for (const n of schedule.notes) out.push(pc.dim(`* ${n}`));
  const checkBack = data.checkBack && pendingCheckBack(data.checkBack, nowDate);
  const week: PlanWeek = { schedule, decisions, text: `${out.join('\n')}\n` };
  return checkBack ? { ...week, checkBack } : week;
}

/** The clinician report's input: history, triage, factors, plan, outcomes, adherence and load. */
export async function reportInput(
  data: DiaryData,
  now: Date,
  units: Units,
  progress: {
    nprs: { message: string; baseline?: { mean: number }; current?: { mean: number } };
    psfs?: { message: string; baseline?: number; current?: number };
  },
): Promise<ReportInput> {
  const load = data.runs.length
    ? loadSummary(
        data.runs.map((r) => ({
          id: r.id,
          startTime: r.startTime,
          distanceM: r.distanceM,
          elapsedS: r.elapsedS ?? 0,
        })),
        { to: now.toISOString().slice(0, 10) },
      )
    : undefined;
  const input: ReportInput = {
    generatedAt: now,
    weeklyDistance: (load?.weeks ?? [])
      .slice(-12)
      .map((w) => ({ weekStart: w.weekStart, distanceM: w.distanceM })),
    pain: data.checkins.map((c) => ({ at: c.at, score: c.score, timing: c.timing, regions: c.regions })),
    outcomes: [],
    adherence: [],
    loadFlags: (load?.flags ?? [])
      .slice(-10)
      .map((f) => ({ date: f.date, message: f.message, source: f.source })),
    units,
  };
  const about = data.latest?.answers.about;
  if (about)
    input.runner = {
      ...(about.age !== undefined ? { age: about.age } : {}),
      ...(about.sex ? { sex: about.sex } : {}),
    };
  if (data.latest) input.assessment = data.latest.result;
  if (data.previousLevel) input.previousLevel = data.previousLevel;
  const nprs = progress.nprs;
  input.outcomes.push({
    measure: 'Numeric pain rating (0–10)',
    sentence: nprs.message,
    ...(nprs.baseline ? { baseline: Math.round(nprs.baseline.mean * 10) / 10 } : {}),
    ...(nprs.current ? { current: Math.round(nprs.current.mean * 10) / 10 } : {}),
    mcid: 2,
  });
  if (progress.psfs) {
    input.outcomes.push({
      measure: 'Patient-Specific Functional Scale',
      sentence: progress.psfs.message,
      ...(progress.psfs.baseline !== undefined
        ? { baseline: Math.round(progress.psfs.baseline * 10) / 10 }
        : {}),
      ...(progress.psfs.current !== undefined
        ? { current: Math.round(progress.psfs.current * 10) / 10 }
        : {}),
      mcid: 2,
    });
  }
  input.adherence = await weeklyAdherence(data, now);
  return input;
}

/** Scheduled vs done per week since the latest plan began (up to 12 weeks). */
export async function weeklyAdherence(data: DiaryData, now: Date): Promise<AdherenceWeek[]> {
  if (!data.latest || data.latest.result.plan.mode === 'safety-only') return [];
  const week = await planWeek(data, now);
  const from = mondayOf(data.latest.createdAt);
  const weeks = Math.max(1, Math.min(12, Math.floor((now.getTime() - Date.parse(from)) / (7 * DAY)) + 1));
  return adherence(week.schedule, data.sessions, from, { weeks }).map((w) => ({
    weekStart: w.weekStart,
    scheduled: w.scheduled,
    done: w.done,
  }));
}

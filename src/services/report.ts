/**
 * The clinician report over one period, for the CLI and the HTTP API. `reportInput` (services/plan.ts)
 * assembles the assessment, the plan and the outcome measures; here the charts, the load flags, the pain
 * check-ins and the adherence are cut to one window (it ends today unless the runner chose an earlier
 * end; by default the last {@link REPORT_WEEKS} weeks), and the first page's summary gets the triage
 * history, the red flags answered yes and the plan as done.
 */
import { type Answers, RedFlags } from '../answers/schema.js';
import type { Units } from '../metrics/index.js';
import type { ReportInput } from '../report/index.js';
import type { DayRange, DiaryData } from './insights.js';

/** The weeks a report covers when no start is given: about three months, what a clinician asks about. */
export const REPORT_WEEKS = 12;

export type ReportOptions = {
  /** The period; default the {@link REPORT_WEEKS} weeks that end today. */
  range?: DayRange;
  /** Every plan item with its full instructions and cautions (several pages); default a one-line table. */
  exerciseCards?: boolean;
};

const DAY_MS = 86_400_000;

/**
 * The report's input over one period.
 * @throws BackstrideError (bad-input) for a start after the end or after today.
 */
export async function reportFor(
  data: DiaryData,
  now: Date,
  units: Units,
  options: ReportOptions = {},
): Promise<ReportInput> {
  const { reportInput } = await import('./plan.js');
  const { progressOf, windowOf } = await import('./insights.js');
  const { loadSummary, localDay } = await import('../load/index.js');
  const window = await windowOf(data, now, options.range, REPORT_WEEKS);
  const input = await reportInput(data, now, units, await progressOf(data, now.getTime()));
  const inPeriod = (at: number) => {
    const day = localDay(at);
    return day >= window.from && day <= window.to;
  };

  const load = loadSummary(
    data.runs.map((r) => ({
      id: r.id,
      startTime: r.startTime,
      distanceM: r.distanceM,
      elapsedS: r.elapsedS ?? 0,
      ...(r.movingS !== null ? { movingS: r.movingS } : {}),
    })),
    { from: window.from, to: window.to },
  );
  const check = (data.formChecks ?? [])
    .filter((c) => c.running && c.quality.refusals.length === 0 && c.checkedAt <= now.getTime())
    .at(-1);
  if (check) {
    const frame = check.keyFrames[0];
    input.formCheck = {
      at: check.checkedAt,
      view: check.view,
      cadenceSpm: check.cadenceSpm,
      measures: check.measures.map((m) => ({ label: m.label, value: m.value, unit: m.unit })),
      findings: check.findings.map((f) => ({ summary: f.summary, source: f.threshold.source })),
      ...(frame ? { keyFrame: { mime: frame.mime, data: frame.data } } : {}),
    };
  }
  input.weeklyDistance = load.weeks.map((w) => ({ weekStart: w.weekStart, distanceM: w.distanceM }));
  input.loadFlags = load.flags.map((f) => ({ id: f.id, date: f.date, message: f.message, source: f.source }));
  input.pain = data.checkins
    .filter((c) => inPeriod(c.at))
    .map((c) => ({ at: c.at, score: c.score, timing: c.timing, regions: c.regions }));
  const weekEnd = (monday: string) => new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS);
  input.adherence = input.adherence.filter(
    (w) => w.weekStart <= window.to && weekEnd(w.weekStart).toISOString().slice(0, 10) >= window.from,
  );
  input.period = {
    from: window.from,
    to: window.to,
    today: window.today,
    runs: load.totals.runs,
    distanceM: load.totals.distanceM,
    ...(window.newestRun ? { newestRun: window.newestRun } : {}),
    ...(window.notice ? { notice: window.notice } : {}),
    ...(window.offered ? { offered: window.offered } : {}),
  };
  input.triageHistory = data.assessments.map((a) => ({
    at: a.createdAt,
    level: a.level,
    ...(a.checkBackAnswer ? { checkBackAnswer: a.checkBackAnswer } : {}),
  }));
  if (data.latest) input.redFlagsYes = redFlagsAnsweredYes(data.latest.answers);
  input.planDone = await planDone(data, input, inPeriod);
  input.exerciseCards = options.exerciseCards === true;
  return input;
}

/**
 * The red-flag questions answered with anything but "no", in their own words (a time or a kind of
 * accident added in words). Every one is there whether or not it changed the level.
 */
export function redFlagsAnsweredYes(answers: Answers): string[] {
  const given = (answers.redFlags ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const [id, schema] of Object.entries(RedFlags.shape)) {
    const v = given[id];
    const no =
      v === undefined ||
      v === false ||
      v === null ||
      v === 'none' ||
      v === 'no' ||
      (Array.isArray(v) && v.length === 0);
    if (no) continue;
    const text = (schema.description ?? id).replace(/\.$/, '');
    const detail =
      typeof v === 'string'
        ? v.replace(/-/g, ' ')
        : Array.isArray(v)
          ? v.map((x) => String(x).replace(/-/g, ' ')).join(', ')
          : '';
    out.push(detail ? `${text}: ${detail}` : text);
  }
  return out;
}

/** Sessions scheduled and done in the period, and what was done most, by name. */
async function planDone(
  data: DiaryData,
  input: ReportInput,
  inPeriod: (at: number) => boolean,
): Promise<NonNullable<ReportInput['planDone']>> {
  const { index } = await import('../knowledge/index.js');
  const exercises = index('exercises');
  const interventions = index('interventions');
  const times = new Map<string, number>();
  let sessions = 0;
  for (const s of data.sessions) {
    if (!inPeriod(s.at)) continue;
    sessions++;
    for (const id of new Set(s.items)) {
      const name = exercises.get(id)?.name ?? interventions.get(id)?.title;
      // An item no longer in the library has no name to show; it still counts as a session.
      if (name) times.set(name, (times.get(name) ?? 0) + 1);
    }
  }
  const scheduled = input.adherence.reduce((n, w) => n + (Number.isFinite(w.scheduled) ? w.scheduled : 0), 0);
  const done = input.adherence.reduce((n, w) => n + (Number.isFinite(w.done) ? w.done : 0), 0);
  return {
    scheduled,
    done,
    sessions,
    ...(data.latest ? { planStarted: new Date(data.latest.createdAt).toISOString().slice(0, 10) } : {}),
    items: [...times.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, n]) => ({ name, times: n })),
  };
}

/**
 * `insights` (personal triggers), `progress` (outcome measures against their minimal important change),
 * `plan` (the week and its calendar file) and `report` (the clinician report), over the stored diary.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { Answers } from '../answers/index.js';
import type { Assessment } from '../assess/index.js';
import type { DiaryRun, ExerciseSession, PainCheckin, PsfsRating } from '../diary/types.js';
import { badInput, usage } from '../errors.js';
import type { Store } from '../store/index.js';
import { type StoreOptions, units, withStore } from './runs.js';

const DAY = 86_400_000;

export type DiaryData = {
  runs: DiaryRun[];
  runSummaries: Awaited<ReturnType<typeof import('../store/runs.js').listRuns>>;
  checkins: PainCheckin[];
  sessions: ExerciseSession[];
  psfs: PsfsRating[];
  latest?: { createdAt: number; answers: Answers; result: Assessment; level: string };
  previousLevel?: string;
};

/** Everything the analytics read, in one pass over the store. */
export async function loadDiary(store: Store): Promise<DiaryData> {
  const { listRuns } = await import('../store/runs.js');
  const diary = await import('../store/diary.js');
  const runSummaries = await listRuns(store.db);
  const assessments = await diary.listAssessments(store.db);
  const last = assessments.at(-1);
  const data: DiaryData = {
    runSummaries,
    runs: runSummaries.map((r) => ({
      id: r.id,
      startTime: r.start_time,
      distanceM: r.distance_m,
      elapsedS: r.elapsed_s,
      movingS: r.moving_s,
      elevationGainM: r.elevation_gain_m,
      paceSPerKm: r.pace_s_per_km,
      cadenceChangeSpm: r.cadence_change_spm,
      decouplingPct: r.decoupling_pct,
    })),
    checkins: await diary.listPainCheckins(store.db),
    sessions: await diary.listExerciseSessions(store.db),
    psfs: await diary.listPsfsRatings(store.db),
  };
  if (last) {
    data.latest = {
      createdAt: last.createdAt,
      answers: last.answers as Answers,
      result: last.result as Assessment,
      level: last.level,
    };
  }
  const previous = assessments.at(-2);
  if (previous) data.previousLevel = previous.level;
  return data;
}

/** Plan items that count as a warm-up: the before-run routines and the exercises they are made of. */
async function warmUpIds(): Promise<string[]> {
  const { knowledge } = await import('../knowledge/index.js');
  const routines = knowledge().interventions.filter((i) => i.kind === 'before-run');
  return [...routines.map((r) => r.id), ...routines.flatMap((r) => r.exercises)];
}

async function progressOf(data: DiaryData, now: number) {
  const { advice, nprsProgress, psfsProgress } = await import('../progress/index.js');
  const nprs = nprsProgress(data.checkins, { now });
  const psfs = data.psfs.length ? psfsProgress(data.psfs, { now }) : undefined;
  const days = data.latest?.answers.pain?.daysSinceStart;
  const episodeStartedAt = data.latest && days !== undefined ? data.latest.createdAt - days * DAY : undefined;
  const adv = advice(nprs, psfs, { now, ...(episodeStartedAt !== undefined ? { episodeStartedAt } : {}) });
  return { nprs, psfs, advice: adv };
}

const spark = (values: number[], max = 10) =>
  values.map((v) => '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.round((v / max) * 7)))]).join('');

export function registerInsightCommands(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('insights'))
    .description(
      'Personal triggers: which run features go with pain afterwards (associations, with uncertainty)',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions;
      const { findTriggers } = await import('../insights/index.js');
      const data = await withStore(o, loadDiary);
      const report = findTriggers(
        {
          runs: data.runs,
          checkins: data.checkins,
          sessions: data.sessions,
          warmUpItemIds: await warmUpIds(),
        },
        {},
      );
      if (o.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const out = [pc.bold('Personal triggers'), report.summary, ''];
      for (const f of report.findings) {
        const tag = f.verdict === 'linked' ? pc.yellow('linked') : pc.dim(f.verdict);
        out.push(`  ${tag.padEnd(20)} ${f.message}`);
      }
      out.push('', ...report.caveats.map((c) => pc.dim(`* ${c}`)));
      process.stdout.write(`${out.join('\n')}\n`);
    });

  storeOptions(program.command('progress'))
    .description('Pain (0–10) and PSFS over time, judged against their minimal important change')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions;
      const data = await withStore(o, loadDiary);
      const p = await progressOf(data, Date.now());
      const { weeklyAdherence } = await import('./plan-week.js');
      const adherence = await weeklyAdherence(data, new Date());
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ...p, adherence }, null, 2)}\n`);
        return;
      }
      const out = [pc.bold('Pain (numeric rating)'), `  ${p.nprs.message}`];
      if (p.nprs.weekly.length) {
        out.push(
          `  weekly ${spark(p.nprs.weekly.map((w) => w.mean))}  (${p.nprs.weekly.length} weeks, 0–10)`,
        );
      }
      if (p.psfs) out.push('', pc.bold('Patient-Specific Functional Scale'), `  ${p.psfs.message}`);
      if (adherence.length) {
        out.push('', pc.bold('Plan adherence'));
        for (const w of adherence) {
          const pct = w.scheduled ? Math.round((w.done / w.scheduled) * 100) : 0;
          out.push(
            `  ${w.weekStart}  ${'█'.repeat(Math.round(pct / 10)).padEnd(10, '·')} ${w.done}/${w.scheduled} (${pct}%)`,
          );
        }
      }
      out.push(
        '',
        p.advice.seeClinician
          ? pc.bold(pc.yellow(`Advice: ${p.advice.status}`))
          : pc.bold(`Advice: ${p.advice.status}`),
        ...p.advice.reasons.map((r) => `  - ${r}`),
      );
      process.stdout.write(`${out.join('\n')}\n`);
    });

  storeOptions(program.command('plan'))
    .description('Your plan as a week around your run days, with progression; --ics writes a calendar file')
    .option('--ics <file>', 'write an iCalendar (.ics) file that calendar apps import')
    .option('--weeks <n>', 'weeks the calendar repeats for', '6')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { ics?: string; weeks: string };
      const weeks = Number(o.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
        throw badInput(`--weeks must be a whole number from 1 to 52, not "${o.weeks}"`, 'weeks');
      }
      const data = await withStore(o, loadDiary);
      if (!data.latest)
        throw usage('no assessment yet: run `backstride assess` first, then `backstride plan`');
      const { planWeek } = await import('./plan-week.js');
      const week = await planWeek(data, new Date());
      if (o.ics) {
        const { toIcs } = await import('../schedule/index.js');
        writeFileSync(
          o.ics,
          toIcs(week.schedule, { weeks, now: new Date(), calendarName: 'Backstride plan' }),
        );
        process.stderr.write(`Calendar written to ${o.ics} (${weeks} weeks)\n`);
      }
      process.stdout.write(o.json ? `${JSON.stringify(week, null, 2)}\n` : week.text);
    });

  storeOptions(program.command('report'))
    .description('The clinician report: HTML, or PDF (rendered with Chromium)')
    .option('-f, --format <format>', 'html or pdf', 'html')
    .requiredOption('-o, --out <file>', 'where to write it')
    .option('--units <units>', 'km or mi (default: $BACKSTRIDE_UNITS or km)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { format: string; out: string };
      if (o.format !== 'html' && o.format !== 'pdf')
        throw badInput(`--format must be html or pdf, not "${o.format}"`, 'format');
      const u = units(o);
      const data = await withStore(o, loadDiary);
      const { reportInput } = await import('./plan-week.js');
      const input = await reportInput(data, new Date(), u, await progressOf(data, Date.now()));
      const { renderReportHtml } = await import('../report/index.js');
      const html = renderReportHtml(input);
      if (o.format === 'html') writeFileSync(o.out, html);
      else {
        const { renderReportPdf } = await import('../report/pdf.js');
        writeFileSync(o.out, await renderReportPdf(html));
      }
      process.stdout.write(
        o.json ? `${JSON.stringify({ written: o.out, format: o.format })}\n` : `Report written to ${o.out}\n`,
      );
    });
}

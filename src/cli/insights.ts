/**
 * `insights` (personal triggers), `progress` (outcome measures against their minimal important change)
 * and `report` (the clinician report), over the stored diary; `plan` is in plan.ts.
 * The work is in services/; this file parses flags and renders for the terminal.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { badInput } from '../errors.js';
import { type DayRange, insightsFor, loadDiary, progressOf } from '../services/insights.js';
import { parseDateFlag, units } from '../services/runs.js';
import { writePrivateFile } from './data-dir.js';
import { type StoreOptions, withStore } from './runs.js';

/** `--from` and `--to` as days: validated like every date flag, `--to` naming its whole day. */
export function dayRange(o: { from?: string; to?: string }): DayRange {
  const from = parseDateFlag(o.from, 'from');
  const to = parseDateFlag(o.to, 'to', true);
  return {
    ...(from !== undefined ? { from: new Date(from).toISOString().slice(0, 10) } : {}),
    ...(to !== undefined ? { to: new Date(to).toISOString().slice(0, 10) } : {}),
  };
}

const spark = (values: number[], max = 10) =>
  values.map((v) => '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.round((v / max) * 7)))]).join('');

/** Registers `insights`, `progress` and `report`. */
export function registerInsightCommands(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('insights'))
    .description(
      'Personal triggers: which run features go with pain afterwards (associations, with uncertainty)',
    )
    .option('--from <date>', 'from this date (YYYY-MM-DD; default 52 weeks before --to)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD; default today)')
    .option('--units <units>', 'km or mi (default: $BACKSTRIDE_UNITS or km)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { from?: string; to?: string; units?: string };
      const range = dayRange(o);
      const u = units(o);
      const data = await withStore(o, loadDiary);
      const report = await insightsFor(data, new Date(), range, u);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const { windowLines } = await import('./window-text.js');
      const out = [...windowLines('Personal triggers', report.window, 'insights'), report.summary];
      const judged = report.findings.filter((f) => f.verdict !== 'not enough data yet');
      if (judged.length) out.push('');
      for (const f of judged) {
        const tag = f.verdict === 'linked' ? pc.yellow('linked') : pc.dim(f.verdict);
        out.push(`  ${tag.padEnd(20)} ${f.message}`);
      }
      if (report.notEnoughData) out.push('', report.notEnoughData.message);
      out.push('', pc.bold('How this is worked out'), ...report.caveats.map((c) => pc.dim(`* ${c}`)));
      process.stdout.write(`${out.join('\n')}\n`);
    });

  storeOptions(program.command('progress'))
    .description('Pain (0–10) and PSFS over time, judged against their minimal important change')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions;
      const data = await withStore(o, loadDiary);
      const p = await progressOf(data, Date.now());
      const { weeklyAdherence } = await import('../services/plan.js');
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
          // Counted from the day the plan began: a week with nothing due yet has no share to show.
          if (!w.scheduled) {
            out.push(`  ${w.weekStart}  ${'·'.repeat(10)} nothing due yet`);
            continue;
          }
          const pct = Math.round((w.done / w.scheduled) * 100);
          out.push(
            `  ${w.weekStart}  ${'█'.repeat(Math.round(pct / 10)).padEnd(10, '·')} ${w.done} of ${w.scheduled} exercise-days done (${pct}%)`,
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

  storeOptions(program.command('report'))
    .description('The clinician report: HTML, or PDF (rendered with Chromium)')
    .option('-f, --format <format>', 'html or pdf', 'html')
    .requiredOption('-o, --out <file>', 'where to write it')
    .option('--units <units>', 'km or mi (default: $BACKSTRIDE_UNITS or km)')
    .option('--from <date>', 'from this date (YYYY-MM-DD; default 12 weeks before --to)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD; default today)')
    .option('--exercises', 'add every exercise card with its instructions (several more pages)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & {
        format: string;
        out: string;
        from?: string;
        to?: string;
        exercises?: boolean;
      };
      if (o.format !== 'html' && o.format !== 'pdf')
        throw badInput(`--format must be html or pdf, not "${o.format}"`, 'format');
      const u = units(o);
      const range = dayRange(o);
      const data = await withStore(o, loadDiary);
      const { reportFor } = await import('../services/report.js');
      const input = await reportFor(data, new Date(), u, { range, exerciseCards: o.exercises === true });
      const { renderReportHtml } = await import('../report/index.js');
      const html = renderReportHtml(input);
      if (o.format === 'html') writePrivateFile(o.out, html);
      else {
        const { renderReportPdf } = await import('../report/pdf.js');
        writePrivateFile(o.out, await renderReportPdf(html));
      }
      process.stdout.write(
        o.json ? `${JSON.stringify({ written: o.out, format: o.format })}\n` : `Report written to ${o.out}\n`,
      );
    });
}

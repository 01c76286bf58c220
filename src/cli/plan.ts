/**
 * `plan`: the week of the latest plan (and its calendar file with --ics), and the runner's changes to
 * it: `plan swap`, `plan drop`, `plan restore`, by exercise name. The work is in services/plan.ts.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { badInput, usage } from '../errors.js';
import {
  DEFAULT_REMIND_MIN,
  isClockTime,
  MAX_REMIND_MIN,
  type Reminder,
  readReminder,
} from '../schedule/reminder.js';
import { loadDiary } from '../services/insights.js';
import type { PlanChangeRequest } from '../services/plan.js';
import { writePrivateFile } from './data-dir.js';
import { type StoreOptions, withStore } from './runs.js';

const NO_ASSESSMENT = 'no assessment yet: run `backstride assess` first, then `backstride plan`';

/** "at 07:00, reminders 30 minutes before": what the calendar's times and reminders are, in words. */
function reminderWords(remind: Reminder, time: string | undefined): string {
  const when = time ? `at ${time}` : 'all-day';
  if (remind === 'off') return `${when}, no reminders`;
  if (!time) return `${when}, reminders at 9:00`;
  return `${when}, reminders ${remind === 0 ? 'at the start' : `${remind} minutes before`}`;
}

/** Registers `plan` and its subcommands. */
export function registerPlanCommands(program: Command, storeOptions: (c: Command) => Command): void {
  const plan = storeOptions(program.command('plan'))
    .description('Your plan as a week around your run days, with progression; --ics writes a calendar file')
    .option('--ics <file>', 'write an iCalendar (.ics) file that calendar apps import')
    .option('--weeks <n>', 'weeks the calendar repeats for', '6')
    .option('--time <HH:MM>', 'your session time for the calendar (default: all-day events)')
    .option(
      '--remind <minutes|off>',
      'calendar reminder, minutes before the session time (0 = at it, off = none; all-day: 9:00)',
      String(DEFAULT_REMIND_MIN),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  backstride plan\n  backstride plan --ics plan.ics --weeks 8\n  backstride plan --ics plan.ics --time 07:00 --remind 15\n  backstride plan swap "Lat pull-down" "Band pull-apart"\n  backstride plan drop Plank\n  backstride plan restore',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & {
        ics?: string;
        weeks: string;
        time?: string;
        remind: string;
      };
      const weeks = Number(o.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
        throw badInput(`--weeks must be a whole number from 1 to 52, not "${o.weeks}"`, 'weeks');
      }
      if (o.time !== undefined && !isClockTime(o.time)) {
        throw badInput(`--time must be a 24-hour time as HH:MM, such as 07:00, not "${o.time}"`, 'time');
      }
      const remind = readReminder(o.remind);
      if (remind === undefined) {
        throw badInput(
          `--remind must be minutes before the session from 0 to ${MAX_REMIND_MIN}, or off, not "${o.remind}"`,
          'remind',
        );
      }
      const data = await withStore(o, loadDiary);
      if (!data.latest) throw usage(NO_ASSESSMENT);
      const { planWeek } = await import('../services/plan.js');
      const now = new Date();
      const week = await planWeek(data, now, pc);
      if (o.ics) {
        const { toIcs } = await import('../schedule/index.js');
        writePrivateFile(
          o.ics,
          toIcs(week.schedule, {
            weeks,
            now,
            calendarName: 'Backstride plan',
            remind,
            ...(o.time ? { time: o.time } : {}),
            ...(week.checkBack ? { checkBack: week.checkBack } : {}),
          }),
        );
        process.stderr.write(
          `Calendar written to ${o.ics} (${weeks} weeks, ${reminderWords(remind, o.time)}${week.checkBack ? ', with your check-back' : ''})\n`,
        );
      }
      if (o.json) process.stdout.write(`${JSON.stringify(week, null, 2)}\n`);
      else {
        const { checkBackLine } = await import('./check-back.js');
        process.stdout.write(
          week.checkBack ? `${week.text}\n${checkBackLine(week.checkBack, now)}\n` : week.text,
        );
      }
    });

  /** Apply a change, then print what the plan holds now (or the change as JSON). */
  const change = async (cmd: Command, request: PlanChangeRequest) => {
    const o = cmd.optsWithGlobals() as StoreOptions;
    const { changePlan, planWeek } = await import('../services/plan.js');
    const week = await withStore(o, async (store) => {
      const before = await loadDiary(store);
      if (!before.latest) throw usage(NO_ASSESSMENT);
      await changePlan(store, before, request);
      return planWeek(await loadDiary(store), new Date(), pc);
    });
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ changes: week.changes, swaps: week.swaps }, null, 2)}\n`);
      return;
    }
    const lines = week.changes.length
      ? week.changes.map((c) => `  ${c.text}`)
      : ['  Your plan is as it was built.'];
    process.stdout.write(`${pc.bold('Your changes')}\n${lines.join('\n')}\n`);
  };

  storeOptions(plan.command('swap'))
    .description('Do another exercise for the same factors instead of one in your plan')
    .argument('<exercise>', 'the exercise in your plan, by name (e.g. "Lat pull-down")')
    .argument('<replacement>', 'the exercise to do instead, by name')
    .action((exercise: string, replacement: string, _o: unknown, cmd: Command) =>
      change(cmd, { action: 'swap', exercise, replacement }),
    );
  storeOptions(plan.command('drop'))
    .description('Leave an exercise out of your plan')
    .argument('<exercise>', 'the exercise in your plan, by name')
    .action((exercise: string, _o: unknown, cmd: Command) => change(cmd, { action: 'drop', exercise }));
  storeOptions(plan.command('restore'))
    .description('Undo your swaps and drops: all of them, or the one of an exercise')
    .argument('[exercise]', 'the exercise you swapped or dropped, by name')
    .action((exercise: string | undefined, _o: unknown, cmd: Command) =>
      change(cmd, exercise === undefined ? { action: 'restore' } : { action: 'restore', exercise }),
    );
  storeOptions(plan.command('options'))
    .description('What an exercise of your plan may be swapped for')
    .argument('<exercise>', 'the exercise in your plan, by name')
    .action(async (exercise: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions;
      const { planWeek, swapChoices } = await import('../services/plan.js');
      const data = await withStore(o, loadDiary);
      if (!data.latest) throw usage(NO_ASSESSMENT);
      const week = await planWeek(data, new Date());
      const { name, options } = swapChoices(week, exercise);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ exercise: name, options }, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        options.length
          ? `${pc.bold(`${name} may be swapped for`)}\n${options.map((x) => `  ${x.name}`).join('\n')}\n`
          : `${name} has no other exercise for the same factors that your equipment allows.\n`,
      );
    });
}

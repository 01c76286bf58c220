/**
 * `backstride session`: today's (or a given day's) exercises from the plan, walked one at a time in the
 * terminal (src/cli/session-player.ts), then how it felt and the pain during, logged as one exercise
 * session with only what was done. Scripts log with `backstride log exercise` instead.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import pc from 'picocolors';
import { badInput, usage } from '../errors.js';
import type { ScheduledDay, Slot } from '../schedule/build.js';
import { DAYS } from '../schedule/dates.js';
import { DAY_NAMES } from '../schedule/words.js';
import { logExerciseSession } from '../services/diary.js';
import { loadDiary } from '../services/insights.js';
import { estimateMinutes, sessionExercises, summarise } from '../session/index.js';
import { itemWords, sessionFeedbackWords } from './diary.js';
import { type StoreOptions, withStore } from './runs.js';
import { askFeedback, askYesNo, playSession, RawTerminal, wallClock } from './session-player.js';

const SLOTS: Record<Slot, string> = {
  'before-run': 'before your run',
  'after-run': 'after your run',
  strength: 'strength',
  mobility: 'mobility',
};

/** `--day` as typed: Mon to Sun, or the whole name, in any case. */
function parseDay(value: string): ScheduledDay['day'] {
  const typed = value.trim().toLowerCase();
  const day = DAYS.find((d) => d.toLowerCase() === typed || DAY_NAMES[d].toLowerCase() === typed);
  if (!day) throw badInput(`--day must be one of ${DAYS.join(', ')}, not "${value}"`, 'day');
  return day;
}

/** `--part` as typed: one of the day's parts. */
function parsePart(value: string): Slot {
  const part = (Object.keys(SLOTS) as Slot[]).find((s) => s === value.trim().toLowerCase());
  if (!part) throw badInput(`--part must be one of ${Object.keys(SLOTS).join(', ')}, not "${value}"`, 'part');
  return part;
}

/**
 * The clock's speed: 1, or `BACKSTRIDE_SESSION_SPEED` (tests and demonstrations run the session faster
 * so that a 20 s hold takes a second).
 */
function clockSpeed(): number {
  const raw = process.env.BACKSTRIDE_SESSION_SPEED;
  if (raw === undefined || raw === '') return 1;
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed < 1 || speed > 1000)
    throw badInput(`BACKSTRIDE_SESSION_SPEED must be a number from 1 to 1000, not "${raw}"`, 'speed');
  return speed;
}

/** Registers `session`. */
export function registerSessionCommand(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('session'))
    .description(
      "Walk through today's exercises in the terminal, with counts and timers, then log what you did",
    )
    .option('--day <day>', `another day's session: ${DAYS.join(', ')}`)
    .option('--part <part>', `only one part of the day: ${Object.keys(SLOTS).join(', ')}`)
    .option('--yes', 'stop with q, and log after Ctrl-C, without asking to confirm')
    .addHelpText(
      'after',
      '\nKeys: Enter starts an exercise, counts a rep or skips a rest; p counts reps for you at a steady pace;\nn next, b back, s skip the exercise, q stop. Ctrl-C stops at once and offers to log what you did.\n\nExamples:\n  backstride session\n  backstride session --day Tue --part strength\n\nFrom a script, log a session with `backstride log exercise` instead.',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { day?: string; part?: string; yes?: boolean };
      const dayWanted = o.day === undefined ? undefined : parseDay(o.day);
      const part = o.part === undefined ? undefined : parsePart(o.part);
      const speed = clockSpeed();
      if (!process.stdin.isTTY)
        throw usage(
          'session walks you through your exercises in a terminal; from a script use `backstride log exercise`, or the session player of the web app (`backstride serve`)',
        );
      const out = o.json ? process.stderr : process.stdout;

      const { planWeek } = await import('../services/plan.js');
      const data = await withStore(o, loadDiary);
      if (!data.latest)
        throw usage('no assessment yet: run `backstride assess` first, then `backstride session`');
      const week = await planWeek(data, new Date(), pc);
      const day = dayWanted
        ? week.schedule.days.find((d) => d.day === dayWanted)
        : week.schedule.days.find((d) => d.date === week.today);
      const dayName = !day || (!dayWanted && day.date === week.today) ? 'today' : DAY_NAMES[day.day];
      const groups = (day?.groups ?? []).filter((g) => !part || g.slot === part);
      if (!day || day.groups.length === 0) {
        out.write(
          `Nothing is planned ${dayName === 'today' ? 'today' : `on ${dayName}`}: rest, and walk if you feel like it.\n`,
        );
        if (o.json) process.stdout.write(`${JSON.stringify({ logged: false }, null, 2)}\n`);
        return;
      }
      if (part && groups.length === 0)
        throw badInput(
          `${dayName === 'today' ? 'today' : dayName} has no ${SLOTS[part]} part; it has ${day.groups.map((g) => SLOTS[g.slot]).join(', ')}`,
          'part',
        );
      const exercises = sessionExercises(groups);
      const title = `${dayName === 'today' ? "Today's" : `${dayName}'s`} session${part ? `: ${SLOTS[part]}` : ''}`;
      out.write(
        `${pc.bold(title)}: ${exercises.length} ${exercises.length === 1 ? 'exercise' : 'exercises'}, about ${estimateMinutes(exercises)} minutes.\n${pc.dim('Stop if pain rises sharply, or you feel tingling or numbness.')}\n`,
      );

      const term = new RawTerminal({
        input: process.stdin,
        output: out,
        clock: wallClock(speed),
        style: pc,
      });
      let answers: Awaited<ReturnType<typeof askFeedback>> = {};
      let summary: ReturnType<typeof summarise>;
      try {
        const played = await playSession(exercises, term, { confirmStop: !o.yes });
        summary = summarise(played.state);
        const doneWords = `${summary.done.length} of ${summary.planned} ${summary.planned === 1 ? 'exercise' : 'exercises'}`;
        const partial = summary.partial.map((p) => `${p.name}: ${p.setsDone} of ${p.sets} sets`).join('; ');
        term.lines(
          '',
          pc.bold(played.state.stopped ? 'Session stopped.' : 'Session finished. Well done.'),
          summary.done.length
            ? `You did ${doneWords}${partial ? ` (${partial})` : ''}.`
            : 'Nothing was done this time, so there is nothing to log.',
        );
        if (summary.done.length === 0) {
          if (o.json) process.stdout.write(`${JSON.stringify({ logged: false }, null, 2)}\n`);
          return;
        }
        if (played.interrupted && !o.yes && !(await askYesNo(term, 'Log what you did?'))) {
          term.lines('Nothing was logged.');
          if (o.json) process.stdout.write(`${JSON.stringify({ logged: false }, null, 2)}\n`);
          return;
        }
        answers = await askFeedback(term);
      } finally {
        term.close();
      }
      const { session } = await withStore(o, (store) =>
        logExerciseSession(store, {
          id: randomUUID(),
          at: Date.now(),
          items: summary.done,
          planned: summary.planned,
          ...answers,
        }),
      );
      const words = sessionFeedbackWords(session);
      out.write(`Logged in your diary: ${itemWords(session.items)}${words ? ` (${words})` : ''}.\n`);
      if (o.json) process.stdout.write(`${JSON.stringify({ logged: true, session }, null, 2)}\n`);
    });
}

/**
 * `check-back`: the self-care result's dated "Is it easing?". Without `--answer` it says whether a
 * check-back is due; with `--answer easing|same|worse` it records the answer, re-runs the check-in with
 * it and prints the new level, what to do, and the next check-back. The work is in services/check-back.ts.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import type { Assessment } from '../assess/index.js';
import { careLead } from '../care/index.js';
import {
  CHECK_BACK_ANSWERS,
  CHECK_BACK_LABELS,
  type DueCheckBack,
  formatCheckBackDay,
  localDate,
  relativeDay,
} from '../check-back/index.js';
import type { Level } from '../knowledge/index.js';
import type { CheckBackOutcome } from '../services/check-back.js';
import { type StoreOptions, withStore } from './runs.js';

const levelStyle: Record<Level, (s: string) => string> = {
  emergency: (s) => pc.bold(pc.bgRed(pc.white(` ${s} `))),
  urgent: (s) => pc.bold(pc.bgYellow(pc.black(` ${s} `))),
  clinician: (s) => pc.bold(pc.cyan(s)),
  'self-care': (s) => pc.bold(pc.green(s)),
};

const ANSWER_HELP = CHECK_BACK_ANSWERS.map(
  (a) => `  backstride check-back --answer ${a.padEnd(7)} ${pc.dim(CHECK_BACK_LABELS[a].toLowerCase())}`,
);

/** One line for `plan`: "Check back on Tue 4 Mar: is it easing? Run `backstride check-back`." */
export function checkBackLine(cb: DueCheckBack, now = new Date()): string {
  const day = formatCheckBackDay(cb.on, now);
  const question = cb.question.toLowerCase();
  return cb.due
    ? pc.bold(`Your check-back is due (${day}): ${question} Run \`backstride check-back\`.`)
    : `Check back on ${day}: ${question} Run \`backstride check-back\`.`;
}

/** The pending check-back for the terminal. */
export function renderDue(cb: DueCheckBack | undefined, now = new Date()): string {
  if (!cb)
    return 'No check-back pending. A self-care result comes with one; `backstride assess` runs a new check-in.\n';
  const day = formatCheckBackDay(cb.on, now);
  if (!cb.due) {
    return `${[
      `No check-back due; the next is on ${pc.bold(day)} (${relativeDay(cb.on, now)}): ${cb.question.toLowerCase()}`,
      pc.dim(cb.why),
      'If it gets worse before then, answer now: backstride check-back --answer worse',
    ].join('\n')}\n`;
  }
  const when =
    cb.overdueDays === 0
      ? 'today'
      : `on ${day} (${cb.overdueDays} day${cb.overdueDays === 1 ? '' : 's'} ago)`;
  return `${[
    pc.bold('Is your back easing?'),
    `Your check-in of ${formatCheckBackDay(localDate(new Date(cb.assessedAt)), now)} asked you to check back ${when}.`,
    pc.dim(cb.why),
    '',
    'Answer with one of:',
    ...ANSWER_HELP,
    '',
    pc.dim(
      'Anything new, such as numbness, weakness, fever or bladder or bowel trouble? Run `backstride assess` instead.',
    ),
  ].join('\n')}\n`;
}

/** The outcome of an answer: the new level and headline, what to do, and the next check-back. */
export function renderOutcome(o: CheckBackOutcome, now = new Date()): string {
  const r: Assessment = o.result;
  const t = r.triage;
  const out = [
    `Recorded: ${CHECK_BACK_LABELS[o.answered.answer].toLowerCase()}. Your check-in was run again with that answer.`,
    '',
    levelStyle[t.level](t.headline.toUpperCase()),
  ];
  // The runner's own numbers first, as in `assess` (a result saved before care routes existed has none).
  const lead = r.care && careLead(r.care, t.level);
  if (lead) out.push(pc.bold(lead));
  out.push(t.action);
  if (r.care && t.level === 'clinician') out.push(r.care.routine.text);
  if (t.reasons.length) {
    out.push('', pc.bold('Why'));
    for (const reason of t.reasons) out.push(`  - ${reason.name}: ${reason.reason}`);
  }
  const next = t.selfCare?.checkBack;
  if (next) {
    out.push(
      '',
      `Next check-back: ${pc.bold(formatCheckBackDay(next.on, now))} (${relativeDay(next.on, now)}): ${next.question.toLowerCase()} Run \`backstride check-back\` then.`,
    );
  }
  if (r.plan.mode !== 'safety-only') out.push(pc.dim('Your plan follows the new result: `backstride plan`.'));
  return `${out.join('\n')}\n`;
}

/** Registers `check-back`. */
export function registerCheckBackCommand(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('check-back'))
    .description('Check back on a self-care result: is it easing? (--answer re-runs the check-in with it)')
    .option('--answer <answer>', `${CHECK_BACK_ANSWERS.join(', ')}: is your back easing, the same or worse?`)
    .addHelpText(
      'after',
      '\nExamples:\n  backstride check-back                   is a check-back due, and when\n  backstride check-back --answer worse    record it; the check-in is run again with it',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { answer?: string };
      const service = await import('../services/check-back.js');
      const now = new Date();
      if (o.answer === undefined) {
        const cb = await withStore(o, (store) => service.dueCheckBack(store, now));
        process.stdout.write(o.json ? `${JSON.stringify(cb ?? null, null, 2)}\n` : renderDue(cb, now));
        return;
      }
      // Checked before the store is opened: a bad answer writes nothing.
      const answer = service.parseCheckBackAnswer(o.answer, '--answer');
      const outcome = await withStore(o, (store) => service.answerCheckBack(store, answer, now));
      if (o.json) {
        const { result, changes, answered } = outcome;
        process.stdout.write(
          `${JSON.stringify({ ...result, ...(changes ? { changes } : {}), answered }, null, 2)}\n`,
        );
      } else process.stdout.write(renderOutcome(outcome, now));
    });
}

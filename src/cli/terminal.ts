/**
 * The check-in in a terminal, through @clack/prompts. Ctrl-C cancels the whole check-in; nothing is kept.
 */
import type { Writable } from 'node:stream';
import * as clack from '@clack/prompts';
import type { Answers } from '../answers/index.js';
import type { AskOptions } from '../answers/questions.js';
import { cancelled } from '../errors.js';
import { type Choice, type Prompter, runCheckIn } from './check-in.js';

function unwrap<T>(value: T | symbol): Exclude<T, symbol> {
  if (clack.isCancel(value)) throw cancelled('check-in cancelled; nothing was saved');
  return value as Exclude<T, symbol>;
}

export function clackPrompter(output: Writable): Prompter {
  const common = { output };
  return {
    note: (title, body) => clack.note(body, title, common),
    async select<T extends string>(message: string, options: Choice<T>[]) {
      return unwrap(await clack.select<T>({ ...common, message, options: options as never }));
    },
    async multiselect<T extends string>(message: string, options: Choice<T>[]) {
      return unwrap(
        await clack.multiselect<T>({ ...common, message, options: options as never, required: false }),
      );
    },
    async number(message, { min, max, integer }) {
      const raw = unwrap(
        await clack.text({
          ...common,
          message,
          placeholder: 'leave empty to skip',
          validate: (v) => {
            const s = (v ?? '').trim();
            if (s === '') return undefined;
            const n = Number(s.replace(',', '.'));
            if (!Number.isFinite(n)) return 'Enter a number, or leave it empty to skip.';
            if (integer && !Number.isInteger(n)) return 'Enter a whole number.';
            if (n < min || n > max) return `Enter a number from ${min} to ${max}.`;
            return undefined;
          },
        }),
      );
      const s = (raw ?? '').trim();
      return s === '' ? undefined : Number(s.replace(',', '.'));
    },
  };
}

/** Ask the check-in in the terminal and return the answers (`options`: what the stored runs answer). */
export async function askInTerminal({
  output,
  options = {},
}: {
  output: Writable;
  options?: AskOptions;
}): Promise<Answers> {
  clack.intro('Backstride check-in', { output });
  clack.note(
    'Not a diagnosis. If you have chest pain, sudden severe pain, trouble breathing, or numbness around\nthe genitals or bottom, stop and call your emergency number now. Skip any question you like.',
    'Before you start',
    { output },
  );
  const { answers, stoppedEarly } = await runCheckIn(clackPrompter(output), options);
  clack.outro(stoppedEarly ? 'Your answers need prompt care: see below.' : 'Thanks. Here is your result.', {
    output,
  });
  return answers;
}

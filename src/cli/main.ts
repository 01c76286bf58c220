/**
 * The command line: the automation interface of PRODUCT.md. Errors become exit codes here and only here:
 * 0 success, 2 bad usage or bad input (one line on stderr), 1 anything else.
 */
import { readFileSync, statSync } from 'node:fs';
import { Command, CommanderError, type HelpContext, Option } from 'commander';
import { answersJsonSchema, parseAnswers } from '../answers/index.js';
import { BackstrideError, badInput, isBackstrideError, usage } from '../errors.js';
import { collectionByKind, type ItemKind } from '../knowledge/index.js';
import type { Exercise } from '../knowledge/schema.js';
import { findItem, listItems, searchKnowledge } from '../knowledge/search.js';
import { JSON_DOCUMENT_BYTES, tooLargeMessage } from '../limits.js';
import { registerCheckBackCommand } from './check-back.js';
import { COUNTRY_HELP, resolveCountry } from './country.js';
import { privateUmask } from './data-dir.js';
import { registerDiaryCommands } from './diary.js';
import { registerFormCommand } from './form.js';
import { registerInsightCommands } from './insights.js';
import { registerPlanCommands } from './plan.js';
import { renderAssessment, renderExercise, renderItem } from './render.js';
import { registerRunCommands, type StoreOptions, storeOptionsFor, withStore } from './runs.js';
import { registerServeCommand } from './serve.js';
import { registerSessionCommand } from './session.js';

type CommonOptions = { json?: boolean; dataDir?: string };

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function print(opts: CommonOptions, json: unknown, text: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(json, null, 2)}\n` : text());
}

/** Read and validate an answers file; every failure names the file and what is wrong. */
function readAnswers(file: string) {
  let text: string;
  const tooLarge = () => badInput(tooLargeMessage(`answers file ${file}`, JSON_DOCUMENT_BYTES), 'answers');
  try {
    // The size is checked before reading a file whole, as the API checks a body's.
    if (file !== '-' && statSync(file).isFile() && statSync(file).size > JSON_DOCUMENT_BYTES)
      throw tooLarge();
    const bytes = readFileSync(file === '-' ? 0 : file);
    if (bytes.length > JSON_DOCUMENT_BYTES) throw tooLarge();
    text = bytes.toString('utf8');
  } catch (error) {
    if (isBackstrideError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw badInput(`cannot read answers file ${file}: ${why}`, 'answers');
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw badInput(`answers file ${file} is not valid JSON: ${(error as Error).message}`, 'answers');
  }
  try {
    return parseAnswers(json);
  } catch (error) {
    if (isBackstrideError(error))
      throw new BackstrideError(error.code, `answers file ${file}: ${error.message}`, error.field);
    throw error;
  }
}

/** A commander error message as the CLI's one stderr line: `backstride: unknown option '--x' (…)`. */
export function oneLineUsageError(text: string): string {
  const joined = text
    .replace(/^\s*error:\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return `backstride: ${joined}`;
}

/**
 * Commander's command, except that a command with subcommands run without one is bad usage in one line
 * (exit 2), not its full help on stderr; `--help` and `help` still print the help and exit 0.
 */
class BackstrideCommand extends Command {
  override createCommand(name?: string): Command {
    return new BackstrideCommand(name);
  }

  override help(context?: HelpContext): never;
  /** @deprecated since commander v7 (kept for its signature) */
  override help(cb: (str: string) => string): never;
  override help(context?: HelpContext | ((str: string) => string)): never {
    // Commander asks for help with `error: true` exactly when a subcommand is missing.
    if (typeof context === 'object' && context.error) throw missingSubcommand(this);
    return super.help(context as HelpContext);
  }
}

/**
 * `kb: choose a subcommand: list, search, show (see backstride kb --help)`; for `help nope`, which
 * commander also ends here, `unknown command 'nope': choose one of …`.
 */
function missingSubcommand(cmd: Command) {
  const names = cmd
    .createHelp()
    .visibleCommands(cmd)
    .map((c) => c.name())
    .filter((name) => name !== 'help');
  const path: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) path.unshift(c.name());
  const see = `(see ${['backstride', ...path, '--help'].join(' ')})`;
  const what = path.length ? 'subcommand' : 'command';
  const asked = cmd.args.filter((a) => !a.startsWith('-') && a !== 'help').at(0);
  if (asked !== undefined && !names.includes(asked))
    return usage(`unknown ${what} '${asked}': choose one of ${names.join(', ')} ${see}`);
  return usage(`${[...path, ''].join(': ')}choose a ${what}: ${names.join(', ')} ${see}`);
}

function withCommon(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON document on stdout and nothing else there')
    .addOption(
      new Option('--data-dir <dir>', 'data folder (default: $BACKSTRIDE_DATA or a per-user folder)'),
    );
}

export function buildProgram(): Command {
  const program = withCommon(new BackstrideCommand('backstride'))
    .description(
      'Backstride: safe triage, likely contributing factors and a cited plan for runners whose back hurts.\nNot a diagnosis. In an emergency, call your local emergency number.',
    )
    .version(pkg.version, '-v, --version')
    // The contract is one line on stderr for bad usage: commander's message (and any "Did you mean"
    // suggestion) joined into one line, with no help hint after it.
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`${oneLineUsageError(str)}\n`) });

  storeOptionsFor(withCommon)(program.command('assess'))
    .description(
      'Run the check-in and print the triage, likely factors and plan (saved, with changes since last time)',
    )
    .option('-a, --answers <file>', 'read answers from a JSON file ("-" for stdin) instead of asking')
    .option('--no-save', 'do not store this assessment')
    .option('--full', 'print everything: each factor and its evidence, the whole plan, the week, sources')
    .option('--country <code>', COUNTRY_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n  backstride assess                       ask the questions in the terminal\n  backstride assess --answers me.json --json\n  backstride assess --answers me.json --country AU\n  backstride schema answers > answers.schema.json',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & {
        answers?: string;
        save: boolean;
        full?: boolean;
        country?: string;
      };
      const country = resolveCountry(o.country);
      let answers: ReturnType<typeof parseAnswers>;
      if (o.answers !== undefined) {
        answers = readAnswers(o.answers);
      } else {
        if (!process.stdin.isTTY) {
          throw usage('assess asks questions and needs a terminal; use --answers FILE for a file of answers');
        }
        const { askInTerminal } = await import('./terminal.js');
        // Stored runs that answer the running load leave those questions out, as in the web check-in.
        const hasRecentRuns = await withStore(o, async (store) => {
          const { listRuns } = await import('../store/runs.js');
          const { HISTORY_WINDOW_DAYS, runsAnswerLoad } = await import('../assess/history-window.js');
          const now = Date.now();
          const runs = await listRuns(store.db, { from: now - HISTORY_WINDOW_DAYS * 86_400_000, to: now });
          return runsAnswerLoad(
            runs.map((r) => r.start_time),
            now,
          );
        });
        answers = await askInTerminal({
          output: o.json ? process.stderr : process.stdout,
          options: { hasRecentRuns },
        });
      }
      const { saveOrCompare } = await import('../services/assess.js');
      const { result, changes } = await withStore(o, (store) =>
        saveOrCompare(store, answers, { save: o.save, country }),
      );
      const doc = changes ? { ...result, changes } : result;
      print(o, doc, () => renderAssessment(result, changes, { full: o.full }));
    });

  withCommon(program.command('schema'))
    .description('Print a JSON Schema (draft 2020-12)')
    .argument('<name>', 'which schema: answers')
    .action((name: string) => {
      if (name !== 'answers') throw usage(`unknown schema "${name}" (expected: answers)`);
      process.stdout.write(`${JSON.stringify(answersJsonSchema(), null, 2)}\n`);
    });

  const kb = withCommon(program.command('kb')).description('Read the knowledge base');
  const kinds = Object.keys(collectionByKind).join(', ');
  withCommon(kb.command('list'))
    .description(`List items, optionally of one kind (${kinds})`)
    .argument('[kind]', 'item kind')
    .action((kind: string | undefined, _opts: CommonOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals() as CommonOptions;
      const items = listItems(kind);
      print(
        o,
        items,
        () => `${items.map((i) => `${i.kind.padEnd(16)} ${i.id.padEnd(34)} ${i.name}`).join('\n')}\n`,
      );
    });
  withCommon(kb.command('search'))
    .description('Search names, aliases and text')
    .argument('<text...>', 'words to search for')
    .action((text: string[], _opts: CommonOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals() as CommonOptions;
      const hits = searchKnowledge(text.join(' '));
      print(o, hits, () =>
        hits.length
          ? `${hits.map((h) => `${`${h.kind}:${h.id}`.padEnd(44)} ${h.name}`).join('\n')}\n`
          : 'No matches.\n',
      );
    });
  withCommon(kb.command('show'))
    .description('Show one item by id (plain, or kind:id when ambiguous)')
    .argument('<id>', 'item id, e.g. superman or exercise:superman')
    .action((id: string, _opts: CommonOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals() as CommonOptions;
      const { kind, item } = findItem(id);
      print(o, { kind, item }, () =>
        kind === 'exercise'
          ? renderExercise(item as unknown as Exercise)
          : renderItem(kind as ItemKind, item),
      );
    });
  const storeOptions = storeOptionsFor(withCommon);
  registerRunCommands(program, storeOptions);
  registerDiaryCommands(program, storeOptions);
  registerInsightCommands(program, storeOptions);
  registerPlanCommands(program, storeOptions);
  registerCheckBackCommand(program, storeOptions);
  registerFormCommand(program, storeOptions);
  registerSessionCommand(program, storeOptions);
  registerServeCommand(program, storeOptions);
  return program;
}

/** Run the CLI and return the exit code. */
export async function run(argv: string[]): Promise<number> {
  // Before anything is written: files made by libraries (the database, its -wal and -shm) are 0600.
  privateUmask();
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error (unknown option, missing argument) is bad usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isBackstrideError(error)) {
      process.stderr.write(`backstride: ${error.message}\n`);
      return error.code === 'cancelled' ? 1 : 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`backstride: internal error: ${message}\n`);
    if (process.env.BACKSTRIDE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

/**
 * Diary commands (`log pain`, `log exercise`, `log psfs`, `diary`, `diary edit`, `diary delete`) and
 * owning the data (`export`, `import-backup`, `delete-all`). Input is validated in full before anything
 * is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { PainfulRegion } from '../answers/schema.js';
import { type ExerciseSession, type PainCheckin, PainTiming, SessionFeeling } from '../diary/types.js';
import { badInput, isBackstrideError, usage } from '../errors.js';
import { index } from '../knowledge/index.js';
import { BACKUP_DOCUMENT_BYTES, EXERCISE_ITEMS_MAX, PSFS_RATINGS_MAX, tooLargeMessage } from '../limits.js';
import { deleteSqliteFiles } from '../services/data.js';
import {
  checkCount,
  checkNote,
  checkPsfsActivity,
  DIARY_KIND_NAMES,
  DIARY_KINDS,
  type DiaryKind,
  deleteDiaryEntry,
  diaryBetween,
  editExerciseSession,
  editPainCheckin,
  editPsfsRating,
  logExerciseSession,
  parseAt,
  parseDiaryKind,
  parseExerciseItems,
  parsePsfsRating,
  parseRegions,
  parseScore,
  resolveDiaryId,
  shortId,
} from '../services/diary.js';
import { parseDateFlag } from '../services/runs.js';
import { makePrivateFolder, resolveDataDir, writePrivateFile } from './data-dir.js';
import { type StoreOptions, withStore } from './runs.js';

const lazy = {
  diary: () => import('../store/diary.js'),
  backup: () => import('../store/backup.js'),
};

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Timings and regions in words, as the web app says them. */
const TIMING_WORDS: Record<PainTiming, string> = {
  before: 'before a run',
  during: 'during a run',
  'right-after': 'right after',
  'next-morning': 'next morning',
  other: 'other',
};
const regionWords = (ids: string[]) =>
  ids.map((id) => index('regions').get(id)?.name.toLowerCase() ?? id).join(', ');
/** Plan items in words: exercise names and routine titles. */
export const itemWords = (ids: string[]) =>
  ids.map((id) => index('exercises').get(id)?.name ?? index('interventions').get(id)?.title ?? id).join(', ');
const painWords = (p: PainCheckin) => `${p.score}/10, ${regionWords(p.regions)}, ${TIMING_WORDS[p.timing]}`;

/** The store options of a command, its own and its parents'. */
const storeOf = (cmd: Command) => cmd.optsWithGlobals() as StoreOptions;

/** Print `json` with --json, else the line `text` makes. */
function write(cmd: Command, json: unknown, text: () => string): void {
  process.stdout.write(storeOf(cmd).json ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`);
}

/** `--timing` as typed, one of the check-in's timings. */
function parseTiming(value: string): PainTiming {
  const timing = PainTiming.safeParse(value);
  if (!timing.success)
    throw badInput(`--timing must be one of ${PainTiming.options.join(', ')}, not "${value}"`, 'timing');
  return timing.data;
}

/** How a session felt, in words. */
const FEELING_WORDS: Record<SessionFeeling, string> = {
  easy: 'easy',
  'about-right': 'about right',
  hard: 'hard',
};

/** `--felt` as typed: easy, about-right or hard ("about right" also). */
function parseFelt(value: string): SessionFeeling {
  const felt = SessionFeeling.safeParse(value.trim().toLowerCase().replace(/\s+/g, '-'));
  if (!felt.success)
    throw badInput(`--felt must be one of ${SessionFeeling.options.join(', ')}, not "${value}"`, 'feeling');
  return felt.data;
}

/** `--pain-during` as typed: pain during the session, a whole number from 0 to 10. */
function parsePainDuring(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n > 10)
    throw badInput(`--pain-during must be a whole number from 0 to 10, not "${value}"`, 'painDuring');
  return n;
}

/**
 * A session's answers in words: "felt hard, pain during 3/10, stopped early: 2 of 4 exercises"; empty
 * when it has none.
 */
export function sessionFeedbackWords(e: ExerciseSession): string {
  const parts: string[] = [];
  if (e.feeling) parts.push(`felt ${FEELING_WORDS[e.feeling]}`);
  if (e.painDuring !== undefined) parts.push(`pain during ${e.painDuring}/10`);
  if (e.planned !== undefined && e.planned > e.items.length)
    parts.push(`stopped early: ${e.items.length} of ${e.planned} exercises`);
  return parts.join(', ');
}

/** `--felt X` sets it, `--no-felt` removes it, neither leaves it. */
const feltChange = (felt: string | boolean | undefined) =>
  felt === false ? null : typeof felt === 'string' ? parseFelt(felt) : undefined;
/** `--pain-during N` sets it, `--no-pain-during` removes it, neither leaves it. */
const painDuringChange = (pain: string | boolean | undefined) =>
  pain === false ? null : typeof pain === 'string' ? parsePainDuring(pain) : undefined;

/** `--note TEXT` sets the note, `--no-note` removes it, neither leaves it. */
const noteChange = (note: string | boolean | undefined) =>
  note === false ? null : typeof note === 'string' ? (checkNote(note) ?? null) : undefined;

/** Registers `log pain|exercise|psfs`, `diary`, `export`, `import-backup` and `delete-all`. */
export function registerDiaryCommands(program: Command, storeOptions: (c: Command) => Command): void {
  const log = program
    .command('log')
    .description('Log pain, exercise or PSFS ratings (quick, right after a run)');

  storeOptions(log.command('pain'))
    .description('Log a pain check-in, linked to the nearest run')
    .argument('<score>', 'pain 0 (none) to 10 (worst imaginable)')
    .argument('<regions...>', `where: ${PainfulRegion.options.join(', ')}`)
    .option('-t, --timing <timing>', `when: ${PainTiming.options.join(', ')}`, 'right-after')
    .option('--at <time>', 'when you felt it (ISO 8601 or YYYY-MM-DD; default now)')
    .option('-n, --note <text>', 'a short note')
    .addHelpText(
      'after',
      '\nExamples:\n  backstride log pain 4 lower-back\n  backstride log pain 2 neck,shoulders --timing next-morning',
    )
    .action(async (score: string, regions: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { timing: string; at?: string; note?: string };
      const entry = {
        at: parseAt(o.at),
        regions: parseRegions(regions),
        score: parseScore(score),
        timing: parseTiming(o.timing),
        ...(o.note ? { note: checkNote(o.note) } : {}),
      };
      const { addPainCheckin } = await lazy.diary();
      const saved = await withStore(o, (store) => addPainCheckin(store.db, entry));
      process.stdout.write(
        o.json
          ? `${JSON.stringify(saved, null, 2)}\n`
          : `Logged pain ${saved.score}/10 (${saved.regions.join(', ')}, ${saved.timing})${saved.runId ? ', linked to your run' : ''}.\n`,
      );
    });

  storeOptions(log.command('exercise'))
    .description('Log the plan items you did (exercise or routine ids from `kb list`)')
    .argument('<items...>', 'ids, e.g. plank bird-dog upper-body-warm-up')
    .option('--at <time>', 'when (ISO 8601 or YYYY-MM-DD; default now)')
    .option('-n, --note <text>', 'a short note')
    .option('--felt <feeling>', `how it felt: ${SessionFeeling.options.join(', ')}`)
    .option('--pain-during <n>', 'pain during the session, 0 (none) to 10 (worst imaginable)')
    .addHelpText(
      'after',
      '\nExamples:\n  backstride log exercise plank bird-dog\n  backstride log exercise plank --felt hard --pain-during 3',
    )
    .action(async (items: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & {
        at?: string;
        note?: string;
        felt?: string;
        painDuring?: string;
      };
      const ids = checkCount(parseExerciseItems(items), EXERCISE_ITEMS_MAX, 'items', 'items');
      const entry = {
        at: parseAt(o.at),
        items: ids,
        ...(o.note ? { note: checkNote(o.note) } : {}),
        ...(o.felt !== undefined ? { feeling: parseFelt(o.felt) } : {}),
        ...(o.painDuring !== undefined ? { painDuring: parsePainDuring(o.painDuring) } : {}),
      };
      // The same items again within seconds (a retried script) are the session already logged.
      const { session, created } = await withStore(o, (store) => logExerciseSession(store, entry));
      process.stdout.write(
        o.json
          ? `${JSON.stringify(session, null, 2)}\n`
          : created
            ? `Logged ${session.items.length} item(s)${sessionFeedbackWords(session) ? ` (${sessionFeedbackWords(session)})` : ''}.\n`
            : `Already logged a moment ago (${itemWords(session.items)}): nothing added.\n`,
      );
    });

  storeOptions(log.command('psfs'))
    .description(
      'Rate activities the pain makes hard, 0 (cannot) to 10 (as before): Patient-Specific Functional Scale',
    )
    .argument('<ratings...>', '"activity=score", e.g. "run 10 km=4" "sit 2 h=6"')
    .option('--at <time>', 'when (default now)')
    .action(async (ratings: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { at?: string };
      const parsed = checkCount(ratings, PSFS_RATINGS_MAX, 'PSFS ratings', 'ratings').map(parsePsfsRating);
      const at = parseAt(o.at);
      const { addPsfsRatings } = await lazy.diary();
      const saved = await withStore(o, (store) => addPsfsRatings(store.db, at, parsed));
      process.stdout.write(
        o.json ? `${JSON.stringify(saved, null, 2)}\n` : `Logged ${saved.length} PSFS rating(s).\n`,
      );
    });

  const diary = storeOptions(program.command('diary'))
    .description(
      'Pain check-ins, exercise sessions and PSFS ratings, oldest first, each with a short id to correct (`diary edit`) or delete (`diary delete`) it',
    )
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { from?: string; to?: string };
      const range = { from: parseDateFlag(o.from, 'from'), to: parseDateFlag(o.to, 'to', true) };
      const data = await withStore(o, (store) => diaryBetween(store, range));
      if (o.json) {
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      }
      const score = (n: number) => `${String(n).padStart(2)}/10`;
      const note = (text?: string) => (text ? pc.dim(`  “${text}”`) : '');
      const lines = [
        ...data.pain.map((p) => ({
          at: p.at,
          id: p.id,
          kind: 'pain',
          text: `${score(p.score)}  ${TIMING_WORDS[p.timing].padEnd(13)} ${regionWords(p.regions)}${note(p.note)}`,
        })),
        ...data.exercise.map((e) => ({
          at: e.at,
          id: e.id,
          kind: 'exercise',
          text: `${itemWords(e.items)}${sessionFeedbackWords(e) ? pc.dim(`  (${sessionFeedbackWords(e)})`) : ''}${note(e.note)}`,
        })),
        ...data.psfs.map((r) => ({
          at: r.at,
          id: r.id,
          kind: 'psfs',
          text: `${score(r.score)}  ${r.activity}`,
        })),
      ].sort((a, b) => a.at - b.at);
      process.stdout.write(
        lines.length
          ? `${lines.map((l) => `${when(l.at)}  ${pc.dim(shortId(l.id))}  ${l.kind.padEnd(8)}  ${l.text}`).join('\n')}\n${pc.dim('Correct one with `backstride diary edit KIND ID …`, delete one with `backstride diary delete KIND ID`.')}\n`
          : 'The diary is empty.\n',
      );
    });

  const edit = diary
    .command('edit')
    .description(
      'Correct a diary entry by its id (as `backstride diary` shows it): only what you give changes',
    );

  storeOptions(edit.command('pain'))
    .description('Correct a pain check-in; a new time or timing links it again to the nearest run')
    .argument('<id>', 'the check-in’s id, or its first characters as `backstride diary` shows them')
    .option('-s, --score <score>', 'pain 0 (none) to 10 (worst imaginable)')
    .option('-r, --regions <regions...>', `where: ${PainfulRegion.options.join(', ')}`)
    .option('-t, --timing <timing>', `when: ${PainTiming.options.join(', ')}`)
    .option('--at <time>', 'when you felt it (ISO 8601 or YYYY-MM-DD)')
    .option('-n, --note <text>', 'a new note')
    .option('--no-note', 'remove the note')
    .addHelpText(
      'after',
      '\nExample:\n  backstride diary edit pain 3f2a9c1b --score 3 --note "easier after the warm-up"',
    )
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const o = cmd.opts() as {
        score?: string;
        regions?: string[];
        timing?: string;
        at?: string;
        note?: string | boolean;
      };
      const changes = {
        score: o.score === undefined ? undefined : parseScore(o.score),
        regions: o.regions && parseRegions(o.regions),
        timing: o.timing === undefined ? undefined : parseTiming(o.timing),
        at: o.at === undefined ? undefined : parseAt(o.at),
        note: noteChange(o.note),
      };
      const saved = await withStore(storeOf(cmd), async (store) =>
        editPainCheckin(
          store,
          await resolveDiaryId(store, 'pain', id),
          changes,
          '--score, --regions, --timing, --at, --note or --no-note',
        ),
      );
      write(cmd, saved, () => {
        const run = saved.runId ? '; linked to a run' : '';
        return `Corrected the pain check-in of ${when(saved.at)}: ${painWords(saved)}${run}.`;
      });
    });

  storeOptions(edit.command('exercise'))
    .description('Correct an exercise session: what you did, when, the note, how it felt, pain during')
    .argument('<id>', 'the session’s id, or its first characters as `backstride diary` shows them')
    .option(
      '-i, --items <items...>',
      'the plan items you did (ids from `kb list`), replacing the ones logged',
    )
    .option('--at <time>', 'when (ISO 8601 or YYYY-MM-DD)')
    .option('-n, --note <text>', 'a new note')
    .option('--no-note', 'remove the note')
    .option('--felt <feeling>', `how it felt: ${SessionFeeling.options.join(', ')}`)
    .option('--no-felt', 'remove how it felt')
    .option('--pain-during <n>', 'pain during the session, 0 to 10')
    .option('--no-pain-during', 'remove the pain during')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const o = cmd.opts() as {
        items?: string[];
        at?: string;
        note?: string | boolean;
        felt?: string | boolean;
        painDuring?: string | boolean;
      };
      const changes = {
        items: o.items && checkCount(parseExerciseItems(o.items), EXERCISE_ITEMS_MAX, 'items', 'items'),
        at: o.at === undefined ? undefined : parseAt(o.at),
        note: noteChange(o.note),
        feeling: feltChange(o.felt),
        painDuring: painDuringChange(o.painDuring),
      };
      if (changes.items?.length === 0) throw badInput('--items needs at least one item', 'items');
      const saved = await withStore(storeOf(cmd), async (store) =>
        editExerciseSession(
          store,
          await resolveDiaryId(store, 'exercise', id),
          changes,
          '--items, --at, --note, --no-note, --felt, --no-felt, --pain-during or --no-pain-during',
        ),
      );
      write(cmd, saved, () => {
        const answers = sessionFeedbackWords(saved);
        return `Corrected the exercise session of ${when(saved.at)}: ${itemWords(saved.items)}${answers ? ` (${answers})` : ''}.`;
      });
    });

  storeOptions(edit.command('psfs'))
    .description('Correct one PSFS rating: the activity, its score or when')
    .argument('<id>', 'the rating’s id, or its first characters as `backstride diary` shows them')
    .option('-a, --activity <text>', 'the activity, e.g. "run 10 km"')
    .option('-s, --score <score>', '0 (cannot) to 10 (as before)')
    .option('--at <time>', 'when (ISO 8601 or YYYY-MM-DD)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const o = cmd.opts() as { activity?: string; score?: string; at?: string };
      const changes = {
        activity: o.activity === undefined ? undefined : checkPsfsActivity(o.activity),
        score: o.score === undefined ? undefined : parseScore(o.score, 'PSFS score'),
        at: o.at === undefined ? undefined : parseAt(o.at),
      };
      const saved = await withStore(storeOf(cmd), async (store) =>
        editPsfsRating(
          store,
          await resolveDiaryId(store, 'psfs', id),
          changes,
          '--activity, --score or --at',
        ),
      );
      write(
        cmd,
        saved,
        () => `Corrected the PSFS rating of ${when(saved.at)}: ${saved.activity} ${saved.score}/10.`,
      );
    });

  storeOptions(diary.command('delete'))
    .description('Delete a diary entry by its id (as `backstride diary` shows it)')
    .argument('<kind>', DIARY_KINDS.join(', '))
    .argument('<id>', 'the entry’s id, or its first characters')
    .addHelpText('after', '\nExample:\n  backstride diary delete pain 3f2a9c1b')
    .action(async (kindText: string, id: string, _o: unknown, cmd: Command) => {
      const kind: DiaryKind = parseDiaryKind(kindText);
      const deleted = await withStore(storeOf(cmd), async (store) => {
        const full = await resolveDiaryId(store, kind, id);
        await deleteDiaryEntry(store, kind, full);
        return full;
      });
      write(
        cmd,
        { deleted: true, kind, id: deleted },
        () => `Deleted the ${DIARY_KIND_NAMES[kind]} ${shortId(deleted)}.`,
      );
    });

  storeOptions(program.command('export'))
    .description('Write everything: runs (with samples), assessments, diary (JSON), or one CSV per table')
    .option('-f, --format <format>', 'json or csv', 'json')
    .option('-o, --out <path>', 'file for JSON (default: stdout), folder for CSV')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { format: string; out?: string };
      if (o.format !== 'json' && o.format !== 'csv')
        throw badInput(`--format must be json or csv, not "${o.format}"`, 'format');
      if (o.format === 'csv' && !o.out)
        throw usage('CSV export writes one file per table: give a folder with --out');
      const { exportAll, toCsvTables } = await lazy.backup();
      const backup = await withStore(o, (store) => exportAll(store));
      if (o.format === 'json') {
        const text = `${JSON.stringify(backup)}\n`;
        if (o.out) writePrivateFile(o.out, text);
        else process.stdout.write(text);
      } else {
        const dir = o.out as string;
        makePrivateFolder(dir);
        for (const [name, csv] of Object.entries(toCsvTables(backup)))
          writePrivateFile(join(dir, `${name}.csv`), csv);
      }
      if (o.out) process.stderr.write(`Exported to ${o.out}\n`);
    });

  storeOptions(program.command('import-backup'))
    .description('Restore a JSON export exactly (into an empty store, or with --replace)')
    .argument('<file>', 'a file written by `backstride export`')
    .option('--replace', 'delete the current data first')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { replace?: boolean };
      let text: string;
      try {
        // The size first: a file past the limit is refused before a byte of it is held in memory.
        if (statSync(file).size > BACKUP_DOCUMENT_BYTES)
          throw badInput(tooLargeMessage(`backup file ${file}`, BACKUP_DOCUMENT_BYTES), 'file');
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if (isBackstrideError(error)) throw error;
        throw badInput(
          `cannot read backup file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
          'file',
        );
      }
      const { parseBackup, restoreAll } = await lazy.backup();
      const backup = parseBackup(text, file);
      const counts = await withStore(o, (store) =>
        restoreAll(store, backup, { replace: o.replace === true }),
      );
      process.stdout.write(
        o.json
          ? `${JSON.stringify(counts, null, 2)}\n`
          : `Restored ${Object.entries(counts)
              .map(([k, v]) => `${v} ${k}`)
              .join(', ')}.\n`,
      );
    });

  storeOptions(program.command('delete-all'))
    .description('Delete every trace of your data from this store, after a confirmation')
    .option('--yes', 'confirm without asking (for scripts)')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { yes?: boolean };
      if (!o.yes) {
        if (!process.stdin.isTTY)
          throw usage('delete-all needs confirmation: run it in a terminal, or pass --yes');
        const { text, isCancel } = await import('@clack/prompts');
        const answer = await text({
          message: 'This deletes all runs, assessments and diary entries. Type DELETE to confirm.',
        });
        if (isCancel(answer) || answer !== 'DELETE') {
          process.stdout.write('Nothing was deleted.\n');
          return;
        }
      }
      const url = o.databaseUrl ?? process.env.BACKSTRIDE_DATABASE_URL;
      if (url) {
        const { deleteAllRows } = await lazy.backup();
        await withStore(o, (store) => deleteAllRows(store));
        // Uploads and zip copies for a PostgreSQL store sit in the per-user data folder's tmp.
        const { sweepTemp, tempRootFor } = await import('../import/temp.js');
        sweepTemp(tempRootFor({ url }), { ownToo: true });
      } else {
        deleteSqliteFiles(resolveDataDir(o.dataDir));
      }
      process.stdout.write(
        o.json ? `${JSON.stringify({ deleted: true })}\n` : 'All your Backstride data has been deleted.\n',
      );
    });
}

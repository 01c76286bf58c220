/**
 * Diary commands (`log pain`, `log exercise`, `log psfs`, `diary`) and owning the data (`export`,
 * `import-backup`, `delete-all`). Input is validated in full before anything is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { PainfulRegion } from '../answers/schema.js';
import { PainTiming } from '../diary/types.js';
import { badInput, isBackstrideError, usage } from '../errors.js';
import { BACKUP_DOCUMENT_BYTES, EXERCISE_ITEMS_MAX, PSFS_RATINGS_MAX, tooLargeMessage } from '../limits.js';
import { deleteSqliteFiles } from '../services/data.js';
import {
  checkCount,
  checkNote,
  diaryBetween,
  parseAt,
  parseExerciseItems,
  parsePsfsRating,
  parseRegions,
  parseScore,
} from '../services/diary.js';
import { parseDateFlag } from '../services/runs.js';
import { makePrivateFolder, resolveDataDir, writePrivateFile } from './data-dir.js';
import { type StoreOptions, withStore } from './runs.js';

const lazy = {
  diary: () => import('../store/diary.js'),
  backup: () => import('../store/backup.js'),
};

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

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
      const timing = PainTiming.safeParse(o.timing);
      if (!timing.success) {
        throw badInput(
          `--timing must be one of ${PainTiming.options.join(', ')}, not "${o.timing}"`,
          'timing',
        );
      }
      const entry = {
        at: parseAt(o.at),
        regions: parseRegions(regions),
        score: parseScore(score),
        timing: timing.data,
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
    .action(async (items: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as StoreOptions & { at?: string; note?: string };
      const ids = checkCount(parseExerciseItems(items), EXERCISE_ITEMS_MAX, 'items', 'items');
      const entry = { at: parseAt(o.at), items: ids, ...(o.note ? { note: checkNote(o.note) } : {}) };
      const { addExerciseSession } = await lazy.diary();
      const saved = await withStore(o, (store) => addExerciseSession(store.db, entry));
      process.stdout.write(
        o.json ? `${JSON.stringify(saved, null, 2)}\n` : `Logged ${saved.items.length} item(s).\n`,
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

  storeOptions(program.command('diary'))
    .description('Pain check-ins, exercise sessions and PSFS ratings, oldest first')
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
      const lines = [
        ...data.pain.map((p) => ({
          at: p.at,
          text: `pain ${String(p.score).padStart(2)}/10  ${p.timing.padEnd(12)} ${p.regions.join(', ')}${p.note ? pc.dim(`  ${p.note}`) : ''}`,
        })),
        ...data.exercise.map((e) => ({ at: e.at, text: `did      ${e.items.join(', ')}` })),
        ...data.psfs.map((r) => ({
          at: r.at,
          text: `PSFS ${String(r.score).padStart(2)}/10  ${r.activity}`,
        })),
      ].sort((a, b) => a.at - b.at);
      process.stdout.write(
        lines.length
          ? `${lines.map((l) => `${when(l.at)}  ${l.text}`).join('\n')}\n`
          : 'The diary is empty.\n',
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

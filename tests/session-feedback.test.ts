/**
 * A session's answers on the command line: `log exercise --felt --pain-during`, their refusals (one line,
 * exit 2, nothing stored), the readable and JSON diary (how it felt, pain during, stopped early), and
 * `diary edit exercise` setting and removing them. Runs the CLI in this process (tests/in-process-cli.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logExerciseSession } from '../src/services/diary.js';
import { openStore } from '../src/store/index.js';
import { type CliResult, okJson, runCli } from './in-process-cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'backstride-session-feedback-'));
const cliIn = (dir: string) => (args: string[]) => runCli([...args, '--data-dir', dir]);

function expectRefused(r: CliResult, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

describe('log exercise --felt and --pain-during', () => {
  it('stores how it felt and the pain during, and says them', async () => {
    const cli = cliIn(fresh());
    const r = await cli(['log', 'exercise', 'plank', 'bird-dog', '--felt', 'hard', '--pain-during', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Logged 2 item(s) (felt hard, pain during 3/10).\n');
    const diary = okJson(await cli(['diary', '--json']));
    expect(diary.exercise).toHaveLength(1);
    expect(diary.exercise[0]).toMatchObject({ items: ['plank', 'bird-dog'], feeling: 'hard', painDuring: 3 });
    expect(diary.exercise[0].planned).toBeUndefined();
  });

  it('takes "about right" as about-right and a pain of 0', async () => {
    const cli = cliIn(fresh());
    const saved = okJson(
      await cli(['log', 'exercise', 'plank', '--felt', 'about right', '--pain-during', '0', '--json']),
    );
    expect(saved).toMatchObject({ feeling: 'about-right', painDuring: 0 });
  });

  it.each([
    [['--felt', 'great'], /--felt must be one of easy, about-right, hard, not "great"/],
    [['--felt', ''], /--felt must be one of/],
    [['--pain-during', '11'], /--pain-during must be a whole number from 0 to 10, not "11"/],
    [['--pain-during', '-1'], /--pain-during must be a whole number from 0 to 10/],
    [['--pain-during', '2.5'], /--pain-during must be a whole number from 0 to 10, not "2.5"/],
    [['--pain-during', 'lots'], /--pain-during must be a whole number from 0 to 10/],
  ])('refuses %j in one line, exit 2, and stores nothing', async (flags, message) => {
    const cli = cliIn(fresh());
    expectRefused(await cli(['log', 'exercise', 'plank', ...flags]), message);
    expect(okJson(await cli(['diary', '--json'])).exercise).toEqual([]);
  });
});

describe('the diary shows a session’s answers', () => {
  it('shows how it felt, the pain during, and a session stopped early', async () => {
    const dir = fresh();
    const store = await openStore({ dataDir: dir });
    try {
      const at = Date.now() - 3_600_000;
      await logExerciseSession(store, {
        at,
        items: ['plank', 'bird-dog'],
        planned: 4,
        feeling: 'about-right',
        painDuring: 2,
      });
      // A guided session done in full: no "stopped early".
      await logExerciseSession(store, { at: at + 60_000, items: ['superman'], planned: 1, feeling: 'easy' });
    } finally {
      await store.close();
    }
    const cli = cliIn(dir);
    const text = (await cli(['diary'])).stdout;
    const lines = text.split('\n');
    const first = lines.find((l) => l.includes('Plank')) ?? '';
    expect(first).toMatch(/felt about right, pain during 2\/10, stopped early: 2 of 4 exercises/);
    const second = lines.find((l) => l.includes('Superman')) ?? '';
    expect(second).toMatch(/\(felt easy\)/);
    expect(second).not.toMatch(/stopped early/);
    expect(text).not.toMatch(/about-right|bird-dog/);

    const json = okJson(await cli(['diary', '--json']));
    expect(json.exercise[0]).toMatchObject({ feeling: 'about-right', painDuring: 2, planned: 4 });
  });

  it('diary edit exercise sets, replaces and removes them', async () => {
    const cli = cliIn(fresh());
    const saved = okJson(await cli(['log', 'exercise', 'plank', '--json']));
    const id = saved.id.slice(0, 8);
    const set = await cli(['diary', 'edit', 'exercise', id, '--felt', 'easy', '--pain-during', '4']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Plank \(felt easy, pain during 4\/10\)\.$/m);
    expectRefused(
      await cli(['diary', 'edit', 'exercise', id, '--pain-during', '12']),
      /--pain-during must be a whole number from 0 to 10, not "12"/,
    );
    expectRefused(
      await cli(['diary', 'edit', 'exercise', id, '--felt', 'meh']),
      /--felt must be one of easy, about-right, hard/,
    );
    const removed = okJson(await cli(['diary', 'edit', 'exercise', id, '--no-felt', '--json']));
    expect(removed.feeling).toBeUndefined();
    expect(removed.painDuring).toBe(4);
    const cleared = okJson(await cli(['diary', 'edit', 'exercise', id, '--no-pain-during', '--json']));
    expect(cleared.painDuring).toBeUndefined();
  });
});

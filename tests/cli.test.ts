/**
 * The command line as a user and a script meet it: the built `bin/backstride`, real files, exit codes.
 * Checks of what a command computes run it in this process (tests/in-process-cli.ts) with the same
 * arguments; every command here also runs as a process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NO_ANSWER } from '../src/answers/red-flag-screen.js';
import { type CliResult, runCli } from './in-process-cli.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape codes are what is being matched
const ANSI = /\x1b\[/;

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-cli-'));

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BACKSTRIDE_DATA: join(scratch, 'data'), ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in this process, on the same data folder. */
const inProcess = (args: string[]) => runCli([...args, '--data-dir', join(scratch, 'data')]);

function answersFile(name: string, content: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A bad-input failure: exit 2, one line on stderr naming the problem, nothing on stdout, no stack. */
function expectBadInput(r: CliResult, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Every red-flag question answered "no". */
const calmScreen = { ...NO_ANSWER };

describe('help and version', () => {
  it.each([
    [[]],
    [['assess']],
    [['schema']],
    [['kb']],
    [['kb', 'list']],
    [['kb', 'search']],
    [['kb', 'show']],
  ])('%j --help exits 0 with usage', (args) => {
    const r = cli([...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: backstride/);
  });

  it('prints the version', () => {
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects unknown commands and options with exit 2', () => {
    const unknownCommand = cli(['frobnicate']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/unknown command 'frobnicate'/);
    const unknownOption = cli(['assess', '--bogus']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/unknown option '--bogus'/);
    expect(cli(['kb', 'show']).code).toBe(2);
  });
});

describe('schema answers', () => {
  it('prints the JSON Schema of the answers file', () => {
    const r = cli(['schema', 'answers']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['about', 'pain', 'running', 'form', 'daily', 'gear', 'selfChecks', 'redFlags']),
    );
    expect(schema.properties.pain.properties.regions.items.enum).toContain('between-shoulder-blades');
    expect(schema.properties.redFlags.properties.saddleNumbness.type).toBe('boolean');
  });

  it('refuses an unknown schema name', () => {
    expectBadInput(cli(['schema', 'runs']), /unknown schema "runs"/);
  });
});

describe('assess --answers', () => {
  const good = {
    about: { age: 31 },
    pain: { regions: ['neck', 'shoulders'], daysSinceStart: 1, trend: 'same', worst: 4, qualities: ['ache'] },
    form: { shrugging: true },
    daily: { sittingHours: 9 },
    redFlags: calmScreen,
  };

  it('prints one JSON document with the result', () => {
    const r = cli(['assess', '--answers', answersFile('good.json', good), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.triage.level).toBe('self-care');
    expect(result.factors[0].id).toBe('shrugged-shoulders');
    expect(result.factors.map((f: { id: string }) => f.id)).toContain('slouched-sitting');
    expect(result.plan.sections.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['relief-now', 'next-run', 'strength-mobility', 'seek-help']),
    );
    expect(result.triage.redFlagScreen.complete).toBe(true);
    expect(result.triage.redFlagScreen.note).toBeUndefined();
  });

  it('never gives self-care alone when red-flag questions were left out', async () => {
    const partial = { ...good, redFlags: { chestPain: false, saddleNumbness: false } };
    const result = JSON.parse(
      (await inProcess(['assess', '--answers', answersFile('partial.json', partial), '--json'])).stdout,
    );
    expect(result.triage.level).toBe('clinician');
    expect(result.triage.reasons.map((r: { rule: string }) => r.rule)).toEqual(['screen-incomplete']);
    const { total, unanswered } = result.triage.redFlagScreen;
    expect(unanswered.length).toBe(total - 2);
    expect(result.triage.redFlagScreen.note).toContain(
      `${total - 2} of ${total} safety questions were not answered`,
    );
    // The note names every question left unanswered, in words.
    for (const u of unanswered as { text: string }[])
      expect(result.triage.redFlagScreen.note).toContain(u.text.replace(/\.$/, ''));
    expect(result.plan.sections[0].id).toBe('now');
  });

  it('prints a readable result with sections, triage first, everything with --full', () => {
    const r = cli(['assess', '--full', '--answers', answersFile('good.json', good)]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^SELF-CARE/);
    for (const heading of [
      'Likely contributing factors',
      'Relief now',
      'On your next run',
      'Your week',
      'Sources',
    ]) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('You sit about 9 hours a day.');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('uses colour when forced, for terminals that support it', () => {
    const r = cli(['assess', '--answers', answersFile('good.json', good)], {
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(r.stdout).toMatch(ANSI);
  });

  it('reads answers from stdin with "-"', () => {
    const r = cli(['assess', '--answers', '-', '--json'], { input: JSON.stringify(good) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).triage.level).toBe('self-care');
  });

  it('accepts a file with a byte-order mark', () => {
    const r = cli([
      'assess',
      '--answers',
      answersFile('bom.json', `\uFEFF${JSON.stringify(good)}`),
      '--json',
    ]);
    expect(r.code).toBe(0);
  });

  it('gives an emergency with only the safety message and no exercises', async () => {
    const file = answersFile('emergency.json', {
      pain: { regions: ['between-shoulder-blades'], spreadsTo: ['jaw'] },
      redFlags: { ...calmScreen, sweatingNauseaBreathless: true, cardiacTiming: 'now' },
    });
    const result = JSON.parse((await inProcess(['assess', '--answers', file, '--json'])).stdout);
    expect(result.triage.level).toBe('emergency');
    expect(result.triage.reasons[0].rule).toBe('cardiac-warning');
    expect(result.plan.mode).toBe('safety-only');
    expect(result.plan.schedule).toBeUndefined();
    const items = result.plan.sections.flatMap((s: { items: { type: string }[] }) => s.items);
    expect(items.some((i: { type: string }) => i.type === 'exercise')).toBe(false);
    const text = (await inProcess(['assess', '--answers', file])).stdout;
    expect(text.split('\n')[0]).toMatch(/^ ?EMERGENCY: CALL EMERGENCY SERVICES NOW/);
    expect(text).not.toContain('Likely contributing factors');
  });

  it('names a missing file', () => {
    expectBadInput(
      cli(['assess', '--answers', join(scratch, 'nope.json')]),
      /cannot read answers file .*nope\.json: no such file/,
    );
  });

  it('names a folder given as a file', () => {
    expectBadInput(cli(['assess', '--answers', scratch]), /cannot read answers file .*: it is a folder/);
  });

  it('names a file that is not JSON', () => {
    expectBadInput(
      cli(['assess', '--answers', answersFile('broken.json', '{"pain": ')]),
      /broken\.json is not valid JSON/,
    );
  });

  it.each([
    [{ pain: { now: 11 } }, /pain\.now: Too big: expected number to be <=10/],
    [{ pain: { now: 'high' } }, /pain\.now: expected number/],
    [{ pain: { regions: ['left-knee'] } }, /pain\.regions\[0\]: expected one of "neck", "shoulders"/],
    [{ pain: { regions: [] } }, /pain\.regions: Too small/],
    [{ pain: { painNow: 3 } }, /pain\.painNow: unknown field/],
    [{ redFlags: { saddleNumbness: 'yes' } }, /redFlags\.saddleNumbness: expected boolean/],
    [{ about: { age: 7 } }, /about\.age: Too small/],
    [{ date: 'yesterday' }, /date: /],
    [[1, 2], /\(root\): expected object/],
  ])('rejects %j naming the field', async (answers, message) => {
    expectBadInput(
      await inProcess(['assess', '--answers', answersFile('bad.json', answers), '--json']),
      message,
    );
  });

  it('needs a terminal to ask questions', () => {
    expectBadInput(cli(['assess']), /needs a terminal; use --answers FILE/);
  });

  it('rejects an empty data folder setting', () => {
    expectBadInput(
      cli(['assess', '--answers', answersFile('good.json', good)], { env: { BACKSTRIDE_DATA: ' ' } }),
      /data folder must not be empty/,
    );
  });
});

describe('kb', () => {
  it('lists, searches and shows as JSON', async () => {
    const list = JSON.parse((await inProcess(['kb', 'list', 'exercise', '--json'])).stdout);
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(list.every((i: { kind: string }) => i.kind === 'exercise')).toBe(true);
    const hits = JSON.parse((await inProcess(['kb', 'search', 'lat', 'pull', '--json'])).stdout);
    expect(hits[0]).toMatchObject({ kind: 'exercise', id: 'lat-pull-down' });
    const shown = JSON.parse((await inProcess(['kb', 'show', 'superman', '--json'])).stdout);
    expect(shown.kind).toBe('exercise');
    expect(shown.item.steps.length).toBeGreaterThanOrEqual(2);
    expect(shown.item.sources).toContain('a00-upper-back-after-running');
  });

  it('shows an exercise as a readable card', () => {
    const r = cli(['kb', 'show', 'exercise:superman']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Steps\n\s+1\. /);
    expect(r.stdout).toContain('1 × 5 reps');
  });

  it('explains unknown and ambiguous ids with exit 2', async () => {
    expectBadInput(cli(['kb', 'show', 'nope']), /no knowledge-base item with id "nope"/);
    expectBadInput(await inProcess(['kb', 'show', 'sports-bra-fit']), /ambiguous/);
    expectBadInput(await inProcess(['kb', 'list', 'widgets']), /unknown kind "widgets"/);
    expectBadInput(await inProcess(['kb', 'search', '!']), /search text is empty/);
  });
});

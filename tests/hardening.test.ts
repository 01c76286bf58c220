/**
 * Issue 9, parts 3 and 4: one-line usage errors, private files, escaped request logs, real dates and the
 * API's limits on the command line. Runs the built `bin/backstride` (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-hardening-'));

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BACKSTRIDE_DATA: join(scratch, 'data'), ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, exactly one line on stderr, nothing on stdout. */
function expectOneLine(r: ReturnType<typeof cli>, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(message);
}

describe('usage errors are one line', () => {
  it.each([
    [['frobnicate'], /^backstride: unknown command 'frobnicate'/],
    [['assses'], /^backstride: unknown command 'assses' \(Did you mean assess\?\)/],
    [['assess', '--bogus'], /^backstride: unknown option '--bogus'/],
    [['kb', 'show'], /^backstride: missing required argument 'id'/],
    [['log', 'pain'], /^backstride: missing required argument 'score'/],
    [['serve', '--port'], /^backstride: option .*--port <n>' argument missing/],
    [['kb'], /^backstride: kb: choose a subcommand: list, search, show \(see backstride kb --help\)$/],
    [
      ['kb', '--json'],
      /^backstride: kb: choose a subcommand: list, search, show \(see backstride kb --help\)$/,
    ],
    [['log'], /^backstride: log: choose a subcommand: pain, exercise, psfs \(see backstride log --help\)$/],
    [[], /^backstride: choose a command: assess, schema, kb, .*, serve \(see backstride --help\)$/],
    [['kb', 'frobnicate'], /^backstride: unknown command 'frobnicate'$/],
    [
      ['help', 'nope'],
      /^backstride: unknown command 'nope': choose one of assess, .* \(see backstride --help\)$/,
    ],
  ])('%j', (args, message) => {
    expectOneLine(cli(args), message);
  });

  // `backstride --help` and `kb --help` are in cli.test.ts.
  it.each([[['log']], [['help', 'kb']], [['kb', 'help']]])(
    '%j with --help or help still prints the full help, exit 0',
    (args) => {
      const r = cli(args.includes('help') ? args : [...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: backstride/);
      expect(r.stdout.split('\n').length).toBeGreaterThan(5);
      expect(r.stderr).toBe('');
    },
  );
});

describe('dates are real days, and a check-in is not in the future', () => {
  it.each([
    [['log', 'pain', '3', 'neck', '--at', '2026-02-30'], /--at 2026-02-30 is not a day of the calendar/],
    [['log', 'pain', '3', 'neck', '--at', '2026-02-30T10:00:00Z'], /--at 2026-02-30 is not a day/],
    [['log', 'exercise', 'plank', '--at', '2025-04-31'], /--at 2025-04-31 is not a day/],
    [['diary', '--from', '2026-02-30'], /--from 2026-02-30 is not a day of the calendar/],
    [['diary', '--to', '2025-02-29'], /--to 2025-02-29 is not a day of the calendar/],
  ])('%j', (args, message) => {
    expectOneLine(cli(args), message);
  });

  it('accepts 29 February in a leap year', () => {
    expect(cli(['diary', '--from', '2024-02-29', '--to', '2024-03-01']).code).toBe(0);
  });

  it('refuses an answers file dated in the future or on an impossible day', () => {
    const future = join(scratch, 'future.json');
    writeFileSync(future, JSON.stringify({ date: '9999-12-31' }));
    expectOneLine(cli(['assess', '--answers', future]), /date 9999-12-31 is in the future/);
    const impossible = join(scratch, 'impossible.json');
    writeFileSync(impossible, JSON.stringify({ date: '2026-02-30' }));
    expectOneLine(cli(['assess', '--answers', impossible]), /impossible\.json: date/);
  });
});

describe('private by default', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates the data folder 0700 and every file 0600, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const data = join(scratch, 'private');
      const env = { BACKSTRIDE_DATA: data };
      const answers = join(scratch, 'calm.json');
      writeFileSync(answers, JSON.stringify({ pain: { worst: 3 } }));
      const assess = cli(['assess', '--answers', answers, '--json'], { env });
      expect(assess.code).toBe(0);
      expect(assess.stderr).not.toMatch(/private/);
      expect(mode(data)).toBe(0o700);
      const files = readdirSync(data);
      expect(files).toContain('backstride.sqlite');
      for (const f of files) expect([f, mode(join(data, f))]).toEqual([f, 0o600]);

      const out = join(scratch, 'out');
      mkdirSync(out);
      expect(cli(['export', '--out', join(out, 'all.json')], { env }).code).toBe(0);
      expect(cli(['export', '--format', 'csv', '--out', join(out, 'csv')], { env }).code).toBe(0);
      expect(cli(['report', '--out', join(out, 'report.html')], { env }).code).toBe(0);
      expect(cli(['plan', '--ics', join(out, 'plan.ics')], { env }).code).toBe(0);
      expect(mode(join(out, 'all.json'))).toBe(0o600);
      expect(mode(join(out, 'csv'))).toBe(0o700);
      for (const f of readdirSync(join(out, 'csv'))) expect(mode(join(out, 'csv', f))).toBe(0o600);
      expect(mode(join(out, 'report.html'))).toBe(0o600);
      expect(mode(join(out, 'plan.ics'))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing readable data folder once, and says so once', () => {
    const data = join(scratch, 'loose');
    const env = { BACKSTRIDE_DATA: data };
    expect(cli(['diary'], { env }).code).toBe(0);
    chmodSync(data, 0o755);
    for (const f of readdirSync(data)) chmodSync(join(data, f), 0o644);
    const first = cli(['diary'], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Made your data folder private \(it was readable by other users\)/);
    expect(first.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(mode(data)).toBe(0o700);
    for (const f of readdirSync(data)) expect(mode(join(data, f))).toBe(0o600);
    const second = cli(['diary'], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
  });
});

describe('the command line has the API limits', () => {
  it('refuses a note longer than 2000 characters, as the API does', () => {
    const r = cli(['log', 'pain', '3', 'neck', '--note', 'x'.repeat(120_000)]);
    expectOneLine(r, /--note must be at most 2000 characters, not 120000/);
    expectOneLine(
      cli(['log', 'exercise', 'plank', '--note', 'x'.repeat(2001)]),
      /--note must be at most 2000 characters/,
    );
    expect(cli(['log', 'pain', '3', 'neck', '--note', 'x'.repeat(2000)]).code).toBe(0);
  });

  it('refuses an answers file over 1 MiB before parsing it, from a file or stdin', () => {
    const big = join(scratch, 'big.json');
    const huge = JSON.stringify({ pain: { regions: Array(200_000).fill('neck') } });
    writeFileSync(big, huge);
    expectOneLine(
      cli(['assess', '--answers', big]),
      /answers file .*big\.json is larger than the limit of 1 MiB/,
    );
    expectOneLine(
      cli(['assess', '--answers', '-'], { input: huge }),
      /answers file - is larger than the limit of 1 MiB/,
    );
  });

  it('refuses more PSFS ratings than the API takes', () => {
    const ratings = Array.from({ length: 11 }, (_, i) => `activity ${i}=5`);
    expectOneLine(cli(['log', 'psfs', ...ratings]), /give at most 10 PSFS ratings, not 11/);
  });
});

/**
 * Issue 9, parts 3 and 4: one-line usage errors, private files, escaped request logs, real dates and the
 * API's limits on the command line. Runs the built `bin/backstride` (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
  expect(r.stderr).toMatch(message);
}

describe('usage errors are one line', () => {
  it.each([
    [['frobnicate'], /^backstride: unknown command 'frobnicate'/],
    [['assses'], /^backstride: unknown command 'assses' \(Did you mean assess\?\)/],
    [['assess', '--bogus'], /^backstride: unknown option '--bogus'/],
    [['kb', 'show'], /^backstride: missing required argument 'id'/],
    [['log', 'pain'], /^backstride: missing required argument 'score'/],
    [['serve', '--port'], /^backstride: option .*--port <n>' argument missing/],
  ])('%j', (args, message) => {
    expectOneLine(cli(args), message);
  });
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

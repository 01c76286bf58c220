/**
 * Issue 9, parts 3 and 4: one-line usage errors, private files, escaped request logs, real dates and the
 * API's limits on the command line. Runs the built `bin/backstride` (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

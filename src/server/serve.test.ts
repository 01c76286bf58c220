/**
 * `backstride serve` as a person starts it: the built binary on a free port, one line on stdout once it
 * answers, a real HTTP request, and a clean exit 0 on SIGTERM and on SIGINT. Needs `npm run build`
 * (which `npm test` runs first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'backstride');

type Started = { child: ChildProcess; url: string; stdout: () => string; stderr: () => string };

/** Start the server and resolve with its URL once it prints the line (or reject if it exits first). */
function startServe(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    cwd: root,
    env: { ...process.env, BACKSTRIDE_DATA: mkdtempSync(join(tmpdir(), 'backstride-serve-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Backstride is running at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (m) resolve({ child, url: m[1] as string, stdout: () => out, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('backstride serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints one line, answers, and exits 0 on %s', async (signal) => {
    const s = await startServe(['--port', '0']);
    const health = await fetch(`${s.url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    const home = await fetch(s.url);
    expect(home.headers.get('content-type')).toContain('text/html');
    const done = exited(s.child);
    s.child.kill(signal);
    expect(await done).toBe(0);
    expect(s.stdout().split('\n')).toEqual([expect.stringMatching(/^Backstride is running at /), '']);
    expect(s.stderr()).toBe('');
  });

  it('logs method, path, status and time only with --verbose', async () => {
    const s = await startServe(['--port', '0', '--verbose']);
    await fetch(`${s.url}api/diary/pain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: 7, regions: ['neck'], note: 'private note' }),
    });
    const done = exited(s.child);
    s.child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(s.stderr()).toMatch(/^POST \/api\/diary\/pain 201 \d+ ms\n$/);
    expect(s.stderr()).not.toContain('private');
  });

  it('refuses a bad port with exit 2 and one line', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '70000'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    expect(await exited(child)).toBe(2);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/--port must be a whole number/)]);
  });
});

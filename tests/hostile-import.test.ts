/**
 * Hostile and broken files through the built CLI: a zip bomb, a damaged zip and a zip nested too deep
 * among good files are reported by name and the good files import; a decoding process that dies fails
 * the one file it held and the rest import.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-hostile-'));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const day = 86_400_000;
const base = Date.parse('2026-01-05T07:00:00Z');
const run = (n: number) =>
  encodeFit({
    sport: 'running',
    startTime: base + n * day,
    samples: syntheticRun({ start: base + n * day, durationS: 900, seed: n + 1 }),
  });

describe('hostile and broken files', () => {
  it('reports a zip bomb, a damaged zip and a zip nested too deep; the good files import', () => {
    const dir = join(scratch, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a-run.fit'), run(0));
    // 64 MiB of zeros: about 64 KiB on disk, far over 200:1.
    writeFileSync(join(dir, 'bomb.zip'), zipSync({ 'bomb.fit': new Uint8Array(64 << 20), 'ok.fit': run(1) }));
    const good = zipSync({ 'x.fit': run(2), 'y.fit': run(3) });
    writeFileSync(join(dir, 'broken.zip'), good.subarray(0, good.length >> 1));
    let nested = zipSync({ 'too-deep.fit': run(4) });
    for (let i = 4; i >= 1; i--) nested = zipSync({ [`level${i}.zip`]: nested });
    writeFileSync(join(dir, 'nested.zip'), nested);

    const r = cli(['import', dir, '--json', '--data-dir', join(scratch, 'data-mixed')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    // a-run.fit, bomb.zip!ok.fit, and x.fit if the first half of broken.zip holds it whole.
    expect(summary.imported).toBeGreaterThanOrEqual(2);
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        {
          file: expect.stringMatching(/bomb\.zip!bomb\.fit$/),
          reason: expect.stringMatching(/^inflates to more than 200 times/),
        },
        {
          file: expect.stringMatching(/nested\.zip!level1\.zip!level2\.zip!level3\.zip!level4\.zip$/),
          reason: 'a zip nested more than 3 deep',
        },
      ]),
    );
    expect(summary.failed).toEqual([
      { file: expect.stringMatching(/broken\.zip$/), reason: expect.stringMatching(/not a readable zip/) },
    ]);

    const text = cli(['import', dir, '--data-dir', join(scratch, 'data-mixed-text')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/skipped 1: a zip nested more than 3 deep/);
    expect(text.stdout).toMatch(/failed .*broken\.zip: not a readable zip/);
  });

  it('an unreadable zip alone fails by name with exit 2', () => {
    const path = join(scratch, 'only-broken.zip');
    writeFileSync(path, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]));
    const r = cli(['import', path, '--data-dir', join(scratch, 'data-broken')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/only-broken\.zip: not a readable zip/);
    expect(r.stderr).toMatch(/could not be imported/);
  });

  it('a decoding process that dies fails its one file; the rest import', () => {
    const dir = join(scratch, 'crash');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `run-${i}.fit`), run(10 + i));
    writeFileSync(join(dir, 'crash-me.fit'), run(30));
    const r = cli(['import', dir, '--json', '--workers', '2', '--data-dir', join(scratch, 'data-crash')], {
      BACKSTRIDE_TEST_WORKER_CRASH_ON: 'crash-me',
    });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.workers).toBe(2);
    expect(summary.imported).toBe(12);
    expect(summary.failed).toEqual([
      { file: expect.stringMatching(/crash-me\.fit$/), reason: 'the decoder stopped unexpectedly' },
    ]);
  });
});

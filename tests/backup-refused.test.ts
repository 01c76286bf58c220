/**
 * `import-backup` through the built CLI validates every row like live input: a tampered backup exits 2
 * with one line naming the table, row and field, the store is exactly as it was, and the diary and
 * insights still work afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-backup-refused-'));
const dataDir = join(scratch, 'data');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ok = (r: ReturnType<typeof cli>) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
};
/** The store's export without its time stamp, to compare before and after. */
const snapshot = () => {
  const out = join(scratch, 'snapshot.json');
  ok(cli(['export', '--out', out]));
  const b = JSON.parse(readFileSync(out, 'utf8'));
  delete b.exportedAt;
  return b;
};

type Backup = { tables: Record<'pain_checkins' | 'psfs_ratings', Record<string, unknown>[]> };
let good: Backup;

beforeAll(() => {
  ok(cli(['log', 'pain', '3', 'neck', '--at', '2026-04-05', '--json']));
  ok(cli(['log', 'psfs', 'run 5 km=6', '--at', '2026-04-05', '--json']));
  const file = join(scratch, 'good.json');
  ok(cli(['export', '--out', file]));
  good = JSON.parse(readFileSync(file, 'utf8'));
});

describe('import-backup', () => {
  const cases: [string, (b: Backup) => void, RegExp][] = [
    [
      'a pain score of 99',
      (b) => {
        (b.tables.pain_checkins[0] as Record<string, unknown>).score = 99;
      },
      /backup refused: pain_checkins row 0 \(id [\w-]+\): score: expected at most 10\n$/,
    ],
    [
      'timing "soon"',
      (b) => {
        (b.tables.pain_checkins[0] as Record<string, unknown>).timing = 'soon';
      },
      /backup refused: pain_checkins row 0 \(id [\w-]+\): timing: expected one of /,
    ],
    [
      'a duplicate id',
      (b) => {
        b.tables.psfs_ratings.push({ ...b.tables.psfs_ratings[0], activity: 'hop' });
      },
      /backup refused: psfs_ratings row 1 \(id [\w-]+\): id: duplicate of row 0/,
    ],
  ];

  it.each(cases)('refuses %s with exit 2 and changes nothing', (_what, tamper, line) => {
    const before = snapshot();
    const bad = structuredClone(good);
    tamper(bad);
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli(['import-backup', file, '--replace']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot()).toEqual(before);
    for (const cmd of ['diary', 'insights', 'progress']) expect(cli([cmd, '--json']).code, cmd).toBe(0);
  });

  it('still restores the good backup exactly', () => {
    ok(cli(['import-backup', join(scratch, 'good.json'), '--replace']));
    const { exportedAt: _at, ...expected } = good as Backup & { exportedAt: string };
    expect(snapshot()).toEqual(expected);
  });
});

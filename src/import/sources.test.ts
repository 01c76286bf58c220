/**
 * Hostile and broken zips while collecting: bombs refused by ratio, entry size and archive total as they
 * inflate (the rest of the archive kept), damaged zips reported, zips nested too deep reported, and the
 * temporary copies of entries private, in the folder given, and deleted afterwards. The same in a child
 * process (as the server collects), and what is reported when that process dies.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { COLLECTOR_STOPPED, collectIsolated } from './collect-child.js';
import { collect, ZIP_LIMITS } from './sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'backstride-sources-'));
/** Stands for the data folder's `tmp`. */
const tempRoot = join(scratch, 'data', 'tmp');
const start = Date.parse('2026-03-02T07:00:00Z');
const fitFile = (seed: number) =>
  encodeFit({
    sport: 'running',
    startTime: start + seed * 86_400_000,
    samples: syntheticRun({ start, durationS: 600, seed }),
  });
const write = (name: string, bytes: Uint8Array) => {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
};
const names = (items: { name: string }[]) => items.map((i) => i.name.split('!').slice(1).join('!'));

describe('collecting zips', () => {
  it('refuses an entry inflating past the ratio cap, keeps the others, and cleans up', () => {
    // 32 MiB of zeros deflate to about 32 KiB: a small bomb well over 200:1.
    const path = write(
      'bomb.zip',
      zipSync({ 'a.fit': fitFile(1), 'bomb.fit': new Uint8Array(32 << 20), 'z.fit': fitFile(2) }),
    );
    const c = collect([path], { tempRoot });
    expect(names(c.items)).toEqual(['a.fit', 'z.fit']);
    expect(c.rejected).toEqual([
      expect.objectContaining({
        name: `${path}!bomb.fit`,
        kind: 'skipped',
        reason: expect.stringMatching(/inflates to more than 200 times/),
      }),
    ]);
    const copy = c.items[0]?.path as string;
    expect(Buffer.from(c.items[0]?.read() ?? []).equals(fitFile(1))).toBe(true);
    c.cleanup();
    expect(existsSync(dirname(copy))).toBe(false);
  });

  it('refuses an entry past the size cap and entries past the archive total', () => {
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);
    const path = write(
      'big.zip',
      zipSync(
        { 'a.fit': fitFile(1), 'b.bin': random(3 << 20), 'c.fit': fitFile(2), 'd.bin': random(1 << 20) },
        { level: 0 },
      ),
    );
    const entry = collect([path], { tempRoot, limits: { ...ZIP_LIMITS, entryBytes: 2 << 20 } });
    expect(names(entry.items)).toEqual(['a.fit', 'c.fit', 'd.bin']);
    expect(entry.rejected).toMatchObject([
      { name: `${path}!b.bin`, kind: 'skipped', reason: 'inflates to more than 2 MiB' },
    ]);
    entry.cleanup();
    const total = collect([path], { tempRoot, limits: { ...ZIP_LIMITS, archiveBytes: 4 << 20 } });
    expect(names(total.items)).toEqual(['a.fit', 'b.bin', 'c.fit']);
    expect(total.rejected).toMatchObject([
      { name: `${path}!d.bin`, reason: 'the archive inflates to more than 4 MiB' },
    ]);
    total.cleanup();
  });

  it('reports a plain file past the cap without reading it, and keeps the others', () => {
    const folder = join(scratch, 'big-folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'run.fit'), fitFile(3));
    // Sparse: 3 MiB on paper, nothing on disk; a test cap of 2 MiB stands for the real 256 MiB.
    writeFileSync(join(folder, 'huge.gpx'), '');
    truncateSync(join(folder, 'huge.gpx'), 3 << 20);
    const got = collect([folder], { tempRoot, limits: { ...ZIP_LIMITS, entryBytes: 2 << 20 } });
    expect(got.items.map((i) => basename(i.name))).toEqual(['run.fit']);
    expect(got.rejected).toMatchObject([
      {
        name: join(folder, 'huge.gpx'),
        kind: 'failed',
        reason: 'too large to be an activity file (3 MiB; the limit is 2 MiB)',
      },
    ]);
    got.cleanup();
  });

  it('reports a damaged or unreadable zip and keeps going', () => {
    const good = zipSync({ 'a.fit': fitFile(1), 'b.fit': fitFile(2) });
    const truncated = write('truncated.zip', good.subarray(0, good.length - 200 - (good.length >> 2)));
    const garbage = write('garbage.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const ok = write('ok.zip', good);
    const c = collect([truncated, garbage, ok], { tempRoot });
    expect(c.items.map((i) => i.name)).toEqual(expect.arrayContaining([`${ok}!a.fit`, `${ok}!b.fit`]));
    expect(c.rejected.filter((r) => r.kind === 'failed').map((r) => r.name)).toEqual([truncated, garbage]);
    expect(c.rejected[0]?.reason).toMatch(/not a readable zip/);
    c.cleanup();
  });

  it('reports a zip nested more than 3 deep', () => {
    let inner = zipSync({ 'deep.fit': fitFile(5) });
    for (let i = 4; i >= 1; i--) inner = zipSync({ [`level${i}.zip`]: inner, [`run${i}.fit`]: fitFile(i) });
    const path = write('nested.zip', inner);
    const c = collect([path], { tempRoot });
    expect(names(c.items)).toEqual([
      'level1.zip!level2.zip!level3.zip!run4.fit',
      'level1.zip!level2.zip!run3.fit',
      'level1.zip!run2.fit',
      'run1.fit',
    ]);
    expect(c.rejected).toMatchObject([
      {
        name: `${path}!level1.zip!level2.zip!level3.zip!level4.zip`,
        kind: 'skipped',
        reason: 'a zip nested more than 3 deep',
      },
    ]);
    c.cleanup();
  });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('where the copies of entries go', () => {
  const umask = process.umask();
  afterEach(() => {
    process.umask(umask);
  });

  it('copies entries into a private folder of the temp root, whatever the umask', () => {
    process.umask(0o022);
    const root = join(mkdtempSync(join(tmpdir(), 'backstride-sources-')), 'data', 'tmp');
    const path = write('private.zip', zipSync({ 'a.fit': fitFile(1), 'b.fit': fitFile(2) }));
    const c = collect([path], { tempRoot: root });
    expect(mode(root)).toBe(0o700);
    expect(dirname(c.tempDir as string)).toBe(root);
    expect(basename(c.tempDir as string)).toMatch(new RegExp(`^import-${process.pid}-`));
    expect(mode(c.tempDir as string)).toBe(0o700);
    for (const item of c.items) {
      expect(dirname(item.path as string)).toBe(c.tempDir);
      expect(mode(item.path as string)).toBe(0o600);
    }
    c.cleanup();
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('collecting in a child process', () => {
  it('finds what collecting here finds, with the copies made by the child', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'backstride-sources-')), 'tmp');
    const path = write(
      'child-bomb.zip',
      zipSync({ 'a.fit': fitFile(1), 'bomb.fit': new Uint8Array(32 << 20), 'z.fit': fitFile(2) }),
    );
    const plain = write('plain.fit', fitFile(3));
    const c = await collectIsolated([path, plain], { tempRoot: root });
    expect(c.items.map((i) => i.name)).toEqual([`${path}!a.fit`, `${path}!z.fit`, plain]);
    expect(c.rejected).toEqual([
      expect.objectContaining({ name: `${path}!bomb.fit`, reason: expect.stringMatching(/200 times/) }),
    ]);
    // Named after the process that inflated the entries: not this one.
    expect(basename(c.tempDir as string)).toMatch(/^import-\d+-/);
    expect(basename(c.tempDir as string)).not.toMatch(new RegExp(`^import-${process.pid}-`));
    expect(Buffer.from(c.items[1]?.read() ?? []).equals(fitFile(2))).toBe(true);
    c.cleanup();
    expect(readdirSync(root)).toEqual([]);
  });

  it('collects plain files here, without a child', async () => {
    const plain = write('alone.fit', fitFile(4));
    const c = await collectIsolated([plain], { tempRoot: join(scratch, 'unused') });
    expect(c.items.map((i) => i.name)).toEqual([plain]);
    expect(existsSync(join(scratch, 'unused'))).toBe(false);
  });

  it('reports a missing path as bad input', async () => {
    const path = write('with-missing.zip', zipSync({ 'a.fit': fitFile(1) }));
    await expect(
      collectIsolated([path, join(scratch, 'nope.fit')], { tempRoot: join(scratch, 'tmp-missing') }),
    ).rejects.toThrow(/no such file or folder: .*nope\.fit/);
  });

  it('fails every input by name when the child dies, and deletes the copies it made', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'backstride-sources-')), 'tmp');
    const path = write('crash-me.zip', zipSync({ 'a.fit': fitFile(1) }));
    const plain = write('beside.fit', fitFile(2));
    process.env.BACKSTRIDE_TEST_WORKER_CRASH_ON = 'crash-me';
    try {
      const c = await collectIsolated([path, plain], { tempRoot: root });
      expect(c.items).toEqual([]);
      expect(c.rejected).toEqual([
        { name: path, kind: 'failed', reason: `${COLLECTOR_STOPPED} (SIGKILL)`, size: statSync(path).size },
        { name: plain, kind: 'failed', reason: `${COLLECTOR_STOPPED} (SIGKILL)`, size: statSync(plain).size },
      ]);
    } finally {
      delete process.env.BACKSTRIDE_TEST_WORKER_CRASH_ON;
    }
    expect(readdirSync(root)).toEqual([]);
  });
});

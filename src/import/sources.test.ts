/**
 * Hostile and broken zips while collecting: bombs refused by ratio, entry size and archive total as they
 * inflate (the rest of the archive kept), damaged zips reported, zips nested too deep reported, and the
 * temporary copies of entries deleted afterwards.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { collect, ZIP_LIMITS } from './sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'backstride-sources-'));
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
    const c = collect([path]);
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
    const entry = collect([path], { ...ZIP_LIMITS, entryBytes: 2 << 20 });
    expect(names(entry.items)).toEqual(['a.fit', 'c.fit', 'd.bin']);
    expect(entry.rejected).toMatchObject([
      { name: `${path}!b.bin`, kind: 'skipped', reason: 'inflates to more than 2 MiB' },
    ]);
    entry.cleanup();
    const total = collect([path], { ...ZIP_LIMITS, archiveBytes: 4 << 20 });
    expect(names(total.items)).toEqual(['a.fit', 'b.bin', 'c.fit']);
    expect(total.rejected).toMatchObject([
      { name: `${path}!d.bin`, reason: 'the archive inflates to more than 4 MiB' },
    ]);
    total.cleanup();
  });

  it('reports a damaged or unreadable zip and keeps going', () => {
    const good = zipSync({ 'a.fit': fitFile(1), 'b.fit': fitFile(2) });
    const truncated = write('truncated.zip', good.subarray(0, good.length - 200 - (good.length >> 2)));
    const garbage = write('garbage.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const ok = write('ok.zip', good);
    const c = collect([truncated, garbage, ok]);
    expect(c.items.map((i) => i.name)).toEqual(expect.arrayContaining([`${ok}!a.fit`, `${ok}!b.fit`]));
    expect(c.rejected.filter((r) => r.kind === 'failed').map((r) => r.name)).toEqual([truncated, garbage]);
    expect(c.rejected[0]?.reason).toMatch(/not a readable zip/);
    c.cleanup();
  });

  it('reports a zip nested more than 3 deep', () => {
    let inner = zipSync({ 'deep.fit': fitFile(5) });
    for (let i = 4; i >= 1; i--) inner = zipSync({ [`level${i}.zip`]: inner, [`run${i}.fit`]: fitFile(i) });
    const path = write('nested.zip', inner);
    const c = collect([path]);
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

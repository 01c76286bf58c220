/**
 * The import's progress line: no wild estimate at the start, then a straight-line ETA, in h:mm:ss past an
 * hour; and the plain lines (no terminal) every 10 %.
 */
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../import/index.js';
import { etaText, importProgress } from './progress.js';

describe('etaText', () => {
  it('says the time left is not known yet before 5 % of the work and 2 seconds', () => {
    // The first line of a one-minute import once said "ETA 85:30": 1.5 s of start-up over 0.03 % done.
    expect(etaText(1.5, 0.0003)).toBe('ETA --:--');
    expect(etaText(30, 0.01)).toBe('ETA --:--');
    expect(etaText(1, 0.5)).toBe('ETA --:--');
    expect(etaText(0, 0)).toBe('ETA --:--');
  });

  it('estimates in a straight line once it can', () => {
    expect(etaText(10, 0.5)).toBe('ETA 0:10');
    expect(etaText(6, 0.1)).toBe('ETA 0:54');
    expect(etaText(3, 1)).toBe('ETA 0:00');
    expect(etaText(400, 0.1)).toBe('ETA 1:00:00');
  });

  it('never prints NaN or a negative time', () => {
    expect(etaText(Number.NaN, 0.5)).toBe('ETA --:--');
    expect(etaText(5, Number.NaN)).toBe('ETA --:--');
    expect(etaText(5, 1.5)).toBe('ETA --:--');
  });
});

describe('importProgress without a terminal', () => {
  it('writes its first line without an estimate', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const bar = importProgress(stream);
    const p: ImportProgress = {
      filesDone: 1,
      filesTotal: 3000,
      bytesDone: 1000,
      bytesTotal: 30_000_000,
      runsImported: 1,
    };
    bar.update(p);
    expect(lines[0]).toMatch(/^import: 0% 1\/3000 files .* ETA --:--\n$/);
  });
});

/**
 * One file to rows: the reasons and facts the import gives for files that are not a clean, complete run.
 */
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { processFile } from './process.js';

const start = Date.parse('2026-03-02T07:00:00Z');
const run = (durationS = 1800) => ({
  sport: 'running' as const,
  startTime: start,
  samples: syntheticRun({ start, durationS, seed: 4 }),
});

describe('processFile', () => {
  it('says "no sport recorded" for a FIT file without session, lap or sport message', () => {
    const bytes = encodeFit({ ...run(), omit: ['lap', 'session', 'sport'] });
    const outcome = processFile('mystery.fit', bytes);
    expect(outcome).toEqual({
      kind: 'skipped',
      reason: 'no sport recorded: the file does not say what activity it is',
    });
  });

  it('keeps the run of a FIT file cut short, marked as truncated', () => {
    const whole = encodeFit(run());
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const outcome = processFile('cut.fit', cut);
    expect(outcome.kind).toBe('runs');
    if (outcome.kind !== 'runs') return;
    const [row] = outcome.runs;
    expect(row?.truncated).toBe(1);
    // About 60 % of a 30-minute run survived the cut.
    expect(row?.elapsed_s ?? 0).toBeGreaterThan(900);
    expect(row?.elapsed_s ?? 0).toBeLessThan(1200);
    expect((processFile('whole.fit', whole) as { runs: { truncated: number }[] }).runs[0]?.truncated).toBe(0);
  });
});

/**
 * Two clips of one run, early and late: the drift measures and the fatigue finding, on the real analysis
 * of synthetic runners made with a known lean and head position.
 */
import { describe, expect, it } from 'vitest';
import { compareEarlyLate, driftInWords, earlyPartner } from './compare.js';
import { analyseForm } from './index.js';
import { syntheticRunner } from './synthetic.js';

const clip = (options: Parameters<typeof syntheticRunner>[0]) => analyseForm(syntheticRunner(options));

describe('early and late clips compared', () => {
  const early = clip({ seed: 3, trunkLeanDeg: 6 });

  it('finds the trunk leaning further forward late in the run', () => {
    const late = clip({ seed: 4, trunkLeanDeg: 14 });
    const c = compareEarlyLate(early, late);
    const lean = c.drift.find((d) => d.id === 'trunkLeanDrift');
    expect(lean?.value).toBeGreaterThan(6);
    expect(c.findings.map((f) => f.factorId)).toEqual(['fatigue-hunch']);
    expect(c.findings[0]?.summary).toMatch(
      /^In the late clip your trunk leans [\d.]+° further forward than in the early one\.$/,
    );
  });

  it('finds nothing when the runner held their form, and still reports the cadence change', () => {
    const c = compareEarlyLate(early, clip({ seed: 5, trunkLeanDeg: 6, cadenceSpm: 160 }));
    expect(c.findings).toEqual([]);
    const cadence = c.drift.find((d) => d.id === 'cadenceDrift');
    expect(cadence?.unit).toBe('%');
    expect(cadence?.value).toBeLessThan(0);
  });

  it('compares head and trunk only between two side views', () => {
    const back = clip({ seed: 4, view: 'back' });
    const c = compareEarlyLate(early, back);
    expect(c.drift.map((d) => d.id)).toEqual(['cadenceDrift']);
    expect(c.findings).toEqual([]);
  });
});

describe('a drift in words', () => {
  it('gives the size and the direction, and says unchanged below the shown precision', () => {
    expect(driftInWords({ id: 'headDrift', value: 0.12 })).toBe(
      'head 0.12 torso lengths further forward and down',
    );
    expect(driftInWords({ id: 'trunkLeanDrift', value: -2.04 })).toBe('trunk 2.0° more upright');
    expect(driftInWords({ id: 'shoulderDrift', value: 0.001 })).toBe('shoulders unchanged');
    expect(driftInWords({ id: 'cadenceDrift', value: -0.04 })).toBe('cadence unchanged');
    expect(driftInWords({ id: 'cadenceDrift', value: 1.5 })).toBe('cadence 1.5% higher');
  });
});

describe('the early clip a late one is compared with', () => {
  const at = Date.UTC(2026, 10, 29, 18);
  const clip = (label: string | null, hoursBefore: number) => ({
    label,
    checkedAt: at - hoursBefore * 3_600_000,
  });
  it('is the latest early clip saved up to 12 hours before the late one', () => {
    const early = clip('early', 1);
    expect(earlyPartner(at, [clip('early', 3), early, clip(null, 0.5), clip('early', -1)])).toBe(early);
    expect(earlyPartner(at, [clip('early', 12.5), clip('late', 2)])).toBeUndefined();
  });
});

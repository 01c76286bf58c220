import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareEarlyLate } from '../form/compare.js';
import { analyseForm } from '../form/index.js';
import { syntheticRunner } from '../form/synthetic.js';
import { knowledge } from '../knowledge/index.js';
import { formJson, renderComparison, renderForm } from './form-render.js';

// picocolors decides on colour when it is imported (CI=true turns it on), so the tests read plain text.
const plain = (text: string) => stripVTControlCharacters(text);
const analysis = {
  model: 'lightning' as const,
  durationS: 8,
  fps: 30,
  frameStep: 2,
  framesAnalysed: 120,
  seconds: 5.2,
};

describe('form output', () => {
  // A synthetic runner (no video) with shrugged shoulders and the head pushed forward.
  const report = analyseForm(syntheticRunner({ shoulderRaise: 0.24, headForward: 0.35, durationS: 8 }), {
    view: 'side',
  });

  it('explains each measure with a verdict and what to work on, in plain words', () => {
    const text = plain(renderForm({ report, analysis }));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(text).toMatch(/^Running form from your video\n/);
    expect(text).toMatch(/Cadence: \d+ steps a minute/);
    expect(text).toMatch(/Shrugged, raised shoulders \(\d+% sure\)/);
    expect(text).toMatch(/worth working on/);
    expect(text).toMatch(/fine \(under/);
    expect(text).toMatch(/While running: Shoulders down and loose/);
    expect(text).toMatch(/Exercises: /);
    expect(text).toMatch(/The video stayed on this device and was not stored/);
    // No internal ids: every hyphenated knowledge-base id is absent from the words.
    const kb = knowledge() as unknown as Record<string, { id?: string }[]>;
    for (const items of Object.values(kb))
      if (Array.isArray(items))
        for (const item of items) if (item.id?.includes('-')) expect(text).not.toContain(item.id);
  });

  it('says why a clip was not judged, and the JSON keeps the report fields', () => {
    const walking = analyseForm(syntheticRunner({ gait: 'walk', durationS: 8 }), { view: 'auto' });
    const text = plain(renderForm({ report: walking, analysis }));
    expect(text).toMatch(/^No steady running found in this video\n/);
    expect(text).toMatch(/Not judged: /);
    expect(text).toMatch(/Nothing: form is only judged on steady running/);
    const doc = formJson({ report: walking, analysis }, { id: 'x' });
    expect(doc).toMatchObject({ running: false, findings: [], savedId: 'x', analysis });
  });
});

describe('a late clip compared with the early one', () => {
  const early = analyseForm(syntheticRunner({ seed: 3, trunkLeanDeg: 6 }));

  it('says how the form drifted, and the fatigue fault with its threshold, in plain words', () => {
    const late = analyseForm(syntheticRunner({ seed: 4, trunkLeanDeg: 14 }));
    const text = stripVTControlCharacters(
      renderComparison({
        earlyId: 'x',
        earlyAt: Date.UTC(2026, 4, 12, 7, 5),
        ...compareEarlyLate(early, late),
      }),
    );
    expect(text).toMatch(/^Compared with your early clip \(saved at \d\d:\d\d\)\n/);
    expect(text).toMatch(/Late in the run: .*trunk [\d.]+° further forward/);
    expect(text).toMatch(
      /Worth working on: In the late clip your trunk leans [\d.]+° further forward than in the early one\. \(Backstride heuristic/,
    );
    expect(text).not.toMatch(/fatigue-hunch|trunkLeanDrift|\bx\b/);
  });

  it('says the form held up when nothing drifted past its threshold', () => {
    const late = analyseForm(syntheticRunner({ seed: 5, trunkLeanDeg: 6 }));
    const text = plain(renderComparison({ earlyId: 'x', earlyAt: 0, ...compareEarlyLate(early, late) }));
    expect(text).toContain('Your form held up: no drift passed its threshold.');
  });
});

/**
 * Form measured from video, as evidence: the real analysis core on synthetic runners, saved checks
 * turned into factor evidence, and the assessment's ranking. A measured fault raises its factor on its
 * own and leads what the runner said; a clip that shows no fault weighs the runner's "yes" down and says
 * so; a refused or old clip, or no clip, changes nothing; the first clip is the runner's baseline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Answers, parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { analyseForm } from '../form/index.js';
import { syntheticRunner } from '../form/synthetic.js';
import { VIDEO_RULES, type VideoCheck, videoEvidence } from './video.js';

const DAY = 86_400_000;
const base = parseAnswers(
  JSON.parse(
    readFileSync(
      new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
      'utf8',
    ),
  ),
);
const NOW = new Date(base.date ?? '2026-05-20T12:00:00Z').getTime();

/** A saved check from a synthetic clip, as the store gives it to the assessment. */
function check(
  options: Parameters<typeof syntheticRunner>[0],
  daysAgo: number,
  label: 'early' | 'late' | null = null,
): VideoCheck {
  const r = analyseForm(syntheticRunner(options));
  return {
    checkedAt: NOW - daysAgo * DAY,
    running: r.running,
    refused: r.quality.refusals.length > 0,
    label,
    view: r.view,
    cadenceSpm: r.cadenceSpm,
    measures: r.measures,
    findings: r.findings,
  };
}

const withShrug = (answers: Answers, shrugging: boolean): Answers => ({
  ...answers,
  form: { ...(answers.form ?? {}), shrugging },
});
const factor = (a: ReturnType<typeof assess>, id: string) => a.factors.find((f) => f.id === id);

describe('form measured from video', () => {
  const shrugged = check({ shoulderRaise: 0.25, seed: 3 }, 2);
  const relaxed = check({ seed: 3 }, 30);

  it('the synthetic clips measure what they were made with', () => {
    expect(shrugged.findings.map((f) => f.factorId)).toContain('shrugged-shoulders');
    expect(relaxed.findings.map((f) => f.factorId)).not.toContain('shrugged-shoulders');
  });

  it('raises a measured fault the runner did not report, and says when and by how much against the first clip', () => {
    const answers = withShrug(base, false);
    expect(factor(assess(answers, new Date(NOW)), 'shrugged-shoulders')).toBeUndefined();
    const a = assess(answers, new Date(NOW), { formChecks: [relaxed, shrugged] });
    const f = factor(a, 'shrugged-shoulders');
    expect(f?.evidence[0]).toMatch(
      /^Measured from your video on \d+ \w+ 20\d\d: Your shoulders sit high: .* \(head-to-shoulder distance: \d+% less than in your first clip on \d+ \w+ 20\d\d\)\.$/,
    );
    expect(f?.score).toBeGreaterThanOrEqual(VIDEO_RULES.baseWeight);
  });

  it('puts the measurement first and keeps what the runner said beside it', () => {
    const a = assess(withShrug(base, true), new Date(NOW), { formChecks: [shrugged] });
    const f = factor(a, 'shrugged-shoulders');
    expect(f?.evidence[0]).toMatch(/^Measured from your video/);
    expect(f?.evidence).toContain('Your shoulders creep up toward your ears when you run.');
  });

  it('weighs a "yes" down when the video showed no fault, and says so', () => {
    const answers = withShrug(base, true);
    const said = factor(assess(answers, new Date(NOW)), 'shrugged-shoulders');
    const a = assess(answers, new Date(NOW), { formChecks: [check({ seed: 3 }, 1)] });
    const f = factor(a, 'shrugged-shoulders');
    expect(f?.score).toBeLessThan(said?.score ?? 0);
    expect(f?.evidence.some((e) => /^Your video on .* did not show this \(/.test(e))).toBe(true);
  });

  it('ignores a refused clip, a clip with no running, and one older than six months', () => {
    const answers = withShrug(base, false);
    const refused = { ...shrugged, refused: true };
    const walking = { ...shrugged, running: false };
    const old = { ...shrugged, checkedAt: NOW - (VIDEO_RULES.maxAgeDays + 1) * DAY };
    for (const c of [refused, walking, old]) {
      expect(videoEvidence([c], NOW)).toBeUndefined();
      expect(
        factor(assess(answers, new Date(NOW), { formChecks: [c] }), 'shrugged-shoulders'),
      ).toBeUndefined();
    }
  });

  it('raises hunching when tired from two clips of one run, early and late', () => {
    const early = check({ seed: 3, trunkLeanDeg: 6 }, 1.2, 'early');
    const late = check({ seed: 4, trunkLeanDeg: 14 }, 1, 'late');
    const f = factor(assess(base, new Date(NOW), { formChecks: [early, late] }), 'fatigue-hunch');
    expect(f?.evidence[0]).toMatch(
      /^Measured from your early and late clips on \d+ \w+ 20\d\d: In the late clip your trunk leans [\d.]+° further forward than in the early one\.$/,
    );
    // Two clips a week apart are not one run.
    const apart = { ...early, checkedAt: late.checkedAt - 7 * DAY };
    expect(videoEvidence([apart, late], NOW)?.pair).toBeUndefined();
  });

  it('never changes the triage level', () => {
    const a = assess(base, new Date(NOW));
    const b = assess(base, new Date(NOW), { formChecks: [shrugged] });
    expect(b.triage).toEqual(a.triage);
  });
});

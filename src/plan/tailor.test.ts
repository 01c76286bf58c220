/**
 * The runner's swaps and drops on a plan: what a swap may be for, that changes apply to the strength and
 * mobility programme only, that they undo exactly, and that a change of a plan already changed starts
 * from the plan as built.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { byId } from '../knowledge/index.js';
import {
  describeChange,
  type Plan,
  type PlanChange,
  swapOptions,
  tailorPlan,
  untailorPlan,
} from './index.js';

const answers = parseAnswers(
  JSON.parse(
    readFileSync(
      new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
      'utf8',
    ),
  ),
);
const result = assess({ ...answers, daily: { ...answers.daily, equipment: ['band'] } });
const built = result.plan;
const raised = result.factors.map((f) => f.id);
const AT = Date.UTC(2026, 2, 4);

const programme = (p: Plan) =>
  p.sections.find((s) => s.id === 'strength-mobility')?.items.map((i) => i.id) ?? [];
const tailor = (changes: PlanChange[], plan = built) => tailorPlan(plan, { changes, kit: ['band'], raised });

describe('swaps and drops', () => {
  const [first, second] = programme(built);
  if (!first || !second) throw new Error('the plan needs two exercises');

  it('offers swaps of the same kind that share a factor, are allowed and are not already in the plan', () => {
    const e = byId('exercises', first);
    const options = swapOptions(built, first, ['band']);
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      expect(o.kind === 'strength').toBe(e.kind === 'strength');
      expect(o.factors.some((f) => e.factors.includes(f))).toBe(true);
      expect(programme(built)).not.toContain(o.id);
      expect(o.kit.every((k) => k === 'band' || k === 'gym')).toBe(true);
      expect(o.kit.length === 0 || o.kit.includes('band')).toBe(true);
    }
    expect(swapOptions(built, 'no-such-exercise', [])).toEqual([]);
  });

  it('swaps in place, drops, records both, and undoes them exactly', () => {
    const [replacement] = swapOptions(built, first, ['band']);
    if (!replacement) throw new Error('no swap');
    const changed = tailor([
      { exercise: first, action: 'swap', replacement: replacement.id, at: AT },
      { exercise: second, action: 'drop', at: AT },
    ]);
    const ids = programme(changed);
    expect(ids[0]).toBe(replacement.id);
    expect(ids).not.toContain(first);
    expect(ids).not.toContain(second);
    expect(changed.changes?.map((c) => [c.exercise, c.action, c.by])).toEqual([
      [first, 'swap', 'you'],
      [second, 'drop', 'you'],
    ]);
    expect(changed.changes?.map(describeChange)).toEqual([
      `You swapped ${byId('exercises', first).name} for ${replacement.name}.`,
      `You dropped ${byId('exercises', second).name}.`,
    ]);
    // Other sections are as built.
    for (const s of built.sections.filter((x) => x.id !== 'strength-mobility')) {
      expect(changed.sections.find((x) => x.id === s.id)).toEqual(s);
    }
    expect(untailorPlan(changed)).toEqual(built);
    // Tailoring a tailored plan starts from the plan as built: no changes gives it back.
    expect(tailor([], changed)).toEqual(built);
    expect(tailor([{ exercise: second, action: 'drop', at: AT }], changed).changes).toHaveLength(1);
  });

  it('ignores changes to exercises not in this plan, and a swap to an exercise already in it does not double it', () => {
    expect(tailor([{ exercise: 'lat-pull-down', action: 'drop', at: AT }])).toEqual(built);
    const doubled = tailor([{ exercise: first, action: 'swap', replacement: second, at: AT }]);
    expect(programme(doubled).filter((id) => id === second)).toHaveLength(1);
    expect(programme(doubled)).not.toContain(first);
    expect(untailorPlan(doubled)).toEqual(built);
  });

  it('does not apply a swap the runner’s equipment or a gentle plan no longer allows', () => {
    const toGym = tailor([{ exercise: first, action: 'swap', replacement: 'lat-pull-down', at: AT }]);
    expect(programme(toGym)).toContain(first);
    expect(programme(toGym)).not.toContain('lat-pull-down');
  });

  it('leaves a safety-only plan alone', () => {
    const safety: Plan = { level: 'urgent', mode: 'safety-only', sections: [] };
    expect(tailor([{ exercise: first, action: 'drop', at: AT }], safety)).toEqual(safety);
  });
});

/**
 * Equipment: every exercise against every set of kit a runner can have, through the knowledge base's
 * own words (`equipment`), the plan builder, the swap options and the tailoring of a plan saved before
 * the equipment question, so no plan ever sends a runner to a machine or dumbbells they lack.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Answers, parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { byId, type Kit, knowledge } from '../knowledge/index.js';
import { canDo, KITS, kitInWords, kitOf, newToStrength, swapOptions, tailorPlan } from './index.js';

/** Every set of kit: none, each alone, each pair, all three. */
const KIT_SETS: Kit[][] = Array.from({ length: 1 << KITS.length }, (_, mask) =>
  KITS.filter((_, i) => mask & (1 << i)),
);

/** What each kit puts within reach, in the words of the exercises' `equipment`; a floor, mat, wall and chair are everyone's. */
const PROVIDES: Record<Kit | 'home', string[]> = {
  home: ['mat', 'wall', 'chair'],
  band: ['resistance band'],
  dumbbells: ['dumbbells'],
  gym: ['resistance band', 'dumbbells', 'cable machine', 'barbell or kettlebell', 'foam roller', 'mat'],
};
const within = (kit: Kit[]) => new Set([...PROVIDES.home, ...kit.flatMap((k) => PROVIDES[k])]);

const DESK_WORKER = JSON.parse(
  readFileSync(
    new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
    'utf8',
  ),
);

/** A desk worker with upper and lower back pain whose answers raise many factors. */
const answers = (equipment?: string[], more: Partial<NonNullable<Answers['daily']>> = {}): Answers => {
  const a = structuredClone(DESK_WORKER);
  a.pain.regions = ['between-shoulder-blades', 'lower-back'];
  a.form = { shrugging: true, headForward: true, armsCrossMidline: true, chestBreathing: true };
  a.daily = { ...a.daily, strengthSessionsPerWeek: 2, ...(equipment ? { equipment } : {}), ...more };
  return parseAnswers(a);
};

const exercisesOf = (plan: ReturnType<typeof assess>['plan']) =>
  plan.sections.flatMap((s) =>
    s.items.filter((i) => i.type === 'exercise').map((i) => byId('exercises', i.id)),
  );

describe('equipment', () => {
  it('marks every exercise with the kits that provide what its steps need, for every set of kit', () => {
    for (const e of knowledge().exercises) {
      for (const kit of KIT_SETS) {
        const reachable = e.equipment.every((thing) => within(kit).has(thing));
        expect(canDo(e, kit), `${e.id} with ${kitInWords(kit)}`).toBe(reachable);
      }
    }
  });

  it('reads the kit from the answers; "none" or no answer is no equipment', () => {
    expect(kitOf(answers(['none']))).toEqual([]);
    expect(kitOf(answers())).toEqual([]);
    expect(kitOf(answers(['gym', 'band']))).toEqual(['band', 'gym']);
    expect(kitInWords(['band', 'dumbbells', 'gym'])).toBe('a band, dumbbells and a gym');
    expect(newToStrength(answers(['none'], { strengthSessionsPerWeek: 0 }))).toBe(true);
    expect(newToStrength(answers(['none'], { strengthSessionsPerWeek: 2 }))).toBe(false);
    expect(newToStrength(answers())).toBe(false);
  });

  it('never puts an exercise in a plan, its week or its swap options that the runner’s kit does not allow', () => {
    for (const kit of KIT_SETS) {
      const said = kit.length ? kit : ['none'];
      for (const a of [answers(said), answers(said, { strengthSessionsPerWeek: 0 })]) {
        const r = assess(a, new Date('2026-03-04T09:00:00Z'));
        const inPlan = exercisesOf(r.plan);
        expect(inPlan.length, kitInWords(kit)).toBeGreaterThan(2);
        for (const e of inPlan) expect(canDo(e, kit), `${e.id} for ${kitInWords(kit)}`).toBe(true);
        const scheduled = (r.week?.days ?? []).flatMap((d) => d.groups.flatMap((g) => g.items));
        for (const i of scheduled) {
          if (i.kind !== 'routine') expect(canDo(byId('exercises', i.id), kit), i.id).toBe(true);
        }
        for (const e of inPlan) {
          for (const o of swapOptions(r.plan, e.id, kit)) expect(canDo(o, kit), o.id).toBe(true);
        }
      }
    }
  });

  it('gives a runner without kit no lat pull-down or dumbbells, and a gym-goer may have them', () => {
    const none = exercisesOf(assess(answers(['none'])).plan).map((e) => e.id);
    expect(none).not.toContain('lat-pull-down');
    expect(none).not.toContain('reverse-fly');
    expect(none).not.toContain('renegade-row');
    const gym = exercisesOf(assess(answers(['gym'])).plan).map((e) => e.id);
    expect(gym.some((id) => byId('exercises', id).kit.length > 0)).toBe(true);
  });

  it('replaces, in a plan saved before the question, what the kit does not allow, keeping what it addresses', () => {
    const saved = assess(answers(['gym'])).plan;
    const needsKit = exercisesOf(saved).filter((e) => !canDo(e, []));
    expect(needsKit.length).toBeGreaterThan(0);
    const kept = tailorPlan(saved, { changes: [], kit: [], raised: knowledge().factors.map((f) => f.id) });
    for (const e of exercisesOf(kept)) expect(canDo(e, []), e.id).toBe(true);
    for (const c of kept.changes ?? []) {
      expect(c.by).toBe('equipment');
      if (c.replacement) {
        const shared = byId('exercises', c.replacement).factors.filter((f) =>
          byId('exercises', c.exercise).factors.includes(f),
        );
        expect(shared.length, `${c.replacement} for ${c.exercise}`).toBeGreaterThan(0);
      }
    }
  });
});

/**
 * The runner's plan changes on both engines: swaps and drops by name through the service, kept across a
 * new check-in, shown by the week, restored one or all; in the backup, checked row by row like every
 * other table, restored, and cleared by delete-all; and a version-3 backup without them still restores.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { isBackstrideError } from '../errors.js';
import { byId } from '../knowledge/index.js';
import { saveOrCompare } from '../services/assess.js';
import { loadDiary } from '../services/insights.js';
import { changePlan, type PlanChangeRequest, planWeek } from '../services/plan.js';
import { checkBackup, deleteAllRows, exportAll, restoreAll } from './backup.js';
import type { Store } from './index.js';
import { clearPlanChanges, listPlanChanges, setPlanChange } from './plan-changes.js';
import { engines } from './test-engines.js';

const NOW = new Date(2026, 2, 4, 9, 0); // Wednesday 4 March 2026, local time
const desk = JSON.parse(
  readFileSync(
    new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
    'utf8',
  ),
);
const answers = parseAnswers({
  ...desk,
  date: undefined,
  daily: { ...desk.daily, strengthSessionsPerWeek: 2, equipment: ['band'] },
});

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

/** A bad-input error's message, or a failure when the call succeeds. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (isBackstrideError(error) && error.code === 'bad-input') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(engines)('plan changes on %s', (_name, open) => {
  const withPlan = async () => {
    const store = await open();
    opened.push(store);
    await saveOrCompare(store, answers, { save: true }, NOW);
    return store;
  };
  const week = async (store: Store) => planWeek(await loadDiary(store), NOW);
  const change = async (store: Store, r: PlanChangeRequest) =>
    changePlan(store, await loadDiary(store), r, NOW);
  const strengthNames = async (store: Store) =>
    (await week(store)).schedule.days
      .flatMap((d) => d.groups.filter((g) => g.slot === 'strength').flatMap((g) => g.items))
      .map((i) => i.name);

  it('stores one change per exercise, replacing an earlier one, and clears one or all', async () => {
    const store = await open();
    opened.push(store);
    await setPlanChange(store.db, { exercise: 'plank', action: 'drop', at: 1 });
    await setPlanChange(store.db, { exercise: 'plank', action: 'swap', replacement: 'bird-dog', at: 2 });
    await setPlanChange(store.db, { exercise: 'squat', action: 'drop', at: 3 });
    expect(await listPlanChanges(store.db)).toEqual([
      { exercise: 'plank', action: 'swap', replacement: 'bird-dog', at: 2 },
      { exercise: 'squat', action: 'drop', at: 3 },
    ]);
    expect(await clearPlanChanges(store.db, 'plank')).toBe(1);
    expect(await clearPlanChanges(store.db)).toBe(1);
    expect(await listPlanChanges(store.db)).toEqual([]);
  });

  it('swaps and drops by name, shows them in the week, keeps them across a check-in and restores them', async () => {
    const store = await withPlan();
    const first = await week(store);
    const [target] = Object.keys(first.swaps).filter(
      (id) => byId('exercises', id).kind === 'strength' && first.swaps[id]?.length,
    );
    if (!target) throw new Error('no strength exercise');
    const name = byId('exercises', target).name;
    const [option] = first.swaps[target] ?? [];
    if (!option) throw new Error(`no swap for ${target}`);

    await change(store, { action: 'swap', exercise: name.toUpperCase(), replacement: option.name });
    const swapped = await week(store);
    expect(swapped.changes).toEqual([
      expect.objectContaining({
        exercise: target,
        action: 'swap',
        by: 'you',
        replacement: option,
        text: `You swapped ${name} for ${option.name}.`,
      }),
    ]);
    expect(await strengthNames(store)).toContain(option.name);
    expect(await strengthNames(store)).not.toContain(name);
    expect(swapped.text).toContain(`You swapped ${name} for ${option.name}.`);

    // A new check-in keeps the swap.
    await saveOrCompare(store, answers, { save: true }, NOW);
    expect((await week(store)).changes.map((c) => c.exercise)).toEqual([target]);

    // Swapping the stand-in again is kept against the exercise as built; swapping back restores.
    await change(store, { action: 'drop', exercise: option.name });
    expect(await listPlanChanges(store.db)).toEqual([
      { exercise: target, action: 'drop', at: NOW.getTime() },
    ]);
    expect(await strengthNames(store)).not.toContain(option.name);
    await change(store, { action: 'restore', exercise: name });
    expect(await listPlanChanges(store.db)).toEqual([]);
    expect(await strengthNames(store)).toContain(name);
  });

  it('refuses in one line, naming the choices: a name not in the plan, a swap that does not fit, nothing to restore', async () => {
    const store = await withPlan();
    const w = await week(store);
    const [target] = Object.keys(w.swaps).filter((id) => w.swaps[id]?.length);
    const [stuck] = Object.keys(w.swaps).filter((id) => !w.swaps[id]?.length);
    if (!target || !stuck) throw new Error('the plan needs an exercise with swaps and one without');
    const name = byId('exercises', target).name;
    expect(await refusal(change(store, { action: 'swap', exercise: stuck, replacement: 'Plank' }))).toBe(
      `${byId('exercises', stuck).name} has no other exercise for the same factors that your equipment allows; drop it instead`,
    );
    const missing = await refusal(change(store, { action: 'drop', exercise: 'Lat pull-down' }));
    expect(missing).toMatch(/^Lat pull-down is not in your strength and mobility plan: it has /);
    expect(missing).toContain(name);
    expect(await refusal(change(store, { action: 'drop', exercise: 'no such thing' }))).toMatch(
      /^"no such thing" is not in your strength and mobility plan/,
    );
    const gym = await refusal(
      change(store, { action: 'swap', exercise: name, replacement: 'Lat pull-down' }),
    );
    expect(gym).toMatch(new RegExp(`^Lat pull-down cannot replace ${name}: choose `));
    expect(await refusal(change(store, { action: 'restore', exercise: name }))).toBe(
      'you have not changed your plan: there is nothing to restore',
    );
    for (const m of [missing, gym]) expect(m).not.toMatch(/\n|[a-z]+-[a-z]+-[a-z]+/);
    expect(await listPlanChanges(store.db)).toEqual([]);
  });

  it('exports, validates, restores and deletes the changes with everything else; a version-3 backup restores', async () => {
    const store = await withPlan();
    const [target] = Object.keys((await week(store)).swaps);
    if (!target) throw new Error('no exercise');
    await change(store, { action: 'drop', exercise: target });
    const backup = await exportAll(store);
    expect(backup.tables.plan_changes).toEqual([
      {
        id: expect.any(String),
        exercise_id: target,
        action: 'drop',
        replacement_id: null,
        changed_at: NOW.getTime(),
      },
    ]);

    const bad = (row: Record<string, unknown>) => {
      const copy = structuredClone(backup);
      copy.tables.plan_changes = [{ ...copy.tables.plan_changes[0], ...row } as never];
      try {
        checkBackup(copy, 'b.json');
      } catch (error) {
        if (isBackstrideError(error)) return error.message;
        throw error;
      }
      return 'accepted';
    };
    expect(bad({ exercise_id: 'no-such-exercise' })).toMatch(
      /^backup refused: plan_changes row 0 \(id .*\): exercise_id: expected an exercise of the knowledge base$/,
    );
    expect(bad({ action: 'swap' })).toMatch(/replacement_id: a swap names its replacement/);
    expect(bad({ replacement_id: 'plank' })).toMatch(/replacement_id: a drop names no replacement/);
    expect(bad({ action: 'swap', replacement_id: target })).toMatch(/cannot replace itself/);
    expect(bad({ action: 'hide' })).toMatch(/action: expected one of "swap", "drop"/);
    const twice = structuredClone(backup);
    twice.tables.plan_changes.push({ ...twice.tables.plan_changes[0], id: 'other' } as never);
    expect(() => checkBackup(twice, 'b.json')).toThrow(
      /plan_changes row 1 .*exercise_id: duplicate of row 0/,
    );

    const restored = await open();
    opened.push(restored);
    const counts = await restoreAll(restored, checkBackup(JSON.parse(JSON.stringify(backup)), 'b.json'), {
      replace: false,
    });
    expect(counts.plan_changes).toBe(1);
    expect(await listPlanChanges(restored.db)).toEqual(await listPlanChanges(store.db));

    const v3 = JSON.parse(JSON.stringify({ ...backup, version: 3 }));
    delete v3.tables.plan_changes;
    const older = await open();
    opened.push(older);
    expect((await restoreAll(older, checkBackup(v3, 'v3.json'), { replace: false })).plan_changes).toBe(0);
    expect(await listPlanChanges(older.db)).toEqual([]);

    await deleteAllRows(store);
    expect(await listPlanChanges(store.db)).toEqual([]);
  });
});

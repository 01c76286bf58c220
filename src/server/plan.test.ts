/**
 * The plan-change routes through `app.request()`: swap and drop by id or name, restore one or all, the
 * week answered each time, and the refusals (before a check-in, a body that is not a change, a swap that
 * does not fit) as the one error shape.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
const answers = JSON.parse(
  readFileSync(
    new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
    'utf8',
  ),
);

beforeAll(async () => {
  h = await harness({ now: () => new Date('2025-03-05T10:00:00Z') });
});
afterAll(async () => {
  await h.close();
});

describe('plan changes over HTTP', () => {
  it('answers 409 before any check-in', async () => {
    const r = await h.call('POST', '/api/plan/changes', { action: 'drop', exercise: 'plank' });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('conflict');
  });

  it('swaps, drops and restores, answering with the week each time', async () => {
    expect(
      (await h.call('POST', '/api/assess', { ...answers, daily: { ...answers.daily, equipment: ['band'] } }))
        .status,
    ).toBe(200);
    const week = (await h.call('GET', '/api/plan')).json;
    const [id, options] = Object.entries(week.swaps as Record<string, { id: string; name: string }[]>).find(
      ([, o]) => o.length,
    ) as [string, { id: string; name: string }[]];
    const to = options[0] as { id: string; name: string };
    const swapped = await h.call('POST', '/api/plan/changes', {
      action: 'swap',
      exercise: id,
      replacement: to.name,
    });
    expect(swapped.status).toBe(200);
    expect(swapped.json.changes).toEqual([
      expect.objectContaining({ exercise: id, action: 'swap', by: 'you', replacement: to }),
    ]);
    const other = Object.keys(week.swaps).find((x) => x !== id) as string;
    const dropped = await h.call('POST', '/api/plan/changes', { action: 'drop', exercise: other });
    expect(dropped.json.changes).toHaveLength(2);
    const one = await h.call('DELETE', `/api/plan/changes/${encodeURIComponent(other)}`);
    expect(one.json.changes.map((c: { exercise: string }) => c.exercise)).toEqual([id]);
    const all = await h.call('DELETE', '/api/plan/changes');
    expect(all.status).toBe(200);
    expect(all.json.changes).toEqual([]);
  });

  it('counts adherence from the day the plan started: minutes after the check-in, only what was done today', async () => {
    const fresh = await harness({ now: () => new Date('2025-03-05T10:00:00Z') });
    try {
      const { date: _date, ...undated } = answers;
      expect((await fresh.call('POST', '/api/assess', undated)).status).toBe(200);
      const week = (await fresh.call('GET', '/api/plan')).json;
      const today = week.schedule.days.find((d: { date: string }) => d.date === week.today);
      const ids = today.groups
        .flatMap((g: { items: { id: string }[] }) => g.items.map((i) => i.id))
        .slice(0, 2);
      expect(ids.length).toBe(2);
      expect((await fresh.call('POST', '/api/diary/exercise', { items: ids })).status).toBe(201);
      const progress = (await fresh.call('GET', '/api/progress')).json;
      expect(progress.adherence).toEqual([{ weekStart: '2025-03-03', scheduled: 2, done: 2 }]);
      const doses = (await fresh.call('GET', '/api/plan')).json.doseNotes.map(
        (n: { text: string }) => n.text,
      );
      expect(doses.join(' ')).not.toMatch(/\d+ of \d+ sessions|%/);
      expect(doses.join(' ')).toMatch(/your plan has only just started/);
    } finally {
      await fresh.close();
    }
  });

  it('refuses what is not a change, naming the field', async () => {
    const bad = await h.call('POST', '/api/plan/changes', { action: 'hide', exercise: 'plank' });
    expect(bad.status).toBe(400);
    const noName = await h.call('POST', '/api/plan/changes', { action: 'swap', exercise: 'plank' });
    expect(noName.status).toBe(400);
    expect(noName.json.error.field).toBe('replacement');
    const gym = await h.call('POST', '/api/plan/changes', {
      action: 'swap',
      exercise: Object.keys((await h.call('GET', '/api/plan')).json.swaps)[0],
      replacement: 'Lat pull-down',
    });
    expect(gym.status).toBe(400);
    expect(gym.json.error).toMatchObject({ code: 'bad-input', field: 'replacement' });
    expect(gym.json.error.message).toMatch(/^Lat pull-down cannot replace /);
    const restoreNothing = await h.call('DELETE', '/api/plan/changes/plank');
    expect(restoreNothing.status).toBe(400);
  });
});

/**
 * The check-in and the knowledge base over HTTP: an assessment saved or not, the history and the
 * latest, answers that fail validation (wrong type, unknown field, out of range), and kb list, search
 * and item lookups including unknown ids.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

const answers = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../tests/fixtures/triage-cases/${name}.json`, import.meta.url), 'utf8'),
  );

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe('POST /api/assess', () => {
  it('answers 200 with null for the latest assessment before there is one', async () => {
    const r = await h.call('GET', '/api/assessments/latest');
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    expect((await h.call('GET', '/api/assessments')).json).toEqual([]);
  });

  it('triages, ranks factors and plans, as `assess --json` does, and saves it', async () => {
    const r = await h.call('POST', '/api/assess', answers('sc-desk-worker-upper-back'));
    expect(r.status).toBe(200);
    expect(r.json.triage.level).toBe('self-care');
    expect(r.json.factors.map((f: { id: string }) => f.id)).toContain('slouched-sitting');
    expect(r.json.plan.sections.length).toBeGreaterThan(3);
    expect(r.json.changes).toBeUndefined();
    const list = await h.call('GET', '/api/assessments');
    expect(list.json).toEqual([
      { id: expect.any(String), createdAt: expect.any(String), level: 'self-care' },
    ]);
  });

  it('does not save with ?save=false, and says what changed since the last one', async () => {
    const r = await h.call('POST', '/api/assess?save=false', answers('em-saddle-numbness'));
    expect(r.status).toBe(200);
    expect(r.json.triage.level).toBe('emergency');
    expect(r.json.changes).toMatchObject({
      previousLevel: 'self-care',
      level: 'emergency',
      levelChanged: true,
    });
    expect((await h.call('GET', '/api/assessments')).json).toHaveLength(1);
    const latest = await h.call('GET', '/api/assessments/latest');
    expect(latest.json.level).toBe('self-care');
    expect(latest.json.result.triage.level).toBe('self-care');
    expect(latest.json.answers.pain.regions).toEqual(['between-shoulder-blades']);
  });

  it.each([
    ['a wrong type', { pain: { now: 'four' } }, 'pain.now', /expected number/],
    ['pain over 10', { pain: { now: 11 } }, 'pain.now', /10/],
    ['an unknown field', { pain: {}, colour: 'red' }, 'colour', /unknown field/],
    ['not an object', [1, 2], '(root)', /expected object/],
  ])('refuses answers with %s', async (_what, body, field, message) => {
    const r = await h.call('POST', '/api/assess', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad-input', field });
    expect(r.json.error.message).toMatch(message);
    expect((await h.call('GET', '/api/assessments')).json).toHaveLength(1);
  });

  it('refuses a bad ?save value', async () => {
    const r = await h.call('POST', '/api/assess?save=maybe', answers('sc-desk-worker-upper-back'));
    expect(r.status).toBe(400);
    expect(r.json.error.field).toBe('save');
  });
});

describe('knowledge base', () => {
  it('lists items, all or of one kind, and refuses an unknown kind', async () => {
    const all = await h.call('GET', '/api/kb');
    const exercises = await h.call('GET', '/api/kb?kind=exercise');
    expect(exercises.json.length).toBeGreaterThan(10);
    expect(all.json.length).toBeGreaterThan(exercises.json.length);
    expect(exercises.json.every((i: { kind: string }) => i.kind === 'exercise')).toBe(true);
    const bad = await h.call('GET', '/api/kb?kind=potion');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('kind');
  });

  it('returns whole records with full=true, in one request', async () => {
    const r = await h.call('GET', '/api/kb?kind=exercise&full=true');
    expect(r.status).toBe(200);
    expect(r.json.every((i: { item: { steps: string[] } }) => i.item.steps.length >= 2)).toBe(true);
    expect((await h.call('GET', '/api/kb?kind=exercise&full=yes')).status).toBe(400);
  });

  it('searches, and needs something to search for', async () => {
    const r = await h.call('GET', `/api/kb/search?q=${encodeURIComponent('shoulder blade')}`);
    expect(r.status).toBe(200);
    expect(r.json.length).toBeGreaterThan(0);
    expect(r.json[0]).toMatchObject({
      kind: expect.any(String),
      id: expect.any(String),
      score: expect.any(Number),
    });
    expect((await h.call('GET', '/api/kb/search?q=plank&limit=2')).json.length).toBeLessThanOrEqual(2);
    const empty = await h.call('GET', '/api/kb/search');
    expect(empty.status).toBe(400);
    expect(empty.json.error.field).toBe('q');
    expect((await h.call('GET', '/api/kb/search?q=plank&limit=0')).status).toBe(400);
  });

  it('shows one item by plain or qualified id, 404 for an unknown one', async () => {
    const plain = await h.call('GET', '/api/kb/items/superman');
    expect(plain.json).toMatchObject({ kind: 'exercise', item: { id: 'superman' } });
    const qualified = await h.call('GET', '/api/kb/items/exercise:superman');
    expect(qualified.json.item.steps.length).toBeGreaterThan(0);
    const unknown = await h.call('GET', '/api/kb/items/no-such-item');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not-found');
    expect((await h.call('GET', '/api/kb/items/potion:superman')).status).toBe(400);
  });
});

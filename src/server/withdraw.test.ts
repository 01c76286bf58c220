/**
 * Withdrawing a result answered by mistake (`DELETE /api/assessments/:id`): the latest emergency or
 * urgent result, within 30 minutes, leaves the history; anything else is refused and kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

const emergency = { pain: { regions: ['lower-back'] }, redFlags: { saddleNumbness: true } };
const urgent = { pain: { regions: ['lower-back'] }, redFlags: { fever: true } };
const selfCareish = { pain: { regions: ['lower-back'], now: 3 } };

let clock = Date.parse('2026-03-04T09:00:00Z');
let h: Harness | undefined;
const server = async () => {
  clock = Date.parse('2026-03-04T09:00:00Z');
  h = await harness({ now: () => new Date(clock) });
  return h;
};
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ids = async (app: Harness) =>
  ((await app.call('GET', '/api/assessments')).json as { id: string }[]).map((a) => a.id);

describe('DELETE /api/assessments/:id', () => {
  it('withdraws the latest emergency result: it is no longer in the history', async () => {
    const app = await server();
    const before = await app.call('POST', '/api/assess', selfCareish);
    const saved = await app.call('POST', '/api/assess', emergency);
    expect(saved.json.triage.level).toBe('emergency');
    expect(saved.json.id).toEqual(expect.any(String));
    expect(await ids(app)).toEqual([before.json.id, saved.json.id]);

    clock += 10 * 60_000;
    const r = await app.call('DELETE', `/api/assessments/${saved.json.id}`);
    expect(r.status).toBe(204);
    expect(await ids(app)).toEqual([before.json.id]);
    const latest = await app.call('GET', '/api/assessments/latest');
    expect(latest.json.id).toBe(before.json.id);
    // Once gone, it is gone.
    expect((await app.call('DELETE', `/api/assessments/${saved.json.id}`)).status).toBe(404);
  });

  it('withdraws an urgent result too (the other screen that stops the check-in)', async () => {
    const app = await server();
    const saved = await app.call('POST', '/api/assess', urgent);
    expect(saved.json.triage.level).toBe('urgent');
    expect((await app.call('DELETE', `/api/assessments/${saved.json.id}`)).status).toBe(204);
    expect(await ids(app)).toEqual([]);
  });

  it('keeps an emergency result older than 30 minutes', async () => {
    const app = await server();
    const saved = await app.call('POST', '/api/assess', emergency);
    clock += 31 * 60_000;
    const r = await app.call('DELETE', `/api/assessments/${saved.json.id}`);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('conflict');
    expect(r.json.error.message).toMatch(/more than 30 minutes old/);
    expect(await ids(app)).toEqual([saved.json.id]);
  });

  it('keeps an emergency result that is no longer the latest', async () => {
    const app = await server();
    const saved = await app.call('POST', '/api/assess', emergency);
    clock += 60_000;
    await app.call('POST', '/api/assess', selfCareish);
    const r = await app.call('DELETE', `/api/assessments/${saved.json.id}`);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/latest/);
    expect(await ids(app)).toHaveLength(2);
  });

  it('keeps a self-care or clinician result: there is nothing to withdraw', async () => {
    const app = await server();
    const saved = await app.call('POST', '/api/assess', selfCareish);
    expect(['self-care', 'clinician']).toContain(saved.json.triage.level);
    const r = await app.call('DELETE', `/api/assessments/${saved.json.id}`);
    expect(r.status).toBe(409);
    expect(await ids(app)).toEqual([saved.json.id]);
  });

  it('keeps an emergency check-in dated earlier than today', async () => {
    const app = await server();
    const saved = await app.call('POST', '/api/assess', { ...emergency, date: '2026-03-01' });
    const r = await app.call('DELETE', `/api/assessments/${saved.json.id}`);
    expect(r.status).toBe(409);
    expect(await ids(app)).toEqual([saved.json.id]);
  });

  it('answers 404 for an unknown id, and an unsaved result has no id', async () => {
    const app = await server();
    expect((await app.call('DELETE', '/api/assessments/nope')).status).toBe(404);
    const unsaved = await app.call('POST', '/api/assess?save=false', emergency);
    expect(unsaved.json.id).toBeUndefined();
  });
});

/**
 * Care routes over HTTP: `POST /api/assess?country=` picks the runner's numbers, the server's default
 * country applies without one, and a code that is not a country is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

/** Numbness around the genitals: an emergency. A fever with back pain: a same-day check. */
const EMERGENCY = { pain: { regions: ['lower-back'] }, redFlags: { saddleNumbness: true } };
const URGENT = { pain: { regions: ['lower-back'] }, redFlags: { fever: true } };

let h: Harness;
let withDefault: Harness;
beforeAll(async () => {
  h = await harness();
  withDefault = await harness({ country: 'NZ' });
});
afterAll(async () => {
  await h.close();
  await withDefault.close();
});

describe('POST /api/assess?country=', () => {
  it("gives an emergency the runner's own emergency number", async () => {
    const r = await h.call('POST', '/api/assess?save=false&country=au', EMERGENCY);
    expect(r.status).toBe(200);
    expect(r.json.triage.level).toBe('emergency');
    expect(r.json.care).toMatchObject({
      country: 'AU',
      countryName: 'Australia',
      emergency: { number: '000', text: 'Call 000 (triple zero) now.' },
    });
    expect(r.json.care.sameDay.calls[0]).toEqual({ label: 'healthdirect', number: '1800 022 222' });
  });

  it('saves the care routes with the assessment', async () => {
    await h.call('POST', '/api/assess?country=GB', URGENT);
    const latest = await h.call('GET', '/api/assessments/latest');
    expect(latest.json.result.care.emergency.number).toBe('999');
    expect(latest.json.result.care.sameDay.calls).toEqual([{ label: 'NHS 111', number: '111' }]);
  });

  it("uses the server's default country without one, and the generic routes when it has none", async () => {
    const nz = await withDefault.call('POST', '/api/assess?save=false', EMERGENCY);
    expect(nz.json.care.emergency.number).toBe('111');
    const us = await withDefault.call('POST', '/api/assess?save=false&country=US', URGENT);
    expect(us.json.care.emergency.number).toBe('911');
    const none = await h.call('POST', '/api/assess?save=false&country=', URGENT);
    expect(none.status).toBe(200);
    expect(none.json.care.country).toBeUndefined();
    expect(none.json.care.emergency.text).toMatch(/local emergency number.*112 works in many countries/);
  });

  it.each(['XX', 'GBR', '12'])(
    'refuses country=%s with 400 naming the field, and saves nothing',
    async (code) => {
      const before = (await h.call('GET', '/api/assessments')).json.length;
      const r = await h.call('POST', `/api/assess?country=${code}`, EMERGENCY);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'bad-input', field: 'country' });
      expect(r.json.error.message).toMatch(/^country: unknown country/);
      expect((await h.call('GET', '/api/assessments')).json).toHaveLength(before);
    },
  );

  it('describes the parameter and the care block in the OpenAPI document', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).json;
    const params = doc.paths['/api/assess'].post.parameters.map((p: { name: string }) => p.name);
    expect(params).toContain('country');
    expect(doc.components.schemas.Assessment.properties.care).toEqual({ $ref: '#/components/schemas/Care' });
    expect(doc.components.schemas.Care.properties.emergency.required).toContain('number');
  });
});

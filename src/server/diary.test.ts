/**
 * The diary and what it adds up to, over HTTP: logging pain, exercise and PSFS (and the rules that keep
 * bad entries out: pain 0–10, known regions and exercises, nothing in the future), reading the diary back,
 * insights, progress with adherence, the plan (409 before a check-in) and its calendar, and the report.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const day = 86_400_000;

describe('logging', () => {
  it('logs pain with a date, an ISO time or epoch ms, and defaults the timing', async () => {
    const a = await h.call('POST', '/api/diary/pain', {
      score: 4,
      regions: ['lower-back', 'hip'],
      at: '2026-03-03',
    });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ score: 4, regions: ['lower-back', 'hip'], timing: 'right-after' });
    expect(a.json.at).toBe(Date.parse('2026-03-03T12:00:00Z'));
    const b = await h.call('POST', '/api/diary/pain', {
      score: 2,
      regions: ['neck'],
      timing: 'next-morning',
      at: '2026-03-04T07:00:00Z',
      note: 'stiff',
    });
    expect(b.json).toMatchObject({
      timing: 'next-morning',
      note: 'stiff',
      at: Date.parse('2026-03-04T07:00:00Z'),
    });
    const at = Date.now() - day;
    expect((await h.call('POST', '/api/diary/pain', { score: 0, regions: ['neck'], at })).json.at).toBe(at);
  });

  it.each([
    ['pain 11', { score: 11, regions: ['neck'] }, 'score'],
    ['pain as text', { score: '4', regions: ['neck'] }, 'score'],
    ['a fractional score', { score: 2.5, regions: ['neck'] }, 'score'],
    ['an unknown region', { score: 3, regions: ['elbow'] }, 'regions[0]'],
    ['no region', { score: 3, regions: [] }, 'regions'],
    ['an unknown timing', { score: 3, regions: ['neck'], timing: 'lunch' }, 'timing'],
    ['a future date', { score: 3, regions: ['neck'], at: '2999-01-01' }, 'at'],
    ['a future epoch time', { score: 3, regions: ['neck'], at: Date.now() + 7 * day }, 'at'],
    ['a date that is not one', { score: 3, regions: ['neck'], at: 'last tuesday' }, 'at'],
    ['an unknown field', { score: 3, regions: ['neck'], mood: 'grumpy' }, 'mood'],
  ])('refuses %s and stores nothing', async (_what, body, field) => {
    const before = (await h.call('GET', '/api/diary')).json.pain.length;
    const r = await h.call('POST', '/api/diary/pain', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad-input', field });
    expect(r.json.error.message.length).toBeGreaterThan(5);
    expect((await h.call('GET', '/api/diary')).json.pain.length).toBe(before);
  });

  it('logs exercise sessions of known items only', async () => {
    const ok = await h.call('POST', '/api/diary/exercise', {
      items: ['superman', 'superman'],
      at: '2026-03-04',
    });
    expect(ok.status).toBe(201);
    expect(ok.json.items).toEqual(['superman']);
    const bad = await h.call('POST', '/api/diary/exercise', { items: ['superman', 'juggling'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ field: 'items' });
    expect(bad.json.error.message).toMatch(/juggling/);
    expect((await h.call('POST', '/api/diary/exercise', { items: 'superman' })).status).toBe(400);
  });

  it('logs PSFS ratings, and refuses a score over 10 or an empty activity', async () => {
    const ok = await h.call('POST', '/api/diary/psfs', {
      ratings: [
        { activity: 'run 10 km', score: 4 },
        { activity: ' sit 2 h ', score: 6 },
      ],
      at: '2026-03-04',
    });
    expect(ok.status).toBe(201);
    expect(ok.json.map((r: { activity: string }) => r.activity)).toEqual(['run 10 km', 'sit 2 h']);
    const high = await h.call('POST', '/api/diary/psfs', { ratings: [{ activity: 'run', score: 12 }] });
    expect(high.json.error.field).toBe('ratings[0].score');
    const blank = await h.call('POST', '/api/diary/psfs', { ratings: [{ activity: '  ', score: 3 }] });
    expect(blank.status).toBe(400);
    expect(blank.json.error.field).toBe('ratings');
    expect((await h.call('POST', '/api/diary/psfs', { ratings: [] })).status).toBe(400);
  });

  it('reads the diary back over a range, oldest first', async () => {
    const all = await h.call('GET', '/api/diary');
    expect(all.json.pain.map((p: { score: number }) => p.score)).toEqual([4, 2, 0]);
    const march4 = await h.call('GET', '/api/diary?from=2026-03-04&to=2026-03-04');
    expect(march4.json.pain.map((p: { score: number }) => p.score)).toEqual([2]);
    expect(march4.json.exercise).toHaveLength(1);
    expect(march4.json.psfs).toHaveLength(2);
    const bad = await h.call('GET', '/api/diary?to=03/04/2026');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('to');
  });
});

describe('insights, progress, plan and report', () => {
  it('gives insights and progress even with little data', async () => {
    const insights = await h.call('GET', '/api/insights');
    expect(insights.status).toBe(200);
    expect(insights.json).toMatchObject({ findings: expect.any(Array), summary: expect.any(String) });
    const progress = await h.call('GET', '/api/progress');
    expect(progress.status).toBe(200);
    expect(progress.json).toMatchObject({
      nprs: expect.any(Object),
      advice: expect.any(Object),
      adherence: [],
    });
    expect(progress.json.psfs).toBeDefined();
  });

  it('answers 409 for the plan before any check-in', async () => {
    for (const path of ['/api/plan', '/api/plan.ics']) {
      const r = await h.call('GET', path);
      expect(r.status).toBe(409);
      expect(r.json.error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/no assessment yet/),
      });
    }
  });

  it('gives the week and its calendar after a check-in', async () => {
    const answers = JSON.parse(
      readFileSync(
        new URL('../../tests/fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url),
        'utf8',
      ),
    );
    expect((await h.call('POST', '/api/assess', answers)).status).toBe(200);
    const plan = await h.call('GET', '/api/plan');
    expect(plan.status).toBe(200);
    expect(plan.json.schedule.days).toHaveLength(7);
    expect(plan.json.text).toMatch(/^Your week from \d{1,2} [A-Z][a-z]+ \d{4}/);
    // The API's text carries no terminal colours, whatever the server's own terminal is.
    expect(plan.json.text).not.toContain('\u001b[');
    const ics = await h.call('GET', '/api/plan.ics?weeks=2');
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="backstride-plan.ics"');
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
    for (const weeks of ['0', '53', 'six']) {
      const bad = await h.call('GET', `/api/plan.ics?weeks=${weeks}`);
      expect(bad.status, weeks).toBe(400);
      expect(bad.json.error.field).toBe('weeks');
    }
  });

  it('gives the progress with adherence once there is a plan', async () => {
    const r = await h.call('GET', '/api/progress');
    expect(r.json.adherence.length).toBeGreaterThan(0);
    expect(r.json.adherence[0]).toMatchObject({
      weekStart: expect.any(String),
      scheduled: expect.any(Number),
    });
  });

  it('downloads the clinician report as HTML', async () => {
    const r = await h.call('GET', '/api/report?units=mi&download=1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="backstride-report-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    expect(r.text).toMatch(/^<!doctype html>/i);
    expect(r.text).toContain('Numeric pain rating');
    expect((await h.call('GET', '/api/report?format=docx')).json.error.field).toBe('format');
    expect((await h.call('GET', '/api/report?units=furlongs')).json.error.field).toBe('units');
  });

  it('explains in one line, as a 400, that a PDF needs Chromium', async () => {
    const saved = process.env.BACKSTRIDE_CHROMIUM;
    process.env.BACKSTRIDE_CHROMIUM = '/nonexistent/chromium';
    try {
      const r = await h.call('GET', '/api/report?format=pdf');
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('bad-input');
      expect(r.json.error.message).toMatch(/^PDF needs Chromium/);
      expect(r.json.error.message).not.toContain('\n');
    } finally {
      if (saved === undefined) delete process.env.BACKSTRIDE_CHROMIUM;
      else process.env.BACKSTRIDE_CHROMIUM = saved;
    }
  });
});

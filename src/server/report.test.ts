/**
 * Insights, load and the clinician report over HTTP with the server's clock pinned to 28 November 2026
 * and runs only from 2024: every window ends today, says when the newest run was and offers that period,
 * and honours `from`/`to`; the report opens in the tab (inline, its stylesheet allowed by hash) or
 * downloads as a file.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { REPORT_CSS } from '../report/index.js';
import { type Harness, harness } from './harness.js';

const TODAY = '2026-11-28';
const DAY = 86_400_000;
let h: Harness;

beforeAll(async () => {
  h = await harness({ now: () => new Date(`${TODAY}T12:00:00Z`) });
  const form = new FormData();
  let i = 0;
  // Tuesdays, Thursdays and Saturdays from 4 June to Tuesday 9 July 2024.
  for (let t = Date.UTC(2024, 5, 4, 7); t <= Date.UTC(2024, 6, 9, 8); t += DAY) {
    if (![2, 4, 6].includes(new Date(t).getUTCDay())) continue;
    const samples = syntheticRun({
      start: t,
      durationS: new Date(t).getUTCDay() === 6 ? 5400 : 2400,
      seed: i,
    });
    const bytes = encodeFit({ sport: 'running', startTime: t, samples });
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), `r${i++}.fit`);
  }
  expect((await h.call('POST', '/api/imports', form)).status).toBe(202);
  await h.imports.settled();
  for (const at of ['2024-06-15T19:00:00Z', '2026-11-20T09:00:00Z', '2026-11-27T09:00:00Z']) {
    const r = await h.call('POST', '/api/diary/pain', { score: 4, regions: ['lower-back'], at });
    expect(r.status).toBe(201);
  }
}, 60_000);
afterAll(() => h.close());

describe('the window rule over HTTP', () => {
  it('/api/load ends today and offers the newest run’s period', async () => {
    const load = (await h.call('GET', '/api/load')).json;
    expect(load.window).toMatchObject({
      to: TODAY,
      stale: true,
      newestRun: '2024-07-09',
      notice: 'Your newest run is from 9 July 2024.',
      offered: { from: '2023-07-17', to: '2024-07-09' },
    });
    expect(load.weeks.at(-1)).toMatchObject({ weekStart: '2026-11-23', distanceM: 0 });
    expect(load.acwr.ewma.latest).toBeUndefined();
    const then = (await h.call('GET', '/api/load?from=2023-07-17&to=2024-07-09')).json;
    expect(then.window).toMatchObject({ kind: 'chosen', stale: false });
    expect(then.totals.runs).toBe(16);
  });

  it('/api/insights covers the same window and honours from/to', async () => {
    const now = (await h.call('GET', '/api/insights')).json;
    expect(now.window).toMatchObject({ to: TODAY, stale: true });
    expect(now.runs).toBe(0);
    const then = (await h.call('GET', '/api/insights?from=2024-06-01&to=2024-07-09')).json;
    expect(then.runs).toBe(16);
    expect(then.window.notice).toBeUndefined();
    const bad = await h.call('GET', '/api/insights?from=2024-07-09&to=2024-06-01');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'bad-input', field: 'from' });
  });
});

describe('the report over HTTP', () => {
  it('opens in the tab by default, with its stylesheet allowed by hash', async () => {
    const r = await h.call('GET', '/api/report');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`inline; filename="backstride-report-${TODAY}.html"`);
    const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
    expect(r.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(r.text).toContain(`<style>${REPORT_CSS}</style>`);
    // Page one: the summary, with the period and the notice; flags from 2024 stay out of it.
    expect(r.text).toContain('Clinician summary');
    expect(r.text).toContain('This report covers <strong>7 Sep 2026 to 28 Nov 2026 (today)</strong>');
    expect(r.text).toContain('Your newest run is from 9 July 2024.');
    expect(r.text).not.toMatch(/Week of \d+ \w+ 2024/);
  });

  it('downloads HTML as a file, and honours from/to and the exercise cards', async () => {
    const r = await h.call('GET', '/api/report?download=1&from=2024-06-01&to=2024-07-09');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="backstride-report-${TODAY}.html"`,
    );
    expect(r.text).toContain('This report covers <strong>1 Jun 2024 to 9 Jul 2024</strong>');
    expect(r.text).toMatch(/Week of \d+ \w+ 2024/);
    expect(r.text).not.toContain('Your newest run is from');
    const bad = await h.call('GET', '/api/report?exercises=maybe');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('exercises');
  });
});

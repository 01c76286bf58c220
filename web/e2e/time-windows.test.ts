/**
 * Time windows and the report, in Chromium against the real server: a runner whose runs are all from 2024
 * and whose pain check-ins run up to today. The insights page says when the newest run was and offers that
 * period, no chart's time axis runs past today, the triggers without data are one line, and the clinician
 * report opens in the tab (styled: its stylesheet is allowed by hash) with its first page a summary.
 * Screenshots at 390 and 1280 px, and axe in light and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  SELF_CARE_ANSWERS,
  screenshot,
  seedPain,
  seedRunsDaysAgo,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;

const DAY = 86_400_000;
const todayUtc = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
/** Days before today of a 2024 date, so a run generated that many days ago falls on it. */
const daysAgo = (y: number, m: number, d: number) => Math.round((todayUtc - Date.UTC(y, m - 1, d)) / DAY);
/** The end of today in seconds, as the charts' time scales count. */
const endOfTodayS = (todayUtc + DAY) / 1000;

const PHONE: View = { width: 390, height: 844, colorScheme: 'light' };
const LAPTOP: View = { width: 1280, height: 800, colorScheme: 'light' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (server.kind !== 'real') return;
  // Three runs a week from 4 June to Tuesday 9 July 2024, and nothing since.
  const days: number[] = [];
  for (let t = Date.UTC(2024, 5, 4); t <= Date.UTC(2024, 6, 9); t += DAY) {
    if ([2, 4, 6].includes(new Date(t).getUTCDay())) {
      const d = new Date(t);
      days.push(daysAgo(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  }
  await seedRunsDaysAgo(server, days);
  const assessed = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Without its date, the check-in is today's.
    body: JSON.stringify({ ...SELF_CARE_ANSWERS, date: undefined }),
  });
  if (!assessed.ok) throw new Error(`assess failed: ${assessed.status}`);
  await seedPain(server, [
    { daysAgo: 20, score: 5, regions: ['between-shoulder-blades'] },
    { daysAgo: 13, score: 4, regions: ['between-shoulder-blades'] },
    { daysAgo: 6, score: 4, regions: ['between-shoulder-blades'] },
    { daysAgo: 0, score: 3, regions: ['between-shoulder-blades'] },
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The time scale's end of every chart on the page, in seconds. */
async function chartEnds(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('figure.chart')].map((f) => [
        f.id,
        Number(f.querySelector<HTMLElement>('.chart-canvas')?.dataset.xMax),
      ]),
    ),
  );
}

async function chartsDrawn(page: Page, n: number) {
  await page.waitForFunction((k) => document.querySelectorAll('.chart canvas').length >= k, n, {
    timeout: 20_000,
  });
}

describe('time windows and the report', { timeout: 120_000 }, () => {
  it('insights: names the newest run, offers its period, and no axis runs past today', async (ctx) => {
    if (server.kind !== 'real') ctx.skip();
    for (const view of [LAPTOP, PHONE]) {
      const page = await openPage(browser, server, view);
      await visit(page, '/insights');
      const notice = page.locator('.period-bar .notice');
      await expect(notice.textContent()).resolves.toContain('Your newest run is from 9 July 2024.');
      const offer = page.getByRole('link', { name: /^Show 17 July 2023 to 9 July 2024$/ });
      await expect(offer.getAttribute('href')).resolves.toBe('#/insights?from=2023-07-17&to=2024-07-09');
      await expect(page.locator('.period-now').textContent()).resolves.toMatch(/to today \(/);
      // "This week" is this week: no 2024 run, no ratio from 2024.
      await expect(page.locator('.stats div').first().textContent()).resolves.toMatch(/^This week so far0/);
      await expect(page.locator('.stats div').nth(2).textContent()).resolves.toContain('no runs lately');
      // The weekly chart and the pain chart, both ending today.
      await chartsDrawn(page, 2);
      const ends = await chartEnds(page);
      expect(Object.keys(ends).sort()).toEqual(['chart-outcomes', 'chart-weekly']);
      for (const [id, end] of Object.entries(ends)) expect(end, id).toBeLessThanOrEqual(endOfTodayS);
      await screenshot(page, `time-windows-insights-${view.width}`);
      await page.context().close();
    }
  });

  it('insights: the offered period shows the 2024 runs and ends on the newest', async (ctx) => {
    if (server.kind !== 'real') ctx.skip();
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/insights');
    await page.getByRole('link', { name: /^Show 17 July 2023 to 9 July 2024$/ }).click();
    await page.waitForFunction(() => location.hash.includes('from=2023-07-17'));
    await page.locator('.period-now').filter({ hasText: '9 July 2024' }).waitFor();
    await expect(page.locator('.period-bar .notice').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Back to the last 52 weeks' }).count()).resolves.toBe(1);
    await chartsDrawn(page, 2);
    const ends = await chartEnds(page);
    expect(ends['chart-weekly']).toBeLessThanOrEqual(Date.UTC(2024, 6, 10) / 1000);
    expect(ends['chart-acwr']).toBeLessThanOrEqual(Date.UTC(2024, 6, 10) / 1000);
    // Triggers: the comparisons without data are one line, with no counts of nothing.
    const triggers = page.locator('section[aria-labelledby="triggers-heading"]');
    await expect(triggers.locator('.not-enough').count()).resolves.toBe(1);
    await expect(triggers.textContent()).resolves.not.toMatch(/0 of 0|\(–\)/);
    // Load flags, if any, say what happened; their method is under "How this is worked out".
    for (const text of await page.locator('ul.flags li').allTextContents()) {
      expect(text).not.toMatch(/Buist|Frandsen|W\d\d/);
    }
    await screenshot(page, 'time-windows-insights-2024-1280');
    await page.context().close();
  });

  it('the report opens in the tab, styled, with a one-page clinician summary first', async (ctx) => {
    if (server.kind !== 'real') ctx.skip();
    for (const view of [LAPTOP, PHONE]) {
      const page = await openPage(browser, server, view);
      await visit(page, '/report');
      await expect(
        page.getByRole('link', { name: 'Download the report (HTML)' }).getAttribute('href'),
      ).resolves.toContain('download=1');
      const open = page.getByRole('link', { name: 'Open the report' });
      await expect(open.getAttribute('target')).resolves.toBeNull();
      await Promise.all([page.waitForURL(/\/api\/report\?format=html/), open.click()]);
      await page.locator('#summary-h').waitFor();
      await expect(page.locator('#summary-h').textContent()).resolves.toBe('Clinician summary');
      // The report's own stylesheet applies (a blocked inline style would leave the body unbounded).
      const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
      expect(maxWidth).not.toBe('none');
      await expect(page.locator('#summary').textContent()).resolves.toContain(
        'Your newest run is from 9 July 2024.',
      );
      await expect(page.locator('#summary').textContent()).resolves.toMatch(/Red flags\d+ asked/);
      await screenshot(page, `time-windows-report-${view.width}`);
      await page.goBack();
      await page.locator('h1').waitFor();
      await page.context().close();
    }
  });

  it('has no serious or critical axe violations on insights and the report, light and dark', async (ctx) => {
    if (server.kind !== 'real') ctx.skip();
    const problems: string[] = [];
    for (const view of [PHONE, LAPTOP]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await openPage(browser, server, { ...view, colorScheme });
        await page.emulateMedia({ colorScheme });
        for (const route of ['/insights', '/insights?from=2023-07-17&to=2024-07-09', '/report']) {
          await visit(page, route);
          if (route.startsWith('/insights')) await chartsDrawn(page, 2);
          await page.locator('details').evaluateAll((ds) => {
            for (const d of ds) (d as HTMLDetailsElement).open = true;
          });
          for (const v of await seriousViolations(page)) {
            problems.push(`${route} ${view.width} ${colorScheme}: [${v.impact}] ${v.id} — ${v.help}`);
          }
        }
        await page.goto('/api/report?format=html');
        await page.locator('#summary-h').waitFor();
        for (const v of await seriousViolations(page)) {
          problems.push(`report document ${view.width} ${colorScheme}: [${v.impact}] ${v.id} — ${v.help}`);
        }
        if (colorScheme === 'dark') await screenshot(page, `time-windows-report-dark-${view.width}`);
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
  });
});

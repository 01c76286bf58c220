/**
 * Automated accessibility checks (axe-core) on every page, in light and dark mode, on a 360 px phone and
 * a 1280 px laptop: no serious or critical violations anywhere. The server is seeded through its API
 * first so each page shows real content (a check-in, runs, diary entries), not its empty state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP,
  launchBrowser,
  openPage,
  PHONE,
  SELF_CARE_ANSWERS,
  screenshot,
  seedPain,
  seedRuns,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;
let runId = '';
let emergency: unknown;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const { date: _date, ...answers } = SELF_CARE_ANSWERS;
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/api/assess', answers)).ok).toBe(true);
  emergency = await (
    await post('/api/assess?save=false', { redFlags: { chestPain: true, cardiacTiming: 'now' } })
  ).json();
  await seedRuns(server, ['gc-10kUNLP2014-Garmin15.fit', 'togeojson-Friday-Evening-Run.gpx']);
  await seedPain(server, [
    { daysAgo: 9, score: 5, regions: ['lower-back'] },
    { daysAgo: 2, score: 3, regions: ['lower-back'] },
  ]);
  const runs = (await (await fetch(`${server.url}/api/runs`)).json()) as { id: string }[];
  runId = runs[0]?.id ?? '';
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Check = { name: string; route: string; prepare?: (page: Page) => Promise<void> };

const PAGES: Check[] = [
  { name: 'home', route: '/' },
  { name: 'check-in safety', route: '/check-in?step=1' },
  { name: 'check-in body map', route: '/check-in?step=5' },
  { name: 'check-in pain', route: '/check-in?step=7' },
  { name: 'check-in stiffness', route: '/check-in?step=11' },
  { name: 'check-in outlook', route: '/check-in?step=12' },
  { name: 'check-in running', route: '/check-in?step=13' },
  { name: 'check-in review', route: '/check-in?step=18' },
  { name: 'result', route: '/result' },
  {
    name: 'result emergency',
    route: '/result',
    prepare: async (page) => {
      await page.evaluate((r) => sessionStorage.setItem('backstride.result', JSON.stringify(r)), emergency);
      await page.reload();
      await page.locator('section.alarm').waitFor();
    },
  },
  { name: 'exercises', route: '/exercises' },
  { name: 'exercise', route: '/exercises/bird-dog' },
  { name: 'diary', route: '/diary' },
  { name: 'runs', route: '/runs' },
  { name: 'run', route: '/runs/RUN' },
  { name: 'insights', route: '/insights' },
  { name: 'plan', route: '/plan' },
  { name: 'report', route: '/report' },
  { name: 'settings', route: '/settings' },
  { name: 'not found', route: '/nowhere' },
];

const VIEWS: View[] = [
  { ...PHONE, colorScheme: 'light' },
  { ...PHONE, colorScheme: 'dark' },
  { ...LAPTOP, colorScheme: 'light' },
  { ...LAPTOP, colorScheme: 'dark' },
];

describe('accessibility (axe-core: no serious or critical violations)', { timeout: 90_000 }, () => {
  for (const view of VIEWS) {
    it(`every page at ${view.width} px, ${view.colorScheme} mode`, async () => {
      const page = await openPage(browser, server, view);
      await page.emulateMedia({ colorScheme: view.colorScheme });
      const problems: string[] = [];
      for (const check of PAGES) {
        await visit(page, check.route.replace('RUN', runId));
        if (check.prepare) await check.prepare(page);
        if (check.name === 'insights' || check.name === 'run') {
          await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length > 0, undefined, {
            timeout: 20_000,
          });
        }
        const h1 = await page.locator('h1').count();
        if (h1 !== 1) problems.push(`${check.name}: ${h1} h1 elements`);
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== 'en') problems.push(`${check.name}: lang="${lang}"`);
        for (const v of await seriousViolations(page)) {
          problems.push(
            `${check.name}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n    ')}`,
          );
        }
        if (
          view.colorScheme === 'dark' &&
          ['home', 'result', 'check-in body map', 'insights'].includes(check.name)
        ) {
          await screenshot(
            page,
            `${check.name.replace(/ /g, '-')}-dark-${view.width === 360 ? 'phone' : 'laptop'}`,
          );
        }
        await page.evaluate(() => sessionStorage.removeItem('backstride.result'));
      }
      await page.context().close();
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

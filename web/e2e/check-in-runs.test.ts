/**
 * The check-in with imported runs: a runner whose runs cover the last weeks is not asked the running load
 * (runs a week, rest days, weekly distance now and four weeks ago, the longest run); one line says it
 * comes from the runs, and the result uses them. Its own server, so the other check-in tests see no runs.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openPage,
  PHONE,
  screenshot,
  seedRunsDaysAgo,
  seriousViolations,
  serverAndBrowserPerFile,
  type TestServer,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

describe('check-in with imported runs', { timeout: 90_000 }, () => {
  it('does not ask the running load the runs answer, and says where it comes from', async () => {
    const page = await openPage(browser, server, { ...PHONE, width: 390, height: 844 });
    // Before any runs: the load is asked.
    await visit(page, '/check-in?step=13');
    await expect(page.locator('#step-title').textContent()).resolves.toBe('Your running');
    await expect(page.getByLabel('Runs a week').count()).resolves.toBe(1);

    // The runner imports runs (here through the API), then comes back to the check-in.
    await seedRunsDaysAgo(server, [2, 5, 9, 13, 16, 20, 24, 29, 33]);
    await visit(page, '/runs');
    await visit(page, '/check-in?step=13');
    await expect(page.locator('#step-title').textContent()).resolves.toBe('Your running');
    await page.locator('.from-runs').waitFor();
    await expect(page.locator('.from-runs').textContent()).resolves.toMatch(/come from your imported runs/);
    for (const label of [
      'Runs a week',
      'Rest days a week',
      /Distance in a typical recent week/,
      /Weekly distance about four weeks ago/,
      /Longest run in the last month/,
    ])
      await expect(page.getByLabel(label).count(), String(label)).resolves.toBe(0);
    // The rest of the step is still asked.
    await expect(page.getByRole('group', { name: 'What changed in the last month?' }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByRole('group', { name: 'Do you warm up before runs?' }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'check-in-running-from-runs-390');
    await page.context().close();
  });
});

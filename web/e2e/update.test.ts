/**
 * Backstride updated while a tab is open: the tab asks for a part of the app (here the session player)
 * from the build it started with, and that file is gone. The page reloads once and opens the part; if the
 * file is still missing after that, the page says something went wrong instead of reloading for ever.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowserPerFile, type TestServer, visit } from './helpers.js';

let server: TestServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

/**
 * A page without the service worker: its copy of the app's files would answer for the removed file (and
 * requests it answers are not seen by the test's routing).
 */
async function pageWithoutWorker(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Make the session player's file answer 404 `times` times (as a removed old build's file would). */
async function dropSessionChunk(page: Page, times: number): Promise<() => number> {
  let dropped = 0;
  await page.route(/\/assets\/session-[^/]+\.js$/, async (route) => {
    if (dropped < times) {
      dropped++;
      await route.fulfill({ status: 404, body: 'gone' });
    } else await route.continue();
  });
  return () => dropped;
}

/**
 * A page that opens the session player while its file answers 404 `times` times; how often it was
 * dropped, and how many times the page loaded again.
 */
async function openSessionWithMissingFile(times: number) {
  const page = await pageWithoutWorker();
  await visit(page, '/');
  const dropped = await dropSessionChunk(page, times);
  let loads = 0;
  page.on('load', () => loads++);
  await page.evaluate(() => {
    location.hash = '#/session';
  });
  return { page, dropped, loads: () => loads };
}

describe('a part of the app missing after an update', { timeout: 120_000 }, () => {
  it('reloads the page once and opens the part', async () => {
    // The file is asked for twice on a page (preloaded, then imported): both fail before the reload.
    const { page, dropped, loads } = await openSessionWithMissingFile(2);
    await page.getByRole('heading', { name: "Today's session" }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(dropped()).toBe(2);
    expect(loads()).toBe(1);
    await page.context().close();
  });

  it('says something went wrong when the part is still missing after the reload', async () => {
    const { page, dropped, loads } = await openSessionWithMissingFile(100);
    await page.locator('.notice-error').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe("Today's session");
    // One reload, then the error stays: no reloading again and again.
    await page.waitForTimeout(1_500);
    expect(loads()).toBe(1);
    expect(await page.locator('.notice-error').count()).toBe(1);
    expect(dropped()).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});

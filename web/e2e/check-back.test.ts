/**
 * The check-back in the browser, on the real server (it keeps the answers): a self-care check-in from
 * five days ago asks "Is your back easing?" on the home and diary pages; "It's worse" re-runs it and opens
 * the new result (a clinician one), after which nothing is asked. A fresh self-care result shows why
 * self-care is reasonable and its check-back date, and the home page says when to check back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCheckIn } from '../../src/answers/sample.js';
import { formatCheckBackDay } from '../../src/check-back/index.js';
import {
  ensureBuilt,
  launchBrowser,
  openPage,
  PHONE,
  realServeAvailable,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
  visit,
} from './helpers.js';

ensureBuilt();
// The stub server keeps no check-backs; these flows need the real one.
const real = process.env.BACKSTRIDE_E2E_SERVER !== 'stub' && realServeAvailable();

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!real) return;
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Save a self-care check-in made `daysAgo` days ago, three days into the pain; its result. */
async function checkIn(daysAgo: number) {
  const res = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sampleCheckIn(new Date(Date.now() - daysAgo * 86_400_000), { daily: undefined })),
  });
  if (!res.ok) throw new Error(`check-in failed: ${res.status} ${await res.text()}`);
  const result = (await res.json()) as {
    triage: { level: string; selfCare?: { checkBack: { on: string } } };
  };
  expect(result.triage.level).toBe('self-care');
  return result;
}

describe.skipIf(!real)('check-back', { timeout: 90_000 }, () => {
  it('asks on the home and diary pages once due, and "It’s worse" opens the new result', async () => {
    await checkIn(5);
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/');
    const card = page.locator('[data-check-back="due"]');
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe('Is your back easing?');
    await expect(card.getByRole('button').allTextContents()).resolves.toEqual([
      'Yes, it’s easing',
      'About the same',
      'It’s worse',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'check-back-home-phone');

    await visit(page, '/diary');
    await page.locator('[data-check-back="due"]').waitFor();

    await page.getByRole('button', { name: 'It’s worse' }).click();
    await page.locator('.level').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Your result');
    await expect(page.locator('.level').getAttribute('data-level')).resolves.toBe('clinician');
    await expect(page.locator('.reasons').textContent()).resolves.toContain('getting worse');
    await screenshot(page, 'check-back-worse-result-phone');

    // Answered, and a clinician result has no check-back: the home page no longer asks.
    await visit(page, '/');
    await page.locator('.level-summary').waitFor();
    await expect(page.locator('[data-check-back]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('shows a new self-care result’s reasons and check-back date, and the date on the home page', async () => {
    const result = await checkIn(0);
    const day = formatCheckBackDay(result.triage.selfCare?.checkBack.on ?? '');
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/result');
    // The summary gives the date; why self-care is reasonable is in "How this was worked out".
    await expect(page.locator('.summary-check-back').textContent()).resolves.toContain(
      `Check back on ${day}`,
    );
    await page.locator('#how > summary').click();
    const note = page.locator('.self-care-note');
    await note.waitFor();
    await expect(note.locator('h2').textContent()).resolves.toBe('Why self-care is reasonable');
    await expect(note.locator('li').first().textContent()).resolves.toMatch(/warning signs/);
    await expect(note.locator('.check-back-date').textContent()).resolves.toContain(`Check back on ${day}`);

    await visit(page, '/');
    const later = page.locator('[data-check-back="later"]');
    await later.waitFor();
    await expect(later.textContent()).resolves.toContain(`Check back on ${day}`);
    await expect(page.locator('[data-check-back="due"]').count()).resolves.toBe(0);
    await page.context().close();
  });
});

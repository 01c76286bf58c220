/**
 * The country setting in the browser: chosen in Settings (by name, no codes shown, with the numbers it
 * gives), kept in the browser, and the emergency screen leads with that country's number as a large
 * tel: link. (The check-in steps themselves are driven in flows.test.ts.)
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, PHONE, screenshot, serverAndBrowserPerFile, type TestServer, visit } from './helpers.js';

/** Numbness around the genitals: an emergency. A fever with back pain: a same-day check. */
const emergencyAnswers = { pain: { regions: ['lower-back'] }, redFlags: { saddleNumbness: true } };
const urgentAnswers = { pain: { regions: ['lower-back'] }, redFlags: { fever: true } };

let server: TestServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

describe('country', { timeout: 90_000 }, () => {
  it('is chosen in Settings and gives the emergency screen that country’s number first', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/settings');
    const select = page.getByLabel('Where you are');
    await select.selectOption({ label: 'Australia' });
    const section = page.locator('section[aria-labelledby="country-heading"]');
    await expect(section.locator('.country-emergency').textContent()).resolves.toMatch(
      /Emergency number: 000/,
    );
    // Country names only: no two-letter codes in the option labels.
    const labels = await select.locator('option').allTextContents();
    expect(labels).toContain('Australia');
    expect(labels.filter((l) => /^[A-Z]{2}$/.test(l.trim()))).toEqual([]);
    await screenshot(page, 'settings-country-phone');

    // The choice is kept in this browser; an emergency check-in made with it (sent as the web app's
    // api.assess sends it, ?country= from that choice) is then shown from the saved result.
    const chosen = await page.evaluate(() => localStorage.getItem('backstride.country'));
    expect(chosen).toBe('AU');
    const status = await page.evaluate(
      async ({ answers, country }) =>
        (
          await fetch(`/api/assess?country=${country}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(answers),
          })
        ).status,
      { answers: emergencyAnswers, country: chosen },
    );
    expect(status).toBe(200);
    await visit(page, '/result');

    const banner = page.locator('section.alarm');
    await banner.waitFor();
    await expect(banner.getAttribute('data-level')).resolves.toBe('emergency');
    await expect(page.locator('.alarm-action').textContent()).resolves.toBe('Call 000 (triple zero) now.');
    const first = page.locator('a.call-button').first();
    await expect(first.getAttribute('href')).resolves.toBe('tel:000');
    await expect(first.textContent()).resolves.toMatch(/^Call 000/);
    // Large and tappable: the first call button is at least 48 px high.
    const box = await first.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await expect(page.locator('.alarm-country').textContent()).resolves.toMatch(/Numbers for Australia/);
    await screenshot(page, 'result-emergency-australia-phone');
    await page.context().close();
  });

  it('gives an urgent result the same-day line first, and the emergency number after', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/settings');
    await page.getByLabel('Where you are').selectOption({ label: 'United Kingdom' });
    const status = await page.evaluate(
      async (answers) =>
        (
          await fetch(`/api/assess?country=${localStorage.getItem('backstride.country')}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(answers),
          })
        ).status,
      urgentAnswers,
    );
    expect(status).toBe(200);
    await visit(page, '/result');
    await expect(page.locator('section.alarm').getAttribute('data-level')).resolves.toBe('urgent');
    await expect(page.locator('.alarm-action').textContent()).resolves.toMatch(
      /^Get seen today: call NHS 111/,
    );
    const calls = await page
      .locator('a[href^="tel:"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(calls).toEqual(['tel:111', 'tel:999']);
    await screenshot(page, 'result-urgent-uk-phone');
    await page.context().close();
  });
});

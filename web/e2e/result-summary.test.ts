/**
 * The result leads with what to do (issue 10, part 1), in headless Chromium: on a 390 × 844 phone the
 * first of the three things to do today is in view without scrolling, the summary fits in about two
 * screens, and every factor's evidence, the full plan, how it was worked out and the sources open from
 * their folded sections. An emergency keeps its single message first, and "I answered a question by
 * mistake" goes back to the question with the answers kept, the withdrawn result gone from the history.
 * axe finds no serious or critical violation on either screen, light and dark, phone and laptop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP,
  launchBrowser,
  openPage,
  SELF_CARE_ANSWERS,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

const PHONE_390: View = { width: 390, height: 844, colorScheme: 'light' };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, init);
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
};

/** Save the self-care check-in of a desk worker with upper-back ache (today's, so it is the latest). */
async function saveSelfCare() {
  const { date: _date, ...answers } = SELF_CARE_ANSWERS;
  const result = await api<{ triage: { level: string } }>('/api/assess', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answers),
  });
  expect(result.triage.level).toBe('self-care');
}

/** Where an element is, in page coordinates. */
const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
    });

describe('a self-care result', { timeout: 120_000 }, () => {
  beforeAll(saveSelfCare);

  it('shows the first thing to do without scrolling on a 390 × 844 phone, in a summary of about two screens', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/result');
    await page.locator('.today-item').first().waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // In order: the level and why, three things to do today, the top three factors, the check-back.
    const level = page.locator('.level');
    await expect(level.getAttribute('data-level')).resolves.toBe('self-care');
    await expect(level.locator('.level-why').textContent()).resolves.toMatch(/warning signs/);
    await expect(page.locator('.today-item').count()).resolves.toBe(3);
    await expect(page.locator('#today-heading').textContent()).resolves.toBe('Three things to do today');
    await expect(page.locator('.top-factors > li').count()).resolves.toBe(3);
    await expect(page.locator('.top-factors > li').first().textContent()).resolves.toMatch(
      /slouched sitting.*You sit about 10 hours a day/,
    );
    await expect(page.locator('.summary-check-back').textContent()).resolves.toMatch(/^Check back on /);
    const order = await Promise.all(
      ['.level', '.today-item', '.top-factors', '.summary-check-back', '.summary-safety-net'].map(
        async (s) => (await box(page, s)).top,
      ),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // The first action is wholly in view before any scrolling.
    const first = await box(page, '.today-item');
    expect(first.bottom).toBeLessThanOrEqual(844);

    // The summary (level to check-back) fits in two screens; with when to seek help and the buttons, the
    // part above the folded sections stays near that. Before this change the page was 15,291 px.
    const summaryEnd = (await box(page, '.summary-check-back')).bottom;
    const foldsStart = (await box(page, '.more-sections')).top;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(
      `390 px: summary ${Math.round(summaryEnd)} px, unfolded ${Math.round(foldsStart)} px, page ${height} px`,
    );
    expect(summaryEnd).toBeLessThan(2 * 844);
    expect(foldsStart).toBeLessThan(2.5 * 844);
    expect(height).toBeLessThan(4 * 844);

    // Nothing of the rest is shown until asked for.
    await expect(page.locator('.more-section[open]').count()).resolves.toBe(0);
    await expect(page.locator('.plan-item').first().isVisible()).resolves.toBe(false);
    await screenshot(page, 'result-summary-phone');
    await page.context().close();
  });

  it('opens every factor’s evidence, the full plan, how it was worked out and the sources', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/result');
    const sections = page.locator('.more-section > summary');
    await expect(sections.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Every likely factor and its evidence \(\d+\)$/),
      'The full plan',
      'How this was worked out',
      expect.stringMatching(/^Sources \(\d+\)$/),
    ]);

    // "All N factors" opens the folded list of every factor with its evidence.
    await page.getByRole('button', { name: /^All \d+ factors and what raised them$/ }).click();
    await expect(page.locator('#all-factors').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(
      true,
    );
    const factors = page.locator('#all-factors .factor');
    expect(await factors.count()).toBeGreaterThan(3);
    await expect(factors.first().locator('.evidence li').first().isVisible()).resolves.toBe(true);

    // "The full plan" opens every section of the plan.
    await page.getByRole('button', { name: 'The full plan' }).click();
    await page.locator('#full-plan .plan-item').first().waitFor();
    const planSections = await page.locator('#full-plan .plan-section h3').allTextContents();
    expect(planSections).toEqual(expect.arrayContaining(['Relief now', 'On your next run']));

    // The others open from their summary lines, by keyboard too.
    await page.locator('#how > summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#how .self-care-note').isVisible()).resolves.toBe(true);
    await page.locator('#sources > summary').click();
    expect(await page.locator('#sources .sources a').count()).toBeGreaterThan(0);
    await screenshot(page, 'result-summary-opened-phone');
    await page.context().close();
  });

  it('reads well on a laptop', async () => {
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/result');
    const first = await box(page, '.today-item');
    expect(first.bottom).toBeLessThanOrEqual(800);
    await screenshot(page, 'result-summary-laptop');
    await page.context().close();
  });

  for (const view of [
    PHONE_390,
    { ...PHONE_390, colorScheme: 'dark' as const },
    LAPTOP,
    { ...LAPTOP, colorScheme: 'dark' as const },
  ]) {
    it(`has no serious accessibility violations, summary and folded sections open, at ${view.width} px ${view.colorScheme}`, async () => {
      const page = await openPage(browser, server, view);
      await visit(page, '/result');
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('an emergency answered by mistake', { timeout: 120_000 }, () => {
  const heading = (page: Page) => page.locator('#step-title');

  /** Tick the chest-pain line with "Now", which stops the check-in at the emergency screen. */
  async function answerChestPainNow(page: Page) {
    await visit(page, '/check-in?step=1');
    await expect(heading(page).textContent()).resolves.toBe('Safety: heart and lungs');
    await page
      .getByRole('checkbox', { name: 'Chest pain, pressure or tightness with the back pain.' })
      .check();
    await page
      .locator('.check-line', { hasText: 'Chest pain, pressure or tightness' })
      .getByRole('group', { name: 'When did you last have those chest or breathing symptoms?' })
      .getByRole('radio', { name: 'Now' })
      .check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('section.alarm').waitFor();
  }

  it('keeps the emergency message first, then goes back to the question and withdraws the result', async () => {
    const before = await api<{ id: string }[]>('/api/assessments');
    const page = await openPage(browser, server, PHONE_390);
    await answerChestPainNow(page);

    // The emergency is saved the moment it shows.
    const during = await api<{ id: string; level: string }[]>('/api/assessments');
    expect(during).toHaveLength(before.length + 1);
    const saved = during.at(-1);
    expect(saved?.level).toBe('emergency');

    // Its single message leads: the heading, the action and the call buttons come first; the way back is
    // last, and nothing else (header, navigation, factors, plan) is on the screen.
    const alarm = page.locator('section.alarm');
    await expect(alarm.getAttribute('data-level')).resolves.toBe('emergency');
    await expect(page.locator('h1').textContent()).resolves.toBe('Emergency: call emergency services now.');
    await expect(page.locator('header, nav, footer').count()).resolves.toBe(0);
    const mistake = page.getByRole('button', { name: 'I answered a question by mistake' });
    const children = await alarm.evaluate((s) => [...s.children].map((c) => c.className || c.tagName));
    expect(children[0]).toBe('H1');
    expect(children.at(-1)).toBe('alarm-mistake');
    expect((await box(page, '.alarm-mistake')).top).toBeGreaterThan((await box(page, '.call-list')).bottom);
    const h1 = await page.locator('h1').evaluate((el) => el.getBoundingClientRect());
    expect(h1.top).toBeGreaterThanOrEqual(0);
    expect(h1.bottom).toBeLessThanOrEqual(844);
    await screenshot(page, 'result-emergency-mistake-phone');
    expect(await seriousViolations(page)).toEqual([]);

    await mistake.click();

    // Back at the question that stopped it, with the answers as they were, and a word on what happened.
    await page.waitForFunction(
      () => document.getElementById('step-title')?.textContent === 'Safety: heart and lungs',
    );
    expect(page.url()).toMatch(/#\/check-in\?step=1&mistake=1$/);
    await expect(page.locator('.step .notice-info').textContent()).resolves.toMatch(
      /withdrawn and is not kept/,
    );
    const chest = page.getByRole('checkbox', {
      name: 'Chest pain, pressure or tightness with the back pain.',
    });
    await expect(chest.isChecked()).resolves.toBe(true);
    await expect(page.locator('header').count()).resolves.toBe(1);
    await screenshot(page, 'check-in-after-mistake-phone');

    // The withdrawn result is not in the history.
    const after = await api<{ id: string }[]>('/api/assessments');
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.map((a) => a.id)).not.toContain(saved?.id);

    // Changing the answer carries on with the check-in.
    await chest.uncheck();
    await page.getByRole('button', { name: 'None of these apply' }).click();
    await page.waitForFunction(
      () => document.getElementById('step-title')?.textContent !== 'Safety: heart and lungs',
    );
    await expect(heading(page).textContent()).resolves.toBe('Safety: bladder, bowel and nerves');
    await page.context().close();
  });

  it('goes back from an urgent result to the first question answered with a warning sign', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/check-in?step=1');
    const none = page.getByRole('button', { name: 'None of these apply' });
    for (const title of ['Safety: heart and lungs', 'Safety: bladder, bowel and nerves']) {
      await expect(heading(page).textContent()).resolves.toBe(title);
      await none.click();
      await page.waitForFunction((t) => document.getElementById('step-title')?.textContent !== t, title);
    }
    await expect(heading(page).textContent()).resolves.toBe('Safety: general health');
    await page.getByRole('checkbox', { name: 'High temperature, chills or shivering.' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // An urgent answer waits for the rest of the screen (an emergency could still follow).
    await page.waitForFunction(
      () => document.getElementById('step-title')?.textContent !== 'Safety: general health',
    );
    await none.click();
    const alarm = page.locator('section.alarm');
    await alarm.waitFor();
    await expect(alarm.getAttribute('data-level')).resolves.toBe('urgent');
    const saved = (await api<{ id: string; level: string }[]>('/api/assessments')).at(-1);
    expect(saved?.level).toBe('urgent');
    await screenshot(page, 'result-urgent-mistake-phone');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'I answered a question by mistake' }).click();
    await page.waitForFunction(
      () => document.getElementById('step-title')?.textContent === 'Safety: general health',
    );
    await expect(
      page.getByRole('checkbox', { name: 'High temperature, chills or shivering.' }).isChecked(),
    ).resolves.toBe(true);
    const ids = (await api<{ id: string }[]>('/api/assessments')).map((a) => a.id);
    expect(ids).not.toContain(saved?.id);
    await page.context().close();
  });

  it('offers the way back only in the tab that made the emergency', async () => {
    const page = await openPage(browser, server, { ...LAPTOP, colorScheme: 'dark' });
    await answerChestPainNow(page);
    await expect(
      page.getByRole('button', { name: 'I answered a question by mistake' }).count(),
    ).resolves.toBe(1);
    await screenshot(page, 'result-emergency-mistake-laptop');
    expect(await seriousViolations(page)).toEqual([]);
    // Another tab (a fresh context) shows the same saved emergency without the way back.
    const other = await openPage(browser, server, LAPTOP);
    await visit(other, '/result');
    await other.locator('section.alarm').waitFor();
    await expect(
      other.getByRole('button', { name: 'I answered a question by mistake' }).count(),
    ).resolves.toBe(0);
    await other.context().close();
    await page.context().close();
  });
});

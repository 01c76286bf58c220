/**
 * Reminders in Chromium: the settings section (session time, calendar reminder, "Remind me in this
 * browser") at 390 and 1280 px, light and dark, with axe; the plan's calendar link carries the chosen time
 * and reminder; the browser asks for notification permission only when the runner turns it on, and says
 * so when it is blocked; with permission granted and the page's clock faked, one notification comes at
 * the session time on a day with exercises, none again after a reload that day, and clicking it opens
 * the session player.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  SELF_CARE_ANSWERS,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;

type Week = { today?: string; schedule: { days: { date: string; groups: { items: unknown[] }[] }[] } };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const res = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...SELF_CARE_ANSWERS, date: undefined }),
  });
  if (!res.ok) throw new Error(`assess failed: ${res.status} ${await res.text()}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A browser context like openPage's, with notifications granted or left to ask. */
async function context(view: View, grant: boolean): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.colorScheme,
    baseURL: server.url,
    bypassCSP: true,
  });
  if (grant) await ctx.grantPermissions(['notifications'], { origin: server.url });
  return ctx;
}

/**
 * Record each notification the page makes, as a page notification (the real one is still made) or
 * through the service worker once it controls the page (recorded, with what a tap would open), and each
 * permission request, before the app's own code runs.
 */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const w = window as unknown as {
      shown: { title: string; body: string; click: () => void }[];
      asked: number;
    };
    w.shown = [];
    w.asked = 0;
    if (typeof ServiceWorkerRegistration !== 'undefined') {
      ServiceWorkerRegistration.prototype.showNotification = async (title, options) => {
        // The worker's click handler opens the app at `data.path`.
        const path = (options?.data as { path?: string } | undefined)?.path ?? '/';
        const click = () => {
          location.hash = path;
        };
        w.shown.push({ title, body: options?.body ?? '', click });
      };
    }
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.shown.push({ title, body: options?.body ?? '', click: () => this.onclick?.(new Event('click')) });
      }
      static override requestPermission(): Promise<NotificationPermission> {
        w.asked++;
        return Real.requestPermission();
      }
    }
    window.Notification = Recorded as typeof Notification;
  });
}

const shown = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { shown: { title: string; body: string }[] }).shown.map(({ title, body }) => ({
      title,
      body,
    })),
  );

describe('reminders', { timeout: 120_000 }, () => {
  for (const view of [
    { width: 390, height: 844, colorScheme: 'light' },
    { width: 390, height: 844, colorScheme: 'dark' },
    { width: 1280, height: 800, colorScheme: 'light' },
    { width: 1280, height: 800, colorScheme: 'dark' },
  ] as View[]) {
    it(`settings section and the plan's calendar link at ${view.width} px, ${view.colorScheme}`, async () => {
      const ctx = await context(view, false);
      const page = await ctx.newPage();
      await visit(page, '/settings');
      const section = page.locator('section[aria-labelledby="reminders-heading"]');
      await section.getByLabel('Session time').waitFor();
      await section.getByLabel('Session time').fill('07:15');
      await section.getByLabel('Calendar reminder').selectOption({ label: '15 minutes before' });
      await expect(section.textContent()).resolves.toContain('reminders 15 minutes before 07:15');
      expect(await section.getByLabel('Remind me in this browser').isChecked()).toBe(false);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `reminders-settings-${view.width}-${view.colorScheme}`);
      expect(await seriousViolations(page)).toEqual([]);

      await visit(page, '/plan');
      const link = page.getByRole('link', { name: 'Download calendar' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('/api/plan.ics?remind=15&time=07%3A15');
      await expect(page.locator('.plan-head').textContent()).resolves.toContain(
        'at 07:15, reminder 15 minutes before; change them in Settings',
      );
      await page.locator('.plan-head').scrollIntoViewIfNeeded();
      await screenshot(page, `reminders-plan-link-${view.width}-${view.colorScheme}`);
      expect(await seriousViolations(page)).toEqual([]);
      if (server.kind === 'real') {
        const ics = await (await fetch(`${server.url}/api/plan.ics?remind=15&time=07%3A15`)).text();
        expect(ics.replace(/\r\n /g, '')).toContain('TRIGGER;RELATED=START:-PT15M');
      }
      await ctx.close();
    });
  }

  it('asks for permission only when turned on, and says so when the browser blocks it', async () => {
    const ctx = await context({ width: 390, height: 844, colorScheme: 'light' }, false);
    const page = await ctx.newPage();
    await recordNotifications(page);
    await visit(page, '/settings');
    const box = page.getByLabel('Remind me in this browser');
    await box.waitFor();
    expect(await page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);
    await box.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(1);
    // Headless Chromium answers a prompt nobody sees with "denied".
    await page.getByText('Notifications are blocked for Backstride in this browser').waitFor();
    expect(await box.isChecked()).toBe(false);
    const stored = await page.evaluate(() => localStorage.getItem('backstride.reminders'));
    expect(JSON.parse(stored ?? '{}').browser).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reminders-blocked-390-light');
    await ctx.close();
  });

  it('shows one notification at the session time, none again after a reload, and opens the session', async () => {
    const week = (await (await fetch(`${server.url}/api/plan`)).json()) as Week;
    const day = week.schedule.days.find((d) => d.groups.some((g) => g.items.length));
    expect(day).toBeDefined();
    const [y, m, d] = (day?.date ?? '').split('-').map(Number) as [number, number, number];

    const ctx = await context({ width: 1280, height: 800, colorScheme: 'light' }, true);
    const page = await ctx.newPage();
    await recordNotifications(page);
    // 06:58 on a day of the plan's week that has exercises, in the browser's (and this machine's) zone.
    await page.clock.install({ time: new Date(y, m - 1, d, 6, 58) });
    await visit(page, '/settings');
    await page.getByLabel('Session time').fill('07:00');
    await page.getByLabel('Remind me in this browser').check();
    expect(await page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);
    await page.getByText('a notification at 07:00 on days with exercises').waitFor();

    await page.clock.runFor(60_000);
    expect(await shown(page)).toEqual([]);
    await page.clock.runFor(2 * 60_000);
    await expect.poll(() => shown(page)).toHaveLength(1);
    const [first] = await shown(page);
    expect(first?.title).toBe('Backstride');
    expect(first?.body).toMatch(/^Time for today's Backstride session: .+\.$/);
    expect(first?.body).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/);
    await page.clock.runFor(30 * 60_000);
    expect(await shown(page)).toHaveLength(1);

    // Clicking it brings the app to the session player.
    await page.evaluate(() => (window as unknown as { shown: { click: () => void }[] }).shown[0]?.click());
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/session');

    // A reload the same morning: nothing new.
    await page.reload();
    await page.locator('h1').first().waitFor();
    await page.clock.runFor(10 * 60_000);
    expect(await shown(page)).toEqual([]);
    await ctx.close();
  });
});

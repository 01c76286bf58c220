/**
 * Installable and offline, in headless Chromium against the real server: the manifest is valid and
 * its icons are the sizes it says, Chromium finds the app installable, and the service worker controls
 * the page. With the server stopped, the plan, the exercise library and the guided session still open,
 * a pain check-in is saved on the device and listed as waiting (banner and list pass axe at 390 and
 * 1280 px, light and dark), and once the server is back it arrives exactly once, however often the
 * page retries, and also
 * when the server stored it but its answer was lost. Screenshots: test-artifacts/screenshots/offline-*.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/report/pdf.js';
import {
  launchBrowser,
  openPage,
  SELF_CARE_ANSWERS,
  screenshot,
  seriousViolations,
  visit,
} from './helpers.js';
import { type RestartableServer, startRestartableServer } from './restartable-server.js';

let server: RestartableServer;
let browser: Browser;
let page: Page;

const QUEUED = 'Saved on this device; it will be sent when Backstride is reachable.';
const OFFLINE =
  /You're offline: the plan, exercises and logging still work; entries are sent when\s+Backstride is back\./;

type Diary = { pain: { id: string; score: number; note?: string }[] };
const painWithNote = async (note: string) => {
  const diary = (await (await fetch(`${server.url}/api/diary`)).json()) as Diary;
  return diary.pain.filter((p) => p.note === note);
};

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Log a pain check-in through the diary's form. */
async function logPain(p: Page, score: string, place: string, note: string) {
  const form = p.getByRole('region', { name: 'Log pain' });
  await form.getByRole('radio', { name: score, exact: true }).check();
  await form.getByRole('checkbox', { name: place }).check();
  await form.getByLabel('Note (optional)').fill(note);
  await form.getByRole('button', { name: 'Log pain' }).click();
}

beforeAll(async () => {
  server = await startRestartableServer();
  browser = await launchBrowser();
  const res = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...SELF_CARE_ANSWERS, date: undefined }),
  });
  if (!res.ok) throw new Error(`assess failed: ${res.status} ${await res.text()}`);
  page = await openPage(browser, server, { width: 390, height: 844, colorScheme: 'light' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('installable and offline', { timeout: 120_000 }, () => {
  it('has a valid manifest with icons of the stated sizes, and a service worker that controls the page', async () => {
    await visit(page, '/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await fetch(`${server.url}${href}`);
    expect(res.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Backstride', short_name: 'Backstride', display: 'standalone' });
    expect(manifest.start_url.startsWith(manifest.scope)).toBe(true);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const icon of manifest.icons) {
      const r = await fetch(`${server.url}${icon.src}`);
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type')).toBe(icon.type);
      const { width, height } = pngSize(new Uint8Array(await r.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const sizes = (purpose: string) =>
      manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes(purpose)).map((i) => i.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable').length).toBeGreaterThan(0);
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await fetch(`${server.url}${apple}`)).status).toBe(200);
    expect(await page.locator('meta[name="theme-color"]').count()).toBe(2);

    // The worker: served fresh every time, at the root so its scope is the whole app.
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${server.url}/`, script: `${server.url}/sw.js` });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Chromium's own reading: the manifest parses without errors.
    const cdp = await page.context().newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    expect(parsed.errors).toEqual([]);
  });

  it('can be installed: Chromium finds no reason against it (in a profile of its own, not incognito)', async () => {
    // Test contexts are incognito, where Chromium never offers to install; a persistent profile is not.
    const profile = mkdtempSync(join(tmpdir(), 'backstride-e2e-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
      baseURL: server.url,
    });
    try {
      const p = context.pages()[0] ?? (await context.newPage());
      await visit(p, '/');
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const cdp = await context.newCDPSession(p);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('opens the plan, the exercise library and the session with the server stopped, and queues a pain check-in', async () => {
    // Only the home page was opened: the worker was given the offline pages' data when it took over.
    await page.waitForFunction(async () => (await (await caches.open('backstride-data')).keys()).length >= 6);

    await server.stop();
    expect(
      await fetch(`${server.url}/api/health`).then(
        () => 'answered',
        () => 'unreachable',
      ),
    ).toBe('unreachable');

    await page.reload();
    await visit(page, '/plan');
    await page.locator('.today-plan').waitFor();
    await expect(page.locator('.offline-banner').textContent()).resolves.toMatch(OFFLINE);
    await screenshot(page, 'offline-plan-390-light');
    await visit(page, '/exercises');
    expect(await page.locator('a[href^="#/exercises/"]').count()).toBeGreaterThan(3);
    // An exercise never opened online names its sources by title, never by an internal id.
    await visit(page, '/exercises/band-pull-apart');
    const sources = (await page.locator('ol.sources').textContent()) ?? '';
    expect(sources).toMatch(/running/i);
    expect(sources).not.toMatch(/\ba0\d-|\.txt/);
    // The guided session (a chunk loaded on demand, from the worker's cache) with today's plan.
    await visit(page, '/session');
    await page.locator('.session-page').waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);

    await visit(page, '/diary');
    await logPain(page, '6', 'Neck', 'Logged with the server stopped');
    await expect(page.locator('.toast').textContent()).resolves.toContain(QUEUED);
    const pending = page.locator('.entries li').filter({ hasText: 'Waiting to be sent' });
    await pending.first().waitFor();
    expect(await pending.count()).toBe(1);
    await expect(pending.textContent()).resolves.toContain('Logged with the server stopped');
    await expect(page.locator('.offline-banner').textContent()).resolves.toContain(
      '1 entry is saved on this device, waiting to be sent.',
    );
    // Undo's toast off the screen, so the shots show the banner and the list.
    await page.locator('.toast-close').click();
    await page.locator('.toast').waitFor({ state: 'detached' });

    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        await page.locator('h1').first().waitFor();
        await screenshot(page, `offline-diary-${width}-${colorScheme}`);
        expect(await seriousViolations(page), `${width} px ${colorScheme}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });

    // Trying twice while the server is still down changes nothing.
    const tryNow = page.getByRole('button', { name: 'Try now' });
    await tryNow.click();
    await tryNow.click();
    await page.getByRole('button', { name: 'Try now' }).waitFor();
    expect(await pending.count()).toBe(1);
  });

  it('sends the queued check-in once when the server is back, however often the page retries', async () => {
    await server.start();
    // Retries at once: "Try now" and the browser saying twice that it is online again. The button is
    // pressed in the page, without waiting for it: the page's own retry may already have sent the entry
    // (and taken the button away) by the time the server is back.
    await page.evaluate(() => {
      const tryNow = [...document.querySelectorAll('.offline-banner button')].find(
        (b) => b.textContent === 'Try now',
      ) as HTMLButtonElement | undefined;
      tryNow?.click();
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await page
      .locator('.entries li')
      .filter({ hasText: 'Waiting to be sent' })
      .waitFor({ state: 'detached' });
    await expect(page.locator('.offline-banner').textContent()).resolves.toContain(
      'Sent the entry you logged offline.',
    );
    await expect(page.locator('.offline-banner').textContent()).resolves.not.toMatch(OFFLINE);
    expect(await painWithNote('Logged with the server stopped')).toHaveLength(1);
    // Reloading starts the sync again: nothing is left to send, and nothing is sent twice.
    await page.reload();
    await visit(page, '/diary');
    await page.reload();
    await visit(page, '/diary');
    expect(await painWithNote('Logged with the server stopped')).toHaveLength(1);
    const listed = page.locator('.entries li').filter({ hasText: 'Logged with the server stopped' });
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).not.toContain('Waiting to be sent');
  });

  it('stores a check-in once when the server saved it but its answer was lost', async () => {
    await visit(page, '/diary');
    let sends = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/diary/pain')) sends++;
    });
    // The first time only: the server receives the check-in and stores it; the page never hears back.
    await page.route(
      '**/api/diary/pain',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await logPain(page, '3', 'Neck', 'Answer lost on the way back');
    await expect(page.locator('.toast').textContent()).resolves.toContain(QUEUED);
    // The queue sends it again by itself (the server answers other requests, or the retry timer).
    await expect.poll(() => sends, { timeout: 40_000 }).toBeGreaterThanOrEqual(2);
    const waiting = () =>
      page.evaluate(
        () =>
          (
            JSON.parse(localStorage.getItem('backstride.offline-queue') ?? '{"entries":[]}') as {
              entries: [];
            }
          ).entries.length,
      );
    await expect.poll(waiting, { timeout: 40_000 }).toBe(0);
    await page
      .locator('.entries li')
      .filter({ hasText: 'Waiting to be sent' })
      .waitFor({ state: 'detached' });
    expect(await painWithNote('Answer lost on the way back')).toHaveLength(1);
  });
});

/**
 * Exercise figures in Chromium against the real server: the exercise page animates its figure (its joints
 * move between frames), names it for screen readers with the position sentences, shows the key poses side
 * by side when the reader prefers reduced motion, and the self-check's figure reaches the check-in;
 * axe at 390 and 1280 px, light and dark, with screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  width: number,
  colorScheme: 'light' | 'dark',
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 800 },
    colorScheme,
    reducedMotion,
    baseURL: server.url,
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The near forearm's end, read twice some time apart. */
async function forearmEnds(page: Page, waitMs: number): Promise<[string, string]> {
  const read = () =>
    page
      .locator('.figure-animated [data-k="near-forearm"]')
      .evaluate((el) => `${el.getAttribute('x2')},${el.getAttribute('y2')}`);
  const a = await read();
  await page.waitForTimeout(waitMs);
  return [a, await read()];
}

describe('exercise figures', { timeout: 120_000 }, () => {
  it('animates the bird-dog on its page, with a text alternative and no serious axe findings', async () => {
    for (const [width, scheme] of [
      [390, 'light'],
      [390, 'dark'],
      [1280, 'light'],
      [1280, 'dark'],
    ] as const) {
      const page = await open(width, scheme);
      await visit(page, '/exercises/bird-dog');
      const svg = page.locator('.figure-animated svg[role=img]');
      await svg.waitFor();
      await expect(svg.locator('title').textContent()).resolves.toBe(
        'Bird-dog, moving from the start to the end position',
      );
      const desc = await svg.locator('desc').textContent();
      expect(desc).toMatch(/^Start: On hands and knees with a flat back/);
      expect(desc).toContain('End: On one hand and the opposite knee');
      const labelled = await svg.getAttribute('aria-labelledby');
      expect(labelled?.split(' ')).toHaveLength(2);
      // The figure moves: the reaching arm's hand is somewhere else a moment later.
      const [a, b] = await forearmEnds(page, 700);
      expect(a).not.toBe(b);
      await expect(page.locator('.figure-steps li.is-current').count()).resolves.toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `figure-bird-dog-${width}-${scheme}`);
      await page.context().close();
    }
  });

  it('shows the key poses side by side, still, when the reader prefers reduced motion', async () => {
    for (const width of [390, 1280]) {
      const page = await open(width, 'light', 'reduce');
      await visit(page, '/exercises/superman');
      const poses = page.locator('.figure-keyposes figure');
      await poses.first().waitFor();
      await expect(poses.count()).resolves.toBe(2);
      await expect(page.locator('.figure-animated').count()).resolves.toBe(0);
      const titles = await page.locator('.figure-keyposes svg[role=img] title').allTextContents();
      expect(titles).toEqual(['Superman, start position', 'Superman, end position']);
      const captions = await poses.locator('figcaption').allTextContents();
      expect(captions[0]).toMatch(/^Start: Lying face down on a mat/);
      expect(captions[1]).toMatch(/^End: Lying face down with both arms and both legs raised/);
      // Side by side: the two poses share a row on a phone as on a laptop.
      const [one, two] = await Promise.all([poses.nth(0).boundingBox(), poses.nth(1).boundingBox()]);
      expect(one && two && Math.abs(one.y - two.y)).toBeLessThan(2);
      const before = await page.locator('.figure-keyposes svg').first().innerHTML();
      await page.waitForTimeout(500);
      await expect(page.locator('.figure-keyposes svg').first().innerHTML()).resolves.toBe(before);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `figure-superman-reduced-motion-${width}`);
      await page.context().close();
    }
  });

  it('serves the wall test with its figure, as the self-check step of the check-in reads it', async () => {
    const res = await fetch(`${server.url}/api/kb/items/self-check:wall-test`);
    expect(res.status).toBe(200);
    const { item } = (await res.json()) as {
      item: { figure: { poses: Record<string, unknown>; props: { kind: string }[]; captions: object } };
    };
    expect(Object.keys(item.figure.poses)).toEqual(['start', 'end']);
    expect(item.figure.props.map((p) => p.kind)).toContain('wall');
    expect(Object.keys(item.figure.captions)).toEqual(['start', 'end']);
  });
});

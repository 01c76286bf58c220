/**
 * The plan page in Chromium against the real server: today first on a phone, an exercise swapped for
 * another and one dropped (and undone), both kept by the server and shown in the report; "Done" tapped
 * twice logs one session of exactly the exercises listed; axe at 390 and 1280 px, light and dark.
 * A runner new to strength work with a band only, whose runs fall on today's weekday (so today has the
 * warm-up).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countOnceSettled,
  launchBrowser,
  openPage,
  SELF_CARE_ANSWERS,
  screenshot,
  seedRunsDaysAgo,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;

const PHONE_390: View = { width: 390, height: 844, colorScheme: 'light' };
const LAPTOP_1280: View = { width: 1280, height: 800, colorScheme: 'light' };

type Week = {
  today: string;
  schedule: { days: { date: string; groups: { slot: string; items: { id: string; name: string }[] }[] }[] };
  changes: { exercise: string; action: string; text: string; by: string }[];
  swaps: Record<string, { id: string; name: string }[]>;
};

const getJson = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const week = () => getJson<Week>('/api/plan');
const names = (w: Week) =>
  new Set(w.schedule.days.flatMap((d) => d.groups.flatMap((g) => g.items.map((i) => i.name))));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (server.kind !== 'real') return;
  // Runs on today's weekday for three weeks: today is a run day, with the warm-up before it.
  await seedRunsDaysAgo(server, [7, 14, 21]);
  const answers = {
    ...SELF_CARE_ANSWERS,
    date: undefined,
    daily: {
      ...(SELF_CARE_ANSWERS.daily as object),
      strengthSessionsPerWeek: 0,
      equipment: ['band'],
    },
  };
  const res = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answers),
  });
  if (!res.ok) throw new Error(`assess failed: ${res.status} ${await res.text()}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPlan(view: View): Promise<Page> {
  const page = await openPage(browser, server, view);
  await visit(page, '/plan');
  await page.locator('.today-plan').waitFor();
  return page;
}

describe('plan page', { timeout: 120_000 }, () => {
  it('shows today first on a phone, in plain words, with no serious accessibility faults', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const page = await openPlan(PHONE_390);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings[0]).toMatch(/^Today, \w+day \d+ \w+/);
    const top = await page.locator('.today-plan').boundingBox();
    expect(top?.y ?? 9999).toBeLessThan(844);
    // A runner new to strength work starts with the easier version, and the page says how.
    await expect(
      page.locator('.week .dose', { hasText: '(easier version)' }).count(),
    ).resolves.toBeGreaterThan(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\b(before-run|after-run|hold —|strength-day|upper-body-warm-up)\b/);
    expect(text).not.toMatch(/Lat pull-down|Reverse fly|Renegade row/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'plan-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'plan-1280');
    await page.context().close();
  });

  it('swaps an exercise and drops another; the server keeps both and the report shows them', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const before = await week();
    const [target, options] = Object.entries(before.swaps).find(([, o]) => o.length > 0) ?? [];
    if (!target || !options?.[0]) throw new Error('no exercise with a swap');
    const from = names(before);
    const targetName = before.schedule.days
      .flatMap((d) => d.groups.flatMap((g) => g.items))
      .find((i) => i.id === target)?.name as string;
    const to = options[0].name;

    const page = await openPlan(PHONE_390);
    const rowOf = (name: string) =>
      page.locator('.exercise-row', { has: page.getByRole('link', { name, exact: true }) });
    const inWeek = (name: string) => page.locator('.week a', { hasText: name });
    /** Drop an exercise from its row, see it leave the week, and Undo from the toast: it is back. */
    const dropAndUndo = async (name: string) => {
      await rowOf(name).locator('summary', { hasText: 'Swap or drop' }).click();
      await rowOf(name)
        .getByRole('button', { name: `Drop ${name}` })
        .click();
      await page.locator('.toast-text', { hasText: `Left ${name} out of your plan.` }).waitFor();
      expect(await countOnceSettled(inWeek(name), (n) => n === 0)).toBe(0);
      await page.locator('.toast-action').click();
      await page.locator('.toast-text', { hasText: `${name} is back in your plan.` }).waitFor();
      expect(await countOnceSettled(inWeek(name), (n) => n > 0)).toBeGreaterThan(0);
    };

    const row = rowOf(targetName);
    await row.locator('summary', { hasText: 'Swap or drop' }).click();
    await row.getByLabel(`Swap ${targetName} for`).selectOption({ label: to });
    await row.getByRole('button', { name: `Swap ${targetName}` }).click();
    await page.locator('.toast-text', { hasText: `Swapped ${targetName} for ${to}.` }).waitFor();
    await page.locator('.plan-changes li', { hasText: `You swapped ${targetName} for ${to}.` }).waitFor();
    expect(await countOnceSettled(inWeek(to), (n) => n > 0)).toBeGreaterThan(0);
    expect(await countOnceSettled(inWeek(targetName), (n) => n === 0)).toBe(0);

    // Drop the exercise swapped in, and undo: the swap comes back, not the exercise as built.
    await dropAndUndo(to);
    expect(await countOnceSettled(inWeek(targetName), (n) => n === 0)).toBe(0);
    await page.locator('.plan-changes li', { hasText: `You swapped ${targetName} for ${to}.` }).waitFor();

    // Drop another exercise, undo it from the toast, and drop it for good.
    const other = (await page.locator('.exercise-row .exercise-name a').allTextContents()).find(
      (n) => n !== to,
    );
    if (!other) throw new Error('no second exercise');
    const otherRow = rowOf(other);
    await dropAndUndo(other);
    if (!(await otherRow.locator('details').getAttribute('open'))) {
      await otherRow.locator('summary', { hasText: 'Swap or drop' }).click();
    }
    await otherRow.getByRole('button', { name: `Drop ${other}` }).click();
    await page.locator('.plan-changes li', { hasText: `You dropped ${other}.` }).waitFor();
    await screenshot(page, 'plan-changed-390');

    // Kept by the server: a reload shows the same, and so do the API and the report.
    await page.reload();
    await page.locator('.plan-changes li', { hasText: `You swapped ${targetName} for ${to}.` }).waitFor();
    const after = await week();
    expect(after.changes.map((c) => c.text)).toEqual([
      `You swapped ${targetName} for ${to}.`,
      `You dropped ${other}.`,
    ]);
    const now = names(after);
    expect(now.has(to) && !now.has(targetName) && !now.has(other)).toBe(true);
    expect(from.has(targetName)).toBe(true);
    const report = await (await fetch(`${server.url}/api/report`)).text();
    expect(report).toContain(`You swapped ${targetName} for ${to}.`);
    expect(report).toContain(`You dropped ${other}.`);

    // Undo all: the plan as built.
    await page.getByRole('button', { name: 'Undo all your changes' }).click();
    await page.locator('.status-line', { hasText: 'Your plan is back as it was built.' }).waitFor();
    expect((await week()).changes).toEqual([]);
    await page.context().close();
  });

  it('logs one session of exactly the listed exercises when Done is tapped twice', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const w = await week();
    const today = w.schedule.days.find((d) => d.date === w.today);
    const warmUp = today?.groups.find((g) => g.slot === 'before-run');
    if (!warmUp) throw new Error('today should be a run day with a warm-up');
    const page = await openPlan(PHONE_390);
    const done = page
      .locator('.today-slot', { hasText: 'Before your run' })
      .getByRole('button', { name: /^Done/ });
    // Two taps as fast as a finger can: the second lands while the first is on its way.
    await done.dblclick();
    await page.locator('.toast-text', { hasText: /^Logged before your run/ }).waitFor();
    await expect(done.textContent()).resolves.toMatch(/Done today/);
    await expect(done.isDisabled()).resolves.toBe(true);
    // And twice from a second tab, at once.
    await Promise.all(
      [0, 1].map(() =>
        fetch(`${server.url}/api/diary/exercise`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: warmUp.items.map((i) => i.id) }),
        }),
      ),
    );
    const diary = await getJson<{ exercise: { items: string[] }[] }>('/api/diary');
    expect(diary.exercise).toHaveLength(1);
    expect(diary.exercise[0]?.items).toEqual(warmUp.items.map((i) => i.id));
    expect(diary.exercise[0]?.items).not.toContain('upper-body-warm-up');
    // A reload still shows it as done today.
    await page.reload();
    await page.locator('.today-plan').waitFor();
    await expect(
      page
        .locator('.today-slot', { hasText: 'Before your run' })
        .getByRole('button', { name: /^Done today/ })
        .isDisabled(),
    ).resolves.toBe(true);
    await page.context().close();
  });

  it('fits the laptop: the week in seven columns beside today', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const page = await openPlan(LAPTOP_1280);
    await expect(page.locator('.day').count()).resolves.toBe(7);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.context().close();
  });
});

/**
 * The guided session player in Chromium with the page's clock faked: the start screen from the plan,
 * counted and paced reps, a hold's get-ready and countdown, the rest between sets, skip, previous,
 * stopping half-way, and the feedback logged with what was done. Screens at 390 and 1280 px, light and
 * dark, with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

let server: TestServer;
let browser: Browser;

const PHONE_390: View = { width: 390, height: 844, colorScheme: 'light' };
const LAPTOP_1280: View = { width: 1280, height: 800, colorScheme: 'light' };
const T0 = Date.parse('2026-06-01T08:00:00Z');
/**
 * With the page's clock paused, animation frames wait for the test to move time on, so Playwright's
 * clicks (which wait for frames to see the element is stable, and may scroll smoothly) would never
 * finish: the tests dispatch the click event itself.
 */

type Item = {
  id: string;
  name: string;
  dose?: { sets?: number; reps?: number; holdS?: number; perSide: boolean };
};
type Week = { schedule: { days: { day: string; groups: { slot: string; items: Item[] }[] }[] } };
type Session = { id: string; items: string[]; feeling?: string; painDuring?: number; planned?: number };

const getJson = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const sessions = async () => (await getJson<{ exercise: Session[] }>('/api/diary')).exercise;

/** The first day with a strength part, and that part's exercises. */
let strength: { day: string; items: Item[] };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (server.kind !== 'real') return;
  const answers = {
    ...SELF_CARE_ANSWERS,
    date: undefined,
    daily: { ...(SELF_CARE_ANSWERS.daily as object), equipment: ['band'] },
  };
  const res = await fetch(`${server.url}/api/assess`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answers),
  });
  if (!res.ok) throw new Error(`assess failed: ${res.status} ${await res.text()}`);
  const week = await getJson<Week>('/api/plan');
  for (const d of week.schedule.days) {
    const g = d.groups.find((x) => x.slot === 'strength');
    if (g) {
      strength = { day: d.day, items: g.items };
      break;
    }
  }
  if (!strength) throw new Error('no strength day in the plan');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The player for the strength part of its day, with the page's clock under the test's control. */
async function openPlayer(view: View): Promise<Page> {
  const page = await openPage(browser, server, view);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The figure's animation would run frame by frame through every faked second; its still key poses
  // are enough here (the figure has its own tests).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.install({ time: T0 });
  await visit(page, `/session?day=${strength.day}`);
  await page.clock.pauseAt(T0 + 60_000);
  const part = page.locator('.session-part').filter({ has: page.locator('h2', { hasText: 'Strength' }) });
  await part.locator('button').dispatchEvent('click');
  await page.locator('.player[data-phase="intro"]').waitFor();
  expect(errors).toEqual([]);
  return page;
}

/** The player at the first exercise counted in reps (the ones before it skipped), started. */
async function startCountedExercise(view: View): Promise<{ page: Page; item: Item }> {
  const at = strength.items.findIndex((i) => i.dose?.reps !== undefined && !i.dose.holdS);
  if (at < 0) throw new Error('expected an exercise counted in reps');
  const page = await openPlayer(view);
  for (let i = 0; i < at; i++)
    await page.getByRole('button', { name: 'Skip exercise' }).dispatchEvent('click');
  const item = strength.items[at] as Item;
  await page.getByRole('button', { name: `Start ${item.name}` }).dispatchEvent('click');
  await page.locator('.player[data-phase="reps"]').waitFor();
  return { page, item };
}

/**
 * axe waits on the page's timers, so the clock runs while it checks; then it is paused again a moment
 * later. Only for screens where nothing is counting.
 */
async function violationsWithClockRunning(page: Page) {
  await page.clock.resume();
  const found = await seriousViolations(page);
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  return found;
}

const phase = (page: Page) => page.locator('.player').getAttribute('data-phase');
const heading = (page: Page) => page.locator('.player-exercise').textContent();

/** Do the current exercise's work phases until it reaches the next introduction or the end. */
async function doExercise(page: Page, item: Item) {
  await page.getByRole('button', { name: `Start ${item.name}` }).dispatchEvent('click');
  for (let guard = 0; guard < 40; guard++) {
    const p = await phase(page);
    if (p === 'intro' || p === null) return;
    if (p === 'reps') {
      const target = item.dose?.reps ?? 0;
      for (let i = 1; i <= target; i++)
        await page.getByRole('button', { name: /^Tap for each rep/ }).dispatchEvent('click');
    } else if (p === 'hold') {
      await expect(page.locator('.hold-stage').textContent()).resolves.toBe('Get into position');
      // The clock ticks every 200 ms: a little past the 3 s of getting ready.
      await page.clock.runFor(3_300);
      await expect(page.locator('.hold-stage').textContent()).resolves.toBe('Hold');
      await expect(page.locator('.panel-hold .timer').textContent()).resolves.toBe(`${item.dose?.holdS} s`);
      await page.clock.runFor((item.dose?.holdS ?? 0) * 1000 + 400);
    } else if (p === 'rest') {
      // To the end of the rest and no further: the next hold starts with its 3 s of getting ready.
      const left = Number.parseInt((await page.locator('.panel-rest .timer').textContent()) ?? '', 10);
      await page.clock.runFor(left * 1000 + 300);
    } else if (p === 'free') {
      await page.getByRole('button', { name: 'Done', exact: true }).dispatchEvent('click');
    } else {
      throw new Error(`unexpected phase ${p}`);
    }
  }
  throw new Error('the exercise never ended');
}

describe('the guided session', { timeout: 180_000 }, () => {
  it('goes through an exercise set by set, skips one, stops half-way, and logs what was done with how it felt', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const [first, second, third] = strength.items;
    if (!first || !second) throw new Error('expected at least two strength exercises');
    const page = await openPlayer(PHONE_390);
    await expect(heading(page)).resolves.toContain(first.name);
    await screenshot(page, 'session-intro-phone');
    expect(await violationsWithClockRunning(page)).toEqual([]);

    await doExercise(page, first);
    await expect(heading(page)).resolves.toContain(second.name);
    // Skip the second; previous brings it back, skip again.
    await page.getByRole('button', { name: 'Skip exercise' }).dispatchEvent('click');
    if (third) await expect(heading(page)).resolves.toContain(third.name);
    await page.getByRole('button', { name: '◀ Previous' }).dispatchEvent('click');
    await expect(heading(page)).resolves.toContain(second.name);
    await page.getByRole('button', { name: 'Skip exercise' }).dispatchEvent('click');

    // Stop half-way, after asking.
    await page.getByRole('button', { name: 'Stop the session' }).dispatchEvent('click');
    await page.getByText('Stop here? What you have done so far is kept').waitFor();
    await page.getByRole('button', { name: 'Stop the session' }).first().dispatchEvent('click');
    await page.getByRole('heading', { name: 'Session stopped' }).waitFor();
    await expect(page.locator('.session-end .lead').textContent()).resolves.toContain(
      `You did 1 of ${strength.items.length}`,
    );
    await page.getByRole('radio', { name: 'Hard' }).dispatchEvent('click');
    await page.locator('[data-score="4"] input').dispatchEvent('click');
    await screenshot(page, 'session-end-phone');
    expect(await violationsWithClockRunning(page)).toEqual([]);
    const before = (await sessions()).length;
    await page.getByRole('button', { name: 'Save to my diary' }).dispatchEvent('click');
    await page.getByText('Saved to your diary.').waitFor();
    const after = await sessions();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      items: [first.id],
      feeling: 'hard',
      painDuring: 4,
      planned: strength.items.length,
    });
    // The diary says how it went, in words.
    await page.clock.resume();
    await page.getByRole('link', { name: 'See your diary' }).click();
    await page.locator('.entries li', { hasText: `Did ${first.name}` }).waitFor();
    await expect(
      page
        .locator('.entries li', { hasText: `Did ${first.name}` })
        .first()
        .textContent(),
    ).resolves.toContain(
      `Felt hard; pain during 4/10; stopped after 1 of ${strength.items.length} exercises.`,
    );
    await page.context().close();
  });

  it('counts reps for the runner at a steady pace, and shows the rest between sets', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const { page, item } = await startCountedExercise(LAPTOP_1280);
    await page.getByRole('button', { name: /^Tap for each rep/ }).dispatchEvent('click');
    await expect(page.locator('.count-now').textContent()).resolves.toBe('1');
    await screenshot(page, 'session-reps-laptop');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violationsWithClockRunning(page)).toEqual([]);
    await screenshot(page, 'session-reps-laptop-dark');
    await page.getByLabel(/^Count for me/).dispatchEvent('click');
    await page.clock.runFor(3 * 3_000 + 100);
    await expect(page.locator('.count-now').textContent()).resolves.toBe('4');
    // The rest of the set, counted for the runner; then the rest between sets.
    await page.clock.runFor(((item.dose?.reps ?? 0) - 4) * 3_000 + 100);
    if ((item.dose?.sets ?? 1) > 1) {
      await page.locator('.player[data-phase="rest"]').waitFor();
      await expect(page.locator('.panel-rest .timer').textContent()).resolves.toBe('45 s');
      await page.clock.runFor(10_000);
      await expect(page.locator('.panel-rest .timer').textContent()).resolves.toBe('35 s');
      await page.getByRole('button', { name: 'Skip the rest' }).dispatchEvent('click');
      await page.locator('.player[data-phase="reps"]').waitFor();
      await expect(page.locator('.player-where').textContent()).resolves.toContain(
        `set 2 of ${item.dose?.sets}`,
      );
    }
    await page.context().close();
  });

  it('picks the session up again after a reload, where it was, and forgets it once it has ended', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const { page, item } = await startCountedExercise(PHONE_390);
    for (let i = 0; i < 2; i++)
      await page.getByRole('button', { name: /^Tap for each rep/ }).dispatchEvent('click');

    // The page is reloaded (or the phone dropped it) a few minutes later.
    await page.clock.resume();
    await page.clock.runFor(5 * 60_000);
    await page.reload();
    await page.getByRole('heading', { name: 'Carry on where you left off?' }).waitFor();
    await expect(page.locator('.session-left p').textContent()).resolves.toBe(
      `You left “Strength” at exercise ${strength.items.indexOf(item) + 1} of ${strength.items.length}, 5 minutes ago.`,
    );
    await screenshot(page, 'session-resume-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Carry on' }).click();
    await page.locator('.player[data-phase="reps"]').waitFor();
    await expect(heading(page)).resolves.toContain(item.name);
    await expect(page.locator('.count-now').textContent()).resolves.toBe('2');

    // Stopped and ended: nothing is offered again.
    await page.getByRole('button', { name: 'Stop the session' }).click();
    await page.getByRole('button', { name: 'Stop the session' }).first().click();
    await page.getByRole('heading', { name: 'Session stopped' }).waitFor();
    await page.reload();
    await page.locator('.session-part').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Carry on where you left off?' }).count()).toBe(0);
    await page.context().close();
  });

  it('is offered from the home page, and lists the parts of the day with their length', async (ctx) => {
    if (server.kind !== 'real') return ctx.skip();
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/');
    await page.getByRole('link', { name: /^Start today's session/ }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/session'));
    await page.locator('h1', { hasText: /session$/ }).waitFor();
    await visit(page, `/session?day=${strength.day}`);
    await screenshot(page, 'session-start-phone');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/session$/);
    await expect(page.locator('.session-part').count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

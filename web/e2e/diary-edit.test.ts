/**
 * A diary you can correct, in headless Chromium against the real server: edit a pain check-in, delete an
 * activity rating (after a confirmation), and Undo right after logging pain and a rating. The page with
 * an editor open and with the Undo toast showing passes axe (no serious or critical violations) at 390
 * and 1280 px, light and dark; screenshots go to test-artifacts/screenshots/diary-edit-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countOnceSettled,
  launchBrowser,
  openPage,
  screenshot,
  seedPain,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

const PHONE_390: View = { width: 390, height: 844, colorScheme: 'light' };
const LAPTOP_1280: View = { width: 1280, height: 800, colorScheme: 'light' };

let server: TestServer;
let browser: Browser;

type Diary = {
  pain: { id: string; score: number; regions: string[]; note?: string; timing: string }[];
  exercise: { id: string; items: string[] }[];
  psfs: { id: string; activity: string; score: number }[];
};
const diary = async (): Promise<Diary> => (await fetch(`${server.url}/api/diary`)).json() as Promise<Diary>;
const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startServer();
  // The stub server has no PATCH or DELETE: these flows need the built `backstride serve`.
  if (server.kind !== 'real')
    throw new Error('the diary-edit tests need the real server: run `npm run build`');
  browser = await launchBrowser();
  await seedPain(server, [
    { daysAgo: 3, score: 5, regions: ['lower-back'] },
    { daysAgo: 1, score: 3, regions: ['neck'] },
  ]);
  expect(
    (await post('/api/diary/exercise', { items: ['plank', 'bird-dog'], at: Date.now() - 2 * 86_400_000 })).ok,
  ).toBe(true);
  expect((await post('/api/diary/psfs', { ratings: [{ activity: 'Run 10 km', score: 4 }] })).ok).toBe(true);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The list item of the newest entry whose text contains `text`. */
const entry = (page: Page, text: string) => page.locator('.entries li').filter({ hasText: text }).first();

describe('a diary you can correct', { timeout: 90_000 }, () => {
  it('edits a pain check-in: score, place and note', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/diary');
    await screenshot(page, 'diary-edit-list-phone');
    const neck = entry(page, 'Neck');
    await neck.getByRole('button', { name: /^Edit the pain check-in of / }).click();
    const form = page.getByRole('form', { name: /^Edit the pain check-in of / });
    await form.waitFor();
    // The editor opens filled in, with focus in it.
    await expect(form.getByRole('radio', { name: '3', exact: true }).isChecked()).resolves.toBe(true);
    await expect(form.getByRole('checkbox', { name: 'Neck' }).isChecked()).resolves.toBe(true);
    await expect(form.evaluate((f) => f.contains(document.activeElement))).resolves.toBe(true);
    await form.getByRole('radio', { name: '2', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Shoulders' }).check();
    await form.getByLabel('Note (optional)').fill('Better after the warm-up');
    await screenshot(page, 'diary-edit-editor-phone');
    for (const problem of await seriousViolations(page)) expect.fail(`${problem.id}: ${problem.help}`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved your changes to the pain check-in.').waitFor();
    await form.waitFor({ state: 'detached' });
    const edited = entry(page, 'Better after the warm-up');
    await expect(edited.textContent()).resolves.toMatch(/Pain 2\/10.*Neck, Shoulders/);
    // Focus returns to the entry's Edit button, not the top of the page.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Edit');
    const stored = (await diary()).pain.find((p) => p.note === 'Better after the warm-up');
    expect(stored).toMatchObject({ score: 2, regions: ['neck', 'shoulders'] });
    await page.context().close();
  });

  it('corrects an exercise session: one added from the library, one taken off', async () => {
    const page = await openPage(browser, server, LAPTOP_1280);
    await visit(page, '/diary');
    await entry(page, 'Did')
      .getByRole('button', { name: /^Edit the exercise session/ })
      .click();
    const form = page.getByRole('form', { name: /^Edit the exercise session/ });
    await form.getByRole('checkbox', { name: 'Bird-dog' }).uncheck();
    await form.getByLabel('Add an exercise you did').selectOption({ label: 'Superman' });
    await expect(form.getByRole('checkbox', { name: 'Superman' }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'diary-edit-exercise-laptop');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved your changes to the exercise session.').waitFor();
    expect((await diary()).exercise.map((e) => e.items)).toEqual([['plank', 'superman']]);
    await page.context().close();
  });

  it('says why a correction is refused, and Cancel changes nothing', async () => {
    const page = await openPage(browser, server, LAPTOP_1280);
    await visit(page, '/diary');
    const before = await diary();
    const lower = entry(page, 'Lower back');
    await lower.getByRole('button', { name: /^Edit the pain check-in/ }).click();
    const form = page.getByRole('form', { name: /^Edit the pain check-in/ });
    await form.getByRole('checkbox', { name: 'Lower back' }).uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe(
      'Choose at least one place where it hurts.',
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await diary()).toEqual(before);
    await page.context().close();
  });

  it('deletes an entry after asking', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/diary');
    const rating = entry(page, 'Run 10 km');
    await rating.getByRole('button', { name: /^Delete the activity rating of / }).click();
    await expect(rating.textContent()).resolves.toContain('Delete this activity rating?');
    // Keep it: nothing happens.
    await rating.getByRole('button', { name: 'Keep it' }).click();
    await expect((await diary()).psfs).toHaveLength(1);
    await rating.getByRole('button', { name: /^Delete the activity rating/ }).click();
    await screenshot(page, 'diary-edit-confirm-phone');
    await rating.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText(/^Deleted the activity rating of /).waitFor();
    const left = page.locator('.entries li').filter({ hasText: 'Run 10 km' });
    expect(await countOnceSettled(left, (n) => n === 0)).toBe(0);
    expect((await diary()).psfs).toEqual([]);
    await page.context().close();
  });

  it('offers Undo right after logging pain, and puts the answers back in the form', async () => {
    const page = await openPage(browser, server, PHONE_390);
    await visit(page, '/diary');
    const count = (await diary()).pain.length;
    await page
      .getByRole('group', { name: /How bad is it/ })
      .getByRole('radio', { name: '6', exact: true })
      .check();
    await page.getByRole('checkbox', { name: 'Between the shoulder blades' }).first().check();
    await page.getByLabel('Note (optional)').first().fill('Logged by mistake');
    await page.getByRole('button', { name: 'Log pain' }).click();
    const toast = page.locator('.toast');
    await expect(toast.textContent()).resolves.toContain('Logged pain 6/10 (Between the shoulder blades).');
    await expect(page.locator('.toast-region').getAttribute('role')).resolves.toBe('status');
    expect((await diary()).pain).toHaveLength(count + 1);
    await screenshot(page, 'diary-edit-undo-phone');
    for (const problem of await seriousViolations(page)) expect.fail(`${problem.id}: ${problem.help}`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/^Undone: that check-in is removed/).waitFor();
    expect((await diary()).pain).toHaveLength(count);
    await expect(
      page
        .getByRole('group', { name: /How bad is it/ })
        .getByRole('radio', { name: '6', exact: true })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByLabel('Note (optional)').first().inputValue()).resolves.toBe('Logged by mistake');
    await page.context().close();
  });

  it("offers Undo after 'I did this today' on an exercise's page", async () => {
    const page = await openPage(browser, server, PHONE_390);
    const before = (await diary()).exercise.length;
    await visit(page, '/exercises/superman');
    await page.getByRole('button', { name: 'I did this today' }).click();
    const toast = page.locator('.toast');
    await expect(toast.textContent()).resolves.toContain('as done today');
    expect((await diary()).exercise).toHaveLength(before + 1);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Removed from your diary.').waitFor();
    expect((await diary()).exercise).toHaveLength(before);
    await page.context().close();
  });

  it('offers Undo after rating an activity; without Undo the entry stays', async () => {
    const page = await openPage(browser, server, LAPTOP_1280);
    await visit(page, '/diary');
    await page.getByText('Rate an activity (optional)').click();
    await page.getByLabel('Activity', { exact: true }).fill('Sit for 2 hours');
    await page
      .getByRole('group', { name: /How well can you do it/ })
      .getByRole('radio', { name: '7', exact: true })
      .check();
    await page.getByRole('button', { name: 'Log rating' }).click();
    const toast = page.locator('.toast');
    await expect(toast.textContent()).resolves.toContain('Logged “Sit for 2 hours” at 7/10.');
    await screenshot(page, 'diary-edit-undo-laptop');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone: that rating is removed, and it is back in the form.').waitFor();
    expect((await diary()).psfs.map((r) => r.activity)).not.toContain('Sit for 2 hours');
    // Logged again and left alone: Dismiss closes the toast and the rating stays.
    await page.getByRole('button', { name: 'Log rating' }).click();
    await page.locator('.toast', { hasText: 'Logged “Sit for 2 hours”' }).waitFor();
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
    expect((await diary()).psfs.map((r) => r.activity)).toContain('Sit for 2 hours');
    await page.context().close();
  });

  for (const view of [PHONE_390, LAPTOP_1280])
    for (const colorScheme of ['light', 'dark'] as const)
      it(`passes axe with an editor open and the toast showing at ${view.width} px, ${colorScheme}`, async () => {
        const page = await openPage(browser, server, { ...view, colorScheme });
        await page.emulateMedia({ colorScheme });
        await visit(page, '/diary');
        const problems: string[] = [];
        const check = async (what: string) => {
          for (const v of await seriousViolations(page))
            problems.push(
              `${what}: [${v.impact}] ${v.id} — ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
        };
        await check('list');
        await entry(page, 'Pain')
          .getByRole('button', { name: /^Edit the pain check-in/ })
          .click();
        await check('pain editor');
        await page.getByRole('button', { name: 'Cancel' }).click();
        await entry(page, 'Did')
          .getByRole('button', { name: /^Edit the exercise session/ })
          .click();
        await check('exercise editor');
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page
          .getByRole('group', { name: /How bad is it/ })
          .getByRole('radio', { name: '1', exact: true })
          .check();
        await page.getByRole('checkbox', { name: 'Neck' }).first().check();
        await page.getByRole('button', { name: 'Log pain' }).click();
        await page.locator('.toast').waitFor();
        await check('toast');
        const name = `diary-edit-${view.width === 390 ? 'phone' : 'laptop'}-${colorScheme}`;
        await screenshot(page, name);
        await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
        await page.getByText(/^Undone/).waitFor();
        await page.context().close();
        expect(problems, problems.join('\n')).toEqual([]);
      });
});

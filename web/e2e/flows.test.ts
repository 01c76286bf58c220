/**
 * The web app as a runner uses it, in headless Chromium: a full check-in to a self-care plan, a red flag
 * to the emergency screen, the exercise library, logging pain, importing runs, the insights charts, the
 * report links, and the check-in's first step by keyboard alone. The safety steps are checklists: tick
 * what applies and "Continue" (the rest are "no"), or "None of these apply".
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  LAPTOP,
  openPage,
  PHONE,
  screenshot,
  seedPain,
  seedRuns,
  seriousViolations,
  serverAndBrowserPerFile,
  type TestServer,
  visit,
} from './helpers.js';

let server: TestServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

const heading = (page: Page) => page.locator('#step-title');
const cont = (page: Page) => page.getByRole('button', { name: 'Continue' });
const noneApply = (page: Page) => page.getByRole('button', { name: 'None of these apply' });
/** Wait until the check-in shows the step with this title. */
const onStep = (page: Page, title: string) =>
  page.waitForFunction((t) => document.getElementById('step-title')?.textContent === t, title);

/** The check-in's draft as the page keeps it (sessionStorage). */
const draftFlags = async (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(sessionStorage.getItem('backstride.checkin') ?? '{}') as {
          flags?: Record<string, unknown>;
        }
      ).flags ?? {},
  );

describe('check-in', { timeout: 90_000 }, () => {
  it('goes from the safety questions to a self-care result and a week plan', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/check-in?step=1');
    // An empty draft: every step but the clot follow-up (nothing about breathing yet) applies.
    await expect(page.locator('.step-count').textContent()).resolves.toBe('Step 1 of 18');
    await expect(heading(page).textContent()).resolves.toBe('Safety: heart and lungs');
    await screenshot(page, 'check-in-safety-phone');

    // Safety questions: each a checklist; with nothing ticked, Continue waits and "None of these apply"
    // answers the step (the accident question's "No" too).
    for (const title of [
      'Safety: heart and lungs',
      'Safety: bladder, bowel and nerves',
      'Safety: general health',
      'Safety: skin, bladder and kidneys',
    ]) {
      await expect(heading(page).textContent()).resolves.toBe(title);
      await expect(page.getByRole('group', { name: /^Do any of these apply/ }).count()).resolves.toBe(1);
      await expect(cont(page).isDisabled()).resolves.toBe(true);
      await noneApply(page).click();
      await page.waitForFunction((t) => document.getElementById('step-title')?.textContent !== t, title);
    }

    // The body map: a region is a checkbox by name, in the back view.
    await expect(heading(page).textContent()).resolves.toBe('Where does it hurt?');
    const back = page.getByRole('group', { name: 'Back of the body' });
    const region = back.getByRole('checkbox', { name: 'Between the shoulder blades' });
    await region.click();
    await expect(region.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(page.locator('.selected-regions').textContent()).resolves.toContain(
      'Between the shoulder blades',
    );
    await screenshot(page, 'check-in-body-map-phone');
    await cont(page).click();

    await expect(heading(page).textContent()).resolves.toBe('Does the pain spread?');
    await cont(page).click(); // nowhere

    await expect(heading(page).textContent()).resolves.toBe('How bad, and when?');
    const now = page.getByLabel('Pain right now, 0 (none) to 10 (worst imaginable)');
    await now.fill('3');
    await page.getByLabel('Pain at its worst in the last week, 0 to 10').fill('4');
    await page.getByRole('checkbox', { name: 'Later that day' }).check();
    await cont(page).click();

    await page.getByRole('radio', { name: '1–2 days' }).first().check();
    await page.getByRole('radio', { name: 'A few hours' }).check();
    await cont(page).click();

    await page.getByRole('checkbox', { name: 'Aching' }).check();
    await page
      .getByRole('group', { name: 'Does rest or changing position ease it?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await cont(page).click();

    await page.getByRole('radio', { name: 'Gradually' }).check();
    await page.getByRole('radio', { name: 'Getting better' }).check();
    // What was tried: one checklist.
    await page
      .getByRole('group', { name: 'What have you tried for it?' })
      .getByRole('checkbox', { name: 'Heat' })
      .check();
    await page.getByLabel('Your age').fill('34');
    await cont(page).click();

    // Under 45 but pain of two days that does not keep coming back: no stiffness questions.
    await expect(heading(page).textContent()).resolves.toBe('How is the pain sitting with you?');
    await expect(page.locator('.step-count').textContent()).resolves.toBe('Step 11 of 17');
    await cont(page).click(); // none of these

    // Running.
    await page.getByLabel('Runs a week').fill('3');
    await page.getByLabel('Rest days a week').fill('4');
    await page.getByLabel(/Distance in a typical recent week/).fill('25');
    await page.getByLabel(/Weekly distance about four weeks ago/).fill('24');
    await page.getByLabel(/Longest run in the last month/).fill('10');
    await cont(page).click();

    await cont(page).click(); // form: none of these
    await page.getByLabel('Hours sitting on a typical day').fill('10');
    await page.getByLabel('Strength sessions a week').fill('0');
    await page.getByRole('radio', { name: 'Rarely' }).check();
    // The habits: one checklist.
    await page
      .getByRole('group', { name: 'Which of these are true for you?' })
      .getByRole('checkbox', { name: 'I often slouch when sitting' })
      .check();
    await cont(page).click();

    await page.getByRole('button', { name: 'Skip this step' }).click(); // gear
    await expect(heading(page).textContent()).resolves.toBe('Self-checks');
    await page.getByRole('radio', { name: 'Limited' }).check();
    await cont(page).click();

    await expect(heading(page).textContent()).resolves.toBe('Check and send');
    await expect(page.locator('table.review').textContent()).resolves.toContain('Skipped');
    await page.getByRole('button', { name: 'See my result' }).click();

    await page.locator('.level').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Your result');
    await expect(page.locator('.level').getAttribute('data-level')).resolves.toBe('self-care');
    await expect(page.locator('.level h2').textContent()).resolves.toContain('Self-care');
    // Triage first, then what to do today and the top factors; every factor's evidence, the full plan
    // and the sources fold away below (result-summary.test.ts opens them).
    const order = await page.locator('main h2').allTextContents();
    expect(order.indexOf('Three things to do today')).toBeGreaterThan(0);
    expect(order.indexOf('Top likely contributing factors')).toBeGreaterThan(
      order.indexOf('Three things to do today'),
    );
    await expect(page.locator('.more-section > summary').last().textContent()).resolves.toMatch(/^Sources/);
    await expect(page.locator('.factor').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.evidence li').first().textContent()).resolves.toMatch(/\w/);
    await expect(page.locator('.sources a').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'result-self-care-phone');

    await page.getByRole('link', { name: 'See your week' }).click();
    await page.locator('.week').waitFor();
    await expect(page.locator('.day').count()).resolves.toBe(7);
    // The reminder chosen in Settings (30 minutes before by default) goes with the link.
    await expect(page.getByRole('link', { name: 'Download calendar' }).getAttribute('href')).resolves.toBe(
      '/api/plan.ics?remind=30',
    );
    const ics = await page.evaluate(async () => (await fetch('/api/plan.ics')).text());
    expect(ics).toContain('BEGIN:VCALENDAR');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'plan-week-laptop');
    await page.context().close();
  });

  it('stops at the emergency screen on a red flag, with nothing else shown', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/check-in?step=1');
    await expect(cont(page).isDisabled()).resolves.toBe(true);
    await page
      .getByRole('checkbox', { name: 'Chest pain, pressure or tightness with the back pain.' })
      .check();
    // "None of these apply" goes once a line is ticked; the follow-up appears under the tick.
    await expect(noneApply(page).count()).resolves.toBe(0);
    await page
      .locator('.check-line', { hasText: 'Chest pain, pressure or tightness' })
      .getByRole('group', { name: 'When did you last have those chest or breathing symptoms?' })
      .getByRole('radio', { name: 'Now' })
      .check();
    await cont(page).click();

    const banner = page.locator('section.alarm');
    await banner.waitFor();
    await expect(banner.getAttribute('data-level')).resolves.toBe('emergency');
    await expect(page.locator('h1').textContent()).resolves.toBe('Emergency: call emergency services now.');
    await expect(page.locator('.alarm-action').textContent()).resolves.toMatch(
      /emergency number|999|112|911/,
    );
    const calls = await page
      .locator('a.call-button')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The runner's own numbers (from the browser's language here; care.test.ts picks a country).
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatch(/^tel:\d+$/);

    // Nothing competes: no header, navigation, footer, factors or plan; main holds the banner alone.
    await expect(page.locator('header, nav, footer').count()).resolves.toBe(0);
    await expect(page.locator('main > *').count()).resolves.toBe(1);
    await expect(page.locator('main h2, main h3, .factor, .plan-item, .level').count()).resolves.toBe(0);
    const text = ((await page.locator('body').textContent()) ?? '').toLowerCase();
    expect(text).not.toContain('contributing factors');
    expect(text).not.toContain('your plan');
    expect(text).not.toContain('exercise');
    // The banner fills the screen width.
    const box = await banner.boundingBox();
    expect(box?.width).toBe(360);
    await screenshot(page, 'result-emergency-phone');
    await page.context().close();
  });

  it('can be done with the keyboard alone: tab through the first step and submit', async () => {
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/check-in?step=1');
    // Start from the top of the document, as a keyboard user does.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return {
          tag: el?.tagName ?? '',
          type: el?.type ?? '',
          value: el?.value ?? '',
          text: el?.textContent ?? '',
          label: el?.closest('label')?.textContent ?? '',
        };
      });
    /** Tab until the focused element passes the test; how many checkboxes were passed on the way. */
    const tabTo = async (done: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      let boxes = 0;
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (done(f)) return boxes;
        if (f.type === 'checkbox') boxes++;
      }
      throw new Error('not reached by Tab');
    };
    // The first line of the checklist: Space ticks it, its follow-up appears, Space unticks it.
    await tabTo((f) => f.type === 'checkbox');
    await expect(focused()).resolves.toMatchObject({ value: 'chestPain' });
    await page.keyboard.press('Space');
    await page.getByRole('group', { name: /When did you last have those chest/ }).waitFor();
    await page.keyboard.press('Space');
    await page
      .getByRole('group', { name: /When did you last have those chest/ })
      .waitFor({ state: 'detached' });
    // Every line is a real checkbox on the way to the actions; Continue waits for a tick, so Tab passes
    // it by and reaches "None of these apply".
    const passed = await tabTo((f) => f.tag === 'BUTTON' && f.text === 'None of these apply');
    expect(passed).toBe(7); // the other seven lines of heart and lungs
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.getElementById('step-title')?.textContent === 'Safety: bladder, bowel and nerves',
    );
    expect(Object.values(await draftFlags(page)).every((v) => v === false)).toBe(true);
    // Focus moves to the new step's heading (after the render, so wait for it rather than race it).
    await page.waitForFunction(() => document.activeElement?.id === 'step-title', undefined, {
      timeout: 5000,
    });

    // The rest by Enter: "Skip this step" on the safety steps (Continue needs a tick there), Continue
    // elsewhere, until the review.
    for (let step = 2; step <= 25; step++) {
      const title = (await heading(page).textContent()) ?? '';
      if (title === 'Check and send') break;
      const target = title.startsWith('Safety:') ? 'Skip this step' : 'Continue';
      await tabTo((f) => f.tag === 'BUTTON' && f.text === target);
      await page.keyboard.press('Enter');
      await page.waitForFunction((t) => document.getElementById('step-title')?.textContent !== t, title);
    }
    await expect(heading(page).textContent()).resolves.toBe('Check and send');
    await expect(reviewStatus(page, 'Safety: heart and lungs')).resolves.toBe('None apply');
    await expect(reviewStatus(page, 'Safety: general health')).resolves.toBe('Skipped');
    await tabTo((f) => f.tag === 'BUTTON' && f.text === 'See my result');
    await page.keyboard.press('Enter');
    await page.locator('.level').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Your result');
    // Three safety steps were skipped: the result says so.
    await expect(page.locator('.notice-warning').first().textContent()).resolves.toMatch(
      /not answered|skipped/,
    );
    // Each unanswered safety question is named by its wording, not only counted.
    await expect(page.locator('.notice-warning li').allTextContents()).resolves.toContain(
      'Numbness around the genitals, bottom or inner thighs, or a new loss of sexual function or feeling.',
    );
    await screenshot(page, 'result-unanswered-safety-laptop');
    await page.context().close();
  });
});

/** Click "None of these apply" on each screen step, from the first. */
async function noneOnTheScreen(page: Page) {
  for (const title of [
    'Safety: heart and lungs',
    'Safety: bladder, bowel and nerves',
    'Safety: general health',
    'Safety: skin, bladder and kidneys',
  ]) {
    await expect(heading(page).textContent()).resolves.toBe(title);
    await page.getByRole('button', { name: 'None of these apply' }).click();
    await page.waitForFunction((t) => document.getElementById('step-title')?.textContent !== t, title);
  }
}

/** The review table's status for a step. */
const reviewStatus = (page: Page, step: string) =>
  page
    .getByRole('row', { name: new RegExp(`^${step}`) })
    .locator('td')
    .first()
    .textContent();

describe('check-in: follow-ups, "Continue" and "None of these apply"', { timeout: 90_000 }, () => {
  it('answers every question of a safety step with "None of these apply", the accident question too', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/check-in?step=1');
    await page.evaluate(() => sessionStorage.removeItem('backstride.checkin'));
    await visit(page, '/check-in?step=1');
    await noneOnTheScreen(page);
    await expect(heading(page).textContent()).resolves.toBe('Where does it hurt?');

    // Every applicable question of every group is recorded: each line "no", the accident question "none".
    const flags = await draftFlags(page);
    expect(flags.trauma).toBe('none');
    for (const q of [
      'chestPain',
      'coughingBlood',
      'bladderChange',
      'saddleNumbness',
      'neckVascular',
      'fever',
    ])
      expect(flags[q], q).toBe(false);
    for (const q of ['nightPain', 'constantProgressive', 'painfulUrination', 'oneSidedRash'])
      expect(flags[q], q).toBe(false);
    // Follow-ups that do not apply are not answered.
    expect(flags.feverNeckStiffness).toBeUndefined();
    expect(flags.cardiacTiming).toBeUndefined();

    // Back on the general step: nothing ticked, the accident question says No, and the step says so.
    await visit(page, '/check-in?step=3');
    await expect(heading(page).textContent()).resolves.toBe('Safety: general health');
    const accident = page.getByRole('group', {
      name: 'Did the pain start after an accident, fall or knock?',
    });
    await expect(accident.getByRole('radio', { name: 'No', exact: true }).isChecked()).resolves.toBe(true);
    const lines = page.getByRole('group', { name: 'Do any of these apply?' }).getByRole('checkbox');
    await expect(lines.count()).resolves.toBe(10);
    await expect(page.locator('input[type=checkbox]:checked').count()).resolves.toBe(0);
    await expect(page.locator('.answered-note').textContent()).resolves.toMatch(/none of these apply/);
    await expect(page.getByRole('group', { name: /stiff neck/ }).count()).resolves.toBe(0);

    // A tick on fever brings its follow-up, under it; unticking takes it away again.
    const fever = page.getByRole('checkbox', { name: 'High temperature, chills or shivering.' });
    await fever.check();
    const stiffNeck = page
      .locator('.check-line', { hasText: 'High temperature' })
      .getByRole('group', { name: /With the fever: a stiff neck/ });
    await stiffNeck.waitFor();
    await fever.uncheck();
    await stiffNeck.waitFor({ state: 'detached' });

    // The review says per group that none apply.
    await visit(page, '/check-in?step=99');
    await expect(heading(page).textContent()).resolves.toBe('Check and send');
    for (const step of [
      'Safety: heart and lungs',
      'Safety: bladder, bowel and nerves',
      'Safety: general health',
      'Safety: skin, bladder and kidneys',
    ])
      await expect(reviewStatus(page, step)).resolves.toBe('None apply');
    await page.context().close();
  });

  it('"Continue" with one box ticked records the other lines as "no"', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/check-in?step=1');
    await page.evaluate(() => sessionStorage.removeItem('backstride.checkin'));
    await visit(page, '/check-in?step=1');
    for (let i = 0; i < 3; i++) {
      const title = (await heading(page).textContent()) ?? '';
      await noneApply(page).click();
      await page.waitForFunction((t) => document.getElementById('step-title')?.textContent !== t, title);
    }
    await expect(heading(page).textContent()).resolves.toBe('Safety: skin, bladder and kidneys');
    await expect(cont(page).isDisabled()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Pain, burning or stinging when you pee.' }).check();
    await expect(cont(page).isEnabled()).resolves.toBe(true);
    await cont(page).click();
    await onStep(page, 'Where does it hurt?');
    const flags = await draftFlags(page);
    expect(flags).toMatchObject({
      painfulUrination: true,
      bloodInUrine: false,
      flankPain: false,
      oneSidedRash: false,
    });
    await visit(page, '/check-in?step=99');
    await expect(reviewStatus(page, 'Safety: skin, bladder and kidneys')).resolves.toBe(
      '1 ticked: Pain, burning or stinging when you pee',
    );
    await page.context().close();
  });

  it('asks about clot risk after "Deep breaths" with mid-back pain, and not otherwise', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/check-in?step=1');
    await page.evaluate(() => sessionStorage.removeItem('backstride.checkin'));
    await visit(page, '/check-in?step=1');
    await noneOnTheScreen(page);

    await page
      .getByRole('group', { name: 'Back of the body' })
      .getByRole('checkbox', { name: 'Mid back and ribs' })
      .click();
    await cont(page).click();
    for (const title of ['Does the pain spread?', 'How bad, and when?', 'How long?']) {
      await expect(heading(page).textContent()).resolves.toBe(title);
      await cont(page).click();
    }

    // Without "Deep breaths": no clot questions, straight on to how it started.
    await expect(heading(page).textContent()).resolves.toBe('What it feels like');
    await expect(page.locator('.step-count').textContent()).resolves.toBe('Step 9 of 18');
    await cont(page).click();
    await expect(heading(page).textContent()).resolves.toBe('How it started, and about you');
    await page.getByRole('button', { name: 'Back' }).click();

    // With it: the follow-up step appears next, and the step count says so.
    await expect(heading(page).textContent()).resolves.toBe('What it feels like');
    await page.getByRole('checkbox', { name: 'Deep breaths' }).check();
    await expect(page.locator('.step-count').textContent()).resolves.toBe('Step 9 of 19');
    await cont(page).click();
    await expect(heading(page).textContent()).resolves.toBe('Safety: pain on breathing');
    const risks = page.getByRole('group', { name: /do any of these apply to you/ });
    await expect(risks.getByRole('checkbox').count()).resolves.toBe(5);
    await expect(cont(page).isDisabled()).resolves.toBe(true);
    await noneApply(page).click();
    await onStep(page, 'How it started, and about you');
    await expect(draftFlags(page)).resolves.toMatchObject({ clotRisk: ['none'] });

    // A clot risk with pain on breathing in is same-day care: the check-in stops at once, as in the screen.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(heading(page).textContent()).resolves.toBe('Safety: pain on breathing');
    await expect(page.locator('.answered-note').count()).resolves.toBe(1);
    await risks.getByRole('checkbox', { name: /combined contraceptive pill/ }).check();
    await expect(page.locator('.answered-note').count()).resolves.toBe(0);
    await cont(page).click();
    const banner = page.locator('section.alarm');
    await banner.waitFor();
    await expect(banner.getAttribute('data-level')).resolves.toBe('urgent');
    await page.context().close();
  });
});

/** A draft in which every new step and follow-up shows (as the check-in page stores it). */
const FOLLOW_UP_DRAFT = {
  flags: { chestPain: false, sweatingNauseaBreathless: false, nearFaintOrPalpitations: true },
  regions: ['mid-back-ribs'],
  spread: ['groin', 'belly'],
  timing: ['during-run'],
  since: '3m+',
  qualities: ['pressure'],
  worseWith: ['deep-breath', 'arching-back'],
  tried: ['heat', 'painkillers'],
  age: 30,
  sex: 'female',
  outlook: ['fearOfMoving', 'struggling'],
  running: { recentChanges: ['sports-bra'], weeklyNow: 30 },
  form: [],
  daily: { equipment: ['band'], sittingHours: 8, trueForYou: ['slouching'] },
  gear: {},
  checks: {},
  skipped: [],
};

describe('check-in: the new steps at 390 px and 1280 px', { timeout: 120_000 }, () => {
  it('shows each new step and follow-up, readable and without serious accessibility problems', async () => {
    const shots: [number, string, (page: Page) => Promise<void>][] = [
      [1, 'heart', async () => {}],
      [2, 'nerves', async () => {}],
      [
        3,
        'general',
        async (page) => {
          for (const name of ['High temperature, chills or shivering.', /^High blood pressure/])
            await page.getByRole('checkbox', { name }).check();
          await page.getByRole('group', { name: /With the fever: a stiff neck/ }).waitFor();
        },
      ],
      [4, 'body', async () => {}],
      [6, 'spread', async () => {}],
      [7, 'severity', async () => {}],
      [8, 'duration', async () => {}],
      [9, 'feel', async () => {}],
      [10, 'clot', async () => {}],
      [11, 'onset', async () => {}],
      [12, 'stiffness', async () => {}],
      [13, 'outlook', async () => {}],
      [14, 'running', async () => {}],
      [16, 'daily', async () => {}],
      [19, 'review', async () => {}],
    ];
    // The safety steps and the two new checklists are also kept under their own names.
    const checklistShots: Record<string, string> = {
      heart: 'safety-heart',
      nerves: 'safety-nerves',
      general: 'safety-general',
      body: 'safety-body',
      onset: 'tried',
      daily: 'true-for-you',
    };
    const problems: string[] = [];
    for (const view of [{ ...PHONE, width: 390, height: 844 }, LAPTOP]) {
      const page = await openPage(browser, server, view);
      await visit(page, '/');
      await page.evaluate(
        (d) => sessionStorage.setItem('backstride.checkin', JSON.stringify(d)),
        FOLLOW_UP_DRAFT,
      );
      for (const [step, name, prepare] of shots) {
        await visit(page, `/check-in?step=${step}`);
        await prepare(page);
        await expect(page.locator('.step-count').textContent()).resolves.toBe(`Step ${step} of 19`);
        await screenshot(page, `check-in-new-${name}-${view.width}`);
        const also = checklistShots[name];
        if (also) await screenshot(page, `checklist-${also}-${view.width}`);
        for (const v of await seriousViolations(page))
          problems.push(`${name} at ${view.width}: [${v.impact}] ${v.id}: ${v.help}`);
      }
      // The struggling answer shows the crisis line; the follow-ups show where they apply.
      await visit(page, '/check-in?step=13');
      await expect(page.locator('.crisis-note').textContent()).resolves.toMatch(/crisis line/);
      await visit(page, '/check-in?step=1');
      await page
        .locator('.check-line', { hasText: 'With the pain: feeling faint' })
        .getByRole('group', { name: /When did you last have those chest or breathing/ })
        .waitFor();
      // Nothing overflows the page sideways at this width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal scroll at ${view.width}`).toBe(false);
      // Every line of a checklist is at least 44 px tall, as a finger needs.
      const heights = await page
        .locator('label.check')
        .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await page.context().close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('exercise library', { timeout: 90_000 }, () => {
  it('searches, filters and shows an exercise with its start and end figure', async () => {
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/exercises');
    const all = await page.locator('.exercise-list > li').count();
    expect(all).toBeGreaterThan(20);
    await page.getByLabel('Search exercises').fill('plank');
    await page.waitForFunction(() => document.querySelectorAll('.exercise-list > li').length < 10);
    const names = await page.locator('.exercise-list h2').allTextContents();
    expect(names).toContain('Plank');
    await page.getByLabel('Equipment').selectOption({ label: 'Dumbbells' });
    await page.waitForFunction(
      () => !/[^a-z]plank$/i.test(location.hash) && location.hash.includes('equipment=dumbbells'),
    );
    await expect(page.locator('.exercise-list h2').allTextContents()).resolves.not.toContain('Plank');
    await page.getByLabel('Equipment').selectOption({ label: 'Any equipment' });
    await screenshot(page, 'exercises-search-laptop');

    await page.getByRole('link', { name: 'Plank', exact: true }).click();
    await page.locator('.figure-animated svg[role=img]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Plank');
    const figure = page.locator('.figure-animated svg[role=img]');
    await expect(figure.locator('title').textContent()).resolves.toBe(
      'Plank, moving from the start to the end position',
    );
    await expect(figure.locator('desc').textContent()).resolves.toMatch(
      /^Start: Lying face down.*End: Holding the body straight/,
    );
    await expect(page.locator('.figure-steps li').first().textContent()).resolves.toContain('Start:');
    await expect(page.locator('ol.steps li').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('.dose-big').textContent()).resolves.toMatch(/a week|daily/);
    await screenshot(page, 'exercise-plank-laptop');
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'exercise-plank-phone');
    await page.context().close();
  });
});

describe('diary, runs and insights', { timeout: 90_000 }, () => {
  it('logs pain in a few taps', async () => {
    const page = await openPage(browser, server, PHONE);
    await visit(page, '/diary');
    await page
      .getByRole('group', { name: /How bad is it/ })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await page.getByRole('checkbox', { name: 'Lower back' }).check();
    await page.getByRole('radio', { name: 'Right after' }).check();
    await page.getByLabel('Note (optional)').fill('After the long run');
    await page.getByRole('button', { name: 'Log pain' }).click();
    await expect(page.getByText('Logged pain 4/10 (Lower back).').waitFor()).resolves.toBeUndefined();
    await page.locator('.entries .entry-pain').first().waitFor();
    await expect(page.locator('.entries .entry-pain').first().textContent()).resolves.toContain('Lower back');
    await expect(page.locator('.entries .entry-pain').first().textContent()).resolves.toContain(
      'After the long run',
    );
    await screenshot(page, 'diary-phone');
    await page.context().close();
  });

  it('imports run files with progress and shows a run with its charts', async () => {
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/runs');
    // Record every progress bar the import shows, however briefly.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      new MutationObserver(() => {
        for (const l of document.querySelectorAll('.progress-field label')) {
          const t = l.textContent ?? '';
          if (!w.seen.includes(t)) w.seen.push(t);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const { runFile } = await import('./helpers.js');
    await page.setInputFiles('input[type=file]', [
      runFile('gc-10kUNLP2014-Garmin15.fit'),
      runFile('togeojson-Friday-Evening-Run.gpx'),
      runFile('tcxparser-test.tcx'),
    ]);
    await page.locator('.notice-success').waitFor({ timeout: 60_000 });
    await expect(page.locator('.notice-success').textContent()).resolves.toMatch(/runs? imported/);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => s.startsWith('Uploading') || s.startsWith('Reading'))).toBe(true);
    await page.locator('table.runs tbody tr').first().waitFor();
    await screenshot(page, 'runs-laptop');

    await page.locator('table.runs tbody tr a').first().click();
    await page.locator('#fatigue-heading').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length > 0, undefined, {
      timeout: 20_000,
    });
    await expect(page.locator('#fatigue-heading + *').textContent()).resolves.toMatch(
      /cadence|pace|heart rate|fatigue/i,
    );
    await screenshot(page, 'run-laptop');
    await page.context().close();
  });

  it('draws the insights charts: weekly distance with pain, load ratio, outcome measures', async () => {
    await seedRuns(server, ['gc-Fr955v19.28andStryd.fit', 'gc-suunto-Move_2020_01_15_Running.fit']);
    await seedPain(server, [
      { daysAgo: 20, score: 6, regions: ['between-shoulder-blades'] },
      { daysAgo: 13, score: 5, regions: ['between-shoulder-blades'] },
      { daysAgo: 6, score: 3, regions: ['between-shoulder-blades'] },
      { daysAgo: 1, score: 2, regions: ['between-shoulder-blades'] },
    ]);
    for (const view of [LAPTOP, PHONE]) {
      const page = await openPage(browser, server, view);
      await visit(page, '/insights');
      await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length >= 2, undefined, {
        timeout: 20_000,
      });
      await expect(page.locator('#chart-outcomes canvas').count()).resolves.toBe(1);
      await expect(page.locator('#chart-weekly canvas').count()).resolves.toBe(1);
      // uPlot is loaded on demand, not with the first page.
      await expect(page.locator('#triggers-heading').textContent()).resolves.toBe('Your pain triggers');
      await screenshot(page, `insights-${view.width === 360 ? 'phone' : 'laptop'}`);
      await page.context().close();
    }
  });

  it('links the clinician report as HTML and PDF', async () => {
    const page = await openPage(browser, server, LAPTOP);
    await visit(page, '/report');
    const html = page.getByRole('link', { name: /Open the report/ });
    await expect(html.getAttribute('href')).resolves.toBe('/api/report?format=html&units=km');
    const pdf = page.getByRole('link', { name: /Download the report \(PDF\)/ });
    await expect(pdf.getAttribute('href')).resolves.toBe('/api/report?format=pdf&download=1&units=km');
    const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.context().close();
  });
});

/**
 * "Check my form" in Chromium against the real server: the filming guidance and the privacy promise, a
 * tiny clip with no runner refused with a reason, the treadmill clip analysed on the page (cadence within
 * 2% of the 168.9 steps a minute measured by hand; only when ../shared/fixtures is there), with every
 * request staying on the local server, and the save, list and delete round trip of the API. axe at 390
 * and 1280 px, light and dark.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP,
  launchBrowser,
  openPage,
  ROOT,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
  type View,
  visit,
} from './helpers.js';

const TREADMILL = join(ROOT, '../shared/fixtures/running-video/treadmill-side-male.mp4');
const VIEWS: [string, View][] = [
  ['390-light', { width: 390, height: 844, colorScheme: 'light' }],
  ['390-dark', { width: 390, height: 844, colorScheme: 'dark' }],
  ['1280-light', LAPTOP],
  ['1280-dark', { ...LAPTOP, colorScheme: 'dark' }],
];

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

/** A page under the server's real policy (openPage bypasses it for axe): WebAssembly must still run. */
async function strictPage(requests: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  context.on('request', (r) => requests.push(r.url()));
  return page;
}

/** Records a second of a blank, still canvas with MediaRecorder and puts it in the file input. */
async function pickBlankClip(page: Page) {
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const stream = canvas.captureStream(30);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => {
      recorder.onstop = r;
    });
    recorder.start();
    const until = performance.now() + 1500;
    while (performance.now() < until) {
      ctx.fillStyle = '#808080';
      ctx.fillRect(0, 0, 320, 240);
      await new Promise((r) => setTimeout(r, 33));
    }
    recorder.stop();
    await stopped;
    const input = document.getElementById('form-clip') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(chunks, 'blank.webm', { type: 'video/webm' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Check my form', () => {
  it('gives the filming guidance and says the video stays on the device; axe clean', async () => {
    for (const [name, view] of VIEWS) {
      const page = await openPage(browser, server, view);
      await visit(page, '/form');
      await expect(page.locator('h1').textContent()).resolves.toBe('Check my form');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toMatch(/hip height/);
      expect(text).toMatch(/3 to 5 metres/);
      expect(text).toMatch(/whole body/);
      expect(text).toMatch(/10 to 20 seconds/);
      expect(text).toMatch(/never sent anywhere/);
      expect(await page.getByRole('button', { name: 'Analyse my form' }).isDisabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `form-guidance-${name}`);
      // A laptop gets one file picker; the camera's own field is for phones.
      expect(await page.locator('#form-record').count()).toBe(0);
      await page.context().close();
    }
    // On a phone, choosing a saved clip and filming one with the back camera are two fields.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      baseURL: server.url,
      bypassCSP: true,
    });
    const page = await phone.newPage();
    await visit(page, '/form');
    expect(await page.locator('#form-clip').getAttribute('capture')).toBeNull();
    await expect(page.locator('#form-record').getAttribute('capture')).resolves.toBe('environment');
    await expect(page.getByLabel('Or film one now with the back camera').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'form-guidance-phone-touch');
    await phone.close();
  });

  it('refuses a clip with no runner in it, with a reason, under the real policy', async () => {
    const requests: string[] = [];
    const page = await strictPage(requests);
    await visit(page, '/form');
    await pickBlankClip(page);
    await page.getByRole('button', { name: 'Analyse my form' }).click();
    const refusal = page.getByRole('heading', { name: 'We could not measure your form from this clip' });
    await refusal.waitFor({ timeout: 90_000 });
    const reasons = await page.locator('.form-result .notice-warning li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    expect(await page.locator('.form-finding').count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  });

  it('analyses the treadmill clip on the page: cadence within 2% of 168.9', async () => {
    if (!existsSync(TREADMILL)) {
      console.log(
        'The running-video fixtures are not here (../shared/fixtures); the treadmill clip was not analysed.',
      );
      return;
    }
    const requests: string[] = [];
    const page = await strictPage(requests);
    await visit(page, '/form');
    await page.setInputFiles('#form-clip', TREADMILL);
    await page.getByLabel('From the side').check();
    await page.getByRole('button', { name: 'Analyse my form' }).click();
    const result = page.locator('.form-result');
    await result.waitFor({ timeout: 110_000 });
    const cadence = Number(await result.getAttribute('data-cadence'));
    const timings = {
      frames: await result.getAttribute('data-frames'),
      decodeMsPerFrame: await result.getAttribute('data-decode-ms'),
      inferMsPerFrame: await result.getAttribute('data-infer-ms'),
      totalS: await result.getAttribute('data-total-s'),
      workers: await result.getAttribute('data-workers'),
      sought: await result.getAttribute('data-sought'),
      rate: await result.getAttribute('data-rate'),
    };
    console.log(`treadmill clip in Chromium: cadence ${cadence} spm; ${JSON.stringify(timings)}`);
    expect(Math.abs(cadence - 168.9) / 168.9).toBeLessThan(0.02);
    await expect(page.getByRole('heading', { name: 'What we measured' }).count()).resolves.toBe(1);
    expect(await page.locator('.form-keyframe canvas').count()).toBeGreaterThan(0);
    // Nothing left this machine: the model and its WebAssembly came from our own server.
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.some((u) => u.includes('/movenet-lightning.bin'))).toBe(true);
    await screenshot(page, 'form-treadmill-1280');
    expect(await seriousViolations(page, { strictPolicy: true })).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'form-treadmill-390');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page, { strictPolicy: true })).toEqual([]);
    await screenshot(page, 'form-treadmill-390-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Saving sends the measures (and the pictures only when ticked), and the saved check is listed.
    await page.getByLabel(/Also keep the/).check();
    await page.getByRole('button', { name: 'Save these measures' }).click();
    await page.getByText('Saved the measures and the pictures.').waitFor();
    await page.getByRole('heading', { name: 'Your saved checks' }).waitFor();
    const saved = (await (await page.request.get('/api/form-checks')).json()) as {
      id: string;
      keyFrames: unknown[];
    }[];
    expect(saved.length).toBe(1);
    expect(saved[0]?.keyFrames.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(async () => (await (await page.request.get('/api/form-checks')).json()).length).toBe(0);

    // Early and late in one run: an early clip saved an hour before, leaning 6° less than this one, and
    // this clip saved as late shows the drift and the fatigue finding under the save button.
    const { id: _id, ...first } = saved[0] as unknown as {
      id: string;
      measures: { id: string; value: number }[];
    };
    const early = {
      ...first,
      label: 'early',
      checkedAt: Date.now() - 3_600_000,
      keyFrames: [],
      measures: first.measures.map((m) => (m.id === 'trunkLean' ? { ...m, value: m.value - 6 } : m)),
    };
    expect((await page.request.post('/api/form-checks', { data: early })).status()).toBe(201);
    await page.getByLabel('Late in the same run').check();
    await page.getByLabel(/Also keep the/).uncheck();
    await page.getByRole('button', { name: 'Save these measures' }).click();
    const compared = page.locator('.form-early-late');
    await compared.waitFor();
    const words = (await compared.textContent()) ?? '';
    expect(words).toMatch(/Compared with your early clip \(saved /);
    expect(words).toMatch(/Late in the run: trunk 6\.0° further forward/);
    expect(words).toMatch(/Worth working on: In the late clip your trunk leans 6 ?° further forward/);
    await screenshot(page, 'form-early-late-390');
    expect(await seriousViolations(page, { strictPolicy: true })).toEqual([]);

    for (const check of (await (await page.request.get('/api/form-checks')).json()) as { id: string }[])
      expect((await page.request.delete(`/api/form-checks/${check.id}`)).status()).toBe(204);
    await page.context().close();
  });

  it('saves, lists and deletes measures through the API, and refuses anything like a video', async () => {
    const page = await openPage(browser, server);
    const check = {
      checkedAt: Date.UTC(2025, 4, 12),
      label: 'early',
      running: true,
      view: 'side',
      cadenceSpm: 170,
      measures: [{ id: 'cadence', label: 'Cadence', value: 170, unit: 'steps per minute', frames: [0, 1] }],
      findings: [],
      quality: {
        frames: 300,
        personShare: 1,
        meanConfidence: 0.6,
        personHeightShare: 0.7,
        strides: 12,
        refusals: [],
        warnings: [],
      },
      keyFrames: [],
    };
    const created = await page.request.post('/api/form-checks', { data: check });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const list = (await (await page.request.get('/api/form-checks')).json()) as { id: string }[];
    expect(list.map((c) => c.id)).toContain(id);

    const withVideo = await page.request.post('/api/form-checks', {
      data: { ...check, video: 'AAAAIGZ0eXBpc29t' },
    });
    expect(withVideo.status()).toBe(400);
    const mp4AsFrame = { frame: 0, tS: 0, mime: 'image/jpeg', data: 'AAAAIGZ0eXBpc29tAAACAGlzb21pc28y' };
    const disguised = await page.request.post('/api/form-checks', {
      data: { ...check, keyFrames: [mp4AsFrame] },
    });
    expect(disguised.status()).toBe(400);
    expect(((await disguised.json()) as { error: { message: string } }).error.message).toMatch(/not a JPEG/);

    expect((await page.request.delete(`/api/form-checks/${id}`)).status()).toBe(204);
    expect((await page.request.delete(`/api/form-checks/${id}`)).status()).toBe(404);
    await page.context().close();
  });
});

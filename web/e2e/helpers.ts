/**
 * End-to-end helpers: a server (the real `backstride serve` when the build has it, else the stub), the
 * Debian Chromium through playwright-core, axe-core, and screenshots into test-artifacts/screenshots/.
 * `BACKSTRIDE_E2E_SERVER=stub|real` forces one or the other.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { encodeFit } from '../../src/activities/synthetic/fit.js';
import { encodeGpx } from '../../src/activities/synthetic/gpx.js';
import { encodeTcx } from '../../src/activities/synthetic/tcx.js';
import { syntheticRun } from '../../src/activities/synthetic/track.js';
import { CHROMIUM_ARGS } from '../../src/report/pdf.js';
import { startStubServer } from './stub-server.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist/web');
export const SHOTS = join(ROOT, 'test-artifacts/screenshots');
export const FIXTURES = join(ROOT, '../shared/fixtures/activities');

const generated = mkdtempSync(join(tmpdir(), 'backstride-e2e-runs-'));
let generatedCount = 0;

/**
 * A run file by fixture name: the real file from shared/fixtures when it is there (CI), otherwise a
 * generated run in the same format, so the tests pass on a machine without shared/.
 */
export function runFile(name: string): string {
  const real = join(FIXTURES, name);
  if (existsSync(real)) return real;
  const path = join(generated, name);
  if (existsSync(path)) return path;
  const start = Date.now() - (10 + generatedCount++ * 3) * 86_400_000;
  const activity = {
    sport: 'running' as const,
    startTime: start,
    samples: syntheticRun({ start, durationS: 2700, seed: generatedCount }),
  };
  if (name.endsWith('.gpx')) writeFileSync(path, encodeGpx(activity));
  else if (name.endsWith('.tcx')) writeFileSync(path, encodeTcx(activity));
  else writeFileSync(path, encodeFit(activity));
  return path;
}

export type TestServer = { url: string; kind: 'real' | 'stub'; close(): Promise<void> };

/** Build the web app once if dist/web is missing (CI builds it first with `npm run build:web`). */
export function ensureBuilt(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'vite.config.ts')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Whether the built CLI has `serve` (`serve --help` succeeds and describes serve, not the whole CLI). */
export function realServeAvailable(): boolean {
  const bin = join(ROOT, 'bin/backstride');
  if (!existsSync(join(ROOT, 'dist/bundle/main.js'))) return false;
  const r = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /Usage: backstride serve/.test(r.stdout);
}

async function startReal(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/backstride'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, BACKSTRIDE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`backstride serve did not print its URL: ${out}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(https?:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backstride serve exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    kind: 'real',
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startServer(): Promise<TestServer> {
  ensureBuilt();
  const forced = process.env.BACKSTRIDE_E2E_SERVER;
  if (forced === 'real' || (forced !== 'stub' && realServeAvailable())) return startReal();
  const stub = await startStubServer({ root: DIST });
  return { ...stub, kind: 'stub' };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * A server and Chromium for one test file: both started before its tests (and handed to `ready`), both
 * closed after them.
 * @example let server: TestServer; let browser: Browser; serverAndBrowserPerFile((s, b) => { server = s; browser = b; });
 */
export function serverAndBrowserPerFile(ready: (server: TestServer, browser: Browser) => void): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

export type View = { width: number; height: number; colorScheme: 'light' | 'dark' };
export const PHONE: View = { width: 360, height: 740, colorScheme: 'light' };
export const LAPTOP: View = { width: 1280, height: 800, colorScheme: 'light' };

export async function openPage(browser: Browser, server: TestServer, view: View = LAPTOP): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.colorScheme,
    baseURL: server.url,
    acceptDownloads: true,
    // The real server's CSP forbids inline scripts; axe-core is injected as one.
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Go to a hash route and wait for the page's h1. */
export async function visit(page: Page, route: string): Promise<void> {
  await page.goto(`/#${route}`);
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/**
 * axe-core's serious and critical violations on the page as it is now. Under the server's real content
 * security policy (no inline scripts) axe is evaluated through the debugging protocol instead of a tag.
 */
export async function seriousViolations(
  page: Page,
  options: { strictPolicy?: boolean } = {},
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    if (options.strictPolicy) await page.evaluate(`${AXE}\n;void 0`);
    else await page.addScriptTag({ content: AXE });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * How many elements match once the page has caught up: after a click the list may re-render a moment
 * after the status line, so a count taken at once can be stale. Polls up to the page's own timeout.
 */
export async function countOnceSettled(
  locator: Locator,
  expected: (n: number) => boolean,
  timeoutMs = 15_000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const n = await locator.count();
    if (expected(n) || Date.now() > until) return n;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Seed the server through its own API: pain check-ins over the last weeks. */
export async function seedPain(
  server: TestServer,
  entries: { daysAgo: number; score: number; regions: string[] }[],
) {
  for (const e of entries) {
    const res = await fetch(`${server.url}/api/diary/pain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        score: e.score,
        regions: e.regions,
        timing: 'right-after',
        at: Date.now() - e.daysAgo * 86_400_000,
      }),
    });
    if (!res.ok) throw new Error(`seeding pain failed: ${res.status} ${await res.text()}`);
  }
}

/** Import fixture files through the API and wait for the import to finish. */
export async function seedRuns(server: TestServer, files: string[]) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([readFileSync(runFile(f))]), f);
  return importForm(server, form);
}

/** Import generated runs that started these many days ago (GPX files), as a runner with a recent history. */
export async function seedRunsDaysAgo(server: TestServer, daysAgo: number[]) {
  const form = new FormData();
  daysAgo.forEach((days, i) => {
    const start = Date.now() - days * 86_400_000;
    const samples = syntheticRun({ start, durationS: 2400, seed: 100 + i });
    form.append(
      'file',
      new Blob([encodeGpx({ sport: 'running', startTime: start, samples })]),
      `run-${days}.gpx`,
    );
  });
  return importForm(server, form);
}

async function importForm(server: TestServer, form: FormData) {
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', body: form });
  if (res.status !== 202) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (let i = 0; i < 200; i++) {
    const s = (await (await fetch(`${server.url}/api/imports/${id}`)).json()) as { state: string };
    if (!['running', 'queued', 'pending', 'processing'].includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

/** A complete, self-care check-in (a desk worker with upper-back ache), as the API takes it. */
export const SELF_CARE_ANSWERS = JSON.parse(
  readFileSync(
    ['tests/fixtures/triage-cases', 'tests/fixtures/answers']
      .map((dir) => join(ROOT, dir, 'sc-desk-worker-upper-back.json'))
      .find((f) => existsSync(f)) ?? '',
    'utf8',
  ),
) as Record<string, unknown>;

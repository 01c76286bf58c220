#!/usr/bin/env node
// Benchmark: every page of the web app in headless Chromium with ten years of daily runs stored. For each
// page, the time from navigation until its h1 is visible and the network is idle (the page's data loaded
// and drawn). Target: every page interactive within a second. Also reports the first-load JS size.
//
//   npm run bench:web
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const { CHROMIUM_ARGS } = await import(fileURLToPath(new URL('../dist/report/pdf.js', import.meta.url)));

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-web-'));
const DAYS = Number(process.env.DAYS ?? 3650);

const { encodeFit } = await import(join(root, 'dist/activities/synthetic/fit.js'));
const { syntheticRun } = await import(join(root, 'dist/activities/synthetic/track.js'));
const runsDir = join(dataDir, 'runs');
mkdirSync(runsDir);
const first = Date.parse('2016-11-21T07:00:00Z');
for (let i = 0; i < DAYS; i++) {
  const t = first + i * 86_400_000;
  // 10 s sampling keeps the archive small; the pages read summaries and one run's series.
  const samples = syntheticRun({ start: t, durationS: 1800 + (i % 7) * 600, stepS: 10, seed: i });
  writeFileSync(join(runsDir, `r${i}.fit`), encodeFit({ sport: 'running', startTime: t, samples }));
  if (process.stderr.isTTY && i % 100 === 0) process.stderr.write(`\rgenerating runs ${i}/${DAYS}`);
}
const cli = (...args) => {
  const r = spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
};
cli('import', runsDir, '--json');
cli(
  'assess',
  '--answers',
  join(root, 'tests/fixtures/triage-cases/sc-desk-worker-upper-back.json'),
  '--json',
);
for (let d = 1; d <= 60; d++) {
  cli(
    'log',
    'pain',
    String(d % 6),
    'between-shoulder-blades',
    '--at',
    new Date(Date.now() - d * 86_400_000).toISOString(),
  );
}

const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('http://') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const [firstRun] = JSON.parse(cli('runs', '--json', '--from', '2026-11-01'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
});
const pages = [
  '/',
  '/check-in',
  '/result',
  '/exercises',
  '/diary',
  '/runs',
  `/runs/${firstRun.id}`,
  '/insights',
  '/plan',
  '/report',
  '/settings',
];
const rows = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/`, { waitUntil: 'networkidle' }); // warm the server and the HTTP cache once
  for (const path of pages) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(`${base}/#${path}`, { waitUntil: 'networkidle' });
    await page.locator('h1').first().waitFor({ state: 'visible' });
    rows.push({ path, ms: performance.now() - t0 });
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

const assets = join(root, 'dist/web/assets');
const html = readFileSync(join(root, 'dist/web/index.html'), 'utf8');
const entry = [...html.matchAll(/src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const gz = entry.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).byteLength, 0);
const totalJs = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .reduce((s, f) => s + statSync(join(assets, f)).size, 0);

console.log(`\n${DAYS} daily runs stored, Chromium headless, 1280×900, Node ${process.version}`);
console.log(
  'time to h1 visible and network idle; the idle test itself waits 500 ms, so these figures are upper bounds',
);
for (const r of rows) console.log(`${r.path.padEnd(48)} ${r.ms.toFixed(0).padStart(6)} ms`);
const worst = Math.max(...rows.map((r) => r.ms));
console.log(
  `slowest page: ${worst.toFixed(0)} ms; target every page under 1000 ms: ${worst < 1000 ? 'met' : 'NOT met'}`,
);
console.log(
  `first-load JS: ${(gz / 1024).toFixed(1)} KB gzipped (budget under 60 KB, tests/bundle-budget.test.ts); all JS chunks ${(totalJs / 1024).toFixed(0)} KB raw`,
);

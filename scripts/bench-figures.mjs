#!/usr/bin/env node
// Benchmark: the animated exercise figure in headless Chromium (software rendering, no GPU) on two CPU
// profiles set through CDP's Emulation.setCPUThrottlingRate: a mid-range laptop (2× slower than this
// machine: the target, 60 fps) and a mid-tier phone (4×, DevTools' own "mid-tier mobile" preset; reported,
// not the target). Opens the real app's exercise pages, lets each figure animate for a few seconds, and
// records the gap between animation frames (requestAnimationFrame deltas). Prints frames per second and
// the share of frames over 16.7 ms (one frame at 60 fps).
//
//   npm run bench:figures            (builds first)
//   BENCH_SECONDS=5 RATES=2,4 node scripts/bench-figures.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const { CHROMIUM_ARGS } = await import(join(root, 'dist/report/pdf.js'));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RATES = (process.env.RATES ?? process.env.RATE ?? '2,4').split(',').map(Number);
const PROFILE = { 2: 'mid-range laptop', 4: 'mid-tier phone' };
const EXERCISES = ['bird-dog', 'post-run-static-stretch', 'band-pull-apart'];

const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-figures-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(
  process.execPath,
  [join(root, 'bin/backstride'), 'serve', '--port', String(port), '--data-dir', dataDir],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('http://') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
});
const rows = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  for (const RATE of RATES)
    for (const id of EXERCISES) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.goto(`${base}/#/exercises/${id}`, { waitUntil: 'load' });
      await page.locator('.figure-animated svg').waitFor();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
      const deltas = await page.evaluate(
        (ms) =>
          new Promise((resolve) => {
            const out = [];
            let last;
            const end = performance.now() + ms;
            const frame = (now) => {
              if (last !== undefined) out.push(now - last);
              last = now;
              if (now < end) requestAnimationFrame(frame);
              else resolve(out);
            };
            requestAnimationFrame(frame);
          }),
        SECONDS * 1000,
      );
      // The figure really moved while we measured (its shapes' attributes changed).
      const moving = await page.evaluate(async () => {
        const el = document.querySelector('.figure-animated [data-k="near-forearm"]');
        const a = el?.getAttribute('x2');
        await new Promise((r) => setTimeout(r, 400));
        return a !== el?.getAttribute('x2');
      });
      const total = deltas.reduce((s, d) => s + d, 0);
      const slow = deltas.filter((d) => d > 1000 / 60 + 0.5).length;
      const sorted = [...deltas].sort((a, b) => a - b);
      rows.push({
        rate: RATE,
        id,
        frames: deltas.length,
        fps: (deltas.length / total) * 1000,
        slowShare: slow / deltas.length,
        p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        moving,
      });
    }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

for (const rate of RATES) {
  const these = rows.filter((r) => r.rate === rate);
  const name = PROFILE[rate] ?? 'custom profile';
  console.log(
    `\nAnimated figure, Chromium headless, 1280×800, CPU throttled ${rate}× (${name}), ${SECONDS} s each`,
  );
  for (const r of these)
    console.log(
      `${r.id.padEnd(28)} ${r.fps.toFixed(1).padStart(5)} fps  ${(r.slowShare * 100).toFixed(1).padStart(5)} % of ${r.frames} frames over 16.7 ms  p95 ${r.p95.toFixed(1)} ms${r.moving ? '' : '  (NOT moving)'}`,
    );
  const worst = Math.min(...these.map((r) => r.fps));
  const verdict = rate === 2 ? `target 60 fps: ${worst >= 58 ? 'met' : 'NOT met'}` : 'for information';
  console.log(`slowest figure: ${worst.toFixed(1)} fps; ${verdict}`);
}

#!/usr/bin/env node
// Load test (not a test): autocannon against a real `backstride serve` on loopback, 20 s each for
// POST /api/assess (a realistic check-in, not saved) and GET /api/load over a year of stored runs.
// Reports requests/s, p99 latency and errors; the target is zero errors.
//
//   npm run bench:server            (DURATION=20 CONNECTIONS=10 by default)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const duration = Number(process.env.DURATION ?? 20);
const connections = Number(process.env.CONNECTIONS ?? 10);
const port = 20000 + Math.floor(Math.random() * 20000);
const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-server-'));

// A year of runs, so the load summary has real work to do.
const { encodeFit } = await import(join(root, 'dist/activities/synthetic/fit.js'));
const { syntheticRun } = await import(join(root, 'dist/activities/synthetic/track.js'));
const runsDir = join(dataDir, 'runs');
mkdirSync(runsDir);
const start = Date.parse('2025-01-06T07:00:00Z');
for (let i = 0; i < 156; i++) {
  const t = start + Math.floor(i * 2.33) * 86_400_000;
  writeFileSync(
    join(runsDir, `r${i}.fit`),
    encodeFit({
      sport: 'running',
      startTime: t,
      samples: syntheticRun({ start: t, durationS: 2400, stepS: 5, seed: i }),
    }),
  );
}
const imported = spawnSync(process.execPath, [bin, 'import', runsDir, '--json', '--data-dir', dataDir], {
  encoding: 'utf8',
});
if (imported.status !== 0) throw new Error(imported.stderr);

const server = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    if (String(d).includes('http://')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const answers = readFileSync(
  join(root, 'tests/fixtures/triage-cases/sc-desk-worker-upper-back.json'),
  'utf8',
);
const url = `http://127.0.0.1:${port}`;
// autocannon takes the path in the URL: its `path` option is ignored when `url` is given.
const run = (title, { path, ...opts }) =>
  new Promise((resolve, reject) => {
    const instance = autocannon({ url: `${url}${path}`, connections, duration, ...opts }, (err, result) =>
      err ? reject(err) : resolve({ title, result }),
    );
    if (process.stderr.isTTY) autocannon.track(instance, { renderResultsTable: false });
  });

const results = [
  await run('POST /api/assess', {
    method: 'POST',
    path: '/api/assess?save=false',
    headers: { 'content-type': 'application/json' },
    body: answers,
  }),
  await run('GET /api/load', { method: 'GET', path: '/api/load' }),
];
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(dataDir, { recursive: true, force: true });

console.log(`\n${duration} s each, ${connections} connections, loopback, Node ${process.version}`);
console.log('route               req/s    p50 ms   p99 ms   errors   non-2xx');
for (const { title, result } of results) {
  console.log(
    `${title.padEnd(18)} ${result.requests.average.toFixed(0).padStart(6)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(result.errors + result.timeouts).padStart(8)} ${String(result.non2xx).padStart(9)}`,
  );
}
const clean = results.every(({ result }) => result.errors + result.timeouts + result.non2xx === 0);
console.log(`target zero errors: ${clean ? 'met' : 'NOT met'}`);

#!/usr/bin/env node
// Benchmark: training-load analytics over ten years of daily runs (3,650), the pure computation and the
// same through the embedded database (list the runs, then compute). Target: under 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const { loadSummary } = await import(dist('load/index.js'));
const { openStore } = await import(dist('store/index.js'));
const { insertRuns, listRuns } = await import(dist('store/runs.js'));

const DAYS = 3650;
const start = Date.parse('2016-01-01T07:00:00Z');
const runs = Array.from({ length: DAYS }, (_, i) => ({
  id: `r${i}`,
  startTime: start + i * 86_400_000,
  distanceM: 5000 + ((i * 7919) % 10000),
  elapsedS: 1800 + ((i * 31) % 3600),
}));

function median(fn, n = 30) {
  fn();
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(n / 2)];
}

const pure = median(() => loadSummary(runs));
const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-load-'));
const store = await openStore({ dataDir });
const rows = runs.map((r) => ({
  start_time: r.startTime,
  sport: 'running',
  sport_label: null,
  name: null,
  source: 'bench',
  source_format: 'fit',
  device: null,
  distance_m: r.distanceM,
  elapsed_s: r.elapsedS,
  moving_s: r.elapsedS,
  pace_s_per_km: null,
  elevation_gain_m: null,
  avg_hr: null,
  max_hr: null,
  avg_cadence_spm: null,
  max_cadence_spm: null,
  cadence_change_spm: null,
  pace_change_pct: null,
  decoupling_pct: null,
  sample_count: 0,
  samples: null,
}));
await insertRuns(store.db, rows);
const times = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const stored = await listRuns(store.db);
  loadSummary(
    stored.map((r) => ({
      id: r.id,
      startTime: r.start_time,
      distanceM: r.distance_m,
      elapsedS: r.elapsed_s ?? 0,
    })),
  );
  times.push(performance.now() - t0);
}
await store.close();
rmSync(dataDir, { recursive: true, force: true });
times.sort((a, b) => a - b);
const withDb = times[10];
console.log(`ten years of daily runs (${DAYS}), Node ${process.version}`);
console.log(`loadSummary alone:             ${pure.toFixed(1)} ms median`);
console.log(`list from SQLite + loadSummary: ${withDb.toFixed(1)} ms median`);
console.log(`target under 50 ms: ${withDb < 50 ? 'met' : 'NOT met'}`);

// Opening the embedded database: the same command with and without a store.
const { spawnSync } = await import('node:child_process');
const bin = join(root, 'bin', 'backstride');
const emptyDir = mkdtempSync(join(tmpdir(), 'backstride-bench-open-'));
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
function command(args) {
  const wall = [];
  const rss = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    wall.push(performance.now() - t0);
    if (hasTime) rss.push(Number(r.stderr.trim().split('\n').pop()) / 1024);
  }
  const mid = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { wall: mid(wall), rss: rss.length ? mid(rss) : Number.NaN };
}
const without = command(['kb', 'list', '--json']);
const withStore = command(['runs', '--json', '--data-dir', emptyDir]);
rmSync(emptyDir, { recursive: true, force: true });
console.log(
  `opening the embedded database adds ${(withStore.wall - without.wall).toFixed(0)} ms and ${(withStore.rss - without.rss).toFixed(0)} MB to a command (runs --json ${withStore.wall.toFixed(0)} ms / ${withStore.rss.toFixed(0)} MB vs kb list --json ${without.wall.toFixed(0)} ms / ${without.rss.toFixed(0)} MB; target under 50 ms and 60 MB)`,
);

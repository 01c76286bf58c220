#!/usr/bin/env node
// Benchmark: wall time of `backstride assess --answers FILE --json`, Node's start included.
// Compares against a bare `node -e ''` start in the same run, and prints median, p95 and the ratio.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.RUNS ?? 40);
const casesDir = join(root, 'tests', 'fixtures', 'triage-cases');
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json') && f !== 'cases.json')
  .sort()
  .map((f) => join(casesDir, f));
if (files.length === 0) throw new Error(`no answer files in ${casesDir}`);

const tty = process.stderr.isTTY;
function progress(label, i, n) {
  if (!tty) return;
  const width = 30;
  const done = Math.round((i / n) * width);
  process.stderr.write(`\r${label.padEnd(14)} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${i}/${n}`);
  if (i === n) process.stderr.write('\n');
}

function time(label, args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args(i), { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
    samples.push(ms);
    progress(label, i + 1, runs);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { label, median: q(0.5), p95: q(0.95), min: samples[0] };
}

const bare = time('node -e ""', () => ['-e', '']);
const assess = time('assess --json', (i) => [
  join(root, 'bin', 'backstride'),
  'assess',
  '--answers',
  files[i % files.length],
  '--json',
]);
const fmt = (n) => `${n.toFixed(0)} ms`.padStart(7);
console.log(
  `\n${runs} runs each, ${files.length} answer files, Node ${process.version}, ${process.platform}/${process.arch}`,
);
console.log('command            median     p95     min');
for (const r of [bare, assess])
  console.log(`${r.label.padEnd(16)} ${fmt(r.median)} ${fmt(r.p95)} ${fmt(r.min)}`);
console.log(
  `assess over bare Node start: ${(assess.median - bare.median).toFixed(0)} ms (${(assess.median / bare.median).toFixed(2)}×)`,
);
const target = 300;
console.log(`target: median under ${target} ms: ${assess.median < target ? 'met' : 'NOT met'}`);

#!/usr/bin/env node
// Benchmark: import throughput end to end into the embedded database, against the reference parsers on
// the same files in the same run. Generates (and caches) an archive of realistic runs: 1–4 h at 1 s,
// mostly 1–1.5 h as real training logs are, a third each FIT, GPX and TCX.
//
//   RUNS=2000 node scripts/bench-import.mjs       (npm run bench:import)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', p);
const RUNS = Number(process.env.RUNS ?? 2000);
const SAMPLE_PER_FORMAT = Number(process.env.SAMPLE ?? 24);
const archive = join(tmpdir(), `backstride-bench-archive-${RUNS}-v1`);
const formats = ['fit', 'gpx', 'tcx'];

const tty = process.stderr.isTTY;
function bar(label, i, n) {
  if (!tty) return;
  const w = 30;
  const f = Math.round((i / n) * w);
  process.stderr.write(`\r${label.padEnd(22)} [${'#'.repeat(f)}${'.'.repeat(w - f)}] ${i}/${n}`);
  if (i === n) process.stderr.write('\n');
}

const { syntheticRun, prng } = await import(dist('activities/synthetic/track.js'));
const { encodeFit } = await import(dist('activities/synthetic/fit.js'));
const { encodeGpx } = await import(dist('activities/synthetic/gpx.js'));
const { encodeTcx } = await import(dist('activities/synthetic/tcx.js'));

function generate() {
  if (existsSync(join(archive, 'done'))) return;
  rmSync(archive, { recursive: true, force: true });
  for (const f of formats) mkdirSync(join(archive, f), { recursive: true });
  const rand = prng(42);
  let t = Date.parse('2016-01-04T07:00:00Z');
  for (let i = 0; i < RUNS; i++) {
    const r = rand();
    // 60% 1–1.5 h, 30% 1.5–2.5 h, 10% 2.5–4 h.
    const hours = r < 0.6 ? 1 + rand() * 0.5 : r < 0.9 ? 1.5 + rand() : 2.5 + rand() * 1.5;
    t += Math.round((1 + rand() * 2) * 86_400_000);
    const samples = syntheticRun({
      start: t,
      durationS: Math.round(hours * 3600),
      seed: i + 1,
      paceSPerKm: 300 + rand() * 90,
    });
    const activity = { sport: 'running', startTime: t, samples, name: `Run ${i + 1}` };
    const format = formats[i % 3];
    const file = join(archive, format, `run-${String(i).padStart(5, '0')}.${format}`);
    if (format === 'fit') writeFileSync(file, encodeFit(activity));
    else writeFileSync(file, format === 'gpx' ? encodeGpx(activity) : encodeTcx(activity));
    bar('generating archive', i + 1, RUNS);
  }
  writeFileSync(join(archive, 'done'), '');
}

const filesOf = (format) =>
  readdirSync(join(archive, format))
    .sort()
    .map((f) => join(archive, format, f));
const sizeOf = (files) => files.reduce((s, f) => s + statSync(f).size, 0);
const MB = 1_048_576;

function importEndToEnd(paths, workers) {
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-data-'));
  const args = [join(root, 'bin', 'backstride'), 'import', ...paths, '--json', '--data-dir', dataDir];
  if (workers !== undefined) args.push('--workers', String(workers));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = (performance.now() - t0) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  const summary = JSON.parse(r.stdout);
  return { seconds: s, imported: summary.imported, failed: summary.failed.length, workers: summary.workers };
}

/** Median MB/s of a parse function over the sample files (whole buffer or string already in memory). */
async function throughput(files, parse, asText) {
  const inputs = files.map((f) => (asText ? readFileSync(f, 'utf8') : readFileSync(f)));
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  await parse(inputs[0]); // warm-up
  const times = [];
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    for (const input of inputs) await parse(input);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return bytes / MB / times[1];
}

generate();
const byFormat = Object.fromEntries(formats.map((f) => [f, filesOf(f)]));
const totalBytes = formats.reduce((s, f) => s + sizeOf(byFormat[f]), 0);
console.log(
  `archive: ${RUNS} runs (${formats.map((f) => `${byFormat[f].length} ${f.toUpperCase()}`).join(', ')}), ${(totalBytes / MB).toFixed(0)} MB; ${availableParallelism()} cores; Node ${process.version}`,
);

// 1. End to end into a fresh embedded database: the whole archive, both cores.
const whole = importEndToEnd(formats.map((f) => join(archive, f)));
console.log(
  `\nend to end, whole archive: ${whole.seconds.toFixed(1)} s, ${(whole.imported / whole.seconds).toFixed(0)} runs/s, ${(totalBytes / MB / whole.seconds).toFixed(1)} MB/s (${whole.workers} workers, ${whole.imported} runs, ${whole.failed} failed)`,
);

// 2. Per format: end to end (both cores) vs the reference parsers on a sample of the same files.
const { default: FitParser } = await import('fit-file-parser');
const { gpx: togeoGpx, tcx: togeoTcx } = await import('@tmcw/togeojson');
const { DOMParser } = await import('@xmldom/xmldom');
const { XMLParser } = await import('fast-xml-parser');
const { SaxesParser } = await import('saxes');
const { decodeFit } = await import(dist('activities/fit.js'));
const { decodeGpx } = await import(dist('activities/gpx.js'));
const { decodeTcx } = await import(dist('activities/tcx.js'));

const fitParser = new FitParser({ force: true, mode: 'list', speedUnit: 'm/s', lengthUnit: 'm' });
const fitParse = (buf) =>
  new Promise((resolve, reject) => fitParser.parse(buf, (e, d) => (e ? reject(e) : resolve(d))));
const dom = (s) => new DOMParser().parseFromString(s, 'text/xml');
const fxp = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
const saxesOnly = (s) => {
  const p = new SaxesParser();
  p.write(s).close();
};

const rows = [];
for (const format of formats) {
  const files = byFormat[format];
  const step = Math.max(1, Math.floor(files.length / SAMPLE_PER_FORMAT));
  const sample = files.filter((_, i) => i % step === 0).slice(0, SAMPLE_PER_FORMAT);
  const e2e = importEndToEnd([join(archive, format)]);
  const e2eMBs = sizeOf(files) / MB / e2e.seconds;
  const refs =
    format === 'fit'
      ? { 'fit-file-parser': await throughput(sample, fitParse, false) }
      : {
          '@tmcw/togeojson + xmldom': await throughput(
            sample,
            (s) => (format === 'gpx' ? togeoGpx(dom(s)) : togeoTcx(dom(s))),
            true,
          ),
          'fast-xml-parser': await throughput(sample, (s) => fxp.parse(s), true),
          'saxes (tokenising only)': await throughput(sample, saxesOnly, true),
        };
  const ours =
    format === 'fit'
      ? await throughput(sample, (b) => decodeFit(b), false)
      : await throughput(sample, format === 'gpx' ? decodeGpx : decodeTcx, true);
  rows.push({ format, e2eMBs, e2eRunsS: e2e.imported / e2e.seconds, ours, refs });
  bar('reference parsers', formats.indexOf(format) + 1, formats.length);
}

console.log(
  '\nformat  backstride end to end (both cores)   backstride decode (1 thread)   reference (1 thread)            ratio end to end ÷ reference',
);
for (const r of rows) {
  for (const [name, mbs] of Object.entries(r.refs)) {
    console.log(
      `${r.format.toUpperCase().padEnd(6)}  ${`${r.e2eMBs.toFixed(1)} MB/s, ${r.e2eRunsS.toFixed(0)} runs/s`.padEnd(36)} ${`${r.ours.toFixed(1)} MB/s`.padEnd(30)} ${`${name} ${mbs.toFixed(1)} MB/s`.padEnd(31)} ${(r.e2eMBs / mbs).toFixed(1)}×`,
    );
  }
}
const fitRow = rows.find((r) => r.format === 'fit');
const targets = [
  ['FIT ≥ 3× fit-file-parser', fitRow.e2eMBs / fitRow.refs['fit-file-parser'] >= 3],
  ...rows
    .filter((r) => r.format !== 'fit')
    .map((r) => [
      `${r.format.toUpperCase()} ≥ 10× togeojson`,
      r.e2eMBs / r.refs['@tmcw/togeojson + xmldom'] >= 10,
    ]),
  ['whole archive < 60 s', whole.seconds < 60],
];
console.log(`\ntargets: ${targets.map(([name, ok]) => `${name}: ${ok ? 'met' : 'NOT met'}`).join('; ')}`);

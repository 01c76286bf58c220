/**
 * Several processes writing to one store, through the built CLI and server: parallel first-time
 * check-ins into a new data folder, two imports at once of overlapping files, and an import while the
 * server takes check-ins. On SQLite and (when configured) PostgreSQL. Counts only, no timings.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { encodeTcx } from '../src/activities/synthetic/tcx.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import { listPainCheckins } from '../src/store/diary.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { listRuns } from '../src/store/runs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-concurrency-'));
const pgUrl = process.env.BACKSTRIDE_TEST_DATABASE_URL;

type Result = { code: number | null; stdout: string; stderr: string };

/** The CLI as a separate process, without waiting for it (so several run at once). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
/**
 * Several CLI runs that reach the store at the same instant: each waits at the store's start barrier
 * until all are there (spawning alone staggers them by tens of milliseconds, enough to hide a race).
 */
async function together(runs: string[][]): Promise<Result[]> {
  const barrier = mkdtempSync(join(scratch, 'barrier-'));
  let ended = 0;
  const results = runs.map((args) =>
    cli(args, { BACKSTRIDE_TEST_START_BARRIER: barrier }).finally(() => {
      ended++;
    }),
  );
  // A process that fails before the store (bad arguments) ends instead of saying it is ready.
  while (readdirSync(barrier).length + ended < runs.length) await new Promise((r) => setTimeout(r, 10));
  writeFileSync(join(barrier, 'go'), '');
  return Promise.all(results);
}
const json = (r: Result) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

let counter = 0;
/** A new, empty store: a data folder that does not exist yet, or a new PostgreSQL database. */
async function freshStore(engine: 'sqlite' | 'postgres'): Promise<{ args: string[]; options: StoreOptions }> {
  counter++;
  if (engine === 'sqlite') {
    const dataDir = join(scratch, `data-${counter}`);
    return { args: ['--data-dir', dataDir], options: { dataDir } };
  }
  const name = `backstride_c_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(pgUrl as string);
  u.pathname = `/${name}`;
  return { args: ['--database-url', u.toString()], options: { url: u.toString() } };
}

async function stored(options: StoreOptions) {
  const store = await openStore(options);
  try {
    return { runs: await listRuns(store.db), checkins: await listPainCheckins(store.db) };
  } finally {
    await store.close();
  }
}

const DAY = 86_400_000;
const FIRST = Date.parse('2026-01-05T07:00:00Z');
/** Run i of 24: a different morning each, 30–53 minutes. */
const activity = (i: number) => {
  const start = FIRST + i * DAY;
  return {
    sport: 'running' as const,
    startTime: start,
    samples: syntheticRun({ start, durationS: 1800 + i * 60, seed: i + 1 }),
  };
};

/** Two overlapping folders: A has runs 0–15 as FIT, B runs 8–23, its first half as TCX (the same runs). */
function makeFolders(): { a: string; b: string } {
  const a = join(scratch, 'a');
  const b = join(scratch, 'b');
  mkdirSync(a, { recursive: true });
  mkdirSync(b, { recursive: true });
  for (let i = 0; i < 16; i++) writeFileSync(join(a, `run-${i}.fit`), encodeFit(activity(i)));
  for (let i = 8; i < 24; i++) {
    if (i < 16) writeFileSync(join(b, `run-${i}.tcx`), encodeTcx(activity(i)));
    else writeFileSync(join(b, `run-${i}.fit`), encodeFit(activity(i)));
  }
  return { a, b };
}
const folders = makeFolders();

const engines: ('sqlite' | 'postgres')[] = ['sqlite'];
if (pgUrl) engines.push('postgres');

describe.each(engines)('several processes on one %s store', (engine) => {
  it('stores all of 20 first-time check-ins logged at once', async () => {
    const { args, options } = await freshStore(engine);
    const results = await together(
      Array.from({ length: 20 }, (_, i) => [
        'log',
        'pain',
        String(i % 11),
        'lower-back',
        '--at',
        new Date(FIRST + i * 60_000).toISOString(),
        '--json',
        ...args,
      ]),
    );
    for (const r of results) expect(r.stderr).toBe('');
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    expect((await stored(options)).checkins).toHaveLength(20);
  });

  it('two imports of overlapping folders at once store what one after the other would', async () => {
    const one = await freshStore(engine);
    const first = json(await cli(['import', folders.a, '--json', ...one.args]));
    const second = json(await cli(['import', folders.b, '--json', ...one.args]));
    expect(first.imported + second.imported).toBe(24);

    // Migrated first, so that the race is between the imports' own writes (first opens race in the test above).
    const both = await freshStore(engine);
    json(await cli(['runs', '--json', ...both.args]));
    const [ra, rb] = (await together([
      ['import', folders.a, '--json', ...both.args],
      ['import', folders.b, '--json', ...both.args],
    ])) as [Result, Result];
    expect(ra.stderr).toBe('');
    expect(rb.stderr).toBe('');
    const [a, b] = [json(ra), json(rb)];
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    // A TCX that arrived before its FIT is replaced by the FIT in place (counted as replaced).
    expect(a.imported + a.duplicates + a.replaced).toBe(16);
    expect(b.imported + b.duplicates + b.replaced).toBe(16);
    expect(a.imported + b.imported).toBe(24);

    // The same runs, once each, and the same copy of each: the FIT of a run that came as FIT and TCX,
    // whichever arrived first.
    const rows = async (options: StoreOptions) =>
      (await stored(options)).runs.map((r) => [r.start_time, r.source_format, Math.round(r.distance_m)]);
    const sequential = await rows(one.options);
    const parallel = await rows(both.options);
    expect(parallel).toHaveLength(24);
    expect(parallel.every((r) => r[1] === 'fit')).toBe(true);
    expect(parallel).toEqual(sequential);
  });
});

type Served = { child: ChildProcess; url: string };
function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, BACKSTRIDE_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Backstride is running at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${err}`)));
  });
}

describe('an import beside the server', () => {
  it('loses no check-in taken by the server while an import writes', async () => {
    const dataDir = join(scratch, 'served');
    const server = await serve(dataDir);
    try {
      const post = (i: number) =>
        fetch(new URL('api/diary/pain', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            score: 3,
            regions: ['lower-back'],
            timing: 'other',
            at: new Date(FIRST + i * 3_600_000).toISOString(),
          }),
        }).then((r) => r.status);
      const importing = cli(['import', folders.a, folders.b, '--json', '--data-dir', dataDir]);
      const statuses: number[] = [];
      // Check-ins in small waves for as long as the import runs (and at least 20).
      let done = false;
      void importing.then(() => {
        done = true;
      });
      let i = 0;
      while (i < 20 || !done) {
        statuses.push(...(await Promise.all([post(i), post(i + 1)])));
        i += 2;
      }
      const imported = json(await importing);
      expect(imported.failed).toEqual([]);
      expect(imported.imported).toBe(24);
      expect(statuses).toEqual(Array(i).fill(201));
      const { runs, checkins } = await stored({ dataDir });
      expect(runs).toHaveLength(24);
      expect(checkins).toHaveLength(i);
    } finally {
      server.child.kill();
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  });
});

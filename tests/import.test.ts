/**
 * Importing running history through the built CLI: files the project generates (FIT, GPX, TCX, gzip,
 * zip, a Strava export, a Garmin export), the real fixtures when shared/ is present, idempotence, bad
 * files, and the runs and load commands, on SQLite and (when configured) PostgreSQL. Imports run as the
 * built process (with its decoding workers); most reads of what was stored run in this process
 * (tests/in-process-cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { encodeGpx } from '../src/activities/synthetic/gpx.js';
import { encodeTcx } from '../src/activities/synthetic/tcx.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import type { Sport } from '../src/activities/types.js';
import { runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const fixtures = fileURLToPath(new URL('../../shared/fixtures/activities/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'backstride-import-'));
const te = new TextEncoder();

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The same command in this process. */
const inProcess = runCli;
const json = (r: { code: number | null; stdout: string; stderr: string }) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const day = (iso: string) => Date.parse(iso);
function activity(startIso: string, durationS: number, sport: Sport = 'running', seed = 1) {
  return {
    sport,
    startTime: day(startIso),
    samples: syntheticRun({ start: day(startIso), durationS, seed }),
  };
}

/** A folder of mixed files: the same Monday run as FIT and TCX, a GPX, a gzipped FIT, a ride, a bad file. */
function makeFolder(): string {
  const dir = join(scratch, 'watch');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  const monday = activity('2026-03-02T07:00:00Z', 3600, 'running', 1);
  writeFileSync(join(dir, 'monday.FIT'), encodeFit(monday));
  writeFileSync(join(dir, 'monday-copy.tcx'), encodeTcx(monday));
  writeFileSync(
    join(dir, 'nested', 'wednesday.gpx'),
    encodeGpx(activity('2026-03-04T18:00:00Z', 2700, 'running', 2)),
  );
  writeFileSync(
    join(dir, 'saturday.fit.gz'),
    gzipSync(encodeFit(activity('2026-03-07T08:00:00Z', 7200, 'running', 3))),
  );
  writeFileSync(join(dir, 'commute.fit'), encodeFit(activity('2026-03-05T08:00:00Z', 1800, 'cycling', 4)));
  const good = encodeFit(activity('2026-03-06T07:00:00Z', 1800, 'running', 5));
  // Cut inside its header: nothing to recover (a file cut later keeps its records; see process.test.ts).
  writeFileSync(join(dir, 'truncated.fit'), good.subarray(0, 13));
  writeFileSync(join(dir, 'notes.txt'), 'remember to stretch');
  return dir;
}

/** A Strava bulk export: activities.csv names the files; one manual run has no file. */
function makeStravaZip(): string {
  const header =
    'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance';
  const rows = [
    '111,"Apr 6, 2026, 6:30:00 AM",Sunrise tempo,Run,"a ""good"" one,\nwith a newline",3000,8.9,,,false,,,activities/111.fit.gz,,,3000.0,2950.0,8900.0',
    '112,"Apr 8, 2026, 5:00:00 PM",Trail loop,Trail Run,,2400,6.1,,,false,,,activities/112.gpx,,,2400.0,2300.0,6100.0',
    '113,"Apr 9, 2026, 7:00:00 AM",Spin,Ride,,1800,15.0,,,false,,,activities/113.fit,,,1800.0,1800.0,15000.0',
    '114,"Apr 10, 2026, 12:15:00 PM",Treadmill (manual),Run,,1800,5.0,,,false,,,,,,1800.0,1800.0,5000.0',
  ];
  const files = {
    'export_999/activities.csv': te.encode(`\uFEFF${header}\n${rows.join('\n')}\n`),
    'export_999/activities/111.fit.gz': gzipSync(
      encodeFit(activity('2026-04-06T06:30:00Z', 3000, 'running', 11)),
    ),
    'export_999/activities/112.gpx': te.encode(
      encodeGpx(activity('2026-04-08T17:00:00Z', 2400, 'running', 12)),
    ),
    'export_999/activities/113.fit': encodeFit(activity('2026-04-09T07:00:00Z', 1800, 'cycling', 13)),
    'export_999/profile.csv': te.encode('Athlete ID\n1\n'),
  };
  const path = join(scratch, 'export_999.zip');
  writeFileSync(path, zipSync(files));
  return path;
}

/** Garmin's account export: nested zips of uploaded FIT files. */
function makeGarminZip(): string {
  const inner = zipSync({
    '12345_ACTIVITY.fit': encodeFit(activity('2026-05-01T06:00:00Z', 2400, 'running', 21)),
    '12346_ACTIVITY.fit': encodeFit(activity('2026-05-02T06:00:00Z', 2400, 'walking', 22)),
  });
  const outer = zipSync({
    'DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip': inner,
    'DI_CONNECT/DI-Connect-User/user_profile.json': te.encode('{"userName":"runner"}'),
  });
  const path = join(scratch, 'garmin-export.zip');
  writeFileSync(path, outer);
  return path;
}

type Target = { name: string; args: () => string[] };
const targets: Target[] = [
  { name: 'sqlite', args: () => ['--data-dir', join(scratch, `data-${randomBytes(4).toString('hex')}`)] },
];
const pgUrl = process.env.BACKSTRIDE_TEST_DATABASE_URL;
if (pgUrl) {
  targets.push({
    name: 'postgres',
    args: () => {
      throw new Error('replaced in beforeAll');
    },
  });
}

let folder: string;
let strava: string;
let garmin: string;
beforeAll(async () => {
  folder = makeFolder();
  strava = makeStravaZip();
  garmin = makeGarminZip();
  if (pgUrl) {
    const name = `backstride_cli_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const t = targets.find((x) => x.name === 'postgres');
    if (t) t.args = () => ['--database-url', url];
  }
});

describe.each(targets)('import on $name', (target) => {
  it('imports a folder: runs only, the same run from two formats once, bad files reported by name', async () => {
    const store = target.args();
    const r = json(cli(['import', folder, '--json', ...store]));
    expect(r.imported).toBe(3);
    // Monday's TCX and FIT are one run, kept as the FIT whichever was read first.
    expect(r.duplicates + r.replaced).toBe(1);
    expect(r.skippedByReason).toMatchObject({ 'not a run (ride)': 1, 'not an activity file': 1 });
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0].file).toMatch(/truncated\.fit$/);
    expect(r.failed[0].reason).toMatch(/truncated/i);

    const runs = json(await inProcess(['runs', '--json', ...store]));
    expect(runs.map((x: { startTime: string }) => x.startTime)).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-04T18:00:00.000Z',
      '2026-03-07T08:00:00.000Z',
    ]);
    expect(runs[0].sourceFormat).toBe('fit');
    for (const run of runs) {
      expect(run).toMatchObject({ sport: 'running' });
      expect(run.id).toEqual(expect.any(String));
      expect(run.distanceM).toBeGreaterThan(1000);
      expect(run.elapsedS).toBeGreaterThan(0);
      expect(run.movingS).toBeGreaterThan(0);
      expect(run.source).toMatch(/\.(FIT|tcx|gpx|fit\.gz)$/);
      expect(run.cadenceChangeSpm).toBeLessThan(0);
    }
    // Idempotent: the same import again stores nothing new.
    const again = json(cli(['import', folder, '--json', ...store]));
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(4);
    expect(json(await inProcess(['runs', '--json', ...store]))).toHaveLength(3);
  });

  it('imports a Strava export with names and types from activities.csv, and a Garmin export', async () => {
    const store = target.args();
    const r = json(cli(['import', strava, garmin, '--json', ...store]));
    expect(r.exports).toEqual(['strava', 'garmin']);
    expect(r.imported).toBe(4);
    expect(r.skippedByReason['not a run (ride)']).toBe(1);
    expect(r.skippedByReason['not a run (walk)']).toBe(1);
    const runs = json(await inProcess(['runs', '--json', ...store]));
    const byName = Object.fromEntries(runs.map((x: { name: string; sport: string }) => [x.name, x]));
    expect(byName['Sunrise tempo'].sport).toBe('running');
    expect(byName['Trail loop'].sport).toBe('trail-running');
    expect(byName['Treadmill (manual)']).toMatchObject({
      distanceM: 5000,
      startTime: '2026-04-10T12:15:00.000Z',
    });
    expect(runs.some((x: { source: string }) => x.source.includes('!DI_CONNECT/'))).toBe(true);
  });

  it('summarises training load with flags and the uncoupled ratio', async () => {
    const store = target.args();
    json(await inProcess(['import', folder, '--json', ...store]));
    const load = json(
      await inProcess(['load', '--json', '--from', '2026-02-23', '--to', '2026-03-08', ...store]),
    );
    expect(load.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual(['2026-02-23', '2026-03-02']);
    expect(load.weeks[1].runs).toBe(3);
    expect(load.acwr.rolling.method).toMatch(/uncoupled/i);
    expect(load.limits.length).toBeGreaterThan(0);
    const text = cli(['load', '--from', '2026-02-23', '--to', '2026-03-08', ...store]);
    expect(text.stdout).toContain('Weekly distance');
  });
});

describe('import: bad input leaves the store as it was', () => {
  it('fails with exit 2 when nothing in the paths could be imported', async () => {
    const dataDir = join(scratch, 'data-bad');
    const bad = join(scratch, 'only-bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'broken.gpx'), '<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="1"');
    const r = cli(['import', bad, '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/broken\.gpx: /);
    expect(r.stderr).toMatch(/could not be imported/);
    expect(json(await inProcess(['runs', '--json', '--data-dir', dataDir]))).toEqual([]);
  });

  it('names a path that does not exist', async () => {
    const r = cli(['import', join(scratch, 'nowhere'), '--data-dir', join(scratch, 'data-x')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^backstride: no such file or folder: .*nowhere$/);
  });

  it.each([
    [['runs', '--from', 'yesterday'], /--?from must be a date/],
    [['runs', '--units', 'furlongs'], /units must be km or mi/],
    [['import', '.', '--workers', 'many'], /--workers must be a whole number/],
  ])('rejects %j', async (args, message) => {
    const r = await inProcess([...args, '--data-dir', join(scratch, 'data-y')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('shows runs in miles when asked', async () => {
    const dataDir = join(scratch, 'data-mi');
    json(await inProcess(['import', folder, '--json', '--data-dir', dataDir]));
    expect(cli(['runs', '--units', 'mi', '--data-dir', dataDir]).stdout).toMatch(/\d+\.\d+ mi .* \/mi/);
  });
});

const haveFixtures = existsSync(fixtures);
if (!haveFixtures) console.info('shared/fixtures/activities not found: real-file import tests not run');

// Registered only when the fixtures are there (CI has them); otherwise the line above says so.
if (haveFixtures)
  describe('import the real fixture files', () => {
    it('imports every valid run; broken files fail cleanly by name', async () => {
      const dataDir = join(scratch, 'data-fixtures');
      const files = readdirSync(fixtures).filter((f) => statSync(join(fixtures, f)).isFile());
      const r = json(cli(['import', fixtures, '--json', '--data-dir', dataDir]));
      expect(r.files).toBe(files.length);
      // Nothing fails: even the FIT file cut one byte short gives back the records before the break (it is
      // the same run as the complete copy beside it, so it counts as already stored).
      expect(r.failed).toEqual([]);
      expect(r.imported).toBeGreaterThanOrEqual(20);
      // The Forerunner 15 race comes as FIT and TCX: one run, the FIT, whichever is read first.
      expect(r.imported + r.duplicates + r.replaced).toBeGreaterThan(r.imported);
      const runs = json(await inProcess(['runs', '--json', '--data-dir', dataDir]));
      const fr955 = runs.find((x: { source: string }) => x.source.endsWith('14211916346_ACTIVITY.fit'));
      expect(fr955.distanceM).toBeGreaterThan(19_100 * 0.99);
      expect(fr955.distanceM).toBeLessThan(19_100 * 1.01);
      // The same race as FIT and TCX is one run.
      const race = runs.filter((x: { startTime: string }) => x.startTime.startsWith('2014-10-11'));
      expect(race).toHaveLength(1);
      expect(race[0].sourceFormat).toBe('fit');
      // A lap whose 19 trackpoints cover 3.44 of its 8.35 km: the summary is kept, the track shown beside it.
      const sample = runs.find((x: { source: string }) => x.source.endsWith('togeojson-sample.tcx'));
      expect(sample.distanceM).toBeCloseTo(8348.5, 0);
      expect(sample.trackDistanceM).toBeCloseTo(3441, -1);
      expect(r.remarks.some((m: { remark: string }) => /track adds up to 3\.44 km/.test(m.remark))).toBe(
        true,
      );
    });
  });

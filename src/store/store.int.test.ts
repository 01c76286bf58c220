import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRun } from '../activities/synthetic/track.js';
import { openStore, type Store } from './index.js';
import { migrationProvider } from './migrations.js';
import { countRuns, getRun, insertRuns, listRuns, type NewRunInput } from './runs.js';
import { decodeSamples, encodeSamples } from './samples-codec.js';
import type { Database } from './schema.js';
import { engines, pgUrl } from './test-engines.js';

if (!pgUrl)
  console.info('BACKSTRIDE_TEST_DATABASE_URL not set: storage tests run on SQLite only (CI runs both)');

function run(startIso: string, distanceM: number, over: Partial<NewRunInput> = {}): NewRunInput {
  const start = Date.parse(startIso);
  const samples = syntheticRun({ start, durationS: 600, seed: start % 1000 });
  return {
    start_time: start,
    sport: 'running',
    sport_label: null,
    name: 'Easy run',
    source: 'run.fit',
    source_format: 'fit',
    device: 'garmin',
    distance_m: distanceM,
    elapsed_s: 3000,
    moving_s: 2950,
    pace_s_per_km: 300,
    elevation_gain_m: 40,
    avg_hr: 145,
    max_hr: 170,
    avg_cadence_spm: 170,
    max_cadence_spm: 180,
    cadence_change_spm: -2,
    pace_change_pct: 3,
    decoupling_pct: 4,
    sample_count: samples.t.length,
    samples: encodeSamples(samples),
    samples_distance_m: null,
    truncated: 0,
    import_notes: null,
    ...over,
  };
}

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe.each(engines)('store on %s', (_name, open) => {
  const openTracked = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };

  it('migrates on open and stores, lists and reads runs with their samples', async () => {
    const store = await openTracked();
    const outcomes = await insertRuns(store.db, [
      run('2026-03-01T07:00:00Z', 10_000),
      run('2026-03-03T07:00:00Z', 8000),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const runs = await listRuns(store.db);
    expect(runs.map((r) => r.distance_m)).toEqual([10_000, 8000]);
    expect(typeof runs[0]?.start_time).toBe('number');
    const full = await getRun(store.db, runs[0]?.id ?? '');
    const samples = decodeSamples(full?.samples ?? new Uint8Array());
    expect(samples.t.length).toBe(601);
    expect(samples.hr[10]).toBeGreaterThan(100);
    const inRange = await listRuns(store.db, { from: Date.parse('2026-03-02T00:00:00Z') });
    expect(inRange).toHaveLength(1);
  });

  it('treats the same run (start within a minute, length within 2%) as a duplicate', async () => {
    const store = await openTracked();
    await insertRuns(store.db, [run('2026-04-01T07:00:00Z', 10_000)]);
    const again = await insertRuns(store.db, [
      run('2026-04-01T07:00:20Z', 10_080, { source: 'run.tcx', source_format: 'tcx' }),
      run('2026-04-01T07:00:00Z', 5000, { elapsed_s: 1500 }),
    ]);
    expect(again.map((o) => o.status)).toEqual(['duplicate', 'imported']);
    expect(await countRuns(store.db)).toBe(2);
  });

  it('keeps the richest copy of a run (FIT over TCX over GPX) whatever the order of arrival', async () => {
    const copies = {
      gpx: run('2026-04-02T07:00:05Z', 10_050, {
        source: 'run.gpx',
        source_format: 'gpx',
        avg_cadence_spm: null,
      }),
      tcx: run('2026-04-02T07:00:02Z', 10_020, {
        source: 'run.tcx',
        source_format: 'tcx',
        avg_cadence_spm: 168,
      }),
      fit: run('2026-04-02T07:00:00Z', 10_000, {
        source: 'run.fit',
        source_format: 'fit',
        avg_cadence_spm: 171,
      }),
    };
    for (const order of [
      ['gpx', 'tcx', 'fit'],
      ['fit', 'gpx', 'tcx'],
      ['tcx', 'fit', 'gpx'],
    ] as const) {
      const store = await openTracked();
      const statuses: string[] = [];
      for (const format of order) {
        const [outcome] = await insertRuns(store.db, [copies[format]]);
        statuses.push(outcome?.status ?? '');
      }
      const runs = await listRuns(store.db);
      expect(runs, order.join(' → ')).toHaveLength(1);
      expect(runs[0]?.source_format, order.join(' → ')).toBe('fit');
      expect(runs[0]?.distance_m).toBe(10_000);
      expect(runs[0]?.avg_cadence_spm).toBe(171);
      // Arriving after a poorer copy replaces it in place; arriving after the FIT changes nothing.
      const fitAt = order.indexOf('fit');
      expect(statuses[fitAt]).toBe(fitAt === 0 ? 'imported' : 'replaced');
      expect(statuses.slice(fitAt + 1).every((st) => st === 'duplicate')).toBe(true);
    }
  });

  it('a replaced run keeps its id, so check-ins linked to it stay linked', async () => {
    const store = await openTracked();
    const [first] = await insertRuns(store.db, [
      run('2026-04-03T07:00:00Z', 8000, { source: 'run.gpx', source_format: 'gpx' }),
    ]);
    const [second] = await insertRuns(store.db, [
      run('2026-04-03T07:00:01Z', 8010, { source: 'run.fit', source_format: 'fit' }),
    ]);
    expect(second).toEqual({ status: 'replaced', id: first?.id, previousFormat: 'gpx' });
    // A truncated FIT ranks below every complete copy.
    const [third] = await insertRuns(store.db, [
      run('2026-04-03T07:00:00Z', 8000, { source: 'cut.fit', source_format: 'fit', truncated: 1 }),
    ]);
    expect(third?.status).toBe('duplicate');
    expect((await listRuns(store.db))[0]?.source).toBe('run.fit');
  });

  it('writes a file’s runs all or none', async () => {
    const store = await openTracked();
    const bad = { ...run('2026-05-02T07:00:00Z', 9000), sport: null } as unknown as NewRunInput;
    await expect(insertRuns(store.db, [run('2026-05-01T07:00:00Z', 9000), bad])).rejects.toThrow();
    expect(await countRuns(store.db)).toBe(0);
  });

  it('is idempotent to open again (migrations already applied)', async () => {
    const first = await openTracked();
    await insertRuns(first.db, [run('2026-06-01T07:00:00Z', 7000)]);
    expect(await countRuns(first.db)).toBe(1);
  });
});

describe('migration 0004 on a store from the previous release', () => {
  it('makes every stored pace agree with the moving time and distance shown beside it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'backstride-migrate-'));
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, 'backstride.sqlite')) }),
    });
    await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateTo('0003-check-backs');
    const old = run('2026-02-01T07:00:00Z', 3100, { moving_s: 787, pace_s_per_km: 270 });
    const { samples_distance_m: _a, truncated: _b, import_notes: _c, ...columns } = old;
    await db
      .insertInto('runs')
      .values({ ...columns, id: 'r1', fingerprint: 'f1', imported_at: 0 } as never)
      .execute();
    await db.destroy();
    const store = await openStore({ dataDir });
    opened.push(store);
    const [stored] = await listRuns(store.db);
    // 13:07 over 3.10 km is 4:14 /km, not the 4:30 the old pace said.
    expect(stored?.pace_s_per_km).toBeCloseTo(787 / 3.1, 6);
    expect(stored?.truncated).toBe(0);
    expect(stored?.samples_distance_m).toBeNull();
  });
});

describe('samples codec', () => {
  it('round-trips within storage precision and keeps missing values missing', () => {
    const s = syntheticRun({
      start: Date.parse('2026-01-01T08:00:00Z'),
      durationS: 3600,
      seed: 3,
      gpsDropout: 0.2,
    });
    const back = decodeSamples(encodeSamples(s));
    expect(back.t.length).toBe(s.t.length);
    for (let i = 0; i < s.t.length; i += 97) {
      expect(back.t[i]).toBe(s.t[i]);
      expect(Number.isNaN(back.lat[i])).toBe(Number.isNaN(s.lat[i] as number));
      if (!Number.isNaN(s.lat[i] as number)) expect(back.lat[i]).toBeCloseTo(s.lat[i] as number, 6);
      expect(back.hr[i]).toBe(s.hr[i]);
      expect(back.cadSpm[i]).toBe(s.cadSpm[i]);
      expect(back.distM[i]).toBeCloseTo(s.distM[i] as number, 0);
      expect(back.speedMps[i]).toBeCloseTo(s.speedMps[i] as number, 2);
    }
    const bytesPerSample = encodeSamples(s).byteLength / s.t.length;
    expect(bytesPerSample).toBeLessThan(24);
  });
});

/**
 * Running history over HTTP: a generated FIT file uploaded as a browser would, imported in the
 * background and polled to done; then the runs, one run's chart series and fatigue markers, the load,
 * and the upload's limits and bad requests.
 */
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { type Harness, harness, type Reply } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ limits: { uploadBytes: 512 * 1024 } });
});
afterAll(() => h.close());

const start = Date.parse('2026-03-02T07:00:00Z');
/** A 70-minute run with heart rate and cadence: long enough for the fatigue markers. */
const fitFile = () =>
  encodeFit({
    sport: 'running',
    startTime: start,
    samples: syntheticRun({ start, durationS: 70 * 60, seed: 5 }),
  });

function form(files: { name: string; bytes: Uint8Array }[]): FormData {
  const f = new FormData();
  for (const file of files) f.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return f;
}

async function pollUntilFinished(id: string): Promise<Reply> {
  for (let i = 0; i < 200; i++) {
    const r = await h.call('GET', `/api/imports/${id}`);
    if (r.json?.state !== 'running') return r;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import did not finish');
}

describe('uploading and importing', () => {
  let runId: string;

  it('imports an uploaded FIT file in the background, and lists the run', async () => {
    const started = await h.call('POST', '/api/imports', form([{ name: 'morning.fit', bytes: fitFile() }]));
    expect(started.status).toBe(202);
    expect(started.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.headers.get('location')).toBe(`/api/imports/${started.json.id}`);
    const done = await pollUntilFinished(started.json.id);
    expect(done.json.state).toBe('done');
    expect(done.json.summary).toMatchObject({ imported: 1, duplicates: 0, failed: [] });
    expect(done.json.progress).toMatchObject({ filesDone: 1, filesTotal: 1, runsImported: 1 });

    const runs = await h.call('GET', '/api/runs');
    expect(runs.status).toBe(200);
    expect(runs.json).toHaveLength(1);
    expect(runs.json[0]).toMatchObject({
      startTime: '2026-03-02T07:00:00.000Z',
      sport: 'running',
      source: 'morning.fit',
    });
    runId = runs.json[0].id;
    // The uploaded files are gone once the import has ended.
    await h.imports.settled();
    expect(readdirSync(h.dataDir).filter((f) => f.startsWith('backstride-upload-'))).toEqual([]);
  });

  it('imports the same run again, gzip’d, as a duplicate', async () => {
    const started = await h.call(
      'POST',
      '/api/imports',
      form([{ name: 'again.fit.gz', bytes: gzipSync(fitFile()) }]),
    );
    const done = await pollUntilFinished(started.json.id);
    expect(done.json.summary).toMatchObject({ imported: 0, duplicates: 1 });
    expect((await h.call('GET', '/api/runs')).json).toHaveLength(1);
  });

  it('reports a file that is not an activity as a failed import', async () => {
    const started = await h.call(
      'POST',
      '/api/imports',
      form([{ name: 'broken.fit', bytes: fitFile().subarray(0, 40) }]),
    );
    const done = await pollUntilFinished(started.json.id);
    expect(done.json.state).toBe('failed');
    expect(done.json.error.message).toMatch(/could not be imported/);
    expect(done.json.summary.failed[0].file).toBe('broken.fit');
  });

  it('gives one run with a downsampled series and its fatigue markers', async () => {
    const r = await h.call('GET', `/api/runs/${runId}`);
    expect(r.status).toBe(200);
    expect(r.json.id).toBe(runId);
    const s = r.json.series;
    expect(s.points).toBeLessThanOrEqual(600);
    expect(s.points).toBeGreaterThan(500);
    for (const col of ['t', 'distanceM', 'paceSPerKm', 'hr', 'cadenceSpm'])
      expect(s[col]).toHaveLength(s.points);
    expect(s.t.at(-1)).toBeCloseTo(70 * 60, -1);
    expect(s.distanceM.at(-1)).toBeCloseTo(r.json.distanceM, -2);
    expect(s.hr.filter((v: number | null) => v !== null).length).toBe(s.points);
    const pace = s.paceSPerKm.filter((v: number | null) => v !== null) as number[];
    expect(Math.min(...pace)).toBeGreaterThan(150);
    expect(Math.max(...pace)).toBeLessThan(900);
    expect(r.json.fatigue).toMatchObject({ coupledBelowPct: 5, minDurationS: 1200 });
    expect(typeof r.json.fatigue.decouplingPct).toBe('number');
    expect(typeof r.json.fatigue.cadenceChangeSpm).toBe('number');
  });

  it('answers 404 for an unknown run or import', async () => {
    expect((await h.call('GET', '/api/runs/no-such-run')).json.error.code).toBe('not-found');
    expect((await h.call('GET', '/api/imports/no-such-import')).status).toBe(404);
  });

  it('lists runs and load over a range, and refuses a bad date', async () => {
    expect((await h.call('GET', '/api/runs?from=2026-03-03')).json).toEqual([]);
    expect((await h.call('GET', '/api/runs?from=2026-03-02&to=2026-03-02')).json).toHaveLength(1);
    const bad = await h.call('GET', '/api/runs?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'bad-input', field: 'from' });
    expect(bad.json.error.message).toMatch(/^from must be a date/);
    const load = await h.call('GET', '/api/load?to=2026-03-08');
    expect(load.status).toBe(200);
    expect(load.json.weeks.at(-1)).toMatchObject({ weekStart: '2026-03-02', runs: 1 });
    expect((await h.call('GET', '/api/load?to=2026-13-45')).status).toBe(400);
  });
});

describe('upload limits and bad uploads', () => {
  it('refuses an upload over the limit with a JSON 413, declared or streamed', async () => {
    const big = new Uint8Array(600 * 1024);
    const streamed = await h.call('POST', '/api/imports', form([{ name: 'big.fit', bytes: big }]));
    expect(streamed.status).toBe(413);
    expect(streamed.json.error).toEqual({
      code: 'too-large',
      message: 'the body is larger than the limit of 512 KiB',
    });
    const declared = await h.call('POST', '/api/imports', 'x', {
      'content-type': 'multipart/form-data; boundary=abc',
      'content-length': String(10 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
  });

  it('refuses a body that is not multipart, or has no file field', async () => {
    const json = await h.call('POST', '/api/imports', { file: 'run.fit' });
    expect(json.status).toBe(400);
    expect(json.json.error.field).toBe('file');
    const noFile = new FormData();
    noFile.append('note', 'hello');
    const r = await h.call('POST', '/api/imports', noFile);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/no files/);
  });

  it('refuses an upload from another site', async () => {
    const r = await h.call('POST', '/api/imports', form([{ name: 'a.fit', bytes: fitFile() }]), {
      origin: 'http://evil.example',
    });
    expect(r.status).toBe(403);
  });
});

/**
 * Upload jobs with hostile and broken zips: a damaged zip beside a good file, and a zip bomb, end as
 * `done` with the bad entries reported under the names the runner's browser sent.
 */
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { type Harness, harness, type Reply } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const start = Date.parse('2026-03-02T07:00:00Z');
const fitFile = (n: number) =>
  encodeFit({
    sport: 'running',
    startTime: start + n * 86_400_000,
    samples: syntheticRun({ start: start + n * 86_400_000, durationS: 900, seed: n + 1 }),
  });

function form(files: { name: string; bytes: Uint8Array }[]): FormData {
  const f = new FormData();
  for (const file of files) f.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return f;
}

async function finished(id: string): Promise<Reply> {
  for (let i = 0; i < 2000; i++) {
    const r = await h.call('GET', `/api/imports/${id}`);
    if (r.json?.state !== 'running') return r;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import did not finish');
}

describe('uploads of hostile and broken zips', () => {
  it('reports a damaged zip by name and imports the other file', async () => {
    const good = zipSync({ 'a.fit': fitFile(1), 'b.fit': fitFile(2) });
    const started = await h.call(
      'POST',
      '/api/imports',
      form([
        { name: 'export.zip', bytes: good.subarray(0, 30) },
        { name: 'morning.fit', bytes: fitFile(0) },
      ]),
    );
    expect(started.status).toBe(202);
    const done = await finished(started.json.id);
    expect(done.json.state).toBe('done');
    expect(done.json.summary.imported).toBe(1);
    expect(done.json.summary.failed).toEqual([
      { file: 'export.zip', reason: expect.stringMatching(/not a readable zip/) },
    ]);
  });

  it('refuses a zip bomb entry and imports the rest of the archive', async () => {
    const bomb = zipSync({ 'bomb.fit': new Uint8Array(32 << 20), 'run.fit': fitFile(5) });
    const started = await h.call('POST', '/api/imports', form([{ name: 'bomb.zip', bytes: bomb }]));
    const done = await finished(started.json.id);
    expect(done.json.state).toBe('done');
    expect(done.json.summary.imported).toBe(1);
    expect(done.json.summary.skipped).toEqual([
      { file: 'bomb.zip!bomb.fit', reason: expect.stringMatching(/^inflates to more than 200 times/) },
    ]);
  });
});

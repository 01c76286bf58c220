/**
 * Upload jobs with hostile and broken zips: a damaged zip beside a good file, and a zip bomb, end as
 * `done` with the bad entries reported under the names the runner's browser sent. The zips are opened
 * in a child process: the server keeps answering while a bomb is inflated.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { zerosZip } from '../import/test-zips.js';
import { type Harness, harness, type Reply } from './harness.js';
import { startServer } from './index.js';

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

type Poll = { healthStatus: number; healthMs: number; state: string; filesTotal: number };

/**
 * From a separate process: ask `/api/health` and the import's state every 50 ms until the import ends,
 * timing each health request.
 */
async function pollWhileRunning(url: string, id: string): Promise<Poll[]> {
  const script = `
    const [url, id] = process.argv.slice(1);
    const polls = [];
    const until = Date.now() + 120000;
    for (;;) {
      const asked = performance.now();
      const health = await fetch(url + 'api/health');
      await health.arrayBuffer();
      const healthMs = performance.now() - asked;
      const job = await (await fetch(url + 'api/imports/' + id)).json();
      polls.push({ healthStatus: health.status, healthMs, state: job.state, filesTotal: job.progress.filesTotal });
      if (job.state !== 'running' || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.stdout.write(JSON.stringify(polls));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, url, id], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  return JSON.parse(out) as Poll[];
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

  it('answers /api/health while a zip bomb is inflated, then reports every refused entry', async () => {
    // 24 entries of 9 MiB of zeros: under 250 KB to upload, and seconds of inflating to refuse them all.
    const entries = 24;
    const bomb = zerosZip({ entries, mib: 9, files: { 'run.fit': fitFile(7) } });
    expect(bomb.length).toBeLessThan(1 << 20);
    const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bomb-'));
    const server = await startServer({ where: { dataDir }, port: 0 });
    try {
      const started = await fetch(`${server.url}api/imports`, {
        method: 'POST',
        body: form([{ name: 'zeros.zip', bytes: bomb }]),
      });
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: string };
      // The client is another process: it times the server as a browser would, whatever this one does.
      const polls = await pollWhileRunning(server.url, id);
      // While the archive is being opened its job counts one file, the upload; inflating it in the
      // server's own process would leave no request answered meanwhile.
      const whileOpening = polls.filter((p) => p.state === 'running' && p.filesTotal === 1);
      expect(whileOpening.length).toBeGreaterThanOrEqual(3);
      for (const p of polls) {
        expect(p.healthStatus).toBe(200);
        expect(p.healthMs).toBeLessThan(5000);
      }
      const job = (await (await fetch(`${server.url}api/imports/${id}`)).json()) as {
        state: string;
        summary: { imported: number; skipped: { file: string; reason: string }[] };
      };
      expect(job.state).toBe('done');
      expect(job.summary.imported).toBe(1);
      expect(job.summary.skipped).toHaveLength(entries);
      expect(job.summary.skipped[0]).toEqual({
        file: 'zeros.zip!zeros-00.fit',
        reason: expect.stringMatching(/^inflates to more than 200 times its compressed size/),
      });
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/**
 * What the server writes to disk, started by code (`startServer`, no CLI to set a private umask): the
 * data folder and the database private under umask 0o022, uploads in 0700 folders of the data folder's
 * `tmp` with their files and the zip entries' copies 0600, leftovers of a crashed server deleted at start
 * and on "delete everything", and another running process's left alone.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFit } from '../activities/synthetic/fit.js';
import { syntheticRun } from '../activities/synthetic/track.js';
import { STALE_MS, TEMP_FOLDER } from '../import/temp.js';
import { zerosZip } from '../import/test-zips.js';
import { type RunningServer, startServer } from './index.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const scratch = () => mkdtempSync(join(tmpdir(), 'backstride-private-'));
/** A pid that was running a moment ago and is not now: a crashed server's. */
const gonePid = () => spawnSync(process.execPath, ['-e', '']).pid as number;
const start = Date.parse('2026-03-02T07:00:00Z');
const fitFile = (n: number) =>
  encodeFit({
    sport: 'running',
    startTime: start + n * 86_400_000,
    samples: syntheticRun({ start: start + n * 86_400_000, durationS: 600, seed: n + 1 }),
  });

function leftover(root: string, name: string, ageMs = 0): void {
  const dir = join(root, name);
  mkdirSync(join(dir, '0'), { recursive: true });
  writeFileSync(join(dir, '0', 'run.fit'), fitFile(0));
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(dir, when, when);
}

/** Every folder and file under `dir`, by path relative to it, with its mode. */
function modes(dir: string, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    out[rel] = mode(join(dir, entry.name));
    if (entry.isDirectory()) Object.assign(out, modes(join(dir, entry.name), `${rel}/`));
  }
  return out;
}

function upload(server: RunningServer, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return fetch(`${server.url}api/imports`, { method: 'POST', body: form });
}

async function finished(server: RunningServer, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await (await fetch(`${server.url}api/imports/${id}`)).json()) as { state: string };
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import did not finish');
}

describe('files the server writes', () => {
  const umask = process.umask();
  let server: RunningServer | undefined;
  afterEach(async () => {
    process.umask(umask);
    await server?.close();
    server = undefined;
  });

  it('are private under umask 0o022: the data folder, the database, uploads and zip entries', async () => {
    process.umask(0o022);
    const dataDir = join(scratch(), 'new-data');
    server = await startServer({ where: { dataDir }, port: 0 });
    expect(mode(dataDir)).toBe(0o700);
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith('backstride.sqlite')))
      expect(mode(join(dataDir, f)), f).toBe(0o600);

    // A run first in the zip, then zeros to refuse: the run's copy is on disk while they inflate.
    const zip = zerosZip({ entries: 24, mib: 9, files: { 'run.fit': fitFile(1) } });
    const started = await upload(server, 'export.zip', zip);
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const tmp = join(dataDir, TEMP_FOLDER);
    let seen: Record<string, number> = {};
    for (let i = 0; i < 2400 && !Object.keys(seen).some((p) => /\/import-\d+-[^/]+\/./.test(p)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (existsSync(tmp)) seen = modes(tmp);
    }
    expect(mode(tmp)).toBe(0o700);
    const paths = Object.keys(seen);
    const uploadFolder = paths.find((p) => /^upload-\d+-[^/]+$/.test(p)) as string;
    expect(uploadFolder).toMatch(new RegExp(`^upload-${process.pid}-`));
    expect(seen[uploadFolder]).toBe(0o700);
    expect(seen[`${uploadFolder}/0`]).toBe(0o700);
    expect(seen[`${uploadFolder}/0/export.zip`]).toBe(0o600);
    const copies = paths.filter((p) => p.startsWith(`${uploadFolder}/import-`));
    expect(copies.length).toBeGreaterThanOrEqual(2);
    for (const p of copies) expect(seen[p], p).toBe(p.split('/').length === 2 ? 0o700 : 0o600);

    expect(await finished(server, id)).toMatchObject({ state: 'done' });
    // Deleted as the import ends.
    for (let i = 0; i < 400 && readdirSync(tmp).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(readdirSync(tmp)).toEqual([]);

    // Deleting everything recreates the database: private too.
    const deleted = await fetch(`${server.url}api/data`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'DELETE' }),
    });
    expect(deleted.status).toBe(200);
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith('backstride.sqlite')))
      expect(mode(join(dataDir, f)), f).toBe(0o600);
  });

  it("deletes a crashed server's leftovers at start, and keeps a running process's", async () => {
    const dataDir = scratch();
    const tmp = join(dataDir, TEMP_FOLDER);
    const gone = gonePid();
    leftover(tmp, `upload-${gone}-crashed`, 2 * 60 * 60 * 1000);
    leftover(tmp, `import-${gone}-entries`, 2 * 60 * 60 * 1000);
    // Another process, running: the test runner that started this one.
    leftover(tmp, `upload-${process.ppid}-running`);
    leftover(tmp, `upload-${process.ppid}-forgotten`, 2 * STALE_MS);
    server = await startServer({ where: { dataDir }, port: 0 });
    expect(readdirSync(tmp)).toEqual([`upload-${process.ppid}-running`]);
  });

  it('deletes leftovers on "delete everything", but for another running process\'s', async () => {
    const dataDir = scratch();
    const tmp = join(dataDir, TEMP_FOLDER);
    server = await startServer({ where: { dataDir }, port: 0 });
    // Left after the start: an upload of a server that crashed since, and one of this server's own.
    leftover(tmp, `upload-${gonePid()}-crashed`);
    leftover(tmp, `upload-${process.pid}-dropped`);
    leftover(tmp, `upload-${process.ppid}-running`);
    const deleted = await fetch(`${server.url}api/data`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'DELETE' }),
    });
    expect(deleted.status).toBe(200);
    expect(readdirSync(tmp)).toEqual([`upload-${process.ppid}-running`]);
  });
});

/**
 * Limits on input, the same on the command line and the API: every list in the answers is no longer than
 * its choices and every string has a length, so a hundred thousand regions are refused naming the field;
 * a backup or an activity file past its size limit is refused from its size, before it is read, leaving
 * the store as it was. The refusals as a process run the built `bin/backstride` (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersJsonSchema, parseAnswers } from '../src/answers/index.js';
import { refuseOversizedFiles } from '../src/cli/runs.js';
import { isBackstrideError } from '../src/errors.js';
import { ZIP_LIMITS } from '../src/import/sources.js';
import { ACTIVITY_FILE_BYTES, BACKUP_DOCUMENT_BYTES, JSON_DOCUMENT_BYTES } from '../src/limits.js';
import { DEFAULT_LIMITS } from '../src/server/app.js';
import { type Harness, harness } from '../src/server/harness.js';
import { okJson, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-limits-'));

/** The built CLI in its own process. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, exactly one line on stderr (matching `message`), nothing on stdout. */
function expectOneLine(r: ReturnType<typeof cli>, message: RegExp) {
  expect(r.stderr.trimEnd()).toMatch(message);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

/** A file of `size` bytes that starts with `head` and takes no disk space beyond it (a sparse file). */
function sparseFile(path: string, head: string, size: number): string {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
  } finally {
    closeSync(fd);
  }
  truncateSync(path, size);
  return path;
}

/** A hundred thousand regions: the most that fits in a 1 MiB body or answers file. */
const manyRegions = { pain: { regions: Array(100_000).fill('neck') }, redFlags: {} };

type JsonNode = Record<string, unknown>;
function* schemaNodes(node: JsonNode, path = ''): Generator<[string, JsonNode]> {
  yield [path, node];
  for (const [key, child] of Object.entries((node.properties as Record<string, JsonNode>) ?? {}))
    yield* schemaNodes(child, path ? `${path}.${key}` : key);
  if (node.items && typeof node.items === 'object') yield* schemaNodes(node.items as JsonNode, `${path}[]`);
  for (const alternative of (node.anyOf as JsonNode[]) ?? []) yield* schemaNodes(alternative, path);
}

describe('the answers have a length on every list and string', () => {
  it('gives every array a maxItems no larger than its choices, and every string a maxLength', () => {
    const nodes = [...schemaNodes(answersJsonSchema())];
    const arrays = nodes.filter(([, n]) => n.type === 'array');
    expect(arrays.map(([path]) => path)).toEqual(
      expect.arrayContaining(['pain.regions', 'pain.qualities', 'daily.equipment', 'redFlags.clotRisk']),
    );
    for (const [path, n] of arrays) {
      const choices = (n.items as JsonNode).enum as unknown[] | undefined;
      expect([path, n.maxItems]).toEqual([path, choices?.length ?? expect.any(Number)]);
    }
    for (const [path, n] of nodes.filter(([, n]) => n.type === 'string' && !n.enum))
      expect([path, typeof n.maxLength]).toEqual([path, 'number']);
  });

  it('refuses more items than choices, naming the field, and still takes every choice once', () => {
    expect(() => parseAnswers(manyRegions)).toThrow(
      /^pain\.regions: at most 8 items \(one per choice\), not 100000$/,
    );
    try {
      parseAnswers(manyRegions);
    } catch (error) {
      expect(isBackstrideError(error) && error.field).toBe('pain.regions');
    }
    const every = answersJsonSchema() as {
      properties: { pain: { properties: { regions: { items: { enum: string[] } } } } };
    };
    const all = every.properties.pain.properties.regions.items.enum;
    expect(parseAnswers({ pain: { regions: all } }).pain?.regions).toEqual(all);
    expect(() => parseAnswers({ $schema: 'x'.repeat(5000) })).toThrow(/^\$schema: /);
  });

  describe('over the API', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness();
    });
    afterAll(() => h.close());

    it('answers 400 naming the field, and saves nothing', async () => {
      const r = await h.call('POST', '/api/assess', manyRegions);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'bad-input', field: 'pain.regions' });
      expect(r.json.error.message).toMatch(/^pain\.regions: at most 8 items/);
      expect((await h.call('GET', '/api/assessments')).json).toEqual([]);
    });
  });

  it('on the command line: exit 2, one line naming the field, nothing saved', async () => {
    const data = join(scratch, 'answers-data');
    const file = join(scratch, 'many-regions.json');
    writeFileSync(file, JSON.stringify(manyRegions));
    expectOneLine(
      cli(['assess', '--answers', file, '--data-dir', data]),
      /^backstride: answers file .*many-regions\.json: pain\.regions: at most 8 items \(one per choice\), not 100000$/,
    );
    const backup = okJson(await runCli(['export', '--data-dir', data]));
    expect(backup.tables.assessments).toEqual([]);
  });
});

describe('files are measured before they are read', () => {
  it('has one set of limits for the command line and the API', () => {
    expect(DEFAULT_LIMITS.jsonBytes).toBe(JSON_DOCUMENT_BYTES);
    expect(DEFAULT_LIMITS.backupBytes).toBe(BACKUP_DOCUMENT_BYTES);
    expect(ZIP_LIMITS.entryBytes).toBe(ACTIVITY_FILE_BYTES);
    // A backup is read as one string: V8's longest is 2^29 - 24 characters.
    expect(BACKUP_DOCUMENT_BYTES).toBeLessThan(2 ** 29 - 24);
  });

  it('refuses a backup over 500 MiB from its size, and the store keeps its data', async () => {
    const data = join(scratch, 'backup-data');
    okJson(await runCli(['log', 'pain', '3', 'neck', '--at', '2026-03-01', '--json', '--data-dir', data]));
    const huge = sparseFile(
      join(scratch, 'huge-backup.json'),
      '{"format":"backstride-backup","version":1,"tables":{',
      BACKUP_DOCUMENT_BYTES + 1,
    );
    expectOneLine(
      cli(['import-backup', huge, '--replace', '--data-dir', data]),
      /^backstride: backup file .*huge-backup\.json is larger than the limit of 500 MiB$/,
    );
    const diary = okJson(await runCli(['diary', '--json', '--data-dir', data]));
    expect(diary.pain).toHaveLength(1);
  });

  it('refuses an activity file over 256 MiB from its size, before opening the store', () => {
    const data = join(scratch, 'import-data');
    const huge = sparseFile(
      join(scratch, 'huge.gpx'),
      '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>',
      ACTIVITY_FILE_BYTES + 1,
    );
    expectOneLine(
      cli(['import', huge, '--data-dir', data]),
      /^backstride: activity file .*huge\.gpx is larger than the limit of 256 MiB \(only a zip archive may be larger\)$/,
    );
    expect(existsSync(data)).toBe(false);
  });

  it('lets a zip, a folder and a file within the limit through (the import judges what is inside)', () => {
    const folder = join(scratch, 'folder');
    mkdirSync(folder, { recursive: true });
    const zip = join(scratch, 'export.zip');
    writeFileSync(zip, zipSync({ 'a.gpx': randomBytes(4096) }));
    const small = join(scratch, 'small.gpx');
    writeFileSync(small, '<gpx>');
    expect(() => refuseOversizedFiles([zip, folder, small, join(scratch, 'nowhere')], 100)).not.toThrow();
    const big = join(scratch, 'big.fit');
    writeFileSync(big, new Uint8Array(200));
    expect(() => refuseOversizedFiles([small, big], 100)).toThrow(
      /^activity file .*big\.fit is larger than the limit of 100 bytes/,
    );
  });
});

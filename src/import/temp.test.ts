/**
 * The private temporary folder: where it is for each store, made 0700 whatever the umask, and which
 * leftovers a sweep removes (those of a process that is gone, or older than a day) and which it keeps
 * (another running process's, this process's own unless asked, anything not named as ours).
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeTempFolder,
  privateFolder,
  STALE_MS,
  sweepLegacyTemp,
  sweepTemp,
  TEMP_FOLDER,
  tempRootFor,
} from './temp.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'backstride-temp-'));
const mode = (path: string) => statSync(path).mode & 0o777;
/** A pid that was running a moment ago and is not now. */
const gonePid = () => spawnSync(process.execPath, ['-e', '']).pid as number;

function leftover(root: string, name: string, ageMs = 0): string {
  const dir = join(root, name);
  mkdirSync(join(dir, '0'), { recursive: true });
  writeFileSync(join(dir, '0', 'run.fit'), 'x');
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(dir, when, when);
  return dir;
}

describe('the temporary folder', () => {
  const umask = process.umask();
  const env = process.env.BACKSTRIDE_DATA;
  afterEach(() => {
    process.umask(umask);
    if (env === undefined) delete process.env.BACKSTRIDE_DATA;
    else process.env.BACKSTRIDE_DATA = env;
  });

  it('is tmp in the data folder; with PostgreSQL, in the per-user data folder', () => {
    expect(tempRootFor({ dataDir: '/data/here' })).toBe(join('/data/here', TEMP_FOLDER));
    process.env.BACKSTRIDE_DATA = '/per/user';
    expect(tempRootFor({ url: 'postgres://localhost/x' })).toBe(join('/per/user', TEMP_FOLDER));
  });

  it('is made 0700 whatever the umask, and so are the folders in it', () => {
    process.umask(0o022);
    const root = join(scratch(), 'data', TEMP_FOLDER);
    const upload = makeTempFolder(root, 'upload');
    expect(mode(root)).toBe(0o700);
    expect(mode(join(root, '..'))).toBe(0o700);
    expect(mode(upload)).toBe(0o700);
    expect(upload).toMatch(new RegExp(`/upload-${process.pid}-[^/]+$`));
  });

  it('tightens a folder that exists with a looser mode, and refuses a link or a file', () => {
    const dir = join(scratch(), 'loose');
    mkdirSync(dir, { mode: 0o755 });
    privateFolder(dir);
    expect(mode(dir)).toBe(0o700);
    symlinkSync(scratch(), join(dir, 'link'));
    expect(() => privateFolder(join(dir, 'link'))).toThrow(/not a folder/);
    writeFileSync(join(dir, 'file'), '');
    expect(() => privateFolder(join(dir, 'file'))).toThrow();
  });
});

describe('sweeping leftovers', () => {
  it("removes a gone process's and stale folders; keeps running ones and anything not ours", () => {
    const root = scratch();
    const gone = gonePid();
    leftover(root, `upload-${gone}-a`, 2 * STALE_MS);
    leftover(root, `import-${gone}-b`);
    // The test runner's own parent: running, and not this process.
    leftover(root, `upload-${process.ppid}-c`);
    leftover(root, `upload-${process.ppid}-d`, 2 * STALE_MS);
    leftover(root, `upload-${process.pid}-e`);
    leftover(root, 'backstride.sqlite-not-ours');
    expect(sweepTemp(root).sort()).toEqual(
      [`import-${gone}-b`, `upload-${gone}-a`, `upload-${process.ppid}-d`].sort(),
    );
    expect(readdirSync(root).sort()).toEqual(
      ['backstride.sqlite-not-ours', `upload-${process.pid}-e`, `upload-${process.ppid}-c`].sort(),
    );
  });

  it("removes this process's own too when asked, but those kept", () => {
    const root = scratch();
    leftover(root, `upload-${process.pid}-a`);
    const busy = leftover(root, `upload-${process.pid}-b`);
    leftover(root, `upload-${process.ppid}-c`);
    expect(sweepTemp(root, { ownToo: true, keep: new Set([busy]) })).toEqual([`upload-${process.pid}-a`]);
  });

  it('is quiet about a folder that does not exist', () => {
    expect(sweepTemp(join(scratch(), 'none'))).toEqual([]);
  });

  it('removes what earlier versions left in the system temporary folder, an hour old, this user only', () => {
    const dir = scratch();
    leftover(dir, 'backstride-upload-old', 2 * 60 * 60 * 1000);
    leftover(dir, 'backstride-import-new');
    leftover(dir, 'something-else', 2 * 60 * 60 * 1000);
    expect(sweepLegacyTemp(Date.now(), dir)).toEqual(['backstride-upload-old']);
    expect(readdirSync(dir).sort()).toEqual(['backstride-import-new', 'something-else']);
  });
});

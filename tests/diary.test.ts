/**
 * The diary, saved assessments and owning the data, through the CLI: logging, bad input that stores
 * nothing, reassessment with changes, the running history in the assessment, export → restore round trip,
 * and delete-all. Most commands run in this process (tests/in-process-cli.ts); each command also runs as
 * the built `bin/backstride`, for its exit code and output as a process, and so do the ones that need
 * stdin not to be a terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import { NO_ANSWER } from '../src/answers/red-flag-screen.js';
import { okJson as json, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-diary-'));

/** The built CLI in its own process. */
function spawned(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The same command in this process. */
const cli = (args: string[], dataDir: string) => runCli([...args, '--data-dir', dataDir]);
const fresh = (name: string) => join(scratch, name);

const calm = { ...NO_ANSWER };

describe('diary', () => {
  it('logs pain, exercise and PSFS, and lists them oldest first', async () => {
    const d = fresh('log');
    const pain = json(
      await cli(
        [
          'log',
          'pain',
          '4',
          'lower-back,hip',
          '--timing',
          'next-morning',
          '--at',
          '2026-03-03T07:00:00Z',
          '--note',
          'stiff',
          '--json',
        ],
        d,
      ),
    );
    expect(pain).toMatchObject({
      score: 4,
      regions: ['lower-back', 'hip'],
      timing: 'next-morning',
      note: 'stiff',
    });
    json(await cli(['log', 'exercise', 'plank', 'bird-dog', '--at', '2026-03-02', '--json'], d));
    json(
      await cli(['log', 'psfs', 'run 10 km=4', 'sit at my desk 2 h=7', '--at', '2026-03-01', '--json'], d),
    );
    const diary = json(await cli(['diary', '--json'], d));
    expect(diary.pain).toHaveLength(1);
    expect(diary.exercise[0].items).toEqual(['plank', 'bird-dog']);
    expect(diary.psfs.map((r: { activity: string }) => r.activity)).toEqual([
      'run 10 km',
      'sit at my desk 2 h',
    ]);
    const text = spawned(['diary'], d).stdout.split('\n');
    expect(text[0]).toMatch(/^2026-03-01 12:00 {2}[\da-f]{8} {2}psfs {7}4\/10 {2}run 10 km$/);
    expect(text[3]).toMatch(/^2026-03-03 07:00 {2}[\da-f]{8} {2}pain {7}4\/10 {2}next morning/);
  });

  it('links a check-in to the nearest run', async () => {
    const d = fresh('link');
    const start = Date.parse('2026-03-07T08:00:00Z');
    const file = join(scratch, 'sat.fit');
    writeFileSync(
      file,
      encodeFit({ sport: 'running', startTime: start, samples: syntheticRun({ start, durationS: 3600 }) }),
    );
    json(await cli(['import', file, '--json'], d));
    const [run] = json(await cli(['runs', '--json'], d));
    const after = json(
      await cli(['log', 'pain', '5', 'between-shoulder-blades', '--at', '2026-03-07T09:30:00Z', '--json'], d),
    );
    expect(after.runId).toBe(run.id);
    const unrelated = json(
      await cli(['log', 'pain', '1', 'neck', '--at', '2026-03-01T09:30:00Z', '--json'], d),
    );
    expect(unrelated.runId).toBeUndefined();
  });

  it.each([
    [['log', 'pain', '11', 'lower-back'], /score must be a whole number from 0 to 10, not "11"/],
    [['log', 'pain', '3', 'knee'], /unknown region "knee"/],
    [['log', 'pain', '3', 'neck', '--at', '2099-01-01'], /--at 2099-01-01 is in the future/],
    [['log', 'pain', '3', 'neck', '--timing', 'soon'], /--timing must be one of/],
    [['log', 'exercise', 'plank', 'juggling'], /unknown exercise or routine "juggling"/],
    [['log', 'psfs', 'run 10 km'], /PSFS rating must look like/],
    [['log', 'psfs', 'run=12'], /PSFS score must be a whole number/],
  ])('rejects %j with exit 2 and stores nothing', async (args, message) => {
    const d = fresh(`bad-${args.join('-').replace(/[^a-z0-9]/gi, '')}`);
    const r = await cli(args, d);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const diary = json(await cli(['diary', '--json'], d));
    expect(diary).toEqual({ pain: [], exercise: [], psfs: [] });
  });

  it('rejects a bad log as a process does: exit 2, one line on stderr, nothing on stdout', async () => {
    const d = fresh('bad-process');
    const r = spawned(['log', 'pain', '11', 'lower-back'], d);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backstride: score must be a whole number from 0 to 10, not "11"\n',
    });
    expect(json(await cli(['diary', '--json'], d))).toEqual({ pain: [], exercise: [], psfs: [] });
  });
});

describe('assessments over time', () => {
  const answers = (over: Record<string, unknown>) => ({
    about: { age: 38 },
    pain: { regions: ['lower-back'], daysSinceStart: 1, trend: 'same', now: 3, worst: 4 },
    daily: { sittingHours: 9 },
    redFlags: calm,
    ...over,
  });

  it('saves by default and shows what changed since the last check-in', async () => {
    const d = fresh('reassess');
    const first = join(scratch, 'first.json');
    writeFileSync(first, JSON.stringify(answers({ date: '2026-03-01T08:00:00Z' })));
    json(await cli(['assess', '--answers', first, '--json'], d));
    const second = join(scratch, 'second.json');
    writeFileSync(
      second,
      JSON.stringify(
        answers({
          date: '2026-03-08T08:00:00Z',
          pain: { regions: ['lower-back'], daysSinceStart: 8, trend: 'worse', now: 6, worst: 8 },
        }),
      ),
    );
    const r = json(await cli(['assess', '--answers', second, '--json'], d));
    expect(r.changes).toMatchObject({
      previousLevel: 'self-care',
      level: 'clinician',
      levelChanged: true,
      painNow: { before: 3, after: 6 },
    });
    expect((await cli(['assess', '--answers', second], d)).stdout).toMatch(
      /What changed since 2026-03-08\n {2}Level: clinician, as before/,
    );
    const unsaved = fresh('nosave');
    json(await cli(['assess', '--answers', first, '--no-save', '--json'], unsaved));
    const again = json(await cli(['assess', '--answers', first, '--no-save', '--json'], unsaved));
    expect(again.changes).toBeUndefined();
  });

  it('takes evidence from the running history, and says where the data overrode an answer', async () => {
    const d = fresh('history');
    const folder = join(scratch, 'history-runs');
    mkdirSync(folder, { recursive: true });
    // Six weeks of easy running (3 × 5 km), then a week of 4 × 10 km and a 20 km long run before the pain.
    const day0 = Date.parse('2026-01-05T07:00:00Z');
    let n = 0;
    const add = (dayOffset: number, km: number) => {
      const start = day0 + dayOffset * 86_400_000;
      const durationS = Math.round(km * 330);
      writeFileSync(
        join(folder, `r${n++}.fit`),
        encodeFit({
          sport: 'running',
          startTime: start,
          samples: syntheticRun({ start, durationS, seed: n }),
        }),
      );
    };
    for (let w = 0; w < 6; w++) for (const d of [0, 2, 4]) add(w * 7 + d, 5);
    for (const d of [0, 1, 2, 3]) add(42 + d, 10);
    add(47, 20);
    json(await cli(['import', folder, '--json'], d));
    const file = join(scratch, 'history.json');
    writeFileSync(
      file,
      JSON.stringify(
        answers({
          date: '2026-02-22T12:00:00Z',
          pain: { regions: ['lower-back'], daysSinceStart: 1, trend: 'same', now: 3, worst: 4 },
          running: { runsPerWeek: 3, weeklyKmNow: 15, weeklyKm4WeeksAgo: 15 },
        }),
      ),
    );
    const r = json(await cli(['assess', '--answers', file, '--json'], d));
    expect(r.history.runsConsidered).toBe(23);
    expect(r.history.notes.map((x: { field: string }) => x.field)).toEqual(
      expect.arrayContaining(['running.weeklyKmNow', 'running.runsPerWeek']),
    );
    const load = r.factors.find((f: { id: string }) => f.id === 'load-too-fast');
    expect(load).toBeDefined();
    expect(load.evidence.join(' ')).toMatch(/weekly distance rose from 15 km to 59 km/);
    expect(load.evidence.join(' ')).toMatch(
      /2026-02-21: Run of 19\.8 km is 2× your longest run in the previous 30 days/,
    );
    // The running history is part of the full result (the summary leads with what to do today).
    const text = (await cli(['assess', '--answers', file, '--no-save', '--full'], d)).stdout;
    expect(text).toContain('From your running history');
    expect(text).toMatch(/running\.weeklyKmNow: you said 15, your runs show 59/);
  });
});

describe('owning the data', () => {
  it('exports everything, restores it exactly, and deletes every trace', async () => {
    const d = fresh('own');
    const start = Date.parse('2026-04-04T08:00:00Z');
    const fit = join(scratch, 'own.fit');
    writeFileSync(
      fit,
      encodeFit({ sport: 'running', startTime: start, samples: syntheticRun({ start, durationS: 1800 }) }),
    );
    json(await cli(['import', fit, '--json'], d));
    json(
      await cli(
        ['log', 'pain', '3', 'neck', '--at', '2026-04-04T09:00:00Z', '--note', 'a "quoted", note', '--json'],
        d,
      ),
    );
    json(await cli(['log', 'exercise', 'plank', '--at', '2026-04-05', '--json'], d));
    json(await cli(['log', 'psfs', 'run 5 km=6', '--at', '2026-04-05', '--json'], d));
    const backup = join(scratch, 'backup.json');
    const exported = spawned(['export', '--out', backup], d);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`Exported to ${backup}\n`);
    const restored = fresh('restored');
    const counts = json(spawned(['import-backup', backup, '--json'], restored));
    expect(counts).toEqual({
      runs: 1,
      assessments: 0,
      pain_checkins: 1,
      exercise_sessions: 1,
      psfs_ratings: 1,
      check_backs: 0,
      plan_changes: 0,
      form_checks: 0,
    });
    const again = join(scratch, 'backup2.json');
    await cli(['export', '--out', again], restored);
    const a = JSON.parse(readFileSync(backup, 'utf8'));
    const b = JSON.parse(readFileSync(again, 'utf8'));
    delete a.exportedAt;
    delete b.exportedAt;
    expect(b).toEqual(a);
    expect(a.tables.runs[0].samples.length).toBeGreaterThan(100);

    // Restoring over data needs --replace, and a broken backup changes nothing.
    expect((await cli(['import-backup', backup], restored)).stderr).toMatch(/already has data/);
    writeFileSync(join(scratch, 'broken.json'), '{"format":"backstride-backup","version":1}');
    const broken = await cli(['import-backup', join(scratch, 'broken.json'), '--replace'], restored);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not a Backstride backup/);
    expect(json(await cli(['runs', '--json'], restored))).toHaveLength(1);

    const csv = join(scratch, 'csv');
    await cli(['export', '--format', 'csv', '--out', csv], d);
    expect(readdirSync(csv).sort()).toEqual([
      'assessments.csv',
      'check_backs.csv',
      'exercise_sessions.csv',
      'form_checks.csv',
      'pain_checkins.csv',
      'plan_changes.csv',
      'psfs_ratings.csv',
      'runs.csv',
    ]);
    expect(readFileSync(join(csv, 'pain_checkins.csv'), 'utf8')).toContain('"a ""quoted"", note"');

    // As a process: stdin is not a terminal, so there is no one to confirm.
    const unconfirmed = spawned(['delete-all'], d);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/needs confirmation/);
    expect(json(await cli(['runs', '--json'], d))).toHaveLength(1);
    expect(spawned(['delete-all', '--yes'], d).code).toBe(0);
    expect(existsSync(join(d, 'backstride.sqlite'))).toBe(false);
    expect(json(await cli(['runs', '--json'], d))).toEqual([]);
  });
});

/**
 * Correcting the diary from the command line: `diary` shows each entry's short id, `diary edit pain|
 * exercise|psfs ID` changes only what is given (by the rules of a new entry), `diary delete KIND ID`
 * removes one, and bad input or an unknown id is one line with exit 2 that leaves the diary as it was.
 * Logging the same exercise session twice in a row stores it once. Most commands run in this process
 * (tests/in-process-cli.ts); one of each runs as the built `bin/backstride`, for its exit code as a
 * process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import { okJson as json, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'backstride-diary-edit-'));
const fresh = (name: string) => join(scratch, name);
const cli = (args: string[], dataDir: string) => runCli([...args, '--data-dir', dataDir]);
const spawned = (args: string[], dataDir: string) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/backstride'), ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A diary with one entry of each kind; their ids. */
async function seeded(name: string) {
  const d = fresh(name);
  const pain = json(
    await cli(
      ['log', 'pain', '4', 'lower-back', '--at', '2026-03-03T07:00:00Z', '--note', 'stiff', '--json'],
      d,
    ),
  );
  const session = json(
    await cli(['log', 'exercise', 'plank', 'bird-dog', '--at', '2026-03-02', '--json'], d),
  );
  const [rating] = json(await cli(['log', 'psfs', 'run 10 km=4', '--at', '2026-03-01', '--json'], d));
  return { d, pain: pain.id as string, session: session.id as string, rating: rating.id as string };
}

describe('diary edit and delete', () => {
  it('shows ids: whole in --json, short in the readable diary, with timings and regions in words', async () => {
    const { d, pain, session, rating } = await seeded('ids');
    const diary = json(await cli(['diary', '--json'], d));
    expect(diary.pain[0].id).toBe(pain);
    expect(diary.exercise[0].id).toBe(session);
    expect(diary.psfs[0].id).toBe(rating);
    const lines = (await cli(['diary'], d)).stdout.split('\n');
    expect(lines[0]).toBe(`2026-03-01 12:00  ${rating.slice(0, 8)}  psfs       4/10  run 10 km`);
    expect(lines[1]).toBe(`2026-03-02 12:00  ${session.slice(0, 8)}  exercise  Plank, Bird-dog`);
    expect(lines[2]).toBe(
      `2026-03-03 07:00  ${pain.slice(0, 8)}  pain       4/10  right after   lower back  “stiff”`,
    );
    expect(lines[3]).toMatch(/backstride diary edit KIND ID/);
  });

  it('corrects a pain check-in by its short id: only what is given changes', async () => {
    const { d, pain } = await seeded('edit-pain');
    const short = pain.slice(0, 8);
    const r = await cli(['diary', 'edit', 'pain', short, '--score', '2', '--note', 'better after a walk'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Corrected the pain check-in of 2026-03-03 07:00: 2/10, lower back, right after.\n',
    );
    const [saved] = json(await cli(['diary', '--json'], d)).pain;
    expect(saved).toEqual({
      id: pain,
      at: Date.parse('2026-03-03T07:00:00Z'),
      regions: ['lower-back'],
      score: 2,
      timing: 'right-after',
      note: 'better after a walk',
    });
    const edited = json(
      await cli(
        [
          'diary',
          'edit',
          'pain',
          pain,
          '--regions',
          'neck,shoulders',
          '--timing',
          'next-morning',
          '--no-note',
          '--json',
        ],
        d,
      ),
    );
    expect(edited).toEqual({
      ...saved,
      regions: ['neck', 'shoulders'],
      timing: 'next-morning',
      note: undefined,
    });
    expect(json(await cli(['diary', '--json'], d)).pain).toEqual([
      { id: pain, at: saved.at, regions: ['neck', 'shoulders'], score: 2, timing: 'next-morning' },
    ]);
  });

  it('links a corrected check-in to the run its new time is about, and keeps the link otherwise', async () => {
    const d = fresh('relink');
    const start = Date.parse('2026-03-07T08:00:00Z');
    const file = join(scratch, 'relink.fit');
    writeFileSync(
      file,
      encodeFit({ sport: 'running', startTime: start, samples: syntheticRun({ start, durationS: 3000 }) }),
    );
    json(await cli(['import', file, '--json'], d));
    const [run] = json(await cli(['runs', '--json'], d));
    const pain = json(await cli(['log', 'pain', '3', 'neck', '--at', '2026-03-01T09:00:00Z', '--json'], d));
    expect(pain.runId).toBeUndefined();
    // Logged on the wrong day: moved to after the run, it is about the run.
    const moved = json(
      await cli(['diary', 'edit', 'pain', pain.id, '--at', '2026-03-07T09:30:00Z', '--json'], d),
    );
    expect(moved.runId).toBe(run.id);
    // A new score keeps the link.
    expect(json(await cli(['diary', 'edit', 'pain', pain.id, '--score', '5', '--json'], d)).runId).toBe(
      run.id,
    );
    // "Before a run" looks ahead, and no run follows: the link goes.
    const before = json(await cli(['diary', 'edit', 'pain', pain.id, '--timing', 'before', '--json'], d));
    expect(before.runId).toBeUndefined();
  });

  it('corrects an exercise session and a PSFS rating', async () => {
    const { d, session, rating } = await seeded('edit-others');
    const s = await cli(
      ['diary', 'edit', 'exercise', session.slice(0, 6), '--items', 'plank', 'superman'],
      d,
    );
    expect(s.stdout).toBe('Corrected the exercise session of 2026-03-02 12:00: Plank, Superman.\n');
    const p = json(
      await cli(['diary', 'edit', 'psfs', rating, '--activity', ' run 5 km ', '--score', '6', '--json'], d),
    );
    expect(p).toEqual({ id: rating, at: Date.parse('2026-03-01T12:00:00Z'), activity: 'run 5 km', score: 6 });
    const diary = json(await cli(['diary', '--json'], d));
    expect(diary.exercise[0].items).toEqual(['plank', 'superman']);
    expect(diary.psfs).toEqual([p]);
  });

  it('deletes one entry of each kind by id', async () => {
    const { d, pain, session, rating } = await seeded('delete');
    expect((await cli(['diary', 'delete', 'pain', pain.slice(0, 8)], d)).stdout).toBe(
      `Deleted the pain check-in ${pain.slice(0, 8)}.\n`,
    );
    expect(json(await cli(['diary', 'delete', 'exercise', session, '--json'], d))).toEqual({
      deleted: true,
      kind: 'exercise',
      id: session,
    });
    json(await cli(['diary', 'delete', 'PSFS', rating, '--json'], d));
    expect(json(await cli(['diary', '--json'], d))).toEqual({ pain: [], exercise: [], psfs: [] });
  });

  it.each([
    [['diary', 'edit', 'pain', 'ID', '--score', '11'], /score must be a whole number from 0 to 10, not "11"/],
    [['diary', 'edit', 'pain', 'ID', '--regions', 'knee'], /unknown region "knee"/],
    [['diary', 'edit', 'pain', 'ID', '--timing', 'soon'], /--timing must be one of/],
    [['diary', 'edit', 'pain', 'ID', '--at', '2099-01-01'], /--at 2099-01-01 is in the future/],
    [['diary', 'edit', 'pain', 'ID', '--note', 'x'.repeat(2001)], /--note must be at most 2000 characters/],
    [['diary', 'edit', 'pain', 'ID'], /nothing to change: give --score, --regions/],
    [
      ['diary', 'edit', 'exercise', 'SESSION', '--items', 'juggling'],
      /unknown exercise or routine "juggling"/,
    ],
    [['diary', 'edit', 'psfs', 'RATING', '--score', '-1'], /PSFS score must be a whole number/],
    [['diary', 'edit', 'psfs', 'RATING', '--activity', ' '], /PSFS activity must be 1–200 characters/],
    [
      ['diary', 'edit', 'pain', 'ffffffff', '--score', '3'],
      /^backstride: there is no pain check-in with id ffffffff \(see `backstride diary`\)$/,
    ],
    [['diary', 'edit', 'pain', 'SESSION', '--score', '3'], /there is no pain check-in with id/],
    [
      ['diary', 'edit', 'pain', 'abc', '--score', '3'],
      /give the pain check-in's id as `backstride diary` shows it/,
    ],
    [['diary', 'delete', 'run', 'ID'], /kind must be pain, exercise, psfs, not "run"/],
    [['diary', 'delete', 'psfs', 'ID'], /there is no PSFS rating with id/],
    [['diary', 'edit'], /choose a subcommand: pain, exercise, psfs \(see backstride diary edit --help\)/],
    [['diary', 'delete', 'pain'], /missing required argument 'id'/],
  ])('refuses %j with exit 2, one line, and leaves the diary as it was', async (args, message) => {
    const { d, pain, session, rating } = await seeded(
      `bad-${args
        .join('-')
        .slice(0, 60)
        .replace(/[^a-z0-9]/gi, '')}`,
    );
    const before = json(await cli(['diary', '--json'], d));
    const named = args.map((a) =>
      a === 'ID' ? pain : a === 'SESSION' ? session : a === 'RATING' ? rating : a,
    );
    const r = await cli(named, d);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stdout).toBe('');
    expect(json(await cli(['diary', '--json'], d))).toEqual(before);
  });

  it('logs the same exercise session twice in a row once, and a different one again', async () => {
    const d = fresh('twice');
    const first = json(await cli(['log', 'exercise', 'plank', 'bird-dog', '--json'], d));
    const again = await cli(['log', 'exercise', 'bird-dog', 'plank'], d);
    expect(again.stdout).toBe('Already logged a moment ago (Plank, Bird-dog): nothing added.\n');
    expect(json(await cli(['log', 'exercise', 'plank', 'bird-dog', '--json'], d)).id).toBe(first.id);
    json(await cli(['log', 'exercise', 'plank', '--json'], d));
    json(await cli(['log', 'exercise', 'plank', 'bird-dog', '--note', 'second round', '--json'], d));
    expect(json(await cli(['diary', '--json'], d)).exercise).toHaveLength(3);
  });

  it('runs as a process: exit 0 for an edit, exit 2 and one line for an unknown id', async () => {
    const { d, pain } = await seeded('process');
    const ok = spawned(['diary', 'edit', 'pain', pain.slice(0, 8), '--score', '1'], d);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^Corrected the pain check-in of 2026-03-03 07:00: 1\/10/);
    expect(spawned(['diary', 'delete', 'pain', 'ffffffff'], d)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backstride: there is no pain check-in with id ffffffff (see `backstride diary`)\n',
    });
    expect(spawned(['diary', 'delete', 'pain', pain], d).code).toBe(0);
  });
});

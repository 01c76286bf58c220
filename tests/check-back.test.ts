/**
 * `backstride check-back` through the built CLI with a temporary data folder: nothing pending, a check-back
 * not yet due (and in `plan` and its calendar file), a bad answer (exit 2, one line, nothing stored), and
 * answers that re-run the check-in: "worse" becomes a clinician result, "easing" stays self-care with the
 * next check-back. Dates come from the CLI's own output, so a run across midnight does not matter.
 * The data is set up and most answers read in this process (tests/in-process-cli.ts); `check-back` also
 * runs as a process, for its exit codes and output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleCheckIn } from '../src/answers/sample.js';
import { formatCheckBackDay } from '../src/check-back/index.js';
import { okJson as json, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-check-back-cli-'));
const DAY = 86_400_000;

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

/** A self-care check-in made `daysAgo` days ago, three days into the pain, neither better nor worse. */
function answersFile(name: string, daysAgo: number): string {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(sampleCheckIn(new Date(Date.now() - daysAgo * DAY))));
  return file;
}

describe('backstride check-back', () => {
  it('says when nothing is pending', () => {
    const d = join(scratch, 'empty');
    const r = spawned(['check-back'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No check-back pending\./);
    expect(json(spawned(['check-back', '--json'], d))).toBeNull();
    const answer = spawned(['check-back', '--answer', 'same'], d);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/^backstride: there is no check-back to answer/);
  });

  it('shows a check-back that is not due yet, in `check-back`, `plan` and the calendar file', async () => {
    const d = join(scratch, 'later');
    const result = json(await cli(['assess', '--answers', answersFile('today', 0), '--json'], d));
    expect(result.triage.level).toBe('self-care');
    const { on } = result.triage.selfCare.checkBack;
    const day = formatCheckBackDay(on);

    const text = await cli(['check-back'], d);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`No check-back due; the next is on ${day}`);
    expect(json(await cli(['check-back', '--json'], d))).toMatchObject({
      on,
      due: false,
      question: 'Is it easing?',
    });

    const ics = join(scratch, 'later.ics');
    const plan = await cli(['plan', '--ics', ics], d);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`Check back on ${day}: is it easing? Run \`backstride check-back\`.`);
    expect(plan.stderr).toMatch(/with your check-back/);
    const calendar = readFileSync(ics, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('SUMMARY:Backstride check-back: is your back easing?');
    expect(calendar).toContain(`DTSTART;VALUE=DATE:${on.replace(/-/g, '')}`);
    expect(json(await cli(['plan', '--json'], d)).checkBack).toMatchObject({ on, due: false });

    // `assess` itself says when to check back, in its summary; with --full also why self-care.
    const assessText = (await cli(['assess', '--answers', answersFile('again', 0), '--no-save'], d)).stdout;
    expect(assessText).toContain(`Check back on ${day}: is it easing?`);
    const full = (await cli(['assess', '--answers', answersFile('again', 0), '--no-save', '--full'], d))
      .stdout;
    expect(full).toContain('Why self-care is reasonable');
    expect(full).toContain(`Check back on ${day}: is it easing?`);
  });

  it('refuses a bad answer in one line with exit 2, and stores nothing', async () => {
    const d = join(scratch, 'bad');
    json(await cli(['assess', '--answers', answersFile('bad', 5), '--json'], d));
    for (const value of ['maybe', 'EASING', '']) {
      // The first as a process too: the one line and exit code as a shell sees them.
      const args = ['check-back', '--answer', value];
      const r = value === 'maybe' ? spawned(args, d) : await cli(args, d);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/--answer must be easing, same or worse/);
    }
    expect(json(await cli(['check-back', '--json'], d))).toMatchObject({ due: true });
  });

  it('re-runs the check-in with "worse": a clinician result, and nothing left to answer', async () => {
    const d = join(scratch, 'worse');
    json(await cli(['assess', '--answers', answersFile('worse', 5), '--json'], d));
    const due = await cli(['check-back'], d);
    expect(due.stdout).toMatch(/^Is your back easing\?/);
    expect(due.stdout).toContain('backstride check-back --answer worse');
    expect(due.stdout).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no internal ids for people

    const r = json(await cli(['check-back', '--answer', 'worse', '--json'], d));
    expect(r.triage.level).toBe('clinician');
    expect(r.answered).toMatchObject({ answer: 'worse' });
    expect(r.changes).toMatchObject({ previousLevel: 'self-care', level: 'clinician' });
    expect((await cli(['check-back'], d)).stdout).toMatch(/^No check-back pending\./);
    const again = await cli(['check-back', '--answer', 'easing'], d);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('keeps "easing" self-care and prints the level, headline and next check-back', async () => {
    const d = join(scratch, 'easing');
    json(await cli(['assess', '--answers', answersFile('easing', 5), '--json'], d));
    const r = await cli(['check-back', '--answer', 'easing'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recorded: yes, it’s easing\./);
    expect(r.stdout).toContain('SELF-CARE: THIS LOOKS SAFE TO MANAGE YOURSELF');
    const next = json(await cli(['check-back', '--json'], d));
    expect(next).toMatchObject({ due: false, inDays: 7 });
    expect(r.stdout).toContain(`Next check-back: ${formatCheckBackDay(next.on)}`);
  });
});

/**
 * Calendar reminders through the command line: `plan --ics` with `--time` and `--remind`, read back by
 * ical.js. Every event has its reminder, the check-back (pending after a self-care check-in) keeps its own
 * under the same setting, and a bad flag is one line naming it, exit 2, with no file written. One case
 * runs as a process for the exit code and output as a terminal shows them; the rest run in this process
 * (tests/in-process-cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCheckIn } from '../src/answers/sample.js';
import { CHECK_BACK_TITLE } from '../src/schedule/index.js';
import { okJson as json, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'backstride-plan-reminders-'));
const data = join(scratch, 'data');
const cli = (args: string[]) => runCli([...args, '--data-dir', data]);
const CHECK_BACK_UID = 'backstride-check-back@backstride.local';

/** The events of a calendar file, as ical.js reads them, with each one's reminder offsets in seconds. */
function calendar(file: string) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const triggers = v
      .getAllSubcomponents('valarm')
      .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      isDate: e.startDate.isDate,
      triggers,
    };
  });
}

let checkBackOn = '';
beforeAll(async () => {
  // A self-care check-in made today: its check-back is pending, a few days from now.
  const answers = join(scratch, 'answers.json');
  writeFileSync(answers, JSON.stringify(sampleCheckIn(new Date())));
  const result = json(await cli(['assess', '--answers', answers, '--json']));
  expect(result.triage.level).toBe('self-care');
  checkBackOn = result.triage.selfCare.checkBack.on;
});

describe('backstride plan --ics reminders', () => {
  it('by default: all-day events reminded at 9:00, the check-back on its date with its reminder', async () => {
    const file = join(scratch, 'default.ics');
    const r = await cli(['plan', '--ics', file, '--weeks', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/all-day, reminders at 9:00, with your check-back\)/);
    const events = calendar(file);
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) {
      expect(e.isDate).toBe(true);
      expect(e.triggers).toEqual([9 * 3600]);
    }
    const cb = events.find((e) => e.uid === CHECK_BACK_UID);
    expect(cb).toMatchObject({ summary: CHECK_BACK_TITLE, start: checkBackOn });
  });

  it('with --time and --remind: events at that time, each reminded that many minutes before', async () => {
    const file = join(scratch, 'timed.ics');
    const r = await cli(['plan', '--ics', file, '--time', '18:30', '--remind', '15']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/at 18:30, reminders 15 minutes before, with your check-back/);
    const events = calendar(file);
    const weekly = events.filter((e) => e.uid !== CHECK_BACK_UID);
    expect(weekly.length).toBeGreaterThan(0);
    // A day's events follow one another, the first at the session time.
    expect(new Set(weekly.map((e) => e.start.slice(11, 16)).filter((t) => t === '18:30')).size).toBe(1);
    for (const e of weekly) expect(e.triggers).toEqual([-15 * 60]);
    // The check-back stays all day on its date; its reminder is 15 minutes before 18:30.
    const cb = events.find((e) => e.uid === CHECK_BACK_UID);
    expect(cb).toMatchObject({ start: checkBackOn, isDate: true, triggers: [(18 * 60 + 15) * 60] });
  });

  it('--remind 0 reminds at the start and --remind off writes no reminders, check-back included', async () => {
    const atStart = join(scratch, 'at-start.ics');
    expect((await cli(['plan', '--ics', atStart, '--time', '07:00', '--remind', '0'])).code).toBe(0);
    for (const e of calendar(atStart).filter((x) => x.uid !== CHECK_BACK_UID))
      expect(e.triggers).toEqual([0]);
    const off = join(scratch, 'off.ics');
    const r = await cli(['plan', '--ics', off, '--time', '07:00', '--remind', 'off']);
    expect(r.stderr).toMatch(/at 07:00, no reminders, with your check-back/);
    const events = calendar(off);
    expect(events.some((e) => e.uid === CHECK_BACK_UID)).toBe(true);
    for (const e of events) expect(e.triggers).toEqual([]);
  });

  it('refuses a bad --time or --remind in one line naming the flag, and writes no file', async () => {
    for (const [flag, value] of [
      ['--time', '7am'],
      ['--time', '24:00'],
      ['--remind', '-5'],
      ['--remind', '1441'],
      ['--remind', 'soon'],
    ] as const) {
      const file = join(scratch, `bad-${flag.slice(2)}-${value}.ics`);
      const r = await cli(['plan', '--ics', file, flag, value]);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${flag} must be`);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('as a process: a bad --remind exits 2 with one line', () => {
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'backstride'),
        'plan',
        '--ics',
        join(scratch, 'p.ics'),
        '--remind',
        'later',
        '--data-dir',
        data,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, input: '' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^backstride: --remind must be minutes before the session from 0 to 1440, or off, not "later"\n$/,
    );
  });
});

/**
 * `backstride session` as a runner meets it: the built command in a real pseudo-terminal (util-linux
 * `script`), driven by keystrokes, on a plan made from a realistic check-in; then the diary read back.
 * The session's clock runs 20 times faster (BACKSTRIDE_SESSION_SPEED), so a 20 s hold takes about a
 * second; the test waits for what the screen says, never for a length of time, and what it asserts
 * holds however slow the machine is (a rest that ran out before its Enter arrived logs the same).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape codes are what is stripped
const ANSI_ALL = /\x1b\[[0-9;?]*[A-Za-z]/g;
const root = fileURLToPath(new URL('..', import.meta.url));
const answers = join(root, 'tests/fixtures/triage-cases/sc-desk-worker-upper-back.json');
const plain = (s: string) => s.replace(ANSI_ALL, '');

const backstride = (args: string[], data: string) =>
  spawnSync(process.execPath, ['bin/backstride', ...args, '--data-dir', data], {
    cwd: root,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
  });

/** A data folder with one check-in: its plan has a strength day with Superman, Squat, Plank and Bird-dog. */
function withPlan(): string {
  const data = mkdtempSync(join(tmpdir(), 'backstride-session-'));
  const r = backstride(['assess', '--answers', answers], data);
  expect(r.status, r.stderr).toBe(0);
  return data;
}

/** `backstride session ARGS` in a pseudo-terminal. */
function terminal(args: string, data: string) {
  const child = spawn(
    'script',
    ['-qfec', `stty cols 160 rows 50; node bin/backstride session ${args} --data-dir ${data}`, '/dev/null'],
    {
      cwd: root,
      env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1', BACKSTRIDE_SESSION_SPEED: '20' },
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    exited,
    raw: () => out,
    screen: () => plain(out),
    send: (keys: string) => child.stdin.write(keys),
    async waitFor(pattern: RegExp, ms = 10_000) {
      const start = Date.now();
      while (!pattern.test(plain(out))) {
        if (Date.now() - start > ms)
          throw new Error(`timed out waiting for ${pattern}:\n${plain(out).slice(-1500)}`);
        await new Promise((r) => setTimeout(r, 40));
      }
    },
  };
}

const ENTER = '\r';
const CTRL_C = '\x03';
const diary = (data: string) => JSON.parse(backstride(['diary', '--json'], data).stdout);

describe('backstride session in a terminal', () => {
  it('counts reps, runs a hold and a rest, skips one, stops half-way and logs one session with the answers', async () => {
    const data = withPlan();
    const t = terminal('--day wed --part strength', data);
    await t.waitFor(/Wednesday's session: strength: 4 exercises, about \d+ minutes/);
    await t.waitFor(/Exercise 1 of 4 {2}Superman: 5 reps/);
    t.send(ENTER);
    await t.waitFor(/Rep 0 of 5/);
    for (let i = 0; i < 5; i++) t.send(i % 2 ? ' ' : ENTER);
    // Five reps finish its one set: on to the next, which is skipped.
    await t.waitFor(/Exercise 2 of 4 {2}Squat/);
    t.send('s');
    await t.waitFor(/Exercise 3 of 4 {2}Plank: hold 20 seconds, 3 times/);
    t.send(ENTER);
    await t.waitFor(/Get ready… \d/);
    await t.waitFor(/Hold: +\d+ s left/);
    // The hold runs out on its own, then the rest between sets; Enter skips it.
    await t.waitFor(/Rest 45 s, then set 2 of 3\./);
    t.send(ENTER);
    await t.waitFor(/Set 2 of 3: hold 20 s/);
    t.send('q');
    await t.waitFor(/Stop here\? What you have done is kept/);
    t.send('y');
    await t.waitFor(/Session stopped\.[\s\S]*You did 2 of 4 exercises \(Plank: [12] of 3 sets\)\./);
    await t.waitFor(/How did it feel\?/);
    t.send('2');
    await t.waitFor(/Pain during the session/);
    t.send(`3${ENTER}`);
    await t.waitFor(
      /Logged in your diary: Superman, Plank \(felt about right, pain during 3\/10, stopped early: 2 of 4 exercises\)\./,
    );
    expect(await t.exited).toBe(0);

    // The bell rang as the hold started and ended; the terminal got its cursor back.
    expect(t.raw().split('\x07').length - 1).toBeGreaterThanOrEqual(2);
    expect(t.raw()).toContain('\x1b[?25h');
    expect(t.screen()).toMatch(/Rest: +\d+ s left/);
    // Plain words only: names, never ids.
    expect(t.screen()).not.toMatch(/bird-dog|about-right/);

    const sessions = diary(data).exercise;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      items: ['superman', 'plank'],
      planned: 4,
      feeling: 'about-right',
      painDuring: 3,
    });
    expect(backstride(['diary'], data).stdout).toMatch(
      /Superman, Plank +\(felt about right, pain during 3\/10, stopped early: 2 of 4 exercises\)/,
    );
  }, 30_000);

  it('Ctrl-C stops at once and offers to log what was done; nothing done logs nothing', async () => {
    const data = withPlan();
    const t = terminal('--day Wednesday --part strength', data);
    await t.waitFor(/Exercise 1 of 4 {2}Superman/);
    t.send(ENTER);
    await t.waitFor(/Rep 0 of 5/);
    t.send(ENTER.repeat(5));
    await t.waitFor(/Exercise 2 of 4 {2}Squat/);
    t.send(ENTER + ENTER);
    await t.waitFor(/Rep 1 of 8/);
    // A set cut short by stopping is not counted, as in the web player: Superman is what was done.
    t.send(CTRL_C);
    await t.waitFor(/Session stopped\.[\s\S]*You did 1 of 4 exercises\./);
    await t.waitFor(/Log what you did\? \(y\/n\)/);
    t.send('y');
    await t.waitFor(/How did it feel\?/);
    t.send(ENTER);
    await t.waitFor(/Pain during the session/);
    t.send(ENTER);
    await t.waitFor(/Logged in your diary: Superman \(stopped early: 1 of 4 exercises\)\./);
    expect(await t.exited).toBe(0);
    const [session] = diary(data).exercise;
    expect(session).toMatchObject({ items: ['superman'], planned: 4 });
    expect(session.feeling).toBeUndefined();
    expect(session.painDuring).toBeUndefined();

    const nothing = terminal('--day wed --part strength', data);
    await nothing.waitFor(/Exercise 1 of 4 {2}Superman/);
    nothing.send(CTRL_C);
    await nothing.waitFor(/Nothing was done this time, so there is nothing to log\./);
    expect(await nothing.exited).toBe(0);
    expect(diary(data).exercise).toHaveLength(1);
  }, 30_000);

  it('refuses without a terminal, and bad flags, in one line with exit 2', () => {
    const data = withPlan();
    const cases: [string[], RegExp][] = [
      [
        [],
        /session walks you through your exercises in a terminal; from a script use `backstride log exercise`/,
      ],
      [['--day', 'Funday'], /--day must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, not "Funday"/],
      [['--day', 'Wedding'], /--day must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, not "Wedding"/],
      [['--part', 'cardio'], /--part must be one of before-run, after-run, strength, mobility, not "cardio"/],
    ];
    for (const [args, message] of cases) {
      const r = backstride(['session', ...args], data);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(diary(data).exercise).toEqual([]);
  });
});

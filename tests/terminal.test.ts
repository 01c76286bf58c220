/**
 * The interactive check-in in a real pseudo-terminal (util-linux `script`), driven by keystrokes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeGpx } from '../src/activities/synthetic/gpx.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ANSI_ALL = /\x1b\[[0-9;?]*[A-Za-z]/g;

const root = fileURLToPath(new URL('..', import.meta.url));
const plain = (s: string) => s.replace(ANSI_ALL, '');

/**
 * `backstride assess` in a pseudo-terminal, in its own data folder: empty unless given (then no stored
 * runs answer the running load, and nothing is saved where it matters).
 */
function terminal(data = mkdtempSync(join(tmpdir(), 'backstride-terminal-'))) {
  const child = spawn('script', ['-qfec', 'stty cols 120 rows 50; node bin/backstride assess', '/dev/null'], {
    cwd: root,
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', BACKSTRIDE_DATA: data },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    exited,
    screen: () => plain(out),
    send: (keys: string) => child.stdin.write(keys),
    async waitFor(pattern: RegExp, ms = 8000) {
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
const SPACE = ' ';
const DOWN = '\x1b[B';

const CTRL_C = '\x03';

describe('assess in a terminal', () => {
  it('asks the safety questions first and shows an emergency at once', async () => {
    const t = terminal();
    await t.waitFor(/safety questions/);
    t.send(ENTER); // answer them
    await t.waitFor(/Heart and lungs/);
    t.send(SPACE + ENTER); // chest pain
    await t.waitFor(/When did you last/);
    t.send(ENTER); // now
    await t.waitFor(/Bladder, bowel/);
    t.send(ENTER);
    await t.waitFor(/General health/);
    t.send(ENTER);
    await t.waitFor(/accident/);
    t.send(ENTER);
    // The new group: skin, bladder and kidneys.
    await t.waitFor(/Skin, bladder and kidneys/);
    await t.waitFor(/A band of rash, blisters/);
    t.send(ENTER);
    expect(await t.exited).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('Chest pain, pressure or tightness with the back pain.');
    expect(screen).toMatch(/EMERGENCY: CALL EMERGENCY SERVICES NOW/);
    expect(screen).not.toMatch(/Where does it hurt/);
  });

  it('lets the runner skip the screen and says so in the result', async () => {
    const t = terminal();
    await t.waitFor(/safety questions/);
    t.send(DOWN + ENTER); // skip them
    await t.waitFor(/Where does it hurt/);
    t.send(DOWN.repeat(5) + SPACE + ENTER); // lower back
    // Skip the rest: Enter takes the default (nothing chosen, or the first option on gates, so choose Skip).
    const skipSelect = async (pattern: RegExp, downs: number) => {
      await t.waitFor(pattern);
      t.send(DOWN.repeat(downs) + ENTER);
    };
    for (const p of [/spread anywhere/, /Pain right now/, /at its worst/, /When does it hurt/]) {
      await t.waitFor(p);
      t.send(ENTER);
    }
    await skipSelect(/day-to-day activities/, 2);
    await skipSelect(/How long ago/, 7);
    await skipSelect(/how long does it last/, 5);
    await skipSelect(/keep coming back/, 2);
    for (const p of [/feel like/, /makes it worse/]) {
      await t.waitFor(p);
      t.send(ENTER);
    }
    await skipSelect(/rest or changing position/, 2);
    // Nothing about breathing was chosen, so no clot-risk questions: straight to how it began.
    await skipSelect(/How did it begin/, 8);
    await skipSelect(/Since it began/, 3);
    // What was tried is one checklist (with "Nothing yet"); nothing ticked skips it.
    await t.waitFor(/What have you tried for it\?[\s\S]*Nothing yet/);
    t.send(ENTER);
    await t.waitFor(/Your age/);
    t.send(`41${ENTER}`);
    await skipSelect(/Sex/, 3);
    // Under 45 and how long it has lasted not said: the stiffness follow-ups are offered; skip them.
    await skipSelect(/Stiffness and related conditions/, 1);
    for (const p of [
      /How is the pain sitting with you/,
      /Your running \(/,
      /running form/,
      /Your day/,
      /Your gear/,
      /Self-checks/,
    ])
      await skipSelect(p, 1);
    expect(await t.exited).toBe(0);
    const screen = t.screen();
    expect(screen).not.toMatch(/a few more questions/);
    expect(screen).toMatch(/BOOK AN APPOINTMENT/);
    expect(screen).toMatch(/red-flag screen was skipped/);
  });

  it('asks about clot risk only after "deep breaths" is chosen', async () => {
    const t = terminal();
    await t.waitFor(/safety questions/);
    t.send(ENTER);
    for (const p of [/Heart and lungs/, /Bladder, bowel/, /General health/, /accident/, /Skin, bladder/]) {
      await t.waitFor(p);
      t.send(ENTER); // none of these; no accident
    }
    await t.waitFor(/Where does it hurt/);
    t.send(DOWN.repeat(4) + SPACE + ENTER); // mid back and ribs
    for (const p of [/spread anywhere/, /Pain right now/, /at its worst/, /When does it hurt/]) {
      await t.waitFor(p);
      t.send(ENTER);
    }
    for (const [p, downs] of [
      [/day-to-day activities/, 2],
      [/How long ago/, 2], // 3–6 days
      [/how long does it last/, 5],
      [/keep coming back/, 1],
    ] as const) {
      await t.waitFor(p);
      t.send(DOWN.repeat(downs) + ENTER);
    }
    await t.waitFor(/feel like/);
    t.send(ENTER);
    await t.waitFor(/makes it worse/);
    t.send(SPACE + ENTER); // deep breaths
    await t.waitFor(/rest or changing position/);
    t.send(ENTER);
    await t.waitFor(/Pain on breathing, or breathlessness/);
    t.send(ENTER); // answer them
    await t.waitFor(/A long journey of over 3 hours/);
    t.send(ENTER); // none of these
    await t.waitFor(/How did it begin/);
    t.send(CTRL_C);
    await t.exited;
  });

  it('leaves out the running load when the stored runs answer it, and says so', async () => {
    const data = mkdtempSync(join(tmpdir(), 'backstride-terminal-runs-'));
    const files = mkdtempSync(join(tmpdir(), 'backstride-terminal-gpx-'));
    for (const [i, days] of [2, 6, 9, 13, 16, 20, 23, 27, 30].entries()) {
      const start = Date.now() - days * 86_400_000;
      const samples = syntheticRun({ start, durationS: 1800, seed: i + 1 });
      writeFileSync(
        join(files, `run-${days}.gpx`),
        encodeGpx({ sport: 'running', startTime: start, samples }),
      );
    }
    execFileSync(process.execPath, ['bin/backstride', 'import', files, '--data-dir', data], { cwd: root });

    const t = terminal(data);
    await t.waitFor(/safety questions/);
    t.send(DOWN + ENTER); // skip them
    const answer = async (pattern: RegExp, keys: string) => {
      await t.waitFor(pattern);
      t.send(keys);
    };
    for (const p of [
      /Where does it hurt/,
      /spread anywhere/,
      /Pain right now/,
      /at its worst/,
      /When does it hurt/,
    ])
      await answer(p, ENTER);
    await answer(/day-to-day activities/, DOWN.repeat(2) + ENTER);
    await answer(/How long ago/, DOWN.repeat(7) + ENTER);
    await answer(/how long does it last/, DOWN.repeat(5) + ENTER);
    await answer(/keep coming back/, DOWN.repeat(2) + ENTER);
    for (const p of [/feel like/, /makes it worse/]) await answer(p, ENTER);
    await answer(/rest or changing position/, DOWN.repeat(2) + ENTER);
    await answer(/How did it begin/, DOWN.repeat(8) + ENTER);
    await answer(/Since it began/, DOWN.repeat(3) + ENTER);
    await answer(/What have you tried for it/, ENTER);
    await answer(/Your age/, ENTER);
    await answer(/Sex/, DOWN.repeat(3) + ENTER);
    await answer(/Stiffness and related conditions/, DOWN + ENTER);
    await answer(/How is the pain sitting with you/, DOWN + ENTER);
    await answer(/Your running \(/, ENTER); // answer these
    await t.waitFor(/come from your imported/);
    await t.waitFor(/What changed in the last month/);
    t.send(CTRL_C);
    await t.exited;
    const screen = t.screen();
    for (const gone of [
      /Runs a week\?/,
      /Kilometres in a typical recent week/,
      /Longest run in the last month/,
    ])
      expect(screen).not.toMatch(gone);
  });
});

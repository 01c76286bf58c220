/**
 * The interactive check-in in a real pseudo-terminal (util-linux `script`), driven by keystrokes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ANSI_ALL = /\x1b\[[0-9;?]*[A-Za-z]/g;

const root = fileURLToPath(new URL('..', import.meta.url));
const plain = (s: string) => s.replace(ANSI_ALL, '');

function terminal() {
  const child = spawn('script', ['-qfec', 'stty cols 120 rows 50; node bin/backstride assess', '/dev/null'], {
    cwd: root,
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '' },
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
    await t.waitFor(/Your age/);
    t.send(`41${ENTER}`);
    await t.waitFor(/Sex/);
    t.send(ENTER);
    await t.waitFor(/Where does it hurt/);
    t.send(DOWN.repeat(5) + SPACE + ENTER); // lower back
    // Skip the rest: Enter takes the default (nothing chosen, or the first option on gates, so choose Skip).
    const skipSelect = async (pattern: RegExp, downs: number) => {
      await t.waitFor(pattern);
      t.send(DOWN.repeat(downs) + ENTER);
    };
    for (const p of [/spread anywhere/, /When does it hurt/]) {
      await t.waitFor(p);
      t.send(ENTER);
    }
    await skipSelect(/How long ago/, 7);
    await skipSelect(/how long does it last/, 5);
    for (const p of [/Pain right now/, /at its worst/, /feel like/, /makes it worse/]) {
      await t.waitFor(p);
      t.send(ENTER);
    }
    await skipSelect(/rest or changing position/, 2);
    await skipSelect(/How did it begin/, 4);
    await skipSelect(/Since it began/, 3);
    await skipSelect(/already tried/, 2);
    for (const p of [/Your running \(/, /running form/, /Your day/, /Your gear/, /Self-checks/])
      await skipSelect(p, 1);
    expect(await t.exited).toBe(0);
    const screen = t.screen();
    expect(screen).toMatch(/BOOK AN APPOINTMENT/);
    expect(screen).toMatch(/red-flag screen was skipped/);
  });
});

/**
 * The terminal session player on a fake terminal (a raw-mode stream that takes keystrokes, a string for
 * the screen) and a clock that moves only when the test says: reps counted by key and paced, a hold's
 * get-ready and countdown with the bell at its start and end, a rest skipped, an exercise skipped, stop
 * asked and confirmed, Ctrl-C, and the questions at the end.
 */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type SessionExercise, summarise } from '../session/index.js';
import { askFeedback, playSession, RawTerminal, type SessionClock } from './session-player.js';

const pullApart: SessionExercise = {
  id: 'band-pull-apart',
  name: 'Band pull-apart',
  kind: 'strength',
  dose: { sets: 2, reps: 3, perSide: false },
  doseText: '2×3',
  steps: ['Hold the band at shoulder height.', 'Pull it apart, squeezing the shoulder blades.'],
};
const plank: SessionExercise = {
  id: 'plank',
  name: 'Plank',
  kind: 'strength',
  dose: { sets: 1, holdS: 5, perSide: false },
  doseText: '1×5 s',
  steps: ['Forearms under the shoulders.'],
};
const catCamel: SessionExercise = {
  id: 'cat-camel',
  name: 'Cat-camel',
  kind: 'mobility',
  dose: { sets: 1, reps: 8, perSide: false },
  doseText: '8',
  steps: [],
};
const birdDog: SessionExercise = {
  id: 'bird-dog',
  name: 'Bird dog',
  kind: 'strength',
  dose: { sets: 1, reps: 5, perSide: true },
  doseText: '5 each side',
  steps: [],
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape codes are what is stripped
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** A terminal in memory: keys in, the screen as text, and a clock that moves when told. */
function fakeTerminal(columns?: number) {
  let raw = false;
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (on: boolean) => {
      raw = on;
    },
  });
  let screen = '';
  const output = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        screen += chunk.toString();
        done();
      },
    }),
    { columns },
  );
  let now = 1_700_000_000_000;
  let ticker: (() => void) | undefined;
  const clock: SessionClock = {
    now: () => now,
    every: (_ms, fn) => {
      ticker = fn;
      return () => {
        ticker = undefined;
      };
    },
  };
  const term = new RawTerminal({ input, output, clock, style: { bold: (s) => s, dim: (s) => s } });
  return {
    term,
    isRaw: () => raw,
    /** Everything written, escape codes and bells left out. */
    text: () => screen.replace(ESCAPES, '').replaceAll('\x07', ''),
    /** What was written since `from` characters of the raw output. */
    since: (from: number) => screen.slice(from),
    mark: () => screen.length,
    bells: () => [...screen].filter((c) => c === '\x07').length,
    async press(...keys: string[]) {
      for (const k of keys) {
        input.write(k);
        await new Promise((r) => setImmediate(r));
      }
    },
    advance(ms: number) {
      for (let t = 0; t < ms; t += 200) {
        now += Math.min(200, ms - t);
        ticker?.();
      }
    },
  };
}

const ENTER = '\r';
const CTRL_C = '\x03';

describe('the session in a terminal', () => {
  it('counts reps, runs a hold and a rest, skips one, stops when confirmed, and asks how it felt', async () => {
    const t = fakeTerminal();
    const played = playSession([pullApart, plank, catCamel, birdDog], t.term, { confirmStop: true });
    expect(t.isRaw()).toBe(true);
    expect(t.text()).toMatch(/Exercise 1 of 4 {2}Band pull-apart: 2 sets of 3 reps/);
    expect(t.text()).toContain('  1. Hold the band at shoulder height.');
    expect(t.text()).toMatch(/Enter: start/);

    await t.press(ENTER);
    expect(t.text()).toMatch(/Set 1 of 2: 3 reps/);
    await t.press(ENTER, ' ');
    expect(t.text()).toMatch(/Rep 2 of 3/);
    await t.press(ENTER);
    // The set is done: a strength rest, with its countdown, skipped with Enter.
    expect(t.text()).toMatch(/Rest 45 s, then set 2 of 2\./);
    expect(t.text()).toMatch(/Rest: 45 s left/);
    t.advance(10_000);
    expect(t.text()).toMatch(/Rest: 35 s left/);
    await t.press(ENTER);
    expect(t.text()).toMatch(/Set 2 of 2: 3 reps/);
    // Paced: the clock counts a rep every 3 s.
    await t.press('p');
    expect(t.text()).toMatch(/counted for you every 3 s/);
    t.advance(6_000);
    expect(t.text()).toMatch(/Rep 2 of 3, counted for you/);
    t.advance(3_000);
    expect(t.text()).toMatch(/Exercise 2 of 4 {2}Plank: hold 5 seconds/);

    // The hold: 3 s to get ready, the bell, the countdown, the bell again.
    const bells = t.bells();
    await t.press(ENTER);
    expect(t.text()).toMatch(/One set: hold 5 s/);
    expect(t.text()).toMatch(/Get ready… 3/);
    t.advance(2_000);
    expect(t.text()).toMatch(/Get ready… 1/);
    expect(t.bells()).toBe(bells);
    t.advance(1_000);
    expect(t.bells()).toBe(bells + 1);
    expect(t.text()).toMatch(/Hold: {2}5 s left/);
    t.advance(3_000);
    expect(t.text()).toMatch(/Hold: {2}2 s left/);
    t.advance(2_000);
    expect(t.bells()).toBe(bells + 2);
    expect(t.text()).toMatch(/Exercise 3 of 4 {2}Cat-camel/);

    // Skip the third; on the fourth, q asks first, another key carries on, y stops.
    await t.press('s');
    expect(t.text()).toMatch(/Exercise 4 of 4 {2}Bird dog: 5 reps each side/);
    await t.press('q');
    expect(t.text()).toMatch(/Stop here\? What you have done is kept\./);
    const before = t.mark();
    await t.press('x');
    expect(t.since(before)).toMatch(/Enter: start/);
    await t.press('q', 'y');
    const { state, interrupted } = await played;
    expect(interrupted).toBe(false);
    const summary = summarise(state);
    expect(summary).toMatchObject({
      done: ['band-pull-apart', 'plank'],
      skipped: ['cat-camel'],
      planned: 4,
      stopped: true,
    });

    // The questions: 3 is hard; 12 is refused, then 4.
    const answers = askFeedback(t.term);
    expect(t.text()).toMatch(/How did it feel\? 1 easy · 2 about right · 3 hard · Enter to skip/);
    await t.press('3');
    expect(t.text()).toMatch(/How did it feel\? hard/);
    await t.press('1', '2', ENTER);
    expect(t.text()).toMatch(/From 0 to 10, please\./);
    await t.press('5', '\x7f', '4', ENTER);
    expect(await answers).toEqual({ feeling: 'hard', painDuring: 4 });
    t.term.close();
    expect(t.isRaw()).toBe(false);
    expect(t.since(0)).toContain('\x1b[?25h');
  });

  it('stops at once on Ctrl-C, and skips both questions with Enter', async () => {
    const t = fakeTerminal();
    const played = playSession([plank, catCamel], t.term, { confirmStop: true });
    await t.press(ENTER);
    t.advance(4_000); // 1 s into the hold
    await t.press(CTRL_C);
    const { state, interrupted } = await played;
    expect(interrupted).toBe(true);
    expect(summarise(state)).toMatchObject({ done: [], stopped: true });
    const answers = askFeedback(t.term);
    await t.press(ENTER, ENTER);
    expect(await answers).toEqual({});
    t.term.close();
    expect(t.isRaw()).toBe(false);
  });

  it('with confirmStop off, q stops at once; n and b move between exercises', async () => {
    const t = fakeTerminal();
    const played = playSession([catCamel, plank], t.term, { confirmStop: false });
    await t.press('n'); // from the introduction into the reps
    await t.press(ENTER, ENTER); // two reps
    await t.press('n'); // a set cut short still counts
    expect(t.text()).toMatch(/Exercise 2 of 2 {2}Plank/);
    await t.press('b');
    expect(t.text().match(/Exercise 1 of 2 {2}Cat-camel/g)).toHaveLength(2);
    await t.press('q');
    const { state } = await played;
    expect(summarise(state)).toMatchObject({ done: ['cat-camel'], planned: 2, stopped: true });
    t.term.close();
  });

  it('cuts the status line to a narrow terminal, so redrawing it leaves nothing behind', async () => {
    const t = fakeTerminal(40);
    const played = playSession([pullApart], t.term, { confirmStop: true });
    await t.press(ENTER);
    const from = t.mark();
    await t.press(ENTER);
    const drawn = t.since(from).split('\r\x1b[2K').filter(Boolean);
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect(line.length).toBeLessThan(40);
    expect(drawn.at(-1)).toMatch(/^ {2}Rep 1 of 3 .*…$/);
    await t.press(CTRL_C);
    await played;
    t.term.close();
  });
});

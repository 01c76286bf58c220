/**
 * The guided session in a terminal: the pure state machine of src/session with a clock, keypresses in
 * raw mode and one status line redrawn in place (a rep count, a hold's countdown, a rest's). The
 * terminal bell marks a hold's start and end and a rest's end. It ends with how it felt and the pain
 * during, asked the same way. The streams and the clock are passed in, so tests drive it with a fake
 * terminal and a clock that only moves when told.
 */
import { emitKeypressEvents } from 'node:readline';
import type { SessionFeeling } from '../diary/types.js';
import { cancelled } from '../errors.js';
import {
  begin,
  type Cue,
  exerciseOf,
  holdState,
  next,
  type Phase,
  phaseOf,
  previous,
  repMs,
  restLeftS,
  SESSION_DEFAULTS,
  type SessionExercise,
  type SessionState,
  type Step,
  setPaced,
  skipExercise,
  spokenDose,
  startSession,
  stop,
  tapRep,
  tick,
} from '../session/index.js';

/** The time the session runs on: `now` in epoch ms, and a repeating timer. */
export type SessionClock = { now: () => number; every: (ms: number, fn: () => void) => () => void };

/**
 * The wall clock, `speed` times faster (1 for people; tests and demonstrations run it faster so a 20 s
 * hold takes a second).
 */
export function wallClock(speed = 1): SessionClock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * speed,
    every: (ms, fn) => {
      const id = setInterval(fn, Math.max(10, ms / speed));
      return () => clearInterval(id);
    },
  };
}

/** A terminal: keys come in on `input` (a TTY put in raw mode), everything is written to `output`. */
export type SessionTerminal = {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  output: NodeJS.WritableStream;
  clock: SessionClock;
  style: { bold: (s: string) => string; dim: (s: string) => string };
};

type Key = { name?: string; ctrl?: boolean; sequence?: string };
type KeyHandler = (text: string | undefined, key: Key) => void;

const BELL = '\x07';
const CLEAR_LINE = '\r\x1b[2K';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is removed
const ANSI = /\x1b\[[0-9;]*m/g;
const isCtrlC = (key: Key) => key.ctrl === true && key.name === 'c';
const isEnter = (key: Key) => key.name === 'return' || key.name === 'enter';

/**
 * The terminal in raw mode with one key handler at a time, and a status line redrawn in place.
 * `close` gives the terminal back as it was (also on process exit, should anything go wrong).
 */
export class RawTerminal {
  private handler: KeyHandler | undefined;
  private status = '';
  private readonly listener = (text: string | undefined, key: Key | undefined) =>
    this.handler?.(text, key ?? { sequence: text });
  private readonly restoreOnExit = () => this.restore();
  /** Killed mid-session (a closed window, `kill`): the terminal is given back before the process ends. */
  private readonly restoreOnSignal = (signal: NodeJS.Signals) => {
    this.restore();
    process.exit(signal === 'SIGHUP' ? 129 : 143);
  };
  private closed = false;

  constructor(readonly t: SessionTerminal) {
    emitKeypressEvents(t.input);
    t.input.setRawMode?.(true);
    t.input.on('keypress', this.listener);
    t.input.resume();
    t.output.write(HIDE_CURSOR);
    process.once('exit', this.restoreOnExit);
    process.once('SIGTERM', this.restoreOnSignal);
    process.once('SIGHUP', this.restoreOnSignal);
  }

  onKey(handler: KeyHandler | undefined): void {
    this.handler = handler;
  }

  /** Print whole lines above the status line, which is drawn again under them. */
  lines(...lines: string[]): void {
    this.t.output.write(`${CLEAR_LINE}${lines.join('\n')}\n${this.status}`);
  }

  /**
   * Redraw the status line, when it changed. It must fit on one row, or clearing it would leave its
   * first part behind: on a narrow terminal it is cut, without its colours.
   */
  setStatus(text: string): void {
    const columns = (this.t.output as { columns?: number }).columns;
    const bare = text.replace(ANSI, '');
    const fitted = columns && bare.length >= columns ? `${bare.slice(0, columns - 2)}…` : text;
    if (fitted === this.status) return;
    this.status = fitted;
    this.t.output.write(`${CLEAR_LINE}${fitted}`);
  }

  /** End the status line where it stands, so what comes next starts on a line of its own. */
  settle(): void {
    if (this.status) this.t.output.write('\n');
    this.status = '';
  }

  bell(): void {
    this.t.output.write(BELL);
  }

  private restore(): void {
    this.t.input.setRawMode?.(false);
    this.t.output.write(SHOW_CURSOR);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.settle();
    this.handler = undefined;
    this.t.input.off('keypress', this.listener);
    this.restore();
    this.t.input.pause();
    process.off('exit', this.restoreOnExit);
    process.off('SIGTERM', this.restoreOnSignal);
    process.off('SIGHUP', this.restoreOnSignal);
  }
}

/** How the session ended: its last state, and whether Ctrl-C ended it. */
export type Played = { state: SessionState; interrupted: boolean };

const sideWords = (p: { side?: string }) => (p.side ? `, ${p.side} side` : '');
const setWords = (p: { set: number; sets: number }) => (p.sets > 1 ? `Set ${p.set} of ${p.sets}` : 'One set');

/** The lines printed when a phase begins. */
function phaseLines(state: SessionState, t: SessionTerminal): string[] {
  const p = phaseOf(state);
  const e = exerciseOf(state);
  if (!e || p.kind === 'end') return [];
  const { bold, dim } = t.style;
  switch (p.kind) {
    case 'intro': {
      const dose = e.dose ? `: ${spokenDose(e)}` : ', at your own pace';
      return [
        '',
        `${dim(`Exercise ${p.ex + 1} of ${state.exercises.length}`)}  ${bold(e.name)}${dose}`,
        ...e.steps.map((s, i) => `  ${i + 1}. ${s}`),
        ...(e.easier ? [`  Easier version: ${e.easier}`] : []),
      ];
    }
    case 'reps':
      return [
        `  ${setWords(p)}${sideWords(p)}: ${p.target} reps${p.pauseS ? `, pausing ${p.pauseS} s in each` : ''}`,
      ];
    case 'hold':
      return [`  ${setWords(p)}${sideWords(p)}: hold ${p.seconds} s`];
    case 'breaths':
      return [`  ${setWords(p)}${sideWords(p)}: ${p.target} slow breaths`];
    case 'free':
      return ['  Do it at your own pace, as the steps say.'];
    case 'rest':
      return [`  Rest ${p.seconds} s, then ${p.next}.`];
  }
}

/** The status line of a phase at `now`: counts, countdowns, and the keys that do something here. */
function statusLine(state: SessionState, now: number, t: SessionTerminal): string {
  const p: Phase = phaseOf(state);
  const { dim } = t.style;
  switch (p.kind) {
    case 'intro':
      return `  Enter: start  ${dim('n next · b back · s skip · q stop')}`;
    case 'reps': {
      const counted = `  Rep ${state.count} of ${p.target}`;
      return state.paced
        ? `${counted}, counted for you every ${repMs(p) / 1000} s  ${dim('p: count yourself · n done · q stop')}`
        : `${counted}  ${dim('Enter or space: a rep · p: count for me · n done · q stop')}`;
    }
    case 'hold': {
      const h = holdState(state, now);
      return h.stage === 'ready'
        ? `  Get ready… ${h.leftS}  ${dim('n done · q stop')}`
        : `  Hold: ${String(h.leftS).padStart(2)} s left  ${dim('n done · q stop')}`;
    }
    case 'breaths':
      return `  Breath ${state.count} of ${p.target}, in and out slowly (${SESSION_DEFAULTS.breathS} s each)  ${dim('n done · q stop')}`;
    case 'free':
      return `  Enter: done  ${dim('s skip · b back · q stop')}`;
    case 'rest':
      return `  Rest: ${String(restLeftS(state, now)).padStart(2)} s left  ${dim('Enter: skip the rest · q stop')}`;
    case 'end':
      return '';
  }
}

/** Cues a terminal can give: the bell when a hold starts or ends and when a rest is over. */
const rings = (cues: Cue[]) =>
  cues.some((c) => c.kind === 'hold-start' || c.kind === 'hold-end' || c.kind === 'rest-end');

/**
 * Walk the exercises: Enter starts an exercise, counts a rep, skips a rest or finishes an undosed
 * routine; `p` turns the paced count on and off; `n` next, `b` back, `s` skip the exercise, `q` stop
 * (after a yes unless `confirmStop` is false); Ctrl-C stops at once. Resolves when the session ends.
 */
export function playSession(
  exercises: SessionExercise[],
  term: RawTerminal,
  options: { confirmStop: boolean },
): Promise<Played> {
  const { clock, style } = term.t;
  let state = startSession(exercises, clock.now());
  let shown = '';
  let askingStop = false;
  term.lines(
    style.dim(
      'Keys: Enter start, count a rep or skip a rest · p paced count · n next · b back · s skip exercise · q stop',
    ),
  );

  return new Promise<Played>((resolve) => {
    let stopClock = () => {};
    const finish = (interrupted: boolean) => {
      stopClock();
      term.onKey(undefined);
      term.setStatus('');
      resolve({ state, interrupted });
    };
    const render = () => {
      const key = `${state.at}@${state.since}`;
      if (key !== shown) {
        shown = key;
        term.setStatus('');
        const lines = phaseLines(state, term.t);
        if (lines.length) term.lines(...lines);
      }
      if (askingStop)
        term.setStatus(`  Stop here? What you have done is kept.  y: stop · any other key: carry on`);
      else term.setStatus(statusLine(state, clock.now(), term.t));
    };
    const apply = (step: Step) => {
      state = step.state;
      if (rings(step.cues)) term.bell();
      if (phaseOf(state).kind === 'end') return finish(false);
      render();
    };
    const act = (fn: (s: SessionState, now: number) => Step) => apply(fn(state, clock.now()));

    term.onKey((text, key) => {
      if (isCtrlC(key)) {
        state = stop(state, clock.now()).state;
        return finish(true);
      }
      if (askingStop) {
        askingStop = false;
        if (text === 'y' || text === 'Y') return act(stop);
        return render();
      }
      const p = phaseOf(state);
      const name = key.name ?? text;
      if (name === 'q') {
        if (!options.confirmStop) return act(stop);
        askingStop = true;
        return render();
      }
      if (name === 'n') return act(next);
      if (name === 'b') return act(previous);
      if (name === 's') return act(skipExercise);
      if (name === 'p' && p.kind === 'reps') return act((s, now) => setPaced(s, !s.paced, now));
      const enter = isEnter(key);
      const space = name === 'space' || text === ' ';
      if (!enter && !space) return;
      if (p.kind === 'intro') return act(begin);
      if (p.kind === 'reps') return act(tapRep);
      if (enter && (p.kind === 'rest' || p.kind === 'free')) return act(next);
    });
    stopClock = clock.every(200, () => apply(tick(state, clock.now())));
    render();
  });
}

/** One key for a yes or no question; Ctrl-C gives up. */
export function askYesNo(term: RawTerminal, question: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    term.setStatus(`${question} (y/n) `);
    term.onKey((text, key) => {
      if (isCtrlC(key)) return reject(cancelled('session stopped; nothing was logged'));
      const answer = (text ?? '').toLowerCase();
      if (answer !== 'y' && answer !== 'n') return;
      term.setStatus(`${question} ${answer === 'y' ? 'yes' : 'no'}`);
      term.settle();
      term.onKey(undefined);
      resolve(answer === 'y');
    });
  });
}

const FEELINGS: { key: string; value: SessionFeeling; words: string }[] = [
  { key: '1', value: 'easy', words: 'easy' },
  { key: '2', value: 'about-right', words: 'about right' },
  { key: '3', value: 'hard', words: 'hard' },
];

/** "How did it feel?": one key, 1 easy, 2 about right, 3 hard; Enter skips. */
function askFeeling(term: RawTerminal): Promise<SessionFeeling | undefined> {
  const question = 'How did it feel?';
  return new Promise((resolve, reject) => {
    term.setStatus(`${question} 1 easy · 2 about right · 3 hard · Enter to skip `);
    term.onKey((text, key) => {
      if (isCtrlC(key)) return reject(cancelled('session stopped; nothing was logged'));
      const chosen = FEELINGS.find((f) => f.key === text);
      if (!chosen && !isEnter(key)) return;
      term.setStatus(`${question} ${chosen ? chosen.words : 'skipped'}`);
      term.settle();
      term.onKey(undefined);
      resolve(chosen?.value);
    });
  });
}

/** "Pain during the session": digits then Enter (0 to 10), Backspace to correct; Enter alone skips. */
function askPainDuring(term: RawTerminal): Promise<number | undefined> {
  const question = 'Pain during the session, 0 (none) to 10 (worst), Enter to skip:';
  let typed = '';
  let problem = '';
  return new Promise((resolve, reject) => {
    const show = () => term.setStatus(`${question} ${typed}${problem ? `  ${problem}` : ''}`);
    show();
    term.onKey((text, key) => {
      if (isCtrlC(key)) return reject(cancelled('session stopped; nothing was logged'));
      if (isEnter(key)) {
        const n = Number(typed);
        if (typed !== '' && n > 10) {
          problem = 'From 0 to 10, please.';
          typed = '';
          return show();
        }
        term.settle();
        term.onKey(undefined);
        return resolve(typed === '' ? undefined : n);
      }
      if (key.name === 'backspace') typed = typed.slice(0, -1);
      else if (text && /^\d$/.test(text) && typed.length < 2) typed += text;
      problem = '';
      show();
    });
  });
}

/** How the session went, as the runner answers at the end. */
export type SessionAnswers = { feeling?: SessionFeeling; painDuring?: number };

/** Ask how it felt and the pain during; either may be skipped. */
export async function askFeedback(term: RawTerminal): Promise<SessionAnswers> {
  const feeling = await askFeeling(term);
  const painDuring = await askPainDuring(term);
  return { ...(feeling ? { feeling } : {}), ...(painDuring !== undefined ? { painDuring } : {}) };
}

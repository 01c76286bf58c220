/**
 * A guided exercise session as a pure state machine, shared by the web player and `backstride session`.
 *
 * The day's exercises become a list of phases: an introduction to each exercise, then its work (counted
 * reps, a timed hold, paced breaths, or an undosed routine done at the runner's pace), set by set and
 * side by side, with rests between sets. The runner's actions (start, tap a rep, next, previous, skip,
 * stop) and the clock (`tick`) move it on; every step returns the cues a player turns into beeps,
 * vibration or speech. Nothing here reads a clock or touches a device, so tests drive it with numbers.
 *
 * The sources give doses (sets, reps, holds, breaths) but no rest times or tempo, so those are
 * Backstride defaults, gathered in `SESSION_DEFAULTS`.
 */
import type { ScheduledItem } from '../schedule/build.js';
import type { CurrentDose } from '../schedule/dose.js';

/** Backstride defaults: the sources say nothing about rests or tempo. */
export const SESSION_DEFAULTS = {
  /** Rest between sets of a strength exercise. */
  strengthRestS: 45,
  /** Rest between sets of anything else (stretches, mobility, breathing). */
  otherRestS: 20,
  /** Seconds to get into position before a hold starts counting. */
  getReadyS: 3,
  /** Seconds for one rep's movement, out and back, on top of any pause the dose asks for. */
  repMoveS: 3,
  /** Seconds for one slow breath, in and out. */
  breathS: 8,
} as const;

/** One exercise of the session, as the plan's schedule gives it. */
export type SessionExercise = {
  id: string;
  name: string;
  kind: 'strength' | 'mobility' | 'stretch' | 'breathing' | 'warm-up' | 'routine';
  /** Today's dose; absent for an undosed routine, which is done at the runner's pace. */
  dose?: CurrentDose;
  doseText: string;
  steps: string[];
  /** The easier variant's text, when the dose is the easier version. */
  easier?: string;
};

/**
 * The exercises of a day's parts, as the player takes them: each once, in order (a routine's exercises
 * may come back in a later part).
 */
export function sessionExercises(parts: readonly { items: readonly ScheduledItem[] }[]): SessionExercise[] {
  const seen = new Set<string>();
  return parts
    .flatMap((g) => g.items)
    .filter((i) => !seen.has(i.id) && seen.add(i.id))
    .map((i) => ({
      id: i.id,
      name: i.name,
      kind: i.kind,
      ...(i.dose ? { dose: i.dose } : {}),
      doseText: i.doseText,
      steps: i.steps,
      ...(i.easier ? { easier: i.easier } : {}),
    }));
}

export type Side = 'left' | 'right';

type Work = { ex: number; set: number; sets: number; side?: Side };
export type Phase =
  | { kind: 'intro'; ex: number }
  | (Work & { kind: 'reps'; target: number; pauseS?: number })
  | (Work & { kind: 'hold'; seconds: number })
  | (Work & { kind: 'breaths'; target: number })
  | { kind: 'free'; ex: number }
  | { kind: 'rest'; ex: number; seconds: number /** What comes after, in words. */; next: string }
  | { kind: 'end' };

/** Something the player should signal: a beep, a buzz, a spoken line. */
export type Cue =
  | { kind: 'hold-start'; say: string }
  | { kind: 'hold-end'; say: string }
  | { kind: 'rest-start'; say: string }
  | { kind: 'rest-end'; say: string }
  | { kind: 'rep'; count: number; say: string }
  | { kind: 'breath'; count: number; say: string }
  | { kind: 'exercise'; say: string }
  | { kind: 'end'; say: string };

export type SessionState = {
  exercises: SessionExercise[];
  phases: Phase[];
  at: number;
  /** When the current phase began (epoch ms of the caller's clock). */
  since: number;
  /** Reps or breaths counted in the current phase. */
  count: number;
  /** While counting is paced: when pacing began and the count then. */
  paced?: { since: number; from: number };
  /** Sets completed, per exercise index. */
  setsDone: number[];
  /** Exercises the runner skipped. */
  skipped: number[];
  /** Stopped before the end. */
  stopped: boolean;
};

export type Step = { state: SessionState; cues: Cue[] };

/**
 * The phases for a list of exercises: an introduction each, then its sets.
 * @example phasesFor([{ id: 'plank', name: 'Plank', kind: 'strength', dose: { sets: 3, holdS: 20, perSide: false }, doseText: '3×20 s', steps: [] }])
 */
export function phasesFor(exercises: SessionExercise[]): Phase[] {
  const out: Phase[] = [];
  exercises.forEach((e, ex) => {
    out.push({ kind: 'intro', ex });
    const d = e.dose;
    const work = d ? workOf(d) : undefined;
    if (!d || !work) {
      out.push({ kind: 'free', ex });
      return;
    }
    const sets = Math.max(1, d.sets ?? 1);
    const sides: (Side | undefined)[] = d.perSide ? ['left', 'right'] : [undefined];
    const restS = e.kind === 'strength' ? SESSION_DEFAULTS.strengthRestS : SESSION_DEFAULTS.otherRestS;
    for (let set = 1; set <= sets; set++) {
      for (const side of sides) out.push({ ...work, ex, set, sets, ...(side ? { side } : {}) } as Phase);
      if (set < sets) out.push({ kind: 'rest', ex, seconds: restS, next: `set ${set + 1} of ${sets}` });
    }
  });
  out.push({ kind: 'end' });
  return out;
}

type WorkShape =
  | { kind: 'reps'; target: number; pauseS?: number }
  | { kind: 'hold'; seconds: number }
  | { kind: 'breaths'; target: number };

function workOf(d: CurrentDose): WorkShape | undefined {
  if (d.reps !== undefined) return { kind: 'reps', target: d.reps, ...(d.holdS ? { pauseS: d.holdS } : {}) };
  if (d.holdS !== undefined) return { kind: 'hold', seconds: d.holdS };
  if (d.breaths !== undefined) return { kind: 'breaths', target: d.breaths };
  return undefined;
}

/** A new session, at its first exercise's introduction. */
export function startSession(exercises: SessionExercise[], now: number): SessionState {
  return {
    exercises,
    phases: phasesFor(exercises),
    at: 0,
    since: now,
    count: 0,
    setsDone: exercises.map(() => 0),
    skipped: [],
    stopped: false,
  };
}

export const phaseOf = (s: SessionState): Phase => s.phases[s.at] ?? { kind: 'end' };

/**
 * A session picked up again after the page was closed or reloaded: where it was, with the counts and
 * sets done kept, and the current phase's clock started afresh (a hold gets its time to get ready again,
 * a rest runs in full, paced counting waits to be asked for again).
 * @example const again = resumeSession(JSON.parse(saved), Date.now());
 */
export function resumeSession(s: SessionState, now: number): SessionState {
  const { paced: _paced, ...rest } = s;
  return { ...rest, since: now };
}

/** Whether a stored value looks like a session state this version can pick up (for data kept in a browser). */
export function isSessionState(v: unknown): v is SessionState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SessionState>;
  return (
    Array.isArray(s.exercises) &&
    Array.isArray(s.phases) &&
    s.phases.length > 0 &&
    Number.isInteger(s.at) &&
    (s.at as number) >= 0 &&
    (s.at as number) < s.phases.length &&
    typeof s.since === 'number' &&
    typeof s.count === 'number' &&
    Array.isArray(s.setsDone) &&
    Array.isArray(s.skipped) &&
    typeof s.stopped === 'boolean' &&
    s.phases.every((p) => typeof p === 'object' && p !== null && typeof (p as Phase).kind === 'string')
  );
}
export const exerciseOf = (s: SessionState): SessionExercise | undefined => {
  const p = phaseOf(s);
  return p.kind === 'end' ? undefined : s.exercises[p.ex];
};

/** Milliseconds a rep takes when paced: the movement and the dose's pause. */
export const repMs = (p: { pauseS?: number }) => (SESSION_DEFAULTS.repMoveS + (p.pauseS ?? 0)) * 1000;

/** Where a hold stands at `now`: getting ready, holding (with seconds left), or finished. */
export function holdState(s: SessionState, now: number): { stage: 'ready' | 'hold' | 'over'; leftS: number } {
  const p = phaseOf(s);
  if (p.kind !== 'hold') return { stage: 'over', leftS: 0 };
  const ready = s.since + SESSION_DEFAULTS.getReadyS * 1000;
  if (now < ready) return { stage: 'ready', leftS: Math.ceil((ready - now) / 1000) };
  const end = ready + p.seconds * 1000;
  if (now < end) return { stage: 'hold', leftS: Math.ceil((end - now) / 1000) };
  return { stage: 'over', leftS: 0 };
}

/** Seconds left of a rest. */
export function restLeftS(s: SessionState, now: number): number {
  const p = phaseOf(s);
  return p.kind === 'rest' ? Math.max(0, Math.ceil((s.since + p.seconds * 1000 - now) / 1000)) : 0;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────

/** Move to phase `at`, with the cues that arriving there gives. */
function goTo(s: SessionState, at: number, now: number, cues: Cue[] = []): Step {
  const { paced: _paced, ...rest } = s;
  const next: SessionState = { ...rest, at: Math.min(at, s.phases.length - 1), since: now, count: 0 };
  const p = phaseOf(next);
  const e = exerciseOf(next);
  if (p.kind === 'intro' && e) cues.push({ kind: 'exercise', say: `Next: ${e.name}, ${spokenDose(e)}.` });
  if (p.kind === 'rest') cues.push({ kind: 'rest-start', say: `Rest for ${p.seconds} seconds.` });
  if (p.kind === 'hold')
    cues.push({ kind: 'exercise', say: `Get into position${p.side ? `, ${p.side} side` : ''}.` });
  if (p.kind === 'breaths') {
    // Breaths are always paced: nobody taps while breathing slowly.
    next.paced = { since: now, from: 0 };
    cues.push({ kind: 'exercise', say: 'Breathe in slowly.' });
  }
  if (p.kind === 'end') cues.push({ kind: 'end', say: 'Session finished. Well done.' });
  return { state: next, cues };
}

/** The work phase is finished: count the set (on its last side), then go on. */
function finishWork(s: SessionState, now: number, cues: Cue[] = []): Step {
  const p = phaseOf(s);
  let state = s;
  if ((p.kind === 'reps' || p.kind === 'hold' || p.kind === 'breaths') && p.side !== 'left') {
    const setsDone = [...s.setsDone];
    setsDone[p.ex] = Math.max(setsDone[p.ex] ?? 0, p.set);
    state = { ...s, setsDone };
  }
  if (p.kind === 'free') {
    const setsDone = [...s.setsDone];
    setsDone[p.ex] = 1;
    state = { ...s, setsDone };
  }
  return goTo(state, s.at + 1, now, cues);
}

/** Start: from an introduction into the exercise's first set. */
export function begin(s: SessionState, now: number): Step {
  return phaseOf(s).kind === 'intro' ? goTo(s, s.at + 1, now) : { state: s, cues: [] };
}

/** One rep tapped (or a breath). Reaching the target finishes the set. */
export function tapRep(s: SessionState, now: number): Step {
  const p = phaseOf(s);
  if (p.kind !== 'reps' && p.kind !== 'breaths') return { state: s, cues: [] };
  const count = s.count + 1;
  const cues: Cue[] = [{ kind: p.kind === 'reps' ? 'rep' : 'breath', count, say: String(count) }];
  if (count >= p.target) return finishWork({ ...s, count }, now, cues);
  return { state: { ...s, count }, cues };
}

/** Turn the paced count on or off (reps only; breaths are always paced). */
export function setPaced(s: SessionState, on: boolean, now: number): Step {
  const p = phaseOf(s);
  if (p.kind !== 'reps') return { state: s, cues: [] };
  if (on) return { state: { ...s, paced: { since: now, from: s.count } }, cues: [] };
  const { paced: _paced, ...rest } = s;
  return { state: rest, cues: [] };
}

/**
 * The clock moved to `now`: holds start and end, rests run out, paced counts go up. Several things may
 * happen in one tick (a page that slept); each gives its cue, in order.
 */
export function tick(s: SessionState, now: number): Step {
  const cues: Cue[] = [];
  let state = s;
  for (let guard = 0; guard < 1000; guard++) {
    const p = phaseOf(state);
    if (p.kind === 'hold') {
      const ready = state.since + SESSION_DEFAULTS.getReadyS * 1000;
      const end = ready + p.seconds * 1000;
      if (now >= ready && state.count === 0) {
        // count marks "hold started" so the cue is given once.
        state = { ...state, count: 1 };
        cues.push({ kind: 'hold-start', say: `Hold for ${p.seconds} seconds.` });
      }
      if (now >= end) {
        const done = finishWork(state, end, [{ kind: 'hold-end', say: 'And relax.' }]);
        state = done.state;
        cues.push(...done.cues);
        continue;
      }
      break;
    }
    if (p.kind === 'rest') {
      const end = state.since + p.seconds * 1000;
      if (now < end) break;
      const done = goTo(state, state.at + 1, end, [{ kind: 'rest-end', say: `Rest over: ${p.next}.` }]);
      state = done.state;
      cues.push(...done.cues);
      continue;
    }
    if ((p.kind === 'reps' || p.kind === 'breaths') && state.paced) {
      const every = p.kind === 'reps' ? repMs(p) : SESSION_DEFAULTS.breathS * 1000;
      const due = state.paced.from + Math.floor((now - state.paced.since) / every);
      if (due <= state.count) break;
      const at = state.paced.since + (state.count + 1 - state.paced.from) * every;
      const step = tapRep(state, at);
      state = step.state;
      cues.push(...step.cues);
      continue;
    }
    break;
  }
  return { state, cues };
}

/** Next: finish the current step as done (a set cut short counts), or leave a rest or introduction. */
export function next(s: SessionState, now: number): Step {
  const p = phaseOf(s);
  if (p.kind === 'end') return { state: s, cues: [] };
  if (p.kind === 'intro') return begin(s, now);
  if (p.kind === 'rest') return goTo(s, s.at + 1, now);
  // A set cut short counts only if something was done in it.
  if ((p.kind === 'reps' || p.kind === 'breaths') && s.count === 0) return goTo(s, s.at + 1, now);
  if (p.kind === 'hold' && now < s.since + SESSION_DEFAULTS.getReadyS * 1000) return goTo(s, s.at + 1, now);
  return finishWork(s, now);
}

/**
 * Back: from inside an exercise to its introduction; from an introduction (or the end) to the one
 * before. An exercise gone back to is no longer skipped.
 */
export function previous(s: SessionState, now: number): Step {
  const p = phaseOf(s);
  const ex = p.kind === 'end' ? s.exercises.length - 1 : p.kind === 'intro' ? Math.max(0, p.ex - 1) : p.ex;
  const at = s.phases.findIndex((q) => q.kind === 'intro' && q.ex === ex);
  if (at < 0) return { state: s, cues: [] };
  return goTo({ ...s, skipped: s.skipped.filter((i) => i !== ex), stopped: false }, at, now);
}

/** Skip the rest of this exercise: it is not logged unless a set was already done. */
export function skipExercise(s: SessionState, now: number): Step {
  const p = phaseOf(s);
  if (p.kind === 'end') return { state: s, cues: [] };
  const after = s.phases.findIndex((q, i) => i > s.at && (q.kind === 'intro' || q.kind === 'end'));
  const skipped = (s.setsDone[p.ex] ?? 0) > 0 ? s.skipped : [...new Set([...s.skipped, p.ex])];
  return goTo({ ...s, skipped }, after, now);
}

/** Stop here: the session ends with what was done so far. */
export function stop(s: SessionState, now: number): Step {
  const end = s.phases.length - 1;
  const stopped = phaseOf(s).kind !== 'end';
  return goTo({ ...s, stopped }, end, now);
}

// ── The result ─────────────────────────────────────────────────────────────────────────────

export type SessionSummary = {
  /** Ids of the exercises with at least one set done, in session order: what is logged. */
  done: string[];
  /** Exercises with every set done. */
  complete: string[];
  /** Exercises with some but not all sets. */
  partial: { id: string; name: string; setsDone: number; sets: number }[];
  skipped: string[];
  planned: number;
  stopped: boolean;
};

/** What the session did, for the log and the closing screen. */
export function summarise(s: SessionState): SessionSummary {
  const sets = (e: SessionExercise) => (e.dose && workOf(e.dose) ? Math.max(1, e.dose.sets ?? 1) : 1);
  const done: string[] = [];
  const complete: string[] = [];
  const partial: SessionSummary['partial'] = [];
  const skipped: string[] = [];
  s.exercises.forEach((e, i) => {
    const n = s.setsDone[i] ?? 0;
    if (n > 0) done.push(e.id);
    if (n >= sets(e)) complete.push(e.id);
    else if (n > 0) partial.push({ id: e.id, name: e.name, setsDone: n, sets: sets(e) });
    else if (s.skipped.includes(i)) skipped.push(e.id);
  });
  return {
    done: [...new Set(done)],
    complete,
    partial,
    skipped,
    planned: s.exercises.length,
    stopped: s.stopped,
  };
}

/** The dose as a sentence for speech: "3 sets of 10", "hold 20 seconds, 3 times". */
export function spokenDose(e: SessionExercise): string {
  const d = e.dose;
  if (!d) return 'at your own pace';
  const side = d.perSide ? ' each side' : '';
  const sets = d.sets && d.sets > 1 ? `${d.sets} sets of ` : '';
  if (d.reps !== undefined) return `${sets}${d.reps} reps${side}`;
  if (d.holdS !== undefined)
    return `hold ${d.holdS} seconds${side}${d.sets && d.sets > 1 ? `, ${d.sets} times` : ''}`;
  if (d.breaths !== undefined) return `${sets}${d.breaths} slow breaths`;
  return 'at your own pace';
}

/** About how long the session takes, in whole minutes (at least 1). */
export function estimateMinutes(exercises: SessionExercise[]): number {
  let ms = 0;
  for (const p of phasesFor(exercises)) {
    if (p.kind === 'intro') ms += 20_000;
    else if (p.kind === 'reps') ms += p.target * repMs(p);
    else if (p.kind === 'hold') ms += (p.seconds + SESSION_DEFAULTS.getReadyS) * 1000;
    else if (p.kind === 'breaths') ms += p.target * SESSION_DEFAULTS.breathS * 1000;
    else if (p.kind === 'rest') ms += p.seconds * 1000;
    else if (p.kind === 'free') ms += 120_000;
  }
  return Math.max(1, Math.round(ms / 60_000));
}

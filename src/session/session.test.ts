/**
 * The guided session's state machine, driven with plain numbers for the clock: the phases a dose makes,
 * counted and paced reps, holds with their get-ready and cues, rests, next/previous/skip, stopping
 * half-way, and what is logged.
 */
import { describe, expect, it } from 'vitest';
import {
  begin,
  estimateMinutes,
  holdState,
  isSessionState,
  next,
  phaseOf,
  phasesFor,
  previous,
  restLeftS,
  resumeSession,
  SESSION_DEFAULTS,
  type SessionExercise,
  type SessionState,
  setPaced,
  skipExercise,
  startSession,
  stop,
  summarise,
  tapRep,
  tick,
} from './index.js';

const plank: SessionExercise = {
  id: 'plank',
  name: 'Plank',
  kind: 'strength',
  dose: { sets: 3, holdS: 20, perSide: false },
  doseText: '3×20 s',
  steps: [],
};
const pullApart: SessionExercise = {
  id: 'band-pull-apart',
  name: 'Band pull-apart',
  kind: 'strength',
  dose: { sets: 2, reps: 12, perSide: false },
  doseText: '2×12',
  steps: [],
};
const stretch: SessionExercise = {
  id: 'doorway-chest-stretch',
  name: 'Doorway chest stretch',
  kind: 'stretch',
  dose: { sets: 2, holdS: 30, perSide: true },
  doseText: '2×30 s each side',
  steps: [],
};
const breathing: SessionExercise = {
  id: 'squat-breathing',
  name: 'Breathing in a squat',
  kind: 'breathing',
  dose: { breaths: 5, perSide: false },
  doseText: '5 breaths',
  steps: [],
};
const routine: SessionExercise = { id: 'warm-up', name: 'Warm-up', kind: 'routine', doseText: '', steps: [] };

const READY = SESSION_DEFAULTS.getReadyS * 1000;

/** Run `fn` over the state, keeping the cues. */
function drive(s: SessionState) {
  const cues: string[] = [];
  return {
    get state() {
      return s;
    },
    cues,
    do(step: (x: SessionState) => { state: SessionState; cues: { kind: string }[] }) {
      const r = step(s);
      s = r.state;
      cues.push(...r.cues.map((c) => c.kind));
      return this;
    },
  };
}

describe('phases', () => {
  it('makes sets, sides and rests from the dose, with an introduction to each exercise', () => {
    const kinds = phasesFor([plank, stretch, routine]).map((p) =>
      p.kind === 'hold' ? `hold${p.side ? `-${p.side}` : ''} ${p.set}/${p.sets}` : p.kind,
    );
    expect(kinds).toEqual([
      'intro',
      'hold 1/3',
      'rest',
      'hold 2/3',
      'rest',
      'hold 3/3',
      'intro',
      'hold-left 1/2',
      'hold-right 1/2',
      'rest',
      'hold-left 2/2',
      'hold-right 2/2',
      'intro',
      'free',
      'end',
    ]);
    const rests = phasesFor([plank, stretch]).filter((p) => p.kind === 'rest');
    expect(rests.map((r) => (r.kind === 'rest' ? r.seconds : 0))).toEqual([45, 45, 20]);
  });

  it('estimates the length from the work, the rests and the introductions', () => {
    // 3 × (20 + 3) s holds, 2 × 45 s rests, 20 s introduction: 179 s ≈ 3 min.
    expect(estimateMinutes([plank])).toBe(3);
  });
});

describe('holds', () => {
  it('gets ready, holds, beeps at both ends, rests, and counts each set', () => {
    const d = drive(startSession([plank], 0)).do((s) => begin(s, 0));
    expect(holdState(d.state, 1000)).toEqual({ stage: 'ready', leftS: 2 });
    d.do((s) => tick(s, READY));
    expect(d.cues).toEqual(['exercise', 'hold-start']);
    expect(holdState(d.state, READY + 5000)).toEqual({ stage: 'hold', leftS: 15 });
    d.do((s) => tick(s, READY + 20_000));
    expect(d.cues.slice(2)).toEqual(['hold-end', 'rest-start']);
    expect(phaseOf(d.state).kind).toBe('rest');
    expect(d.state.setsDone).toEqual([1]);
    expect(restLeftS(d.state, READY + 20_000 + 10_000)).toBe(35);
    d.do((s) => tick(s, READY + 20_000 + 45_000));
    expect(phaseOf(d.state)).toMatchObject({ kind: 'hold', set: 2 });
  });

  it('catches up after the page slept through a whole hold and a rest', () => {
    const d = drive(startSession([plank], 0)).do((s) => begin(s, 0));
    d.do((s) => tick(s, 10 * 60_000));
    expect(phaseOf(d.state).kind).toBe('end');
    expect(d.state.setsDone).toEqual([3]);
    expect(d.cues.filter((c) => c === 'hold-end')).toHaveLength(3);
  });

  it('counts a per-side set once both sides are held', () => {
    const d = drive(startSession([stretch], 0)).do((s) => begin(s, 0));
    d.do((s) => tick(s, READY + 30_000));
    expect(phaseOf(d.state)).toMatchObject({ kind: 'hold', side: 'right', set: 1 });
    expect(d.state.setsDone).toEqual([0]);
    d.do((s) => tick(s, 2 * (READY + 30_000)));
    expect(d.state.setsDone).toEqual([1]);
  });
});

describe('reps', () => {
  it('counts taps to the target, then rests', () => {
    const d = drive(startSession([pullApart], 0)).do((s) => begin(s, 0));
    for (let i = 0; i < 11; i++) d.do((s) => tapRep(s, 1000 * i));
    expect(d.state.count).toBe(11);
    d.do((s) => tapRep(s, 12_000));
    expect(phaseOf(d.state).kind).toBe('rest');
    expect(d.state.setsDone).toEqual([1]);
  });

  it('paces the count on its own when asked, and stops pacing when asked', () => {
    const d = drive(startSession([pullApart], 0)).do((s) => begin(s, 0));
    d.do((s) => tapRep(s, 500)).do((s) => setPaced(s, true, 1000));
    d.do((s) => tick(s, 1000 + 3 * 3000));
    expect(d.state.count).toBe(4);
    d.do((s) => setPaced(s, false, 10_000)).do((s) => tick(s, 60_000));
    expect(d.state.count).toBe(4);
  });

  it('paces breaths without taps', () => {
    const d = drive(startSession([breathing], 0)).do((s) => begin(s, 0));
    d.do((s) => tick(s, 5 * SESSION_DEFAULTS.breathS * 1000));
    expect(phaseOf(d.state).kind).toBe('end');
    expect(d.cues.filter((c) => c === 'breath')).toHaveLength(5);
  });
});

describe('next, previous, skip and stop', () => {
  it('next cuts a set short and counts it only when something was done', () => {
    const d = drive(startSession([pullApart], 0)).do((s) => begin(s, 0));
    d.do((s) => next(s, 100));
    expect(d.state.setsDone).toEqual([0]);
    d.do((s) => next(s, 200)); // out of the rest into set 2
    d.do((s) => tapRep(s, 300)).do((s) => next(s, 400));
    expect(d.state.setsDone).toEqual([2]);
  });

  it('skip leaves an exercise out of the log; previous brings it back', () => {
    const d = drive(startSession([plank, pullApart], 0)).do((s) => begin(s, 0));
    d.do((s) => skipExercise(s, 10));
    expect(phaseOf(d.state)).toEqual({ kind: 'intro', ex: 1 });
    expect(summarise(d.state).skipped).toEqual(['plank']);
    d.do((s) => previous(s, 20));
    expect(phaseOf(d.state)).toEqual({ kind: 'intro', ex: 0 });
    expect(summarise(d.state).skipped).toEqual([]);
  });

  it('a session stopped half-way logs what was done, and says it stopped', () => {
    const d = drive(startSession([plank, pullApart, routine], 0)).do((s) => begin(s, 0));
    d.do((s) => tick(s, READY + 20_000)); // one set of the plank
    d.do((s) => stop(s, READY + 21_000));
    expect(phaseOf(d.state).kind).toBe('end');
    expect(summarise(d.state)).toEqual({
      done: ['plank'],
      complete: [],
      partial: [{ id: 'plank', name: 'Plank', setsDone: 1, sets: 3 }],
      skipped: [],
      planned: 3,
      stopped: true,
    });
  });

  it('an undosed routine is done when the runner says so', () => {
    const d = drive(startSession([routine], 0)).do((s) => begin(s, 0));
    expect(phaseOf(d.state).kind).toBe('free');
    d.do((s) => next(s, 60_000));
    expect(summarise(d.state)).toMatchObject({ done: ['warm-up'], complete: ['warm-up'], stopped: false });
  });
});

describe('picking a session up again', () => {
  it('keeps the place, the count and the sets done, and starts the phase clock afresh without pacing', () => {
    const d = drive(startSession([pullApart, plank], 0)).do((s) => begin(s, 0));
    d.do((s) => tapRep(s, 500)).do((s) => setPaced(s, true, 1000));
    d.do((s) => tick(s, 1000 + 2 * 3000));
    const kept = JSON.parse(JSON.stringify(d.state)) as unknown;
    expect(isSessionState(kept)).toBe(true);
    const again = resumeSession(kept as SessionState, 3_600_000);
    expect(again.at).toBe(d.state.at);
    expect(again.count).toBe(d.state.count);
    expect(again.since).toBe(3_600_000);
    expect(again.paced).toBeUndefined();
    // Nothing counts on by itself an hour later.
    expect(tick(again, 3_600_000 + 60_000).state.count).toBe(d.state.count);
  });

  it('gives a hold its time to get ready again', () => {
    const d = drive(startSession([plank], 0)).do((s) => begin(s, 0));
    d.do((s) => tick(s, 10_000));
    const again = resumeSession(d.state, 100_000);
    expect(holdState(again, 100_000).stage).toBe('ready');
  });

  it('refuses what is not a session state', () => {
    for (const v of [
      null,
      3,
      'x',
      {},
      { exercises: [], phases: [], at: 0 },
      { ...startSession([plank], 0), at: 99 },
    ])
      expect(isSessionState(v)).toBe(false);
  });
});

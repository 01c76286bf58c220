/**
 * The guided session: today's exercises one at a time, with the figure and steps, a rep counter (tap or
 * paced), a hold countdown, rests between sets, next / previous / skip, beeps or vibration at the
 * start and end of holds, optional spoken cues, and the screen kept awake. It ends by asking how it
 * felt and the pain during, and logs what was done (also when stopped half-way) through the offline
 * queue, so a session done without the server arrives once when it is back.
 *
 * The session itself is the pure state machine in src/session (shared with `backstride session`); this
 * page is its clock, its buttons and its signals. Loaded on demand, with its own styles.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DAY_NAMES, SLOT_TITLES } from '../../../src/schedule/words.js';
import {
  begin,
  type Cue,
  estimateMinutes,
  exerciseOf,
  holdState,
  next,
  phaseOf,
  previous,
  restLeftS,
  resumeSession,
  SESSION_DEFAULTS,
  type SessionExercise,
  type SessionState,
  type SessionSummary,
  type Step,
  sessionExercises,
  setPaced,
  skipExercise,
  startSession,
  stop,
  summarise,
  tapRep,
  tick,
} from '../../../src/session/index.js';
import { api } from '../api.js';
import { Figure } from '../components/figures.js';
import { ErrorBox, Loading, PageTitle, ScoreButtons, useAsync } from '../components/ui.js';
import { postOrQueue, QUEUED_MESSAGE } from '../offline/index.js';
import { link, useRoute } from '../router.js';
import { clearProgress, loadProgress, type SessionProgress, saveProgress } from '../session-progress.js';
import type { Exercise, PlanWeekJson, ScheduledDay } from '../types.js';
import './session.css';
import { localDate } from '../format.js';

const FEELINGS = [
  { value: 'easy', label: 'Easy' },
  { value: 'about-right', label: 'About right' },
  { value: 'hard', label: 'Hard' },
] as const;
type Feeling = (typeof FEELINGS)[number]['value'];

// ── Settings, kept in this browser ─────────────────────────────────────────────────────────

type PlayerSettings = { sound: boolean; speech: boolean };
const SETTINGS_KEY = 'backstride.session-player';

function loadSettings(): PlayerSettings {
  try {
    const s = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<PlayerSettings>;
    return { sound: s.sound !== false, speech: s.speech === true };
  } catch {
    return { sound: true, speech: false };
  }
}
function saveSettings(s: PlayerSettings) {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Private mode: the choice lasts for this page.
  }
}

// ── Signals: beeps, vibration, speech, the screen kept awake ───────────────────────────────

let audio: AudioContext | undefined;

/** A short beep (Web Audio); silent where there is none. Higher for a start, lower for an end. */
function beep(freq: number, ms: number) {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + ms / 1000);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + ms / 1000);
  } catch {
    // No audio here.
  }
}

const vibrate = (pattern: number | number[]) => {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // No vibration here.
  }
};

function speak(text: string) {
  try {
    if (!('speechSynthesis' in window)) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  } catch {
    // No speech here.
  }
}

/** Turn the state machine's cues into the signals the runner chose. */
function signal(cues: Cue[], settings: PlayerSettings) {
  for (const cue of cues) {
    if (settings.sound) {
      if (cue.kind === 'hold-start' || cue.kind === 'rest-end') {
        beep(880, 180);
        vibrate(200);
      } else if (cue.kind === 'hold-end' || cue.kind === 'end') {
        beep(660, 350);
        vibrate([150, 80, 150]);
      }
    }
    if (settings.speech) speak(cue.say);
  }
}

/** Keep the screen on while the session runs, where the browser allows (Wake Lock API). */
function useWakeLock(on: boolean) {
  useEffect(() => {
    if (!on || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | undefined;
    let live = true;
    const acquire = async () => {
      try {
        lock = await navigator.wakeLock.request('screen');
        if (!live) await lock.release();
      } catch {
        // Refused (battery saver, a hidden page): the session works without it.
      }
    };
    // The lock is dropped when the page is hidden; take it again on return.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void acquire();
    };
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release().catch(() => undefined);
    };
  }, [on]);
}

// ── The page ───────────────────────────────────────────────────────────────────────────────

export function SessionPage() {
  const route = useRoute();
  const plan = useAsync(() => api.plan());
  if (plan.error) {
    return (
      <>
        <PageTitle>Today's session</PageTitle>
        <ErrorBox error={plan.error} retry={plan.reload} />
      </>
    );
  }
  if (!plan.data && plan.loading) return <Loading label="Loading today's session…" />;
  if (!plan.data) {
    return (
      <>
        <PageTitle>Today's session</PageTitle>
        <p>
          There is no plan yet. <a href={link('/check-in')}>Do a check-in</a> and your plan, with its
          sessions, is ready straight after.
        </p>
      </>
    );
  }
  return <SessionChooser week={plan.data} dayParam={route.query.get('day') ?? undefined} />;
}

/** Which session: today's (or the day asked for), a part of it or all of it. */
function SessionChooser({ week, dayParam }: { week: PlanWeekJson; dayParam: string | undefined }) {
  const today = week.today ?? localDate(new Date());
  const days = week.schedule.days;
  const day: ScheduledDay | undefined = dayParam
    ? days.find((d) => d.day === dayParam)
    : days.find((d) => d.date === today);
  const [chosen, setChosen] = useState<
    { title: string; exercises: SessionExercise[]; initial?: SessionState } | undefined
  >();
  const [left, setLeft] = useState(() => loadProgress(Date.now()));
  const [settings, setSettings] = useState(loadSettings);
  const update = (s: PlayerSettings) => {
    setSettings(s);
    saveSettings(s);
  };

  if (chosen) {
    return (
      <Player
        title={chosen.title}
        exercises={chosen.exercises}
        initial={chosen.initial}
        settings={settings}
        onSettings={update}
        onLeave={() => {
          setChosen(undefined);
          setLeft(undefined);
        }}
      />
    );
  }

  const isToday = day?.date === today;
  const heading = !day || isToday ? "Today's session" : `${DAY_NAMES[day.day] ?? day.day}'s session`;
  const others = days.filter((d) => d.groups.length > 0 && d !== day);
  const all = day ? sessionExercises(day.groups) : [];

  return (
    <div class="session-page">
      <PageTitle>{heading}</PageTitle>
      {left && (
        <LeftPartWay
          progress={left}
          onCarryOn={() =>
            setChosen({
              title: left.title,
              exercises: left.state.exercises,
              initial: resumeSession(left.state, Date.now()),
            })
          }
          onDrop={() => {
            clearProgress();
            setLeft(undefined);
          }}
        />
      )}
      {!day || day.groups.length === 0 ? (
        <p>Nothing is planned today: rest, and walk if you feel like it.</p>
      ) : (
        <>
          <p class="lead">
            {all.length} {all.length === 1 ? 'exercise' : 'exercises'}, about {estimateMinutes(all)} minutes.
            The player takes you through each one with its steps, counts and timers.
          </p>
          <div class="session-parts">
            {day.groups.map((g) => {
              const ex = sessionExercises([g]);
              return (
                <section key={g.slot} class="session-part" aria-labelledby={`part-${g.slot}`}>
                  <h2 id={`part-${g.slot}`}>{SLOT_TITLES[g.slot]}</h2>
                  <ul>
                    {g.items.map((i) => (
                      <li key={i.id}>
                        {i.name}
                        {i.doseText && <span class="dose"> {i.doseText}</span>}
                      </li>
                    ))}
                  </ul>
                  {day.groups.length > 1 && (
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => setChosen({ title: SLOT_TITLES[g.slot], exercises: ex })}
                    >
                      Start this part<span class="visually-hidden">: {SLOT_TITLES[g.slot]}</span> (about{' '}
                      {estimateMinutes(ex)} min)
                    </button>
                  )}
                </section>
              );
            })}
          </div>
          <button
            type="button"
            class="button primary session-start"
            onClick={() => setChosen({ title: heading, exercises: all })}
          >
            {day.groups.length > 1 ? 'Start the whole session' : 'Start the session'}
          </button>
        </>
      )}
      <PlayerSettingsForm settings={settings} onChange={update} />
      {others.length > 0 && (
        <nav class="session-other-days" aria-label="Other days' sessions">
          <h2>Another day's session</h2>
          <ul>
            {others.map((d) => (
              <li key={d.day}>
                <a href={link('/session', { day: d.day })}>
                  {DAY_NAMES[d.day]}: {d.groups.map((g) => SLOT_TITLES[g.slot].toLowerCase()).join(', ')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="hint">
        Rest times and the counting pace are Backstride's defaults ({SESSION_DEFAULTS.strengthRestS} s between
        strength sets, {SESSION_DEFAULTS.otherRestS} s otherwise); the sources give doses, not rests. Stop if
        pain rises sharply, or you feel tingling or numbness.
      </p>
    </div>
  );
}

function PlayerSettingsForm(props: { settings: PlayerSettings; onChange: (s: PlayerSettings) => void }) {
  const { settings, onChange } = props;
  return (
    <fieldset class="field player-settings">
      <legend>Signals</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.sound}
          onChange={(e) => onChange({ ...settings, sound: e.currentTarget.checked })}
        />
        <span>Beep and vibrate when a hold or a rest starts and ends</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.speech}
          onChange={(e) => onChange({ ...settings, speech: e.currentTarget.checked })}
        />
        <span>Speak the cues aloud</span>
      </label>
    </fieldset>
  );
}

function minutesAgo(then: number, now: number): string {
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes === 1) return 'a minute ago';
  if (minutes < 60) return `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'an hour ago' : `${hours} hours ago`;
}

/** A session left part-way (the page was closed or reloaded): carry on from there, or start afresh. */
function LeftPartWay(props: { progress: SessionProgress; onCarryOn: () => void; onDrop: () => void }) {
  const { state, title } = props.progress;
  const phase = phaseOf(state);
  const where = phase.kind === 'end' ? '' : ` at exercise ${phase.ex + 1} of ${state.exercises.length}`;
  return (
    <section class="notice notice-info session-left" aria-labelledby="session-left-heading">
      <h2 id="session-left-heading">Carry on where you left off?</h2>
      <p>
        You left “{title}”{where}, {minutesAgo(props.progress.savedAt, Date.now())}.
      </p>
      <div class="session-left-actions">
        <button type="button" class="button primary" onClick={props.onCarryOn}>
          Carry on
        </button>
        <button type="button" class="button secondary" onClick={props.onDrop}>
          Start afresh
        </button>
      </div>
    </section>
  );
}

// ── The player ─────────────────────────────────────────────────────────────────────────────

function Player(props: {
  title: string;
  exercises: SessionExercise[];
  /** A session picked up again, instead of a new one. */
  initial?: SessionState | undefined;
  settings: PlayerSettings;
  onSettings: (s: PlayerSettings) => void;
  onLeave: () => void;
}) {
  const [state, setState] = useState<SessionState>(
    () => props.initial ?? startSession(props.exercises, Date.now()),
  );
  const [now, setNow] = useState(Date.now());
  const [announce, setAnnounce] = useState('');
  const [confirmStop, setConfirmStop] = useState(false);
  const settings = useRef(props.settings);
  settings.current = props.settings;
  const heading = useRef<HTMLHeadingElement>(null);

  const phase = phaseOf(state);
  const ended = phase.kind === 'end';
  useWakeLock(!ended);

  /** Apply a step: new state, signals, and the words for screen readers. */
  const apply = (step: Step) => {
    setState(step.state);
    signal(step.cues, settings.current);
    const words = step.cues.filter((c) => c.kind !== 'rep' && c.kind !== 'breath').map((c) => c.say);
    if (words.length) setAnnounce(words.join(' '));
  };
  const act = (fn: (s: SessionState, now: number) => Step) => apply(fn(state, Date.now()));

  // Kept in the browser as it goes, so a reload picks it up again; forgotten once it ends.
  useEffect(() => {
    if (ended) clearProgress();
    else saveProgress({ title: props.title, savedAt: Date.now(), state });
  }, [state, ended]);

  // The clock: holds, rests and paced counts move on their own.
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    if (ended) return;
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      const step = tick(stateRef.current, t);
      if (step.state !== stateRef.current) {
        stateRef.current = step.state;
        apply(step);
      }
    }, 200);
    return () => clearInterval(id);
  }, [ended]);

  // A new exercise: focus its name, so keyboard and screen-reader users start there.
  const exIndex = phase.kind === 'end' ? -1 : phase.ex;
  useEffect(() => {
    heading.current?.focus();
  }, [exIndex]);

  if (ended) {
    return <SessionEnd title={props.title} summary={summarise(state)} onBack={props.onLeave} />;
  }

  const ex = exerciseOf(state) as SessionExercise;
  const total = state.exercises.length;
  const where = [`Exercise ${phase.ex + 1} of ${total}`];
  if ('set' in phase && phase.sets > 1) where.push(`set ${phase.set} of ${phase.sets}`);
  if ('side' in phase && phase.side) where.push(`${phase.side} side`);

  return (
    <div class="session-page player" data-phase={phase.kind}>
      <PageTitle>{props.title}</PageTitle>
      <div class="player-progress">
        <progress max={total} value={phase.ex} aria-label="Exercises done" />
        <p class="player-where">{where.join(' · ')}</p>
      </div>
      <h2 class="player-exercise" tabIndex={-1} ref={heading}>
        {ex.name}
        {ex.doseText && <span class="dose"> {ex.doseText}</span>}
      </h2>
      <div class="player-body">
        <div class="player-figure">
          <SessionFigure
            id={ex.id}
            name={ex.name}
            hold={phase.kind === 'hold' && holdState(state, now).stage === 'hold'}
          />
        </div>
        <div class="player-panel">
          <PhasePanel state={state} now={now} act={act} />
        </div>
      </div>
      {phase.kind !== 'intro' && phase.kind !== 'free' && ex.steps.length > 0 && (
        <details class="player-steps">
          <summary>How to do it</summary>
          <ol>
            {ex.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </details>
      )}
      <div class="player-controls">
        <button type="button" class="button secondary" onClick={() => act(previous)}>
          ◀ Previous
        </button>
        <button type="button" class="button secondary" onClick={() => act(skipExercise)}>
          Skip exercise
        </button>
        <button type="button" class="button secondary" onClick={() => act(next)}>
          Next ▶
        </button>
      </div>
      <div class="player-stop">
        {confirmStop ? (
          <div class="confirm">
            <p>Stop here? What you have done so far is kept, and you can log it.</p>
            <button type="button" class="button danger" onClick={() => act(stop)}>
              Stop the session
            </button>{' '}
            <button type="button" class="button tertiary" onClick={() => setConfirmStop(false)}>
              Carry on
            </button>
          </div>
        ) : (
          <button type="button" class="button tertiary" onClick={() => setConfirmStop(true)}>
            Stop the session
          </button>
        )}
      </div>
      <details class="player-signals">
        <summary>Sound and speech</summary>
        <PlayerSettingsForm settings={props.settings} onChange={props.onSettings} />
      </details>
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

/**
 * The exercise's animated figure from the knowledge base (cached, and kept by the service worker for
 * offline use); still in its end position while a hold is counting. A routine has no figure of its own.
 */
function SessionFigure({ id, name, hold }: { id: string; name: string; hold: boolean }) {
  const item = useAsync(
    () =>
      api.kbItem(`exercise:${id}`).then(
        (r) => r.item as unknown as Exercise,
        () => undefined,
      ),
    [id],
  );
  const e = item.data;
  if (!e?.figure) return null;
  return (
    <Figure
      figure={e.figure}
      title={name}
      captions={e.positions}
      {...(e.dose.holdS ? { holdS: e.dose.holdS } : {})}
      {...(hold ? { phase: 'end' } : {})}
    />
  );
}

/** What to do now: the introduction, the counter, the countdown, the rest. */
function PhasePanel({
  state,
  now,
  act,
}: {
  state: SessionState;
  now: number;
  act: (fn: (s: SessionState, now: number) => Step) => void;
}) {
  const phase = phaseOf(state);
  const ex = exerciseOf(state) as SessionExercise;

  if (phase.kind === 'intro' || phase.kind === 'free') {
    return (
      <div class="panel-intro">
        {ex.easier && <p class="hint easier-hint">Easier version: {ex.easier}</p>}
        <ol class="steps">
          {ex.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        {phase.kind === 'intro' ? (
          <button type="button" class="button primary big" onClick={() => act(begin)}>
            Start {ex.name}
          </button>
        ) : (
          <button type="button" class="button primary big" onClick={() => act(next)}>
            Done
          </button>
        )}
      </div>
    );
  }

  if (phase.kind === 'reps') {
    const paced = state.paced !== undefined;
    return (
      <div class="panel-reps">
        <p class="big-count" aria-live="off">
          <span class="count-now">{state.count}</span>
          <span class="count-of"> of {phase.target} reps</span>
        </p>
        {phase.pauseS ? <p class="hint">Pause {phase.pauseS} s at the end of each rep.</p> : null}
        <button type="button" class="button primary big tap-rep" onClick={() => act(tapRep)}>
          Tap for each rep
          <span class="visually-hidden">
            : {state.count} of {phase.target} done
          </span>
        </button>
        <label class="check">
          <input
            type="checkbox"
            checked={paced}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              act((s, t) => setPaced(s, on, t));
            }}
          />
          <span>Count for me (one rep every {Math.round((3 + (phase.pauseS ?? 0)) * 10) / 10} s)</span>
        </label>
      </div>
    );
  }

  if (phase.kind === 'breaths') {
    const every = SESSION_DEFAULTS.breathS * 1000;
    const into = state.paced ? (now - state.paced.since) % every : 0;
    const inhale = into < every / 2;
    return (
      <div class="panel-breaths">
        <p class={`breath-cue ${inhale ? 'in' : 'out'}`}>
          {inhale ? 'Breathe in slowly…' : 'Breathe out fully…'}
        </p>
        <p class="big-count">
          <span class="count-now">{state.count}</span>
          <span class="count-of"> of {phase.target} breaths</span>
        </p>
      </div>
    );
  }

  if (phase.kind === 'hold') {
    const h = holdState(state, now);
    const holding = h.stage === 'hold';
    const pct = holding ? 100 * (1 - h.leftS / phase.seconds) : 0;
    return (
      <div class={`panel-hold ${h.stage}`}>
        <p class="hold-stage">{holding ? 'Hold' : 'Get into position'}</p>
        <p
          class="big-count timer"
          role="timer"
          aria-label={holding ? `${h.leftS} seconds left` : 'Getting ready'}
        >
          {h.leftS}
          <span class="count-of"> s</span>
        </p>
        <div class="hold-bar" aria-hidden="true">
          <span style={{ width: `${pct}%` }} />
        </div>
        <p class="hint">
          {holding ? 'Breathe steadily. Tap Next to end the hold early.' : `Holding for ${phase.seconds} s.`}
        </p>
      </div>
    );
  }

  if (phase.kind === 'rest') {
    const left = restLeftS(state, now);
    return (
      <div class="panel-rest">
        <p class="hold-stage">Rest</p>
        <p class="big-count timer" role="timer" aria-label={`${left} seconds of rest left`}>
          {left}
          <span class="count-of"> s</span>
        </p>
        <p>Next: {phase.next}.</p>
        <button type="button" class="button secondary" onClick={() => act(next)}>
          Skip the rest
        </button>
      </div>
    );
  }
  return null;
}

// ── The end: how it felt, and logging ──────────────────────────────────────────────────────

function SessionEnd(props: { title: string; summary: SessionSummary; onBack: () => void }) {
  const { summary } = props;
  const [feeling, setFeeling] = useState<Feeling | undefined>();
  const [pain, setPain] = useState<number | undefined>();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'sent' | 'queued'>('idle');
  const [problem, setProblem] = useState<string | undefined>();
  // One id for this session, whatever happens: a second tap or a retry stores it once.
  const id = useMemo(() => crypto.randomUUID(), []);
  const endedAt = useMemo(() => Date.now(), []);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const nothing = summary.done.length === 0;
  const save = async (e: Event) => {
    e.preventDefault();
    if (status === 'saving' || status === 'sent' || status === 'queued') return;
    setStatus('saving');
    setProblem(undefined);
    try {
      const outcome = await postOrQueue('exercise', {
        id,
        // When it was done, not when a queued entry reaches the server.
        at: endedAt,
        items: summary.done,
        planned: summary.planned,
        ...(feeling ? { feeling } : {}),
        ...(pain !== undefined ? { painDuring: pain } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setStatus(outcome.status === 'queued' ? 'queued' : 'sent');
    } catch (err) {
      setStatus('idle');
      setProblem(err instanceof Error ? err.message : 'It could not be saved.');
    }
  };

  const doneWords = `${summary.done.length} of ${summary.planned} ${summary.planned === 1 ? 'exercise' : 'exercises'}`;
  return (
    <div class="session-page session-end">
      <PageTitle>{props.title}</PageTitle>
      <h2 tabIndex={-1} ref={heading}>
        {summary.stopped ? 'Session stopped' : 'Session finished'}
      </h2>
      {nothing ? (
        <p>
          Nothing was done this time, so there is nothing to log. That is fine: try again later or tomorrow.
        </p>
      ) : (
        <p class="lead">
          You did {doneWords}
          {summary.partial.length > 0 &&
            ` (${summary.partial.map((p) => `${p.name}: ${p.setsDone} of ${p.sets} sets`).join('; ')})`}
          .
        </p>
      )}
      {status === 'sent' || status === 'queued' ? (
        <div class="notice notice-success" role="status">
          <p>{status === 'queued' ? QUEUED_MESSAGE : 'Saved to your diary.'}</p>
          <p>
            <a href={link('/plan')}>Back to your plan</a> · <a href={link('/diary')}>See your diary</a>
          </p>
        </div>
      ) : nothing ? (
        <p>
          <a class="button secondary" href={link('/plan')}>
            Back to your plan
          </a>
        </p>
      ) : (
        <form class="session-feedback" onSubmit={save} aria-labelledby="feedback-heading">
          <h3 id="feedback-heading">How did it go?</h3>
          <fieldset class="field">
            <legend>How did it feel?</legend>
            <div class="feelings">
              {FEELINGS.map((f) => (
                <label key={f.value} class="feeling">
                  <input
                    type="radio"
                    name="feeling"
                    value={f.value}
                    checked={feeling === f.value}
                    onChange={() => setFeeling(f.value)}
                  />
                  <span>{f.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <ScoreButtons legend="Pain during the session" name="pain-during" value={pain} onChange={setPain} />
          <p class="hint">
            If it felt hard, or pain during rose by 2 or more, your plan keeps this week's doses instead of
            stepping up.
          </p>
          <div class="field">
            <label for="session-note">Note (optional)</label>
            <input
              id="session-note"
              type="text"
              maxLength={500}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          {problem && (
            <p class="error-text" role="alert">
              {problem}
            </p>
          )}
          <button
            type="submit"
            class="button primary"
            disabled={status === 'saving'}
            aria-busy={status === 'saving'}
          >
            {status === 'saving' ? 'Saving…' : 'Save to my diary'}
          </button>
        </form>
      )}
    </div>
  );
}

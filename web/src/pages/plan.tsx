/**
 * The plan: today first (what to do, with a "Done" for each part that logs exactly what is listed, once),
 * then the week around the run days with this week's doses, the exercises with a way to swap one for
 * another that addresses the same factors or drop it, the runner's changes with undo, the dose notes,
 * and the calendar file. The week is the server's (`GET /api/plan`), the one `backstride plan`, the
 * report and the calendar show.
 */
import { useEffect, useState } from 'preact/hooks';
import { DAY_NAMES, SLOT_TITLES } from '../../../src/schedule/words.js';
import { ApiError, api } from '../api.js';
import { CalendarLink } from '../components/reminders.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { UndoToast, type UndoToastState, useUndoToast } from '../components/undo-toast.js';
import { localDate } from '../format.js';
import { postOrQueue, QUEUED_MESSAGE, undoLogged } from '../offline/index.js';
import { link } from '../router.js';
import type { PlanWeekJson, ScheduledDay, ScheduledItem, ScheduleGroup, Slot } from '../types.js';

/** "4 March": a schedule date (a calendar day, not an instant) in words. */
const dayMonth = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
const fullDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function focusOf(d: ScheduledDay): string {
  if (d.longRun) return 'Long run';
  if (d.run) return 'Run';
  return { strength: 'Strength', mobility: 'Mobility', rest: 'Rest', run: 'Run' }[d.focus];
}

const messageOf = (e: unknown) =>
  e instanceof ApiError ? e.message : 'Something went wrong. Please try again.';

function ItemLine({ i, details }: { i: ScheduledItem; details?: boolean }) {
  return (
    <li>
      {i.kind === 'routine' ? i.name : <a href={link(`/exercises/${i.id}`)}>{i.name}</a>}
      {i.doseText && <span class="dose"> {i.doseText}</span>}
      {details && i.easier && <p class="hint easier-hint">Easier version: {i.easier}</p>}
    </li>
  );
}

/** Today's plan, one part at a time, each with its "Done". */
function Today({
  day,
  done,
  onLogged,
  toast,
}: {
  day: ScheduledDay;
  done: Set<string>;
  onLogged: (ids: string[], logged: boolean) => void;
  toast: UndoToastState;
}) {
  const [pending, setPending] = useState<Slot | undefined>();
  const [errors, setErrors] = useState<Partial<Record<Slot, string>>>({});
  const isDone = (g: ScheduleGroup) =>
    g.items.every((i) => done.has(i.id) || (i.routine && done.has(i.routine.id)));

  const log = async (g: ScheduleGroup) => {
    if (pending) return;
    // Exactly what is listed: the warm-up's own exercises, not the routine's name.
    const ids = [...new Set(g.items.map((i) => i.id))];
    setPending(g.slot);
    setErrors((e) => ({ ...e, [g.slot]: undefined }));
    try {
      const outcome = await postOrQueue('exercise', { items: ids });
      onLogged(ids, true);
      const what = `Logged ${SLOT_TITLES[g.slot].toLowerCase()}: ${g.items.map((i) => i.name).join(', ')}.`;
      toast.offer({
        message: outcome.status === 'queued' ? `${what} ${QUEUED_MESSAGE}` : what,
        undo: async () => {
          await undoLogged('exercise', outcome);
          onLogged(ids, false);
          return 'Removed from your diary.';
        },
      });
    } catch (e) {
      setErrors((x) => ({ ...x, [g.slot]: messageOf(e) }));
    } finally {
      setPending(undefined);
    }
  };

  return (
    <section class={`today-plan day-${day.focus}`} aria-labelledby="today-heading">
      <h2 id="today-heading">
        Today, {DAY_NAMES[day.day]} {dayMonth(day.date)}
        <span class="today-focus">{focusOf(day)}</span>
      </h2>
      {day.groups.length === 0 && <p>Nothing planned today: rest, and walk if you feel like it.</p>}
      {day.groups.length > 0 && (
        <p class="today-session">
          <a class="button primary" href={link('/session')}>
            Start today's session
          </a>{' '}
          <span class="hint">Guided, one exercise at a time, with counts and timers.</span>
        </p>
      )}
      <div class="today-slots">
        {day.groups.map((g) => {
          const finished = isDone(g);
          return (
            <div key={g.slot} class="slot today-slot">
              <h3>{SLOT_TITLES[g.slot]}</h3>
              <ul>
                {g.items.map((i) => (
                  <ItemLine key={i.id} i={i} details />
                ))}
              </ul>
              <button
                type="button"
                class={`button small ${finished ? 'tertiary' : 'primary'}`}
                disabled={pending !== undefined || finished}
                aria-busy={pending === g.slot}
                onClick={() => log(g)}
              >
                {finished ? 'Done today ✓' : pending === g.slot ? 'Logging…' : 'Done'}
                <span class="visually-hidden">: {SLOT_TITLES[g.slot]}</span>
              </button>
              {errors[g.slot] && (
                <p class="status-line error-text" role="alert">
                  {errors[g.slot]}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Whether the screen is at least this wide (the week's seven columns need a laptop). */
function useWide(query = '(min-width: 62rem)'): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return wide;
}

const countWords = (d: ScheduledDay) => {
  const n = new Set(d.groups.flatMap((g) => g.items.map((i) => i.id))).size;
  return n ? `${n} ${n === 1 ? 'exercise' : 'exercises'}` : 'rest and walk';
};

function DayGroups({ d }: { d: ScheduledDay }) {
  return (
    <>
      {d.groups.length === 0 && <p class="muted">Rest and walk.</p>}
      {d.groups.map((g) => (
        <div key={g.slot} class="slot">
          <h4>{SLOT_TITLES[g.slot]}</h4>
          <ul>
            {g.items.map((i) => (
              <ItemLine key={i.id} i={i} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** One day: a card in the laptop's seven columns; on a phone, a line that opens (today is above in full). */
function DayCard({ d, isToday, wide }: { d: ScheduledDay; isToday: boolean; wide: boolean }) {
  const name = DAY_NAMES[d.day] ?? d.day;
  if (!wide) {
    return (
      <details class={`day day-line day-${d.focus}${isToday ? ' today' : ''}`}>
        <summary>
          <span class="day-name">{name}</span>
          {isToday && <span class="badge badge-today">Today</span>}
          <span class="day-focus">{focusOf(d)}</span>
          <span class="day-count">{countWords(d)}</span>
        </summary>
        <DayGroups d={d} />
      </details>
    );
  }
  return (
    <section class={`day day-${d.focus}${isToday ? ' today' : ''}`} aria-labelledby={`day-${d.day}`}>
      <h3 id={`day-${d.day}`}>
        {name}
        {isToday && <span class="badge badge-today">Today</span>}
      </h3>
      <p class="day-focus">{focusOf(d)}</p>
      <DayGroups d={d} />
    </section>
  );
}

/** The strength and mobility exercises once each, with swap and drop, and the runner's changes. */
function Exercises({
  data,
  onWeek,
  toast,
}: {
  data: PlanWeekJson;
  onWeek: (w: PlanWeekJson) => void;
  toast: UndoToastState;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const swaps = data.swaps ?? {};
  const changes = data.changes ?? [];
  // In the plan's order (strength first), each with this week's dose.
  const scheduled = new Map<string, ScheduledItem>();
  for (const d of data.schedule.days)
    for (const g of d.groups) for (const i of g.items) scheduled.set(i.id, i);
  const items = Object.keys(swaps).flatMap((id) => scheduled.get(id) ?? []);
  const mine = changes.filter((c) => c.by === 'you');

  const [status, setStatus] = useState('');
  /** Make a change; offer to undo it when it can be, else say what happened. */
  const act = async (run: () => Promise<PlanWeekJson>, message: string, undo?: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      onWeek(await run());
      if (undo) toast.offer({ message, undo });
      else setStatus(message);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  /** The exercise the plan was built with, for an exercise shown now (itself, or the one it stands in for). */
  const originOf = (id: string) => changes.find((c) => c.replacement?.id === id)?.exercise ?? id;
  /**
   * Undo a change to the exercise shown as `shown`: back to the plan as built, then, when what was shown
   * stood in for the exercise as built (an earlier swap), that swap again.
   */
  const undoTo = (origin: string, shown: { id: string; name: string }) => async () => {
    let week = await api.restorePlan(origin);
    if (shown.id !== origin) {
      week = await api.changePlan({ action: 'swap', exercise: origin, replacement: shown.id });
    }
    onWeek(week);
    return `${shown.name} is back in your plan.`;
  };

  return (
    <section aria-labelledby="exercises-heading">
      <h2 id="exercises-heading">Your exercises</h2>
      <p class="hint">
        Swap one for another that works on the same things, or leave it out. Your changes stay when you check
        in again.
      </p>
      <ul class="exercise-rows">
        {items.map((i) => {
          const options = swaps[i.id] ?? [];
          const selected = choice[i.id] ?? options[0]?.id ?? '';
          const selectId = `swap-${i.id}`;
          const origin = originOf(i.id);
          return (
            <li key={i.id} class="exercise-row">
              <p class="exercise-name">
                <a href={link(`/exercises/${i.id}`)}>{i.name}</a>
                {i.doseText && <span class="dose"> {i.doseText}</span>}
              </p>
              {i.easier && <p class="hint easier-hint">Easier version: {i.easier}</p>}
              <details class="exercise-change">
                <summary>
                  Swap or drop<span class="visually-hidden"> {i.name}</span>
                </summary>
                <div class="exercise-actions">
                  {options.length > 0 ? (
                    <form
                      class="swap-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const to = options.find((o) => o.id === selected);
                        if (!to) return;
                        void act(
                          () => api.changePlan({ action: 'swap', exercise: i.id, replacement: to.id }),
                          `Swapped ${i.name} for ${to.name}.`,
                          undoTo(origin, i),
                        );
                      }}
                    >
                      <label for={selectId}>
                        Swap<span class="visually-hidden"> {i.name}</span> for
                      </label>
                      <select
                        id={selectId}
                        value={selected}
                        disabled={busy}
                        onChange={(e) =>
                          setChoice((c) => ({ ...c, [i.id]: (e.target as HTMLSelectElement).value }))
                        }
                      >
                        {options.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="button small secondary" disabled={busy}>
                        Swap<span class="visually-hidden"> {i.name}</span>
                      </button>
                    </form>
                  ) : (
                    <span class="hint">No other exercise for the same factors suits your equipment.</span>
                  )}
                  <button
                    type="button"
                    class="button small tertiary"
                    disabled={busy}
                    onClick={() =>
                      act(
                        () => api.changePlan({ action: 'drop', exercise: i.id }),
                        `Left ${i.name} out of your plan.`,
                        undoTo(origin, i),
                      )
                    }
                  >
                    Drop<span class="visually-hidden"> {i.name}</span>
                  </button>
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <p class="status-line" role="status">
        {status}
      </p>
      {changes.length > 0 && (
        <div class="plan-changes">
          <h3>Your changes</h3>
          <ul>
            {changes.map((c) => (
              <li key={c.exercise}>
                {c.text}{' '}
                {c.by === 'you' && (
                  <button
                    type="button"
                    class="link-button"
                    disabled={busy}
                    onClick={() => act(() => api.restorePlan(c.exercise), `${c.name} is back in your plan.`)}
                  >
                    Undo<span class="visually-hidden">: {c.text}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {mine.length > 1 && (
            <button
              type="button"
              class="button small tertiary"
              disabled={busy}
              onClick={() => act(() => api.restorePlan(), 'Your plan is back as it was built.')}
            >
              Undo all your changes
            </button>
          )}
        </div>
      )}
    </section>
  );
}

export function PlanPage() {
  const plan = useAsync(api.plan);
  const [changed, setChanged] = useState<PlanWeekJson | undefined>();
  const data = changed ?? plan.data;
  return (
    <>
      <PageTitle>Your plan</PageTitle>
      {plan.loading && !data && <Loading />}
      {plan.error && <ErrorBox error={plan.error} retry={plan.reload} />}
      {!plan.loading && !plan.error && !data && (
        <>
          <p>Your plan is built from a check-in. There is none yet.</p>
          <p>
            <a class="button primary" href={link('/check-in', { step: 1 })}>
              Start a check-in
            </a>
          </p>
        </>
      )}
      {data && <Week data={data} onWeek={setChanged} />}
    </>
  );
}

function Week({ data, onWeek }: { data: PlanWeekJson; onWeek: (w: PlanWeekJson) => void }) {
  const s = data.schedule;
  const now = data.today ?? localDate(new Date());
  const toast = useUndoToast();
  const [done, setDone] = useState<Set<string>>(() => new Set(data.doneToday ?? []));
  const today = s.days.find((d) => d.date === now);
  const wide = useWide();
  const onLogged = (ids: string[], logged: boolean) =>
    setDone((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (logged) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  if (s.mode === 'safety-only') {
    return (
      <div class="notice notice-warning">
        <p>
          Nothing is scheduled: your last check-in needs prompt care first.{' '}
          <a href={link('/result')}>See your result</a>.
        </p>
      </div>
    );
  }
  return (
    <>
      {today && <Today day={today} done={done} onLogged={onLogged} toast={toast} />}
      <section aria-labelledby="week-heading">
        <div class="plan-head">
          <h2 id="week-heading">Your week from {fullDate(s.weekStart)}</h2>
          <p>
            <CalendarLink />
          </p>
        </div>
        <p class="hint">It repeats each week; the doses grow as you manage them.</p>
        <div class="week">
          {s.days.map((d) => (
            <DayCard key={d.day} d={d} isToday={d.date === now} wide={wide} />
          ))}
        </div>
        {s.notes.length > 0 && (
          <ul class="notes hint">
            {s.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
      <Exercises data={data} onWeek={onWeek} toast={toast} />
      {data.doseNotes && data.doseNotes.length > 0 && (
        <section aria-labelledby="progression-heading">
          <h2 id="progression-heading">Doses this week</h2>
          <ul class="dose-notes">
            {data.doseNotes.map((n) => (
              <li key={n.text}>
                {n.exercises.length === 1 && <strong>{n.exercises[0]}: </strong>}
                {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <UndoToast toast={toast} />
    </>
  );
}

/**
 * The plan as a week around the run days, with today's doses, a way to tick a session off, and the
 * calendar file for any calendar app.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { date } from '../format.js';
import { link } from '../router.js';
import type { ScheduledDay, Slot } from '../types.js';

const SLOT_TITLES: Record<Slot, string> = {
  'before-run': 'Before your run',
  'after-run': 'After your run',
  strength: 'Strength',
  mobility: 'Mobility',
};

const DAY_NAMES: Record<string, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

const today = () => new Date().toISOString().slice(0, 10);

function DayCard({ d, isToday }: { d: ScheduledDay; isToday: boolean }) {
  const [logged, setLogged] = useState<Record<string, string>>({});
  const log = async (slot: Slot, ids: string[]) => {
    try {
      await api.logExercise({ items: [...new Set(ids)] });
      setLogged((l) => ({ ...l, [slot]: 'Logged as done.' }));
    } catch (e) {
      setLogged((l) => ({ ...l, [slot]: (e as Error).message }));
    }
  };
  const focus = d.longRun
    ? 'Long run'
    : d.run
      ? 'Run'
      : d.focus === 'rest'
        ? 'Rest'
        : d.focus === 'strength'
          ? 'Strength'
          : 'Mobility';
  return (
    <section class={`day day-${d.focus}${isToday ? ' today' : ''}`} aria-labelledby={`day-${d.day}`}>
      <h2 id={`day-${d.day}`}>
        {DAY_NAMES[d.day] ?? d.day}
        {isToday && <span class="badge badge-today">Today</span>}
      </h2>
      <p class="day-focus">{focus}</p>
      {d.groups.length === 0 && <p class="muted">Nothing planned: rest and walk.</p>}
      {d.groups.map((g) => (
        <div key={g.slot} class="slot">
          <h3>{SLOT_TITLES[g.slot]}</h3>
          <ul>
            {g.items.map((i) => (
              <li key={i.id}>
                {i.kind === 'routine' ? i.name : <a href={link(`/exercises/${i.id}`)}>{i.name}</a>}
                {i.doseText && <span class="dose"> {i.doseText}</span>}
              </li>
            ))}
          </ul>
          {isToday && (
            <>
              <button
                type="button"
                class="button small secondary"
                onClick={() =>
                  log(
                    g.slot,
                    g.items.map((i) => i.routine?.id ?? i.id),
                  )
                }
              >
                Done<span class="visually-hidden"> {SLOT_TITLES[g.slot]}</span>
              </button>
              <span role="status" class="status-line">
                {logged[g.slot]}
              </span>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

export function PlanPage() {
  const plan = useAsync(api.plan);
  return (
    <>
      <PageTitle>Your plan</PageTitle>
      {plan.loading && <Loading />}
      {plan.error && <ErrorBox error={plan.error} retry={plan.reload} />}
      {!plan.loading && !plan.error && !plan.data && (
        <>
          <p>Your plan is built from a check-in. There is none yet.</p>
          <p>
            <a class="button primary" href={link('/check-in', { step: 1 })}>
              Start a check-in
            </a>
          </p>
        </>
      )}
      {plan.data && <Week data={plan.data} />}
    </>
  );
}

function Week({ data }: { data: NonNullable<Awaited<ReturnType<typeof api.plan>>> }) {
  const s = data.schedule;
  const now = today();
  return (
    <>
      <div class="plan-head">
        <p>
          Your week from {date(s.weekStart)}; it repeats each week, with doses that grow as you manage them.
        </p>
        <p>
          <a class="button primary" href="/api/plan.ics" download="backstride-plan.ics">
            Download calendar
          </a>{' '}
          <span class="hint">(an .ics file for Google, Apple or Outlook calendars)</span>
        </p>
      </div>
      {s.mode === 'safety-only' ? (
        <div class="notice notice-warning">
          <p>
            Nothing is scheduled: your last check-in needs prompt care first.{' '}
            <a href={link('/result')}>See your result</a>.
          </p>
        </div>
      ) : (
        <div class="week">
          {s.days.map((d) => (
            <DayCard key={d.day} d={d} isToday={d.date === now} />
          ))}
        </div>
      )}
      {s.notes.length > 0 && (
        <ul class="notes">
          {s.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {data.decisions && data.decisions.length > 0 && (
        <section aria-labelledby="progression-heading">
          <h2 id="progression-heading">Progression this week</h2>
          <ul>
            {data.decisions.map((d) => (
              <li key={d.id}>
                <strong>{d.name}</strong>: {d.change} — {d.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

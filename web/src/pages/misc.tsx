/**
 * The small pages: home, the clinician report, settings (units, country, export, delete everything) and
 * not found.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { clearCheckInDraft } from '../check-in-draft.js';
import { CheckBackCard } from '../components/check-back.js';
import { ReminderSection } from '../components/reminders.js';
import { ErrorBox, Loading, PageTitle, RadioGroup, useAsync } from '../components/ui.js';
import { dateTime, setUnits, type Units, useUnits } from '../format.js';
import { loadPart } from '../load-part.js';
import { forgetOfflineData } from '../offline/index.js';
import { link } from '../router.js';
import { setLatestResult } from '../state.js';

const LEVEL_SHORT: Record<string, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent: see a doctor today',
  clinician: 'Book a physical therapist or doctor',
  'self-care': 'Self-care',
};

export function HomePage() {
  const latest = useAsync(() => api.latestAssessment().catch(() => undefined));
  const r = latest.data;
  return (
    <>
      <PageTitle>How is your back today?</PageTitle>
      <p class="lead">
        Backstride checks whether back or neck pain after running needs care, finds the likely contributing
        factors, and builds a plan around your training. Everything stays on this computer.
      </p>
      <CheckBackCard />
      {r && (
        <section class={`panel level-summary level-${r.triage.level}`} aria-labelledby="last-heading">
          <h2 id="last-heading">Your last check-in</h2>
          <p>
            {dateTime(r.assessedAt)}: <strong>{LEVEL_SHORT[r.triage.level] ?? r.triage.level}</strong>
          </p>
          <p>
            <a href={link('/result')}>See the result</a>
          </p>
        </section>
      )}
      <ul class="actions-grid">
        <li>
          <a class="action-card primary" href={link('/check-in', { step: 1 })}>
            <strong>Start a check-in</strong>
            <span>About 5 minutes. Safety questions first.</span>
          </a>
        </li>
        {r && (r.triage.level === 'self-care' || r.triage.level === 'clinician') && (
          <li>
            <a class="action-card" href={link('/session')}>
              <strong>Start today's session</strong>
              <span>Your plan's exercises, guided with counts and timers.</span>
            </a>
          </li>
        )}
        <li>
          <a class="action-card" href={link('/diary')}>
            <strong>Log pain</strong>
            <span>A few taps after a run.</span>
          </a>
        </li>
        <li>
          <a class="action-card" href={link('/plan')}>
            <strong>Your plan</strong>
            <span>This week's exercises around your runs.</span>
          </a>
        </li>
        <li>
          <a class="action-card" href={link('/insights')}>
            <strong>Insights</strong>
            <span>Load, pain and your triggers.</span>
          </a>
        </li>
      </ul>
    </>
  );
}

/**
 * The clinician report: opened in this tab (the browser shows it, Back returns here), or downloaded as
 * HTML or PDF. By default the last 12 weeks up to today and a few pages; the exercise cards and another
 * period are options.
 */
export function ReportPage() {
  const units = useUnits();
  const [cards, setCards] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = new URLSearchParams({ units });
  if (cards) q.set('exercises', '1');
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const href = (format: 'html' | 'pdf', download: boolean) =>
    `/api/report?format=${format}${download ? '&download=1' : ''}&${q.toString()}`;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageTitle>Clinician report</PageTitle>
      <p class="lead">
        A report to take to a physical therapist, doctor or coach. Page one is a summary for a clinician: the
        triage and its history, the red flags asked and answered, pain and function, the plan as you have done
        it, and the load flags. Then the reasons, the likely factors, the plan, and your load and pain charts.
      </p>
      <p>
        It covers {from || to ? 'the period you choose below' : 'the last 12 weeks up to today'}; its charts,
        pain, adherence and load flags are all from that period.
      </p>
      <label class="check report-option">
        <input type="checkbox" checked={cards} onChange={(e) => setCards(e.currentTarget.checked)} />
        <span>Add the exercise cards with their full instructions (several more pages)</span>
      </label>
      <details class="period-choose">
        <summary>Choose another period</summary>
        <div class="period-form">
          <label>
            From
            <input type="date" value={from} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            To
            <input
              type="date"
              value={to}
              min={from || undefined}
              max={today}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </label>
        </div>
      </details>
      <ul class="link-list">
        <li>
          <a class="button primary" href={href('html', false)}>
            Open the report
          </a>
        </li>
        <li>
          <a class="button secondary" href={href('html', true)} download="backstride-report.html">
            Download the report (HTML)
          </a>
        </li>
        <li>
          <a class="button secondary" href={href('pdf', true)} download="backstride-report.pdf">
            Download the report (PDF)
          </a>
        </li>
      </ul>
      <p class="hint">
        The report opens in this tab: use Back to return. It is made on this computer from your own data;
        nothing is sent anywhere.
      </p>
    </>
  );
}

const UNITS = [
  { value: 'km', label: 'Kilometres' },
  { value: 'mi', label: 'Miles' },
] as const;

export function SettingsPage() {
  const units = useUnits();
  const [confirm, setConfirm] = useState('');
  const [state, setState] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const remove = async (e: Event) => {
    e.preventDefault();
    if (confirm !== 'DELETE') return;
    setBusy(true);
    try {
      await api.deleteAll();
      setLatestResult(undefined);
      clearCheckInDraft();
      await forgetOfflineData();
      setConfirm('');
      setState({ ok: true, text: 'All your Backstride data has been deleted.' });
    } catch (err) {
      setState({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle>Settings</PageTitle>
      <section aria-labelledby="units-heading" class="panel">
        <h2 id="units-heading">Units</h2>
        <RadioGroup
          name="units"
          legend="Show distances in"
          inline
          clearable={false}
          options={UNITS}
          value={units}
          onChange={(u) => u && setUnits(u as Units)}
        />
        <p class="hint">Kept in this browser.</p>
      </section>
      <CountrySection />
      <ReminderSection />
      <section aria-labelledby="export-heading" class="panel">
        <h2 id="export-heading">Your data</h2>
        <p>Everything Backstride holds about you, in one JSON file: runs, check-ins and diary.</p>
        <p>
          <a class="button secondary" href="/api/export?format=json" download="backstride-export.json">
            Export all data (JSON)
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" class="panel danger-zone">
        <h2 id="delete-heading">Delete everything</h2>
        <p>
          This deletes all runs, check-ins and diary entries from this computer. It cannot be undone: export
          first if you may want them back.
        </p>
        <form onSubmit={remove}>
          <div class="field">
            <label for="confirm-delete">Type DELETE to confirm</label>
            <input
              id="confirm-delete"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              value={confirm}
              onInput={(e) => setConfirm((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="button danger" disabled={confirm !== 'DELETE' || busy}>
            Delete all my data
          </button>
        </form>
        {state && (
          <p class={state.ok ? 'notice notice-success' : 'notice notice-error'} role="status">
            {state.text}
          </p>
        )}
      </section>
    </>
  );
}

/** The country setting, loaded with its table of care routes and country names only on this page. */
function CountrySection() {
  const mod = useAsync(() => loadPart(() => import('./country-setting.js')));
  if (mod.data) return <mod.data.CountrySetting />;
  return (
    <section aria-labelledby="country-heading" class="panel">
      <h2 id="country-heading">Country</h2>
      {mod.error ? <ErrorBox error={mod.error} retry={mod.reload} /> : <Loading />}
    </section>
  );
}

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is nothing here. <a href={link('/')}>Go to the start</a>.
      </p>
    </>
  );
}

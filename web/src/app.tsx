/**
 * The app shell: skip link, header and navigation, the page for the current route, and the footer.
 * After a navigation, focus moves to the new page's heading so screen-reader and keyboard users land
 * on it; the header and footer step aside for an emergency or urgent result.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { emergencyNumberFor, telHref } from '../../src/care/codes.js';
import { useChromeHidden } from './chrome.js';
import { ErrorBox, Loading, PageTitle, useAsync } from './components/ui.js';
import { useCountry } from './country.js';
import { loadPart } from './load-part.js';
import { OfflineBanner } from './offline/banner.js';
import { DiaryPage } from './pages/diary.js';
import { ExercisePage, ExercisesPage } from './pages/exercises.js';
import { InsightsPage } from './pages/insights.js';
import { HomePage, NotFoundPage, ReportPage, SettingsPage } from './pages/misc.js';
import { PlanPage } from './pages/plan.js';
import { ResultPage } from './pages/result.js';
import { RunPage } from './pages/run.js';
import { RunsPage } from './pages/runs.js';
import { useBrowserReminders } from './reminder-settings.js';
import { link, match, type Route, useRoute } from './router.js';

const NAV = [
  { path: '/check-in', label: 'Check-in' },
  { path: '/result', label: 'Result' },
  { path: '/exercises', label: 'Exercises' },
  { path: '/diary', label: 'Diary' },
  { path: '/runs', label: 'Runs' },
  { path: '/form', label: 'Form check' },
  { path: '/insights', label: 'Insights' },
  { path: '/plan', label: 'Plan' },
  { path: '/report', label: 'Report' },
  { path: '/settings', label: 'Settings' },
];

/**
 * The check-in with its question catalogue, loaded when first opened so the first page loads less. Its
 * heading comes with it (focus moves to it once it is there).
 */
function CheckInLoader() {
  const mod = useAsync(() => loadPart(() => import('./pages/check-in.js')));
  if (mod.data) return <mod.data.CheckInPage />;
  if (mod.error)
    return (
      <>
        <PageTitle>Check-in</PageTitle>
        <ErrorBox error={mod.error} retry={mod.reload} />
      </>
    );
  return <Loading label="Loading the check-in…" />;
}

/** The guided session player, loaded when first opened (it stays out of the first load). */
function SessionLoader() {
  const mod = useAsync(() => loadPart(() => import('./pages/session.js')));
  if (mod.data) return <mod.data.SessionPage />;
  if (mod.error)
    return (
      <>
        <PageTitle>Today's session</PageTitle>
        <ErrorBox error={mod.error} retry={mod.reload} />
      </>
    );
  return <Loading label="Loading the session player…" />;
}

/** "Check my form", loaded when first opened: the page, and its pose model only when a clip is analysed. */
function FormLoader() {
  const mod = useAsync(() => loadPart(() => import('./pages/form.js')));
  if (mod.data) return <mod.data.FormPage />;
  if (mod.error)
    return (
      <>
        <PageTitle>Check my form</PageTitle>
        <ErrorBox error={mod.error} retry={mod.reload} />
      </>
    );
  return <Loading label="Loading the form check…" />;
}

function page(route: Route): { title: string; view: preact.JSX.Element } {
  const p = route.path;
  const exercise = match('/exercises/:id', p);
  const run = match('/runs/:id', p);
  if (p === '/') return { title: 'Home', view: <HomePage /> };
  if (p === '/check-in') return { title: 'Check-in', view: <CheckInLoader /> };
  if (p === '/result') return { title: 'Your result', view: <ResultPage /> };
  if (p === '/exercises') return { title: 'Exercise library', view: <ExercisesPage /> };
  if (exercise) return { title: 'Exercise', view: <ExercisePage id={exercise.id ?? ''} /> };
  if (p === '/diary') return { title: 'Diary', view: <DiaryPage /> };
  if (p === '/runs') return { title: 'Runs', view: <RunsPage /> };
  if (run) return { title: 'Run', view: <RunPage id={run.id ?? ''} /> };
  if (p === '/insights') return { title: 'Insights and progress', view: <InsightsPage /> };
  if (p === '/plan') return { title: 'Your plan', view: <PlanPage /> };
  if (p === '/session') return { title: "Today's session", view: <SessionLoader /> };
  if (p === '/form') return { title: 'Check my form', view: <FormLoader /> };
  if (p === '/report') return { title: 'Clinician report', view: <ReportPage /> };
  if (p === '/settings') return { title: 'Settings', view: <SettingsPage /> };
  return { title: 'Not found', view: <NotFoundPage /> };
}

/** Focus the page's h1 once it is there (pages may still be loading), else the main region. */
function focusHeading(main: HTMLElement) {
  let tries = 0;
  const attempt = () => {
    const h1 = document.getElementById('page-title');
    if (h1) h1.focus({ preventScroll: false });
    else if (++tries < 20) setTimeout(attempt, 50);
    else main.focus();
  };
  attempt();
}

export function App() {
  const route = useRoute();
  const hidden = useChromeHidden();
  const country = useCountry();
  const emergency = emergencyNumberFor(country);
  // A reminder's click opens the session player.
  useBrowserReminders('/session');
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const lastPath = useRef(route.path);
  const { title, view } = page(route);

  useEffect(() => {
    document.title = `${title} · Backstride`;
  }, [title]);

  useEffect(() => {
    if (lastPath.current === route.path) return;
    lastPath.current = route.path;
    setMenuOpen(false);
    window.scrollTo(0, 0);
    if (main.current) focusHeading(main.current);
  }, [route.path]);

  // Escape closes the phone menu and gives focus back to its button, as a disclosure should.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const section = `/${route.path.split('/')[1] ?? ''}`;
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a real link to #main that keeps the router's hash intact. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the router's: move focus without changing it.
          e.preventDefault();
          main.current?.focus();
          main.current?.scrollIntoView();
        }}
      >
        Skip to content
      </a>
      {!hidden && (
        <header class="site-header">
          <div class="header-inner">
            <a class="brand" href={link('/')}>
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path
                  d="M12 2c1.5 3 1.5 5 0 7s-1.5 4 0 6 1.5 4 0 7"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="2.5"
                  stroke-linecap="round"
                />
              </svg>
              Backstride
            </a>
            <button
              type="button"
              class="menu-button"
              ref={menuButton}
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              Menu
            </button>
            <nav id="site-nav" aria-label="Main" class={menuOpen ? 'site-nav open' : 'site-nav'}>
              <ul>
                {NAV.map((n) => (
                  <li key={n.path}>
                    <a href={link(n.path)} aria-current={section === n.path ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
      )}
      <main id="main" ref={main} tabIndex={-1} class={hidden ? 'main alarm-main' : 'main'}>
        {/* The emergency screen shows its one message and nothing else. */}
        {!hidden && <OfflineBanner />}
        {view}
      </main>
      {!hidden && (
        <footer class="site-footer">
          <p>
            Not a diagnosis. In an emergency call <a href={telHref(emergency)}>{emergency}</a>
            {country ? '' : ' (or your local emergency number)'}. Your data stays on this computer.
          </p>
        </footer>
      )}
    </>
  );
}

/**
 * The exercise library: search (the knowledge base's own search), filters by factor and equipment, and
 * a page per exercise with its start and end positions drawn, numbered steps, dose and cautions.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDose } from '../../../src/plan/dose.js';
import { api } from '../api.js';
import { PositionFigures } from '../components/figures.js';
import { ErrorBox, Loading, PageTitle, SourceList, useAsync } from '../components/ui.js';
import { UndoToast, useUndoToast } from '../components/undo-toast.js';
import { humanise } from '../format.js';
import { postOrQueue, QUEUED_MESSAGE, undoLogged } from '../offline/index.js';
import { link, navigate, useRoute } from '../router.js';
import type { Exercise, Source } from '../types.js';

const NONE = 'none';

/** The exercises, with the names of the factors and the sources they cite (kept for offline use). */
async function loadLibrary() {
  const [exercises, factors, sources] = await Promise.all([
    api.exercises(),
    api.kbList('factor').catch(() => []),
    api.sources().catch(() => []),
  ]);
  return {
    exercises,
    factorNames: new Map(factors.map((f) => [f.id, f.name])),
    sources: new Map(sources.map((s) => [s.id, s])),
  };
}

const hasTerm = (q: string) => q.split(/[^a-z0-9]+/i).some((t) => t.length > 1);

function localMatch(e: Exercise, q: string): boolean {
  const text = [e.name, e.id, ...e.aliases, e.purpose, ...e.steps].join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1)
    .every((t) => text.includes(t));
}

export function ExercisesPage() {
  const route = useRoute();
  const q = route.query.get('q') ?? '';
  const factor = route.query.get('factor') ?? '';
  const equipment = route.query.get('equipment') ?? '';
  const lib = useAsync(loadLibrary);
  const [text, setText] = useState(q);
  const [hits, setHits] = useState<{ q: string; ids: string[] | undefined }>({ q: '', ids: undefined });

  // Keep the address in step with the search box (debounced), so a search can be shared and gone back to.
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => navigate('/exercises', { q: text, factor, equipment }, true), 250);
    return () => clearTimeout(t);
  }, [text, q, factor, equipment]);

  useEffect(() => {
    if (!hasTerm(q)) {
      setHits({ q, ids: undefined });
      return;
    }
    let live = true;
    api.kbSearch(q).then(
      (h) => live && setHits({ q, ids: h.filter((x) => x.kind === 'exercise').map((x) => x.id) }),
      // Search is a convenience: when the server's search fails, match on this page instead.
      () =>
        live &&
        setHits({ q, ids: lib.data?.exercises.filter((e) => localMatch(e, q)).map((e) => e.id) ?? [] }),
    );
    return () => {
      live = false;
    };
  }, [q, lib.data]);

  if (lib.loading) return <Loading label="Loading the exercises…" />;
  if (lib.error) return <ErrorBox error={lib.error} retry={lib.reload} />;
  const { exercises, factorNames } = lib.data ?? { exercises: [], factorNames: new Map<string, string>() };

  const byId = new Map(exercises.map((e) => [e.id, e]));
  let shown = hits.ids && hits.q === q ? hits.ids.flatMap((id) => byId.get(id) ?? []) : exercises;
  const searching = hasTerm(q) && hits.q !== q;
  if (factor) shown = shown.filter((e) => e.factors.includes(factor));
  if (equipment === NONE) shown = shown.filter((e) => e.equipment.length === 0);
  else if (equipment) shown = shown.filter((e) => e.equipment.includes(equipment));

  const factorIds = [...new Set(exercises.flatMap((e) => e.factors))].sort((a, b) =>
    (factorNames.get(a) ?? a).localeCompare(factorNames.get(b) ?? b),
  );
  const equipmentList = [...new Set(exercises.flatMap((e) => e.equipment))].sort();

  return (
    <>
      <PageTitle>Exercise library</PageTitle>
      <search aria-label="Exercises">
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            navigate('/exercises', { q: text, factor, equipment }, true);
          }}
        >
          <div class="field">
            <label for="ex-search">Search exercises</label>
            <input
              id="ex-search"
              type="search"
              value={text}
              placeholder="e.g. shoulder blades, plank, breathing"
              onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="ex-factor">Helps with</label>
            <select
              id="ex-factor"
              value={factor}
              onChange={(e) =>
                navigate(
                  '/exercises',
                  { q: text, factor: (e.currentTarget as HTMLSelectElement).value, equipment },
                  true,
                )
              }
            >
              <option value="">Any factor</option>
              {factorIds.map((id) => (
                <option key={id} value={id}>
                  {factorNames.get(id) ?? humanise(id)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="ex-equipment">Equipment</label>
            <select
              id="ex-equipment"
              value={equipment}
              onChange={(e) =>
                navigate(
                  '/exercises',
                  { q: text, factor, equipment: (e.currentTarget as HTMLSelectElement).value },
                  true,
                )
              }
            >
              <option value="">Any equipment</option>
              <option value={NONE}>None needed</option>
              {equipmentList.map((x) => (
                <option key={x} value={x}>
                  {humanise(x)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      <p class="result-count" role="status">
        {searching ? 'Searching…' : `${shown.length} ${shown.length === 1 ? 'exercise' : 'exercises'}`}
      </p>
      <ul class="card-list exercise-list">
        {shown.map((e) => (
          <li key={e.id} class="card">
            <h2>
              <a href={link(`/exercises/${e.id}`)}>{e.name}</a>
            </h2>
            <p class="badges">
              <span class="badge">{e.kind}</span>
              {e.equipment.length === 0 ? (
                <span class="badge">no equipment</span>
              ) : (
                e.equipment.map((x) => (
                  <span class="badge" key={x}>
                    {x}
                  </span>
                ))
              )}
            </p>
            <p>{e.purpose}</p>
            <p class="dose">{formatDose(e.dose)}</p>
          </li>
        ))}
      </ul>
      {shown.length === 0 && !searching && <p>No exercise matches. Try fewer words or clear a filter.</p>}
    </>
  );
}

export function ExercisePage({ id }: { id: string }) {
  const state = useAsync(async () => {
    const lib = await loadLibrary();
    const e = lib.exercises.find((x) => x.id === id);
    if (!e) return { e: undefined, lib, sources: [] as Source[] };
    // Offline and never loaded: the source is named plainly, never by its id.
    const sources = e.sources.map(
      (s) =>
        lib.sources.get(s) ?? {
          id: s,
          title: 'A source of this exercise (its details show when you are online)',
          publisher: '',
          kind: 'article',
        },
    );
    return { e, lib, sources };
  }, [id]);
  const [logged, setLogged] = useState<string | undefined>();
  const toast = useUndoToast();

  if (state.loading) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} retry={state.reload} />;
  const { e, lib, sources } = state.data ?? {};
  if (!e || !lib) {
    return (
      <>
        <PageTitle>Exercise not found</PageTitle>
        <p>
          There is no exercise “{id}”. <a href={link('/exercises')}>Back to the library</a>
        </p>
      </>
    );
  }
  const logDone = async () => {
    try {
      const outcome = await postOrQueue('exercise', { items: [e.id] });
      setLogged(undefined);
      const what = `Logged ${e.name} as done today.`;
      toast.offer({
        message: outcome.status === 'queued' ? `${what} ${QUEUED_MESSAGE}` : what,
        undo: async () => {
          await undoLogged('exercise', outcome);
          return 'Removed from your diary.';
        },
      });
    } catch (err) {
      setLogged((err as Error).message);
    }
  };
  return (
    <article class="exercise">
      <p class="breadcrumb">
        <a href={link('/exercises')}>Exercise library</a>
      </p>
      <PageTitle>{e.name}</PageTitle>
      {e.aliases.length > 0 && <p class="muted">Also called: {e.aliases.join(', ')}</p>}
      <p class="badges">
        <span class="badge">{e.kind}</span>
        {e.gentle && <span class="badge">gentle</span>}
      </p>
      <p class="lead">{e.purpose}</p>
      <PositionFigures positions={e.positions} name={e.name} figure={e.figure} holdS={e.dose.holdS} />
      <div class="two-col">
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">Steps</h2>
          <ol class="steps">
            {e.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="dose-heading">
          <h2 id="dose-heading">Dose</h2>
          <p class="dose-big">{formatDose(e.dose)}</p>
          <p class="muted">{e.dose.basis}</p>
          <h3>Equipment</h3>
          <p>{e.equipment.length ? e.equipment.join(', ') : 'None needed.'}</p>
          {e.cautions.length > 0 && (
            <div class="notice notice-warning">
              <h3>Cautions</h3>
              <ul>
                {e.cautions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>
      {(e.easier || e.harder) && (
        <section aria-labelledby="variants-heading">
          <h2 id="variants-heading">Easier and harder</h2>
          {e.easier && (
            <p>
              <strong>Easier:</strong> {e.easier}
            </p>
          )}
          {e.harder && (
            <p>
              <strong>Harder:</strong> {e.harder}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="progression-heading">
        <h2 id="progression-heading">Progression</h2>
        <p>{e.progression}</p>
      </section>
      <section aria-labelledby="helps-heading">
        <h2 id="helps-heading">Helps with</h2>
        <ul class="inline-list">
          {e.factors.map((f) => (
            <li key={f}>
              <a href={link('/exercises', { factor: f })}>{lib.factorNames.get(f) ?? humanise(f)}</a>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <button type="button" class="button secondary" onClick={logDone}>
          I did this today
        </button>
      </p>
      {logged && (
        <p role="alert" class="notice notice-error">
          {logged}
        </p>
      )}
      <UndoToast toast={toast} />
      <section aria-labelledby="ex-sources-heading">
        <h2 id="ex-sources-heading">Sources</h2>
        <SourceList sources={sources ?? []} />
      </section>
    </article>
  );
}

/**
 * The diary: log pain in a few taps (score, where, when, an optional note), rate activities on the
 * Patient-Specific Functional Scale, and see the entries, newest first. Logging offers Undo for a few
 * seconds; any entry can be corrected or deleted afterwards. Entries logged while the server cannot be
 * reached are kept on this device and listed as waiting until they are sent.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { bodyRegions } from '../components/body-map.js';
import { CheckBackCard } from '../components/check-back.js';
import {
  CheckList,
  ChipGroup,
  ErrorBox,
  Loading,
  PageTitle,
  RadioGroup,
  ScoreButtons,
  useAsync,
} from '../components/ui.js';
import { UndoToast, useUndoToast } from '../components/undo-toast.js';
import { dateTime, humanise } from '../format.js';
import {
  type PostOutcome,
  postOrQueue,
  QUEUED_MESSAGE,
  type QueuedEntry,
  undoLogged,
  useOfflineState,
} from '../offline/index.js';
import type { DiaryJson, ExerciseSession, PainCheckin, PsfsRating } from '../types.js';

const TIMINGS = [
  { value: 'before', label: 'Before a run' },
  { value: 'during', label: 'During' },
  { value: 'right-after', label: 'Right after' },
  { value: 'next-morning', label: 'Next morning' },
  { value: 'other', label: 'Other' },
];
const timingLabel = (t: string) => TIMINGS.find((x) => x.value === t)?.label ?? t;
const REGIONS = bodyRegions('painful').map((r) => ({ value: r.id, label: r.name }));
const regionName = (id: string) => REGIONS.find((r) => r.value === id)?.label ?? humanise(id);
/** Exercise and routine names by id, from the knowledge base once it has loaded (the words until then). */
const itemNames = new Map<string, string>();
const itemsText = (items: string[]) => items.map((id) => itemNames.get(id) ?? humanise(id)).join(', ');

/** Load the knowledge base's names for logged items (the same names the plan and the player use). */
async function loadItemNames(): Promise<number> {
  const lists = await Promise.all([api.kbList('exercise'), api.kbList('intervention')]);
  for (const x of lists.flat()) itemNames.set(x.id, x.name);
  return itemNames.size;
}

type Kind = 'pain' | 'exercise' | 'psfs';
const KIND_NAME: Record<Kind, string> = {
  pain: 'pain check-in',
  exercise: 'exercise session',
  psfs: 'activity rating',
};

type Entry = { at: number; key: string; id: string; text: string; note?: string; pending?: boolean } & (
  | { kind: 'pain'; score: number; source: PainCheckin }
  | { kind: 'exercise'; score?: undefined; source: ExerciseSession }
  | { kind: 'psfs'; score: number; source: PsfsRating }
);

const painText = (p: PainCheckin) =>
  `${p.regions.map(regionName).join(', ')} · ${timingLabel(p.timing)}${p.runId ? ' · linked to a run' : ''}`;

function entries(d: DiaryJson): Entry[] {
  const out: Entry[] = [
    ...d.pain.map((p) => ({
      at: p.at,
      key: `p-${p.id}`,
      id: p.id,
      kind: 'pain' as const,
      score: p.score,
      text: painText(p),
      note: p.note,
      source: p,
    })),
    ...d.exercise.map((e) => ({
      at: e.at,
      key: `e-${e.id}`,
      id: e.id,
      kind: 'exercise' as const,
      text: `Did ${itemsText(e.items)}${sessionFeedback(e)}`,
      note: e.note,
      source: e,
    })),
    ...d.psfs.map((r) => ({
      at: r.at,
      key: `s-${r.id}`,
      id: r.id,
      kind: 'psfs' as const,
      score: r.score,
      text: `Activity: ${r.activity}`,
      source: r,
    })),
  ];
  return out.sort((a, b) => b.at - a.at);
}

const FEELING_WORDS: Record<string, string> = { easy: 'easy', 'about-right': 'about right', hard: 'hard' };

/** A guided session's answers, after what was done: ". Felt hard; pain during 4/10; stopped after 2 of 4." */
function sessionFeedback(e: ExerciseSession): string {
  const parts: string[] = [];
  if (e.feeling) parts.push(`felt ${FEELING_WORDS[e.feeling] ?? e.feeling}`);
  if (e.painDuring !== undefined) parts.push(`pain during ${e.painDuring}/10`);
  if (e.planned !== undefined && e.planned > e.items.length)
    parts.push(`stopped after ${e.items.length} of ${e.planned} exercises`);
  if (!parts.length) return '';
  const text = parts.join('; ');
  return `. ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Entries saved on this device and not sent yet (not those the diary already has: sent just now). */
function pendingEntries(queued: QueuedEntry[], d: DiaryJson | undefined): Entry[] {
  const known = new Set([...(d?.pain ?? []), ...(d?.exercise ?? []), ...(d?.psfs ?? [])].map((x) => x.id));
  return queued
    .filter((q) => !known.has(q.id))
    .flatMap((q): Entry[] => {
      const b = q.body as Record<string, unknown> & { id: string; at: number };
      const base = { at: b.at, id: q.id, pending: true };
      if (q.kind === 'pain') {
        const p = { timing: 'other', ...b } as unknown as PainCheckin;
        return [
          {
            ...base,
            key: `q-${q.id}`,
            kind: 'pain',
            score: p.score,
            text: painText(p),
            note: p.note,
            source: p,
          },
        ];
      }
      if (q.kind === 'exercise') {
        const e = b as unknown as ExerciseSession;
        return [
          {
            ...base,
            key: `q-${q.id}`,
            kind: 'exercise',
            text: `Did ${itemsText(e.items)}`,
            note: e.note,
            source: e,
          },
        ];
      }
      const ratings = (b.ratings ?? []) as { activity: string; score: number }[];
      return ratings.map((r, i) => ({
        ...base,
        key: `q-${q.id}-${i}`,
        kind: 'psfs' as const,
        score: r.score,
        text: `Activity: ${r.activity}`,
        source: { id: q.id, at: b.at, ...r },
      }));
    });
}

/** Epoch ms as the value of a datetime-local input (the browser's time zone, to the minute). */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const problemText = (err: unknown) =>
  err instanceof ApiError ? err.message : 'Could not save that. Please try again.';

export function DiaryPage() {
  const diary = useAsync(api.diary);
  // Re-renders with the plan's names once they are here.
  useAsync(() => loadItemNames().catch(() => 0));
  const offline = useOfflineState();
  const toast = useUndoToast();
  const [score, setScore] = useState<number | undefined>();
  const [regions, setRegions] = useState<string[]>([]);
  const [timing, setTiming] = useState<string | undefined>('right-after');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const painForm = useRef<HTMLFormElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (score === undefined) return setProblem('Choose a score from 0 to 10.');
    if (regions.length === 0) return setProblem('Choose at least one place where it hurts.');
    setProblem(undefined);
    setBusy(true);
    const logged = { score, regions, timing, note };
    try {
      const outcome = await postOrQueue('pain', {
        score,
        regions,
        ...(timing ? { timing } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setScore(undefined);
      setNote('');
      diary.reload();
      const what = `Logged pain ${score}/10 (${regions.map(regionName).join(', ')}).`;
      toast.offer({
        message: outcome.status === 'queued' ? `${what} ${QUEUED_MESSAGE}` : what,
        undo: async () => {
          await undoLogged('pain', outcome);
          diary.reload();
          // Back in the form, to log it again as it should have been.
          setScore(logged.score);
          setRegions(logged.regions);
          setTiming(logged.timing);
          setNote(logged.note);
          painForm.current?.querySelector<HTMLInputElement>('input[name="score"]:checked')?.focus();
          return 'Undone: that check-in is removed, and your answers are back in the form.';
        },
      });
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Could not log that. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  // Entries sent from this device's queue are in the diary now: read it again.
  const sent = offline.sentTotal;
  useEffect(() => {
    if (sent > 0) diary.reload();
  }, [sent]);

  const pending = pendingEntries(offline.queued, diary.data);
  const list = [...pending, ...(diary.data ? entries(diary.data) : [])].sort((a, b) => b.at - a.at);
  const visible = showAll ? list : list.slice(0, 30);

  return (
    <>
      <PageTitle>Diary</PageTitle>
      <CheckBackCard />
      <section aria-labelledby="log-heading" class="panel">
        <h2 id="log-heading">Log pain</h2>
        <form onSubmit={submit} noValidate ref={painForm}>
          <ScoreButtons
            legend="How bad is it? 0 (none) to 10 (worst imaginable)"
            name="score"
            value={score}
            onChange={setScore}
          />
          <ChipGroup legend="Where?" options={REGIONS} value={regions} onChange={setRegions} />
          <RadioGroup
            name="timing"
            legend="When?"
            inline
            clearable={false}
            options={TIMINGS}
            value={timing}
            onChange={setTiming}
          />
          <div class="field">
            <label for="pain-note">Note (optional)</label>
            <textarea
              id="pain-note"
              rows={2}
              maxLength={2000}
              value={note}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? 'Logging…' : 'Log pain'}
          </button>
        </form>
      </section>

      <PsfsForm
        onLogged={(outcome, logged, restore) => {
          diary.reload();
          const what = `Logged “${logged.activity}” at ${logged.score}/10.`;
          toast.offer({
            message: outcome.status === 'queued' ? `${what} ${QUEUED_MESSAGE}` : what,
            undo: async () => {
              await undoLogged('psfs', outcome);
              diary.reload();
              restore();
              return 'Undone: that rating is removed, and it is back in the form.';
            },
          });
        }}
      />

      <Entries
        list={list}
        visible={visible}
        loading={diary.loading && !diary.data}
        error={diary.error}
        empty={!diary.loading && list.length === 0}
        reload={diary.reload}
      />
      {list.length > visible.length && (
        <button type="button" class="button secondary" onClick={() => setShowAll(true)}>
          Show all {list.length} entries
        </button>
      )}
      <UndoToast toast={toast} />
    </>
  );
}

/** The entries, newest first, each with Edit and Delete. */
function Entries(props: {
  list: Entry[];
  visible: Entry[];
  loading: boolean;
  error: Error | undefined;
  empty: boolean;
  reload: () => void;
}) {
  const [editing, setEditing] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ key: string; text: string } | undefined>();
  const [focusTo, setFocusTo] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  // After an edit closes or a deletion, focus goes somewhere sensible, never to the page's start.
  useEffect(() => {
    if (!focusTo) return;
    const el = focusTo === 'heading' ? heading.current : document.getElementById(focusTo);
    el?.focus();
    setFocusTo(undefined);
  }, [focusTo, props.visible]);

  const remove = async (x: Entry) => {
    try {
      await api.deleteDiaryEntry(x.kind, x.id);
      setConfirming(undefined);
      setProblem(undefined);
      setStatus(`Deleted the ${KIND_NAME[x.kind]} of ${dateTime(x.at)}.`);
      props.reload();
      setFocusTo('heading');
    } catch (err) {
      setProblem({ key: x.key, text: problemText(err) });
    }
  };

  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading" ref={heading} tabIndex={-1}>
        Entries
      </h2>
      <p role="status" class="status-line entries-status">
        {status}
      </p>
      {props.loading && <Loading />}
      {props.error && <ErrorBox error={props.error} retry={props.reload} />}
      {props.empty && <p>The diary is empty. Log how your back feels after your next run.</p>}
      {props.list.length > 0 && (
        <ul class="entries">
          {props.visible.map((x) => (
            <li key={x.key} class={`entry entry-${x.kind}`}>
              <span class="entry-when">{dateTime(x.at)}</span>
              {x.score !== undefined && (
                <span class={`entry-score ${x.kind === 'pain' ? 'pain' : 'psfs'}`}>
                  {x.kind === 'pain' ? 'Pain' : 'Can do'} {x.score}/10
                </span>
              )}
              <span class="entry-text">{x.text}</span>
              {x.note && <span class="entry-note">“{x.note}”</span>}
              {x.pending && <span class="entry-pending-badge">Waiting to be sent</span>}
              {!x.pending && editing !== x.key && confirming !== x.key && (
                <span class="entry-actions">
                  <button
                    type="button"
                    id={`edit-${x.key}`}
                    class="button small tertiary"
                    aria-label={`Edit the ${KIND_NAME[x.kind]} of ${dateTime(x.at)}`}
                    onClick={() => {
                      setEditing(x.key);
                      setConfirming(undefined);
                      setStatus('');
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    id={`delete-${x.key}`}
                    class="button small tertiary"
                    aria-label={`Delete the ${KIND_NAME[x.kind]} of ${dateTime(x.at)}`}
                    onClick={() => {
                      setConfirming(x.key);
                      setEditing(undefined);
                      setStatus('');
                      setFocusTo(`confirm-${x.key}`);
                    }}
                  >
                    Delete
                  </button>
                </span>
              )}
              {confirming === x.key && (
                <div class="entry-confirm">
                  <p class="entry-confirm-text">
                    Delete this {KIND_NAME[x.kind]}? It cannot be brought back.
                  </p>
                  <button
                    type="button"
                    id={`confirm-${x.key}`}
                    class="button small danger"
                    onClick={() => remove(x)}
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    class="button small tertiary"
                    onClick={() => {
                      setConfirming(undefined);
                      setProblem(undefined);
                      setFocusTo(`delete-${x.key}`);
                    }}
                  >
                    Keep it
                  </button>
                  {problem?.key === x.key && (
                    <p class="field-error" role="alert">
                      {problem.text}
                    </p>
                  )}
                </div>
              )}
              {editing === x.key && (
                <EntryEditor
                  entry={x}
                  onDone={(saved) => {
                    setEditing(undefined);
                    if (saved) {
                      setStatus(`Saved your changes to the ${KIND_NAME[x.kind]}.`);
                      props.reload();
                    }
                    setFocusTo(`edit-${x.key}`);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The form that corrects one entry: the same choices as logging it, filled in. */
function EntryEditor({ entry, onDone }: { entry: Entry; onDone: (saved: boolean) => void }) {
  if (entry.kind === 'pain') return <PainEditor checkin={entry.source} entry={entry} onDone={onDone} />;
  if (entry.kind === 'exercise')
    return <ExerciseEditor session={entry.source} entry={entry} onDone={onDone} />;
  return <PsfsEditor rating={entry.source} entry={entry} onDone={onDone} />;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

type EditorProps = { entry: Entry; onDone: (saved: boolean) => void };

/**
 * What every editor shares: the date and time, the error line, Save and Cancel (Escape too). `changes`
 * returns only what differs from the entry (an empty object when nothing does: then Save just closes),
 * or throws a sentence for a field left empty.
 */
function EditorFrame(
  props: EditorProps & {
    children: ComponentChildren;
    changes: (at: number | undefined) => Record<string, unknown>;
    send: (changes: Record<string, unknown>) => Promise<unknown>;
  },
) {
  const { entry, onDone } = props;
  const [when, setWhen] = useState(toLocalInput(entry.at));
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fields = useRef<HTMLFieldSetElement>(null);
  const title = `Edit the ${KIND_NAME[entry.kind]} of ${dateTime(entry.at)}`;
  const idBase = `edit-${entry.key}`;

  useEffect(() => {
    fields.current?.querySelector<HTMLElement>('input:checked, input, textarea')?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    let changes: Record<string, unknown>;
    try {
      // The time only when it was changed: the input keeps minutes, the entry may have seconds.
      const t = when === toLocalInput(entry.at) ? undefined : new Date(when).getTime();
      if (t !== undefined && !Number.isFinite(t)) throw new Error('Give a date and a time.');
      changes = props.changes(t);
    } catch (err) {
      setProblem((err as Error).message);
      return;
    }
    if (Object.keys(changes).length === 0) return onDone(false);
    setBusy(true);
    try {
      await props.send(changes);
      onDone(true);
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="entry-editor"
      aria-label={title}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onDone(false);
      }}
    >
      <fieldset class="entry-editor-fields" ref={fields}>
        <legend class="entry-editor-legend">Correct this {KIND_NAME[entry.kind]}</legend>
        {props.children}
        <div class="field">
          <label for={`${idBase}-at`}>Date and time</label>
          <input
            id={`${idBase}-at`}
            type="datetime-local"
            value={when}
            max={toLocalInput(Date.now())}
            required
            onInput={(e) => setWhen((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </fieldset>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="entry-editor-buttons">
        <button type="submit" class="button primary small" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" class="button tertiary small" onClick={() => onDone(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NoteField(props: { id: string; value: string; onInput: (v: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>Note (optional)</label>
      <textarea
        id={props.id}
        rows={2}
        maxLength={2000}
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

function PainEditor({ checkin: p, ...props }: EditorProps & { checkin: PainCheckin }) {
  const [score, setScore] = useState(p.score);
  const [regions, setRegions] = useState<string[]>(p.regions);
  const [timing, setTiming] = useState<string | undefined>(p.timing);
  const [note, setNote] = useState(p.note ?? '');
  const idBase = `edit-${props.entry.key}`;
  return (
    <EditorFrame
      {...props}
      changes={(at) => {
        if (regions.length === 0) throw new Error('Choose at least one place where it hurts.');
        const noteNow = note.trim();
        return {
          ...(score !== p.score ? { score } : {}),
          ...(sameSet(regions, p.regions) ? {} : { regions }),
          ...(timing !== p.timing ? { timing } : {}),
          ...(noteNow !== (p.note ?? '') ? { note: noteNow || null } : {}),
          ...(at !== undefined ? { at } : {}),
        };
      }}
      send={(changes) => api.editPain(p.id, changes)}
    >
      <ScoreButtons legend="How bad was it?" name={`${idBase}-score`} value={score} onChange={setScore} />
      <ChipGroup legend="Where?" options={REGIONS} value={regions} onChange={setRegions} />
      <RadioGroup
        name={`${idBase}-timing`}
        legend="When?"
        inline
        clearable={false}
        options={TIMINGS}
        value={timing}
        onChange={setTiming}
      />
      <NoteField id={`${idBase}-note`} value={note} onInput={setNote} />
    </EditorFrame>
  );
}

function ExerciseEditor({ session: s, ...props }: EditorProps & { session: ExerciseSession }) {
  const [items, setItems] = useState<string[]>(s.items);
  const [shown, setShown] = useState<string[]>(s.items);
  const [note, setNote] = useState(s.note ?? '');
  const library = useAsync(() => api.kbList('exercise'));
  const idBase = `edit-${props.entry.key}`;
  const name = (id: string) => library.data?.find((x) => x.id === id)?.name ?? humanise(id);
  const addable = (library.data ?? []).filter((x) => !shown.includes(x.id));
  return (
    <EditorFrame
      {...props}
      changes={(at) => {
        if (items.length === 0) throw new Error('Keep at least one exercise, or delete the session instead.');
        const noteNow = note.trim();
        return {
          ...(sameSet(items, s.items) ? {} : { items }),
          ...(noteNow !== (s.note ?? '') ? { note: noteNow || null } : {}),
          ...(at !== undefined ? { at } : {}),
        };
      }}
      send={(changes) => api.editExercise(s.id, changes)}
    >
      <CheckList
        legend="What you did (untick what you did not)"
        options={shown.map((id) => ({ value: id, label: name(id) }))}
        value={items}
        onToggle={(id, on) => setItems(on ? [...items, id] : items.filter((x) => x !== id))}
      />
      {addable.length > 0 && (
        <div class="field">
          <label for={`${idBase}-add`}>Add an exercise you did</label>
          <select
            id={`${idBase}-add`}
            value=""
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              if (!id) return;
              setShown([...shown, id]);
              setItems([...items, id]);
            }}
          >
            <option value="">Choose an exercise…</option>
            {addable.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <NoteField id={`${idBase}-note`} value={note} onInput={setNote} />
    </EditorFrame>
  );
}

function PsfsEditor({ rating: r, ...props }: EditorProps & { rating: PsfsRating }) {
  const [activity, setActivity] = useState(r.activity);
  const [score, setScore] = useState(r.score);
  const idBase = `edit-${props.entry.key}`;
  return (
    <EditorFrame
      {...props}
      changes={(at) => {
        const name = activity.trim();
        if (!name) throw new Error('Name the activity.');
        return {
          ...(name !== r.activity ? { activity: name } : {}),
          ...(score !== r.score ? { score } : {}),
          ...(at !== undefined ? { at } : {}),
        };
      }}
      send={(changes) => api.editPsfs(r.id, changes)}
    >
      <div class="field">
        <label for={`${idBase}-activity`}>Activity</label>
        <input
          id={`${idBase}-activity`}
          type="text"
          maxLength={200}
          value={activity}
          onInput={(e) => setActivity((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <ScoreButtons
        ends={ABILITY_ENDS}
        legend="How well could you do it? 0 (cannot) to 10 (as before)"
        name={`${idBase}-score`}
        value={score}
        onChange={setScore}
      />
    </EditorFrame>
  );
}

/** The PSFS scale's ends in words: 10 here is "as well as before", not the worst pain. */
const ABILITY_ENDS: [string, string] = ['0 cannot do it', '10 as well as before'];

function PsfsForm({
  onLogged,
}: {
  /** `restore` puts the rating back in the form (after Undo). */
  onLogged: (
    outcome: PostOutcome<PsfsRating[]>,
    logged: { activity: string; score: number },
    restore: () => void,
  ) => void;
}) {
  const [activity, setActivity] = useState('');
  const [score, setScore] = useState<number | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!activity.trim() || score === undefined) {
      setProblem('Name an activity and give it a score.');
      return;
    }
    try {
      const logged = { activity: activity.trim(), score };
      const outcome = await postOrQueue('psfs', { ratings: [logged] });
      setProblem(undefined);
      setScore(undefined);
      onLogged(outcome, logged, () => {
        setActivity(logged.activity);
        setScore(logged.score);
      });
    } catch (err) {
      setProblem(problemText(err));
    }
  };
  return (
    <details class="panel">
      <summary>
        <h2 class="inline-heading">Rate an activity (optional)</h2>
      </summary>
      <p class="hint">
        The Patient-Specific Functional Scale: pick an activity your back makes hard (“run 10 km”, “sit for 2
        hours”) and rate it from 0 (cannot do it) to 10 (as well as before). Rate the same ones each week.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="psfs-activity">Activity</label>
          <input
            id="psfs-activity"
            type="text"
            maxLength={200}
            value={activity}
            onInput={(e) => setActivity((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <ScoreButtons
          ends={ABILITY_ENDS}
          legend="How well can you do it? 0 (cannot) to 10 (as before)"
          name="psfs-score"
          value={score}
          onChange={setScore}
        />
        <button type="submit" class="button secondary">
          Log rating
        </button>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}

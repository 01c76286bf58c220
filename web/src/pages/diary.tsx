/**
 * The diary: log pain in a few taps (score, where, when, an optional note), rate activities on the
 * Patient-Specific Functional Scale, and see the entries, newest first.
 */
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { bodyRegions } from '../components/body-map.js';
import { CheckBackCard } from '../components/check-back.js';
import {
  ChipGroup,
  ErrorBox,
  Loading,
  PageTitle,
  RadioGroup,
  ScoreButtons,
  useAsync,
} from '../components/ui.js';
import { dateTime, humanise } from '../format.js';
import type { DiaryJson } from '../types.js';

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

type Entry = {
  at: number;
  key: string;
  kind: 'pain' | 'exercise' | 'psfs';
  text: string;
  score?: number;
  note?: string;
};

function entries(d: DiaryJson): Entry[] {
  const out: Entry[] = [
    ...d.pain.map((p) => ({
      at: p.at,
      key: `p-${p.id}`,
      kind: 'pain' as const,
      score: p.score,
      text: `${p.regions.map(regionName).join(', ')} · ${timingLabel(p.timing)}${p.runId ? ' · linked to a run' : ''}`,
      note: p.note,
    })),
    ...d.exercise.map((e) => ({
      at: e.at,
      key: `e-${e.id}`,
      kind: 'exercise' as const,
      text: `Did ${e.items.map(humanise).join(', ')}`,
      note: e.note,
    })),
    ...d.psfs.map((r) => ({
      at: r.at,
      key: `s-${r.id}`,
      kind: 'psfs' as const,
      score: r.score,
      text: `Activity: ${r.activity}`,
    })),
  ];
  return out.sort((a, b) => b.at - a.at);
}

export function DiaryPage() {
  const diary = useAsync(api.diary);
  const [score, setScore] = useState<number | undefined>();
  const [regions, setRegions] = useState<string[]>([]);
  const [timing, setTiming] = useState<string | undefined>('right-after');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    if (score === undefined) return setProblem('Choose a score from 0 to 10.');
    if (regions.length === 0) return setProblem('Choose at least one place where it hurts.');
    setProblem(undefined);
    setBusy(true);
    try {
      await api.logPain({
        score,
        regions,
        ...(timing ? { timing } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(`Logged pain ${score}/10 (${regions.map(regionName).join(', ')}).`);
      setScore(undefined);
      setNote('');
      diary.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'Could not log that. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  const list = diary.data ? entries(diary.data) : [];
  const visible = showAll ? list : list.slice(0, 30);

  return (
    <>
      <PageTitle>Diary</PageTitle>
      <CheckBackCard />
      <section aria-labelledby="log-heading" class="panel">
        <h2 id="log-heading">Log pain</h2>
        <form onSubmit={submit} noValidate>
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
          <p role="status" class="status-line">
            {done}
          </p>
        </form>
      </section>

      <PsfsForm onLogged={diary.reload} />

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Entries</h2>
        {diary.loading && !diary.data && <Loading />}
        {diary.error && <ErrorBox error={diary.error} retry={diary.reload} />}
        {diary.data && list.length === 0 && (
          <p>The diary is empty. Log how your back feels after your next run.</p>
        )}
        {list.length > 0 && (
          <ul class="entries">
            {visible.map((x) => (
              <li key={x.key} class={`entry entry-${x.kind}`}>
                <span class="entry-when">{dateTime(x.at)}</span>
                {x.score !== undefined && (
                  <span class={`entry-score ${x.kind === 'pain' ? 'pain' : 'psfs'}`}>
                    {x.kind === 'pain' ? 'Pain' : 'Can do'} {x.score}/10
                  </span>
                )}
                <span class="entry-text">{x.text}</span>
                {x.note && <span class="entry-note">“{x.note}”</span>}
              </li>
            ))}
          </ul>
        )}
        {list.length > visible.length && (
          <button type="button" class="button secondary" onClick={() => setShowAll(true)}>
            Show all {list.length} entries
          </button>
        )}
      </section>
    </>
  );
}

function PsfsForm({ onLogged }: { onLogged: () => void }) {
  const [activity, setActivity] = useState('');
  const [score, setScore] = useState<number | undefined>();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!activity.trim() || score === undefined) {
      setMsg({ ok: false, text: 'Name an activity and give it a score.' });
      return;
    }
    try {
      await api.logPsfs({ ratings: [{ activity: activity.trim(), score }] });
      setMsg({ ok: true, text: `Logged “${activity.trim()}” at ${score}/10.` });
      setScore(undefined);
      onLogged();
    } catch (err) {
      setMsg({ ok: false, text: (err as Error).message });
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
          legend="How well can you do it? 0 (cannot) to 10 (as before)"
          name="psfs-score"
          value={score}
          onChange={setScore}
        />
        <button type="submit" class="button secondary">
          Log rating
        </button>
        <p role="status" class={msg && !msg.ok ? 'field-error' : 'status-line'}>
          {msg?.text}
        </p>
      </form>
    </details>
  );
}

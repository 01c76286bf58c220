/**
 * "Check my form": filming guidance, a clip picked or recorded on the phone, analysed on this device (the
 * pose model runs in the browser; the video is never sent), then the measures with a verdict each, key
 * frames with the skeleton drawn over them, what to work on with the plan's exercises and cues, or the
 * reasons the clip could not be measured. Only "Save these measures" sends anything to the server.
 * Loaded on demand, with its model, so the first page load stays small.
 */
import './form.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type ClipComparison,
  compareEarlyLate,
  driftInWords,
  earlyPartner,
} from '../../../src/form/compare.js';
import {
  BONES,
  formatMeasure as fmt,
  keyFrameChoices,
  SKELETON_COLOURS,
} from '../../../src/form/keyframes.js';
import { FORM_THRESHOLDS } from '../../../src/form/thresholds.js';
import type {
  Finding,
  FormReport,
  KeypointTrack,
  Measure,
  Pose,
  ViewChoice,
} from '../../../src/form/types.js';
import { api } from '../api.js';
import { ErrorBox, PageTitle, ProgressBar, RadioGroup, useAsync } from '../components/ui.js';
import { analyseClip, type ClipAnalysis, ClipError, type Progress } from '../form/video-pose.js';
import { dateTime } from '../format.js';
import { link } from '../router.js';
import type { Exercise, FormKeyFrame, SavedFormCheck } from '../types.js';

const VIEWS = [
  { value: 'auto', label: 'Let Backstride tell' },
  { value: 'side', label: 'From the side' },
  { value: 'back', label: 'From behind' },
  { value: 'front', label: 'From the front' },
] as const;

function Guidance() {
  return (
    <section aria-labelledby="filming-heading" class="form-guidance">
      <h2 id="filming-heading">How to film</h2>
      <ul>
        <li>Hold or prop the phone at hip height, 3 to 5 metres away.</li>
        <li>Keep your whole body in the picture, head to feet, for the whole clip.</li>
        <li>
          Film 10 to 20 seconds of steady running on a treadmill or a flat path, not the start or a sprint.
        </li>
        <li>
          Film from the side for lean, head, shoulders and arm swing. Film from behind or in front to see
          whether your arms cross your body.
        </li>
        <li>Good light, and no one else running through the picture if you can help it.</li>
      </ul>
      <p class="notice notice-info">
        Your video stays on this device. It is looked at here, in your browser, and never sent anywhere. Only
        if you press “Save these measures” are the numbers (and, if you tick the box, a few still pictures)
        kept.
      </p>
    </section>
  );
}

/** A measure's verdict in plain words, from the findings and the thresholds. */
function verdict(m: Measure, findings: Finding[]): { tone: 'work' | 'ok' | 'info'; text: string } {
  const found = findings.find((f) => f.measure === m.id);
  if (found) return { tone: 'work', text: `Worth working on: ${found.summary}` };
  const limit = FORM_THRESHOLDS.find(
    (t) => t.measure === m.id && !t.condition && (!t.landmark || !m.landmark || t.landmark === m.landmark),
  );
  if (limit) {
    const side = limit.direction === 'above' ? 'under' : 'over';
    return { tone: 'ok', text: `Looks fine: ${side} ${fmt(limit.value)} ${limit.unit}.` };
  }
  return { tone: 'info', text: 'For reference; nothing to judge on its own.' };
}

function drawSkeleton(ctx: CanvasRenderingContext2D, pose: Pose, scale: number) {
  ctx.lineWidth = Math.max(2, 4 * scale);
  ctx.strokeStyle = SKELETON_COLOURS.bone;
  ctx.fillStyle = SKELETON_COLOURS.point;
  for (const [a, b] of BONES) {
    const p = pose[a];
    const q = pose[b];
    if (!p || !q) continue;
    ctx.beginPath();
    ctx.moveTo(p.x * scale, p.y * scale);
    ctx.lineTo(q.x * scale, q.y * scale);
    ctx.stroke();
  }
  for (const k of Object.values(pose)) {
    if (!k) continue;
    ctx.beginPath();
    ctx.arc(k.x * scale, k.y * scale, Math.max(3, 5 * scale), 0, Math.PI * 2);
    ctx.fill();
  }
}

type KeyPicture = { frame: number; tS: number; caption: string; canvas: HTMLCanvasElement };

async function keyPictures(clip: ClipAnalysis, track: KeypointTrack): Promise<KeyPicture[]> {
  const out: KeyPicture[] = [];
  for (const { frame, caption } of keyFrameChoices(clip.report)) {
    const tf = track.frames[frame];
    const pose = tf?.people[0];
    if (!tf || !pose) continue;
    const bitmap = await clip.frameAt(tf.tS);
    const scale = Math.min(1, 480 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    drawSkeleton(ctx, pose, scale);
    out.push({ frame, tS: tf.tS, caption, canvas });
  }
  return out;
}

function KeyFrameView({ picture }: { picture: KeyPicture }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    picture.canvas.setAttribute('role', 'img');
    picture.canvas.setAttribute(
      'aria-label',
      `The runner at ${picture.tS.toFixed(1)} s with the measured body points drawn over`,
    );
    el.replaceChildren(picture.canvas);
  }, [picture]);
  return (
    <figure class="form-keyframe">
      <div ref={box} />
      <figcaption>
        At {picture.tS.toFixed(1)} s. {picture.caption}
      </figcaption>
    </figure>
  );
}

type Cue = { id: string; title: string; detail?: string; factors: string[] };

/** What to work on for one finding: the exercises and cues of the knowledge base for its factor. */
function WorkOn({
  finding,
  exercises,
  cues,
  planned,
}: {
  finding: Finding;
  exercises: Exercise[];
  cues: Cue[];
  planned: Set<string>;
}) {
  const name = useAsync(() => api.kbItem(`factor:${finding.factorId}`), [finding.factorId]);
  const forFactor = exercises
    .filter((e) => e.factors.includes(finding.factorId))
    .sort((a, b) => Number(planned.has(b.id)) - Number(planned.has(a.id)))
    .slice(0, 4);
  const cueList = cues.filter((c) => c.factors.includes(finding.factorId)).slice(0, 3);
  const title = (name.data?.item.name as string | undefined) ?? finding.summary;
  return (
    <li class="form-finding">
      <h3>{title}</h3>
      <p>{finding.summary}</p>
      <p class="hint">
        Measured {fmt(finding.value)} {finding.unit}; the line is {fmt(finding.threshold.value)}{' '}
        {finding.threshold.unit} ({finding.threshold.source}). How sure:{' '}
        {Math.round(finding.confidence * 100)}%.
      </p>
      {cueList.length > 0 && (
        <>
          <h4>While you run</h4>
          <ul>
            {cueList.map((c) => (
              <li key={c.id}>
                <strong>{c.title}.</strong> {c.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      {forFactor.length > 0 && (
        <>
          <h4>Exercises that help</h4>
          <ul>
            {forFactor.map((e) => (
              <li key={e.id}>
                <a href={link(`/exercises/${e.id}`)}>{e.name}</a>
                {planned.has(e.id) && <span class="form-tag"> in your plan</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function useAdvice() {
  return useAsync(async () => {
    const [exercises, cueDoc, plan] = await Promise.all([
      api.exercises(),
      fetch('/api/kb?kind=intervention&full=true').then((r) => (r.ok ? r.json() : [])),
      api.plan().catch(() => undefined),
    ]);
    const cues = (cueDoc as { item?: Cue }[]).map((x) => x.item).filter((c): c is Cue => !!c?.factors);
    const planned = new Set<string>();
    for (const d of plan?.schedule.days ?? [])
      for (const g of d.groups) for (const i of g.items) planned.add(i.id);
    return { exercises, cues, planned };
  });
}

function Refusal({ report }: { report: FormReport }) {
  const reasons = report.quality.refusals.length
    ? report.quality.refusals
    : ['We could not see steady running in this clip.'];
  return (
    <div class="notice notice-warning" role="status">
      <h2>We could not measure your form from this clip</h2>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>Nothing was guessed. Try again with the tips under “How to film”.</p>
    </div>
  );
}

/** Key frames as small JPEGs for saving. */
function encodeKeyFrames(pictures: KeyPicture[]): FormKeyFrame[] {
  return pictures.map((p) => ({
    frame: p.frame,
    tS: p.tS,
    mime: 'image/jpeg' as const,
    data: p.canvas.toDataURL('image/jpeg', 0.7).replace(/^data:image\/jpeg;base64,/, ''),
  }));
}

function SaveBox({
  report,
  pictures,
  onSaved,
}: {
  report: FormReport;
  pictures: KeyPicture[];
  onSaved: () => void;
}) {
  const [withPictures, setWithPictures] = useState(false);
  const [label, setLabel] = useState<'early' | 'late' | 'none'>('none');
  const [state, setState] = useState<{ busy?: boolean; done?: string; error?: Error }>({});
  const [comparison, setComparison] = useState<Comparison>();
  const save = async () => {
    setState({ busy: true });
    setComparison(undefined);
    try {
      const saved = await api.saveFormCheck({
        checkedAt: Date.now(),
        label: label === 'none' ? null : label,
        running: report.running,
        view: report.view,
        cadenceSpm: report.cadenceSpm,
        measures: report.measures,
        findings: report.findings,
        quality: report.quality,
        keyFrames: withPictures ? encodeKeyFrames(pictures) : [],
      });
      setState({ done: withPictures ? 'Saved the measures and the pictures.' : 'Saved the measures.' });
      onSaved();
      if (saved.label === 'late' && report.running) {
        const usable = (await api.formChecks()).filter(
          (c) => c.id !== saved.id && c.running && c.quality.refusals.length === 0,
        );
        const early = earlyPartner(saved.checkedAt, usable);
        setComparison(early ? { early, ...compareEarlyLate(early, report) } : { early: undefined });
      }
    } catch (error) {
      setState({ error: error as Error });
    }
  };
  return (
    <section aria-labelledby="save-heading" class="form-save">
      <h2 id="save-heading">Keep these measures</h2>
      <RadioGroup
        legend="When in your run was this filmed?"
        name="form-label"
        inline
        clearable={false}
        options={[
          { value: 'none', label: 'Just a check' },
          { value: 'early', label: 'Early in a run' },
          { value: 'late', label: 'Late in the same run' },
        ]}
        value={label}
        onChange={(v) => setLabel(v ?? 'none')}
      />
      {pictures.length > 0 && (
        <label class="choice">
          <input
            type="checkbox"
            checked={withPictures}
            onChange={(e) => setWithPictures(e.currentTarget.checked)}
          />
          <span>Also keep the {pictures.length} still pictures above (never the video)</span>
        </label>
      )}
      <button type="button" class="button primary" disabled={state.busy} onClick={save}>
        Save these measures
      </button>
      {state.done && (
        <p class="notice notice-success" role="status">
          {state.done}
        </p>
      )}
      {state.error && <ErrorBox error={state.error} />}
      {comparison && <EarlyLate comparison={comparison} />}
    </section>
  );
}

const judged = (measure: string) =>
  FORM_THRESHOLDS.find((t) => t.factorId === 'fatigue-hunch' && t.measure === measure);

function driftVerdict(measure: string, finding: ClipComparison['findings'][number] | undefined): string {
  if (finding) return `Worth working on: ${finding.summary} (${finding.threshold.source})`;
  const t = judged(measure);
  if (!t) return 'Shown for your information; not judged on its own.';
  return `Fine: ${t.direction === 'above' ? 'under' : 'over'} ${t.value} ${t.unit}.`;
}

type Comparison = ({ early: SavedFormCheck } & ClipComparison) | { early: undefined };

/** A late clip against the early clip of the same run: how the form drifted as the runner tired. */
function EarlyLate({ comparison }: { comparison: Comparison }) {
  if (!comparison.early)
    return (
      <p class="notice" role="status">
        There is no early clip of this run to compare with: save a clip as "Early in a run" at the start of
        your next run, then this one late in the same run (within 12 hours).
      </p>
    );
  const { early, drift, findings } = comparison;
  return (
    <section aria-labelledby="early-late-heading" class="form-early-late">
      <h3 id="early-late-heading">Compared with your early clip (saved {dateTime(early.checkedAt)})</h3>
      {drift.length === 0 ? (
        <p>The two clips were filmed from different sides, so they cannot be compared.</p>
      ) : (
        <ul class="form-measures">
          {drift.map((d) => {
            const finding = findings.find((f) => f.measure === d.id);
            return (
              <li key={d.id} class={`form-measure ${finding ? 'work' : judged(d.id) ? 'ok' : 'info'}`}>
                <span class="form-measure-name">Late in the run: {driftInWords(d)}</span>
                <span class="form-verdict">{driftVerdict(d.id, finding)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {drift.length > 0 && findings.length === 0 && <p>Your form held up: no drift passed its threshold.</p>}
    </section>
  );
}

function SavedChecks({ version }: { version: number }) {
  const list = useAsync(() => api.formChecks(), [version]);
  const [gone, setGone] = useState<string[]>([]);
  if (list.error) return <ErrorBox error={list.error} retry={list.reload} />;
  const checks = (list.data ?? []).filter((c) => !gone.includes(c.id));
  if (!checks.length) return null;
  const remove = async (c: SavedFormCheck) => {
    await api.deleteFormCheck(c.id);
    setGone((g) => [...g, c.id]);
  };
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">Your saved checks</h2>
      <ul class="form-saved">
        {checks.map((c) => (
          <li key={c.id}>
            <span>
              {dateTime(c.checkedAt)}
              {c.label ? ` (${c.label} in a run)` : ''}:{' '}
              {c.cadenceSpm ? `${Math.round(c.cadenceSpm)} steps a minute, ` : ''}
              {c.findings.length ? `${c.findings.length} to work on` : 'nothing to work on'}
              {c.keyFrames.length ? `, ${c.keyFrames.length} pictures` : ''}
            </span>
            <button type="button" class="button small secondary" onClick={() => remove(c)}>
              Delete
              <span class="visually-hidden"> the check of {dateTime(c.checkedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Result({
  clip,
  pictures,
  onSaved,
}: {
  clip: ClipAnalysis;
  pictures: KeyPicture[];
  onSaved: () => void;
}) {
  const { report, timings } = clip;
  const advice = useAdvice();
  const measured = report.running && report.quality.refusals.length === 0;
  return (
    <div
      class="form-result"
      data-cadence={report.cadenceSpm ?? ''}
      data-decode-ms={timings.decodeMsPerFrame.toFixed(1)}
      data-infer-ms={timings.inferMsPerFrame.toFixed(1)}
      data-frames={timings.frames}
      data-total-s={timings.totalS.toFixed(1)}
      data-workers={timings.workers}
      data-sought={timings.sought}
      data-rate={timings.playbackRate}
    >
      <p class="hint">
        Looked at {timings.frames} frames in {timings.totalS.toFixed(0)} s on this device.
      </p>
      {!measured ? (
        <Refusal report={report} />
      ) : (
        <>
          <section aria-labelledby="work-heading">
            <h2 id="work-heading">What to work on</h2>
            {report.findings.length === 0 ? (
              <p>Nothing stood out in this clip. Keep running the way you do.</p>
            ) : advice.error ? (
              <ErrorBox error={advice.error} retry={advice.reload} />
            ) : (
              <ul class="form-findings">
                {report.findings.map((f) => (
                  <WorkOn
                    key={`${f.factorId}-${f.measure}`}
                    finding={f}
                    exercises={advice.data?.exercises ?? []}
                    cues={advice.data?.cues ?? []}
                    planned={advice.data?.planned ?? new Set()}
                  />
                ))}
              </ul>
            )}
          </section>
          {pictures.length > 0 && (
            <section aria-labelledby="frames-heading">
              <h2 id="frames-heading">Key moments</h2>
              <div class="form-keyframes">
                {pictures.map((p) => (
                  <KeyFrameView key={p.frame} picture={p} />
                ))}
              </div>
            </section>
          )}
          <section aria-labelledby="measures-heading">
            <h2 id="measures-heading">What we measured</h2>
            <p>
              Filmed{' '}
              {report.view === 'side'
                ? 'from the side'
                : report.view === 'back'
                  ? 'from behind'
                  : 'from the front'}
              {report.viewSource === 'detected' ? ' (as we saw it)' : ''}.
              {report.cadenceSpm !== null && (
                <>
                  {' '}
                  Cadence: <strong class="form-cadence">{report.cadenceSpm.toFixed(1)}</strong> steps a
                  minute.
                </>
              )}
            </p>
            <ul class="form-measures">
              {report.measures
                .filter((m) => m.id !== 'cadence')
                .map((m) => {
                  const v = verdict(m, report.findings);
                  return (
                    <li key={m.id} class={`form-measure ${v.tone}`}>
                      <span class="form-measure-name">{m.label}</span>{' '}
                      <span class="form-measure-value">
                        {fmt(m.value)} {m.unit}
                      </span>
                      <span class="form-verdict">{v.text}</span>
                    </li>
                  );
                })}
            </ul>
            {report.quality.warnings.length > 0 && (
              <div class="notice notice-info">
                <p>Less certain because:</p>
                <ul>
                  {report.quality.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </>
      )}
      {report.running && <SaveBox report={report} pictures={pictures} onSaved={onSaved} />}
    </div>
  );
}

/**
 * Phones and tablets can film straight into the page (the capture attribute opens the camera, and on
 * some phones then offers nothing else, so choosing a saved clip keeps its own field); elsewhere it would
 * only be a second file picker.
 */
const canRecord = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

export function FormPage() {
  const [file, setFile] = useState<File | undefined>();
  const [view, setView] = useState<ViewChoice>('auto');
  const [progress, setProgress] = useState<Progress | undefined>();
  const [result, setResult] = useState<{ clip: ClipAnalysis; pictures: KeyPicture[] } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [savedVersion, setSavedVersion] = useState(0);
  const abort = useRef<AbortController | undefined>();

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => () => result?.clip.close(), [result]);

  const start = async () => {
    if (!file) return;
    setResult(undefined);
    setError(undefined);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const clip = await analyseClip(file, { view, signal: controller.signal, onProgress: setProgress });
      const pictures = clip.report.running ? await keyPictures(clip, clip.track) : [];
      setResult({ clip, pictures });
    } catch (e) {
      if ((e as Error).name === 'AbortError') setError('Stopped. Nothing was kept.');
      else setError(e instanceof ClipError ? e.message : 'This clip could not be looked at here.');
    } finally {
      abort.current = undefined;
      setProgress(undefined);
    }
  };

  return (
    <div class="form-page">
      <PageTitle>Check my form</PageTitle>
      <p class="lede">
        A short phone clip of you running shows things you cannot see yourself: shoulders creeping up, the
        head pushing forward, leaning from the waist, arms crossing your body.
      </p>
      <Guidance />
      <section aria-labelledby="clip-heading">
        <h2 id="clip-heading">Your clip</h2>
        <div class="field">
          <label for="form-clip">Choose a clip you filmed</label>
          <input
            id="form-clip"
            type="file"
            accept="video/*"
            onChange={(e) => setFile(e.currentTarget.files?.[0])}
          />
        </div>
        {canRecord && (
          <div class="field">
            <label for="form-record">Or film one now with the back camera</label>
            <input
              id="form-record"
              type="file"
              accept="video/*"
              capture="environment"
              onChange={(e) => setFile(e.currentTarget.files?.[0])}
            />
          </div>
        )}
        <RadioGroup
          legend="Where was the phone?"
          name="form-view"
          inline
          clearable={false}
          options={VIEWS}
          value={view}
          onChange={(v) => setView(v ?? 'auto')}
        />
        {progress ? (
          <div class="form-progress">
            <ProgressBar
              label={progress.phase === 'model' ? 'Getting the pose model ready' : 'Watching the clip'}
              value={progress.done}
              max={progress.total}
              text={
                progress.phase === 'model'
                  ? 'Starting…'
                  : `${progress.done} of about ${progress.total} frames`
              }
            />
            <button type="button" class="button secondary" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="button primary" disabled={!file} onClick={start}>
            Analyse my form
          </button>
        )}
        {error && (
          <p class="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {result && (
        <Result clip={result.clip} pictures={result.pictures} onSaved={() => setSavedVersion((v) => v + 1)} />
      )}
      <SavedChecks version={savedVersion} />
    </div>
  );
}

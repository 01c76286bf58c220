/**
 * Runs: import files by drag and drop (or the file picker) with two progress bars, the upload and then
 * the server's processing, and the list of stored runs, newest first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, uploadFiles } from '../api.js';
import { ErrorBox, Loading, PageTitle, ProgressBar, useAsync } from '../components/ui.js';
import { date, distance, duration, pace, useUnits } from '../format.js';
import { link } from '../router.js';
import type { ImportStatus } from '../types.js';

const DONE = new Set(['done', 'complete', 'completed', 'finished', 'succeeded', 'success']);
const FAILED = new Set(['failed', 'error', 'errored', 'cancelled']);
const PAGE = 50;

const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MB`;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number; files: number }
  | { kind: 'processing'; status?: ImportStatus }
  | { kind: 'done'; status: ImportStatus }
  | { kind: 'failed'; message: string };

function Importer({ onImported }: { onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const poll = async (id: string) => {
    while (alive.current) {
      let status: ImportStatus;
      try {
        status = await api.importStatus(id);
      } catch (e) {
        setPhase({ kind: 'failed', message: (e as Error).message });
        return;
      }
      if (!alive.current) return;
      if (DONE.has(status.state)) {
        setPhase({ kind: 'done', status });
        onImported();
        return;
      }
      if (FAILED.has(status.state)) {
        setPhase({ kind: 'failed', message: status.error?.message ?? 'The import failed.' });
        return;
      }
      setPhase({ kind: 'processing', status });
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  const start = async (files: File[]) => {
    if (!files.length) return;
    const total = files.reduce((s, f) => s + f.size, 0);
    setPhase({ kind: 'uploading', loaded: 0, total, files: files.length });
    const upload = uploadFiles(
      files,
      (loaded, t) =>
        alive.current && setPhase({ kind: 'uploading', loaded, total: t || total, files: files.length }),
    );
    try {
      const { id } = await upload.done;
      setPhase({ kind: 'processing' });
      await poll(id);
    } catch (e) {
      setPhase({ kind: 'failed', message: e instanceof ApiError ? e.message : 'The upload failed.' });
    }
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  const p = phase.kind === 'processing' ? phase.status?.progress : undefined;
  const s = phase.kind === 'done' ? phase.status.summary : undefined;

  return (
    <section aria-labelledby="import-heading" class="panel">
      <h2 id="import-heading">Import runs</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file picker inside is the accessible control. */}
      <div
        class={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) void start([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <p>Drag FIT, GPX or TCX files here (gzipped or not), or a Strava or Garmin export zip.</p>
        <label class="button primary file-button">
          Choose files
          <input
            ref={input}
            type="file"
            multiple
            disabled={busy}
            accept=".fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX"
            class="visually-hidden"
            onChange={(e) => {
              const el = e.currentTarget as HTMLInputElement;
              void start([...(el.files ?? [])]);
              el.value = '';
            }}
          />
        </label>
      </div>
      <div aria-live="polite">
        {phase.kind === 'uploading' && (
          <ProgressBar
            label={`Uploading ${phase.files} ${phase.files === 1 ? 'file' : 'files'}`}
            value={phase.loaded}
            max={phase.total}
            text={`${mb(phase.loaded)} of ${mb(phase.total)}`}
          />
        )}
        {phase.kind === 'processing' && (
          <ProgressBar
            label="Reading the runs"
            value={p ? (p.bytesTotal ? p.bytesDone : p.filesDone) : 0}
            max={p ? (p.bytesTotal ? p.bytesTotal : p.filesTotal) : 1}
            text={
              p
                ? `${p.filesDone} of ${p.filesTotal} files, ${p.runsImported} ${p.runsImported === 1 ? 'run' : 'runs'}`
                : 'Starting…'
            }
          />
        )}
        {phase.kind === 'done' && (
          <p class="notice notice-success" role="status">
            {s
              ? `${s.imported} ${s.imported === 1 ? 'run' : 'runs'} imported, ${s.duplicates} already stored, ${s.skipped.length} skipped, ${s.failed.length} failed.${s.replaced ? ` ${s.replaced} stored ${s.replaced === 1 ? 'run was' : 'runs were'} replaced by a more detailed file of the same run.` : ''}`
              : 'Import finished.'}
          </p>
        )}
        {phase.kind === 'done' && s?.remarks && s.remarks.length > 0 && (
          <ul class="muted">
            {s.remarks.slice(0, 10).map((r) => (
              <li key={`${r.file}:${r.remark}`}>
                {r.file}: {r.remark}
              </li>
            ))}
          </ul>
        )}
        {phase.kind === 'done' && s && s.failed.length > 0 && (
          <ul class="muted">
            {s.failed.slice(0, 10).map((f) => (
              <li key={f.file}>
                {f.file}: {f.reason}
              </li>
            ))}
          </ul>
        )}
        {phase.kind === 'failed' && (
          <p class="notice notice-error" role="alert">
            {phase.message}
          </p>
        )}
      </div>
    </section>
  );
}

export function RunsPage() {
  const units = useUnits();
  const runs = useAsync(api.runs);
  const [shown, setShown] = useState(PAGE);
  const list = [...(runs.data ?? [])].sort((a, b) => (a.startTime < b.startTime ? 1 : -1));
  return (
    <>
      <PageTitle>Runs</PageTitle>
      <Importer onImported={runs.reload} />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Your runs</h2>
        {runs.loading && !runs.data && <Loading />}
        {runs.error && <ErrorBox error={runs.error} retry={runs.reload} />}
        {runs.data && list.length === 0 && <p>No runs yet. Import some above.</p>}
        {list.length > 0 && (
          <>
            <p class="muted">
              {list.length} {list.length === 1 ? 'run' : 'runs'} stored.
            </p>
            <div class="table-scroll">
              <table class="runs">
                <caption class="visually-hidden">Runs, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" class="num">
                      Distance
                    </th>
                    <th scope="col" class="num">
                      Time
                    </th>
                    <th scope="col" class="num">
                      Pace
                    </th>
                    <th scope="col" class="num wide-only">
                      Heart rate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.slice(0, shown).map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <a href={link(`/runs/${r.id}`)}>{date(r.startTime)}</a>
                        {r.name && <span class="run-name">{r.name}</span>}
                      </th>
                      <td class="num">{distance(r.distanceM, units)}</td>
                      <td class="num">{duration(r.movingS ?? r.elapsedS)}</td>
                      <td class="num">{pace(r.paceSPerKm, units)}</td>
                      <td class="num wide-only">{r.avgHr ? `${Math.round(r.avgHr)} bpm` : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.length > shown && (
              <button type="button" class="button secondary" onClick={() => setShown((n) => n + PAGE * 4)}>
                Show more runs
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}

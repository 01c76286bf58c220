/**
 * One run: its summary, the late-run fatigue markers in words, and pace, heart rate and cadence over
 * the run as charts.
 */
import { useMemo } from 'preact/hooks';
import { api } from '../api.js';
import { axis, Chart, type ChartSpec, PACE_INCRS, thin } from '../components/chart.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { dateTime, distance, duration, pace, signedPct, type Units, unitM, useUnits } from '../format.js';
import { link } from '../router.js';
import type { RunDetail, RunSeries } from '../types.js';

/** Seconds from the start, whatever the server sent (seconds, epoch seconds or epoch milliseconds). */
function seconds(t: number[]): number[] {
  const t0 = t[0] ?? 0;
  if (t0 > 1e11) return t.map((x) => (x - t0) / 1000);
  if (t0 > 1e8) return t.map((x) => x - t0);
  return t;
}

/** A rolling mean over about `windowS` seconds, so GPS jitter does not swamp the pace line. */
function smooth(t: number[], y: (number | null)[], windowS: number): (number | null)[] {
  const out: (number | null)[] = new Array(y.length).fill(null);
  let lo = 0;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== null && v !== undefined) {
      sum += v;
      n++;
    }
    while ((t[lo] ?? 0) < (t[i] ?? 0) - windowS) {
      const w = y[lo];
      if (w !== null && w !== undefined) {
        sum -= w;
        n--;
      }
      lo++;
    }
    out[i] = v === null || v === undefined || n === 0 ? null : sum / n;
  }
  return out;
}

/** Insert a gap (nulls) wherever the watch was paused, so lines do not bridge the pause. */
function breakGaps(t: number[], ys: (number | null)[][]): [number[], (number | null)[][]] {
  const steps = t
    .slice(1)
    .map((x, i) => x - (t[i] ?? x))
    .sort((a, b) => a - b);
  const typical = steps[Math.floor(steps.length / 2)] ?? 1;
  const limit = Math.max(60, typical * 5);
  const tt: number[] = [];
  const out = ys.map(() => [] as (number | null)[]);
  t.forEach((x, i) => {
    const prev = t[i - 1];
    if (prev !== undefined && x - prev > limit) {
      tt.push(prev + 1);
      for (const o of out) o.push(null);
    }
    tt.push(x);
    ys.forEach((y, k) => {
      out[k]?.push(y[i] ?? null);
    });
  });
  return [tt, out];
}

const clock = (s: number) => {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
};

function seriesSpec(
  t: number[],
  y: (number | null)[],
  o: {
    label: string;
    unit: string;
    colour: number;
    invert?: boolean;
    fmt?: (v: number) => string;
    incrs?: number[];
  },
): ChartSpec {
  return {
    data: [t, y],
    options: (p) => ({
      height: 200,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, sync: { key: 'run' } },
      scales: { x: { time: false }, y: { dir: o.invert ? -1 : 1 } },
      axes: [
        axis(p, {
          incrs: [60, 120, 300, 600, 900, 1200, 1800, 3600, 7200],
          values: (_u, vals) => vals.map((v) => `${Math.round(v / 60)} min`),
        }),
        axis(p, {
          size: 56,
          label: o.unit,
          ...(o.incrs ? { incrs: o.incrs } : {}),
          values: (_u, vals) => vals.map((v) => (o.fmt ? o.fmt(v) : String(Math.round(v)))),
        }),
      ],
      series: [{}, { label: o.label, stroke: p.series[o.colour] ?? p.text, width: 2, spanGaps: false }],
    }),
  };
}

function describeFatigue(run: RunDetail): string[] {
  const out: string[] = [];
  const r = { ...run, ...run.fatigue };
  const coupled = run.fatigue?.coupledBelowPct ?? 5;
  if (r.cadenceChangeSpm !== null && r.cadenceChangeSpm !== undefined) {
    const c = r.cadenceChangeSpm;
    out.push(
      c <= -2
        ? `Cadence fell by ${Math.abs(c).toFixed(1)} steps a minute in the last third of the run compared with the first: a common sign of tiring form.`
        : c >= 2
          ? `Cadence rose by ${c.toFixed(1)} steps a minute in the last third.`
          : `Cadence held steady (${c >= 0 ? '+' : '−'}${Math.abs(c).toFixed(1)} steps a minute from the first to the last third).`,
    );
  }
  if (r.paceChangePct !== null && r.paceChangePct !== undefined) {
    const p = r.paceChangePct;
    out.push(
      p >= 3
        ? `You slowed by ${p.toFixed(1)}% in the last third.`
        : p <= -3
          ? `You sped up by ${Math.abs(p).toFixed(1)}% in the last third.`
          : `Pace held steady in the last third (${signedPct(p, 1)}).`,
    );
  }
  if (r.decouplingPct !== null && r.decouplingPct !== undefined) {
    const d = r.decouplingPct;
    out.push(
      d >= coupled
        ? `Heart rate drifted up relative to pace by ${d.toFixed(1)}% from the first half to the second (${coupled}% or more is usually read as decoupled: the effort was a stretch for your current endurance).`
        : `Heart rate and pace stayed coupled (${d.toFixed(1)}% drift; under ${coupled}% is usually read as steady).`,
    );
  }
  return out;
}

function Charts({ series, units }: { series: RunSeries; units: Units }) {
  const specs = useMemo(() => {
    const t = seconds(series.t);
    const per = unitM(units) / 1000;
    const paceRaw = (series.paceSPerKm ?? []).map((v) =>
      v === null || v === undefined || !Number.isFinite(v) || v <= 0 || v > 1200 ? null : v * per,
    );
    const [t1, thinned] = thin(t, [
      smooth(t, paceRaw, 20),
      series.hr ?? [],
      (series.cadenceSpm ?? []).map((v) => (v ? v : null)),
    ]);
    const [tt, [p = [], hr = [], cad = []]] = breakGaps(t1, thinned);
    const has = (y: (number | null)[]) => y.some((v) => v !== null);
    const out: { id: string; title: string; spec: ChartSpec; caption: string }[] = [];
    if (has(p)) {
      out.push({
        id: 'chart-pace',
        title: 'Pace',
        spec: seriesSpec(tt, p, {
          label: 'Pace',
          unit: `min/${units}`,
          colour: 0,
          invert: true,
          fmt: clock,
          incrs: PACE_INCRS,
        }),
        caption: `Pace over the run (per ${units}, faster is higher), smoothed over 20 seconds.`,
      });
    }
    if (has(hr)) {
      out.push({
        id: 'chart-hr',
        title: 'Heart rate',
        spec: seriesSpec(tt, hr, { label: 'Heart rate', unit: 'bpm', colour: 1 }),
        caption: 'Heart rate over the run, beats a minute.',
      });
    }
    if (has(cad)) {
      out.push({
        id: 'chart-cadence',
        title: 'Cadence',
        spec: seriesSpec(tt, cad, { label: 'Cadence', unit: 'spm', colour: 2 }),
        caption: 'Cadence over the run, steps a minute.',
      });
    }
    return out;
  }, [series, units]);
  if (!specs.length) return <p>This run has no samples to chart.</p>;
  return (
    <div class="charts">
      {specs.map((s) => (
        <section key={s.id} aria-labelledby={`${s.id}-h`}>
          <h3 id={`${s.id}-h`}>{s.title}</h3>
          <Chart id={s.id} spec={s.spec} caption={s.caption} />
        </section>
      ))}
    </div>
  );
}

export function RunPage({ id }: { id: string }) {
  const units = useUnits();
  const run = useAsync(() => api.run(id), [id]);
  if (run.loading) return <Loading />;
  if (run.error) return <ErrorBox error={run.error} retry={run.reload} />;
  const r = run.data;
  if (!r) return null;
  const fatigue = describeFatigue(r);
  return (
    <>
      <p class="breadcrumb">
        <a href={link('/runs')}>Runs</a>
      </p>
      <PageTitle>{r.name || `Run on ${dateTime(r.startTime)}`}</PageTitle>
      <dl class="stats">
        <div>
          <dt>When</dt>
          <dd>{dateTime(r.startTime)}</dd>
        </div>
        <div>
          <dt>Distance</dt>
          <dd>
            {distance(r.distanceM, units)}
            {r.trackDistanceM ? (
              <span class="stat-note">the track adds up to {distance(r.trackDistanceM, units)}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Moving time</dt>
          <dd>{duration(r.movingS ?? r.elapsedS)}</dd>
        </div>
        <div>
          <dt>Pace</dt>
          <dd>{pace(r.paceSPerKm, units)}</dd>
        </div>
        <div>
          <dt>Heart rate</dt>
          <dd>{r.avgHr ? `${Math.round(r.avgHr)} avg, ${Math.round(r.maxHr ?? 0)} max` : '–'}</dd>
        </div>
        <div>
          <dt>Cadence</dt>
          <dd>{r.avgCadenceSpm ? `${Math.round(r.avgCadenceSpm)} spm` : '–'}</dd>
        </div>
        <div>
          <dt>Climb</dt>
          <dd>
            {r.elevationGainM !== null && r.elevationGainM !== undefined
              ? `${Math.round(r.elevationGainM)} m`
              : '–'}
          </dd>
        </div>
      </dl>
      {r.truncated || r.trackDistanceM || r.importNotes?.length ? (
        <section aria-labelledby="reading-heading" class="reading-notes">
          <h2 id="reading-heading">How this run was read</h2>
          <ul>
            {r.truncated ? (
              <li>
                The file was cut short, so this run holds only what was recorded before the break. Its
                distance and times may be lower than on your watch.
              </li>
            ) : null}
            {r.trackDistanceM ? (
              <li>
                The file's own summary says {distance(r.distanceM, units)}, but its track points add up to{' '}
                {distance(r.trackDistanceM, units)}. Backstride shows the summary, which is what your device
                reported; the charts follow the track.
              </li>
            ) : null}
            {(r.importNotes ?? []).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="fatigue-heading">
        <h2 id="fatigue-heading">Fatigue markers</h2>
        {fatigue.length ? (
          <ul class="fatigue">
            {fatigue.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        ) : (
          <p>
            No fatigue markers for this run: it has no heart-rate, cadence or pace samples over time
            {r.fatigue?.minDurationS
              ? `, or is shorter than ${Math.round(r.fatigue.minDurationS / 60)} minutes`
              : ''}
            .
          </p>
        )}
      </section>
      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Over the run</h2>
        {r.series ? <Charts series={r.series} units={units} /> : <p>No samples were stored for this run.</p>}
      </section>
    </>
  );
}

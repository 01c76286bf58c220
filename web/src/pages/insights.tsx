/**
 * Insights and progress: weekly distance with pain over it, the acute:chronic ratio, the outcome
 * measures against their minimal important change, plan adherence, and the runner's personal triggers
 * with their counts and intervals in words. Everything is descriptive; the caveats are shown with it.
 */
import { useMemo } from 'preact/hooks';
import { api } from '../api.js';
import { axis, Chart, type ChartSpec } from '../components/chart.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { date, distance, signedPct, type Units, unitM, useUnits } from '../format.js';
import { link } from '../router.js';
import type { LoadSummary, ProgressJson, TriggerFinding, TriggerReport } from '../types.js';

const secs = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { error: Error }> {
  try {
    return { ok: await p };
  } catch (error) {
    return { error: error as Error };
  }
}

export function InsightsPage() {
  const data = useAsync(async () => {
    const [load, progress, triggers] = await Promise.all([
      settle(api.load()),
      settle(api.progress()),
      settle(api.insights()),
    ]);
    return { load, progress, triggers };
  });
  if (data.loading) return <Loading label="Working out your insights…" />;
  if (data.error || !data.data)
    return <ErrorBox error={data.error ?? new Error('no data')} retry={data.reload} />;
  const { load, progress, triggers } = data.data;
  return (
    <>
      <PageTitle>Insights and progress</PageTitle>
      {'error' in load ? (
        <ErrorBox error={load.error} retry={data.reload} />
      ) : (
        <LoadSection load={load.ok} progress={'ok' in progress ? progress.ok : undefined} />
      )}
      {'error' in progress ? <ErrorBox error={progress.error} /> : <ProgressSection p={progress.ok} />}
      {'error' in triggers ? <ErrorBox error={triggers.error} /> : <TriggerSection r={triggers.ok} />}
    </>
  );
}

const WEEK_S = 7 * 86_400;

/** Every week from the first with a run or a pain score to the last (at most a year), with both. */
function weeklyRows(load: LoadSummary, progress: ProgressJson | undefined) {
  const byWeek = new Map(load.weeks.map((w) => [w.weekStart, w]));
  const pain = new Map((progress?.nprs.weekly ?? []).map((w) => [w.weekStart, w.mean]));
  const starts = [...byWeek.keys(), ...pain.keys()].map(secs).filter(Number.isFinite);
  if (!starts.length) return [];
  const last = Math.max(...starts);
  const first = Math.max(Math.min(...starts), last - 51 * WEEK_S);
  const rows = [];
  for (let t = first; t <= last; t += WEEK_S) {
    const day = new Date(t * 1000).toISOString().slice(0, 10);
    const w = byWeek.get(day);
    rows.push({ t, day, week: w, distanceM: w?.distanceM ?? 0, pain: pain.get(day) ?? null });
  }
  return rows;
}

function weeklySpec(load: LoadSummary, progress: ProgressJson | undefined, units: Units) {
  const rows = weeklyRows(load, progress);
  const x = rows.map((r) => r.t);
  const dist = rows.map((r) => r.distanceM / unitM(units));
  const painY = rows.map((r) => r.pain);
  const hasPain = painY.some((v) => v !== null);
  const span: [number, number] = [(x[0] ?? 0) - WEEK_S / 2, (x.at(-1) ?? 0) + WEEK_S / 2];
  const spec: ChartSpec = {
    data: hasPain ? [x, dist, painY] : [x, dist],
    options: (p, _w, lib) => ({
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => span },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
        pain: { range: [0, 10] },
      },
      axes: [
        axis(p),
        axis(p, { label: units, size: 50 }),
        ...(hasPain
          ? [axis(p, { scale: 'pain', side: 1, label: 'pain 0–10', grid: { show: false }, size: 50 })]
          : []),
      ],
      series: [
        {},
        {
          label: `Distance (${units})`,
          scale: 'y',
          fill: p.band,
          stroke: p.series[0],
          width: 1,
          points: { show: false },
          paths: lib.paths.bars?.({ size: [0.7, 40] }),
        },
        ...(hasPain
          ? [
              {
                label: 'Pain (weekly mean)',
                scale: 'pain',
                stroke: p.series[1],
                width: 2,
                spanGaps: true,
                points: { show: true, size: 6 },
              },
            ]
          : []),
      ],
    }),
  };
  return { spec, rows, hasPain };
}

function LoadSection({ load, progress }: { load: LoadSummary; progress: ProgressJson | undefined }) {
  const units = useUnits();
  const weekly = useMemo(() => weeklySpec(load, progress, units), [load, progress, units]);
  const acwr = useMemo(() => {
    const days = load.days.slice(-182);
    const x = days.map((d) => secs(d.date));
    const ewma = days.map((d) => d.acwrEwma ?? null);
    const rolling = days.map((d) => d.acwrRolling ?? null);
    const spec: ChartSpec = {
      data: [x, ewma, rolling, days.map(() => 1)],
      options: (p) => ({
        height: 220,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(2, max * 1.1)] } },
        axes: [axis(p), axis(p, { label: 'ratio', size: 50 })],
        series: [
          {},
          { label: 'EWMA', stroke: p.series[0], width: 2 },
          { label: 'Rolling', stroke: p.series[3], width: 2, dash: [6, 4] },
          { label: 'Equal to usual', stroke: p.muted, width: 1, dash: [2, 4] },
        ],
      }),
    };
    return { spec, has: ewma.some((v) => v !== null) || rolling.some((v) => v !== null) };
  }, [load]);

  if (load.weeks.length === 0) {
    return (
      <section aria-labelledby="load-heading">
        <h2 id="load-heading">Training load</h2>
        <p>
          No runs yet. <a href={link('/runs')}>Import your runs</a> to see weekly distance, load changes and
          the acute:chronic ratio.
        </p>
      </section>
    );
  }
  const last = load.weeks.at(-1);
  const flags = load.flags.slice(-8).reverse();
  return (
    <section aria-labelledby="load-heading">
      <h2 id="load-heading">Training load</h2>
      <dl class="stats">
        <div>
          <dt>This week{last && !last.complete ? ' so far' : ''}</dt>
          <dd>{distance(last?.distanceM, units)}</dd>
        </div>
        <div>
          <dt>Change on last week</dt>
          <dd>{signedPct(last?.changePct)}</dd>
        </div>
        <div>
          <dt>Acute:chronic (EWMA)</dt>
          <dd>{load.acwr.ewma.latest !== undefined ? load.acwr.ewma.latest.toFixed(2) : 'not yet'}</dd>
        </div>
        <div>
          <dt>Days since a rest day</dt>
          <dd>{load.streaks.daysSinceRestDay ?? '–'}</dd>
        </div>
      </dl>
      <h3 id="weekly-h">Weekly distance{weekly.hasPain ? ' and pain' : ''}</h3>
      <Chart
        id="chart-weekly"
        spec={weekly.spec}
        caption={`Bars: distance each week (${units}), ${weekly.rows.length === 1 ? 'this week' : `the last ${weekly.rows.length} weeks`}.${
          weekly.hasPain
            ? ' Line: your average pain score that week (0–10, right-hand scale).'
            : ' Log pain in the diary to see it over the bars.'
        }`}
      />
      <details class="data-table">
        <summary>Show the weekly numbers</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Weekly distance and pain</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col" class="num">
                  Distance
                </th>
                <th scope="col" class="num">
                  Runs
                </th>
                <th scope="col" class="num">
                  Change
                </th>
                <th scope="col" class="num">
                  Pain
                </th>
              </tr>
            </thead>
            <tbody>
              {[...weekly.rows].reverse().map((r) => (
                <tr key={r.day}>
                  <th scope="row">{date(r.day)}</th>
                  <td class="num">{distance(r.distanceM, units)}</td>
                  <td class="num">{r.week?.runs ?? 0}</td>
                  <td class="num">{signedPct(r.week?.changePct)}</td>
                  <td class="num">{r.pain === null ? '–' : r.pain.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <h3>Acute:chronic ratio</h3>
      {acwr.has ? (
        <Chart
          id="chart-acwr"
          spec={acwr.spec}
          caption="The last 7 days of distance compared with the weeks before (solid: EWMA; dashed: rolling average; dotted: equal to usual). Shown as context, not as an injury risk."
        />
      ) : (
        <p>The ratio needs four weeks of history first.</p>
      )}
      {flags.length > 0 && (
        <>
          <h3>Recent load changes</h3>
          <ul class="flags">
            {flags.map((f) => (
              <li key={`${f.id}-${f.date}`}>{f.message}</li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>What these numbers can and cannot tell you</summary>
        <ul>
          {load.limits.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function ProgressSection({ p }: { p: ProgressJson }) {
  const spec = useMemo(() => {
    const weeks = new Set<string>([
      ...p.nprs.weekly.map((w) => w.weekStart),
      ...(p.psfs?.weekly ?? []).map((w) => w.weekStart),
    ]);
    const keys = [...weeks].sort();
    const nprs = new Map(p.nprs.weekly.map((w) => [w.weekStart, w.mean]));
    const psfs = new Map((p.psfs?.weekly ?? []).map((w) => [w.weekStart, w.mean]));
    const hasPsfs = psfs.size > 0;
    const s: ChartSpec = {
      data: [
        keys.map(secs),
        keys.map((k) => nprs.get(k) ?? null),
        ...(hasPsfs ? [keys.map((k) => psfs.get(k) ?? null)] : []),
      ],
      options: (pal) => ({
        height: 220,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: {
            time: true,
            range: (_u, min, max) => (max - min < WEEK_S ? [min - WEEK_S, max + WEEK_S] : [min, max]),
          },
          y: { range: [0, 10] },
        },
        axes: [axis(pal), axis(pal, { label: 'score 0–10', size: 50 })],
        series: [
          {},
          { label: 'Pain', stroke: pal.series[1], width: 2, spanGaps: true, points: { show: true, size: 6 } },
          ...(hasPsfs
            ? [
                {
                  label: 'Activities (PSFS)',
                  stroke: pal.series[2],
                  width: 2,
                  dash: [6, 4],
                  spanGaps: true,
                  points: { show: true, size: 6 },
                },
              ]
            : []),
        ],
      }),
    };
    return { s, n: keys.length, hasPsfs };
  }, [p]);
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <div class={p.advice.seeClinician ? 'notice notice-warning' : 'notice notice-info'}>
        <p>
          <strong>
            {p.advice.seeClinician
              ? 'Time to see a clinician.'
              : p.advice.status === 'keep going'
                ? 'Keep going.'
                : 'Not enough data yet.'}
          </strong>
        </p>
        <ul>
          {p.advice.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      <p>
        <strong>Pain:</strong> {p.nprs.message}
      </p>
      {p.psfs && (
        <p>
          <strong>Activities:</strong> {p.psfs.message}
        </p>
      )}
      {spec.n > 0 ? (
        <Chart
          id="chart-outcomes"
          spec={spec.s}
          caption={`Outcome measures by week: pain (0–10, solid)${spec.hasPsfs ? ' and your activity ratings (PSFS, 0–10, dashed; higher is better)' : ''}. A change of 2 points or more is the smallest that matters.`}
        />
      ) : (
        <p>
          Log pain in the <a href={link('/diary')}>diary</a> to see how it changes week by week.
        </p>
      )}
      {p.adherence && p.adherence.length > 0 && (
        <>
          <h3>Plan adherence</h3>
          <ul class="adherence">
            {p.adherence.slice(-6).map((w) => (
              <li key={w.weekStart}>
                Week of {date(w.weekStart)}: {w.done} of {w.scheduled} planned exercise-days done
                {typeof w.percent === 'number' ? ` (${w.percent}%)` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))}`;

function findingWords(f: TriggerFinding): string {
  const parts = [
    `After ${f.label}: pain ${f.with.pain} of ${f.with.runs} times (${pct(f.with.rate)}); after the others: ${f.without.pain} of ${f.without.runs} (${pct(f.without.rate)}).`,
  ];
  if (f.riskDifference) {
    const d = f.riskDifference;
    parts.push(
      `Difference ${points(d.estimate)} percentage points; with ${Math.round(d.confidence * 1000) / 10}% confidence between ${points(d.lower)} and ${points(d.upper)}.`,
    );
  }
  return parts.join(' ');
}

const VERDICT_CLASS: Record<string, string> = {
  linked: 'badge badge-warn',
  'no clear link': 'badge',
  'not enough data yet': 'badge badge-muted',
};

function TriggerSection({ r }: { r: TriggerReport }) {
  return (
    <section aria-labelledby="triggers-heading">
      <h2 id="triggers-heading">Your pain triggers</h2>
      <p>{r.summary}</p>
      {r.findings.length > 0 && (
        <ul class="card-list triggers">
          {r.findings.map((f) => (
            <li key={f.id} class="card">
              <h3>
                {f.label.charAt(0).toUpperCase() + f.label.slice(1)}{' '}
                <span class={VERDICT_CLASS[f.verdict] ?? 'badge'}>{f.verdict}</span>
              </h3>
              <p>{f.message}</p>
              <p class="muted">{findingWords(f)}</p>
            </li>
          ))}
        </ul>
      )}
      {r.skipped.length > 0 && (
        <p class="muted">Not checked: {[...new Set(r.skipped.map((s) => s.reason))].join('; ')}.</p>
      )}
      <details>
        <summary>How to read this</summary>
        <ul>
          {r.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

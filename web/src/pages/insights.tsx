/**
 * Insights and progress over one period: weekly distance with pain over it, the acute:chronic ratio,
 * the outcome measures against their minimal important change, plan adherence, and the runner's personal
 * triggers with their counts and intervals in words. Everything is descriptive; the caveats are shown
 * with it.
 *
 * The period follows the server's one rule: it ends today (the last 52 weeks unless the runner chose
 * another, `#/insights?from=…&to=…`). When it holds no run, the page says when the newest run was and
 * offers that period. No chart's time axis runs past the period's last day.
 */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { axis, Chart, type ChartSpec, daySecs, timeAxis } from '../components/chart.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { date, distance, signedPct, type Units, unitM, useUnits } from '../format.js';
import { link, navigate, useRoute } from '../router.js';
import type { AnalysisWindow, LoadSummary, ProgressJson, TriggerFinding, TriggerReport } from '../types.js';

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;

const longFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** A `YYYY-MM-DD` day in words: 9 July 2024. */
const longDay = (day: string) => longFmt.format(new Date(`${day}T00:00:00Z`));

async function settle<T>(p: Promise<T>): Promise<{ ok: T } | { error: Error }> {
  try {
    return { ok: await p };
  } catch (error) {
    return { error: error as Error };
  }
}

type Load = LoadSummary & { window?: AnalysisWindow };
type Triggers = TriggerReport & { window?: AnalysisWindow };

export function InsightsPage() {
  const route = useRoute();
  const pageUnits = useUnits();
  const from = route.query.get('from') ?? undefined;
  const to = route.query.get('to') ?? undefined;
  const data = useAsync(async () => {
    const period = { from, to };
    const [load, progress, triggers] = await Promise.all([
      settle(api.load(period)),
      settle(api.progress()),
      settle(api.insights(period, pageUnits)),
    ]);
    return { load, progress, triggers };
  }, [from, to, pageUnits]);
  if (data.loading) return <Loading label="Working out your insights…" />;
  if (data.error || !data.data)
    return <ErrorBox error={data.error ?? new Error('no data')} retry={data.reload} />;
  const { load, progress, triggers } = data.data;
  const window =
    ('ok' in load ? load.ok.window : undefined) ?? ('ok' in triggers ? triggers.ok.window : undefined);
  return (
    <>
      <PageTitle>Insights and progress</PageTitle>
      {window && <PeriodBar window={window} />}
      {'error' in load ? (
        <ErrorBox error={load.error} retry={data.reload} />
      ) : (
        <LoadSection load={load.ok} progress={'ok' in progress ? progress.ok : undefined} />
      )}
      {'error' in progress ? (
        <ErrorBox error={progress.error} />
      ) : (
        <ProgressSection p={progress.ok} window={window} />
      )}
      {'error' in triggers ? <ErrorBox error={triggers.error} /> : <TriggerSection r={triggers.ok} />}
    </>
  );
}

/** What the page covers, the notice when that holds no run, and a way to choose another period. */
function PeriodBar({ window: w }: { window: AnalysisWindow }) {
  const [from, setFrom] = useState(w.from);
  const [to, setTo] = useState(w.to);
  const end = w.to === w.today ? `today (${longDay(w.to)})` : longDay(w.to);
  return (
    <section class="period-bar" aria-labelledby="period-heading">
      <h2 id="period-heading" class="visually-hidden">
        Period
      </h2>
      <p class="period-now">
        From <strong>{longDay(w.from)}</strong> to <strong>{end}</strong>.{' '}
        {w.kind === 'chosen' && <a href={link('/insights')}>Back to the last 52 weeks</a>}
      </p>
      {w.notice && (
        <div class="notice notice-info" role="status">
          <p>
            <strong>{w.notice}</strong> This period has no runs to chart.
          </p>
          {w.offered && (
            <p>
              <a class="button secondary" href={link('/insights', w.offered)}>
                Show {longDay(w.offered.from)} to {longDay(w.offered.to)}
              </a>
            </p>
          )}
        </div>
      )}
      <details class="period-choose">
        <summary>Choose another period</summary>
        <form
          class="period-form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate('/insights', { from, to });
          }}
        >
          <label>
            From
            <input
              type="date"
              value={from}
              max={w.today}
              required
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={to}
              max={w.today}
              required
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button secondary">
            Show
          </button>
        </form>
      </details>
    </section>
  );
}

/**
 * The time scale of a period: its first day's start to the end of its last day (never later), so uPlot
 * draws no tick past it.
 */
function periodRange(w: AnalysisWindow | undefined, x: number[]): [number, number] {
  if (w) return [daySecs(w.from), daySecs(w.to) + DAY_S - 1];
  const first = x[0] ?? 0;
  const last = x.at(-1) ?? first;
  return last - first < WEEK_S ? [first - WEEK_S, last + WEEK_S] : [first, last];
}

/** Every week of the period (the load's weeks), with its distance and the week's mean pain. */
function weeklyRows(load: Load, progress: ProgressJson | undefined) {
  const pain = new Map((progress?.nprs.weekly ?? []).map((w) => [w.weekStart, w.mean]));
  return load.weeks.map((w) => ({
    t: daySecs(w.weekStart),
    day: w.weekStart,
    week: w,
    distanceM: w.distanceM,
    pain: pain.get(w.weekStart) ?? null,
  }));
}

function weeklySpec(load: Load, progress: ProgressJson | undefined, units: Units) {
  const rows = weeklyRows(load, progress);
  // Bars stand at the middle of their week; the scale ends with the period, so the current week's bar may
  // be cut at today rather than reach into next week.
  const x = rows.map((r) => r.t + WEEK_S / 2);
  const dist = rows.map((r) => r.distanceM / unitM(units));
  const painY = rows.map((r) => r.pain);
  const hasPain = painY.some((v) => v !== null);
  const span = periodRange(load.window, x);
  const range: [number, number] = load.window ? [daySecs(load.weeks[0]?.weekStart ?? ''), span[1]] : span;
  const spec: ChartSpec = {
    data: hasPain ? [x, dist, painY] : [x, dist],
    options: (p, _w, lib) => ({
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => range },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
        pain: { range: [0, 10] },
      },
      axes: [
        timeAxis(p),
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

function LoadSection({ load, progress }: { load: Load; progress: ProgressJson | undefined }) {
  const units = useUnits();
  const weekly = useMemo(() => weeklySpec(load, progress, units), [load, progress, units]);
  const acwr = useMemo(() => {
    // The last half year of the period, from the first day with a ratio (none in the first four weeks).
    const recent = load.days.slice(-182);
    const first = recent.findIndex((d) => d.acwrEwma !== undefined || d.acwrRolling !== undefined);
    const days = first > 0 ? recent.slice(first) : recent;
    const x = days.map((d) => daySecs(d.date));
    const ewma = days.map((d) => d.acwrEwma ?? null);
    const rolling = days.map((d) => d.acwrRolling ?? null);
    // The days end with the period, so the scale ends with its last day.
    const range: [number, number] = [x[0] ?? 0, (x.at(-1) ?? 0) + DAY_S - 1];
    const spec: ChartSpec = {
      data: [x, ewma, rolling, days.map(() => 1)],
      options: (p) => ({
        height: 220,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: () => range },
          y: { range: (_u, _min, max) => [0, Math.max(2, max * 1.1)] },
        },
        axes: [timeAxis(p), axis(p, { label: 'ratio', size: 50 })],
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

  if (load.totals.runs === 0 && !load.window?.newestRun) {
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
  const current = load.window?.to === load.window?.today;
  const flags = load.flags.slice(-8).reverse();
  const kinds = [...new Set(flags.map((f) => f.id))];
  const ratio = load.acwr.ewma.latest;
  return (
    <section aria-labelledby="load-heading">
      <h2 id="load-heading">Training load</h2>
      <dl class="stats">
        <div>
          <dt>
            {current ? 'This week' : `Week of ${date(last?.weekStart ?? '')}`}
            {/* The week with today in it is never over, Sunday included. */}
            {last && (!last.complete || current) ? ' so far' : ''}
          </dt>
          <dd>{distance(last?.distanceM, units)}</dd>
        </div>
        <div>
          <dt>Change on the week before</dt>
          <dd>{signedPct(last?.changePct)}</dd>
        </div>
        <div>
          <dt>Acute:chronic (EWMA)</dt>
          <dd>
            {ratio !== undefined ? ratio.toFixed(2) : load.window?.stale ? 'no runs lately' : 'not yet'}
          </dd>
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
        caption={`Bars: distance each week (${units}), ${weekly.rows.length === 1 ? 'one week' : `${weekly.rows.length} weeks`} to ${
          current ? 'today' : longDay(load.window?.to ?? last?.weekEnd ?? '')
        }.${
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
        <p>
          {load.window?.stale
            ? 'The ratio needs runs in the last four weeks.'
            : 'The ratio needs four weeks of history first.'}
        </p>
      )}
      {flags.length > 0 && (
        <>
          <h3>Load changes in this period</h3>
          <ul class="flags">
            {flags.map((f) => (
              <li key={`${f.id}-${f.date}`}>
                {f.message.startsWith('Week of') ? f.message : `${date(f.date)}: ${f.message}`}
              </li>
            ))}
          </ul>
          <details>
            <summary>How this is worked out</summary>
            <dl class="how">
              {kinds.map((id) => (
                <div key={id}>
                  <dt>{load.thresholds[id].title}</dt>
                  <dd>{load.thresholds[id].how}</dd>
                </div>
              ))}
            </dl>
          </details>
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

function ProgressSection({ p, window: w }: { p: ProgressJson; window: AnalysisWindow | undefined }) {
  const spec = useMemo(() => {
    // Only the weeks of the period, so the axis is the period's and ends on its last day.
    const inPeriod = (weekStart: string) =>
      !w || (weekStart <= w.to && daySecs(weekStart) + WEEK_S > daySecs(w.from));
    const weeks = new Set<string>(
      [...p.nprs.weekly.map((x) => x.weekStart), ...(p.psfs?.weekly ?? []).map((x) => x.weekStart)].filter(
        inPeriod,
      ),
    );
    const keys = [...weeks].sort();
    const nprs = new Map(p.nprs.weekly.map((x) => [x.weekStart, x.mean]));
    const psfs = new Map((p.psfs?.weekly ?? []).map((x) => [x.weekStart, x.mean]));
    const hasPsfs = keys.some((k) => psfs.has(k));
    const x = keys.map(daySecs);
    const range = periodRange(w, x);
    const s: ChartSpec = {
      data: [
        x,
        keys.map((k) => nprs.get(k) ?? null),
        ...(hasPsfs ? [keys.map((k) => psfs.get(k) ?? null)] : []),
      ],
      options: (pal) => ({
        height: 220,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, range: () => range }, y: { range: [0, 10] } },
        axes: [timeAxis(pal), axis(pal, { label: 'score 0–10', size: 50 })],
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
  }, [p, w]);
  // Weeks of the period only; weeks with nothing scheduled (before the plan began) would read "0 of 0".
  const adherence = (p.adherence ?? [])
    .filter(
      (a) =>
        a.scheduled > 0 && (!w || (a.weekStart <= w.to && daySecs(a.weekStart) + WEEK_S > daySecs(w.from))),
    )
    .slice(-6);
  const past = w !== undefined && w.to !== w.today;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      {past && <p class="muted">Where you are today; the chart below keeps to the chosen period.</p>}
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
          caption={`Outcome measures by week in this period: pain (0–10, solid)${spec.hasPsfs ? ' and your activity ratings (PSFS, 0–10, dashed; higher is better)' : ''}. A change of 2 points or more is the smallest that matters.`}
        />
      ) : (
        <p>
          {p.nprs.weekly.length
            ? 'No pain check-ins in this period.'
            : 'Log pain in the diary to see how it changes week by week.'}{' '}
          <a href={link('/diary')}>Open the diary</a>
        </p>
      )}
      {adherence.length > 0 && (
        <>
          <h3>Plan adherence</h3>
          <ul class="adherence">
            {adherence.map((a) => (
              <li key={a.weekStart}>
                Week of {date(a.weekStart)}: {a.done} of {a.scheduled} planned exercise-days done
                {typeof a.percent === 'number' ? ` (${a.percent}%)` : ''}
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
};

function TriggerSection({ r }: { r: Triggers }) {
  // A card each only for the findings with a verdict; the rest rest on too little data to show counts.
  const judged = r.findings.filter((f) => f.verdict !== 'not enough data yet');
  return (
    <section aria-labelledby="triggers-heading">
      <h2 id="triggers-heading">Your pain triggers</h2>
      <p>{r.summary}</p>
      {judged.length > 0 && (
        <ul class="card-list triggers">
          {judged.map((f) => (
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
      {r.runs > 0 && r.notEnoughData && (
        <p class="not-enough">
          <span class="badge badge-muted">not enough data yet</span> {r.notEnoughData.message}
        </p>
      )}
      {r.runs > 0 && r.skipped.length > 0 && (
        <p class="muted">Not checked: {[...new Set(r.skipped.map((s) => s.reason))].join('; ')}.</p>
      )}
      <details>
        <summary>How this is worked out</summary>
        <ul>
          {r.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/**
 * Charts with uPlot, loaded only by the pages that draw one (a dynamic import keeps it out of the first
 * load). The canvas is hidden from assistive technology; each chart sits in a figure whose caption says
 * what it shows, and pages offer the numbers as a table.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';

export type UPlotCtor = typeof uPlot;
let loading: Promise<UPlotCtor> | undefined;

function loadUplot(): Promise<UPlotCtor> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
  return loading;
}

/** The colours of the current scheme, read from the CSS custom properties. */
export type Palette = { text: string; muted: string; grid: string; series: string[]; band: string };

function palette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1a1f24'),
    muted: v('--muted', '#4a5560'),
    grid: v('--grid', '#d5dbe1'),
    band: v('--chart-band', 'rgba(11,92,173,0.12)'),
    series: [
      v('--chart-1', '#0b5cad'),
      v('--chart-2', '#b3261e'),
      v('--chart-3', '#1e7a3a'),
      v('--chart-4', '#7a4dbf'),
    ],
  };
}

function useColourScheme(): string {
  const [scheme, setScheme] = useState(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  useEffect(() => {
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setScheme(mq.matches ? 'dark' : 'light');
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return scheme;
}

export type ChartSpec = {
  /** Build the options for a given width and palette (height is fixed per chart). */
  options: (p: Palette, width: number, lib: UPlotCtor) => Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
};

/** One uPlot chart in a captioned figure. */
export function Chart(props: { spec: ChartSpec; caption: ComponentChildren; id?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const scheme = useColourScheme();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let gone = false;
    let observer: ResizeObserver | undefined;
    loadUplot().then(
      (UPlot) => {
        if (gone) return;
        const width = Math.max(260, el.clientWidth);
        plot = new UPlot(
          { ...props.spec.options(palette(), width, UPlot), width } as uPlot.Options,
          props.spec.data,
          el,
        );
        // The x scale's ends as drawn, for tests and tools: no chart's axis may run past today.
        el.dataset.xMin = String(plot.scales.x?.min ?? '');
        el.dataset.xMax = String(plot.scales.x?.max ?? '');
        observer = new ResizeObserver(() => {
          const w = Math.max(260, el.clientWidth);
          if (plot && Math.abs(plot.width - w) > 2) plot.setSize({ width: w, height: plot.height });
        });
        observer.observe(el);
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [props.spec, scheme]);
  return (
    <figure class="chart" id={props.id}>
      <div class="chart-canvas" ref={box} aria-hidden="true" />
      {failed && <p class="field-error">The chart could not be drawn.</p>}
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

/**
 * Steps for an axis of paces in seconds (per km or mile), so its ticks are round paces (5:00, 5:30, 6:00),
 * never uPlot's decimal steps of seconds (5:00, 6:40, 8:20).
 */
export const PACE_INCRS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800];

/** Seconds since the epoch of a local `YYYY-MM-DD` day's start, as the charts' time scales take them. */
export const daySecs = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

// uPlot puts time ticks on the browser's local days and months, so the labels are formatted in local time.
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'short' });
const dayMonthFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/**
 * A time axis labelled as people here write dates (9 Jul, or Jul for monthly ticks), with the year under
 * the first tick and under each new year, never uPlot's default month/day (7/9).
 */
export function timeAxis(p: Palette, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return axis(p, {
    values: (_u, splits) => {
      // Ticks a month or more apart name the month; closer ones the day.
      const step = splits.length > 1 ? (splits[1] ?? 0) - (splits[0] ?? 0) : 0;
      const long = step >= 28 * 86_400;
      return splits.map((s, i) => {
        const d = new Date(s * 1000);
        const prev = i > 0 ? new Date((splits[i - 1] ?? s) * 1000) : undefined;
        const label = (long ? monthFmt : dayMonthFmt).format(d);
        return !prev || prev.getFullYear() !== d.getFullYear() ? `${label}\n${d.getFullYear()}` : label;
      });
    },
    ...extra,
  });
}

/** Common axis styling. */
export function axis(p: Palette, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: p.muted,
    grid: { stroke: p.grid, width: 1 },
    ticks: { stroke: p.grid, width: 1 },
    font: '12px system-ui, sans-serif',
    labelFont: '12px system-ui, sans-serif',
    ...extra,
  };
}

/** Evenly thin a series to at most `max` points by averaging bins (nulls stay gaps). */
export function thin(
  t: number[],
  ys: (number | null | undefined)[][],
  max = 800,
): [number[], (number | null)[][]] {
  const n = t.length;
  if (n <= max) return [t, ys.map((y) => Array.from({ length: n }, (_, i) => y[i] ?? null))];
  const size = Math.ceil(n / max);
  const tt: number[] = [];
  const out = ys.map(() => [] as (number | null)[]);
  for (let i = 0; i < n; i += size) {
    const end = Math.min(n, i + size);
    tt.push(t[Math.floor((i + end - 1) / 2)] ?? t[i] ?? 0);
    ys.forEach((y, k) => {
      let sum = 0;
      let c = 0;
      for (let j = i; j < end; j++) {
        const v = y[j];
        if (v !== null && v !== undefined && Number.isFinite(v)) {
          sum += v;
          c++;
        }
      }
      out[k]?.push(c ? sum / c : null);
    });
  }
  return [tt, out];
}

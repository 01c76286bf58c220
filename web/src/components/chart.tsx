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

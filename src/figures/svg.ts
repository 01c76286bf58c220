/**
 * SVG text for figures: one pose, or the key poses side by side, with a title and a description for
 * screen readers. Colours come from `currentColor` and the `fig-*` classes, so the page's stylesheet sets
 * them (dark mode included) and the picture still reads with no stylesheet at all.
 */
import { type Figure, keyShapes, poseLabel } from './figure.js';
import type { Role, Shape } from './scene.js';

/** Presentation attributes per role: the defaults a stylesheet's `fig-<role>` rules override. */
const PAINT: Record<Role, string> = {
  body: 'fill="currentColor" stroke="currentColor"',
  far: 'fill="currentColor" stroke="currentColor" stroke-opacity="0.4" fill-opacity="0.4"',
  gap: 'stroke="Canvas"',
  face: 'fill="Canvas"',
  prop: 'fill="currentColor" fill-opacity="0.16" stroke="currentColor" stroke-opacity="0.45" stroke-width="0.8"',
  'prop-line': 'fill="none" stroke="currentColor" stroke-opacity="0.55"',
  band: 'stroke="currentColor" stroke-opacity="0.8" stroke-dasharray="2.5 1.5"',
  floor: 'stroke="currentColor" stroke-opacity="0.5"',
  held: 'fill="currentColor" fill-opacity="0.7" stroke="currentColor" stroke-width="0.8"',
};

const n = (v: number) => String(Math.round(v * 100) / 100);
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The geometry attributes of a shape in SVG units (y down): what an animation updates per frame. */
export function geometry(s: Shape): Record<string, string> {
  switch (s.kind) {
    case 'line':
      return { x1: n(s.a[0]), y1: n(-s.a[1]), x2: n(s.b[0]), y2: n(-s.b[1]) };
    case 'circle':
      return { cx: n(s.c[0]), cy: n(-s.c[1]), r: n(s.r) };
    case 'poly':
      return { points: s.points.map((p) => `${n(p[0])},${n(-p[1])}`).join(' ') };
    case 'rect':
      return { x: n(s.x), y: n(-(s.y + s.h)), width: n(s.w), height: n(s.h) };
  }
}

function shapeSvg(s: Shape): string {
  const tag = s.kind === 'poly' ? 'polygon' : s.kind;
  const geo = Object.entries(geometry(s))
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  const width = s.kind === 'line' || s.kind === 'poly' ? ` stroke-width="${n(s.width)}"` : '';
  return `<${tag} class="fig-${s.role}" data-k="${s.key}" ${geo}${width} ${PAINT[s.role]}/>`;
}

/** The shapes of one frame inside the figure's view box, with the floor line under them. */
export function frameSvg(f: Figure, shapes: Shape[]): string {
  const [x, , w] = f.viewBox;
  const floor = `<line class="fig-floor" x1="${n(x)}" y1="0.6" x2="${n(x + w)}" y2="0.6" stroke-width="1.2" ${PAINT.floor}/>`;
  const body = shapes.map(shapeSvg).join('');
  return `${floor}<g stroke-linecap="round" stroke-linejoin="round">${body}</g>`;
}

export type FigureSvgOptions = {
  /** The accessible name, e.g. "Superman, start and end positions". */
  title: string;
  /** A sentence per key pose (the item's position sentences), read out as the description. */
  captions?: Record<string, string>;
  /** One key pose (default: all of them side by side). */
  pose?: string;
  /** The key poses the description names (default: the ones drawn); an animation names them all. */
  describes?: string[];
  /** Prefix for the title and description ids, unique on the page. */
  idPrefix?: string;
  /** Extra classes on the `<svg>`. */
  className?: string;
};

/** The description: each pose shown, by its label, with its sentence. */
export function describe(f: Figure, names: string[], captions: Record<string, string> = {}): string {
  return names
    .map((name) => {
      const sentence = captions[name] ?? f.spec.captions?.[name];
      return sentence ? `${poseLabel(name)}: ${sentence}` : poseLabel(name);
    })
    .join(' ');
}

/**
 * A static SVG of one key pose, or of the key poses side by side, labelled under each.
 * @example renderFigureSvg(buildFigure(exercise.figure), { title: 'Superman', captions: exercise.positions })
 */
export function renderFigureSvg(f: Figure, o: FigureSvgOptions): string {
  const names = o.pose ? [o.pose] : f.names;
  const [x, y, w, h] = f.viewBox;
  const gap = 8;
  const labelH = o.pose ? 0 : 9;
  const panels = names
    .map((name, i) => {
      const dx = i * (w + gap);
      const label = o.pose
        ? ''
        : `<text class="fig-label" x="${n(x + w / 2)}" y="${n(y + h + 7)}" text-anchor="middle" font-size="6.5" fill="currentColor">${esc(`${i + 1}. ${poseLabel(name)}`)}</text>`;
      return `<g transform="translate(${n(dx)} 0)">${frameSvg(f, keyShapes(f, name))}${label}</g>`;
    })
    .join('');
  const totalW = names.length * w + (names.length - 1) * gap;
  const id = o.idPrefix ?? 'figure';
  const cls = ['exercise-figure', o.className].filter(Boolean).join(' ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(cls)}" viewBox="${n(x)} ${n(y)} ${n(totalW)} ${n(h + labelH)}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(o.title)}</title><desc id="${id}-desc">${esc(describe(f, o.describes ?? names, o.captions))}</desc>` +
    `${panels}</svg>`
  );
}

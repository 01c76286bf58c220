/**
 * The animated exercise figure, loaded on demand (see `figures.tsx`): the knowledge base's key poses
 * drawn by the shared renderer (src/figures) and moved with requestAnimationFrame by updating the SVG's
 * attributes, with no re-render per frame. It pauses when off screen or in a hidden tab, shows the key
 * poses side by side when the reader prefers reduced motion, and can hold one key pose still.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
// Straight from the renderer's modules, not its index: the index also carries the zod schemas.
import { buildFigure, keyShapes, poseLabel, shapesAt } from '../../../src/figures/figure.js';
import type { Shape } from '../../../src/figures/scene.js';
import type { FigureSpec } from '../../../src/figures/spec.js';
import { geometry, renderFigureSvg } from '../../../src/figures/svg.js';
import { phaseAt } from '../../../src/figures/timeline.js';

export type ExerciseFigureProps = {
  /** The item's figure data (`exercise.figure`, `selfCheck.figure`). */
  figure: FigureSpec;
  /** The accessible name: the exercise's name. */
  title: string;
  /** A sentence per key pose (an exercise's `positions`); the figure's own captions fill the rest. */
  captions?: Record<string, string>;
  /** The hold time, so the held pose lasts a compressed version of it. */
  holdS?: { min: number; max: number };
  /** `animate` (default) loops the movement; `keyposes` shows the key poses side by side. */
  mode?: 'animate' | 'keyposes';
  /** Hold this key pose still (a player's "hold" phase). */
  phase?: string;
};

let uid = 0;

function usePrefersReducedMotion(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
  const [reduce, setReduce] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setReduce(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return reduce;
}

/** Write a frame's shapes into the SVG's elements, touching only attributes that changed. */
function apply(elements: Map<string, Element>, shapes: Shape[]) {
  for (const s of shapes) {
    const el = elements.get(s.key);
    if (!el) continue;
    for (const [k, v] of Object.entries(geometry(s))) if (el.getAttribute(k) !== v) el.setAttribute(k, v);
  }
}

/** The exercise's figure: animated, or its key poses side by side. */
export function ExerciseFigure(props: ExerciseFigureProps) {
  const reduce = usePrefersReducedMotion();
  const mode = reduce ? 'keyposes' : (props.mode ?? 'animate');
  const figure = useMemo(() => buildFigure(props.figure, props.holdS), [props.figure, props.holdS]);
  const id = useMemo(() => `exercise-figure-${++uid}`, []);
  const captionOf = (name: string) => props.captions?.[name] ?? props.figure.captions?.[name];
  if (mode === 'keyposes')
    return (
      <div class="figure-keyposes" data-mode="keyposes">
        {figure.names.map((name, i) => (
          <figure class="figure-keypose" key={name}>
            <div
              class="figure-art"
              // The renderer's own SVG text: a title, a description and shapes, nothing from the reader.
              dangerouslySetInnerHTML={{
                __html: renderFigureSvg(figure, {
                  title: `${props.title}, ${poseLabel(name).toLowerCase()} position`,
                  captions: props.captions,
                  pose: name,
                  idPrefix: `${id}-${i}`,
                }),
              }}
            />
            <figcaption>
              <strong>{poseLabel(name)}:</strong> {captionOf(name)}
            </figcaption>
          </figure>
        ))}
      </div>
    );
  return <AnimatedFigure {...props} figure={props.figure} built={figure} id={id} captionOf={captionOf} />;
}

function AnimatedFigure(
  props: ExerciseFigureProps & {
    built: ReturnType<typeof buildFigure>;
    id: string;
    captionOf: (name: string) => string | undefined;
  },
) {
  const { built: figure, phase } = props;
  const host = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const first = phase && phase in props.figure.poses ? phase : (figure.names[0] as string);
  const svg = useMemo(
    () =>
      renderFigureSvg(figure, {
        title: `${props.title}, moving from the start to the end position`,
        captions: props.captions,
        pose: first,
        describes: figure.names,
        idPrefix: props.id,
        className: 'is-animated',
      }),
    [figure, props.title, props.captions, props.id, first],
  );
  useEffect(() => {
    const root = host.current?.querySelector('svg');
    if (!root) return;
    const elements = new Map<string, Element>();
    for (const el of root.querySelectorAll('[data-k]')) elements.set(el.getAttribute('data-k') ?? '', el);
    const items = [...(list.current?.querySelectorAll('li') ?? [])];
    const mark = (name: string) => {
      for (const li of items) li.classList.toggle('is-current', li.dataset.pose === name);
    };
    if (phase && phase in props.figure.poses) {
      apply(elements, keyShapes(figure, phase));
      mark(phase);
      return;
    }
    let raf = 0;
    let elapsed = 0;
    let last: number | undefined;
    let onScreen = true;
    let current = '';
    const tick = (now: number) => {
      elapsed += last === undefined ? 0 : Math.min(100, now - last);
      last = now;
      apply(elements, shapesAt(figure, elapsed));
      const { phase: p } = phaseAt(figure.timeline, elapsed);
      const name = p.kind === 'hold' ? p.from : p.to;
      if (name !== current) {
        current = name;
        mark(name);
      }
      raf = requestAnimationFrame(tick);
    };
    const run = () => {
      if (raf || !onScreen || document.hidden) return;
      last = undefined;
      raf = requestAnimationFrame(tick);
    };
    const stop = () => {
      cancelAnimationFrame(raf);
      raf = 0;
    };
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            onScreen = entries.some((e) => e.isIntersecting);
            onScreen ? run() : stop();
          })
        : undefined;
    observer?.observe(root);
    const visibility = () => (document.hidden ? stop() : run());
    document.addEventListener('visibilitychange', visibility);
    run();
    return () => {
      stop();
      observer?.disconnect();
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [svg, figure, phase, props.figure]);
  return (
    <figure class="figure-animated" data-mode="animate">
      <div class="figure-art" ref={host} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>
        <ol class="figure-steps" ref={list}>
          {figure.names.map((name) => (
            <li key={name} data-pose={name}>
              <strong>{poseLabel(name)}:</strong> {props.captionOf(name)}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}

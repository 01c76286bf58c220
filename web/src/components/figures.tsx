/**
 * Exercise and self-check figures, as the pages use them. The renderer and its animation load on demand
 * (a chunk of their own, see `exercise-figure.tsx`), so the first page loads none of it; until it arrives
 * the space is held and the position sentences are already there to read.
 */
import type { FigureSpec } from '../../../src/figures/spec.js';
import { loadPart } from '../load-part.js';
import type { ExerciseFigureProps } from './exercise-figure.js';
import { useAsync } from './ui.js';

let loading: Promise<typeof import('./exercise-figure.js')> | undefined;
const load = () => {
  loading ??= loadPart(() => import('./exercise-figure.js'));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
};

/**
 * The figure, once its code has loaded: `<ExerciseFigure figure title captions holdS mode phase />`.
 * While loading (or if loading failed) the captions stand in for the picture.
 */
export function Figure(props: ExerciseFigureProps) {
  const mod = useAsync(load);
  if (mod.data) return <mod.data.ExerciseFigure {...props} />;
  const names = Object.keys(props.figure.poses);
  return (
    <div class="figure-pending" data-mode="pending">
      <ol class="figure-steps">
        {names.map((n) => {
          const text = props.captions?.[n] ?? props.figure.captions?.[n];
          return text ? <li key={n}>{text}</li> : null;
        })}
      </ol>
    </div>
  );
}

/** An exercise's figure on its page: the start and end sentences are its captions. */
export function PositionFigures(props: {
  positions: { start: string; end: string };
  name: string;
  figure: FigureSpec;
  holdS?: { min: number; max: number };
}) {
  return <Figure figure={props.figure} title={props.name} captions={props.positions} holdS={props.holdS} />;
}

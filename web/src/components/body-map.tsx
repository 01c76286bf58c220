/**
 * The body map: a front and a back figure whose regions are checkboxes (tap, click, or Tab then Space).
 * Which regions exist, their names and which view shows them come from the knowledge base's body data
 * (src/knowledge/data/body.ts), so the map and the rules cannot drift apart; only the shapes live here.
 * A region without a shape is still offered, as a plain checkbox under the figures.
 */
import type { JSX } from 'preact';
import { regions as allRegions } from '../../../src/knowledge/data/body.js';

type Shape = JSX.Element;
type View = 'front' | 'back';

const mirror = (d: string) =>
  d.replace(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${200 - Number(x)} ${y}`);

const ARM = 'M 52 92 L 40 98 L 30 172 L 22 250 L 36 254 L 44 180 L 58 118 Z';
const LEG = 'M 60 258 L 98 262 L 96 345 L 94 428 L 74 428 L 70 345 Z';

/** Shapes per region and view, in a 200 × 440 box. */
const SHAPES: Record<string, Partial<Record<View, Shape>>> = {
  neck: { back: <rect x="86" y="58" width="28" height="28" rx="6" /> },
  shoulders: {
    front: (
      <>
        <ellipse cx="68" cy="93" rx="20" ry="11" />
        <ellipse cx="132" cy="93" rx="20" ry="11" />
      </>
    ),
    back: (
      <>
        <ellipse cx="68" cy="93" rx="20" ry="11" />
        <ellipse cx="132" cy="93" rx="20" ry="11" />
      </>
    ),
  },
  'between-shoulder-blades': { back: <rect x="86" y="104" width="28" height="46" rx="4" /> },
  'under-shoulder-blades': { back: <rect x="60" y="152" width="80" height="22" rx="4" /> },
  'mid-back-ribs': { back: <rect x="60" y="176" width="80" height="32" rx="4" /> },
  'lower-back': { back: <rect x="64" y="210" width="72" height="34" rx="4" /> },
  'sacroiliac-buttock': {
    back: (
      <>
        <ellipse cx="83" cy="270" rx="19" ry="22" />
        <ellipse cx="117" cy="270" rx="19" ry="22" />
      </>
    ),
  },
  hip: {
    front: (
      <>
        <ellipse cx="60" cy="252" rx="11" ry="18" />
        <ellipse cx="140" cy="252" rx="11" ry="18" />
      </>
    ),
    back: (
      <>
        <ellipse cx="56" cy="250" rx="9" ry="16" />
        <ellipse cx="144" cy="250" rx="9" ry="16" />
      </>
    ),
  },
  arm: {
    front: (
      <>
        <path d={ARM} />
        <path d={mirror(ARM)} />
      </>
    ),
    back: (
      <>
        <path d={ARM} />
        <path d={mirror(ARM)} />
      </>
    ),
  },
  leg: {
    front: (
      <>
        <path d={LEG} />
        <path d={mirror(LEG)} />
      </>
    ),
    back: (
      <>
        <path d={LEG} />
        <path d={mirror(LEG)} />
      </>
    ),
  },
  chest: { front: <rect x="66" y="106" width="68" height="50" rx="12" /> },
  belly: { front: <rect x="70" y="166" width="60" height="52" rx="18" /> },
  // The creases where the legs meet the body, either side of the midline.
  groin: {
    front: (
      <>
        <path d="M 66 228 L 96 252 L 92 264 L 62 240 Z" />
        <path d={mirror('M 66 228 L 96 252 L 92 264 L 62 240 Z')} />
      </>
    ),
  },
  jaw: { front: <ellipse cx="100" cy="58" rx="20" ry="11" /> },
};

function Silhouette() {
  return (
    <g class="silhouette">
      <ellipse cx="100" cy="36" rx="22" ry="27" />
      <rect x="89" y="58" width="22" height="26" />
      <path d="M 60 84 Q 100 76 140 84 L 150 100 L 142 175 L 136 215 L 142 262 L 58 262 L 64 215 L 58 175 L 50 100 Z" />
      <path d={ARM} />
      <path d={mirror(ARM)} />
      <path d={LEG} />
      <path d={mirror(LEG)} />
    </g>
  );
}

export type BodyRegion = { id: string; name: string; description: string };

function Figure(props: {
  view: View;
  regions: BodyRegion[];
  selected: readonly string[];
  toggle: (id: string) => void;
}) {
  const label = props.view === 'front' ? 'Front of the body' : 'Back of the body';
  const shown = props.regions.filter((r) => SHAPES[r.id]?.[props.view]);
  // Large shapes (limbs) go underneath so the smaller regions on top of them stay tappable.
  const order = (id: string) => (id === 'arm' || id === 'leg' ? 0 : 1);
  shown.sort((a, b) => order(a.id) - order(b.id));
  return (
    <figure class="body-figure">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot hold a fieldset; the group is named by role. */}
      <svg viewBox="0 0 200 440" role="group" aria-label={label}>
        <Silhouette />
        {shown.map((r) => {
          const on = props.selected.includes(r.id);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG region cannot be an <input>; it is a checkbox by role.
            <g
              key={r.id}
              class={on ? 'region selected' : 'region'}
              role="checkbox"
              aria-checked={on}
              aria-label={r.name}
              tabIndex={0}
              data-region={r.id}
              onClick={() => props.toggle(r.id)}
              onKeyDown={(e) => {
                if (e.key === ' ' || e.key === 'Enter') {
                  e.preventDefault();
                  props.toggle(r.id);
                }
              }}
            >
              <title>{`${r.name}: ${r.description}`}</title>
              {SHAPES[r.id]?.[props.view]}
            </g>
          );
        })}
      </svg>
      <figcaption>{props.view === 'front' ? 'Front' : 'Back'}</figcaption>
    </figure>
  );
}

/** Regions of one kind from the knowledge base, in its order. */
export function bodyRegions(kind: 'painful' | 'spread'): (BodyRegion & { view: string })[] {
  return allRegions
    .filter((r) => r.kind === kind)
    .map((r) => ({ id: r.id, name: r.name, description: r.description, view: r.view }));
}

export function BodyMap(props: {
  kind: 'painful' | 'spread';
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  describedBy?: string;
}) {
  const regions = bodyRegions(props.kind);
  const toggle = (id: string) =>
    props.onChange(
      props.selected.includes(id) ? props.selected.filter((x) => x !== id) : [...props.selected, id],
    );
  const inView = (v: View) => regions.filter((r) => r.view === v || r.view === 'both');
  const unshaped = regions.filter((r) => !SHAPES[r.id]?.front && !SHAPES[r.id]?.back);
  const names = regions.filter((r) => props.selected.includes(r.id)).map((r) => r.name);
  return (
    <div class="body-map" aria-describedby={props.describedBy}>
      <div class="body-figures">
        <Figure view="front" regions={inView('front')} selected={props.selected} toggle={toggle} />
        <Figure view="back" regions={inView('back')} selected={props.selected} toggle={toggle} />
      </div>
      {unshaped.length > 0 && (
        <div class="chips">
          {unshaped.map((r) => (
            <label class="chip" key={r.id}>
              <input type="checkbox" checked={props.selected.includes(r.id)} onChange={() => toggle(r.id)} />
              <span>{r.name}</span>
            </label>
          ))}
        </div>
      )}
      <p class="selected-regions" aria-live="polite">
        {names.length ? `Selected: ${names.join(', ')}` : 'Nothing selected yet.'}
      </p>
    </div>
  );
}

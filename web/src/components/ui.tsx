/**
 * The form controls and page pieces every page uses. Each control is a native input with a visible
 * label (or a fieldset with a legend), so keyboards and screen readers get the platform behaviour.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

/**
 * Load data for a page: `{ data, error, loading, reload }`. When `deps` change, the old data is not shown
 * for the new ones (a run page never shows the previous run while the next one loads).
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key?: string; data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const seq = useRef(0);
  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ ...(s.key === key ? s : {}), key, loading: true, error: undefined }));
    load().then(
      (data) => n === seq.current && setState({ key, data, loading: false }),
      (error: Error) => n === seq.current && setState({ key, error, loading: false }),
    );
  }, [key]);
  useEffect(run, [run]);
  const current = state.key === key ? state : { loading: true, data: undefined, error: undefined };
  return { ...current, reload: run };
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const text = error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
  return (
    <div class="notice notice-error" role="alert">
      <p>{text}</p>
      {retry && (
        <button type="button" class="button secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The page's one h1; the app moves focus to it after navigation. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

export type Option<T extends string> = { value: T; label: string; hint?: string };

/** One choice from a few; nothing chosen means "not answered". */
export function RadioGroup<T extends string>(props: {
  legend: ComponentChildren;
  name: string;
  options: readonly Option<T>[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  hint?: string;
  inline?: boolean;
  clearable?: boolean;
}) {
  const hintId = useId();
  return (
    <fieldset class="field" aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div class={props.inline ? 'choices inline' : 'choices'}>
        {props.options.map((o) => (
          <label class="choice" key={o.value}>
            <input
              type="radio"
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <span>
              {o.label}
              {o.hint && <span class="choice-hint"> {o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {props.clearable !== false && props.value !== undefined && (
        <button type="button" class="link-button" onClick={() => props.onChange(undefined)}>
          Clear this answer
        </button>
      )}
    </fieldset>
  );
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export function YesNo(props: {
  legend: ComponentChildren;
  name: string;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
  hint?: string;
}) {
  return (
    <RadioGroup
      legend={props.legend}
      name={props.name}
      hint={props.hint}
      inline
      clearable={false}
      options={YES_NO}
      value={props.value === undefined ? undefined : props.value ? 'yes' : 'no'}
      onChange={(v) => props.onChange(v === undefined ? undefined : v === 'yes')}
    />
  );
}

/** Any number of choices, shown as chips. */
export function ChipGroup<T extends string>(props: {
  legend: ComponentChildren;
  options: readonly Option<T>[];
  value: readonly T[];
  onChange: (v: T[]) => void;
  hint?: string;
}) {
  const hintId = useId();
  const toggle = (v: T, on: boolean) =>
    props.onChange(on ? [...props.value.filter((x) => x !== v), v] : props.value.filter((x) => x !== v));
  return (
    <fieldset class="field" aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div class="chips">
        {props.options.map((o) => (
          <label class="chip" key={o.value} title={o.hint}>
            <input
              type="checkbox"
              value={o.value}
              checked={props.value.includes(o.value)}
              onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * "Tick any that apply": one checkbox a line, a whole row to tap, and room under a line for what a tick
 * brings (a follow-up question). Unticked lines are "no" once the step is answered.
 */
export function CheckList<T extends string>(props: {
  legend: ComponentChildren;
  options: readonly Option<T>[];
  value: readonly T[];
  onToggle: (v: T, on: boolean) => void;
  hint?: ComponentChildren;
  /** Shown under a line (a follow-up), or nothing. */
  under?: (v: T) => ComponentChildren;
}) {
  const hintId = useId();
  return (
    <fieldset class="field checklist" aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div class="checks">
        {props.options.map((o) => (
          <div class="check-line" key={o.value}>
            <label class="check">
              <input
                type="checkbox"
                value={o.value}
                checked={props.value.includes(o.value)}
                onChange={(e) => props.onToggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>
                {o.label}
                {o.hint && <span class="choice-hint"> {o.hint}</span>}
              </span>
            </label>
            {props.under?.(o.value)}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * 0–10 as eleven big buttons (radios), for logging pain in one tap; `ends` names the scale's ends for
 * another 0–10 scale (PSFS: "0 cannot do it", "10 as well as before").
 */
export function ScoreButtons(props: {
  legend: ComponentChildren;
  name: string;
  value: number | undefined;
  onChange: (v: number) => void;
  ends?: [string, string];
}) {
  const [low, high] = props.ends ?? ['0 no pain', '10 worst imaginable'];
  return (
    <fieldset class="field">
      <legend>{props.legend}</legend>
      <div class="scores">
        {Array.from({ length: 11 }, (_, n) => (
          <label class="score" key={n} data-score={n}>
            <input
              type="radio"
              name={props.name}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <p class="hint scale-words" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </p>
    </fieldset>
  );
}

/** A 0–10 slider that starts unanswered: the thumb only counts once it is moved. */
export function PainSlider(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  const id = useId();
  const set = props.value !== undefined;
  return (
    <div class="field slider-field">
      <div class="slider-head">
        <label for={id}>{props.label}</label>
        <output for={id} class="slider-value">
          {set ? `${props.value}/10` : 'Not answered'}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={10}
        step={1}
        class={set ? 'slider' : 'slider unset'}
        value={props.value ?? 5}
        aria-valuetext={set ? `${props.value} out of 10` : 'not answered'}
        onInput={(e) => props.onChange(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <p class="hint scale-words" aria-hidden="true">
        <span>0 none</span>
        <span>10 worst imaginable</span>
      </p>
      {set && (
        <button type="button" class="link-button" onClick={() => props.onChange(undefined)}>
          Clear this answer
        </button>
      )}
    </div>
  );
}

/** A number with its unit; empty means "not answered". Out-of-range values are shown as an error. */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  useEffect(() => {
    if (props.value === undefined && text !== '' && Number.isFinite(Number(text))) setText('');
    // Only an outside reset clears the box; typing is kept as typed.
  }, [props.value]);
  const n = text.trim() === '' ? undefined : Number(text);
  const bad =
    n !== undefined &&
    (!Number.isFinite(n) || n < props.min || n > props.max || (props.step === 1 && !Number.isInteger(n)));
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.unit && <span class="unit"> ({props.unit})</span>}
      </label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        type="number"
        inputMode={props.step === 1 ? 'numeric' : 'decimal'}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        value={text}
        class="number"
        aria-invalid={bad}
        aria-describedby={[props.hint ? hintId : '', bad ? errId : ''].filter(Boolean).join(' ') || undefined}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          setText(t);
          const v = t.trim() === '' ? undefined : Number(t);
          const ok =
            v !== undefined &&
            Number.isFinite(v) &&
            v >= props.min &&
            v <= props.max &&
            (props.step !== 1 || Number.isInteger(v));
          props.onChange(ok ? v : undefined);
        }}
      />
      {bad && (
        <p class="field-error" id={errId}>
          Enter {props.step === 1 ? 'a whole number' : 'a number'} from {props.min} to {props.max}, or leave
          it empty.
        </p>
      )}
    </div>
  );
}

/** A labelled progress bar (native `<progress>`). */
export function ProgressBar(props: { label: string; value: number; max: number; text?: string }) {
  const id = useId();
  const pct = props.max > 0 ? Math.round((props.value / props.max) * 100) : 0;
  return (
    <div class="progress-field">
      <label for={id}>{props.label}</label>
      <progress id={id} value={props.value} max={props.max || 1}>
        {pct}%
      </progress>
      <span class="progress-text">{props.text ?? `${pct}%`}</span>
    </div>
  );
}

/** A list of source links. */
export function SourceList(props: {
  sources: { id: string; title: string; publisher: string; url?: string; year?: number }[];
}) {
  return (
    <ol class="sources">
      {props.sources.map((s) => (
        <li key={s.id} id={`source-${s.id}`}>
          {s.url ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          ) : (
            s.title
          )}
          <span class="muted">
            {' '}
            — {s.publisher}
            {s.year ? `, ${s.year}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

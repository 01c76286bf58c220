/**
 * "Logged. Undo": a short message at the foot of the screen after something is logged, with a button
 * that takes it back for a few seconds. It is announced without taking focus, the countdown stops
 * while the pointer or the keyboard focus is on it (so nobody loses it while reaching for it), and
 * Escape closes it.
 *
 * @example
 * const toast = useUndoToast();
 * toast.offer({ message: 'Logged pain 4/10.', undo: async () => { await api.deleteDiaryEntry('pain', id); return 'Removed.'; } });
 * return <><UndoToast toast={toast} /></>;
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

/** How long Undo is offered. */
export const UNDO_MS = 10_000;
/** How long the outcome of an undo stays on screen. */
const OUTCOME_MS = 5_000;

export type UndoOffer = {
  /** What was just done, e.g. "Logged pain 4/10 (Lower back)." */
  message: string;
  /** Takes it back; resolves with a sentence saying so. */
  undo: () => Promise<string>;
};

type State =
  | { phase: 'offer'; offer: UndoOffer; n: number }
  | { phase: 'undoing'; offer: UndoOffer; n: number }
  | { phase: 'outcome'; text: string; failed: boolean; n: number };

/** The toast's state and how to show it; pass it to {@link UndoToast}. */
export function useUndoToast() {
  const [state, setState] = useState<State | undefined>();
  const count = useRef(0);
  return {
    state,
    setState,
    /** Show a new offer (replacing any other). */
    offer: (offer: UndoOffer) => setState({ phase: 'offer', offer, n: ++count.current }),
    close: () => setState(undefined),
  };
}

export type UndoToastState = ReturnType<typeof useUndoToast>;

export function UndoToast({ toast }: { toast: UndoToastState }) {
  const { state, setState } = toast;
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const closable = state !== undefined && state.phase !== 'undoing';

  // Held while the pointer or the focus is on it; Escape inside it closes it.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const hold = () => setHeld(true);
    const release = () => setHeld(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && closable) toast.close();
    };
    const events: [string, EventListener][] = [
      ['mouseenter', hold],
      ['mouseleave', release],
      ['focusin', hold],
      ['focusout', release],
      ['keydown', onKey as EventListener],
    ];
    for (const [name, fn] of events) el.addEventListener(name, fn);
    return () => {
      for (const [name, fn] of events) el.removeEventListener(name, fn);
    };
  }, [state !== undefined, closable]);

  // The countdown: restarts for each new offer or outcome, and waits while the toast is held.
  useEffect(() => {
    if (!state || state.phase === 'undoing' || held) return;
    const timer = setTimeout(
      () => setState((s) => (s?.n === state.n ? undefined : s)),
      state.phase === 'offer' ? UNDO_MS : OUTCOME_MS,
    );
    return () => clearTimeout(timer);
  }, [state, held]);

  // A new message starts unheld (a removed button that had focus sends no focusout).
  useEffect(() => setHeld(false), [state?.n, state?.phase]);

  const undo = async () => {
    if (state?.phase !== 'offer') return;
    const { offer, n } = state;
    setState({ phase: 'undoing', offer, n });
    try {
      const text = await offer.undo();
      setState({ phase: 'outcome', text, failed: false, n });
    } catch (error) {
      const why = error instanceof ApiError ? error.message : 'Please try again.';
      setState({ phase: 'outcome', text: `Could not undo that: ${why}`, failed: true, n });
    }
  };

  const text = !state ? '' : state.phase === 'outcome' ? state.text : state.offer.message;
  return (
    // The live region is always there, so the first message is announced too.
    <div class="toast-region" role="status">
      {state && (
        <div ref={box} class={`toast${state.phase === 'outcome' && state.failed ? ' toast-failed' : ''}`}>
          <p class="toast-text">{text}</p>
          {state.phase !== 'outcome' && (
            <button type="button" class="toast-action" onClick={undo} disabled={state.phase === 'undoing'}>
              {state.phase === 'undoing' ? 'Undoing…' : 'Undo'}
            </button>
          )}
          <button
            type="button"
            class="toast-close"
            aria-label="Dismiss"
            onClick={toast.close}
            disabled={state.phase === 'undoing'}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

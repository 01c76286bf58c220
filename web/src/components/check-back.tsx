/**
 * The check-back of a self-care result. Before its date, a line saying when; from the date on, a card
 * asking "Is your back easing?" with three answers, which re-run the check-in and open the new result
 * (as the check-in does). On the result page, why self-care is reasonable and the check-back date.
 */
import { useState } from 'preact/hooks';
import {
  CHECK_BACK_ANSWERS,
  CHECK_BACK_LABELS,
  type CheckBackAnswer,
  formatCheckBackDay,
} from '../../../src/check-back/index.js';
import { ApiError, api } from '../api.js';
import { link, navigate } from '../router.js';
import { setLatestResult } from '../state.js';
import type { Assessment, DueCheckBack } from '../types.js';
import { useAsync } from './ui.js';

/** The pending check-back for the home and diary pages; nothing when there is none (or it cannot load). */
export function CheckBackCard() {
  const state = useAsync(() => api.checkBack().catch(() => null));
  const cb = state.data;
  if (!cb) return null;
  return cb.due ? <DueCard cb={cb} /> : <NotYet cb={cb} />;
}

function NotYet({ cb }: { cb: DueCheckBack }) {
  return (
    <p class="check-back-next" data-check-back="later">
      <strong>Check back on {formatCheckBackDay(cb.on)}</strong>: is your back easing? Backstride will ask you
      here from that day.
    </p>
  );
}

function DueCard({ cb }: { cb: DueCheckBack }) {
  const [busy, setBusy] = useState<CheckBackAnswer | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const answer = async (a: CheckBackAnswer) => {
    setBusy(a);
    setProblem(undefined);
    try {
      const result = await api.answerCheckBack(a);
      setLatestResult(result);
      navigate('/result');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'Could not send your answer. Please try again.');
      setBusy(undefined);
    }
  };
  const since = cb.overdueDays === 0 ? 'today' : `on ${formatCheckBackDay(cb.on)}`;
  return (
    <section class="panel check-back-due" aria-labelledby="check-back-heading" data-check-back="due">
      <h2 id="check-back-heading">Is your back easing?</h2>
      <p>
        Your last check-in asked you to check back {since}. Your answer runs the check-in again and says
        whether to carry on with the plan or see someone.
      </p>
      <div class="check-back-answers">
        {CHECK_BACK_ANSWERS.map((a) => (
          <button
            key={a}
            type="button"
            class={a === 'easing' ? 'button primary' : 'button secondary'}
            disabled={busy !== undefined}
            onClick={() => answer(a)}
          >
            {CHECK_BACK_LABELS[a]}
          </button>
        ))}
      </div>
      <p role="status" class="status-line">
        {busy ? 'Working out your result…' : ''}
      </p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p class="hint">
        Something new, such as numbness, weakness, fever or trouble with your bladder or bowels?{' '}
        <a href={link('/check-in', { step: 1 })}>Do a full check-in instead</a>.
      </p>
    </section>
  );
}

/** On a self-care result: why managing it yourself is reasonable, and when to check back. */
export function SelfCareNote({ r }: { r: Assessment }) {
  const selfCare = r.triage.level === 'self-care' ? r.triage.selfCare : undefined;
  if (!selfCare) return null;
  const cb = selfCare.checkBack;
  return (
    <section class="self-care-note" aria-labelledby="self-care-heading">
      <h2 id="self-care-heading">Why self-care is reasonable</h2>
      <ul>
        {selfCare.why.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <p class="check-back-date">
        <strong>Check back on {formatCheckBackDay(cb.on)}</strong>: is it easing? {cb.why}
      </p>
      <p class="hint">
        From that day the home page asks you.{' '}
        <a href="/api/plan.ics" download="backstride-plan.ics">
          Add it to your calendar
        </a>{' '}
        with your plan.
      </p>
    </section>
  );
}

/**
 * What a self-care or clinician result leads with, so a runner on a phone can act without scrolling:
 * the level and why in one sentence, three things to do today, the top three likely factors with one line
 * of evidence each, and the check-back date. The picks come from the shared summary
 * (src/assess/summary.ts), so the terminal shows the same ones in the same order.
 */
import type { ComponentChildren } from 'preact';
import type { ResultSummary } from '../../../src/assess/summary.js';
import { formatCheckBackDay } from '../../../src/check-back/index.js';
import { link } from '../router.js';
import type { Level } from '../types.js';

const LEVEL_WORDS: Record<Level, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  clinician: 'See a clinician',
  'self-care': 'Self-care',
};

/** The level and why: the first thing on the page, in the level's colours. */
export function LevelBox({ summary, checkedIn }: { summary: ResultSummary; checkedIn: string }) {
  return (
    <section
      class={`level level-${summary.level}`}
      aria-labelledby="level-heading"
      data-level={summary.level}
    >
      <p class="level-label">
        {/* A headline that names its level ("Self-care: …") needs no label above it. */}
        {summary.headline.startsWith(LEVEL_WORDS[summary.level]) ? (
          <span class="level-when">{checkedIn}</span>
        ) : (
          <>
            {LEVEL_WORDS[summary.level]}
            <span class="level-when"> · {checkedIn}</span>
          </>
        )}
      </p>
      <h2 id="level-heading">{summary.headline}</h2>
      <p class="level-why">{summary.why}</p>
    </section>
  );
}

/** Three things to do today, each a title (an exercise links to its card), its dose and one sentence. */
export function TodayList({ summary }: { summary: ResultSummary }) {
  if (!summary.today.length) return null;
  return (
    <section aria-labelledby="today-heading" class="today">
      <h2 id="today-heading">
        {summary.today.length === 3 ? 'Three things to do today' : 'What to do today'}
      </h2>
      <ol class="today-list">
        {summary.today.map((a) => (
          <li key={a.title} class="today-item">
            <p class="today-title">
              <strong>
                {a.exercise ? <a href={link(`/exercises/${a.exercise}`)}>{a.title}</a> : a.title}
              </strong>
              {a.dose && <span class="dose"> · {a.dose}</span>}
            </p>
            <p class="today-line">{a.line}</p>
          </li>
        ))}
      </ol>
      {summary.today.some((a) => a.exercise) && (
        <p class="today-session">
          <a class="button primary" href={link('/session')}>
            Start today's session
          </a>{' '}
          <span class="hint">Guided, one exercise at a time, with counts and timers.</span>
        </p>
      )}
    </section>
  );
}

/** The top three likely factors, each with the first piece of evidence that raised it. */
export function TopFactors({ summary, more }: { summary: ResultSummary; more: ComponentChildren }) {
  if (!summary.factors.length) {
    return (
      <section aria-labelledby="top-factors-heading">
        <h2 id="top-factors-heading">Likely contributing factors</h2>
        <p>No particular factor stood out from your answers, so the plan is a general routine.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="top-factors-heading">
      <h2 id="top-factors-heading">
        {summary.factors.length === 1 ? 'The likely contributing factor' : 'Top likely contributing factors'}
      </h2>
      <ol class="top-factors">
        {summary.factors.map((f) => (
          <li key={f.id}>
            <strong>{f.name}</strong>
            <span class="top-factor-evidence">{f.evidence}</span>
            {f.needsClinician && (
              <span class="top-factor-note">
                A clinician should assess this pattern; do not self-treat it alone.
              </span>
            )}
          </li>
        ))}
      </ol>
      {more}
    </section>
  );
}

/** The check-back date of a self-care result, with the calendar file. */
export function CheckBackLine({ summary }: { summary: ResultSummary }) {
  const cb = summary.checkBack;
  if (!cb) return null;
  return (
    <p class="summary-check-back" data-check-back-on={cb.on}>
      <strong>Check back on {formatCheckBackDay(cb.on)}</strong>: {cb.question.toLowerCase()} From that day
      the home page asks you.{' '}
      <a href="/api/plan.ics" download="backstride-plan.ics">
        Add it to your calendar
      </a>
      .
    </p>
  );
}

/** A section of the full result the runner can open: a native `<details>` with a plain summary line. */
export function MoreSection({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ComponentChildren;
}) {
  return (
    <details class="more-section" id={id}>
      <summary>
        {title}
        {count !== undefined && <span class="more-count"> ({count})</span>}
      </summary>
      <div class="more-body">{children}</div>
    </details>
  );
}

/**
 * The result, triage first. An emergency or urgent result is a single full-width banner with the runner's
 * own numbers first (large `tel:` links for their country), the action, and nothing else on the screen
 * (no factors, no plan, not even the site navigation).
 * Otherwise the result leads with a summary a runner can act on, the first action in view on a phone:
 * the level and why, three things to do today, the top three likely factors with one line of evidence
 * each, the check-back date and when to seek help. Every factor's evidence, the full plan, how it was
 * worked out and the sources are folded into sections the runner can open.
 */
import { useEffect, useState } from 'preact/hooks';
import { summarise } from '../../../src/assess/summary.js';
import { placeName, telHref } from '../../../src/care/codes.js';
import type { CareCall } from '../../../src/care/index.js';
import { ApiError, api } from '../api.js';
import { setChromeHidden } from '../chrome.js';
import { SelfCareNote } from '../components/check-back.js';
import { CheckBackLine, LevelBox, MoreSection, TodayList, TopFactors } from '../components/result-summary.js';
import { ErrorBox, Loading, PageTitle, SourceList, useAsync } from '../components/ui.js';
import { withCare } from '../country.js';
import { dateTime, humanise } from '../format.js';
import { link, navigate } from '../router.js';
import { getLatestResult, setLatestResult } from '../state.js';
import type { Assessment, PlanItem, Source } from '../types.js';
import { forgetStopped, restoreDraft, type StoppedCheckIn, stoppedCheckIn } from './check-in/mistake.js';

export function ResultPage() {
  const state = useAsync(async () => {
    const known = getLatestResult();
    if (known) return withCare(known);
    const r = await api.latestAssessment();
    if (r) setLatestResult(r);
    return r && withCare(r);
  });
  const severe = state.data?.triage.level === 'emergency' || state.data?.triage.level === 'urgent';
  useEffect(() => {
    setChromeHidden(severe);
    return () => setChromeHidden(false);
  }, [severe]);

  if (state.loading) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} retry={state.reload} />;
  const r = state.data;
  if (!r) {
    return (
      <>
        <PageTitle>Your result</PageTitle>
        <p>There is no check-in yet.</p>
        <p>
          <a class="button primary" href={link('/check-in', { step: 1 })}>
            Start a check-in
          </a>
        </p>
      </>
    );
  }
  return severe ? <SevereScreen r={r} /> : <FullResult r={r} />;
}

/** Emergency or urgent: the runner's own numbers first, the action, and nothing else. */
function SevereScreen({ r }: { r: Assessment }) {
  const t = r.triage;
  const emergency = t.level === 'emergency';
  const reasons = t.reasons.filter((x) => x.level === t.level);
  const care = r.care;
  const calls: CareCall[] = emergency
    ? [care.emergency.number, ...(care.emergency.also ?? [])].map((number) => ({
        number,
        label: care.emergency.label,
      }))
    : care.sameDay.calls;
  const where = care.specific && care.countryName ? placeName(care.countryName) : undefined;
  const stopped = stoppedCheckIn(r);
  return (
    <section class={`alarm alarm-${t.level}`} aria-labelledby="page-title" data-level={t.level}>
      <PageTitle>{t.headline}</PageTitle>
      <p class="alarm-action">{emergency ? care.emergency.text : care.sameDay.text}</p>
      {calls.length > 0 && (
        <ul class="call-list">
          {calls.map((c, i) => (
            <li key={c.number}>
              <a class={i === 0 ? 'call-button call-first' : 'call-button'} href={telHref(c.number)}>
                Call {c.number}
                <span class="call-where"> ({c.label})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="alarm-detail">{t.action}</p>
      {reasons.length > 0 && (
        <p class="alarm-why">Because you said: {reasons.map((x) => x.reason).join(' ')}</p>
      )}
      {!emergency && (
        <p class="alarm-why">
          If it gets much worse, or you have chest pain, trouble breathing, or lose control of your bladder or
          bowels, call{' '}
          {care.specific ? (
            <a href={telHref(care.emergency.number)}>{care.emergency.number}</a>
          ) : (
            <>
              your local emergency number (
              <a href={telHref(care.emergency.number)}>{care.emergency.number}</a> works in many countries)
            </>
          )}{' '}
          now.
        </p>
      )}
      <p class="alarm-country">
        {where ? `Numbers for ${where}. ` : ''}
        <a href={link('/settings')}>{where ? `Not in ${where}?` : 'Set your country'}</a>
      </p>
      {stopped && <AnsweredByMistake stopped={stopped} />}
    </section>
  );
}

/**
 * Last on the screen, after the care message and the numbers: the way back to the question that stopped
 * the check-in. The result is withdrawn first (the server keeps it if it is not the latest, or is more
 * than 30 minutes old), then the check-in opens at that step with the answers as they were.
 */
function AnsweredByMistake({ stopped }: { stopped: StoppedCheckIn }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const goBack = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.withdrawAssessment(stopped.id);
    } catch (e) {
      // Already gone (withdrawn from another tab) is what was asked for; anything else keeps the result.
      if (!(e instanceof ApiError && e.status === 404)) {
        setProblem(
          e instanceof ApiError && e.status === 409
            ? `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`
            : 'Could not withdraw this result. Please try again.',
        );
        setBusy(false);
        return;
      }
    }
    restoreDraft(stopped);
    forgetStopped();
    setLatestResult(undefined);
    navigate('/check-in', { step: stopped.step, mistake: 1 });
  };
  return (
    <div class="alarm-mistake">
      <button type="button" class="alarm-mistake-button" disabled={busy} onClick={goBack}>
        I answered a question by mistake
      </button>
      {problem && (
        <p role="alert">
          {problem} <a href={link('/check-in', { step: 1 })}>Start a new check-in</a>
        </p>
      )}
    </div>
  );
}

function SourceLinks({ ids, sources }: { ids: string[]; sources: Map<string, Source> }) {
  const known = ids.map((id) => sources.get(id)).filter((s): s is Source => !!s);
  if (!known.length) return null;
  return (
    <p class="item-sources">
      <span class="muted">Sources: </span>
      {known.map((s, i) => (
        <span key={s.id}>
          {i > 0 && '; '}
          {s.url ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.publisher}
              {s.year ? ` ${s.year}` : ''}
            </a>
          ) : (
            `${s.publisher}${s.year ? ` ${s.year}` : ''}`
          )}
        </span>
      ))}
    </p>
  );
}

function PlanItemView({
  item,
  factorName,
  sources,
}: {
  item: PlanItem;
  factorName: (id: string) => string;
  sources: Map<string, Source>;
}) {
  return (
    <li class="plan-item">
      <h4>
        {item.type === 'exercise' ? <a href={link(`/exercises/${item.id}`)}>{item.title}</a> : item.title}
        {item.dose && <span class="dose"> · {item.dose}</span>}
      </h4>
      <p>{item.detail}</p>
      {item.exercises && item.exercises.length > 0 && (
        <p>
          Exercises:{' '}
          {item.exercises.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={link(`/exercises/${id}`)}>{humanise(id)}</a>
            </span>
          ))}
        </p>
      )}
      {item.cautions && item.cautions.length > 0 && (
        <ul class="cautions">
          {item.cautions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {item.addresses.length > 0 && <p class="muted">For: {item.addresses.map(factorName).join(', ')}</p>}
      <SourceLinks ids={item.sources} sources={sources} />
    </li>
  );
}

/** Open a folded section of the result and bring it into view, its summary focused. */
function openSection(id: string) {
  const details = document.getElementById(id);
  if (!(details instanceof HTMLDetailsElement)) return;
  details.open = true;
  details.scrollIntoView({ behavior: 'smooth', block: 'start' });
  details.querySelector('summary')?.focus({ preventScroll: true });
}

/**
 * A self-care or clinician result: the summary first (level and why, what to do today, the top factors,
 * the check-back date, when to seek help), then the rest folded into sections the runner can open.
 */
function FullResult({ r }: { r: Assessment }) {
  const t = r.triage;
  const summary = summarise(r);
  const sources = new Map(r.sources.map((s) => [s.id, s]));
  const factorNames = new Map(r.factors.map((f) => [f.id, f.name]));
  const factorName = (id: string) => factorNames.get(id) ?? humanise(id);
  const seekHelp = r.plan.sections.find((s) => s.id === 'seek-help');
  const safetyNet = seekHelp?.items.filter((i) => i.type === 'action') ?? [];
  const professional = seekHelp?.items.filter((i) => i.type !== 'action') ?? [];
  const sections = r.plan.sections.filter((s) => s.id !== 'seek-help' && s.items.length > 0);
  const reasons = t.reasons.filter((x) => x.level === t.level);
  return (
    <>
      <PageTitle>Your result</PageTitle>
      <LevelBox summary={summary} checkedIn={`Check-in of ${dateTime(r.assessedAt)}`} />

      {t.redFlagScreen.note && <UnansweredSafety screen={t.redFlagScreen} />}

      {/* A clinician result's reasons are red-flag wording, with what to do if it changes: never folded. */}
      {reasons.length > 0 && (
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why see a clinician</h2>
          <ul class="reasons">
            {reasons.map((x) => (
              <li key={x.rule}>
                <strong>{x.name}.</strong> {x.reason} {x.action}
                <SourceLinks ids={x.sources} sources={sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <TodayList summary={summary} />

      <TopFactors
        summary={summary}
        more={
          summary.moreFactors > 0 && (
            <p class="summary-more">
              <button type="button" class="link-button" onClick={() => openSection('all-factors')}>
                All {r.factors.length} factors and what raised them
              </button>
            </p>
          )
        }
      />

      <CheckBackLine summary={summary} />

      {safetyNet.length > 0 && (
        <section aria-labelledby="help-heading" class="safety-net summary-safety-net">
          <h2 id="help-heading">When to seek help</h2>
          <ul class="safety-lines">
            {safetyNet.map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong> {i.detail.replace(/[.;\s]+$/, '')}.
              </li>
            ))}
          </ul>
        </section>
      )}

      <p class="summary-actions">
        <a class="button primary" href={link('/plan')}>
          See your week
        </a>{' '}
        <button type="button" class="button secondary" onClick={() => openSection('full-plan')}>
          The full plan
        </button>
      </p>

      <div class="more-sections">
        <MoreSection id="all-factors" title="Every likely factor and its evidence" count={r.factors.length}>
          {r.factors.length === 0 ? (
            <p>No particular factor stood out from your answers. The plan is a general routine.</p>
          ) : (
            <ol class="factors">
              {r.factors.map((f) => (
                <li key={f.id} class="factor">
                  <h3>
                    {f.name} <span class="factor-score">({Math.round(f.score * 100)}% evidence score)</span>
                  </h3>
                  <p>{f.summary}</p>
                  <p class="evidence-label">What raised it:</p>
                  <ul class="evidence">
                    {f.evidence.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                  {f.needsClinician && (
                    <p class="notice notice-info">
                      A clinician should assess this pattern; do not self-treat it alone.
                    </p>
                  )}
                  <SourceLinks ids={f.sources} sources={sources} />
                </li>
              ))}
            </ol>
          )}
        </MoreSection>

        <MoreSection id="full-plan" title="The full plan">
          {sections.map((s) => (
            <section key={s.id} class="plan-section" aria-labelledby={`plan-${s.id}`}>
              <h3 id={`plan-${s.id}`}>{s.title}</h3>
              {s.items.length ? (
                <ul class="plan-items">
                  {s.items.map((i) => (
                    <PlanItemView key={i.id} item={i} factorName={factorName} sources={sources} />
                  ))}
                </ul>
              ) : (
                <p class="muted">Nothing here for now.</p>
              )}
            </section>
          ))}
          {professional.length > 0 && (
            <section class="plan-section" aria-labelledby="plan-professional">
              <h3 id="plan-professional">Help from a professional</h3>
              <ul class="plan-items">
                {professional.map((i) => (
                  <PlanItemView key={i.id} item={i} factorName={factorName} sources={sources} />
                ))}
              </ul>
            </section>
          )}
          <p>
            <a class="button primary" href={link('/plan')}>
              See your week
            </a>{' '}
            <a class="button secondary" href={link('/exercises')}>
              Exercise library
            </a>
          </p>
        </MoreSection>

        <MoreSection id="how" title="How this was worked out">
          <SelfCareNote r={r} />
          <p>
            Each likely factor has an evidence score: how strongly your answers, self-checks and runs point to
            it. The plan picks the items that do most for the factors with the highest scores, and each item
            names the factors it is for and its sources.
          </p>
          {r.history && (
            <p>
              Your stored running history ({r.history.runsConsidered}{' '}
              {r.history.runsConsidered === 1 ? 'run' : 'runs'}) was taken into account.
              {r.history.notes
                .map((n) => ` ${n.field}: you said ${n.answered}, your runs show ${n.data}.`)
                .join('')}
            </p>
          )}
          {r.unanswered.length > 0 && (
            <>
              <h3>Questions not answered</h3>
              <p>These would have changed the result. Answer them in a new check-in for a better one.</p>
              <ul>
                {r.unanswered.map((u) => (
                  <li key={u.field}>{u.why}</li>
                ))}
              </ul>
            </>
          )}
        </MoreSection>

        <MoreSection id="sources" title="Sources" count={r.sources.length}>
          <SourceList sources={r.sources} />
        </MoreSection>
      </div>

      <p class="disclaimer">{r.disclaimer}</p>
      <p>
        <a class="button secondary" href={link('/check-in', { step: 1 })}>
          New check-in
        </a>
      </p>
    </>
  );
}

/** The safety questions left unanswered, each by its wording (a skipped screen lists them folded away). */
function UnansweredSafety({ screen }: { screen: Assessment['triage']['redFlagScreen'] }) {
  const n = screen.unanswered.length;
  const partial = screen.answered > 0 && n > 0;
  const list = (
    <ul>
      {screen.unanswered.map((u) => (
        <li key={u.question}>{u.text}</li>
      ))}
    </ul>
  );
  return (
    <div class="notice notice-warning" role="note">
      <p>
        <strong>Safety questions:</strong>{' '}
        {partial
          ? `${n} of ${screen.total} ${n === 1 ? 'was' : 'were'} not answered and ${n === 1 ? 'was' : 'were'} not assumed to be "no". If ${n === 1 ? 'it applies' : 'any of them applies'} to you, act on "When to seek help" below:`
          : screen.note}
      </p>
      {/* A long list (most of the screen skipped) is folded so the rest of the result stays in reach. */}
      {partial && n <= 8
        ? list
        : n > 0 && (
            <details>
              <summary>
                The {n} questions {partial ? 'not answered' : 'not asked'}
              </summary>
              {list}
            </details>
          )}
    </div>
  );
}

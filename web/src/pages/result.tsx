/**
 * The result, triage first. An emergency or urgent result is a single full-width banner with the runner's
 * own numbers first (large `tel:` links for their country), the action, and nothing else on the screen
 * (no factors, no plan, not even the site navigation).
 * Otherwise: the level and what to do, when to seek help, the likely contributing factors with their
 * evidence, the plan, and the sources.
 */
import { useEffect } from 'preact/hooks';
import { placeName, telHref } from '../../../src/care/codes.js';
import type { CareCall } from '../../../src/care/index.js';
import { api } from '../api.js';
import { setChromeHidden } from '../chrome.js';
import { SelfCareNote } from '../components/check-back.js';
import { ErrorBox, Loading, PageTitle, SourceList, useAsync } from '../components/ui.js';
import { withCare } from '../country.js';
import { dateTime, humanise } from '../format.js';
import { link } from '../router.js';
import { getLatestResult, setLatestResult } from '../state.js';
import type { Assessment, Level, PlanItem, Source } from '../types.js';

const LEVEL_WORDS: Record<Level, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  clinician: 'See a clinician',
  'self-care': 'Self-care',
};

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
    </section>
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

function FullResult({ r }: { r: Assessment }) {
  const t = r.triage;
  const sources = new Map(r.sources.map((s) => [s.id, s]));
  const factorNames = new Map(r.factors.map((f) => [f.id, f.name]));
  const factorName = (id: string) => factorNames.get(id) ?? humanise(id);
  const seekHelp = r.plan.sections.find((s) => s.id === 'seek-help');
  const sections = r.plan.sections.filter((s) => s.id !== 'seek-help' && s.items.length > 0);
  return (
    <>
      <PageTitle>Your result</PageTitle>
      <p class="muted">Check-in of {dateTime(r.assessedAt)}</p>

      <section class={`level level-${t.level}`} aria-labelledby="level-heading" data-level={t.level}>
        <p class="level-label">{LEVEL_WORDS[t.level]}</p>
        <h2 id="level-heading">{t.headline}</h2>
        <p class="level-action">{t.action}</p>
        {t.level === 'clinician' && <p class="level-where">{r.care.routine.text}</p>}
        {seekHelp && (
          <p class="level-more">
            <button
              type="button"
              class="link-button"
              onClick={() => document.getElementById('help-heading')?.scrollIntoView({ behavior: 'smooth' })}
            >
              When to seek help instead
            </button>
          </p>
        )}
      </section>

      <SelfCareNote r={r} />

      {t.redFlagScreen.note && <UnansweredSafety screen={t.redFlagScreen} />}

      {t.reasons.length > 0 && (
        <section aria-labelledby="why-heading">
          <h2 id="why-heading">Why this level</h2>
          <ul class="reasons">
            {t.reasons.map((x) => (
              <li key={x.rule}>
                <strong>{x.name}.</strong> {x.reason}
                <SourceLinks ids={x.sources} sources={sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="factors-heading">
        <h2 id="factors-heading">Likely contributing factors</h2>
        {r.factors.length === 0 ? (
          <p>No particular factor stood out from your answers. The plan below is a general routine.</p>
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
        {r.history && (
          <p class="muted">
            Your stored running history ({r.history.runsConsidered} runs) was taken into account.
            {r.history.notes
              .map((n) => ` ${n.field}: you said ${n.answered}, your runs show ${n.data}.`)
              .join('')}
          </p>
        )}
      </section>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Your plan</h2>
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
        <p>
          <a class="button primary" href={link('/plan')}>
            See your week
          </a>{' '}
          <a class="button secondary" href={link('/exercises')}>
            Exercise library
          </a>
        </p>
      </section>

      {seekHelp && (
        <section aria-labelledby="help-heading" class="safety-net">
          <h2 id="help-heading">When to seek help</h2>
          <ul class="plan-items">
            {seekHelp.items.map((i) => (
              <PlanItemView key={i.id} item={i} factorName={factorName} sources={sources} />
            ))}
          </ul>
        </section>
      )}

      {r.unanswered.length > 0 && (
        <section aria-labelledby="unanswered-heading">
          <h2 id="unanswered-heading">Questions not answered</h2>
          <p>These would have changed the result. Answer them in a new check-in for a better one.</p>
          <ul>
            {r.unanswered.map((u) => (
              <li key={u.field}>{u.why}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <SourceList sources={r.sources} />
      </section>
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

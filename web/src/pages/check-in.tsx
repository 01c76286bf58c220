/**
 * The check-in, one step at a time: the red-flag screen first, then where it hurts (the body map), then
 * the rest, each step skippable. Only the steps and questions that apply to the answers so far are shown
 * (src/answers/questions.ts): the clot questions after "deep breaths", say, and no running-load questions
 * when the imported runs answer them. A safety step is a checklist: "Continue" once a line is ticked (the
 * unticked lines are then "no"), or "None of these apply". A warning sign in a safety step is triaged at
 * once: an emergency stops the check-in there, and an urgent result stops it at the end of the safety
 * questions (or after a follow-up asked later), as in the terminal check-in. The steps themselves are in
 * check-in/.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { runsAnswerLoad } from '../../../src/assess/history-window.js';
import { ApiError, api } from '../api.js';
import { clearCheckInDraft, DRAFT_KEY } from '../check-in-draft.js';
import {
  type AskOptions,
  anyWarning,
  canContinueSafety,
  type Draft,
  emptyDraft,
  isSafetyStep,
  noneApply,
  RED_FLAG_GROUPS,
  redFlagAnswers,
  type StepId,
  stepForField,
  toAnswers,
  uncheckedAreNo,
  visibleSteps,
} from '../check-in-model.js';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components/ui.js';
import { useUnits } from '../format.js';
import { navigate, useRoute } from '../router.js';
import { setLatestResult } from '../state.js';
import type { Answers, Assessment } from '../types.js';
import { DailyStep, GearStep } from './check-in/daily.js';
import { rememberStopped } from './check-in/mistake.js';
import { OutlookStep } from './check-in/outlook.js';
import { DurationStep, FeelStep, OnsetStep, SeverityStep, SpreadStep, WhereStep } from './check-in/pain.js';
import { Review } from './check-in/review.js';
import { FormStep, RunningStep } from './check-in/running.js';
import { type Descriptions, SafetyStep } from './check-in/safety.js';
import { SelfChecksStep } from './check-in/self-checks.js';
import type { StepProps } from './check-in/step.js';

function loadDraft(): Draft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (raw) return { ...emptyDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
  } catch {
    // A broken draft starts afresh.
  }
  return emptyDraft();
}

function saveDraft(d: Draft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Storage full or blocked: the draft lives in memory only.
  }
}

/** The red-flag wording from the answers schema (`GET /api/schema/answers`). */
async function loadDescriptions(): Promise<Descriptions> {
  const schema = await api.answersSchema();
  const props = (
    schema as { properties?: { redFlags?: { properties?: Record<string, { description?: string }> } } }
  ).properties?.redFlags?.properties;
  const out: Descriptions = {};
  for (const [k, v] of Object.entries(props ?? {})) if (v.description) out[k] = v.description;
  return out;
}

const DAY = 86_400_000;

/**
 * Whether the stored runs answer the running load (a run in the last six weeks, four weeks of history).
 * Without an answer from the server the questions are asked.
 */
async function loadAsk(): Promise<AskOptions> {
  const now = Date.now();
  try {
    const runs = await api.runs({ from: new Date(now - 120 * DAY).toISOString() });
    return {
      hasRecentRuns: runsAnswerLoad(
        runs.map((r) => Date.parse(r.startTime)),
        now,
      ),
    };
  } catch {
    return {};
  }
}

/** The answer steps (everything but the safety steps and the review). */
const ANSWER_STEPS: Partial<Record<StepId, (p: StepProps) => JSX.Element>> = {
  where: WhereStep,
  spread: SpreadStep,
  severity: SeverityStep,
  duration: DurationStep,
  feel: FeelStep,
  onset: OnsetStep,
  outlook: OutlookStep,
  running: RunningStep,
  form: FormStep,
  daily: DailyStep,
  gear: GearStep,
  'self-checks': SelfChecksStep,
};

const LAST_SCREEN_STEP = RED_FLAG_GROUPS.at(-1)?.id;

export function CheckInPage() {
  const route = useRoute();
  const units = useUnits();
  const descriptions = useAsync(loadDescriptions);
  const ask = useAsync(loadAsk).data ?? {};
  const [draft, setDraftState] = useState<Draft>(loadDraft);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | Error | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const steps = visibleSteps(draft, ask);
  const stepIndex = Math.min(Math.max(Number(route.query.get('step') ?? '1') || 1, 1), steps.length) - 1;
  const step = steps[stepIndex] ?? steps[0];
  if (!step) throw new Error('no steps');
  const answers = toAnswers(draft, units, ask);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepIndex]);

  const setDraft = (update: (d: Draft) => Draft) =>
    setDraftState((d) => {
      const next = update(d);
      saveDraft(next);
      return next;
    });
  const unskip = (d: Draft, id: StepId): Draft => ({ ...d, skipped: d.skipped.filter((s) => s !== id) });
  /** Edit a field; answering a skipped step un-skips it. */
  const edit = (update: (d: Draft) => Partial<Draft>) =>
    setDraft((d) => ({ ...unskip(d, step.id), ...update(d) }));

  const goTo = (i: number) => {
    setError(undefined);
    navigate('/check-in', { step: i + 1 });
  };

  const finish = async (a: Answers, d: Draft) => {
    setBusy('Working out your result…');
    try {
      const result = await api.assess(a, true);
      // A severe result at the end (pain spreading to the chest, say) goes back to the review if mistaken.
      if (result.triage.level === 'emergency' || result.triage.level === 'urgent')
        rememberStopped(result, stepIndex + 1, d);
      showResult(result);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const showResult = (result: Assessment) => {
    setLatestResult(result);
    clearCheckInDraft();
    setDraftState(emptyDraft());
    navigate('/result');
  };

  /**
   * After a safety step: triage what is known so far when there is a warning sign. In the screen, only
   * its answers count; after a follow-up asked later (clot risk after "deep breaths"), everything so far,
   * since the follow-up's meaning depends on the pain.
   */
  const afterSafetyStep = async (d: Draft): Promise<boolean> => {
    const followUp = !RED_FLAG_GROUPS.some((g) => g.id === step.id);
    if (followUp ? !isSafetyStep(step.id) || !anyWarning(d, step.id) : !anyWarning(d)) return false;
    setBusy('Checking your answers…');
    try {
      const known: Answers = followUp ? toAnswers(d, units, ask) : { redFlags: redFlagAnswers(d) };
      const early = await api.assess(known, false);
      // Nothing outranks an emergency: stop now. An urgent result could still become an emergency with
      // the remaining screen questions, so those are asked first; after the screen, urgent stops too.
      const screenDone = followUp || step.id === LAST_SCREEN_STEP;
      if (early.triage.level === 'emergency' || (early.triage.level === 'urgent' && screenDone)) {
        const saved = await api.assess(known, true);
        rememberStopped(saved, mistakeStep(d, saved.triage.level), d);
        showResult(saved);
        return true;
      }
    } catch (e) {
      setError(e as Error);
      return true;
    } finally {
      setBusy(undefined);
    }
    return false;
  };

  /**
   * The step to go back to when the runner says a safety answer was a mistake: an emergency stops at once,
   * so it is this step; an urgent result waits for the end of the screen, so it is the first safety step
   * with a warning answer.
   */
  const mistakeStep = (d: Draft, level: Assessment['triage']['level']): number => {
    if (level === 'emergency') return stepIndex + 1;
    const first = steps.findIndex((s, i) => i <= stepIndex && isSafetyStep(s.id) && anyWarning(d, s.id));
    return (first === -1 ? stepIndex : first) + 1;
  };

  const next = async (d: Draft) => {
    setError(undefined);
    if (isSafetyStep(step.id) && (await afterSafetyStep(d))) return;
    if (step.id === 'review') {
      await finish(toAnswers(d, units, ask), d);
      return;
    }
    // The steps that apply may have changed with this step's answers (a follow-up now applies).
    const now = visibleSteps(d, ask);
    const here = now.findIndex((s) => s.id === step.id);
    goTo((here === -1 ? stepIndex : here) + 1);
  };

  const skip = () => {
    const d = { ...draft, skipped: [...draft.skipped.filter((s) => s !== step.id), step.id] };
    setDraft(() => d);
    void next(d);
  };

  const noneOfThese = () => {
    if (!isSafetyStep(step.id)) return;
    const d = { ...unskip(draft, step.id), flags: noneApply(draft, step.id) };
    setDraft(() => d);
    void next(d);
  };

  /** "Continue": on a safety step, only with a line ticked (or a question answered); the rest are "no". */
  const submit = () => {
    if (busy) return;
    if (!isSafetyStep(step.id)) {
      void next(draft);
      return;
    }
    if (!canContinueSafety(draft, step.id)) return;
    const d = { ...unskip(draft, step.id), flags: uncheckedAreNo(draft, step.id) };
    setDraft(() => d);
    void next(d);
  };

  // Back from an emergency or urgent result the runner withdrew as a mistake (pages/check-in/mistake.ts).
  const mistakeNote = route.query.get('mistake') ? (
    <p class="notice notice-info" role="status">
      That result was withdrawn and is not kept. Your answers are as you left them: change the one you gave by
      mistake, then continue. If it was right after all, please act on it now.
    </p>
  ) : null;

  const skippedNote = draft.skipped.includes(step.id) ? (
    <p class="notice notice-info">You skipped this step. Answer any question to include it again.</p>
  ) : null;

  const safety = isSafetyStep(step.id) ? step.id : undefined;
  const anyYes = safety ? anyWarning(draft, safety) : false;
  const mayContinue = !safety || canContinueSafety(draft, safety);
  const noneFirst = !!safety && !mayContinue && !anyYes;
  const Answer = ANSWER_STEPS[step.id];
  const props: StepProps = { draft, edit, answers, ask, units };

  return (
    <>
      <PageTitle>Check-in</PageTitle>
      <div class="step-progress">
        <p class="step-count" id="step-count">
          Step {stepIndex + 1} of {steps.length}
        </p>
        <progress value={stepIndex + 1} max={steps.length} aria-labelledby="step-count" />
      </div>
      <form
        class="step"
        aria-labelledby="step-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="step-title" tabIndex={-1} ref={headingRef}>
          {step.title}
        </h2>
        {mistakeNote}
        {skippedNote}

        {safety &&
          (descriptions.loading ? (
            <Loading label="Loading the safety questions…" />
          ) : descriptions.error ? (
            <ErrorBox error={descriptions.error} retry={descriptions.reload} />
          ) : (
            <SafetyStep
              {...props}
              id={safety}
              first={stepIndex === 0}
              descriptions={descriptions.data ?? {}}
            />
          ))}

        {Answer && <Answer {...props} />}

        {step.id === 'review' && (
          <Review draft={draft} goTo={goTo} descriptions={descriptions.data ?? {}} ask={ask} />
        )}

        {error && (
          <div class="notice notice-error" role="alert">
            <p>{error.message}</p>
            {error instanceof ApiError && error.field && stepForField(error.field) && (
              <button
                type="button"
                class="button secondary"
                onClick={() => goTo(steps.findIndex((s) => s.id === stepForField(error.field ?? '')))}
              >
                Go to that question
              </button>
            )}
          </div>
        )}
        {busy && (
          <p class="loading" role="status">
            {busy}
          </p>
        )}

        <div class="step-actions">
          {/* With nothing ticked, "None of these apply" is the step's main action and comes first;
              Continue (the form's submit) waits for a tick. */}
          {noneFirst && (
            <button type="button" class="button primary" disabled={!!busy} onClick={noneOfThese}>
              None of these apply
            </button>
          )}
          <button
            type="submit"
            class={noneFirst ? 'button secondary' : 'button primary'}
            disabled={!!busy || !mayContinue}
          >
            {step.id === 'review' ? 'See my result' : 'Continue'}
          </button>
          {safety && !anyYes && !noneFirst && (
            <button type="button" class="button secondary" disabled={!!busy} onClick={noneOfThese}>
              None of these apply
            </button>
          )}
          {step.id !== 'review' && (
            <button type="button" class="button secondary" disabled={!!busy} onClick={skip}>
              Skip this step
            </button>
          )}
          {stepIndex > 0 && (
            <button type="button" class="button tertiary" onClick={() => goTo(stepIndex - 1)}>
              Back
            </button>
          )}
        </div>
        {safety && (
          <p class="hint">
            Skipping is allowed, but your result will say that serious causes were not ruled out.
          </p>
        )}
      </form>
    </>
  );
}

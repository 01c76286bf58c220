/**
 * The review: what was answered per step, with a way back to each. A safety step says "None apply" or
 * how many lines were ticked (by name when short), counting only the questions that apply to the answers
 * (the time of chest symptoms only after a tick), and how many of them were left unanswered.
 */

import { isWarningAnswer } from '../../../../src/answers/questions.js';
import type { RedFlagQuestion } from '../../../../src/answers/schema.js';
import {
  type AskOptions,
  CLOT_RISK,
  type Draft,
  EYE_INFLAMMATION,
  isSafetyStep,
  questionsOf,
  type StepId,
  TRAUMA,
  toAnswers,
  visibleSteps,
} from '../../check-in-model.js';
import { useUnits } from '../../format.js';
import { type Descriptions, questionText } from './safety.js';

/** Ticked names longer than this together are counted, not listed. */
const SHORT = 60;

const labelOf = (choices: readonly { value: string; label: string }[], v: unknown) =>
  choices.find((c) => c.value === v)?.label ?? String(v);

/** What a warning answer is called in the review: the line's wording, or the choice made. */
function tickedNames(q: RedFlagQuestion, value: unknown, descriptions: Descriptions): string[] {
  if (q === 'trauma') return [labelOf(TRAUMA, value)];
  if (q === 'eyeInflammation') return [`Eye inflammation: ${labelOf(EYE_INFLAMMATION, value).toLowerCase()}`];
  if (q === 'clotRisk' && Array.isArray(value)) return value.map((v) => labelOf(CLOT_RISK, v));
  return [questionText(q, descriptions).replace(/\.$/, '')];
}

/** A safety step's status: "None apply", "2 ticked" or "1 ticked: Fever", and what is left unanswered. */
export function safetyStatus(
  id: StepId,
  draft: Draft,
  flags: Record<string, unknown>,
  descriptions: Descriptions,
  ask: AskOptions = {},
): string {
  const asked = questionsOf(id, draft, ask)
    .flatMap((q) => q.fills)
    .map((f) => f.replace(/^redFlags\./, '') as RedFlagQuestion);
  const open = asked.filter((q) => flags[q] === undefined).length;
  if (open === asked.length) return 'Not answered';
  const names = asked
    .filter((q) => isWarningAnswer(q, flags[q]))
    .flatMap((q) => tickedNames(q, flags[q], descriptions));
  const ticked =
    names.length === 0
      ? 'None apply'
      : `${names.length} ticked${names.join('; ').length <= SHORT ? `: ${names.join('; ')}` : ''}`;
  return open ? `${ticked}; ${open} not answered` : ticked;
}

export function Review({
  draft,
  goTo,
  descriptions,
  ask,
}: {
  draft: Draft;
  goTo: (i: number) => void;
  descriptions: Descriptions;
  ask: AskOptions;
}) {
  const units = useUnits();
  const answers = toAnswers(draft, units, ask);
  const flags = (answers.redFlags ?? {}) as Record<string, unknown>;
  const status = (id: StepId): string => {
    if (draft.skipped.includes(id)) return 'Skipped';
    if (isSafetyStep(id)) return safetyStatus(id, draft, flags, descriptions, ask);
    const has: Record<string, boolean> = {
      where: draft.regions.length > 0,
      spread: true,
      severity:
        draft.now !== undefined ||
        draft.worst !== undefined ||
        draft.timing.length > 0 ||
        draft.stopsDaily !== undefined,
      duration: draft.since !== undefined || draft.episode !== undefined || draft.recurrent !== undefined,
      feel: draft.qualities.length + draft.worseWith.length > 0 || draft.eases !== undefined,
      onset:
        answers.about !== undefined ||
        answers.pain?.onset !== undefined ||
        answers.pain?.trend !== undefined ||
        answers.pain?.triedSelfCare !== undefined,
      outlook: true,
      running: answers.running !== undefined,
      form: true,
      daily: answers.daily !== undefined,
      gear: answers.gear !== undefined,
      'self-checks': answers.selfChecks !== undefined,
    };
    return has[id] ? 'Answered' : 'Not answered';
  };
  const steps = visibleSteps(draft, ask);
  return (
    <>
      <p class="lead">
        Check what you told us, then send it. Nothing you skipped is guessed; the result says what it could
        not check.
      </p>
      <table class="review">
        <caption class="visually-hidden">Your answers by step</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.slice(0, -1).map((s, i) => (
            <tr key={s.id}>
              <th scope="row">{s.title}</th>
              <td>{status(s.id)}</td>
              <td>
                <button type="button" class="link-button" onClick={() => goTo(i)}>
                  Change<span class="visually-hidden"> {s.title}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

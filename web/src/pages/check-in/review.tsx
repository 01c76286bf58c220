/**
 * The review: what was answered per step, with a way back to each. A safety step counts only the
 * questions that apply to the answers (the time of chest symptoms only after a yes).
 */

import { isWarningAnswer } from '../../../../src/answers/questions.js';
import type { RedFlagQuestion } from '../../../../src/answers/schema.js';
import {
  type Draft,
  isSafetyStep,
  questionsOf,
  type StepId,
  toAnswers,
  visibleSteps,
} from '../../check-in-model.js';
import { useUnits } from '../../format.js';

export function Review({ draft, goTo }: { draft: Draft; goTo: (i: number) => void }) {
  const units = useUnits();
  const answers = toAnswers(draft, units);
  const flags = (answers.redFlags ?? {}) as Record<string, unknown>;
  const status = (id: StepId): string => {
    if (draft.skipped.includes(id)) return 'Skipped';
    if (isSafetyStep(id)) {
      const asked = questionsOf(id, draft).map((q) => q.id.replace(/^redFlags\./, ''));
      const n = asked.filter((q) => flags[q] !== undefined).length;
      const yes = asked.filter((q) => isWarningAnswer(q as RedFlagQuestion, flags[q])).length;
      return `${n} of ${asked.length} answered${yes ? `, ${yes} yes` : ''}`;
    }
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
        answers.pain?.triedSelfCare !== undefined ||
        answers.pain?.triedPainkillers !== undefined,
      outlook: true,
      running: answers.running !== undefined,
      form: true,
      daily: answers.daily !== undefined,
      gear: answers.gear !== undefined,
      'self-checks': answers.selfChecks !== undefined,
    };
    return has[id] ? 'Answered' : 'Not answered';
  };
  const steps = visibleSteps(draft);
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

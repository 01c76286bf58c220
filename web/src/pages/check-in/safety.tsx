/**
 * A safety step: one group of the red-flag screen, or the follow-ups asked after it (clot risk, the
 * inflammatory questions). Each question is shown only when it applies to the answers so far; a
 * follow-up inside a group (the time of chest symptoms after a yes) appears under the question it follows.
 */
import type { ScreenQuestion } from '../../../../src/answers/red-flag-screen.js';
import { screenQuestionApplies } from '../../../../src/answers/red-flag-screen.js';
import {
  CARDIAC_TIMING,
  CARDIAC_TIMING_HINT,
  CARDIAC_TIMING_QUESTION,
  CLOT_RISK,
  EYE_INFLAMMATION,
  exclusiveNone,
  QUESTION_TEXT,
  RED_FLAG_GROUPS,
  type SafetyStepId,
  safetyItems,
  TRAUMA,
} from '../../check-in-model.js';
import { ChipGroup, RadioGroup, YesNo } from '../../components/ui.js';
import type { Answers } from '../../types.js';
import type { StepProps } from './step.js';

export type Descriptions = Record<string, string>;

export const questionText = (q: string, d: Descriptions) =>
  d[q] ?? q.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

const LEADS: Record<string, string> = {
  'fu-clot':
    'Pain on breathing in, or breathlessness, usually comes from the muscles and ribs. Rarely it comes from a blood clot in the lungs, which needs care quickly: these questions check for that.',
  'fu-inflammatory':
    'Back pain that lasts or keeps coming back in people under 45 is sometimes caused by inflammation of the spine, which a doctor can treat. These questions check for its signs.',
};

/**
 * Where a follow-up inside a group goes: under the last question answered yes that brings it on its own
 * (the time of chest symptoms under sudden breathlessness when that was the last yes), else where it is
 * listed.
 */
function anchorOf(f: ScreenQuestion, all: readonly ScreenQuestion[], answers: Answers): string | undefined {
  const flags = (answers.redFlags ?? {}) as Record<string, unknown>;
  const without = { ...answers, redFlags: {} };
  const triggers = all.filter(
    (y) =>
      !y.askIf &&
      flags[y.id] === true &&
      f.askIf?.({ ...answers, redFlags: { [y.id]: true } }) === true &&
      f.askIf?.(without) !== true,
  );
  const last = triggers.at(-1);
  if (last) return last.id;
  const before = all.slice(0, all.indexOf(f)).filter((y) => !y.askIf);
  return before.at(-1)?.id ?? all.find((y) => !y.askIf)?.id;
}

const CLOT_CHOICES = [...CLOT_RISK, { value: 'none', label: 'None of these' }];

export function SafetyStep(
  props: StepProps & { id: SafetyStepId; first: boolean; descriptions: Descriptions },
) {
  const { draft, edit, answers, descriptions } = props;
  const group = RED_FLAG_GROUPS.find((g) => g.id === props.id);
  const items = safetyItems(props.id).filter((q) => screenQuestionApplies(q, answers));
  const set = (q: string, v: unknown) => edit((d) => ({ flags: { ...d.flags, [q]: v } }));

  const field = (q: ScreenQuestion) => {
    const value = draft.flags[q.id];
    switch (q.id) {
      case 'cardiacTiming':
        return (
          <RadioGroup
            name="rf-cardiacTiming"
            legend={CARDIAC_TIMING_QUESTION}
            hint={CARDIAC_TIMING_HINT}
            options={CARDIAC_TIMING}
            value={value as string | undefined}
            onChange={(v) => set(q.id, v)}
          />
        );
      case 'trauma':
        return (
          <RadioGroup
            name="rf-trauma"
            legend="Did the pain start after an accident, fall or knock?"
            options={TRAUMA}
            value={value as string | undefined}
            onChange={(v) => set(q.id, v)}
          />
        );
      case 'eyeInflammation':
        return (
          <RadioGroup
            name="rf-eyeInflammation"
            legend={questionText(q.id, descriptions)}
            inline
            options={EYE_INFLAMMATION}
            value={value as string | undefined}
            onChange={(v) => set(q.id, v)}
          />
        );
      case 'clotRisk':
        return (
          <ChipGroup
            legend={QUESTION_TEXT.clotRisk}
            hint="Choose every one that applies, or “None of these”."
            options={CLOT_CHOICES}
            value={(value as string[] | undefined) ?? []}
            onChange={(v) => set(q.id, exclusiveNone((value as string[] | undefined) ?? [], v))}
          />
        );
      default:
        return (
          <YesNo
            name={`rf-${q.id}`}
            legend={questionText(q.id, descriptions)}
            value={value as boolean | undefined}
            onChange={(v) => set(q.id, v)}
          />
        );
    }
  };

  return (
    <>
      {props.first && (
        <p class="lead">
          First, a few safety questions (about a minute). They come first for a reason: a few rare causes of
          back pain need help quickly.
        </p>
      )}
      <p class="lead">{group ? group.lead : LEADS[props.id]}</p>
      {group
        ? items
            .filter((q) => !q.askIf)
            .map((q) => (
              <div key={q.id}>
                {field(q)}
                {/* A question asked because of a yes sits under the (last) yes that brought it. */}
                {items
                  .filter((f) => f.askIf && anchorOf(f, group.items, answers) === q.id)
                  .map((f) => (
                    <div class="follow-up" key={f.id}>
                      {field(f)}
                    </div>
                  ))}
              </div>
            ))
        : items.map((q) => <div key={q.id}>{field(q)}</div>)}
    </>
  );
}

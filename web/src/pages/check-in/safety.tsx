/**
 * A safety step: one group of the red-flag screen, or the follow-ups asked after it (clot risk, the
 * inflammatory questions), asked as the terminal asks them: the step's yes/no questions as one checklist
 * ("tick any that apply"; an unticked line is "no" once the step is answered with Continue), and its other
 * questions on their own (the accident, eye inflammation). A follow-up inside a group (the time of chest
 * symptoms) appears under the ticked line that brings it. Only what applies to the answers so far is shown.
 */
import type { ScreenQuestion } from '../../../../src/answers/red-flag-screen.js';
import { screenQuestionApplies } from '../../../../src/answers/red-flag-screen.js';
import {
  CARDIAC_TIMING,
  CARDIAC_TIMING_HINT,
  CARDIAC_TIMING_QUESTION,
  CLOT_RISK,
  EYE_INFLAMMATION,
  QUESTION_TEXT,
  RED_FLAG_GROUPS,
  type SafetyStepId,
  safetyChecklist,
  safetyItems,
  TRAUMA,
} from '../../check-in-model.js';
import { CheckList, RadioGroup, YesNo } from '../../components/ui.js';
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

export const CHECKLIST_HINT = 'Tick any that apply, then Continue. If none do, choose “None of these apply”.';

/**
 * Where a follow-up inside a group goes: under the last line ticked that brings it on its own (the time
 * of chest symptoms under sudden breathlessness when that was the last tick), else under the line before
 * it in the group.
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

export function SafetyStep(
  props: StepProps & { id: SafetyStepId; first: boolean; descriptions: Descriptions },
) {
  const { draft, edit, answers, descriptions } = props;
  const group = RED_FLAG_GROUPS.find((g) => g.id === props.id);
  const items = safetyItems(props.id).filter((q) => screenQuestionApplies(q, answers));
  const lines = safetyChecklist(props.id, answers);
  const others = items.filter((q) => !lines.includes(q.id));
  const flags = draft.flags as Record<string, unknown>;
  // In a group, a question asked only after a tick sits under that tick; the rest follow the checklist.
  const underALine = group
    ? others
        .filter((q) => q.askIf)
        .map((f) => ({ f, at: anchorOf(f, group.items, answers) }))
        .filter((x) => x.at !== undefined && flags[x.at] === true)
    : [];
  const onTheirOwn = others.filter((q) => !underALine.some((x) => x.f === q));
  const set = (q: string, v: unknown) => edit((d) => ({ flags: { ...d.flags, [q]: v } }));
  const allNo = lines.length > 0 && lines.every((q) => flags[q] === false);

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
      case 'clotRisk': {
        // 'none' is what "None of these apply" records; ticking a risk replaces it.
        const chosen = ((value as string[] | undefined) ?? []).filter((v) => v !== 'none');
        return (
          <CheckList
            legend={QUESTION_TEXT.clotRisk}
            hint={CHECKLIST_HINT}
            options={CLOT_RISK}
            value={chosen}
            onToggle={(v, on) => set(q.id, on ? [...chosen, v] : chosen.filter((x) => x !== v))}
          />
        );
      }
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

  const clotNone =
    props.id === 'fu-clot' &&
    Array.isArray(draft.flags.clotRisk) &&
    (draft.flags.clotRisk as string[]).includes('none');

  return (
    <>
      {props.first && (
        <p class="lead">
          First, a few safety questions (about a minute). They come first for a reason: a few rare causes of
          back pain need help quickly.
        </p>
      )}
      {!group && <p class="lead">{LEADS[props.id]}</p>}
      {lines.length > 0 && (
        <CheckList
          legend={group ? group.lead : 'Do any of these apply to you?'}
          hint={CHECKLIST_HINT}
          options={lines.map((q) => ({ value: q, label: questionText(q, descriptions) }))}
          value={lines.filter((q) => flags[q] === true)}
          // Unticking is "no" for that line; the lines never touched become "no" on Continue.
          onToggle={(q, on) => set(q, on)}
          under={(q) => {
            const follow = underALine.filter((x) => x.at === q);
            return follow.length ? (
              <div class="follow-up">
                {follow.map(({ f }) => (
                  <div key={f.id}>{field(f)}</div>
                ))}
              </div>
            ) : null;
          }}
        />
      )}
      {onTheirOwn.map((q) => (
        <div key={q.id}>{field(q)}</div>
      ))}
      {(allNo || clotNone) && <p class="hint answered-note">You answered: none of these apply.</p>}
    </>
  );
}

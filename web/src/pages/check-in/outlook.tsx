/**
 * How the pain sits with the runner: worry, fear of moving, mood and coping, as one gentle checklist.
 * Choosing "struggling to cope" shows the crisis line at once.
 */
import { CRISIS_NOTE, OUTLOOK, QUESTION_TEXT } from '../../check-in-model.js';
import { ChipGroup } from '../../components/ui.js';
import type { StepProps } from './step.js';

export function OutlookStep({ draft, edit }: StepProps) {
  return (
    <>
      <p class="lead">
        Pain is not only in the body: worry and low mood can make it harder to live with, and they are worth
        help in their own right.
      </p>
      <ChipGroup
        legend={QUESTION_TEXT.outlookLead}
        options={OUTLOOK}
        value={draft.outlook}
        onChange={(outlook) => edit(() => ({ outlook }))}
      />
      <div aria-live="polite">
        {draft.outlook.includes('struggling') && (
          <p class="notice notice-warning crisis-note">
            <strong>{CRISIS_NOTE}</strong>
          </p>
        )}
      </div>
    </>
  );
}

/**
 * Your running (load and habits) and your running form as you have seen it. The load (runs a week, rest
 * days, weekly distance now and four weeks ago, the longest run) is not asked when the imported runs
 * answer it; the distance four weeks ago is asked once this week's is given; the sports bra change only of
 * runners who may wear one.
 */
import {
  FORM_CHOICES,
  FREQUENCY,
  QUESTION_TEXT,
  questionApplies,
  recentChangeChoices,
  SURFACE,
} from '../../check-in-model.js';
import { ChipGroup, NumberField, RadioGroup, YesNo } from '../../components/ui.js';
import type { StepProps } from './step.js';

export function RunningStep({ draft, edit, answers, ask, units }: StepProps) {
  const r = draft.running;
  const set = (patch: Partial<typeof r>) => edit((d) => ({ running: { ...d.running, ...patch } }));
  // The load comes from the imported runs when they cover it; four weeks ago only after this week's.
  const asks = (id: string) => questionApplies(`running.${id}`, answers, ask);
  return (
    <>
      <p class="lead">This helps find load-related causes, such as too much too soon. All optional.</p>
      {asks('runsPerWeek') ? (
        <div class="field-grid">
          <NumberField
            label="Runs a week"
            min={0}
            max={21}
            step={1}
            value={r.runsPerWeek}
            onChange={(v) => set({ runsPerWeek: v })}
          />
          <NumberField
            label="Rest days a week"
            min={0}
            max={7}
            step={1}
            value={r.restDays}
            onChange={(v) => set({ restDays: v })}
          />
          <NumberField
            label="Distance in a typical recent week"
            unit={units}
            min={0}
            max={units === 'mi' ? 310 : 500}
            value={r.weeklyNow}
            onChange={(v) => set({ weeklyNow: v })}
          />
          {asks('weeklyKm4WeeksAgo') && (
            <NumberField
              label="Weekly distance about four weeks ago"
              unit={units}
              min={0}
              max={units === 'mi' ? 310 : 500}
              value={r.weekly4}
              onChange={(v) => set({ weekly4: v })}
            />
          )}
          <NumberField
            label="Longest run in the last month"
            unit={units}
            min={0}
            max={units === 'mi' ? 248 : 400}
            value={r.longest}
            onChange={(v) => set({ longest: v })}
          />
        </div>
      ) : (
        <p class="notice notice-info from-runs">{QUESTION_TEXT.loadFromRuns}</p>
      )}
      <ChipGroup
        legend="What changed in the last month?"
        hint="Select none if nothing changed."
        options={recentChangeChoices(answers)}
        value={r.recentChanges}
        onChange={(v) => set({ recentChanges: v })}
      />
      <YesNo
        name="cross"
        legend="Other exercise most weeks (cycling, swimming, strength)?"
        value={r.crossTraining}
        onChange={(v) => set({ crossTraining: v })}
      />
      <RadioGroup
        name="surface"
        legend="Where do you mostly run?"
        options={SURFACE}
        value={r.surface}
        onChange={(v) => set({ surface: v })}
      />
      <RadioGroup
        name="warmup"
        legend="Do you warm up before runs?"
        inline
        options={FREQUENCY}
        value={r.warmUp}
        onChange={(v) => set({ warmUp: v })}
      />
      <RadioGroup
        name="stretch"
        legend="Do you stretch or cool down after runs?"
        inline
        options={FREQUENCY}
        value={r.stretchAfter}
        onChange={(v) => set({ stretchAfter: v })}
      />
    </>
  );
}

export function FormStep({ draft, edit }: StepProps) {
  return (
    <ChipGroup
      legend="Which of these do you notice when you run (in a mirror, a video, or from a friend)?"
      hint="Select none if none apply; skip the step if you do not know."
      options={FORM_CHOICES}
      value={draft.form}
      onChange={(form) => edit(() => ({ form }))}
    />
  );
}

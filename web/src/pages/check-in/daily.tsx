/**
 * Your day (sitting, stress, strength, which habits are true for you, what you have for exercises) and
 * your gear. How often the runner gets up, and the slouching line, are asked of runners who sit for a
 * while; the shoe distance unless the shoes are worn out; the sports bra unless the runner is male.
 */
import {
  BRA,
  BREAKS,
  EQUIPMENT,
  exclusiveNone,
  QUESTION_TEXT,
  questionApplies,
  SHOES,
  trueForYouChoices,
} from '../../check-in-model.js';
import { CheckList, ChipGroup, NumberField, PainSlider, RadioGroup } from '../../components/ui.js';
import type { StepProps } from './step.js';

export function DailyStep({ draft, edit, answers }: StepProps) {
  const x = draft.daily;
  const set = (patch: Partial<typeof x>) => edit((d) => ({ daily: { ...d.daily, ...patch } }));
  const sits = questionApplies('daily.breaks', answers);
  const trueForYou = x.trueForYou ?? [];
  return (
    <>
      <div class="field-grid">
        <NumberField
          label="Hours sitting on a typical day"
          min={0}
          max={24}
          value={x.sittingHours}
          onChange={(v) => set({ sittingHours: v })}
        />
        <NumberField
          label="Strength sessions a week"
          min={0}
          max={14}
          step={1}
          value={x.strengthSessions}
          onChange={(v) => set({ strengthSessions: v })}
        />
      </div>
      {sits && (
        <RadioGroup
          name="breaks"
          legend="How often do you get up from sitting?"
          options={BREAKS}
          value={x.breaks}
          onChange={(v) => set({ breaks: v })}
        />
      )}
      <PainSlider
        label="Stress lately, 0 (none) to 10 (extreme)"
        value={x.stress}
        onChange={(v) => set({ stress: v })}
      />
      <CheckList
        legend={QUESTION_TEXT.trueForYou}
        hint={QUESTION_TEXT.trueForYouHint}
        options={trueForYouChoices(questionApplies('daily.slouching', answers))}
        value={trueForYou}
        onToggle={(v, on) =>
          set({
            trueForYou: exclusiveNone(
              trueForYou,
              on ? [...trueForYou, v] : trueForYou.filter((c) => c !== v),
            ),
          })
        }
      />
      <ChipGroup
        legend={QUESTION_TEXT.equipment}
        hint="Select all you have."
        options={EQUIPMENT}
        value={x.equipment ?? []}
        onChange={(v) => set({ equipment: exclusiveNone(x.equipment ?? [], v) })}
      />
    </>
  );
}

export function GearStep({ draft, edit, answers, units }: StepProps) {
  const g = draft.gear;
  const set = (patch: Partial<typeof g>) => edit((d) => ({ gear: { ...d.gear, ...patch } }));
  return (
    <>
      <RadioGroup
        name="shoes"
        legend="Your running shoes are…"
        options={SHOES}
        value={g.shoeCondition}
        onChange={(v) => set({ shoeCondition: v })}
      />
      {questionApplies('gear.shoeAgeKm', answers) && (
        <NumberField
          label="About how far have you run in them?"
          unit={units}
          min={0}
          max={units === 'mi' ? 6200 : 10000}
          value={g.shoeDistance}
          onChange={(v) => set({ shoeDistance: v })}
        />
      )}
      {questionApplies('gear.sportsBraFit', answers) && (
        <RadioGroup
          name="bra"
          legend="Does your sports bra or compression top fit well?"
          options={BRA}
          value={g.bra}
          onChange={(v) => set({ bra: v })}
        />
      )}
    </>
  );
}

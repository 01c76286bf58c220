/**
 * The pain steps: where it hurts (the body map), where it spreads, how bad, how long, what it feels like,
 * and how it started with a little about the runner. Questions that do not apply to the answers so far
 * (the trend of pain that began today) are not shown.
 */
import {
  AGGRAVATORS,
  EPISODE,
  exclusiveNone,
  ONSET,
  QUALITIES,
  QUESTION_TEXT,
  questionApplies,
  SEX,
  SINCE,
  TIMING,
  TREND,
  TRIED,
} from '../../check-in-model.js';
import { BodyMap } from '../../components/body-map.js';
import { ChipGroup, NumberField, PainSlider, RadioGroup, YesNo } from '../../components/ui.js';
import type { StepProps } from './step.js';

export function WhereStep({ draft, edit }: StepProps) {
  return (
    <>
      <p class="lead" id="where-help">
        Tap every place that hurts, on the front or the back. With a keyboard: Tab to a region, Space to
        select it.
      </p>
      <BodyMap
        kind="painful"
        selected={draft.regions}
        describedBy="where-help"
        onChange={(regions) => edit(() => ({ regions }))}
      />
    </>
  );
}

export function SpreadStep({ draft, edit }: StepProps) {
  return (
    <>
      <p class="lead" id="spread-help">
        Does the pain spread anywhere, or bring tingling or numbness there? Tap each place; select none and
        continue if it stays put.
      </p>
      <BodyMap
        kind="spread"
        selected={draft.spread}
        describedBy="spread-help"
        onChange={(spread) => edit(() => ({ spread }))}
      />
    </>
  );
}

export function SeverityStep({ draft, edit }: StepProps) {
  return (
    <>
      <PainSlider
        label="Pain right now, 0 (none) to 10 (worst imaginable)"
        value={draft.now}
        onChange={(now) => edit(() => ({ now }))}
      />
      <PainSlider
        label="Pain at its worst in the last week, 0 to 10"
        value={draft.worst}
        onChange={(worst) => edit(() => ({ worst }))}
      />
      <ChipGroup
        legend="When does it hurt?"
        hint="Select all that apply."
        options={TIMING}
        value={draft.timing}
        onChange={(timing) => edit(() => ({ timing }))}
      />
      <YesNo
        name="stops-daily"
        legend={QUESTION_TEXT.stopsDailyActivities}
        value={draft.stopsDaily}
        onChange={(stopsDaily) => edit(() => ({ stopsDaily }))}
      />
    </>
  );
}

export function DurationStep({ draft, edit }: StepProps) {
  return (
    <>
      <RadioGroup
        name="since"
        legend="How long ago did this episode begin?"
        options={SINCE}
        value={draft.since}
        onChange={(since) => edit(() => ({ since }))}
      />
      <RadioGroup
        name="episode"
        legend="When it comes on, how long does it last?"
        options={EPISODE}
        value={draft.episode}
        onChange={(episode) => edit(() => ({ episode }))}
      />
      <YesNo
        name="recurrent"
        legend={QUESTION_TEXT.recurrent}
        value={draft.recurrent}
        onChange={(recurrent) => edit(() => ({ recurrent }))}
      />
    </>
  );
}

export function FeelStep({ draft, edit }: StepProps) {
  return (
    <>
      <ChipGroup
        legend="What does it feel like?"
        hint="Select all that apply."
        options={QUALITIES}
        value={draft.qualities}
        onChange={(qualities) => edit(() => ({ qualities }))}
      />
      <ChipGroup
        legend="What makes it worse?"
        hint="Select all that apply."
        options={AGGRAVATORS}
        value={draft.worseWith}
        onChange={(worseWith) => edit(() => ({ worseWith }))}
      />
      <YesNo
        name="eases"
        legend="Does rest or changing position ease it?"
        value={draft.eases}
        onChange={(eases) => edit(() => ({ eases }))}
      />
    </>
  );
}

export function OnsetStep({ draft, edit, answers }: StepProps) {
  // Pain that began today has no trend yet, and nothing tried for it.
  const ask = (id: string) => questionApplies(id, answers);
  return (
    <>
      <RadioGroup
        name="onset"
        legend="How did it begin?"
        options={ONSET}
        value={draft.onset}
        onChange={(onset) => edit(() => ({ onset }))}
      />
      {ask('pain.trend') && (
        <RadioGroup
          name="trend"
          legend="Since it began, is it…"
          options={TREND}
          value={draft.trend}
          onChange={(trend) => edit(() => ({ trend }))}
        />
      )}
      {ask('pain.tried') && (
        <ChipGroup
          legend={QUESTION_TEXT.tried}
          hint={QUESTION_TEXT.triedHint}
          options={TRIED}
          value={draft.tried}
          onChange={(v) => edit((d) => ({ tried: exclusiveNone(d.tried, v) }))}
        />
      )}
      <NumberField
        label="Your age"
        min={12}
        max={110}
        step={1}
        value={draft.age}
        onChange={(age) => edit(() => ({ age }))}
      />
      <RadioGroup
        name="sex"
        legend="Sex"
        inline
        options={SEX}
        value={draft.sex}
        onChange={(sex) => edit(() => ({ sex }))}
      />
    </>
  );
}

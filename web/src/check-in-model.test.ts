import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/answers/questions.js';
import { redFlagQuestions } from '../../src/answers/schema.js';
import {
  canContinueSafety,
  emptyDraft,
  exclusiveNone,
  noneApply,
  questionsOf,
  STEPS,
  stepForField,
  toAnswers,
  uncheckedAreNo,
  visibleSteps,
} from './check-in-model.js';

const ids = (d: ReturnType<typeof emptyDraft>) => visibleSteps(d).map((s) => s.id);

describe('the web check-in model', () => {
  it('maps every answers field to the step that asks it, the new ones included', () => {
    expect(stepForField('redFlags.nearFaintOrPalpitations')).toBe('rf-heart');
    expect(stepForField('redFlags.cardiacTiming')).toBe('rf-heart');
    expect(stepForField('redFlags.feverNeckStiffness')).toBe('rf-general');
    expect(stepForField('redFlags.trauma')).toBe('rf-general');
    expect(stepForField('redFlags.flankPain')).toBe('rf-body');
    expect(stepForField('redFlags.clotRisk[0]')).toBe('fu-clot');
    expect(stepForField('redFlags.eyeInflammation')).toBe('fu-inflammatory');
    expect(stepForField('redFlags.morningStiffnessOver30Min')).toBe('fu-inflammatory');
    expect(stepForField('pain.stopsDailyActivities')).toBe('severity');
    expect(stepForField('pain.recurrent')).toBe('duration');
    expect(stepForField('pain.overThreeMonths')).toBe('duration');
    expect(stepForField('pain.triedPainkillers')).toBe('onset');
    expect(stepForField('pain.regions[1]')).toBe('where');
    expect(stepForField('about.age')).toBe('onset');
    expect(stepForField('outlook.struggling')).toBe('outlook');
    expect(stepForField('daily.equipment[0]')).toBe('daily');
    expect(stepForField('form.shrugging')).toBe('form');
    expect(stepForField('selfChecks.bridgeHoldS.left')).toBe('self-checks');
    const steps = new Set(STEPS.map((s) => s.id));
    for (const q of redFlagQuestions)
      expect(steps.has(stepForField(`redFlags.${q}`) ?? 'review'), q).toBe(true);
    for (const q of QUESTIONS)
      for (const path of q.items ? q.items.map((i) => i.path) : [q.id])
        expect(stepForField(path), path).toBe(q.step);
    expect(stepForField('daily.hydration')).toBe('daily');
    expect(stepForField('pain.triedSelfCare')).toBe('onset');
  });

  it('shows only the steps that apply, and counts them', () => {
    const d = emptyDraft();
    expect(ids(d)).not.toContain('fu-clot');
    expect(ids(d)).toContain('fu-inflammatory'); // age and duration not said yet
    expect(visibleSteps(d)).toHaveLength(18);
    const breathing = { ...d, regions: ['mid-back-ribs'], worseWith: ['deep-breath'] };
    expect(ids(breathing)).toContain('fu-clot');
    expect(ids(breathing).indexOf('fu-clot')).toBe(ids(breathing).indexOf('feel') + 1);
    const older = { ...d, age: 52 };
    expect(ids(older)).not.toContain('fu-inflammatory');
    // A skipped step's answers do not count: skipping what it feels like drops the clot step.
    expect(ids({ ...breathing, skipped: ['feel'] })).not.toContain('fu-clot');
  });

  it('"None of these apply" answers every applicable question of the step, the accident question too', () => {
    const d = emptyDraft();
    const general = noneApply(d, 'rf-general');
    expect(general.trauma).toBe('none');
    expect(general.fever).toBe(false);
    expect(general.feverNeckStiffness).toBeUndefined();
    const filled = { ...d, flags: general };
    const asked = questionsOf('rf-general', filled)
      .flatMap((q) => q.fills)
      .map((q) => q.replace('redFlags.', ''));
    expect(asked).toHaveLength(11); // ten lines and the accident question
    expect(asked.every((q) => toAnswers(filled, 'km').redFlags?.[q as 'fever'] !== undefined)).toBe(true);
    // A yes already given stays, and its follow-up is answered "no".
    const withFever = noneApply({ ...d, flags: { fever: true } }, 'rf-general');
    expect(withFever).toMatchObject({ fever: true, feverNeckStiffness: false, trauma: 'none' });
    // The follow-up steps too: the eye question gets "no".
    expect(noneApply({ ...d, age: 30 }, 'fu-inflammatory')).toMatchObject({
      morningStiffnessOver30Min: false,
      eyeInflammation: 'no',
    });
    const clot = noneApply({ ...d, regions: ['mid-back-ribs'], worseWith: ['deep-breath'] }, 'fu-clot');
    expect(clot.clotRisk).toEqual(['none']);
  });

  it('sends only what was asked: no clot risk once "deep breaths" is unticked, none chosen as []', () => {
    const d = {
      ...emptyDraft(),
      regions: ['mid-back-ribs'],
      worseWith: ['deep-breath'],
      flags: { clotRisk: ['none'] },
    };
    expect(toAnswers(d, 'km').redFlags?.clotRisk).toEqual([]);
    expect(toAnswers({ ...d, worseWith: [] }, 'km').redFlags?.clotRisk).toBeUndefined();
    const today = { ...emptyDraft(), since: 'today', trend: 'worse', sex: 'male', gear: { bra: 'poor' } };
    expect(toAnswers(today, 'km').pain?.trend).toBeUndefined();
    expect(toAnswers(today, 'km').gear).toBeUndefined();
    expect(toAnswers({ ...emptyDraft(), outlook: ['struggling'] }, 'km').outlook).toEqual({
      worriedSerious: false,
      fearOfMoving: false,
      lowMood: false,
      struggling: true,
    });
  });

  it('"Continue" on a safety step: only once a line is ticked or a question answered; the rest become no', () => {
    const d = emptyDraft();
    expect(canContinueSafety(d, 'rf-heart')).toBe(false);
    // Unticked lines (undefined) do not count; a tick does.
    expect(canContinueSafety({ ...d, flags: { chestPain: undefined } }, 'rf-heart')).toBe(false);
    const ticked = { ...d, flags: { fever: true } };
    expect(canContinueSafety(ticked, 'rf-general')).toBe(true);
    const flags = uncheckedAreNo(ticked, 'rf-general');
    expect(flags).toMatchObject({ fever: true, immunosuppressed: false, nightPain: false });
    // The follow-up and the accident question are not lines: they stay unanswered.
    expect(flags.feverNeckStiffness).toBeUndefined();
    expect(flags.trauma).toBeUndefined();
    expect(canContinueSafety({ ...d, flags: { trauma: 'minor' } }, 'rf-general')).toBe(true);
    // The clot risks: a risk ticked, or "none".
    const clot = { ...d, regions: ['mid-back-ribs'], worseWith: ['deep-breath'] };
    expect(canContinueSafety(clot, 'fu-clot')).toBe(false);
    expect(canContinueSafety({ ...clot, flags: { clotRisk: ['pill-or-hrt'] } }, 'fu-clot')).toBe(true);
    expect(canContinueSafety({ ...clot, flags: { clotRisk: [] } }, 'fu-clot')).toBe(false);
  });

  it('turns the two new checklists into their fields, and leaves out the load the runs answer', () => {
    const d = {
      ...emptyDraft(),
      since: '3-6d',
      tried: ['heat'],
      daily: { sittingHours: 9, trueForYou: ['poorHydration', 'slouching'] },
      running: { recentChanges: [], runsPerWeek: 4, weeklyNow: 30, warmUp: 'never' },
    };
    const a = toAnswers(d, 'km');
    expect(a.pain).toMatchObject({ triedSelfCare: true, triedPainkillers: false });
    expect(a.daily).toEqual({
      sittingHours: 9,
      slouching: true,
      heavyLifting: false,
      previousSportsInjury: false,
      hydration: 'poor',
    });
    expect(toAnswers({ ...d, tried: [] }, 'km').pain?.triedSelfCare).toBeUndefined();
    expect(toAnswers({ ...d, daily: { sittingHours: 1, trueForYou: ['slouching'] } }, 'km').daily).toEqual({
      sittingHours: 1,
      heavyLifting: false,
      previousSportsInjury: false,
      hydration: 'good',
    });
    const withRuns = toAnswers(d, 'km', { hasRecentRuns: true });
    expect(withRuns.running).toEqual({ recentChanges: [], warmUp: 'never' });
    expect(questionsOf('running', d, { hasRecentRuns: true }).map((q) => q.id)).not.toContain(
      'running.runsPerWeek',
    );
  });

  it('makes "none" exclusive in a choice list', () => {
    expect(exclusiveNone(['band'], ['band', 'none'])).toEqual(['none']);
    expect(exclusiveNone(['none'], ['none', 'gym'])).toEqual(['gym']);
    expect(exclusiveNone(['band', 'gym'], ['gym'])).toEqual(['gym']);
  });
});

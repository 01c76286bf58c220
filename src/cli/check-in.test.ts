import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../answers/index.js';
import { assess } from '../assess/index.js';
import { type Choice, type Prompter, runCheckIn } from './check-in.js';

type Script = [RegExp, unknown][];

/** A prompter that answers from a script (first matching pattern) and skips everything else. */
function scripted(script: Script) {
  const asked: string[] = [];
  const answer = (message: string) => script.find(([pattern]) => pattern.test(message))?.[1];
  const prompter: Prompter = {
    note: () => {},
    async select<T extends string>(message: string, options: Choice<T>[]) {
      asked.push(message);
      const a = answer(message) as T | undefined;
      if (a !== undefined) {
        expect(options.map((o) => o.value)).toContain(a);
        return a;
      }
      return options.some((o) => o.value === 'skip') ? ('skip' as T) : undefined;
    },
    async multiselect<T extends string>(message: string, options: Choice<T>[]) {
      asked.push(message);
      const a = (answer(message) as T[] | undefined) ?? [];
      for (const v of a) expect(options.map((o) => o.value)).toContain(v);
      return a;
    },
    async number(message: string) {
      asked.push(message);
      return answer(message) as number | undefined;
    },
  };
  return { prompter, asked };
}

describe('interactive check-in', () => {
  it('asks the red-flag screen first and stops at an emergency', async () => {
    const { prompter, asked } = scripted([
      [/safety questions/, 'yes'],
      [/^Heart and lungs/, ['chestPain']],
      [/When did you last/, 'now'],
      [/accident/, 'none'],
    ]);
    const { answers, stoppedEarly } = await runCheckIn(prompter);
    expect(asked[0]).toMatch(/safety questions/);
    expect(stoppedEarly).toBe(true);
    expect(asked.some((m) => /Where does it hurt/.test(m))).toBe(false);
    expect(answers.redFlags?.chestPain).toBe(true);
    expect(answers.redFlags?.saddleNumbness).toBe(false);
    expect(assess(parseAnswers(answers)).triage.level).toBe('emergency');
  });

  it('lets every question be skipped and says the screen was skipped', async () => {
    const { prompter } = scripted([]);
    const { answers } = await runCheckIn(prompter);
    expect(answers).toEqual({ pain: { spreadsTo: [], qualities: [], worseWith: [] } });
    const result = assess(parseAnswers(answers));
    expect(result.triage.level).toBe('clinician');
    expect(result.triage.reasons.map((r) => r.rule)).toContain('screen-skipped');
    expect(result.triage.redFlagScreen.note).toMatch(/skipped/);
    expect(result.unanswered.map((u) => u.field)).toContain('pain.regions');
  });

  it('turns a full check-in into valid answers and a self-care plan', async () => {
    const { prompter } = scripted([
      [/safety questions/, 'yes'],
      [/accident/, 'none'],
      [/Your age/, 36],
      [/^Sex/, 'female'],
      [/Where does it hurt/, ['between-shoulder-blades', 'neck']],
      [/How long ago/, '1-2d'],
      [/how long does it last/, '2days'],
      [/Pain right now/, 1],
      [/at its worst/, 4],
      [/feel like/, ['ache', 'seizing']],
      [/rest or changing position/, 'yes'],
      [/How did it begin/, 'gradual'],
      [/Since it began/, 'same'],
      [/^Your running \(/, 'yes'],
      [/Runs a week/, 4],
      [/typical recent week/, 40],
      [/four weeks ago/, 28],
      [/Longest run/, 21],
      [/What changed/, ['long-run']],
      [/warm up/, 'never'],
      [/running form/, 'yes'],
      [/Which of these do you notice/, ['hunchWhenTired', 'lookDownWhenTired']],
      [/Your day/, 'yes'],
      [/Hours sitting/, 9],
      [/Which of these are true for you/, ['slouching', 'poorHydration']],
      [/Your gear/, 'yes'],
      [/sports bra/, 'poor'],
      [/Self-checks/, 'yes'],
      [/Plank hold/, 40],
    ]);
    const { answers, stoppedEarly } = await runCheckIn(prompter);
    expect(stoppedEarly).toBe(false);
    const parsed = parseAnswers(answers);
    expect(parsed.pain?.daysSinceStart).toBe(1);
    expect(parsed.daily).toMatchObject({
      slouching: true,
      hydration: 'poor',
      heavyLifting: false,
      previousSportsInjury: false,
    });
    expect(parsed.form?.hunchWhenTired).toBe(true);
    expect(parsed.form?.shrugging).toBe(false);
    expect(parsed.selfChecks).toEqual({ plankHoldS: 40 });
    const result = assess(parsed);
    expect(result.triage.level).toBe('self-care');
    const top = result.factors.slice(0, 6).map((f) => f.id);
    expect(top).toEqual(expect.arrayContaining(['fatigue-hunch', 'slouched-sitting', 'sports-bra-fit']));
    expect(result.plan.mode).toBe('full');
  });

  it('asks the new skin, bladder and kidneys group, and the in-group follow-ups only after a yes', async () => {
    const none = scripted([[/safety questions/, 'yes']]);
    const { answers } = await runCheckIn(none.prompter);
    expect(none.asked.some((m) => /^Skin, bladder and kidneys/.test(m))).toBe(true);
    for (const q of ['painfulUrination', 'bloodInUrine', 'flankPain', 'oneSidedRash'] as const)
      expect(answers.redFlags?.[q]).toBe(false);
    for (const follow of [/When did you last/, /stiff neck/, /belly to the back/])
      expect(none.asked.some((m) => follow.test(m))).toBe(false);
    expect(answers.redFlags?.feverNeckStiffness).toBeUndefined();

    const yes = scripted([
      [/safety questions/, 'yes'],
      [/^Heart and lungs/, ['nearFaintOrPalpitations']],
      [/When did you last/, 'over-72h'],
      [/^General health/, ['fever', 'highBloodPressure']],
      [/stiff neck/, 'no'],
      [/belly to the back/, 'no'],
    ]);
    const r = await runCheckIn(yes.prompter);
    expect(r.answers.redFlags).toMatchObject({
      nearFaintOrPalpitations: true,
      cardiacTiming: 'over-72h',
      fever: true,
      feverNeckStiffness: false,
      highBloodPressure: true,
      abdominalPainHighBloodPressure: false,
    });
    // A fever is urgent: the check-in stops after the screen.
    expect(r.stoppedEarly).toBe(true);
  });

  it('asks about clot risk after "deep breaths", and not otherwise', async () => {
    const base: Script = [
      [/safety questions/, 'yes'],
      [/accident/, 'none'],
      [/Where does it hurt/, ['mid-back-ribs']],
      [/How long ago/, '3-6d'],
    ];
    const without = scripted(base);
    const a = await runCheckIn(without.prompter);
    expect(without.asked.some((m) => /do any of these apply to you/.test(m))).toBe(false);
    expect(a.answers.redFlags?.clotRisk).toBeUndefined();
    expect(assess(parseAnswers(a.answers)).triage.redFlagScreen.unanswered).toEqual([]);

    const withNone = scripted([
      ...base,
      [/makes it worse/, ['deep-breath']],
      [/a few more questions/, 'yes'],
    ]);
    const b = await runCheckIn(withNone.prompter);
    const clot = withNone.asked.findIndex((m) => /do any of these apply to you/.test(m));
    expect(clot).toBeGreaterThan(withNone.asked.findIndex((m) => /makes it worse/.test(m)));
    expect(b.answers.redFlags?.clotRisk).toEqual([]);
    expect(b.stoppedEarly).toBe(false);

    // A clot risk with pain on breathing in the mid back is same-day care: the check-in stops there.
    const withRisk = scripted([
      ...base,
      [/makes it worse/, ['deep-breath']],
      [/a few more questions/, 'yes'],
      [/do any of these apply to you/, ['pill-or-hrt']],
    ]);
    const c = await runCheckIn(withRisk.prompter);
    expect(c.stoppedEarly).toBe(true);
    expect(withRisk.asked.some((m) => /How did it begin/.test(m))).toBe(false);
    expect(assess(parseAnswers(c.answers)).triage.level).toBe('urgent');
  });

  it('asks the inflammatory follow-ups after the history only of younger runners with lasting pain', async () => {
    const script = (age: number, since: string): Script => [
      [/safety questions/, 'yes'],
      [/accident/, 'none'],
      [/How long ago/, since],
      [/Your age/, age],
      [/^Stiffness and related conditions/, 'yes'],
    ];
    const young = scripted(script(30, '3m+'));
    const y = await runCheckIn(young.prompter);
    const stiff = young.asked.findIndex((m) => /^Do any of these apply\?/.test(m));
    expect(stiff).toBeGreaterThan(young.asked.findIndex((m) => /Your age/.test(m)));
    expect(young.asked.some((m) => /Eye inflammation/.test(m))).toBe(true);
    expect(y.answers.redFlags?.morningStiffnessOver30Min).toBe(false);

    for (const [age, since] of [
      [50, '3m+'],
      [30, '3-6d'],
    ] as const) {
      const other = scripted(script(age, since));
      const o = await runCheckIn(other.prompter);
      expect(other.asked.some((m) => /^Stiffness and related/.test(m))).toBe(false);
      expect(other.asked.some((m) => /Eye inflammation/.test(m))).toBe(false);
      expect(o.answers.redFlags?.morningStiffnessOver30Min).toBeUndefined();
    }

    // Eye inflammation now is same-day care: the check-in stops there.
    const eye = scripted([...script(30, '3m+'), [/Eye inflammation/, 'now']]);
    const e = await runCheckIn(eye.prompter);
    expect(e.stoppedEarly).toBe(true);
    expect(eye.asked.some((m) => /Your running/.test(m))).toBe(false);
  });

  it('adapts to the answers: no trend when it began today, no sports bra for men, no old distance alone', async () => {
    const { prompter, asked } = scripted([
      [/safety questions/, 'skip'],
      [/How long ago/, 'today'],
      [/^Sex/, 'male'],
      [/^Your running \(/, 'yes'],
      [/^Your gear/, 'yes'],
      [/running shoes are/, 'worn'],
      [/How is the pain sitting/, 'yes'],
      [/feel true/, ['struggling']],
    ]);
    const notes: string[] = [];
    prompter.note = (_title, body) => notes.push(body);
    const { answers } = await runCheckIn(prompter);
    for (const q of [/Since it began/, /have you tried/, /sports bra/, /four weeks ago/, /how many km/])
      expect(
        asked.some((m) => q.test(m)),
        String(q),
      ).toBe(false);
    expect(answers.gear).toEqual({ shoeCondition: 'worn' });
    expect(answers.outlook).toEqual({
      worriedSerious: false,
      fearOfMoving: false,
      lowMood: false,
      struggling: true,
    });
    expect(notes.some((n) => /crisis line/.test(n))).toBe(true);
    // Without "struggling" there is no crisis note.
    const calm = scripted([
      [/How is the pain sitting/, 'yes'],
      [/feel true/, ['worriedSerious']],
    ]);
    const calmNotes: string[] = [];
    calm.prompter.note = (_title, body) => calmNotes.push(body);
    await runCheckIn(calm.prompter);
    expect(calmNotes.some((n) => /crisis line/.test(n))).toBe(false);
  });

  it('asks what was tried and which habits are true as one checklist each, as the web does', async () => {
    const { prompter, asked } = scripted([
      [/How long ago/, '3-6d'],
      [/What have you tried for it/, ['stretching', 'painkillers']],
      [/^Your day/, 'yes'],
      [/Hours sitting/, 1],
      [/Which of these are true for you/, ['none']],
    ]);
    const { answers } = await runCheckIn(prompter);
    expect(answers.pain).toMatchObject({ triedSelfCare: true, triedPainkillers: true });
    // One sitting hour: no slouching line and no breaks question; "None of these" is all no.
    expect(answers.daily).toEqual({
      sittingHours: 1,
      heavyLifting: false,
      previousSportsInjury: false,
      hydration: 'good',
    });
    for (const gone of [
      /often slouch/,
      /get up from sitting/,
      /drink enough/,
      /heavy lifting/,
      /painkillers for it/,
    ])
      expect(
        asked.some((m) => gone.test(m)),
        String(gone),
      ).toBe(false);
    expect(asked.filter((m) => /have you tried/.test(m))).toHaveLength(1);
    // Nothing ticked is not answered.
    const skipped = scripted([
      [/How long ago/, '3-6d'],
      [/^Your day/, 'yes'],
    ]);
    const s = await runCheckIn(skipped.prompter);
    expect(s.answers.pain?.triedSelfCare).toBeUndefined();
    expect(s.answers.daily?.hydration).toBeUndefined();
  });

  it('leaves out the running load when the imported runs answer it, and says so', async () => {
    const { prompter, asked } = scripted([
      [/^Your running \(/, 'yes'],
      [/Runs a week/, 4],
      [/warm up/, 'never'],
    ]);
    const notes: string[] = [];
    prompter.note = (title, body) => notes.push(`${title}: ${body}`);
    const { answers } = await runCheckIn(prompter, { hasRecentRuns: true });
    for (const gone of [/Runs a week/, /Rest days/, /typical recent week/, /four weeks ago/, /Longest run/])
      expect(
        asked.some((m) => gone.test(m)),
        String(gone),
      ).toBe(false);
    expect(asked.some((m) => /What changed/.test(m))).toBe(true);
    expect(notes.some((n) => /come from your imported runs/.test(n))).toBe(true);
    expect(answers.running).toEqual({ recentChanges: [], warmUp: 'never' });
  });
});

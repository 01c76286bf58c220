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
      [/often slouch/, 'yes'],
      [/Your gear/, 'yes'],
      [/sports bra/, 'poor'],
      [/Self-checks/, 'yes'],
      [/Plank hold/, 40],
    ]);
    const { answers, stoppedEarly } = await runCheckIn(prompter);
    expect(stoppedEarly).toBe(false);
    const parsed = parseAnswers(answers);
    expect(parsed.pain?.daysSinceStart).toBe(1);
    expect(parsed.form?.hunchWhenTired).toBe(true);
    expect(parsed.form?.shrugging).toBe(false);
    expect(parsed.selfChecks).toEqual({ plankHoldS: 40 });
    const result = assess(parsed);
    expect(result.triage.level).toBe('self-care');
    const top = result.factors.slice(0, 6).map((f) => f.id);
    expect(top).toEqual(expect.arrayContaining(['fatigue-hunch', 'slouched-sitting', 'sports-bra-fit']));
    expect(result.plan.mode).toBe('full');
  });
});

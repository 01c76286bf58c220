import { describe, expect, it } from 'vitest';
import type { DiaryRun } from '../diary/types.js';
import { historyFacts, mergeHistory } from './history.js';
import { runsAnswerLoad } from './history-window.js';

const DAY = 86_400_000;
const AT = Date.parse('2026-03-01T12:00:00Z');
const run = (daysAgo: number): DiaryRun => ({
  id: `r${daysAgo}`,
  startTime: AT - daysAgo * DAY,
  distanceM: 8000,
  elapsedS: 2700,
  movingS: 2650,
  elevationGainM: null,
  paceSPerKm: null,
  cadenceChangeSpm: null,
  decouplingPct: null,
});

describe('whether the stored runs answer the running load', () => {
  it('needs a run in the last six weeks and four weeks of history', () => {
    expect(runsAnswerLoad([], AT)).toBe(false);
    expect(runsAnswerLoad([AT - 3 * DAY, AT - 10 * DAY], AT)).toBe(false); // ten days of history
    expect(runsAnswerLoad([AT - 3 * DAY, AT - 30 * DAY], AT)).toBe(true);
    expect(runsAnswerLoad([AT - 50 * DAY, AT - 90 * DAY], AT)).toBe(false); // nothing recent
    expect(runsAnswerLoad([AT - 3 * DAY, AT - 200 * DAY], AT)).toBe(false); // outside the window
    expect(runsAnswerLoad([AT + DAY, AT - 50 * DAY], AT)).toBe(false); // a future run does not count
  });

  it('agrees with the assessment: when it holds, the runs replace the five load answers', () => {
    const runs = [3, 5, 9, 16, 23, 30].map(run);
    expect(
      runsAnswerLoad(
        runs.map((r) => r.startTime),
        AT,
      ),
    ).toBe(true);
    const { answers } = mergeHistory({}, historyFacts(runs, AT));
    expect(Object.keys(answers.running ?? {}).sort()).toEqual([
      'longestRunKm',
      'restDaysPerWeek',
      'runsPerWeek',
      'weeklyKm4WeeksAgo',
      'weeklyKmNow',
    ]);
    const short = [3, 5, 9].map(run);
    expect(
      runsAnswerLoad(
        short.map((r) => r.startTime),
        AT,
      ),
    ).toBe(false);
    expect(mergeHistory({}, historyFacts(short, AT)).answers.running).toBeUndefined();
  });
});

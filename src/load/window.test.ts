/**
 * The one rule for windows, with "today" pinned: the current window ends today, a stale window says when
 * the newest run was and offers that period, and nothing reaches past today.
 */
import { describe, expect, it } from 'vitest';
import { analysisWindow, dayNumber, loadSummary, longDate } from './index.js';

/** Today in these tests: Saturday 28 November 2026. */
const TODAY = '2026-11-28';
/** Runs only from 2024: Tuesdays, Thursdays and Saturdays from April to Tuesday 9 July 2024. */
const RUN_DAYS_2024 = (() => {
  const days: string[] = [];
  for (let d = dayNumber('2024-04-02'); d <= dayNumber('2024-07-09'); d++) {
    const date = new Date(d * 86_400_000);
    if ([2, 4, 6].includes(date.getUTCDay())) days.push(date.toISOString().slice(0, 10));
  }
  return days;
})();

describe('analysisWindow', () => {
  it('ends today and covers whole ISO weeks, the current one included', () => {
    const w = analysisWindow({ today: TODAY, runDays: ['2026-11-20'], weeks: 52 });
    expect(w).toMatchObject({ to: TODAY, today: TODAY, kind: 'current', stale: false });
    // 28 Nov 2026 is a Saturday; its week starts on Monday 23 Nov; 51 weeks before that is 1 Dec 2025.
    expect(w.from).toBe('2025-12-01');
    expect(new Date(`${w.from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(w.notice).toBeUndefined();
    expect(w.offered).toBeUndefined();
  });

  it('with runs only from 2024, says when the newest run was and offers that period', () => {
    const w = analysisWindow({ today: TODAY, runDays: RUN_DAYS_2024, weeks: 52 });
    expect(w.to).toBe(TODAY);
    expect(w.stale).toBe(true);
    expect(w.newestRun).toBe('2024-07-09');
    expect(w.notice).toBe('Your newest run is from 9 July 2024.');
    // The offered window has the same length and ends on the newest run's day.
    expect(w.offered).toEqual({ from: '2023-07-17', to: '2024-07-09' });
    const offered = analysisWindow({ today: TODAY, ...w.offered, runDays: RUN_DAYS_2024, weeks: 52 });
    expect(offered).toMatchObject({ kind: 'chosen', from: '2023-07-17', to: '2024-07-09', stale: false });
  });

  it('brings a chosen end after today back to today', () => {
    const w = analysisWindow({ today: TODAY, from: '2026-11-01', to: '2029-07-01', runDays: [], weeks: 52 });
    expect(w).toMatchObject({ from: '2026-11-01', to: TODAY, kind: 'chosen' });
  });

  it('honours a chosen start and end, and says so when they hold no run', () => {
    const w = analysisWindow({
      today: TODAY,
      from: '2025-01-01',
      to: '2025-03-31',
      runDays: RUN_DAYS_2024,
      weeks: 12,
    });
    expect(w).toMatchObject({ from: '2025-01-01', to: '2025-03-31', stale: true });
    expect(w.notice).toBe('No runs in this period. Your newest run before it is from 9 July 2024.');
    // Same length as the chosen period (89 days after its first day), ending on the newest run.
    expect(w.offered).toEqual({ from: '2024-04-11', to: '2024-07-09' });
  });

  it('a runner with no runs gets the current window and no notice', () => {
    const w = analysisWindow({ today: TODAY, runDays: [], weeks: 12 });
    expect(w).toMatchObject({ to: TODAY, from: '2026-09-07', stale: false });
    expect(w.newestRun).toBeUndefined();
  });

  it('refuses a start after the end or after today, and a date that is not one', () => {
    expect(() => analysisWindow({ today: TODAY, from: '2026-12-01', runDays: [], weeks: 4 })).toThrow(
      /after today/,
    );
    expect(() =>
      analysisWindow({ today: TODAY, from: '2025-02-01', to: '2025-01-01', runDays: [], weeks: 4 }),
    ).toThrow(/after to/);
    expect(() => analysisWindow({ today: TODAY, from: '2025-02-30', runDays: [], weeks: 4 })).toThrow(
      /YYYY-MM-DD/,
    );
  });

  it('writes dates with the month in full', () => {
    expect(longDate('2024-07-09')).toBe('9 July 2024');
  });
});

describe('the load over the current window', () => {
  const runs = RUN_DAYS_2024.map((d, i) => ({
    id: `r${i}`,
    startTime: Date.parse(`${d}T07:00:00Z`),
    distanceM: new Date(`${d}T00:00:00Z`).getUTCDay() === 6 ? 16_000 : 7_000,
    elapsedS: 2400,
  }));

  it('makes "this week" the week holding today, with no stale ratio from 2024', () => {
    const w = analysisWindow({ today: TODAY, runDays: RUN_DAYS_2024, weeks: 52 });
    const s = loadSummary(runs, { from: w.from, to: w.to });
    expect(s.to).toBe(TODAY);
    expect(s.weeks).toHaveLength(52);
    expect(s.weeks.at(-1)).toMatchObject({ weekStart: '2026-11-23', distanceM: 0, complete: false });
    expect(s.acwr.ewma.latest).toBeUndefined();
    expect(s.acwr.rolling.latest).toBeUndefined();
    expect(s.flags).toEqual([]);
    expect(s.days.at(-1)?.date).toBe(TODAY);
  });

  it('over the offered period shows the runs and their flags, and no day after the newest run', () => {
    const w = analysisWindow({ today: TODAY, runDays: RUN_DAYS_2024, weeks: 52 });
    const s = loadSummary(runs, { from: w.offered?.from, to: w.offered?.to });
    expect(s.totals.runs).toBe(runs.length);
    expect(s.days.at(-1)?.date).toBe('2024-07-09');
    expect(s.flags.every((f) => f.date >= '2023-07-17' && f.date <= '2024-07-09')).toBe(true);
    expect(s.flags.length).toBeGreaterThan(0);
  });
});

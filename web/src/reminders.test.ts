/**
 * Browser reminders' scheduling with fake timers: which day (one with exercises in the plan), which time
 * (the session time, 9:00 without one, up to an hour late), and once a day, across a reload (the day is
 * remembered in storage) and across midnight into the next day.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from './format.js';
import { dueToday, LATE_MIN, nextCheckMs, reminderText, sessionMoment, startReminders } from './reminders.js';
import type { ScheduledDay } from './types.js';

/** A local moment in March 2026 (Monday the 2nd starts the week). */
const at = (day: number, h: number, m = 0) => new Date(2026, 2, day, h, m);

type Day = Pick<ScheduledDay, 'date' | 'groups'>;
const item = (name: string) => ({ name }) as ScheduledDay['groups'][number]['items'][number];
/** The plan's week: exercises every day but Wednesday the 4th (rest). */
const WEEK: Day[] = [2, 3, 4, 5, 6, 7, 8].map((d) => ({
  date: localDate(at(d, 12)),
  groups:
    d === 4
      ? []
      : [
          { slot: 'strength', items: [item('Band pull-apart'), item('Plank')] },
          { slot: 'mobility', items: [item('Cat pose')] },
        ],
}));

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('the pure parts', () => {
  it('says the session in plain words', () => {
    expect(reminderText(WEEK[0] as Day)).toBe(
      "Time for today's Backstride session: strength (band pull-apart, plank) and mobility (cat pose).",
    );
    expect(reminderText({ groups: [{ slot: 'before-run', items: [item('Arm swings')] }] })).toBe(
      "Time for today's Backstride session: before your run (arm swings).",
    );
  });

  it('is due from the session time to an hour after it, on a day with exercises, once', () => {
    expect(sessionMoment(at(3, 5), '07:30')).toEqual(at(3, 7, 30));
    expect(sessionMoment(at(3, 5), undefined)).toEqual(at(3, 9));
    expect(dueToday(WEEK, at(3, 7, 29), '07:30', undefined)).toBeUndefined();
    expect(dueToday(WEEK, at(3, 7, 30), '07:30', undefined)).toMatchObject({ date: localDate(at(3, 12)) });
    expect(dueToday(WEEK, at(3, 7, 30 + LATE_MIN), '07:30', undefined)).toBeDefined();
    expect(dueToday(WEEK, at(3, 7, 31 + LATE_MIN), '07:30', undefined)).toBeUndefined();
    // Shown already today; a rest day; a day outside the plan's week.
    expect(dueToday(WEEK, at(3, 7, 30), '07:30', localDate(at(3, 1)))).toBeUndefined();
    expect(dueToday(WEEK, at(4, 7, 30), '07:30', undefined)).toBeUndefined();
    expect(dueToday(WEEK, at(9, 7, 30), '07:30', undefined)).toBeUndefined();
  });

  it('waits until the session time, else until midnight, in steps of at most 10 minutes', () => {
    expect(nextCheckMs(at(3, 7, 25), '07:30')).toBe(5 * 60_000);
    expect(nextCheckMs(at(3, 5), '07:30')).toBe(10 * 60_000);
    expect(nextCheckMs(at(3, 23, 58), '07:30')).toBe(2 * 60_000);
  });
});

describe('startReminders with fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function run(start: Date, time: string | undefined, storage = memoryStorage()) {
    vi.setSystemTime(start);
    const shown: { text: string; date: string; at: Date }[] = [];
    const loadDays = vi.fn(async () => WEEK);
    const stop = startReminders({
      time,
      storage,
      loadDays,
      show: (text, date) => shown.push({ text, date, at: new Date() }),
    });
    return { shown, loadDays, stop, storage };
  }

  it('shows one notification at the session time, and loads the plan only then', async () => {
    const r = run(at(3, 6, 0), '07:00');
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(r.shown).toEqual([]);
    expect(r.loadDays).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.shown).toHaveLength(1);
    expect(r.shown[0]).toMatchObject({ date: localDate(at(3, 12)), at: at(3, 7, 0) });
    expect(r.shown[0]?.text).toMatch(/^Time for today's Backstride session: strength/);
    // The rest of the day: nothing more.
    await vi.advanceTimersByTimeAsync(16 * 60 * 60_000);
    expect(r.shown).toHaveLength(1);
    r.stop();
  });

  it('does it again the next day with exercises, skips a rest day, and stops when told', async () => {
    const r = run(at(3, 8, 0), undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.shown.map((s) => s.at)).toEqual([]);
    // Tuesday 9:00, Wednesday is a rest day, Thursday 9:00 (the clock is at 10:00 on Thursday).
    await vi.advanceTimersByTimeAsync(2 * 24 * 60 * 60_000 + 2 * 60 * 60_000);
    expect(r.shown.map((s) => s.at)).toEqual([at(3, 9), at(5, 9)]);
    r.stop();
    await vi.advanceTimersByTimeAsync(2 * 24 * 60 * 60_000);
    expect(r.shown).toHaveLength(2);
  });

  it('does not show it twice on one day across a reload, and comes late rather than never', async () => {
    const storage = memoryStorage();
    const first = run(at(3, 7, 20), '07:00', storage);
    await vi.advanceTimersByTimeAsync(1000);
    // Twenty minutes late (the tab was opened then): shown at once.
    expect(first.shown.map((s) => s.at)).toEqual([at(3, 7, 20)]);
    first.stop();
    // A reload later that morning: the day is remembered.
    const again = run(at(3, 7, 40), '07:00', storage);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(again.shown).toEqual([]);
    again.stop();
    // Opened two hours after the time: too late to be useful, nothing.
    const late = run(at(5, 9, 1), '07:00');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(late.shown).toEqual([]);
    late.stop();
  });

  it('tries the plan again a minute later when it could not be loaded', async () => {
    vi.setSystemTime(at(3, 6, 59));
    const shown: string[] = [];
    let calls = 0;
    const stop = startReminders({
      time: '07:00',
      storage: memoryStorage(),
      loadDays: async () => {
        if (++calls === 1) throw new Error('server not reachable');
        return WEEK;
      },
      show: (text) => shown.push(text),
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    expect(shown).toHaveLength(1);
    stop();
  });
});

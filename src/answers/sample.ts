/**
 * A plain self-care check-in: an ache between the shoulder blades for three days, no warning signs, three
 * runs a week and nine hours a day sitting. The tests start from it and change only what they are about.
 */
import { NO_ANSWER } from './red-flag-screen.js';

type Section = Record<string, unknown>;

/**
 * The check-in as JSON (for an answers file, the API, or `Answers.parse`). `pain` fields replace the
 * sample's one by one; any other section given replaces the sample's whole, and `undefined` leaves it out.
 * @example sampleCheckIn(new Date(), { pain: { now: 6 }, daily: undefined })
 */
export function sampleCheckIn(
  date: Date,
  changes: { pain?: Section } & Record<string, Section | undefined> = {},
): Record<string, unknown> {
  const { pain, ...sections } = changes;
  return {
    date: date.toISOString(),
    about: { age: 34 },
    pain: {
      regions: ['between-shoulder-blades'],
      spreadsTo: [],
      timing: ['later-that-day'],
      daysSinceStart: 3,
      trend: 'same',
      now: 3,
      worst: 4,
      qualities: ['ache'],
      easesWithRestOrPosition: true,
      ...pain,
    },
    running: { runsPerWeek: 3, weeklyKmNow: 25 },
    daily: { sittingHours: 9 },
    redFlags: NO_ANSWER,
    ...sections,
  };
}

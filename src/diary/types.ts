/**
 * The diary's plain data: pain check-ins, exercise sessions and PSFS ratings, as the analytics (insights,
 * progress, schedule, report) read them. Times are epoch milliseconds.
 */
import { z } from 'zod';
import { PainfulRegion } from '../answers/schema.js';
import { NOTE_MAX_CHARS } from '../limits.js';

export const PainTiming = z.enum(['before', 'during', 'right-after', 'next-morning', 'other']);
export type PainTiming = z.infer<typeof PainTiming>;

export type PainCheckin = {
  id: string;
  at: number;
  regions: string[];
  /** Numeric pain rating 0–10. */
  score: number;
  timing: PainTiming;
  note?: string;
  /** The nearest run, when there is one within the linking window. */
  runId?: string;
};

export type ExerciseSession = {
  id: string;
  at: number;
  /** Plan item ids done (exercise or intervention ids from the knowledge base). */
  items: string[];
  note?: string;
  /** How the session felt, asked at the end of a guided session. */
  feeling?: SessionFeeling;
  /** Pain during the session, 0–10, asked at the end of a guided session. */
  painDuring?: number;
  /** How many exercises the session had planned, when it was guided: fewer items means it was stopped early. */
  planned?: number;
};

/** The answers to "How did it feel?" after a session. */
export const SessionFeeling = z.enum(['easy', 'about-right', 'hard']);
export type SessionFeeling = z.infer<typeof SessionFeeling>;

/** A client-made id (a UUID), so that an entry sent twice (a retry, an offline queue) is stored once. */
export const ClientId = z.uuid();

/** One Patient-Specific Functional Scale rating: an activity the runner chose, 0 (cannot) to 10 (as before). */
export type PsfsRating = { id: string; at: number; activity: string; score: number };

/** A run as the diary analytics need it (a subset of the stored summary). */
export type DiaryRun = {
  id: string;
  startTime: number;
  distanceM: number;
  elapsedS: number | null;
  movingS: number | null;
  elevationGainM: number | null;
  paceSPerKm: number | null;
  cadenceChangeSpm: number | null;
  decouplingPct: number | null;
};

/** Input for a new check-in, validated at the edge (CLI flags, API bodies). */
export const NewPainCheckin = z.strictObject({
  at: z.number().int(),
  regions: z.array(PainfulRegion).min(1),
  score: z.number().int().min(0).max(10),
  timing: PainTiming,
  note: z.string().max(NOTE_MAX_CHARS).optional(),
});
export type NewPainCheckin = z.infer<typeof NewPainCheckin>;

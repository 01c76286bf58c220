/**
 * The diary for every adapter: parsing and validating what the runner logs (pain, exercise sessions,
 * PSFS ratings) before anything is written, the request schemas the HTTP API checks bodies against,
 * correcting and deleting entries by id, and reading the diary back over a range. The command line and
 * the API share these, so a rule (pain is 0–10, no entries in the future, only known exercises) holds in
 * both, for a new entry and a corrected one alike.
 */
import { z } from 'zod';
import { PainfulRegion } from '../answers/schema.js';
import type { ExerciseSession, PainCheckin, PsfsRating } from '../diary/types.js';
import { ClientId, NewPainCheckin, PainTiming, SessionFeeling } from '../diary/types.js';
import { badInput, notFound } from '../errors.js';
import { index } from '../knowledge/index.js';
import { EXERCISE_ITEMS_MAX, NOTE_MAX_CHARS, PSFS_RATINGS_MAX } from '../limits.js';
import type { DiaryKind, ExerciseSessionChanges, NewSession, PainCheckinChanges } from '../store/diary.js';
import type { Store } from '../store/index.js';
import { isCalendarDate, parseDateFlag, type TimeRange } from './runs.js';

/** Clock skew we tolerate before calling a time "in the future". */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * When an entry happened: an ISO time or YYYY-MM-DD (noon that day, so the day survives any time
 * zone), or epoch milliseconds from a client; never in the future. Default now.
 * @param label how the value is named in messages (`--at` on the command line, `at` in the API)
 */
export function parseAt(value: string | number | undefined, now = Date.now(), label = '--at'): number {
  if (value === undefined) return now;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0)
      throw badInput(`${label} must be a time in epoch milliseconds, not ${value}`, 'at');
    if (value > now + FUTURE_SLACK_MS)
      throw badInput(`${label} ${new Date(value).toISOString()} is in the future`, 'at');
    return value;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (day && !isCalendarDate(value)) throw badInput(`${label} ${value} is not a day of the calendar`, 'at');
  const t = day ? Date.parse(`${value}T12:00:00Z`) : parseDateFlag(value, 'at', false, label);
  if (t === undefined || !Number.isFinite(t))
    throw badInput(`${label} must be a date or ISO 8601 time, not "${value}"`, 'at');
  if (t > now + FUTURE_SLACK_MS) throw badInput(`${label} ${value} is in the future`, 'at');
  return t;
}

/** A 0–10 rating typed as text (a pain score, a PSFS score). */
export function parseScore(value: string, field = 'score'): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 10) {
    throw badInput(`${field} must be a whole number from 0 to 10, not "${value}"`, field);
  }
  return n;
}

/** Body regions, comma-separated or not, each one of the check-in's regions; duplicates dropped. */
export function parseRegions(values: string[]): string[] {
  const allowed = PainfulRegion.options;
  const regions = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (regions.length === 0) throw badInput(`give at least one region (${allowed.join(', ')})`, 'region');
  for (const r of regions) {
    if (!(allowed as readonly string[]).includes(r)) {
      throw badInput(`unknown region "${r}" (expected one of ${allowed.join(', ')})`, 'region');
    }
  }
  return [...new Set(regions)];
}

/**
 * Plan items done: exercise or routine ids from the knowledge base, comma-separated or not, duplicates
 * dropped. An unknown id is bad input, so a typo never lands in the diary.
 */
export function parseExerciseItems(values: string[]): string[] {
  const ids = values
    .flatMap((i) => i.split(','))
    .map((i) => i.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (!index('exercises').has(id) && !index('interventions').has(id)) {
      throw badInput(`unknown exercise or routine "${id}" (see \`backstride kb list exercise\`)`, 'items');
    }
  }
  return [...new Set(ids)];
}

/** A diary note from the command line: at most {@link NOTE_MAX_CHARS} characters, as in the API. */
export function checkNote(note: string | undefined, label = '--note'): string | undefined {
  if (note !== undefined && note.length > NOTE_MAX_CHARS)
    throw badInput(`${label} must be at most ${NOTE_MAX_CHARS} characters, not ${note.length}`, 'note');
  return note;
}

/** A list from the command line: at most `max` entries, as in the API. */
export function checkCount<T>(values: T[], max: number, what: string, field: string): T[] {
  if (values.length > max) throw badInput(`give at most ${max} ${what}, not ${values.length}`, field);
  return values;
}

/** A PSFS activity is what the runner typed, trimmed: 1–200 characters. */
export function checkPsfsActivity(activity: string, field = 'ratings'): string {
  const trimmed = activity.trim();
  if (!trimmed || trimmed.length > 200) throw badInput('PSFS activity must be 1–200 characters', field);
  return trimmed;
}

/**
 * One PSFS rating as the command line takes it: `activity=score`.
 * @example parsePsfsRating('run 10 km=4') // { activity: 'run 10 km', score: 4 }
 */
export function parsePsfsRating(text: string): { activity: string; score: number } {
  const m = /^(.+)=\s*(\S+)$/.exec(text);
  if (!m) throw badInput(`PSFS rating must look like "run 10 km=4", not "${text}"`, 'ratings');
  return { activity: checkPsfsActivity(m[1] as string), score: parseScore(m[2] as string, 'PSFS score') };
}

/** `at` in a request body: the forms `--at` takes, or epoch ms (checked by {@link parseAt}). */
const At = z.union([z.number(), z.string().max(64)]).optional();

/** The body of `POST /api/diary/pain`. */
export const PainRequest = z.strictObject({
  id: ClientId.optional(),
  score: NewPainCheckin.shape.score,
  regions: NewPainCheckin.shape.regions.max(PainfulRegion.options.length),
  timing: PainTiming.default('right-after'),
  at: At,
  note: NewPainCheckin.shape.note,
});

/** The body of `POST /api/diary/exercise`. */
export const ExerciseRequest = z.strictObject({
  id: ClientId.optional(),
  items: z.array(z.string().min(1).max(100)).min(1).max(EXERCISE_ITEMS_MAX),
  at: At,
  note: z.string().max(NOTE_MAX_CHARS).optional(),
  feeling: SessionFeeling.optional(),
  painDuring: z.number().int().min(0).max(10).optional(),
  /** How many exercises the guided session had: more than `items` means it was stopped early. */
  planned: z.number().int().min(1).max(EXERCISE_ITEMS_MAX).optional(),
});

/** The body of `POST /api/diary/psfs`: one to ten activities (the scale asks for three to five). */
export const PsfsRequest = z.strictObject({
  id: ClientId.optional(),
  ratings: z
    .array(z.strictObject({ activity: z.string().max(200), score: z.number().int().min(0).max(10) }))
    .min(1)
    .max(PSFS_RATINGS_MAX),
  at: At,
});

/** A correction's note: text replaces the note, null or "" removes it. */
const EditNote = z.string().max(NOTE_MAX_CHARS).nullable().optional();

/** The body of `PATCH /api/diary/pain/:id`: the fields to change, by the rules of a new check-in. */
export const PainEditRequest = z.strictObject({
  score: NewPainCheckin.shape.score.optional(),
  regions: NewPainCheckin.shape.regions.max(PainfulRegion.options.length).optional(),
  timing: PainTiming.optional(),
  at: At,
  note: EditNote,
});

/** The body of `PATCH /api/diary/exercise/:id`. */
export const ExerciseEditRequest = z.strictObject({
  items: ExerciseRequest.shape.items.optional(),
  feeling: SessionFeeling.nullable().optional(),
  painDuring: z.number().int().min(0).max(10).nullable().optional(),
  at: At,
  note: EditNote,
});

/** The body of `PATCH /api/diary/psfs/:id`: one rating's activity, score or time. */
export const PsfsEditRequest = z.strictObject({
  activity: z.string().max(200).optional(),
  score: z.number().int().min(0).max(10).optional(),
  at: At,
});

/** The diary's kinds of entry, as commands and routes name them. */
export const DIARY_KINDS = ['pain', 'exercise', 'psfs'] as const satisfies readonly DiaryKind[];
export type { DiaryKind };

/** How people call each kind of entry, in messages. */
export const DIARY_KIND_NAMES: Record<DiaryKind, string> = {
  pain: 'pain check-in',
  exercise: 'exercise session',
  psfs: 'PSFS rating',
};

/** A kind of entry typed on the command line: pain, exercise or psfs. */
export function parseDiaryKind(value: string): DiaryKind {
  const kind = DIARY_KINDS.find((k) => k === value.toLowerCase());
  if (!kind) throw badInput(`kind must be ${DIARY_KINDS.join(', ')}, not "${value}"`, 'kind');
  return kind;
}

/** The short id the readable diary shows, enough to type back: the id's first 8 characters. */
export const shortId = (id: string) => id.slice(0, 8);
/** The fewest characters of an id the command line takes. */
const SHORT_ID_MIN = 4;

/**
 * The entry a typed id names: the whole id, or the start of one (the readable diary's short id) that
 * only one entry of that kind has.
 * @throws not-found when no entry has it; bad-input when it is too short or several entries share it
 */
export async function resolveDiaryId(store: Store, kind: DiaryKind, typed: string): Promise<string> {
  const { diaryIdsStartingWith } = await import('../store/diary.js');
  const id = typed.trim();
  if (id.length < SHORT_ID_MIN || id.length > 100)
    throw badInput(
      `give the ${DIARY_KIND_NAMES[kind]}'s id as \`backstride diary\` shows it, not "${typed}"`,
      'id',
    );
  const ids = await diaryIdsStartingWith(store.db, kind, id);
  if (ids.includes(id)) return id;
  if (ids.length === 0) throw missing(kind, id, ' (see `backstride diary`)');
  if (ids.length > 1)
    throw badInput(
      `${id} is the start of more than one ${DIARY_KIND_NAMES[kind]}'s id: give more of it`,
      'id',
    );
  return ids[0] as string;
}

const missing = (kind: DiaryKind, id: string, hint = '') =>
  notFound(`there is no ${DIARY_KIND_NAMES[kind]} with id ${id}${hint}`);

/** A correction must change something; `fields` says what could be given. */
function requireChange(changes: object, fields: string): void {
  if (Object.values(changes).every((v) => v === undefined))
    throw badInput(`nothing to change: give ${fields}`, 'body');
}

/**
 * Correct a pain check-in. `changes` are validated values (as a new check-in's); a new time or timing
 * links it again to the nearest run, if any.
 * @param fields what could have been given, for the message when nothing was
 * @throws not-found when there is no check-in with this id
 */
export async function editPainCheckin(
  store: Store,
  id: string,
  changes: PainCheckinChanges,
  fields = 'score, regions, timing, at or note',
): Promise<PainCheckin> {
  requireChange(changes, fields);
  const { updatePainCheckin } = await import('../store/diary.js');
  const saved = await updatePainCheckin(store.db, id, changes);
  if (!saved) throw missing('pain', id);
  return saved;
}

/** Correct an exercise session (validated items, time, note). @throws not-found for an unknown id */
export async function editExerciseSession(
  store: Store,
  id: string,
  changes: ExerciseSessionChanges,
  fields = 'items, at, note, feeling or pain during',
): Promise<ExerciseSession> {
  requireChange(changes, fields);
  const { updateExerciseSession } = await import('../store/diary.js');
  const saved = await updateExerciseSession(store.db, id, changes);
  if (!saved) throw missing('exercise', id);
  return saved;
}

/** Correct one PSFS rating (activity, score, time). @throws not-found for an unknown id */
export async function editPsfsRating(
  store: Store,
  id: string,
  changes: { at?: number; activity?: string; score?: number },
  fields = 'activity, score or at',
): Promise<PsfsRating> {
  requireChange(changes, fields);
  const { updatePsfsRating } = await import('../store/diary.js');
  const saved = await updatePsfsRating(store.db, id, changes);
  if (!saved) throw missing('psfs', id);
  return saved;
}

/** Delete one entry. @throws not-found when there is none of that kind with this id */
export async function deleteDiaryEntry(store: Store, kind: DiaryKind, id: string): Promise<void> {
  const { deleteDiaryEntry: deleteRow } = await import('../store/diary.js');
  if (!(await deleteRow(store.db, kind, id))) throw missing(kind, id);
}

/**
 * How close in time the same exercise session logged again is the same one, not a second: "Done" tapped
 * twice, a request sent again after a dropped answer, a script retried. Ten seconds is longer than any
 * retry and far shorter than doing a session twice.
 */
export const SAME_SESSION_WITHIN_MS = 10_000;

/**
 * Log an exercise session once: the same items (and note) logged again within
 * {@link SAME_SESSION_WITHIN_MS} of it return the stored session with `created: false`.
 */
export async function logExerciseSession(
  store: Store,
  entry: NewSession & { id?: string },
): Promise<{ session: ExerciseSession; created: boolean }> {
  const { addExerciseSessionOnce } = await import('../store/diary.js');
  return addExerciseSessionOnce(store.db, entry, SAME_SESSION_WITHIN_MS);
}

/** The diary's three kinds of entry, as `diary --json` and `GET /api/diary` give them. */
export type DiaryEntries = { pain: PainCheckin[]; exercise: ExerciseSession[]; psfs: PsfsRating[] };

/** Pain check-ins, exercise sessions and PSFS ratings in a range, oldest first. */
export async function diaryBetween(store: Store, range: TimeRange = {}): Promise<DiaryEntries> {
  const { listPainCheckins, listExerciseSessions, listPsfsRatings } = await import('../store/diary.js');
  const r = { from: range.from, to: range.to };
  return {
    pain: await listPainCheckins(store.db, r),
    exercise: await listExerciseSessions(store.db, r),
    psfs: await listPsfsRatings(store.db, r),
  };
}

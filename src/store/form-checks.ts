/**
 * Saved running-form checks (issue 12): what `analyseForm` measured in a clip, when, with the runner's
 * label (early or late in one run), and key frames only if the runner chose to keep them. The video itself
 * is never stored. The CLI (`backstride form --save`) and the HTTP API both save through here, and a
 * backup validates its rows with the same schema as live input ({@link FormCheckInput}).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { FormReport, MeasureId } from '../form/index.js';
import { index } from '../knowledge/index.js';
import type { Database, FormChecksTable } from './schema.js';

/** When in one run the clip was filmed, for comparing fatigue between two clips; null for neither. */
export const FORM_CHECK_LABELS = ['early', 'late'] as const;
export type FormCheckLabel = (typeof FORM_CHECK_LABELS)[number];

const MEASURE_IDS = [
  'cadence',
  'stepIntervalCv',
  'trunkLean',
  'bodyLean',
  'leanFromWaist',
  'headForward',
  'shoulderElevation',
  'armSwing',
  'elbowAngle',
  'verticalOscillation',
  'wristCrossing',
  'wristCrossingDepth',
  'shoulderTilt',
  'pelvisTilt',
  'trunkRotation',
  'headDrift',
  'trunkLeanDrift',
  'shoulderDrift',
  'cadenceDrift',
] as const satisfies readonly MeasureId[];

/** Limits on what one check may hold, so a tampered backup or request cannot fill the database. */
export const FORM_CHECK_LIMITS = {
  measures: 50,
  findings: 50,
  framesPerMeasure: 10_000,
  keyFrames: 6,
  /** Base64 characters of one key frame (about 150 kB of JPEG or PNG). */
  keyFrameChars: 200_000,
} as const;

const Finite = z.number().refine(Number.isFinite, 'expected a finite number');
const Words = (max: number) => z.string().min(1).max(max);

const MeasureSchema = z.object({
  id: z.enum(MEASURE_IDS),
  label: Words(200),
  value: Finite,
  unit: z.string().max(50),
  frames: z.array(z.number().int().min(0)).max(FORM_CHECK_LIMITS.framesPerMeasure),
  note: Words(1000).optional(),
  landmark: z.enum(['ear', 'headTop', 'nose']).optional(),
});

const FindingSchema = z.object({
  factorId: z.string().refine((id) => index('factors').has(id), 'expected a factor of the knowledge base'),
  measure: z.enum(MEASURE_IDS),
  value: Finite,
  unit: z.string().max(50),
  threshold: z.strictObject({
    value: Finite,
    unit: z.string().max(50),
    direction: z.enum(['above', 'below']),
    source: Words(1000),
  }),
  confidence: z.number().min(0).max(1),
  summary: Words(1000),
});

const QualitySchema = z.object({
  frames: z.number().int().min(0).max(1_000_000),
  personShare: z.number().min(0).max(1),
  // Null when no one was found (the report holds NaN there, which JSON writes as null).
  meanConfidence: z.number().min(0).max(1).nullable(),
  personHeightShare: z.number().min(0).max(10).nullable(),
  strides: z.number().min(0).max(100_000),
  refusals: z.array(Words(1000)).max(50),
  warnings: z.array(Words(1000)).max(50),
});

/** One key frame with the skeleton drawn over it, as a small JPEG or PNG in base64. */
const KeyFrameSchema = z.strictObject({
  /** Index of the frame in the clip's keypoint track. */
  frame: z.number().int().min(0),
  tS: z.number().min(0),
  mime: z.enum(['image/jpeg', 'image/png']),
  data: z
    .string()
    .max(FORM_CHECK_LIMITS.keyFrameChars)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'expected base64 text'),
});
export type KeyFrame = z.infer<typeof KeyFrameSchema>;

/**
 * A form check to save, as live input (the API's request body, the CLI's result) and as a restored row's
 * content: the report's fields that matter later, the label and the optional key frames.
 */
export const FormCheckInput = z.object({
  /** When the clip was analysed (epoch ms); the caller's clock. */
  checkedAt: z
    .number()
    .int()
    .min(0)
    .max(Date.UTC(2100, 0, 1)),
  label: z.enum(FORM_CHECK_LABELS).nullable(),
  running: z.boolean(),
  view: z.enum(['side', 'back', 'front']).nullable(),
  cadenceSpm: z.number().min(0).max(400).nullable(),
  measures: z.array(MeasureSchema).max(FORM_CHECK_LIMITS.measures),
  findings: z.array(FindingSchema).max(FORM_CHECK_LIMITS.findings),
  quality: QualitySchema,
  keyFrames: z.array(KeyFrameSchema).max(FORM_CHECK_LIMITS.keyFrames),
});
export type NewFormCheck = z.infer<typeof FormCheckInput>;

/** The schemas of a stored check's JSON columns, for the backup's row validation. */
export const FORM_CHECK_PARTS = {
  measures: FormCheckInput.shape.measures,
  findings: FormCheckInput.shape.findings,
  quality: QualitySchema,
  keyFrames: FormCheckInput.shape.keyFrames,
} as const;

/** A saved form check. */
export type StoredFormCheck = NewFormCheck & { id: string };

/**
 * The check to save from a report.
 * @example await addFormCheck(db, formCheckFromReport(report, { checkedAt: Date.now(), label: 'late' }));
 */
export function formCheckFromReport(
  report: FormReport,
  options: { checkedAt: number; label: FormCheckLabel | null; keyFrames?: KeyFrame[] },
): NewFormCheck {
  return {
    checkedAt: options.checkedAt,
    label: options.label,
    running: report.running,
    view: report.view,
    cadenceSpm: report.cadenceSpm,
    measures: report.measures,
    findings: report.findings,
    quality: {
      ...report.quality,
      meanConfidence: finiteOrNull(report.quality.meanConfidence),
      personHeightShare: finiteOrNull(report.quality.personHeightShare),
    },
    keyFrames: options.keyFrames ?? [],
  };
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

const toFormCheck = (r: FormChecksTable): StoredFormCheck => ({
  id: r.id,
  checkedAt: r.checked_at,
  label: r.label,
  running: r.running === 1,
  view: r.view,
  cadenceSpm: r.cadence_spm,
  measures: JSON.parse(r.measures),
  findings: JSON.parse(r.findings),
  quality: JSON.parse(r.quality),
  keyFrames: r.key_frames === null ? [] : JSON.parse(r.key_frames),
});

/**
 * Save a check. The input is validated here too (throws zod's error on a bad one): callers at the edge
 * parse with {@link FormCheckInput} first and turn its issues into a bad-input error.
 */
export async function addFormCheck(db: Kysely<Database>, input: NewFormCheck): Promise<StoredFormCheck> {
  const c = FormCheckInput.parse(input);
  const row: FormChecksTable = {
    id: randomUUID(),
    checked_at: c.checkedAt,
    label: c.label,
    running: c.running ? 1 : 0,
    view: c.view,
    cadence_spm: c.cadenceSpm,
    measures: JSON.stringify(c.measures),
    findings: JSON.stringify(c.findings),
    quality: JSON.stringify(c.quality),
    key_frames: c.keyFrames.length > 0 ? JSON.stringify(c.keyFrames) : null,
  };
  await db.insertInto('form_checks').values(row).execute();
  return toFormCheck(row);
}

/** Every saved check, oldest first. */
export async function listFormChecks(db: Kysely<Database>): Promise<StoredFormCheck[]> {
  const rows = await db.selectFrom('form_checks').selectAll().orderBy('checked_at').orderBy('id').execute();
  return rows.map(toFormCheck);
}

/** One saved check, if it exists. */
export async function formCheckOf(db: Kysely<Database>, id: string): Promise<StoredFormCheck | undefined> {
  const r = await db.selectFrom('form_checks').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFormCheck(r) : undefined;
}

/** Delete one saved check; false when there was none with that id. */
export async function deleteFormCheck(db: Kysely<Database>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('form_checks').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

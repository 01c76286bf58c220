/**
 * Every row of a backup checked before anything is written, with the schemas live input goes through
 * (pain 0–10 on known regions, notes within the limit, known exercises, answers that parse, samples the
 * codec can decode) plus what holds between the tables (unique ids, references present in the backup).
 * A restore can then never store what the diary, insights, plan or report would choke on. The first
 * fault refuses the whole backup in one line naming the table, the row (its index in the table's array
 * and its id) and the field.
 */
import { z } from 'zod';
import { describeIssue, fieldPath, parseAnswers } from '../answers/index.js';
import { CHECK_BACK_ANSWERS } from '../check-back/index.js';
import { NewPainCheckin, PainTiming } from '../diary/types.js';
import { badInput, isBackstrideError } from '../errors.js';
import { index } from '../knowledge/index.js';
import { Level } from '../knowledge/schema.js';
import { ExerciseRequest, PainRequest, PsfsRequest } from '../services/diary.js';
import { isCalendarDate } from '../services/runs.js';
import { FORM_CHECK_PARTS, FormCheckInput } from './form-checks.js';
import { decodeSamples } from './samples-codec.js';

/** A stored row as the backup holds it: column → text, number or null (samples as base64). */
export type BackupRow = Record<string, string | number | null>;

/** Times are epoch milliseconds from 1970 up to 2100: any later is a tampered or broken value. */
const EPOCH_MAX = Date.UTC(2100, 0, 1);
const Epoch = z.number().int().min(0).max(EPOCH_MAX);
const Id = z.string().min(1).max(200);
const Text = (max: number) => z.string().max(max);

/** A JSON document stored as text: it must parse, then match `schema`. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'expected JSON text', input: text });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const PainRow = z.strictObject({
  id: Id,
  at: Epoch,
  regions: jsonText(PainRequest.shape.regions),
  score: NewPainCheckin.shape.score,
  timing: PainTiming,
  note: NewPainCheckin.shape.note.unwrap().nullable(),
  run_id: Id.nullable(),
});

/** Exercise or routine ids from the knowledge base, as `parseExerciseItems` requires of live input. */
const KnownItems = ExerciseRequest.shape.items.superRefine((ids, ctx) => {
  ids.forEach((id, i) => {
    if (!index('exercises').has(id) && !index('interventions').has(id))
      ctx.addIssue({ code: 'custom', path: [i], message: `unknown exercise or routine "${id}"` });
  });
});

const ExerciseRow = z.strictObject({
  id: Id,
  at: Epoch,
  items: jsonText(KnownItems),
  note: ExerciseRequest.shape.note.unwrap().nullable(),
  // Added in backup version 5: absent from older backups.
  feeling: ExerciseRequest.shape.feeling.unwrap().nullable().default(null),
  pain_during: ExerciseRequest.shape.painDuring.unwrap().nullable().default(null),
  planned: ExerciseRequest.shape.planned.unwrap().nullable().default(null),
});

const PsfsRating = PsfsRequest.shape.ratings.element.shape;
const PsfsRow = z.strictObject({
  id: Id,
  at: Epoch,
  activity: PsfsRating.activity.refine((a) => a.trim().length > 0, 'expected 1–200 characters'),
  score: PsfsRating.score,
});

/** What the services read back from a saved result: the triage level, the factors, a check-back. */
const StoredResult = z.looseObject({
  triage: z.looseObject({
    level: Level,
    selfCare: z
      .looseObject({
        checkBack: z
          .looseObject({
            on: z.string(),
            inDays: z.number(),
            question: z.string(),
            why: z.string(),
            sources: z.array(z.unknown()),
          })
          .optional(),
      })
      .optional(),
  }),
  factors: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});

/** Saved answers go through `parseAnswers`, exactly as an answers file does. */
const StoredAnswers = z.unknown().transform((answers, ctx) => {
  try {
    return parseAnswers(answers);
  } catch (error) {
    if (!isBackstrideError(error)) throw error;
    ctx.issues.push({ code: 'custom', message: error.message, input: answers });
    return z.NEVER;
  }
});

const AssessmentRow = z
  .strictObject({
    id: Id,
    created_at: Epoch,
    answers: jsonText(StoredAnswers),
    result: jsonText(StoredResult),
    level: Level,
  })
  .superRefine((row, ctx) => {
    if (row.level !== row.result.triage.level)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: `expected the result's triage level "${row.result.triage.level}"`,
      });
  });

const CheckBackRow = z.strictObject({
  id: Id,
  assessment_id: Id,
  due_on: z
    .string()
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isCalendarDate(d), 'expected a date (YYYY-MM-DD)'),
  answered_at: Epoch,
  answer: z.enum(CHECK_BACK_ANSWERS),
  result_assessment_id: Id,
});

/** A known exercise of the knowledge base, as `plan swap` and `plan drop` require of live input. */
const KnownExercise = Id.refine(
  (id) => index('exercises').has(id),
  'expected an exercise of the knowledge base',
);

const PlanChangeRow = z
  .strictObject({
    id: Id,
    exercise_id: KnownExercise,
    action: z.enum(['swap', 'drop']),
    replacement_id: KnownExercise.nullable(),
    changed_at: Epoch,
  })
  .superRefine((row, ctx) => {
    if ((row.action === 'swap') !== (row.replacement_id !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['replacement_id'],
        message: row.action === 'swap' ? 'a swap names its replacement' : 'a drop names no replacement',
      });
    else if (row.replacement_id === row.exercise_id)
      ctx.addIssue({
        code: 'custom',
        path: ['replacement_id'],
        message: 'an exercise cannot replace itself',
      });
  });

/** A saved form check: its JSON columns through the schemas `addFormCheck` takes as live input. */
const FormCheckRow = z.strictObject({
  id: Id,
  checked_at: FormCheckInput.shape.checkedAt,
  label: FormCheckInput.shape.label,
  running: z.union([z.literal(0), z.literal(1)]),
  view: FormCheckInput.shape.view,
  cadence_spm: FormCheckInput.shape.cadenceSpm,
  measures: jsonText(FORM_CHECK_PARTS.measures),
  findings: jsonText(FORM_CHECK_PARTS.findings),
  quality: jsonText(FORM_CHECK_PARTS.quality),
  key_frames: jsonText(FORM_CHECK_PARTS.keyFrames).nullable(),
});

/** A metric that may be missing: a finite number in [min, max], or null. */
const Metric = (min: number, max: number) => z.number().min(min).max(max).nullable();
const DAY_S = 86_400;
const SAMPLES_MAX = 10_000_000;

/** Base64 text the store's samples codec decodes to exactly `sample_count` samples. */
const SamplesText = z
  .string()
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'expected base64 text')
  .transform((s, ctx) => {
    try {
      return decodeSamples(new Uint8Array(Buffer.from(s, 'base64'))).t.length;
    } catch (error) {
      ctx.issues.push({
        code: 'custom',
        message: `the samples codec cannot decode them (${(error as Error).message})`,
        input: s,
      });
      return z.NEVER;
    }
  });

const RunRow = z
  .strictObject({
    id: Id,
    fingerprint: Id,
    start_time: Epoch,
    sport: Text(100).min(1),
    sport_label: Text(200).nullable(),
    name: Text(1000).nullable(),
    source: Text(4096),
    source_format: Text(100).min(1),
    device: Text(1000).nullable(),
    distance_m: z.number().min(0).max(1_000_000),
    elapsed_s: Metric(0, 30 * DAY_S),
    moving_s: Metric(0, 30 * DAY_S),
    pace_s_per_km: Metric(0, 1e9),
    elevation_gain_m: Metric(0, 100_000),
    avg_hr: Metric(0, 300),
    max_hr: Metric(0, 300),
    avg_cadence_spm: Metric(0, 400),
    max_cadence_spm: Metric(0, 400),
    cadence_change_spm: Metric(-1e6, 1e6),
    pace_change_pct: Metric(-1e6, 1e6),
    decoupling_pct: Metric(-1e6, 1e6),
    sample_count: z.number().int().min(0).max(SAMPLES_MAX),
    samples: SamplesText.nullable(),
    imported_at: Epoch,
    // Added in backup version 3: absent from older backups.
    samples_distance_m: Metric(0, 1_000_000).default(null),
    truncated: z.union([z.literal(0), z.literal(1)]).default(0),
    import_notes: jsonText(z.array(Text(1000)).max(50))
      .nullable()
      .default(null),
  })
  .superRefine((row, ctx) => {
    if (row.samples !== null && row.samples !== row.sample_count)
      ctx.addIssue({
        code: 'custom',
        path: ['samples'],
        message: `expected ${row.sample_count} samples (sample_count), not ${row.samples}`,
      });
  });

/** Each table's row schema. */
export const ROW_SCHEMAS = {
  runs: RunRow,
  assessments: AssessmentRow,
  pain_checkins: PainRow,
  exercise_sessions: ExerciseRow,
  psfs_ratings: PsfsRow,
  check_backs: CheckBackRow,
  plan_changes: PlanChangeRow,
  form_checks: FormCheckRow,
} as const;
export type BackupTable = keyof typeof ROW_SCHEMAS;

/** An issue in plain words: `expected at most 10`, `expected one of "before", …`. */
function describe(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = fieldPath(issue.path) || '(row)';
  const unit = (origin: string) =>
    origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  if (issue.code === 'too_big')
    return { field, message: `expected at most ${String(issue.maximum)}${unit(issue.origin)}` };
  if (issue.code === 'too_small')
    return { field, message: `expected at least ${String(issue.minimum)}${unit(issue.origin)}` };
  if (issue.code === 'custom') return { field, message: issue.message };
  if (issue.code === 'invalid_type' && issue.expected === 'int')
    return { field, message: 'expected a whole number' };
  const d = describeIssue(issue);
  return { field: d.field === '(root)' ? '(row)' : d.field, message: d.message };
}

/** The one error for a refused backup: `backup refused: pain_checkins row 3 (id …): score: …`. */
export function refused(table: string, row: number, id: unknown, field: string, message: string) {
  const idText = typeof id === 'string' ? id : JSON.stringify(id ?? null);
  return badInput(
    `backup refused: ${table} row ${row} (id ${idText}): ${field}: ${message}`,
    `tables.${table}[${row}].${field}`,
  );
}

/**
 * Check every row of every table, then the links between them. Throws a bad-input error for the first
 * fault; writes nothing. Rows are numbered from 0, as in the backup's arrays.
 */
export function validateBackupRows(tables: Record<BackupTable, BackupRow[]>): void {
  for (const table of Object.keys(ROW_SCHEMAS) as BackupTable[]) {
    const schema = ROW_SCHEMAS[table] as z.ZodType;
    tables[table].forEach((row, i) => {
      const r = schema.safeParse(row);
      if (r.success) return;
      const issue = r.error.issues[0];
      const { field, message } = issue ? describe(issue) : { field: '(row)', message: 'not valid' };
      throw refused(table, i, row.id, field, message);
    });
  }

  /** Values of a column must be unique within the table (primary keys, unique indexes). */
  const unique = (table: BackupTable, column: string) => {
    const seen = new Map<unknown, number>();
    tables[table].forEach((row, i) => {
      const first = seen.get(row[column]);
      if (first !== undefined)
        throw refused(table, i, row.id, column, `duplicate of row ${first} (${String(row[column])})`);
      seen.set(row[column], i);
    });
  };
  /** Values of a column must be ids of rows in another table of the backup. */
  const references = (table: BackupTable, column: string, target: BackupTable) => {
    const ids = new Set(tables[target].map((r) => r.id));
    tables[table].forEach((row, i) => {
      const v = row[column];
      if (v !== null && !ids.has(v))
        throw refused(table, i, row.id, column, `no ${target} row has id ${String(v)} in this backup`);
    });
  };
  for (const table of Object.keys(ROW_SCHEMAS) as BackupTable[]) unique(table, 'id');
  unique('runs', 'fingerprint');
  unique('check_backs', 'assessment_id');
  unique('plan_changes', 'exercise_id');
  references('pain_checkins', 'run_id', 'runs');
  references('check_backs', 'assessment_id', 'assessments');
  references('check_backs', 'result_assessment_id', 'assessments');
}

/** Columns behind each table's foreign keys, for naming the field when the database refuses a row. */
const FOREIGN_KEYS: Partial<Record<BackupTable, string>> = {
  pain_checkins: 'run_id',
  check_backs: 'assessment_id or result_assessment_id',
};

/**
 * A database error while restoring a row, as a refusal naming the field, when it is a constraint or
 * data error (SQLite `SQLITE_CONSTRAINT_*`, PostgreSQL classes 22 and 23); undefined for anything else.
 */
export function constraintRefusal(table: BackupTable, row: number, id: unknown, error: unknown) {
  const e = error as { code?: unknown; message?: unknown; column?: unknown; detail?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    const column = /constraint failed: \w+\.(\w+)/.exec(message)?.[1];
    const field = column ?? (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? FOREIGN_KEYS[table] : undefined);
    return refused(table, row, id, field ?? '(row)', message);
  }
  if (/^2[23][0-9A-Z]{3}$/.test(code)) {
    const detail = typeof e.detail === 'string' ? e.detail : '';
    const column =
      (typeof e.column === 'string' ? e.column : undefined) ?? /^Key \(([^)]+)\)/.exec(detail)?.[1];
    return refused(table, row, id, column ?? FOREIGN_KEYS[table] ?? '(row)', detail || message);
  }
  return undefined;
}

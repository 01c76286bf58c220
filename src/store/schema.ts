/**
 * The database tables as Kysely types, shared by SQLite (embedded) and PostgreSQL (hosted). Times are
 * epoch milliseconds in BIGINT columns; JSON is stored as text so both engines treat it alike.
 */
import type { Generated } from 'kysely';

export interface RunsTable {
  id: string;
  /** Start time to the second, sport and rounded duration; the first line of duplicate detection. */
  fingerprint: string;
  start_time: number;
  sport: string;
  sport_label: string | null;
  name: string | null;
  /** The file it came from (path inside an archive after `!`). */
  source: string;
  source_format: string;
  device: string | null;
  distance_m: number;
  elapsed_s: number | null;
  moving_s: number | null;
  pace_s_per_km: number | null;
  elevation_gain_m: number | null;
  avg_hr: number | null;
  max_hr: number | null;
  avg_cadence_spm: number | null;
  max_cadence_spm: number | null;
  cadence_change_spm: number | null;
  pace_change_pct: number | null;
  decoupling_pct: number | null;
  sample_count: number;
  /** Compact, compressed samples (see samples-codec.ts). */
  samples: Uint8Array | null;
  imported_at: number;
  /** What the track adds up to, when it disagrees with the file's own distance (which `distance_m` holds). */
  samples_distance_m: number | null;
  /** 1 when the file was cut short and only the records before the break were recovered. */
  truncated: number;
  /** Remarks from the import in plain words (JSON array of strings), e.g. a summary disagreement. */
  import_notes: string | null;
}

export interface AssessmentsTable {
  id: string;
  created_at: number;
  answers: string;
  result: string;
  level: string;
}

export interface PainCheckinsTable {
  id: string;
  at: number;
  regions: string;
  score: number;
  timing: string;
  note: string | null;
  run_id: string | null;
}

export interface ExerciseSessionsTable {
  id: string;
  at: number;
  items: string;
  note: string | null;
  /** 'easy' | 'about-right' | 'hard' (migration 0006). */
  feeling: string | null;
  pain_during: number | null;
  planned: number | null;
}

export interface PsfsRatingsTable {
  id: string;
  at: number;
  activity: string;
  score: number;
}

/** The answer to a self-care result's check-back ("Is it easing?") and the re-run it produced. */
export interface CheckBacksTable {
  id: string;
  /** The assessment whose check-back this answers (one answer each). */
  assessment_id: string;
  /** The check-back date it was due on, YYYY-MM-DD. */
  due_on: string;
  answered_at: number;
  answer: 'easing' | 'same' | 'worse';
  /** The new assessment the re-run with this answer produced. */
  result_assessment_id: string;
}

/** A swap or drop the runner made to their plan, keyed by the exercise of the plan as built. */
export interface PlanChangesTable {
  id: string;
  exercise_id: string;
  action: 'swap' | 'drop';
  /** The exercise done instead, for a swap; null for a drop. */
  replacement_id: string | null;
  changed_at: number;
}

/** A saved running-form check (issue 12): measures, findings and quality as JSON text, never the video. */
export interface FormChecksTable {
  id: string;
  checked_at: number;
  /** 'early' | 'late' in one run, or null. */
  label: 'early' | 'late' | null;
  /** 1 when the clip showed steady running. */
  running: number;
  view: 'side' | 'back' | 'front' | null;
  cadence_spm: number | null;
  measures: string;
  findings: string;
  quality: string;
  /** Key frames with the skeleton drawn (JSON), only when the runner chose to keep them; else null. */
  key_frames: string | null;
}

export interface Database {
  runs: RunsTable;
  assessments: AssessmentsTable;
  pain_checkins: PainCheckinsTable;
  exercise_sessions: ExerciseSessionsTable;
  psfs_ratings: PsfsRatingsTable;
  check_backs: CheckBacksTable;
  plan_changes: PlanChangesTable;
  form_checks: FormChecksTable;
}

export type RunRow = RunsTable;
export type NewRun = RunsTable;
export type { Generated };

/**
 * The API's JSON shapes. The core's types are imported (type-only, so nothing of the core is bundled);
 * the few shapes that only the adapters define (a run as JSON, an import's status) are written out here,
 * matching `runJson` in src/cli/runs.ts and `ImportSummary` in src/import/index.ts.
 */
export type { Answers } from '../../src/answers/schema.js';
export type { Assessment } from '../../src/assess/index.js';
export type { CheckBackAnswer, DueCheckBack } from '../../src/check-back/index.js';
export type {
  DiaryRun,
  ExerciseSession,
  PainCheckin,
  PainTiming,
  PsfsRating,
} from '../../src/diary/types.js';
export type { RaisedFactor } from '../../src/factors/index.js';
export type { TriggerFinding, TriggerReport } from '../../src/insights/index.js';
export type { Dose, Exercise, Level, SelfCheck, Source } from '../../src/knowledge/schema.js';
export type { AnalysisWindow, LoadFlag, LoadSummary, WeekLoad } from '../../src/load/index.js';
export type { Plan, PlanItem, PlanSection } from '../../src/plan/index.js';
export type { Advice, NprsProgress, PsfsProgress, WeeklyPoint } from '../../src/progress/index.js';
export type { WeekAdherence } from '../../src/schedule/adherence.js';
export type {
  Schedule,
  ScheduledDay,
  ScheduledItem,
  ScheduleGroup,
  Slot,
} from '../../src/schedule/build.js';
export type { TriageResult } from '../../src/triage/index.js';

import type { ExerciseSession, PainCheckin, PsfsRating } from '../../src/diary/types.js';
import type { FormReport } from '../../src/form/index.js';
import type { Advice, NprsProgress, PsfsProgress } from '../../src/progress/index.js';
import type { WeekAdherence } from '../../src/schedule/adherence.js';
import type { Schedule } from '../../src/schedule/build.js';

/** A run as `runs --json` prints it. */
export type RunJson = {
  id: string;
  startTime: string;
  sport: string;
  name: string | null;
  distanceM: number;
  elapsedS: number | null;
  movingS: number | null;
  paceSPerKm: number | null;
  elevationGainM: number | null;
  avgHr: number | null;
  maxHr: number | null;
  avgCadenceSpm: number | null;
  maxCadenceSpm: number | null;
  cadenceChangeSpm: number | null;
  paceChangePct: number | null;
  decouplingPct: number | null;
  source?: string | null;
  sourceFormat?: string | null;
  device?: string | null;
  /** What the track adds up to when it disagrees with the file's own distance. */
  trackDistanceM?: number | null;
  /** The file was cut short: only the records before the break are here. */
  truncated?: boolean;
  /** How the run was read, in plain words. */
  importNotes?: string[];
};

/** Samples over the run for the charts; `t` is seconds from the start (or epoch time, normalised). */
export type RunSeries = {
  t: number[];
  distanceM?: (number | null)[];
  paceSPerKm?: (number | null)[];
  hr?: (number | null)[];
  cadenceSpm?: (number | null)[];
};

/** Late-run fatigue markers as the run page's API adds them (first third against last third; halves). */
export type FatigueMarkers = {
  cadenceChangeSpm: number | null;
  paceChangePct: number | null;
  decouplingPct: number | null;
  /** Decoupling under this is usually read as coupled. */
  coupledBelowPct?: number;
  /** Markers need a run this long, in seconds. */
  minDurationS?: number;
};

export type RunDetail = RunJson & { series?: RunSeries | null; fatigue?: FatigueMarkers };

export type ImportProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  runsImported: number;
};

export type ImportSummary = {
  files: number;
  imported: number;
  duplicates: number;
  /** Stored runs replaced by a richer copy (a FIT for an earlier GPX). */
  replaced?: number;
  /** Plain-words remarks about stored runs (a file cut short, a track that disagrees with its summary). */
  remarks?: { file: string; remark: string }[];
  skipped: { file: string; reason: string }[];
  skippedByReason?: Record<string, number>;
  failed: { file: string; reason: string }[];
  elapsedMs?: number;
};

export type ImportStatus = {
  state: string;
  progress: ImportProgress;
  summary?: ImportSummary;
  error?: { code?: string; message: string };
};

export type DiaryJson = { pain: PainCheckin[]; exercise: ExerciseSession[]; psfs: PsfsRating[] };

export type ProgressJson = {
  nprs: NprsProgress;
  psfs?: PsfsProgress;
  advice: Advice;
  adherence?: WeekAdherence[];
};

export type PlanDecision = { id: string; name: string; change: string; reason: string; dose: string };

/** A swap or drop of the plan, as `GET /api/plan` lists it. */
export type PlanChangeJson = {
  /** The exercise the plan was built with. */
  exercise: string;
  name: string;
  action: 'swap' | 'drop';
  replacement?: { id: string; name: string };
  by: 'you' | 'equipment';
  at?: string;
  text: string;
};

/** `plan --json`: the week, with the dose decisions, the runner's changes and what each exercise may be swapped for. */
export type PlanWeekJson = {
  schedule: Schedule;
  /** The runner's today, YYYY-MM-DD, as the server counts it. */
  today?: string;
  decisions?: PlanDecision[];
  /** The decisions in sentences; one naming several exercises kept for the same reason. */
  doseNotes?: { exercises: string[]; text: string }[];
  changes?: PlanChangeJson[];
  swaps?: Record<string, { id: string; name: string }[]>;
  /** Plan items logged today (exercise or routine ids). */
  doneToday?: string[];
};

export type KbListItem = { kind: string; id: string; name: string };
export type KbHit = KbListItem & { score: number };

/** A key frame of a form check: a small picture with the skeleton drawn over it, base64. */
export type FormKeyFrame = { frame: number; tS: number; mime: 'image/jpeg' | 'image/png'; data: string };
/** A form check to save (`POST /api/form-checks`): the report's measures and findings, never the video. */
export type FormCheckInput = Pick<
  FormReport,
  'running' | 'view' | 'cadenceSpm' | 'measures' | 'findings' | 'quality'
> & {
  checkedAt: number;
  label: 'early' | 'late' | null;
  keyFrames: FormKeyFrame[];
};
export type SavedFormCheck = FormCheckInput & { id: string };

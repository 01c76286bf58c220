/**
 * The API described as OpenAPI 3.1, written as data. Request schemas come from the same zod schemas the
 * routes validate with (answers, diary entries), so the document cannot drift from what is checked; a
 * test compares its paths with the routes the app really registers.
 */
import { z } from 'zod';
import { answersJsonSchema } from '../answers/index.js';
import { collectionByKind } from '../knowledge/index.js';
import { CheckBackRequest } from '../services/check-back.js';
import {
  ExerciseEditRequest,
  ExerciseRequest,
  PainEditRequest,
  PainRequest,
  PsfsEditRequest,
  PsfsRequest,
} from '../services/diary.js';
import { PlanChangeBody } from '../services/plan.js';
import { FormCheckRequest } from './routes/form.js';

type Schema = Record<string, unknown>;

/** A zod schema as a JSON Schema (what a client may send), without the draft marker. */
function fromZod(schema: z.ZodType): Schema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  return rest;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (
  description: string,
  properties: Record<string, Schema> = {},
  required: string[] = [],
): Schema => ({
  type: 'object',
  description,
  properties,
  ...(required.length ? { required } : {}),
});
const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const num = (description?: string): Schema => ({ type: 'number', ...(description ? { description } : {}) });
const nullable = (s: Schema): Schema => ({ oneOf: [s, { type: 'null' }] });
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

const jsonBody = (schema: Schema, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});
const ok = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const download = (type: string, description: string) => ({
  description: `${description} (an attachment)`,
  headers: { 'Content-Disposition': { schema: str('attachment; filename="…"') } },
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: the field at fault and why',
  403: 'A cross-site request, or an unexpected Host header',
  404: 'Not found',
  409: 'Not possible in the current state (no assessment yet, an import running)',
  413: 'The body is larger than the limit',
};
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    [...statuses, 500].map((s) => [
      String(s),
      {
        description: ERROR_TEXT[s] ?? 'Internal error (no details are given)',
        content: { 'application/json': { schema: ref('Error') } },
      },
    ]),
  );

const rangeParams = [
  {
    name: 'from',
    in: 'query',
    required: false,
    description: 'From this date (YYYY-MM-DD, start of the UTC day) or ISO 8601 time',
    schema: str(),
  },
  {
    name: 'to',
    in: 'query',
    required: false,
    description: 'Up to this date (YYYY-MM-DD, end of the UTC day) or ISO 8601 time',
    schema: str(),
  },
];
const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: str(),
});
const queryParam = (name: string, description: string, schema: Schema, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

/** PATCH and DELETE on one diary entry of each kind. */
const diaryEntryPaths = Object.fromEntries(
  (
    [
      ['pain', 'pain check-in', 'PainEditRequest', 'PainCheckin'],
      ['exercise', 'exercise session', 'ExerciseEditRequest', 'ExerciseSession'],
      ['psfs', 'PSFS rating', 'PsfsEditRequest', 'PsfsRating'],
    ] as const
  ).map(([kind, name, request, entry]) => [
    `/api/diary/${kind}/{id}`,
    {
      patch: {
        summary: `Correct a ${name}`,
        description:
          kind === 'pain'
            ? 'Only the fields given change, by the rules of a new check-in; `note: null` removes the note. A new `at` or `timing` links it again to the nearest run.'
            : 'Only the fields given change, by the rules of a new entry.',
        parameters: [idParam(`The ${name}'s id`)],
        requestBody: jsonBody(ref(request)),
        responses: { 200: ok(ref(entry), 'Saved'), ...errors(400, 403, 404, 413) },
      },
      delete: {
        summary: `Delete a ${name}`,
        parameters: [idParam(`The ${name}'s id`)],
        responses: { 200: ok(ref('DiaryDeleted'), 'Deleted'), ...errors(403, 404) },
      },
    },
  ]),
);

const schemas: Record<string, Schema> = {
  Error: obj(
    'Every error response. `code` is bad-input, not-found, conflict, too-large, forbidden or internal.',
    {
      error: obj(
        '',
        { code: str(), message: str('One sentence for people'), field: str('The field at fault') },
        ['code', 'message'],
      ),
    },
    ['error'],
  ),
  Answers: (() => {
    const { $schema: _d, $id: _i, ...rest } = answersJsonSchema();
    return rest;
  })(),
  Assessment: obj(
    "The result of a check-in (as `backstride assess --json`): `triage` (level, reasons, safety net), `care` (where to get help in the runner's country), ranked `factors` with their evidence and sources, and the `plan`; `changes` since the previous saved check-in when there is one.",
    {
      assessedAt: str(),
      triage: obj('Level: emergency, urgent, clinician or self-care, with reasons'),
      care: ref('Care'),
      factors: arrayOf(obj('A likely contributing factor')),
      plan: obj('Sections of cited plan items'),
      changes: obj('Since the previous saved assessment'),
      id: str('The saved assessment (POST /api/assess when it was saved)'),
    },
  ),
  Care: obj(
    "Where to get help in the runner's country (the generic routes, without `country`, when it is not known). An emergency result leads with `emergency.text`, an urgent one with `sameDay.text`.",
    {
      country: str('ISO 3166-1 alpha-2 code; absent when not known'),
      countryName: str('The country in English'),
      specific: {
        type: 'boolean',
        description: 'Whether the country has its own routes (else the generic wording)',
      },
      emergency: obj(
        'The emergency number',
        {
          number: str('e.g. 999, 112, 911, 000, 111'),
          label: str(),
          also: arrayOf(str('Another emergency number that works as well')),
          text: str('e.g. "Call 999 now."'),
        },
        ['number', 'label', 'text'],
      ),
      sameDay: obj(
        'Getting seen today',
        {
          text: str(),
          calls: arrayOf(obj('A number to call', { label: str(), number: str() }, ['label', 'number'])),
        },
        ['text', 'calls'],
      ),
      routine: obj('Booking a physical therapist or doctor', { text: str() }, ['text']),
      source: obj('Where the numbers were checked', {
        checked: str('YYYY-MM-DD'),
        note: str(),
        urls: arrayOf(str()),
      }),
    },
    ['specific', 'emergency', 'sameDay', 'routine'],
  ),
  AssessmentListItem: obj('A saved assessment', { id: str(), createdAt: str('ISO 8601'), level: str() }, [
    'id',
    'createdAt',
    'level',
  ]),
  SavedAssessment: obj('The latest saved assessment', {
    id: str(),
    createdAt: str('ISO 8601'),
    level: str(),
    answers: ref('Answers'),
    result: ref('Assessment'),
  }),
  DueCheckBack: obj(
    "The latest self-care result's check-back while it is unanswered (`backstride check-back --json`)",
    {
      assessmentId: str('The saved assessment whose check-back this is'),
      assessedAt: str('ISO 8601'),
      on: str('The check-back date, YYYY-MM-DD'),
      inDays: num('Days after the check-in'),
      question: str('e.g. "Is it easing?"'),
      why: str('Why this date, in plain words'),
      sources: arrayOf(str()),
      due: { type: 'boolean', description: 'Whether the date has come' },
      overdueDays: num('Whole days past the date (0 before and on it)'),
    },
    ['assessmentId', 'assessedAt', 'on', 'inDays', 'question', 'why', 'sources', 'due', 'overdueDays'],
  ),
  CheckBackRequest: fromZod(CheckBackRequest),
  FormCheckRequest: fromZod(FormCheckRequest),
  FormCheck: {
    allOf: [
      ref('FormCheckRequest'),
      { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    ],
  },
  CheckBackResult: {
    allOf: [
      ref('Assessment'),
      obj('The re-run with the answer, and what was answered', {
        answered: obj(
          'The check-back that was answered',
          {
            assessmentId: str(),
            on: str('YYYY-MM-DD'),
            answer: { type: 'string', enum: ['easing', 'same', 'worse'] },
            answeredAt: str('ISO 8601'),
            resultAssessmentId: str('The saved assessment the re-run produced'),
          },
          ['assessmentId', 'on', 'answer', 'answeredAt', 'resultAssessmentId'],
        ),
      }),
    ],
  },
  KbListItem: obj('A knowledge-base item', { kind: str(), id: str(), name: str() }, ['kind', 'id', 'name']),
  KbHit: obj('A search hit', { kind: str(), id: str(), name: str(), score: num() }),
  KbItem: obj('One item with its kind', { kind: str(), item: obj('The item as stored, with its sources') }),
  ImportAccepted: obj('The import started', { id: str() }, ['id']),
  ImportProgress: obj('Progress of an import', {
    filesDone: num(),
    filesTotal: num(),
    bytesDone: num(),
    bytesTotal: num(),
    runsImported: num(),
  }),
  ImportJob: obj(
    'An import: running, done (with its summary) or failed (with the reason)',
    {
      state: { type: 'string', enum: ['running', 'done', 'failed'] },
      progress: ref('ImportProgress'),
      summary: obj('As `backstride import --json`: imported, duplicates, skipped and failed files'),
      error: obj('Why it failed', { code: str(), message: str() }),
    },
    ['state', 'progress'],
  ),
  Run: obj('A run, as `backstride runs --json`', {
    id: str(),
    startTime: str('ISO 8601'),
    sport: str(),
    name: nullable(str()),
    distanceM: num(),
    elapsedS: nullable(num()),
    movingS: nullable(num()),
    paceSPerKm: nullable(num()),
    elevationGainM: nullable(num()),
    avgHr: nullable(num()),
    maxHr: nullable(num()),
    avgCadenceSpm: nullable(num()),
    maxCadenceSpm: nullable(num()),
    cadenceChangeSpm: nullable(num()),
    paceChangePct: nullable(num()),
    decouplingPct: nullable(num()),
    source: str(),
    sourceFormat: str(),
    device: nullable(str()),
  }),
  RunDetail: {
    allOf: [
      ref('Run'),
      obj('Chart series (at most 600 points; null without samples) and fatigue markers', {
        series: nullable(
          obj('Columns, one entry per point', {
            points: num(),
            t: arrayOf(num('Seconds from the start')),
            distanceM: arrayOf(nullable(num())),
            paceSPerKm: arrayOf(nullable(num())),
            hr: arrayOf(nullable(num())),
            cadenceSpm: arrayOf(nullable(num())),
          }),
        ),
        fatigue: obj('Late-run fatigue markers', {
          cadenceChangeSpm: nullable(num()),
          cadenceChangePct: nullable(num()),
          paceChangeSPerKm: nullable(num()),
          paceChangePct: nullable(num()),
          decouplingPct: nullable(num()),
          coupledBelowPct: num(),
          minDurationS: num(),
        }),
      }),
    ],
  },
  LoadSummary: obj(
    'As `backstride load --json`: days, weeks (distance and change), acute:chronic ratio, monotony, flags and limits',
    { window: ref('AnalysisWindow') },
  ),
  AnalysisWindow: obj(
    'The period covered: it ends today unless `to` is earlier; without `from`, whole weeks up to it. A window without runs says when the newest was and offers that period.',
    {
      from: str('YYYY-MM-DD'),
      to: str('YYYY-MM-DD, never after today'),
      today: str('YYYY-MM-DD'),
      kind: { enum: ['current', 'chosen'] },
      newestRun: str('The newest run on or before `to`, YYYY-MM-DD'),
      stale: { type: 'boolean', description: 'No run in the window, but an earlier one exists' },
      offered: obj('A window of the same length ending on the newest run', { from: str(), to: str() }),
      notice: str('E.g. "Your newest run is from 9 July 2024."'),
    },
  ),
  PlanChangeRequest: fromZod(PlanChangeBody),
  PainRequest: fromZod(PainRequest),
  ExerciseRequest: fromZod(ExerciseRequest),
  PsfsRequest: fromZod(PsfsRequest),
  PainEditRequest: fromZod(PainEditRequest),
  ExerciseEditRequest: fromZod(ExerciseEditRequest),
  PsfsEditRequest: fromZod(PsfsEditRequest),
  DiaryDeleted: obj('A diary entry deleted', { deleted: { type: 'boolean' }, kind: str(), id: str() }),
  PainCheckin: obj('A saved pain check-in (times in epoch ms)', {
    id: str(),
    at: num(),
    regions: arrayOf(str()),
    score: num(),
    timing: str(),
    note: str(),
    runId: str('The run it is about, when one is near'),
  }),
  ExerciseSession: obj('A saved exercise session', {
    id: str(),
    at: num(),
    items: arrayOf(str()),
    note: str(),
    feeling: str('easy, about-right or hard (a guided session)'),
    painDuring: num('0–10 (a guided session)'),
    planned: num('exercises the guided session had; more than `items` means it stopped early'),
  }),
  PsfsRating: obj('A saved PSFS rating', { id: str(), at: num(), activity: str(), score: num() }),
  Diary: obj('The diary over a range, oldest first', {
    pain: arrayOf(ref('PainCheckin')),
    exercise: arrayOf(ref('ExerciseSession')),
    psfs: arrayOf(ref('PsfsRating')),
  }),
  TriggerReport: obj(
    'As `backstride insights --json`: findings with verdicts and uncertainty, summary, caveats',
    {
      window: ref('AnalysisWindow'),
      notEnoughData: obj('The findings without data, said once', {
        ids: arrayOf(str()),
        message: str(),
      }),
    },
  ),
  Progress: obj('As `backstride progress --json`', {
    nprs: obj('Numeric pain rating against its minimal important change'),
    psfs: obj('Patient-Specific Functional Scale, when rated'),
    advice: obj('Keep going, or see a clinician, and why'),
    adherence: arrayOf(obj('A week of the plan', { weekStart: str(), scheduled: num(), done: num() })),
  }),
  PlanWeek: obj('As `backstride plan --json`: the schedule, the dose decisions and the week as text', {
    schedule: obj('The week, day by day'),
    today: str('The runner’s today, YYYY-MM-DD'),
    decisions: arrayOf(
      obj('A dose decision', {
        id: str(),
        name: str(),
        change: str(),
        reason: str('The decision in a sentence'),
        because: str('Why, as the clause after the colon'),
        dose: str(),
      }),
    ),
    changes: arrayOf(
      obj('A swap or drop, by the runner or for their equipment', {
        exercise: str('The exercise the plan was built with'),
        name: str(),
        action: { enum: ['swap', 'drop'] },
        replacement: obj('The exercise in its place', { id: str(), name: str() }),
        by: { enum: ['you', 'equipment'] },
        at: str(),
        text: str('The change in a sentence'),
      }),
    ),
    swaps: obj('Per exercise id of the strength and mobility programme: what it may be swapped for', {}),
    doseNotes: arrayOf(
      obj('The dose decisions in sentences; one names every exercise kept for the same reason', {
        exercises: arrayOf(str()),
        text: str(),
      }),
    ),
    doneToday: arrayOf(str('An exercise or routine id logged today')),
    text: str(),
    checkBack: ref('DueCheckBack'),
  }),
  Backup: obj('A full export (`backstride export`): format, version, exportedAt and every table', {
    format: { const: 'backstride-backup' },
    version: num('4 (1 to 3, from before later tables and columns, still restore)'),
    exportedAt: str(),
    tables: obj('Rows per table'),
  }),
  RestoreCounts: obj('Rows restored per table', {
    runs: num(),
    assessments: num(),
    pain_checkins: num(),
    exercise_sessions: num(),
    psfs_ratings: num(),
    check_backs: num(),
  }),
};

/**
 * The OpenAPI 3.1 document of the API.
 * @example GET /api/openapi.json
 */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Backstride API',
      version,
      description:
        'The local JSON API behind the Backstride web app: the same core and shapes as the command line’s `--json` output. It listens on localhost; requests that change data must come from the same origin. Not a diagnosis.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Is the server up',
          responses: { 200: ok(obj('', { ok: { const: true }, version: str() })) },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: ok({ type: 'object' }) } } },
      '/api/schema/answers': {
        get: { summary: 'The JSON Schema of check-in answers', responses: { 200: ok({ type: 'object' }) } },
      },
      '/api/assess': {
        post: {
          summary: 'Run a check-in: triage, likely factors and plan',
          parameters: [
            queryParam('save', 'Store this assessment (default true)', {
              type: 'string',
              enum: ['true', 'false'],
            }),
            queryParam(
              'country',
              "The runner's country for `care` (ISO 3166-1 alpha-2, any case, e.g. GB, US, AU); default: the server's `--country` or locale. Not a country code: 400 with field `country`.",
              { type: 'string', pattern: '^[A-Za-z]{2}$' },
            ),
          ],
          requestBody: jsonBody(ref('Answers'), 'The answers (see /api/schema/answers)'),
          responses: { 200: ok(ref('Assessment')), ...errors(400, 413) },
        },
      },
      '/api/assessments': {
        get: {
          summary: 'Saved assessments, oldest first',
          responses: { 200: ok(arrayOf(ref('AssessmentListItem'))), ...errors() },
        },
      },
      '/api/assessments/latest': {
        get: {
          summary: 'The latest saved assessment, or null before the first check-in',
          responses: { 200: ok({ oneOf: [ref('SavedAssessment'), { type: 'null' }] }), ...errors() },
        },
      },
      '/api/assessments/{id}': {
        delete: {
          summary: 'Withdraw an emergency or urgent result answered by mistake',
          description:
            'Only the latest saved assessment, only an emergency or urgent one, only within 30 minutes of the check-in, and never one that answered a check-back; otherwise 409 and it is kept.',
          parameters: [idParam('The saved assessment')],
          responses: { 204: { description: 'Withdrawn: no longer in the history' }, ...errors(404, 409) },
        },
      },
      '/api/check-back': {
        get: {
          summary:
            "The latest self-care result's check-back while it is unanswered, due or not yet (null when there is none)",
          responses: { 200: ok(nullable(ref('DueCheckBack'))), ...errors() },
        },
        post: {
          summary: 'Answer the check-back: is it easing? The check-in is run again with the answer and saved',
          description:
            'The saved answers, dated now, with `pain.trend` better, same or worse, `pain.triedSelfCare` true and `pain.daysSinceStart` moved on; the same triage rules decide the new level. 409 when there is no check-back to answer.',
          requestBody: jsonBody(ref('CheckBackRequest')),
          responses: { 200: ok(ref('CheckBackResult')), ...errors(400, 403, 409, 413) },
        },
      },
      '/api/form-checks': {
        get: {
          summary: 'Saved running-form checks, oldest first (measures and findings; key frames if kept)',
          responses: { 200: ok(arrayOf(ref('FormCheck'))), ...errors() },
        },
        post: {
          summary: 'Save the measures and findings of a clip analysed on the device (never the video)',
          description:
            'Unknown fields are refused; key frames are optional small JPEG or PNG pictures (at most 6), saved only when the runner chooses.',
          requestBody: jsonBody(ref('FormCheckRequest')),
          responses: { 201: ok(ref('FormCheck'), 'Saved'), ...errors(400, 403, 413) },
        },
      },
      '/api/form-checks/{id}': {
        delete: {
          summary: 'Delete one saved form check',
          parameters: [idParam('A form check id')],
          responses: { 204: { description: 'Deleted' }, ...errors(404) },
        },
      },
      '/api/kb': {
        get: {
          summary: 'Knowledge-base items, optionally of one kind',
          parameters: [
            queryParam('kind', 'One kind of item (all kinds without it)', {
              type: 'string',
              enum: Object.keys(collectionByKind),
            }),
            queryParam('full', 'true adds each item’s whole record as `item`', {
              type: 'string',
              enum: ['true', 'false'],
            }),
          ],
          responses: { 200: ok(arrayOf(ref('KbListItem'))), ...errors(400) },
        },
      },
      '/api/kb/search': {
        get: {
          summary: 'Search names, aliases and text',
          parameters: [
            queryParam('q', 'Words to search for', str(), true),
            queryParam('limit', 'Most hits (1–100, default 20)', { type: 'integer' }),
          ],
          responses: { 200: ok(arrayOf(ref('KbHit'))), ...errors(400) },
        },
      },
      '/api/kb/items/{id}': {
        get: {
          summary: 'One item by id (plain, or kind:id when ambiguous)',
          parameters: [idParam('e.g. superman or exercise:superman')],
          responses: { 200: ok(ref('KbItem')), ...errors(400, 404) },
        },
      },
      '/api/imports': {
        post: {
          summary: 'Upload activity files to import in the background',
          description:
            'FIT, GPX, TCX (gzip’d or not), zips, and Strava or Garmin export zips, as one or more `file` fields. Poll the returned id.',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: obj('', { file: arrayOf({ type: 'string', format: 'binary' }) }, ['file']),
              },
            },
          },
          responses: {
            202: {
              ...ok(ref('ImportAccepted'), 'Accepted: the import runs in the background'),
              headers: { Location: { schema: str() } },
            },
            ...errors(400, 403, 413),
          },
        },
      },
      '/api/imports/{id}': {
        get: {
          summary: 'An import’s progress and, when done, its summary',
          parameters: [idParam('From POST /api/imports')],
          responses: { 200: ok(ref('ImportJob')), ...errors(404) },
        },
      },
      '/api/runs': {
        get: {
          summary: 'Stored runs, oldest first',
          parameters: rangeParams,
          responses: { 200: ok(arrayOf(ref('Run'))), ...errors(400) },
        },
      },
      '/api/runs/{id}': {
        get: {
          summary: 'One run with chart series and fatigue markers',
          parameters: [idParam('A run id')],
          responses: { 200: ok(ref('RunDetail')), ...errors(404) },
        },
      },
      '/api/load': {
        get: {
          summary: 'Training load over a range',
          parameters: rangeParams,
          responses: { 200: ok(ref('LoadSummary')), ...errors(400) },
        },
      },
      '/api/diary': {
        get: {
          summary: 'The diary over a range',
          parameters: rangeParams,
          responses: { 200: ok(ref('Diary')), ...errors(400) },
        },
      },
      '/api/diary/pain': {
        post: {
          summary: 'Log a pain check-in (linked to the nearest run)',
          requestBody: jsonBody(
            ref('PainRequest'),
            '`at`: YYYY-MM-DD, ISO 8601 or epoch ms; never in the future. `id`: an optional UUID made by the client: the same id sent again answers 200 with the stored check-in and writes nothing; with different content, 409',
          ),
          responses: {
            200: ok(ref('PainCheckin'), 'Already stored under this id'),
            201: ok(ref('PainCheckin'), 'Saved'),
            ...errors(400, 403, 409, 413),
          },
        },
      },
      '/api/diary/exercise': {
        post: {
          summary: 'Log plan items done (exercise or routine ids)',
          description:
            'The same items (and note) logged again within 10 s of a stored session are that session: 200 with it, nothing written. With a client-made `id` (a UUID) the id decides: sent again it answers 200 with the stored session; with different content, 409. `feeling` and `painDuring` come from the end of a guided session, `planned` says how many exercises it had.',
          requestBody: jsonBody(ref('ExerciseRequest')),
          responses: {
            200: ok(ref('ExerciseSession'), 'Already logged: the stored session'),
            201: ok(ref('ExerciseSession'), 'Saved'),
            ...errors(400, 403, 409, 413),
          },
        },
      },
      ...diaryEntryPaths,
      '/api/diary/psfs': {
        post: {
          summary: 'Log Patient-Specific Functional Scale ratings',
          requestBody: jsonBody(ref('PsfsRequest')),
          responses: { 201: ok(arrayOf(ref('PsfsRating')), 'Saved'), ...errors(400, 403, 413) },
        },
      },
      '/api/insights': {
        get: {
          summary: 'Personal triggers over a window (default the 52 weeks that end today)',
          parameters: rangeParams,
          responses: { 200: ok(ref('TriggerReport')), ...errors(400) },
        },
      },
      '/api/progress': {
        get: {
          summary: 'Outcome measures and plan adherence',
          responses: { 200: ok(ref('Progress')), ...errors() },
        },
      },
      '/api/plan': {
        get: { summary: 'This week of the plan', responses: { 200: ok(ref('PlanWeek')), ...errors(409) } },
      },
      '/api/plan/changes': {
        post: {
          summary: 'Swap an exercise of the plan for another that addresses the same factors, or drop one',
          description:
            'Exercises by id or name. A swap’s replacement must be one of the exercise’s `swaps` in `GET /api/plan`. The change is kept across check-ins until restored.',
          requestBody: jsonBody(ref('PlanChangeRequest')),
          responses: { 200: ok(ref('PlanWeek')), ...errors(400, 403, 409, 413) },
        },
        delete: {
          summary: 'Restore the plan as built: undo every swap and drop',
          responses: { 200: ok(ref('PlanWeek')), ...errors(403, 409) },
        },
      },
      '/api/plan/changes/{exercise}': {
        delete: {
          summary: 'Undo the swap or drop of one exercise (by id or name)',
          parameters: [
            {
              name: 'exercise',
              in: 'path',
              required: true,
              schema: str(),
              description: 'An exercise id or name',
            },
          ],
          responses: { 200: ok(ref('PlanWeek')), ...errors(400, 403, 409) },
        },
      },
      '/api/plan.ics': {
        get: {
          summary: 'The plan as an iCalendar file',
          parameters: [
            queryParam('weeks', 'Weeks the calendar repeats for (1–52, default 6)', { type: 'integer' }),
            queryParam('time', 'Session time as HH:MM (24-hour); without it the events are all-day', {
              type: 'string',
              pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
            }),
            queryParam(
              'remind',
              'Reminder on every event: minutes before the session time (0–1440, 0 = at it; default 30) or off; all-day events are reminded at 9:00',
              { type: 'string' },
            ),
          ],
          responses: { 200: download('text/calendar', 'The calendar'), ...errors(400, 409) },
        },
      },
      '/api/report': {
        get: {
          summary: 'The clinician report',
          parameters: [
            queryParam('format', 'html (default) or pdf (needs Chromium; 400 without it)', {
              type: 'string',
              enum: ['html', 'pdf'],
            }),
            queryParam('units', 'km or mi (default: $BACKSTRIDE_UNITS or km)', {
              type: 'string',
              enum: ['km', 'mi'],
            }),
            ...rangeParams,
            queryParam('exercises', '1 adds every exercise card with its instructions (several pages)', {
              type: 'string',
              enum: ['1', '0', 'true', 'false'],
            }),
            queryParam(
              'download',
              '1 sends the report as a file to save; without it, it is shown in the tab',
              {
                type: 'string',
                enum: ['1', '0', 'true', 'false'],
              },
            ),
          ],
          responses: {
            200: {
              description:
                'The report over one period (default the 12 weeks that end today), shown inline or, with download=1, as an attachment',
              content: {
                'text/html': { schema: { type: 'string' } },
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
              },
            },
            ...errors(400),
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'Everything, to keep or move',
          parameters: [
            queryParam('format', 'json (default; restorable) or csv (a zip, one CSV per table)', {
              type: 'string',
              enum: ['json', 'csv'],
            }),
          ],
          responses: {
            200: {
              description: 'The export (an attachment)',
              content: {
                'application/json': { schema: ref('Backup') },
                'application/zip': { schema: { type: 'string', format: 'binary' } },
              },
            },
            ...errors(400),
          },
        },
      },
      '/api/backup': {
        post: {
          summary: 'Restore a JSON export exactly',
          parameters: [
            queryParam('replace', 'Delete the current data first (default false: only into an empty store)', {
              type: 'string',
              enum: ['true', 'false'],
            }),
          ],
          requestBody: jsonBody(ref('Backup')),
          responses: { 200: ok(ref('RestoreCounts')), ...errors(400, 403, 409, 413) },
        },
      },
      '/api/data': {
        delete: {
          summary: 'Delete every run, assessment and diary entry',
          requestBody: jsonBody(obj('Type DELETE to confirm', { confirm: { const: 'DELETE' } }, ['confirm'])),
          responses: { 200: ok(obj('', { deleted: { const: true } })), ...errors(400, 403, 409) },
        },
      },
    },
    components: { schemas },
  };
}

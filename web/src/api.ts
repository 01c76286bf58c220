/**
 * The HTTP API, typed. Every failure becomes an `ApiError` carrying the server's code, field and sentence
 * (`{ error: { code, field?, message } }`), or a plain sentence when the server could not be reached.
 */

import { FROM_CACHE_HEADER } from '../service-worker/routes.js';
import { getCountry } from './country.js';
import { reportReachable } from './offline/connectivity.js';
import type {
  AnalysisWindow,
  Answers,
  Assessment,
  DiaryJson,
  DueCheckBack,
  Exercise,
  ExerciseSession,
  FormCheckInput,
  ImportStatus,
  KbHit,
  KbListItem,
  LoadSummary,
  PainCheckin,
  PlanWeekJson,
  ProgressJson,
  PsfsRating,
  RunDetail,
  RunJson,
  SavedFormCheck,
  Schedule,
  Source,
  TriggerReport,
} from './types.js';

/** A chosen period: `YYYY-MM-DD` days, either end open. */
export type Period = { from?: string | undefined; to?: string | undefined };

/** `?from=…&to=…` for the ends that are set. */
function query(period: Period): string {
  const q = new URLSearchParams();
  if (period.from) q.set('from', period.from);
  if (period.to) q.set('to', period.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; field?: string; message?: string } };

async function failure(res: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  const message =
    e?.message ?? (res.status === 404 ? 'Not found.' : `The server could not do that (HTTP ${res.status}).`);
  return new ApiError(res.status, e?.code ?? `http-${res.status}`, message, e?.field);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    reportReachable(false);
    throw new ApiError(0, 'offline', 'Could not reach the Backstride server. Is `backstride serve` running?');
  }
  // The service worker answers from its copy when the server cannot be reached; a proxy in front (Vite's
  // in development) answers 502-504.
  reportReachable(!res.headers.has(FROM_CACHE_HEADER) && !(res.status >= 502 && res.status <= 504));
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);

/** `POST /api/assess` answers with `{...result, changes}`, `GET latest` may wrap the result: unwrap both. */
function asAssessment(doc: unknown): Assessment {
  const d = doc as { triage?: unknown; result?: Assessment; assessment?: Assessment };
  if (d.triage) return doc as Assessment;
  if (d.result?.triage) return d.result;
  if (d.assessment?.triage) return d.assessment;
  throw new ApiError(500, 'bad-response', 'The server sent a result this page cannot read.');
}

/** Lists may come bare or wrapped (`{ items: [...] }`). */
function asList<T>(doc: unknown, ...keys: string[]): T[] {
  if (Array.isArray(doc)) return doc as T[];
  const d = doc as Record<string, unknown>;
  for (const k of [...keys, 'items', 'data']) if (Array.isArray(d?.[k])) return d[k] as T[];
  return [];
}

const kbItemCache = new Map<string, Promise<{ kind: string; item: Record<string, unknown> }>>();
let exercisesCache: Promise<Exercise[]> | undefined;

export const api = {
  health: () => get<{ ok?: boolean; status?: string }>('/api/health'),
  answersSchema: () => get<Record<string, unknown>>('/api/schema/answers'),

  /** The runner's country (Settings, else the browser's language) picks the care routes. */
  assess: async (answers: Answers, save = true) => {
    const query = new URLSearchParams();
    if (!save) query.set('save', 'false');
    const country = getCountry();
    if (country) query.set('country', country);
    const q = query.toString();
    return asAssessment(await post<unknown>(`/api/assess${q ? `?${q}` : ''}`, answers));
  },
  /** Withdraw the latest emergency or urgent result, answered by mistake (204; 409 when it is kept). */
  withdrawAssessment: (id: string) => request<void>('DELETE', `/api/assessments/${encodeURIComponent(id)}`),
  latestAssessment: async (): Promise<Assessment | undefined> => {
    const latest = await get<unknown>('/api/assessments/latest');
    return latest === null ? undefined : asAssessment(latest);
  },

  /** The self-care result's check-back while it is unanswered, due or not yet; null when there is none. */
  checkBack: () => get<DueCheckBack | null>('/api/check-back'),
  /** Answer it: the check-in is run again with the answer, and the new result comes back. */
  answerCheckBack: async (answer: 'easing' | 'same' | 'worse') =>
    asAssessment(await post<unknown>('/api/check-back', { answer })),

  kbList: async (kind: string) => asList<KbListItem>(await get(`/api/kb?kind=${encodeURIComponent(kind)}`)),
  /** Every source the knowledge base cites, with its title and publisher. */
  sources: async () =>
    asList<{ item: Source }>(await get('/api/kb?kind=source&full=true')).map((x) => x.item),
  kbSearch: async (q: string) =>
    asList<KbHit>(await get(`/api/kb/search?q=${encodeURIComponent(q)}`), 'hits'),
  kbItem: (id: string) => {
    let p = kbItemCache.get(id);
    if (!p) {
      p = get<{ kind: string; item: Record<string, unknown> }>(`/api/kb/items/${encodeURIComponent(id)}`);
      p.catch(() => kbItemCache.delete(id));
      kbItemCache.set(id, p);
    }
    return p;
  },
  /** Every exercise in full. The list may carry whole items or only ids and names; fetch the rest. */
  exercises: () => {
    exercisesCache ??= (async () => {
      // One request: the list with each exercise's whole record.
      const list = asList<KbListItem>(await get('/api/kb?kind=exercise&full=true'));
      const full = await Promise.all(
        list.map(async (x) => {
          const item = x as unknown as Partial<Exercise> & { item?: Exercise };
          if (item.steps && item.positions) return item as Exercise;
          if (item.item?.steps) return item.item;
          return (await api.kbItem(`exercise:${x.id}`)).item as unknown as Exercise;
        }),
      );
      return full;
    })();
    exercisesCache.catch(() => {
      exercisesCache = undefined;
    });
    return exercisesCache;
  },

  /** Stored runs, oldest first; `from` (a date or ISO time) leaves out older ones. */
  runs: async (range: { from?: string } = {}) =>
    asList<RunJson>(
      await get(range.from ? `/api/runs?from=${encodeURIComponent(range.from)}` : '/api/runs'),
      'runs',
    ),
  run: (id: string) => get<RunDetail>(`/api/runs/${encodeURIComponent(id)}`),
  importStatus: (id: string) => get<ImportStatus>(`/api/imports/${encodeURIComponent(id)}`),
  /** The load over a period (default the 52 weeks that end today), with the window it covers. */
  load: (period: Period = {}) => get<LoadSummary & { window?: AnalysisWindow }>(`/api/load${query(period)}`),

  diary: () => get<DiaryJson>('/api/diary'),
  /** Log a diary entry of any kind (the offline queue's way in; pages use `postOrQueue`). */
  postDiary: (kind: 'pain' | 'exercise' | 'psfs', entry: Record<string, unknown>) =>
    post<unknown>(`/api/diary/${kind}`, entry),
  logPain: (entry: { score: number; regions: string[]; timing?: string; at?: number; note?: string }) =>
    post<PainCheckin>('/api/diary/pain', entry),
  logExercise: (entry: { items: string[]; at?: number }) =>
    post<ExerciseSession>('/api/diary/exercise', entry),
  logPsfs: (entry: { ratings: { activity: string; score: number }[]; at?: number }) =>
    post<PsfsRating[]>('/api/diary/psfs', entry),
  /** Correct a diary entry: only the fields given change; `note: null` removes the note. */
  editPain: (
    id: string,
    changes: { score?: number; regions?: string[]; timing?: string; at?: number; note?: string | null },
  ) => request<PainCheckin>('PATCH', `/api/diary/pain/${encodeURIComponent(id)}`, changes),
  editExercise: (id: string, changes: { items?: string[]; at?: number; note?: string | null }) =>
    request<ExerciseSession>('PATCH', `/api/diary/exercise/${encodeURIComponent(id)}`, changes),
  editPsfs: (id: string, changes: { activity?: string; score?: number; at?: number }) =>
    request<PsfsRating>('PATCH', `/api/diary/psfs/${encodeURIComponent(id)}`, changes),
  /** Delete one diary entry (also what "Undo" after logging does). */
  deleteDiaryEntry: (kind: 'pain' | 'exercise' | 'psfs', id: string) =>
    request<unknown>('DELETE', `/api/diary/${kind}/${encodeURIComponent(id)}`),

  /** The triggers over a period (default the 52 weeks that end today), with the window it covers. */
  /** Triggers over a period; distances and paces in the findings' words in `units`. */
  insights: (period: Period = {}, units: 'km' | 'mi' = 'km') => {
    const q = query(period);
    return get<TriggerReport & { window?: AnalysisWindow }>(
      `/api/insights${q}${units === 'mi' ? `${q ? '&' : '?'}units=mi` : ''}`,
    );
  },
  progress: () => get<ProgressJson>('/api/progress'),
  /** The week; `undefined` when there is no assessment yet (409). */
  plan: async (): Promise<PlanWeekJson | undefined> => {
    try {
      const doc = await get<PlanWeekJson | Schedule>('/api/plan');
      return 'schedule' in doc ? doc : { schedule: doc };
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) return undefined;
      throw e;
    }
  },
  /** Swap an exercise of the plan for another, or drop one; answers with the week as it is now. */
  changePlan: (
    change: { action: 'swap'; exercise: string; replacement: string } | { action: 'drop'; exercise: string },
  ) => post<PlanWeekJson>('/api/plan/changes', change),
  /** Undo the change of one exercise (the one the plan was built with), or every change. */
  restorePlan: (exercise?: string) =>
    request<PlanWeekJson>(
      'DELETE',
      exercise === undefined ? '/api/plan/changes' : `/api/plan/changes/${encodeURIComponent(exercise)}`,
    ),
  deleteAll: () => request<unknown>('DELETE', '/api/data', { confirm: 'DELETE' }),

  /** Saved form checks (measures and findings from a clip analysed on the device; never the video). */
  formChecks: async () => asList<SavedFormCheck>(await get('/api/form-checks'), 'checks'),
  saveFormCheck: (check: FormCheckInput) => post<SavedFormCheck>('/api/form-checks', check),
  deleteFormCheck: (id: string) => request<void>('DELETE', `/api/form-checks/${encodeURIComponent(id)}`),
};

/**
 * Upload files as multipart `file` fields with upload progress (fetch cannot report it; XHR can).
 * Resolves with the import id the server answers 202 with.
 */
export function uploadFiles(
  files: File[],
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<{ id: string }>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ id: string }>((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    xhr.open('POST', '/api/imports');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      const body = xhr.response as ({ id?: string } & ErrorBody) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve({ id: body.id });
      else
        reject(
          new ApiError(
            xhr.status,
            body?.error?.code ?? `http-${xhr.status}`,
            body?.error?.message ?? `The upload was refused (HTTP ${xhr.status}).`,
            body?.error?.field,
          ),
        );
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'offline', 'The upload failed: the server could not be reached.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

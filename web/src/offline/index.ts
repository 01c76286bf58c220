/**
 * Offline use, the app's side: the diary queue over localStorage, `postOrQueue` for every page that
 * logs, the sync that sends what waits (at start, when the browser is back online, when any request
 * reaches the server again, and every 15 s while something waits or the server is unreachable), and
 * the registration of the service worker.
 *
 * localStorage rather than IndexedDB: the queue is a few small entries read and written whole, its
 * synchronous writes are done before "Saved on this device" is shown, and it needs no library. (Only
 * a background sync from the worker would need IndexedDB, and that works in Chromium alone.)
 */
import { useEffect, useState } from 'preact/hooks';
import { DATA_CACHE } from '../../service-worker/routes.js';
import { ApiError, api } from '../api.js';
import type { ExerciseSession, PainCheckin, PsfsRating } from '../types.js';
import { isOffline, onConnectivity } from './connectivity.js';
import { type DiaryKind, DiaryQueue, type FailureKind, type PostOutcome, type QueuedEntry } from './queue.js';

export type { DiaryKind, PostOutcome, QueuedEntry, RefusedEntry } from './queue.js';

/** What the runner is told when an entry is kept on the device. */
export const QUEUED_MESSAGE = 'Saved on this device; it will be sent when Backstride is reachable.';

const STORAGE_KEY = 'backstride.offline-queue';
const RETRY_MS = 15_000;

/** What each kind of entry takes (as the API's POST does) and what the server answers with. */
export type DiaryBodies = {
  pain: { score: number; regions: string[]; timing?: string; note?: string; at?: number; id?: string };
  exercise: {
    items: string[];
    note?: string;
    at?: number;
    /** A guided session's feedback. */
    feeling?: string;
    painDuring?: number;
    planned?: number;
    id?: string;
  };
  psfs: { ratings: { activity: string; score: number }[]; at?: number; id?: string };
};
export type DiarySaved = { pain: PainCheckin; exercise: ExerciseSession; psfs: PsfsRating[] };

function classify(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'failed';
  // 502-504: a proxy in front (Vite's in development) could not reach the server.
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504)
    return 'unreachable';
  return error.status >= 400 && error.status < 500 ? 'refused' : 'failed';
}

export const diaryQueue = new DiaryQueue({
  storage: {
    read: () => localStorage.getItem(STORAGE_KEY),
    write: (text) => localStorage.setItem(STORAGE_KEY, text),
  },
  send: (kind, body) => api.postDiary(kind, body),
  classify,
  messageOf: (e) => (e instanceof ApiError ? e.message : 'The server did not accept it.'),
  newId: () => crypto.randomUUID(),
  now: () => Date.now(),
  exclusive: async <T>(task: () => Promise<T>): Promise<T> => {
    if (!navigator.locks) return task();
    let result: { value: T } | undefined;
    await navigator.locks.request('backstride-diary-queue', async () => {
      result = { value: await task() };
    });
    return (result as { value: T }).value;
  },
});

/**
 * Log a diary entry: sent now when the server answers, else kept on this device and sent later, once
 * (the entry carries an id made here). Rejects like the API for a refusal (bad input) or a server
 * failure; on `queued`, tell the runner {@link QUEUED_MESSAGE}.
 * @example
 * const r = await postOrQueue('exercise', { items: ['plank', 'bird-dog'] });
 * if (r.status === 'queued') say(QUEUED_MESSAGE); else undoWith(r.saved.id);
 */
export function postOrQueue<K extends DiaryKind>(
  kind: K,
  body: DiaryBodies[K],
): Promise<PostOutcome<DiarySaved[K]>> {
  return diaryQueue.post<DiarySaved[K]>(kind, body);
}

/**
 * Undo a logging: out of the queue if it is still waiting, else the stored entry by its id (or the ids
 * the server answered with, for ratings).
 */
export async function undoLogged(kind: DiaryKind, outcome: PostOutcome<unknown>): Promise<void> {
  if (outcome.status === 'queued' && diaryQueue.remove(outcome.id)) return;
  const saved = outcome.status === 'sent' ? outcome.saved : undefined;
  const ids = Array.isArray(saved)
    ? saved.map((s: { id: string }) => s.id)
    : [(saved as { id?: string } | undefined)?.id ?? outcome.id];
  for (const id of ids) await api.deleteDiaryEntry(kind, id);
}

let sentTotal = 0;
let lastSent: { count: number; at: number } | undefined;

async function flush(): Promise<void> {
  const report = await diaryQueue.flush();
  if (report.sent.length > 0) {
    sentTotal += report.sent.length;
    lastSent = { count: report.sent.length, at: Date.now() };
    diaryQueue.changed();
  }
}

/** One try: send what waits, or, with nothing waiting, ask the server whether it is back. */
async function tick(): Promise<void> {
  if (diaryQueue.entries().length > 0) return flush();
  if (isOffline()) await api.health().catch(() => undefined);
}

let started = false;

/** Start sending queued entries (once per page). */
export function startOfflineSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void tick());
  // Another tab changed the queue.
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) diaryQueue.changed();
  });
  onConnectivity((offline) => {
    if (!offline && diaryQueue.entries().length > 0) void flush();
  });
  setInterval(() => {
    if (isOffline() || diaryQueue.entries().length > 0) void tick();
  }, RETRY_MS);
  void tick();
}

/** Send now (the banner's "Try now"). */
export const retryNow = (): Promise<void> => tick();

/** Forget the queue and the cached copies of the data (after "Delete all my data"). */
export async function forgetOfflineData(): Promise<void> {
  diaryQueue.clear();
  if (typeof caches !== 'undefined') await caches.delete(DATA_CACHE);
}

export type OfflineState = {
  offline: boolean;
  queued: QueuedEntry[];
  refused: ReturnType<DiaryQueue['refused']>;
  /** Entries sent from the queue by this page so far (a page reloads its list when it grows). */
  sentTotal: number;
  lastSent: typeof lastSent;
};

const snapshot = (): OfflineState => ({
  offline: isOffline(),
  queued: diaryQueue.entries(),
  refused: diaryQueue.refused(),
  sentTotal,
  lastSent,
});

/** The offline state, re-rendering on every change. */
export function useOfflineState(): OfflineState {
  const [state, setState] = useState(snapshot);
  useEffect(() => {
    const update = () => setState(snapshot());
    const offConnectivity = onConnectivity(update);
    const offQueue = diaryQueue.subscribe(update);
    update();
    return () => {
      offConnectivity();
      offQueue();
    };
  }, []);
  return state;
}

/**
 * The reads of the offline pages, exactly as the pages ask for them (the worker keeps its copy by URL):
 * the plan, the exercise library with its factor names and sources, the diary and progress.
 */
export const OFFLINE_READS = [
  '/api/plan',
  '/api/kb?kind=exercise&full=true',
  '/api/kb?kind=factor',
  '/api/kb?kind=source&full=true',
  '/api/diary',
  '/api/progress',
];

/**
 * Fetch the offline pages' data once through the worker, so its copy is there even for a page the
 * runner has not opened yet. Failures do not matter: the page's own visit fills the copy too.
 */
function warmOfflineCopy(): void {
  for (const path of OFFLINE_READS)
    void fetch(path, { headers: { accept: 'application/json' } }).catch(() => undefined);
}

/**
 * Register the service worker after the page has loaded, in a production build only. When it first
 * takes control of the page (just installed), it is given the offline pages' data to keep.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', warmOfflineCopy, { once: true });
  }
  const register = () => {
    // Without it the app still works while the server runs: nothing to tell the runner.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * What the service worker does with each request, as a plain function the worker and its tests share.
 * Only GETs of this origin are ever answered from a cache: the built app (cache first; its files are
 * named by content), page loads (the network, else the cached app when the server cannot be reached)
 * and the few API reads the offline pages need (the network, else the last copy). Everything else, and
 * every write, goes to the network untouched, so downloads such as the export or the clinician report
 * are never stored.
 */

/** Every cache the worker makes starts with this; anything else on the origin is not ours to delete. */
export const CACHE_PREFIX = 'backstride-';
/** The last copy of the API reads below. One name across versions, so an update keeps it. */
export const DATA_CACHE = `${CACHE_PREFIX}data`;
/** A response the worker answered from {@link DATA_CACHE} because the server could not be reached. */
export const FROM_CACHE_HEADER = 'x-backstride-from-cache';

/**
 * The API reads kept for offline use: the plan, the exercise library (lists, search and items), the
 * diary and progress. Not the export, the report, backups, runs or assessments.
 */
const OFFLINE_READS: readonly RegExp[] = [
  /^\/api\/plan$/,
  /^\/api\/kb$/,
  /^\/api\/kb\/search$/,
  /^\/api\/kb\/items\/[^/]+$/,
  /^\/api\/diary$/,
  /^\/api\/progress$/,
];

/**
 * - `pass`: not touched (the browser fetches it as if there were no worker);
 * - `shell`: a page load: the network, else the cached app;
 * - `precached`: a file of the built app: the cache, else the network;
 * - `data`: an API read: the network (keeping a copy), else the last copy.
 */
export type Strategy = 'pass' | 'shell' | 'precached' | 'data';

export type RequestFacts = { method: string; url: string; mode?: string };

/**
 * The strategy for a request.
 * @example strategyFor({ method: 'GET', url: 'http://127.0.0.1:4640/api/plan' }, 'http://127.0.0.1:4640', new Set()) // 'data'
 */
export function strategyFor(req: RequestFacts, origin: string, precached: ReadonlySet<string>): Strategy {
  if (req.method !== 'GET') return 'pass';
  const url = new URL(req.url);
  if (url.origin !== origin) return 'pass';
  const path = url.pathname;
  if (path === '/api' || path.startsWith('/api/')) {
    return OFFLINE_READS.some((r) => r.test(path)) ? 'data' : 'pass';
  }
  if (req.mode === 'navigate') return 'shell';
  return precached.has(path) ? 'precached' : 'pass';
}

/** The cache's name for one build of the app: old ones are deleted when a new worker takes over. */
export const shellCacheName = (version: string) => `${CACHE_PREFIX}shell-${version}`;

/** The caches a worker of `version` deletes on taking over: ours, but neither its shell nor the data. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const keep = new Set([shellCacheName(version), DATA_CACHE]);
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && !keep.has(n));
}

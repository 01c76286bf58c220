/**
 * The service worker: keeps the built app and the last copy of the offline pages' data on this device,
 * so the plan, the session player, the exercise library and the diary open while the server is stopped.
 * The build (vite-plugin.ts) fills in the list of files and a version that changes with every build.
 * Nothing here talks to any host but this one; writes are never cached (the app queues them).
 */
import { DATA_CACHE, FROM_CACHE_HEADER, shellCacheName, staleCaches, strategyFor } from './routes.js';

declare const self: ServiceWorkerGlobalScope;
declare const __BACKSTRIDE_VERSION__: string;
declare const __BACKSTRIDE_PRECACHE__: string[];

const SHELL_CACHE = shellCacheName(__BACKSTRIDE_VERSION__);
const PRECACHED = new Set(__BACKSTRIDE_PRECACHE__);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // `reload`: the browser's HTTP cache may hold an older index.html.
      await cache.addAll(__BACKSTRIDE_PRECACHE__.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), __BACKSTRIDE_VERSION__)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// A reminder shown through this worker (phones allow no other way): a tap opens the app where it says.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = typeof event.notification.data?.path === 'string' ? event.notification.data.path : '/';
  event.waitUntil(
    (async () => {
      const url = new URL(`/#${path}`, self.location.origin).href;
      const open = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))[0];
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => undefined);
      } else await self.clients.openWindow(url);
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const strategy = strategyFor(req, self.location.origin, PRECACHED);
  if (strategy === 'shell') event.respondWith(shell(req));
  else if (strategy === 'precached') event.respondWith(precached(req));
  else if (strategy === 'data') event.respondWith(data(req, event));
});

/** A page load: the server's page, else the cached app (its router shows the page in the hash). */
async function shell(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (error) {
    const cached = await caches.match('/', { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

async function precached(req: Request): Promise<Response> {
  return (await caches.match(req, { cacheName: SHELL_CACHE })) ?? fetch(req);
}

/**
 * An API read: the server's answer (a copy kept when it is a success), else the last copy marked with
 * {@link FROM_CACHE_HEADER} so the app can say it is offline; with no copy, the network error itself.
 */
async function data(req: Request, event: FetchEvent): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(req);
  } catch (error) {
    const cached = await (await caches.open(DATA_CACHE)).match(req);
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set(FROM_CACHE_HEADER, '1');
    return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
  }
  if (res.status === 200) {
    const copy = res.clone();
    event.waitUntil(caches.open(DATA_CACHE).then((cache) => cache.put(req, copy)));
  }
  return res;
}

/**
 * A small hash router: `#/runs/abc?x=1`. Hash routes need nothing from the server (it serves one
 * index.html), and a hash that is not a route (`#main`, the skip link's target) leaves the page alone.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = { path: string; query: URLSearchParams };

function parse(hash: string): Route | undefined {
  if (hash !== '' && hash !== '#' && !hash.startsWith('#/')) return undefined;
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(search) };
}

let current: Route = parse(location.hash) ?? { path: '/', query: new URLSearchParams() };
const listeners = new Set<(r: Route) => void>();

window.addEventListener('hashchange', () => {
  const next = parse(location.hash);
  if (!next) return;
  current = next;
  for (const l of listeners) l(current);
});

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    listeners.add(setRoute);
    setRoute(current);
    return () => {
      listeners.delete(setRoute);
    };
  }, []);
  return route;
}

/** `href` for a route: `link('/runs', { page: 2 })` → `#/runs?page=2`. */
export function link(path: string, query?: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | number | undefined>, replace = false) {
  const href = link(path, query);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  // pushState does not fire hashchange; tell the listeners ourselves.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Match `/runs/:id` against a path; the params, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const a = p[i] ?? '';
    const b = s[i] ?? '';
    if (a.startsWith(':')) params[a.slice(1)] = decodeURIComponent(b);
    else if (a !== b) return undefined;
  }
  return params;
}

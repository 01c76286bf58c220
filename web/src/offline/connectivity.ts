/**
 * Whether the server was reachable at the last request. navigator.onLine cannot tell: the server runs
 * on this machine, so it can be stopped while the network is up. The API client reports each answer
 * (an answer the service worker gave from its cache counts as unreachable).
 */

let offline = false;
const listeners = new Set<(offline: boolean) => void>();

/** Record whether a request reached the server. */
export function reportReachable(reachable: boolean): void {
  if (offline === !reachable) return;
  offline = !reachable;
  for (const l of listeners) l(offline);
}

export function isOffline(): boolean {
  return offline;
}

/** Called with the new state whenever it changes. */
export function onConnectivity(listener: (offline: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

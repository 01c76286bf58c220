/**
 * Whether the site's header and footer are shown. An emergency or urgent result hides them so that
 * nothing competes with the action.
 */
import { useEffect, useState } from 'preact/hooks';

let hidden = false;
const listeners = new Set<(h: boolean) => void>();

export function setChromeHidden(h: boolean): void {
  if (h === hidden) return;
  hidden = h;
  for (const l of listeners) l(h);
}

export function useChromeHidden(): boolean {
  const [h, setH] = useState(hidden);
  useEffect(() => {
    listeners.add(setH);
    setH(hidden);
    return () => {
      listeners.delete(setH);
    };
  }, []);
  return h;
}

/**
 * The runner's country (kept in this browser, like the units): it picks the emergency number and where to
 * get care. Until one is chosen it comes from the browser's language (`en-GB` → United Kingdom); with
 * neither, the server's default applies and, failing that, the generic wording.
 */
import { useEffect, useState } from 'preact/hooks';
import { countryFromLocale, isCountryCode } from '../../src/care/codes.js';
import type { CareRoutes } from '../../src/care/index.js';

const KEY = 'backstride.country';
const listeners = new Set<(c: string | undefined) => void>();
/** The choice made on this page, for when storage is unavailable (private mode). */
let chosen: string | undefined;

/** The country the browser's language names, if any. */
export function browserCountry(): string | undefined {
  try {
    for (const language of navigator.languages?.length ? navigator.languages : [navigator.language]) {
      const code = countryFromLocale(language ?? '');
      if (code) return code;
    }
  } catch {
    // No navigator (tests): no default.
  }
  return undefined;
}

/** The chosen country, else the browser's; an ISO 3166-1 alpha-2 code or undefined. */
export function getCountry(): string | undefined {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && isCountryCode(stored)) return stored;
  } catch {
    // Private mode: the choice made on this page, else the browser's language.
  }
  return chosen ?? browserCountry();
}

export function setCountry(code: string): void {
  chosen = code;
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l(code);
}

export function useCountry(): string | undefined {
  const [c, setC] = useState(getCountry);
  useEffect(() => {
    listeners.add(setC);
    return () => {
      listeners.delete(setC);
    };
  }, []);
  return c;
}

/**
 * A result with its care routes: as the server sent them, or, for a result saved before they existed,
 * those of the chosen country (the care table is loaded only then).
 */
export async function withCare<R extends { care?: CareRoutes }>(
  result: R,
): Promise<R & { care: CareRoutes }> {
  if (result.care) return result as R & { care: CareRoutes };
  const { careFor } = await import('../../src/care/index.js');
  let care: CareRoutes;
  try {
    care = careFor(getCountry());
  } catch {
    care = careFor();
  }
  return { ...result, care };
}

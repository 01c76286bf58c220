/**
 * Parts of the app loaded on demand (the check-in, the session player, the form check…). When Backstride
 * is updated while a tab is open, that tab still asks for the old build's files, which are gone: the
 * import fails. The page is then reloaded once, which brings the new build; a second failure within a
 * minute is a real one (the server is down, say) and is shown as an error.
 */
const KEY = 'backstride.reloaded-for-update';
const WINDOW_MS = 60_000;

/** An import that failed because the module file could not be fetched (wording differs by browser). */
export function isMissingChunk(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS/i.test(
    text,
  );
}

/**
 * Load a part of the app; on a missing file, reload the page once (it never resolves then).
 * @example const mod = useAsync(() => loadPart(() => import('./pages/session.js')));
 */
export async function loadPart<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingChunk(error)) throw error;
    // Without session storage a reload could not tell it had already happened: show the error instead.
    try {
      const last = Number(sessionStorage.getItem(KEY)) || 0;
      if (Date.now() - last < WINDOW_MS) throw error;
      sessionStorage.setItem(KEY, String(Date.now()));
    } catch {
      throw error;
    }
    location.reload();
    return new Promise<T>(() => {});
  }
}

/**
 * A guided session in progress, kept in this browser so that a reload, a closed tab or a phone that
 * dropped the page does not lose it. Kept for a few hours: after that, today's session starts afresh.
 */
import { isSessionState, phaseOf, type SessionState } from '../../src/session/index.js';

const KEY = 'backstride.session-progress';
/** A session left longer than this is not offered again. */
export const RESUME_WITHIN_MS = 3 * 3_600_000;

export type SessionProgress = { title: string; savedAt: number; state: SessionState };

export function saveProgress(p: SessionProgress): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full store: the session still runs, it just cannot be picked up again.
  }
}

export function clearProgress(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** The session left part-way within the last few hours, if there is one. */
export function loadProgress(now: number): SessionProgress | undefined {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Partial<SessionProgress>;
  if (typeof p.title !== 'string' || typeof p.savedAt !== 'number' || !isSessionState(p.state))
    return undefined;
  if (now - p.savedAt > RESUME_WITHIN_MS || now < p.savedAt) return undefined;
  if (phaseOf(p.state).kind === 'end') return undefined;
  return { title: p.title, savedAt: p.savedAt, state: p.state };
}

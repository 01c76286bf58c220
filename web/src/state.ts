/**
 * The latest result, kept for the Result page between navigation (and a reload, in this tab only).
 * The server keeps the saved one too (`GET /api/assessments/latest`).
 */
import type { Assessment } from './types.js';

const KEY = 'backstride.result';
let latest: Assessment | undefined;

export function setLatestResult(r: Assessment | undefined): void {
  latest = r;
  try {
    if (r) sessionStorage.setItem(KEY, JSON.stringify(r));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: memory only.
  }
}

export function getLatestResult(): Assessment | undefined {
  if (latest) return latest;
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw) latest = JSON.parse(raw) as Assessment;
  } catch {
    latest = undefined;
  }
  return latest;
}

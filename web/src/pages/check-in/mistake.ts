/**
 * "I answered a question by mistake" on an emergency or urgent screen. When a safety answer stops the
 * check-in, the check-in keeps (in this tab) the saved result's id, the answers as they were and the step
 * of the question that stopped it. The result screen then offers to withdraw that result
 * (`DELETE /api/assessments/:id`, which the server allows only for the latest such result, within 30
 * minutes) and go back to that step with the answers kept, to change the one given by mistake.
 *
 * Kept apart from the check-in page so the result page can read it without loading the check-in.
 */

import { DRAFT_KEY } from '../../check-in-draft.js';
import type { Draft } from '../../check-in-model.js';
import type { Assessment } from '../../types.js';

const KEY = 'backstride.checkin.stopped';

/** The check-in a severe result stopped: enough to withdraw the result and go back to the question. */
export type StoppedCheckIn = {
  /** The saved assessment's id. */
  id: string;
  /** Its `assessedAt`, to match the result on screen. */
  assessedAt: string;
  /** The check-in step (1-based, as in `#/check-in?step=`) of the question that stopped it. */
  step: number;
  draft: Draft;
};

/** Remember the check-in a severe result stopped (nothing when the result was not saved). */
export function rememberStopped(result: Assessment, step: number, draft: Draft): void {
  const id = (result as Assessment & { id?: unknown }).id;
  if (typeof id !== 'string') return;
  const stopped: StoppedCheckIn = { id, assessedAt: result.assessedAt, step, draft };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(stopped));
  } catch {
    // Storage blocked: the result screen offers no way back, and the result stays saved.
  }
}

/** The stopped check-in behind this result, if this tab made it. */
export function stoppedCheckIn(result: Assessment): StoppedCheckIn | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const stopped = raw ? (JSON.parse(raw) as StoppedCheckIn) : undefined;
    return stopped?.assessedAt === result.assessedAt ? stopped : undefined;
  } catch {
    return undefined;
  }
}

/** Forget it (a new check-in, a withdrawn result). */
export function forgetStopped(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

/** Put the answers back as the check-in's draft, so the check-in opens with them. */
export function restoreDraft(stopped: StoppedCheckIn): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(stopped.draft));
  } catch {
    // Storage blocked: the check-in starts afresh.
  }
}

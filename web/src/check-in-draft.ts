/**
 * Where the check-in keeps its draft between steps (this tab only), apart from the check-in itself so
 * the settings page can clear it without loading the check-in.
 */

export const DRAFT_KEY = 'backstride.checkin';

export function clearCheckInDraft() {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}

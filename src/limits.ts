/**
 * Input limits shared by every adapter, so the command line accepts no more than the HTTP API: a JSON
 * document (a request body, an answers file), a diary note, how many items one entry lists.
 */

const MiB = 1024 * 1024;

/** The largest JSON document read whole: an API body, an answers file. */
export const JSON_DOCUMENT_BYTES = 1 * MiB;
/** The longest diary note, in characters. */
export const NOTE_MAX_CHARS = 2000;
/** The most plan items one exercise session lists. */
export const EXERCISE_ITEMS_MAX = 100;
/** The most PSFS activities rated at once (the scale asks for three to five). */
export const PSFS_RATINGS_MAX = 10;

/** Bytes for a message: 1 MiB, 2 GiB, 512 KiB. */
export function formatBytes(n: number): string {
  if (n >= 1024 * MiB && n % (1024 * MiB) === 0) return `${n / (1024 * MiB)} GiB`;
  if (n >= MiB) return `${Math.round((n / MiB) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

/** The one wording for "too large", API and command line alike. */
export const tooLargeMessage = (what: string, limitBytes: number) =>
  `${what} is larger than the limit of ${formatBytes(limitBytes)}`;

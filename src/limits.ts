/**
 * Input limits shared by every adapter, so the command line accepts no more than the HTTP API: a JSON
 * document (a request body, an answers file), a backup, an activity file, a diary note, how many items one
 * entry lists. (The answers' lists are capped in answers/schema.ts by how many choices each has.)
 */

const MiB = 1024 * 1024;

/** The largest JSON document read whole: an API body, an answers file. */
export const JSON_DOCUMENT_BYTES = 1 * MiB;
/**
 * The largest backup restored (`import-backup`, `POST /api/backup`). A backup is parsed as one string, and
 * V8 strings stop at 2^29 − 24 characters (just under 512 MiB), so a larger file could not be read anyway:
 * 500 MiB leaves room for that and is checked from the file's size before a byte is read.
 */
export const BACKUP_DOCUMENT_BYTES = 500 * MiB;
/**
 * The largest single activity file (FIT, GPX or TCX, gzipped or not) read whole into memory: no real one
 * comes near it. The same cap as a zip entry's inflated size in import/sources.ts. Zip archives are read in
 * chunks and may be larger.
 */
export const ACTIVITY_FILE_BYTES = 256 * MiB;
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

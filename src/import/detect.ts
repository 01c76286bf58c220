/**
 * Detect a file's format from its bytes, never its name: `.FIT`, `.fit.gz`, zipped exports and
 * mislabelled files all occur in real archives.
 */
export type Detected = 'fit' | 'gpx' | 'tcx' | 'gzip' | 'zip' | 'csv' | 'json' | 'unknown';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function detectFormat(bytes: Uint8Array): Detected {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))
    return 'zip';
  // FIT file header: size byte 12 or 14, ".FIT" at offset 8 (FIT protocol, file header).
  if (bytes.length >= 12 && (bytes[0] === 12 || bytes[0] === 14) && ascii(bytes, 8, 12) === '.FIT')
    return 'fit';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    if (/<(?:[\w-]+:)?gpx[\s>]/.test(head)) return 'gpx';
    if (/<(?:[\w-]+:)?TrainingCenterDatabase[\s>]/.test(head)) return 'tcx';
    return 'unknown';
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'json';
  if (/^[^\n]*,[^\n]*\n/.test(trimmed)) return 'csv';
  return 'unknown';
}

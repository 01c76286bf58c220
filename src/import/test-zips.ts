/**
 * Zip bombs for tests, made without holding what they inflate to. Test support only; nothing in the
 * product imports it.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';

/**
 * A zip of `files` (stored as they are), then `entries` entries of `mib` MiB of zeros each, deflated about
 * 1000:1 (24 entries of 9 MiB are about 220 KB). One MiB of zeros deflated with a full flush is the same
 * bytes every time, so each entry's deflate stream is that piece repeated.
 * @example zerosZip({ entries: 24, mib: 9, files: { 'run.fit': fit } }) // zeros-00.fit … zeros-23.fit
 */
export function zerosZip(options: {
  entries: number;
  mib: number;
  files?: Record<string, Uint8Array>;
}): Uint8Array {
  const { entries, mib } = options;
  const zeros = new Uint8Array(1 << 20);
  const piece = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(new Uint8Array(0));
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of Object.entries(options.files ?? {})) {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(bytes, true);
  }
  for (let e = 0; e < entries; e++) {
    // fflate takes any stream with these fields: here, the deflated bytes as they are.
    const file = {
      filename: `zeros-${String(e).padStart(2, '0')}.fit`,
      size: mib << 20,
      crc,
      compression: 8,
      ondata: (_error: unknown, _chunk: Uint8Array, _final: boolean) => {},
      terminate: () => {},
    };
    zip.add(file);
    for (let i = 0; i < mib; i++) file.ondata(null, piece, false);
    file.ondata(null, end, true);
  }
  zip.end();
  return Buffer.concat(parts);
}

/**
 * A streaming multipart/form-data reader for uploads (RFC 7578): each file part is written to disk as it
 * arrives, so a 2 GiB export never sits in memory (`Request.formData()` and hono's body limit both buffer
 * the whole body). It counts bytes as it reads and stops at the limit, whatever the Content-Length said.
 */
import { mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { badInput } from '../errors.js';

/** The body was larger than the limit; nothing read so far should be kept. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`the upload is larger than the limit of ${limitBytes} bytes`);
  }
}

/** A file part written to disk. */
export type SavedFile = {
  /** The file name the client sent, reduced to a safe base name. */
  filename: string;
  /** Where it was written. */
  path: string;
  size: number;
};

/** Options for {@link saveMultipartFiles}. */
export type MultipartOptions = {
  /** From the Content-Type header (see {@link boundaryOf}). */
  boundary: string;
  /** The folder to write into; each file gets a numbered subfolder so equal names do not collide. */
  dir: string;
  /** Only parts of this field with a file name are kept; other fields are read and dropped. */
  field: string;
  /** Total body bytes allowed. */
  maxBytes: number;
  /** Parts allowed (files and fields together). */
  maxParts?: number;
};

/** Part headers longer than this are not a browser's: refuse rather than buffer them. */
const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The boundary of a multipart/form-data Content-Type, or undefined when it is not one.
 * @example boundaryOf('multipart/form-data; boundary=----x') // '----x'
 */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType.trim())) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** A client's file name as a plain base name: no folders, no control characters, not empty. */
export function safeFilename(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\x00-\x1f\x7f]/g, '')
    .trim()
    .slice(-200);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}

/** The name and file name of a part from its Content-Disposition header. */
function disposition(headers: string): { name?: string; filename?: string } {
  const line = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h));
  if (!line) return {};
  const param = (key: string) => {
    const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(line);
    return m ? (m[1] ?? m[2] ?? '').replace(/\\"/g, '"') : undefined;
  };
  const out: { name?: string; filename?: string } = {};
  const name = param('name');
  if (name !== undefined) out.name = name;
  // RFC 5987 `filename*=UTF-8''…` wins over the plain one when both are sent.
  const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(line)?.[1];
  let filename = param('filename');
  if (extended !== undefined) {
    try {
      filename = decodeURIComponent(extended);
    } catch {
      // A malformed extended name: keep the plain one.
    }
  }
  if (filename !== undefined) out.filename = filename;
  return out;
}

/**
 * Read a multipart/form-data body and write the file parts of one field to disk.
 * @throws PayloadTooLargeError past `maxBytes`; a bad-input error for a malformed body.
 * @example const files = await saveMultipartFiles(req.body, { boundary, dir, field: 'file', maxBytes });
 */
export async function saveMultipartFiles(
  body: AsyncIterable<Uint8Array>,
  options: MultipartOptions,
): Promise<SavedFile[]> {
  const delimiter = Buffer.from(`\r\n--${options.boundary}`);
  const maxParts = options.maxParts ?? 10_000;
  const saved: SavedFile[] = [];
  // A leading CRLF makes the first boundary look like every later one.
  let buf: Buffer = Buffer.from(CRLF);
  // Declared wide: the closures below move it on, which narrowing here cannot see.
  let state = 'preamble' as 'preamble' | 'boundary' | 'headers' | 'body' | 'done';
  let total = 0;
  let parts = 0;
  let sink: { file: SavedFile; handle: Awaited<ReturnType<typeof open>> } | undefined;
  let discard = false;

  const write = async (bytes: Buffer) => {
    if (bytes.length === 0 || discard || !sink) return;
    await sink.handle.write(bytes);
    sink.file.size += bytes.length;
  };
  const endPart = async () => {
    if (sink) {
      await sink.handle.close();
      saved.push(sink.file);
    }
    sink = undefined;
    discard = false;
  };
  const startPart = async (headers: string) => {
    parts++;
    if (parts > maxParts) throw badInput(`too many parts in the upload (at most ${maxParts})`, 'file');
    const { name, filename } = disposition(headers);
    if (name !== options.field || !filename) {
      discard = true;
      return;
    }
    const folder = join(options.dir, String(saved.length));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const file: SavedFile = { filename: safeFilename(filename), path: '', size: 0 };
    file.path = join(folder, file.filename);
    sink = { file, handle: await open(file.path, 'wx', 0o600) };
  };

  /** Consume as much of `buf` as the state machine can; returns when it needs more bytes. */
  const advance = async () => {
    for (;;) {
      if (state === 'preamble') {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          buf = buf.subarray(Math.max(0, buf.length - delimiter.length + 1));
          return;
        }
        buf = buf.subarray(at + delimiter.length);
        state = 'boundary';
      } else if (state === 'boundary') {
        // After a boundary: `--` ends the body; otherwise optional whitespace, then CRLF and headers.
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return;
        }
        const eol = buf.indexOf(CRLF);
        if (eol < 0) {
          if (buf.length > 256) throw badInput('the upload is not valid multipart/form-data', 'file');
          return;
        }
        if (buf.subarray(0, eol).some((b) => b !== 0x20 && b !== 0x09)) {
          throw badInput('the upload is not valid multipart/form-data', 'file');
        }
        buf = buf.subarray(eol + 2);
        state = 'headers';
      } else if (state === 'headers') {
        const end = buf.indexOf(HEADER_END);
        if (end < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw badInput('an upload part has too long headers', 'file');
          return;
        }
        await startPart(buf.subarray(0, end).toString('utf8'));
        buf = buf.subarray(end + HEADER_END.length);
        state = 'body';
      } else if (state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at >= 0) {
          await write(buf.subarray(0, at));
          await endPart();
          buf = buf.subarray(at + delimiter.length);
          state = 'boundary';
          continue;
        }
        // Keep a tail that may be the start of a delimiter split across chunks.
        const keep = delimiter.length - 1;
        if (buf.length > keep) {
          await write(buf.subarray(0, buf.length - keep));
          buf = buf.subarray(buf.length - keep);
        }
        return;
      } else return;
    }
  };

  try {
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > options.maxBytes) throw new PayloadTooLargeError(options.maxBytes);
      if (state === 'done') continue; // the epilogue is ignored, but still counted
      buf = buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([buf, chunk]);
      await advance();
    }
    if (state !== 'done') throw badInput('the upload ended before its last part', 'file');
  } finally {
    // On any failure the open file is closed; the caller removes the folder.
    if (sink) await sink.handle.close().catch(() => {});
  }
  return saved;
}

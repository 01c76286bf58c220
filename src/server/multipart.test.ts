/**
 * The streaming multipart reader on bodies a browser sends: files split across chunks at every offset,
 * other fields dropped, client file names made safe, the byte limit, and malformed or truncated bodies.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackstrideError } from '../errors.js';
import { boundaryOf, PayloadTooLargeError, safeFilename, saveMultipartFiles } from './multipart.js';

const te = new TextEncoder();
const boundary = '----BackstrideTestBoundary7MA4YWxk';

/** A body as a browser writes it: each part `--boundary`, headers, a blank line, the bytes. */
function body(parts: { name: string; filename?: string; data: Uint8Array | string }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(te.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`));
    if (p.filename !== undefined) chunks.push(te.encode('Content-Type: application/octet-stream\r\n'));
    chunks.push(
      te.encode('\r\n'),
      typeof p.data === 'string' ? te.encode(p.data) : p.data,
      te.encode('\r\n'),
    );
  }
  chunks.push(te.encode(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const save = (bytes: Uint8Array, size: number, maxBytes = 1e9) =>
  saveMultipartFiles(chunked(bytes, size), {
    boundary,
    dir: mkdtempSync(join(tmpdir(), 'backstride-mp-')),
    field: 'file',
    maxBytes,
  });

// Binary content that contains CRLFs, dashes and a near-miss of the boundary.
const tricky = Buffer.concat([
  te.encode(`\r\n--${boundary.slice(0, -1)}X\r\n--\r\n`),
  Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
]);

describe('saveMultipartFiles', () => {
  const bytes = body([
    { name: 'note', data: 'ignored field' },
    { name: 'file', filename: 'run one.fit', data: tricky },
    { name: 'file', filename: 'C:\\Users\\me\\run one.fit', data: 'second' },
    { name: 'other', filename: 'x.bin', data: 'not the file field' },
    { name: 'file', filename: '', data: '' },
  ]);

  it.each([1, 2, 3, 7, 16, 41, 64, 1000, 1e6])(
    'reads the files whatever the chunk size (%i)',
    async (size) => {
      const files = await save(bytes, size);
      expect(files.map((f) => f.filename)).toEqual(['run one.fit', 'run one.fit']);
      expect(new Uint8Array(readFileSync(files[0]?.path as string))).toEqual(new Uint8Array(tricky));
      expect(readFileSync(files[1]?.path as string, 'utf8')).toBe('second');
      expect(files[0]?.size).toBe(tricky.length);
      expect(files[0]?.path).not.toBe(files[1]?.path);
    },
  );

  it('stops at the byte limit', async () => {
    await expect(save(bytes, 64, 100)).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it('refuses a body that ends early or is not multipart', async () => {
    await expect(save(bytes.subarray(0, bytes.length - 20), 50)).rejects.toBeInstanceOf(BackstrideError);
    await expect(save(te.encode('just some text'), 5)).rejects.toBeInstanceOf(BackstrideError);
    await expect(save(te.encode(`--${boundary}garbage\r\n\r\n`), 5)).rejects.toBeInstanceOf(BackstrideError);
  });
});

describe('helpers', () => {
  it('finds the boundary of a multipart Content-Type only', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeUndefined();
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
    expect(boundaryOf(undefined)).toBeUndefined();
  });

  it('reduces a client file name to a safe base name', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\a\\b.fit')).toBe('b.fit');
    expect(safeFilename('..')).toBe('upload');
    expect(safeFilename('a\u0000b\n.gpx')).toBe('ab.gpx');
  });
});

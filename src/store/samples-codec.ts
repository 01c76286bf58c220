/**
 * Compact storage for a run's samples. Positions, times, distance and altitude become fixed-point
 * integers stored as differences from the previous sample (small numbers, mostly zero high bytes), then
 * deflate level 1. On a 1.6 h run that is 36 KB in under 1 ms, against 100 KB in 2.6 ms for the raw
 * columns: compressing the samples had been the largest cost of an import.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Samples } from '../activities/types.js';

const VERSION = 2;
/** Marks a missing value in a delta column; the running value is left unchanged. */
const MISSING = -0x80000000;

/** Fixed-point scales: 0.1 s, 1e-7 degrees (~1 cm), 0.1 m distance, 0.01 m altitude. */
const SCALE = { t: 0.01, lat: 1e7, lon: 1e7, distM: 10, altM: 100 } as const;
const DELTA_COLUMNS = ['t', 'lat', 'lon', 'distM', 'altM'] as const;

function deltaEncode(values: Float64Array, scale: number, origin: number): Int32Array {
  const out = new Int32Array(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      out[i] = MISSING;
      continue;
    }
    const q = Math.round((v - origin) * scale);
    out[i] = q - prev;
    prev = q;
  }
  return out;
}

function deltaDecode(deltas: Int32Array, scale: number, origin: number): Float64Array {
  const out = new Float64Array(deltas.length);
  let prev = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i] as number;
    if (d === MISSING) {
      out[i] = Number.NaN;
      continue;
    }
    prev += d;
    out[i] = origin + prev / scale;
  }
  return out;
}

/** Encode samples (times are kept relative to the first sample). */
export function encodeSamples(s: Samples): Uint8Array {
  const n = s.t.length;
  const t0 = n > 0 && Number.isFinite(s.t[0]) ? (s.t[0] as number) : 0;
  const cols = DELTA_COLUMNS.map((c) => deltaEncode(s[c], SCALE[c], c === 't' ? t0 : 0));
  const speed = new Uint16Array(n);
  const hr = new Uint8Array(n);
  const cad = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const sp = s.speedMps[i] as number;
    // Centimetres per second; 0xFFFF marks missing (655 m/s is never a real speed).
    speed[i] = Number.isFinite(sp) && sp >= 0 ? Math.min(0xfffe, Math.round(sp * 100)) : 0xffff;
    const h = s.hr[i] as number;
    hr[i] = Number.isFinite(h) && h > 0 ? Math.min(255, Math.round(h)) : 0;
    const c = s.cadSpm[i] as number;
    cad[i] = Number.isFinite(c) && c > 0 ? Math.min(255, Math.round(c)) : 0;
  }
  const header = new Float64Array([VERSION, n, t0]);
  const parts = [header, ...cols, speed, hr, cad].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );
  const raw = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    raw.set(p, at);
    at += p.byteLength;
  }
  return deflateRawSync(raw, { level: 1 });
}

/** Header (3 float64), five int32 delta columns, uint16 speed, uint8 heart rate and cadence: per sample 24 bytes. */
const HEADER_BYTES = 24;
const BYTES_PER_SAMPLE = 4 * DELTA_COLUMNS.length + 2 + 1 + 1;
/** More than ten million samples (115 days at 1 Hz) is not a run: refuse before inflating further. */
const MAX_SAMPLES = 10_000_000;

/** Decode samples; throws on anything {@link encodeSamples} could not have written. */
export function decodeSamples(blob: Uint8Array): Samples {
  const raw = inflateRawSync(blob, { maxOutputLength: HEADER_BYTES + BYTES_PER_SAMPLE * MAX_SAMPLES });
  if (raw.byteLength < HEADER_BYTES) throw new Error(`samples too short (${raw.byteLength} bytes)`);
  const buf = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const header = new Float64Array(buf, 0, 3);
  if (header[0] !== VERSION) throw new Error(`unknown samples encoding version ${header[0]}`);
  const n = header[1] as number;
  const t0 = header[2] as number;
  if (!Number.isSafeInteger(n) || n < 0 || raw.byteLength !== HEADER_BYTES + BYTES_PER_SAMPLE * n)
    throw new Error(`samples header says ${n} samples, but there are ${raw.byteLength} bytes`);
  if (!Number.isFinite(t0)) throw new Error('samples start time is not a number');
  let at = 24;
  const ints = () => {
    const v = new Int32Array(buf, at, n);
    at += 4 * n;
    return v;
  };
  const [t, lat, lon, distM, altM] = DELTA_COLUMNS.map((c) =>
    deltaDecode(ints(), SCALE[c], c === 't' ? t0 : 0),
  ) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const speed = new Uint16Array(buf, at, n);
  at += 2 * n;
  const hr = new Uint8Array(buf, at, n);
  at += n;
  const cad = new Uint8Array(buf, at, n);
  const out: Samples = {
    t,
    lat,
    lon,
    altM,
    distM,
    hr: new Float64Array(n),
    cadSpm: new Float64Array(n),
    speedMps: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    out.speedMps[i] = speed[i] === 0xffff ? Number.NaN : (speed[i] as number) / 100;
    out.hr[i] = hr[i] === 0 ? Number.NaN : (hr[i] as number);
    out.cadSpm[i] = cad[i] === 0 ? Number.NaN : (cad[i] as number);
  }
  return out;
}

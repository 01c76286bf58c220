/**
 * Realistic synthetic runs for tests and benchmarks: 1 s samples along a loop, with rolling hills,
 * heart rate that drifts upward, and cadence and pace that sag late in the run, as fatigue does.
 * Deterministic for a given seed.
 */
import type { Samples } from '../types.js';

export type SyntheticRunOptions = {
  /** Epoch ms of the first sample. */
  start: number;
  durationS: number;
  /** Mean pace, seconds per km. */
  paceSPerKm?: number;
  seed?: number;
  /** Seconds between samples. */
  stepS?: number;
  /** Leave GPS out (treadmill) while keeping HR and cadence. */
  noGps?: boolean;
  /** Fraction of samples without a position (GPS drop-outs). */
  gpsDropout?: number;
};

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EARTH_M_PER_DEG_LAT = 111_320;

export function syntheticRun(o: SyntheticRunOptions): Samples {
  const step = o.stepS ?? 1;
  const n = Math.max(1, Math.floor(o.durationS / step) + 1);
  const rand = prng(o.seed ?? 1);
  const pace = o.paceSPerKm ?? 330;
  const cols = {
    t: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    altM: new Float64Array(n),
    distM: new Float64Array(n),
    hr: new Float64Array(n),
    cadSpm: new Float64Array(n),
    speedMps: new Float64Array(n),
  };
  const lat0 = 45 + rand() * 10;
  const lon0 = -5 + rand() * 20;
  const loopM = 5000 + rand() * 5000;
  const radiusM = loopM / (2 * Math.PI);
  let dist = 0;
  for (let i = 0; i < n; i++) {
    const frac = i / Math.max(1, n - 1);
    // Pace slows by up to 6% in the last third; cadence drops by up to 4 spm.
    const late = Math.max(0, (frac - 2 / 3) * 3);
    const speed = (1000 / pace) * (1 - 0.06 * late) * (1 + (rand() - 0.5) * 0.04);
    if (i > 0) dist += speed * step;
    const angle = (dist / loopM) * 2 * Math.PI;
    cols.t[i] = o.start + i * step * 1000;
    const hasGps = !o.noGps && !(o.gpsDropout && rand() < o.gpsDropout);
    if (hasGps) {
      cols.lat[i] = lat0 + (radiusM * Math.sin(angle)) / EARTH_M_PER_DEG_LAT;
      cols.lon[i] =
        lon0 + (radiusM * (1 - Math.cos(angle))) / (EARTH_M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180));
    } else {
      cols.lat[i] = Number.NaN;
      cols.lon[i] = Number.NaN;
    }
    cols.altM[i] = 100 + 15 * Math.sin(angle * 3) + rand() * 0.5;
    cols.distM[i] = dist;
    cols.hr[i] = Math.round(135 + 20 * frac + 3 * Math.sin(i / 60) + rand() * 2);
    cols.cadSpm[i] = Math.round(172 - 4 * late + (rand() - 0.5) * 2);
    cols.speedMps[i] = speed;
  }
  return cols;
}

/**
 * Small numeric tools for keypoint time series: robust statistics, gap filling, detrending, a windowed
 * DFT peak search and peak picking. Plain arrays in, plain numbers out; NaN marks a missing sample.
 */

export function quantile(values: readonly number[], q: number): number {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (xs[lo] as number) + ((xs[hi] as number) - (xs[lo] as number)) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function mean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

export function std(values: readonly number[]): number {
  const m = mean(values);
  const xs = values.filter(Number.isFinite);
  if (xs.length < 2) return Number.NaN;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
}

/** Linear interpolation across gaps of at most `maxGap` samples; longer gaps stay NaN. */
export function fillGaps(values: readonly number[], maxGap: number): number[] {
  const out = [...values];
  let i = 0;
  while (i < out.length) {
    if (Number.isFinite(out[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && !Number.isFinite(out[j])) j++;
    const before = out[i - 1];
    const after = out[j];
    if (i > 0 && j < out.length && j - i <= maxGap && before !== undefined && after !== undefined) {
      for (let k = i; k < j; k++) out[k] = before + ((after - before) * (k - i + 1)) / (j - i + 1);
    }
    i = j;
  }
  return out;
}

/** Gaps filled as in `fillGaps`, and the ends held at the nearest known value. */
export function fillAll(values: readonly number[]): number[] {
  const out = fillGaps(values, values.length);
  const first = out.findIndex(Number.isFinite);
  if (first < 0) return out;
  for (let i = 0; i < first; i++) out[i] = out[first] as number;
  for (let i = out.length - 1; i >= 0 && !Number.isFinite(out[i]); i--) out[i] = out[i + 1] as number;
  return out;
}

/** The longest stretch `[start, end)` with no NaN. */
export function longestFiniteRun(values: readonly number[]): [number, number] {
  let best: [number, number] = [0, 0];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const ok = i < values.length && Number.isFinite(values[i]);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      if (i - start > best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  return best;
}

/** Centred moving average over `window` samples (shorter at the ends). */
export function movingAverage(values: readonly number[], window: number): number[] {
  const half = Math.max(0, Math.floor(window / 2));
  return values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(values.length - 1, i + half); k++) {
      const v = values[k] as number;
      if (Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n === 0 ? Number.NaN : sum / n;
  });
}

/** Removes slow drift (camera pan, the runner crossing the frame) by subtracting a moving average. */
export function detrend(values: readonly number[], window: number): number[] {
  const trend = movingAverage(values, window);
  return values.map((v, i) => v - (trend[i] as number));
}

export interface SpectralPeak {
  freqHz: number;
  /** Share (0–1) of the signal's power between 0.5 and 6 Hz that sits around the peak. */
  peakShare: number;
}

function powerAt(x: readonly number[], w: readonly number[], fps: number, f: number): number {
  let re = 0;
  let im = 0;
  const step = (2 * Math.PI * f) / fps;
  for (let n = 0; n < x.length; n++) {
    const v = (x[n] as number) * (w[n] as number);
    re += v * Math.cos(step * n);
    im -= v * Math.sin(step * n);
  }
  return re * re + im * im;
}

/**
 * The strongest frequency of `x` between `fMinHz` and `fMaxHz`: a Hann-windowed DFT on a 0.005 Hz grid,
 * refined by a parabola through the three best grid points.
 */
export function spectralPeak(
  x: readonly number[],
  fps: number,
  fMinHz: number,
  fMaxHz: number,
): SpectralPeak {
  const n = x.length;
  if (n < 8) return { freqHz: Number.NaN, peakShare: 0 };
  const m = mean(x);
  const xs = x.map((v) => v - m);
  const w = xs.map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  const grid = 0.005;
  const nyquist = fps / 2;
  const lo = 0.5;
  const hi = Math.min(6, nyquist * 0.95);
  const freqs: number[] = [];
  const powers: number[] = [];
  for (let f = lo; f <= hi; f += grid) {
    freqs.push(f);
    powers.push(powerAt(xs, w, fps, f));
  }
  let best = -1;
  for (let i = 0; i < freqs.length; i++) {
    const f = freqs[i] as number;
    if (f < fMinHz || f > fMaxHz) continue;
    if (best < 0 || (powers[i] as number) > (powers[best] as number)) best = i;
  }
  if (best < 0) return { freqHz: Number.NaN, peakShare: 0 };
  let freqHz = freqs[best] as number;
  if (best > 0 && best < freqs.length - 1) {
    const a = powers[best - 1] as number;
    const b = powers[best] as number;
    const c = powers[best + 1] as number;
    const denom = a - 2 * b + c;
    if (denom < 0) freqHz += grid * Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom));
  }
  // The Hann main lobe is 4/T wide; count that much either side of the peak as "the peak".
  const halfWidth = Math.max(0.15, 2 / (n / fps));
  let around = 0;
  let total = 0;
  for (let i = 0; i < freqs.length; i++) {
    total += powers[i] as number;
    if (Math.abs((freqs[i] as number) - freqHz) <= halfWidth) around += powers[i] as number;
  }
  return { freqHz, peakShare: total > 0 ? around / total : 0 };
}

/** Local maxima at least `minDistance` samples apart (the higher wins), refined to sub-sample times. */
export function findPeaks(x: readonly number[], minDistance: number): number[] {
  const candidates: number[] = [];
  for (let i = 1; i < x.length - 1; i++) {
    const v = x[i] as number;
    if (Number.isFinite(v) && v > (x[i - 1] as number) && v >= (x[i + 1] as number)) candidates.push(i);
  }
  candidates.sort((a, b) => (x[b] as number) - (x[a] as number));
  const kept: number[] = [];
  for (const c of candidates) {
    if (kept.every((k) => Math.abs(k - c) >= minDistance)) kept.push(c);
  }
  return kept
    .sort((a, b) => a - b)
    .map((i) => {
      const a = x[i - 1] as number;
      const b = x[i] as number;
      const c = x[i + 1] as number;
      const denom = a - 2 * b + c;
      return denom !== 0 ? i + (0.5 * (a - c)) / denom : i;
    });
}

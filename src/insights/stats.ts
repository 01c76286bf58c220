/**
 * Small, dependency-free statistics for 2×2 tables: Wilson score intervals for one proportion, the
 * Newcombe hybrid score interval for a difference of two proportions, a log risk-ratio interval with a
 * 0.5 continuity correction, the inverse normal CDF and nearest-rank quantiles.
 *
 * Why these methods: with diary-sized samples (tens of runs, rates near 0 or 1) the textbook Wald
 * interval p ± z·√(p(1−p)/n) collapses to zero width at 0 or n events and undercovers badly. The Wilson
 * score interval (Wilson 1927) and Newcombe's method 10 built from it (Newcombe RG, Stat Med 1998;
 * 17:873–890) keep close to nominal coverage down to small n, never leave [−1, 1], and always contain the
 * point estimate.
 */

/** A two-sided interval with the confidence level it was computed at. */
export type Interval = { estimate: number; lower: number; upper: number; confidence: number };

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e−9), used to
 * turn a confidence level into a z value, e.g. `normalQuantile(0.975)` ≈ 1.959964.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716];
  const a5 = 2.506628277459239;
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = b;
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = c;
  const [d0 = 0, d1 = 0, d2 = 0, d3 = 0] = d;
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** The two-sided z for a confidence level, e.g. 0.95 → 1.96. */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Wilson score interval for `events` of `n` (n ≥ 1). The bounds are clamped to [0, 1] only to remove
 * rounding residue (the exact bounds are already inside).
 */
export function wilson(events: number, n: number, confidence = 0.95): Interval {
  if (!(n >= 1) || !(events >= 0) || events > n) {
    throw new RangeError(`wilson needs 0 ≤ events ≤ n and n ≥ 1, got ${events} of ${n}`);
  }
  const z = zFor(confidence);
  const p = events / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n events the exact bound equals p; pin it so the interval provably contains the estimate.
  const lower = events === 0 ? 0 : clamp(centre - half, 0, p);
  const upper = events === n ? 1 : clamp(centre + half, p, 1);
  return { estimate: p, lower, upper, confidence };
}

/**
 * Newcombe's hybrid score interval (method 10, no continuity correction) for p1 − p0, where
 * p1 = a / n1 and p0 = b / n0: lower = d − √((p1 − l1)² + (u0 − p0)²), upper = d + √((u1 − p1)² + (p0 − l0)²)
 * with (l, u) the Wilson limits of each proportion. Swapping the groups negates the estimate and mirrors
 * the interval exactly.
 */
export function newcombeDifference(
  a: number,
  n1: number,
  b: number,
  n0: number,
  confidence = 0.95,
): Interval {
  const w1 = wilson(a, n1, confidence);
  const w0 = wilson(b, n0, confidence);
  const p1 = w1.estimate;
  const p0 = w0.estimate;
  const d = p1 - p0;
  const lower = d - Math.sqrt((p1 - w1.lower) ** 2 + (w0.upper - p0) ** 2);
  const upper = d + Math.sqrt((w1.upper - p1) ** 2 + (p0 - w0.lower) ** 2);
  return { estimate: d, lower: clamp(lower, -1, d), upper: clamp(upper, d, 1), confidence };
}

/** A risk ratio with its interval, and whether the 0.5 correction was applied. */
export type RatioInterval = Interval & { continuityCorrected: boolean };

/**
 * Risk ratio (a / n1) ÷ (b / n0) with the usual log interval, exp(ln RR ± z·√(1/a − 1/n1 + 1/b − 1/n0))
 * (Katz 1978). When any cell is zero the ratio or its standard error is undefined, so 0.5 is added to every
 * cell (a, n1 − a, b, n0 − b), i.e. a + 0.5 of n1 + 1 (Haldane–Anscombe); the estimate then is the
 * corrected one, and `continuityCorrected` says so. Needs n1, n0 ≥ 1.
 */
export function riskRatio(a: number, n1: number, b: number, n0: number, confidence = 0.95): RatioInterval {
  if (!(n1 >= 1 && n0 >= 1)) throw new RangeError('riskRatio needs both groups non-empty');
  const zeroCell = a === 0 || b === 0 || a === n1 || b === n0;
  const k = zeroCell ? 0.5 : 0;
  const a1 = a + k;
  const m1 = n1 + 2 * k;
  const b1 = b + k;
  const m0 = n0 + 2 * k;
  const rr = a1 / m1 / (b1 / m0);
  const se = Math.sqrt(1 / a1 - 1 / m1 + 1 / b1 - 1 / m0);
  const z = zFor(confidence);
  return {
    estimate: rr,
    lower: Math.exp(Math.log(rr) - z * se),
    upper: Math.exp(Math.log(rr) + z * se),
    confidence,
    continuityCorrected: zeroCell,
  };
}

/**
 * Nearest-rank quantile (Hyndman & Fan type 1): the smallest observed value with at least `q` of the data at
 * or below it. It is always a value some run really had, so "over X" reads naturally. `undefined` for no data.
 */
export function nearestRank(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((x, y) => x - y);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** The median (mean of the two middle values for an even count); `undefined` for no data. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

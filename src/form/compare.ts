/**
 * Two clips of one run, filmed early and late, compared: how far the head, the trunk lean, the shoulders
 * and the cadence drifted as the runner tired ("hunching when tired"). The same drift measures and the
 * same fatigue thresholds as the first-third against last-third comparison inside one clip, so a pair of
 * short clips can show what one long clip would.
 */
import { FORM_THRESHOLDS } from './thresholds.js';
import type { Finding, Measure, MeasureId } from './types.js';

/** What a comparison needs of each clip (a saved check or a fresh report). */
export type ClipMeasures = {
  view: string | null;
  cadenceSpm: number | null;
  measures: readonly Pick<Measure, 'id' | 'value' | 'landmark'>[];
};

export type ClipDrift = {
  id: Extract<MeasureId, 'headDrift' | 'trunkLeanDrift' | 'shoulderDrift' | 'cadenceDrift'>;
  label: string;
  value: number;
  unit: string;
};

export type ClipComparison = { drift: ClipDrift[]; findings: Omit<Finding, 'confidence'>[] };

/** A late clip and an early one saved within this long before it count as one run. */
export const PAIR_WINDOW_MS = 12 * 3_600_000;

/**
 * The early clip a late one (saved at `lateAt`) is compared with: the latest clip labelled early, saved
 * up to {@link PAIR_WINDOW_MS} before it. `usable` holds only clips fit to compare (running, not refused).
 */
export function earlyPartner<T extends { label?: string | null; checkedAt: number }>(
  lateAt: number,
  usable: readonly T[],
): T | undefined {
  return usable
    .filter((c) => c.label === 'early' && c.checkedAt <= lateAt && c.checkedAt >= lateAt - PAIR_WINDOW_MS)
    .sort((a, b) => a.checkedAt - b.checkedAt)
    .at(-1);
}

/** One drift in words: "head 0.12 torso lengths further forward and down", or "cadence unchanged". */
export function driftInWords(d: Pick<ClipDrift, 'id' | 'value'>): string {
  const v = d.value;
  const [what, size, more, less] =
    d.id === 'headDrift'
      ? ['head', `${Math.abs(v).toFixed(2)} torso lengths`, 'further forward and down', 'further back and up']
      : d.id === 'trunkLeanDrift'
        ? ['trunk', `${Math.abs(v).toFixed(1)}°`, 'further forward', 'more upright']
        : d.id === 'shoulderDrift'
          ? ['shoulders', `${Math.abs(v).toFixed(2)} torso lengths`, 'higher', 'lower']
          : ['cadence', `${Math.abs(v).toFixed(1)}%`, 'higher', 'lower'];
  // Below the shown precision, there is nothing to tell.
  if (/^0\.0+\D/.test(size)) return `${what} unchanged`;
  return `${what} ${size} ${v > 0 ? more : less}`;
}

const measureOf = (c: ClipMeasures, id: MeasureId) => c.measures.find((m) => m.id === id);
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * The drift from the early clip to the late one. Head and shoulder measures compare only between side
 * views that used the same head point; cadence compares in any view.
 * @example compareEarlyLate(early, late).findings.map((f) => f.factorId) // ['fatigue-hunch']
 */
export function compareEarlyLate(early: ClipMeasures, late: ClipMeasures): ClipComparison {
  const drift: ClipDrift[] = [];
  const side = early.view === 'side' && late.view === 'side';
  if (side) {
    const [h0, h1] = [measureOf(early, 'headForward'), measureOf(late, 'headForward')];
    const [s0, s1] = [measureOf(early, 'shoulderElevation'), measureOf(late, 'shoulderElevation')];
    if (h0 && h1 && s0 && s1 && h0.landmark === h1.landmark) {
      drift.push({
        id: 'headDrift',
        label: 'Head further forward and down, late against early',
        value: h1.value - s1.value - (h0.value - s0.value),
        unit: 'torso lengths',
      });
    }
    const [l0, l1] = [measureOf(early, 'trunkLean'), measureOf(late, 'trunkLean')];
    if (l0 && l1)
      drift.push({
        id: 'trunkLeanDrift',
        label: 'Trunk lean, late against early',
        value: l1.value - l0.value,
        unit: 'degrees',
      });
    if (s0 && s1)
      drift.push({
        id: 'shoulderDrift',
        label: 'Shoulders higher, late against early',
        value: s0.value - s1.value,
        unit: 'torso lengths',
      });
  }
  if (early.cadenceSpm && late.cadenceSpm)
    drift.push({
      id: 'cadenceDrift',
      label: 'Cadence, late against early',
      value: (100 * (late.cadenceSpm - early.cadenceSpm)) / early.cadenceSpm,
      unit: '%',
    });

  const findings: ClipComparison['findings'] = [];
  for (const t of FORM_THRESHOLDS.filter((x) => x.factorId === 'fatigue-hunch')) {
    const d = drift.find((x) => x.id === t.measure);
    if (!d || !(t.direction === 'above' ? d.value > t.value : d.value < t.value)) continue;
    if (findings.some((f) => f.factorId === t.factorId)) continue;
    findings.push({
      factorId: t.factorId,
      measure: d.id,
      value: d.value,
      unit: d.unit,
      threshold: { value: t.value, unit: t.unit, direction: t.direction, source: t.source },
      summary:
        d.id === 'trunkLeanDrift'
          ? `In the late clip your trunk leans ${fmt(d.value)}° further forward than in the early one.`
          : `In the late clip your head sits further forward and lower than in the early one, by ${fmt(d.value)} torso lengths.`,
    });
  }
  return { drift, findings };
}

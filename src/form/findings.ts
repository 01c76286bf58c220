/**
 * Findings: measures past their thresholds, each tied to a knowledge-base form factor, with the number,
 * its source and a confidence. One finding per factor at most (the clearest).
 */
import { FORM_THRESHOLDS, type FormThreshold } from './thresholds.js';
import type { Finding, Measure } from './types.js';

const fmt = (v: number, digits = 0) => v.toFixed(digits).replace(/^-0(\.0+)?$/, '0');

/** One sentence per factor, in plain words, from the measure that fired. */
const SUMMARIES: Record<string, (m: Measure, all: Measure[]) => string> = {
  'waist-lean': (m, all) => {
    const extra = all.find((x) => x.id === 'leanFromWaist')?.value ?? 0;
    return `Your trunk leans ${fmt(m.value)}° forward, ${fmt(extra)}° more than your legs: the lean comes from bending at the hips, not from the ankles.`;
  },
  'forward-head': (m) =>
    `Your head sits ahead of the line of your trunk by about ${fmt(m.value * 100)}% of your torso length.`,
  'shrugged-shoulders': (m) =>
    `Your shoulders sit high: the space up to your head is only ${fmt(m.value * 100)}% of your torso length.`,
  'excess-arm-swing': (m) => `Your upper arms sweep ${fmt(m.value)}° from front to back on each stride.`,
  'arms-crossing-midline': (_m, all) => {
    const rate = all.find((x) => x.id === 'wristCrossing')?.value ?? 0;
    return `Your wrists swing past the middle of your body in ${fmt(rate * 100)}% of strides.`;
  },
  'waist-twist': (m) =>
    `Your shoulders seem to turn about ${fmt(m.value)}° with each stride (a rough estimate).`,
  'fatigue-hunch': (m) =>
    m.id === 'trunkLeanDrift'
      ? `By the last third of the clip your trunk leans ${fmt(m.value)}° further forward than at the start.`
      : 'By the last third of the clip your head sits further forward and lower than at the start.',
};

function passes(t: FormThreshold, m: Measure): boolean {
  return t.direction === 'above' ? m.value > t.value : m.value < t.value;
}

function applies(t: FormThreshold, m: Measure): boolean {
  return m.id === t.measure && (t.landmark === undefined || t.landmark === m.landmark);
}

/**
 * Findings for the measures, judged against `FORM_THRESHOLDS`.
 *
 * @param meanConfidence the clip's mean keypoint confidence (0–1), which caps every finding's confidence
 * @param fps frames per second, to weigh how many frames a measure rests on
 */
export function findFaults(measures: Measure[], meanConfidence: number, fps: number): Finding[] {
  const best = new Map<string, Finding>();
  for (const t of FORM_THRESHOLDS) {
    if (t.condition) continue;
    const m = measures.find((x) => applies(t, x));
    if (!m || !passes(t, m)) continue;
    const conditions = FORM_THRESHOLDS.filter((c) => c.condition && c.factorId === t.factorId);
    const unmet = conditions.some((c) => {
      const cm = measures.find((x) => applies(c, x));
      return !cm || !passes(c, cm);
    });
    if (unmet) continue;
    const margin = Math.min(1, Math.abs(m.value - t.value) / t.clearMargin);
    const frames = Math.min(1, m.frames.length / (3 * fps));
    const confidence = Math.min(t.maxConfidence ?? 1, meanConfidence * (0.6 + 0.4 * margin) * frames);
    const finding: Finding = {
      factorId: t.factorId,
      measure: m.id,
      value: m.value,
      unit: m.unit,
      threshold: { value: t.value, unit: t.unit, direction: t.direction, source: t.source },
      confidence: Math.round(confidence * 100) / 100,
      summary: (SUMMARIES[t.factorId] ?? (() => ''))(m, measures),
    };
    const previous = best.get(t.factorId);
    if (!previous || previous.confidence < finding.confidence) best.set(t.factorId, finding);
  }
  return [...best.values()];
}

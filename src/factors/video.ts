/**
 * Running form measured from the runner's own saved video clips, as evidence for the form factors.
 *
 * A measurement takes precedence over the runner's self-report (issue 12), and both are shown: a fault
 * the video measured raises its factor on its own, ahead of what the runner said; a measure the video
 * took that showed no fault halves the weight of the self-report and says so. Only the latest usable
 * clip counts (running, not refused, within `VIDEO_RULES.maxAgeDays`); the first clip, when there is an
 * earlier one, is the runner's own baseline for "18% higher than your first clip".
 */
import { compareEarlyLate, earlyPartner } from '../form/compare.js';
import { FORM_THRESHOLDS } from '../form/thresholds.js';
import type { Evidence } from './rules.js';

/** Backstride rules for weighing a measured fault; the gait literature gives thresholds, not weights. */
export const VIDEO_RULES = {
  /** A clip older than this says little about how the runner moves now. */
  maxAgeDays: 180,
  /** Weight of a measured fault: base plus the finding's confidence times the span. */
  baseWeight: 0.5,
  confidenceSpan: 0.4,
  /** A self-report the video contradicts keeps this share of its weight. */
  contradictedShare: 0.5,
  /** Confidence given to a fault found by comparing two clips (each measured on its own clip). */
  pairConfidence: 0.5,
} as const;

/** What the factors need of a saved form check (see src/store/form-checks.ts). */
export type VideoCheck = {
  checkedAt: number;
  running: boolean;
  refused: boolean;
  /** Filmed early or late in one run, to compare tiring; null for neither. */
  label?: 'early' | 'late' | null;
  view?: string | null;
  cadenceSpm?: number | null;
  measures: { id: string; label: string; value: number; unit: string; landmark?: string }[];
  findings: {
    factorId: string;
    measure: string;
    value: number;
    unit: string;
    confidence: number;
    summary: string;
  }[];
};

/** A pair of clips of one run, early and late, and the fatigue faults their comparison found. */
export type ClipPair = { at: number; findings: { factorId: string; measure: string; summary: string }[] };

/** The latest usable clip and the first one before it, when there is one; the latest early/late pair. */
export type VideoEvidence = { latest: VideoCheck; first?: VideoCheck; pair?: ClipPair };

/** The latest usable clip of the saved checks (any order) at `now`, with the first usable one before it. */
export function videoEvidence(checks: readonly VideoCheck[], now: number): VideoEvidence | undefined {
  const usable = checks
    .filter((c) => c.running && !c.refused && c.checkedAt <= now)
    .filter((c) => c.checkedAt >= now - VIDEO_RULES.maxAgeDays * 86_400_000)
    .sort((a, b) => a.checkedAt - b.checkedAt);
  const latest = usable.at(-1);
  if (!latest) return undefined;
  const first = usable[0] !== latest ? usable[0] : undefined;
  const out: VideoEvidence = first ? { latest, first } : { latest };
  const late = usable.filter((c) => c.label === 'late').at(-1);
  const early = late ? earlyPartner(late.checkedAt, usable) : undefined;
  if (late && early) {
    const clip = (c: VideoCheck) => ({
      view: c.view ?? null,
      cadenceSpm: c.cadenceSpm ?? null,
      measures: c.measures.map((m) => ({
        id: m.id as never,
        value: m.value,
        ...(m.landmark ? { landmark: m.landmark as never } : {}),
      })),
    });
    const found = compareEarlyLate(clip(early), clip(late)).findings;
    if (found.length) out.pair = { at: late.checkedAt, findings: found };
  }
  return out;
}

/** The measures that can raise each form factor. */
const MEASURES_OF = FORM_THRESHOLDS.reduce<Record<string, Set<string>>>((acc, t) => {
  const set = acc[t.factorId] ?? new Set<string>();
  set.add(t.measure);
  acc[t.factorId] = set;
  return acc;
}, {});

const day = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The same measure in the runner's first clip, for comparison: "(head-to-shoulder distance: 23% less
 * than in your first clip on 3 May 2026)"; degrees compare as a difference, other measures in percent.
 */
function againstFirst(v: VideoEvidence, measure: string): string {
  const now = v.latest.measures.find((m) => m.id === measure);
  const then = v.first?.measures.find((m) => m.id === measure);
  if (!now || !then || !v.first || then.value === 0) return '';
  const on = `your first clip on ${day(v.first.checkedAt)}`;
  const what = now.label.replace(/\s*\(.*\)$/, '').toLowerCase();
  const degrees = now.unit === 'degrees' || now.unit === '°';
  const change = degrees
    ? Math.round(now.value - then.value)
    : Math.round(((now.value - then.value) / Math.abs(then.value)) * 100);
  if (change === 0) return ` (${what}: the same as in ${on})`;
  const size = degrees ? `${Math.abs(change)}°` : `${Math.abs(change)}%`;
  return ` (${what}: ${size} ${change > 0 ? 'more' : 'less'} than in ${on})`;
}

/**
 * The factor's evidence with the video weighed in: the measured fault first, then what the runner said;
 * or what the runner said, weighed down, after a line saying the video did not show it.
 * @returns the evidence to use, or undefined when the video has nothing to say about this factor
 */
export function withVideo(
  factorId: string,
  selfReport: { primary: Evidence[]; supporting: Evidence[] },
  v: VideoEvidence | undefined,
): { primary: Evidence[]; supporting: Evidence[] } | undefined {
  const measures = MEASURES_OF[factorId];
  if (!v || !measures) return undefined;
  const when = day(v.latest.checkedAt);
  const finding = v.latest.findings
    .filter((f) => f.factorId === factorId)
    .sort((a, b) => b.confidence - a.confidence)[0];
  const fromPair = v.pair?.findings.find((f) => f.factorId === factorId);
  if (!finding && fromPair && v.pair) {
    const measured: Evidence = {
      text: `Measured from your early and late clips on ${day(v.pair.at)}: ${fromPair.summary}`,
      weight: VIDEO_RULES.baseWeight + VIDEO_RULES.confidenceSpan * VIDEO_RULES.pairConfidence,
    };
    return { primary: [measured], supporting: [...selfReport.primary, ...selfReport.supporting] };
  }
  if (finding) {
    const measured: Evidence = {
      text: `Measured from your video on ${when}: ${finding.summary.replace(/\.$/, '')}${againstFirst(v, finding.measure)}.`,
      weight: VIDEO_RULES.baseWeight + VIDEO_RULES.confidenceSpan * finding.confidence,
    };
    // The video leads; what the runner said stays, as support.
    return { primary: [measured], supporting: [...selfReport.primary, ...selfReport.supporting] };
  }
  const taken = v.latest.measures.filter((m) => measures.has(m.id));
  if (taken.length === 0 || selfReport.primary.length === 0) return undefined;
  const shown = taken
    .map((m) => `${m.label.charAt(0).toLowerCase()}${m.label.slice(1)} ${round(m.value)}${unitText(m.unit)}`)
    .join(', ');
  const contradicted: Evidence = {
    text: `Your video on ${when} did not show this (${shown}), so what you said counts for less.`,
    weight: 0,
  };
  const halve = (e: Evidence) => ({ ...e, weight: e.weight * VIDEO_RULES.contradictedShare });
  return {
    primary: [...selfReport.primary.map(halve), contradicted],
    supporting: selfReport.supporting.map(halve),
  };
}

const round = (x: number) => (Math.abs(x) >= 10 ? Math.round(x) : Math.round(x * 100) / 100);
const unitText = (unit: string) => (unit === '°' || unit === '%' ? unit : unit ? ` ${unit}` : '');

/**
 * Likely contributing factors, ranked. Each factor the knowledge base defines is scored from the evidence
 * its rule finds in the answers; a factor with no evidence is never raised.
 */
import type { Answers } from '../answers/index.js';
import type { HistoryFacts } from '../assess/history.js';
import { type FactorCategory, knowledge } from '../knowledge/index.js';
import { type Evidence, factorRules } from './rules.js';
import { type VideoEvidence, withVideo } from './video.js';

export type { Evidence } from './rules.js';
export { factorRules } from './rules.js';
export { type VideoCheck, type VideoEvidence, videoEvidence } from './video.js';

export type RaisedFactor = {
  id: string;
  name: string;
  category: FactorCategory;
  summary: string;
  /** 0–1: a noisy-or of the evidence weights, so more independent evidence gives a higher score. */
  score: number;
  evidence: string[];
  /** A pattern only a clinician can assess. */
  needsClinician: boolean;
  sources: string[];
};

/** Combine evidence weights: 1 − Π(1 − w). */
export function combine(evidence: readonly Evidence[]): number {
  const miss = evidence.reduce((acc, e) => acc * (1 - Math.min(Math.max(e.weight, 0), 1)), 1);
  return Math.round((1 - miss) * 100) / 100;
}

/**
 * Rank the factors raised by the answers, highest score first (ties by name).
 * @example analyseFactors(answers)[0]?.id // 'slouched-sitting'
 */
export function analyseFactors(
  answers: Answers,
  history?: HistoryFacts,
  video?: VideoEvidence,
): RaisedFactor[] {
  const raised: RaisedFactor[] = [];
  for (const factor of knowledge().factors) {
    const rule = factorRules[factor.id];
    if (!rule) throw new Error(`factor ${factor.id} has no rule`);
    const said = rule(answers, factor.thresholds, history);
    const selfReport = { primary: said.primary, supporting: said.supporting ?? [] };
    // A measurement from the runner's own video takes precedence over what they said; both are shown.
    const { primary, supporting } = withVideo(factor.id, selfReport, video) ?? selfReport;
    if (primary.length === 0) continue;
    const evidence = [...primary, ...supporting];
    raised.push({
      id: factor.id,
      name: factor.name,
      category: factor.category,
      summary: factor.summary,
      score: combine(evidence),
      evidence: evidence.map((e) => e.text),
      needsClinician: factor.needsClinician,
      sources: factor.sources,
    });
  }
  return raised.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));
}

/**
 * What every check-in step gets: the draft, a way to edit it (answering a skipped step un-skips it), the
 * answers so far (for which questions apply), what the stored runs answer, and the runner's units.
 */
import type { AskOptions, Draft } from '../../check-in-model.js';
import type { Units } from '../../format.js';
import type { Answers } from '../../types.js';

export type Edit = (update: (d: Draft) => Partial<Draft>) => void;

export type StepProps = {
  draft: Draft;
  edit: Edit;
  /** `toAnswers(draft)`: what the conditions of the questions are computed from. */
  answers: Answers;
  /** Whether the imported runs answer the running load (those questions are then not asked). */
  ask: AskOptions;
  units: Units;
};

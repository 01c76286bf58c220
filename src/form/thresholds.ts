/**
 * Every number the form analysis judges by, with where it comes from: gait studies where one gives a
 * number, otherwise marked "Backstride heuristic". Data, not code, so a clinician can review it here.
 * The factor ids are the knowledge base's running-form factors.
 */
import type { MeasureId } from './types.js';

export interface FormThreshold {
  factorId: string;
  measure: MeasureId;
  value: number;
  unit: string;
  /** A finding when the measure is above (or below) the value. */
  direction: 'above' | 'below';
  /** Where the number comes from, in words for people. */
  source: string;
  /** How far past the threshold counts as clear (for the confidence); in the measure's unit. */
  clearMargin: number;
  /** Upper bound on confidence when the measure itself is rough (2-D estimates of a 3-D turn). */
  maxConfidence?: number;
  /** For head measures: which head point the number is for. */
  landmark?: 'ear' | 'headTop' | 'nose';
  /** A condition only narrows another threshold of the same factor; it never makes a finding alone. */
  condition?: true;
}

const TENG_POWERS =
  'Teng and Powers 2015 (Medicine & Science in Sports & Exercise 47:625): recreational runners with a forward-leaning trunk averaged 10.8° ± 2.2°; 15° is about two standard deviations above that';
const HEURISTIC = 'Backstride heuristic';

export const FORM_THRESHOLDS: FormThreshold[] = [
  {
    factorId: 'waist-lean',
    measure: 'trunkLean',
    value: 15,
    unit: 'degrees',
    direction: 'above',
    source: TENG_POWERS,
    clearMargin: 5,
  },
  {
    // Second condition for the same factor: the lean has to come from the hips, not the ankles.
    factorId: 'waist-lean',
    measure: 'leanFromWaist',
    value: 5,
    unit: 'degrees',
    direction: 'above',
    source: `${HEURISTIC}: the trunk leans at least 5° more than the legs (bent at the hips)`,
    condition: true,
    clearMargin: 5,
  },
  {
    factorId: 'forward-head',
    measure: 'headForward',
    landmark: 'ear',
    value: 0.15,
    unit: 'torso lengths',
    direction: 'above',
    source: `${HEURISTIC}: the ear about 7 cm (3 inches) ahead of the line of the trunk`,
    clearMargin: 0.1,
  },
  {
    factorId: 'forward-head',
    measure: 'headForward',
    landmark: 'headTop',
    value: 0.25,
    unit: 'torso lengths',
    direction: 'above',
    source: `${HEURISTIC}: the top of the head about 12 cm ahead of the line of the trunk`,
    clearMargin: 0.1,
  },
  {
    factorId: 'forward-head',
    measure: 'headForward',
    landmark: 'nose',
    value: 0.35,
    unit: 'torso lengths',
    direction: 'above',
    source: `${HEURISTIC}: the nose about 17 cm ahead of the line of the trunk`,
    clearMargin: 0.1,
  },
  {
    factorId: 'shrugged-shoulders',
    measure: 'shoulderElevation',
    landmark: 'ear',
    value: 0.18,
    unit: 'torso lengths',
    direction: 'below',
    source: `${HEURISTIC}: ears less than 0.18 torso lengths above the shoulders. Upright and relaxed, the ear sits about 0.38 torso lengths above the shoulder joint (Winter's body-segment proportions: shoulder at 0.818, hip at 0.530 of height, ear about 0.11 of height above the shoulder), but pose models place the shoulder point differently: MoveNet read 0.23 on a relaxed treadmill runner in a hoodie`,
    clearMargin: 0.08,
    // One clip's absolute number varies with the model and the clothes more than a shrug moves it.
    maxConfidence: 0.5,
  },
  {
    factorId: 'shrugged-shoulders',
    measure: 'shoulderElevation',
    landmark: 'headTop',
    value: 0.42,
    unit: 'torso lengths',
    direction: 'below',
    source: `${HEURISTIC}: the top of the head less than 0.42 torso lengths above the shoulders (about 0.63 upright, from Winter's body-segment proportions)`,
    clearMargin: 0.08,
    maxConfidence: 0.5,
  },
  {
    factorId: 'shrugged-shoulders',
    measure: 'shoulderElevation',
    landmark: 'nose',
    value: 0.22,
    unit: 'torso lengths',
    direction: 'below',
    source: `${HEURISTIC}: the nose less than 0.22 torso lengths above the shoulders`,
    clearMargin: 0.08,
    maxConfidence: 0.5,
  },
  {
    factorId: 'excess-arm-swing',
    measure: 'armSwing',
    value: 90,
    unit: 'degrees',
    direction: 'above',
    source: `${HEURISTIC}: the upper arm sweeping more than a right angle, front to back`,
    clearMargin: 20,
  },
  {
    factorId: 'arms-crossing-midline',
    measure: 'wristCrossingDepth',
    value: 0.05,
    unit: 'shoulder widths',
    direction: 'above',
    source: `${HEURISTIC}: a wrist at least a twentieth of the shoulder width past the midline`,
    clearMargin: 0.15,
  },
  {
    factorId: 'arms-crossing-midline',
    measure: 'wristCrossing',
    value: 0.5,
    unit: 'share of strides',
    direction: 'above',
    source: `${HEURISTIC}: in at least every other stride`,
    condition: true,
    clearMargin: 0.5,
  },
  {
    factorId: 'waist-twist',
    measure: 'trunkRotation',
    value: 40,
    unit: 'degrees',
    direction: 'above',
    source: `${HEURISTIC}: well above the 25–30° that keypoint noise alone gives from behind`,
    clearMargin: 15,
    maxConfidence: 0.5,
  },
  {
    factorId: 'fatigue-hunch',
    measure: 'headDrift',
    value: 0.08,
    unit: 'torso lengths',
    direction: 'above',
    source: `${HEURISTIC}: the head about 4 cm further forward and down in the last third`,
    clearMargin: 0.08,
  },
  {
    factorId: 'fatigue-hunch',
    measure: 'trunkLeanDrift',
    value: 5,
    unit: 'degrees',
    direction: 'above',
    source: `${HEURISTIC}: the trunk 5° further forward in the last third`,
    clearMargin: 5,
  },
];

/** The quality gates' numbers. */
export const GATES = {
  /** At least this many steps (4 strides) must be seen. */
  minSteps: 8,
  /** Runner's median height, as a share of the image height. */
  minPersonHeightShare: 0.15,
  /** Mean confidence of the body points used. */
  minMeanConfidence: 0.4,
  /** Share of the runner's frames that may lack the head or the feet. */
  maxCutOffShare: 0.5,
  /**
   * Below this cadence it is walking: moderate to brisk walking is 100–130 steps a minute
   * (Tudor-Locke et al. 2019, CADENCE-Adults); 140 leaves a margin (Backstride heuristic).
   */
  minRunningCadenceSpm: 140,
  /** Step-interval coefficient of variation: about 0.02–0.13 in the running fixtures, 0.3–0.4 walking and flipping. */
  maxStepIntervalCv: 0.2,
  /** Two step signals that both show a clear peak must agree within this share. */
  maxEstimateDisagreement: 0.1,
  /** Share of power in the cadence peak; irregular movement spreads it out. */
  minPeakShare: 0.35,
  /** Step interval changing this much from first to second half: speeding up or slowing down. */
  maxIntervalTrend: 0.2,
  /** Trunk lean changing this much from first to last third: a start or a stop, not steady running. */
  maxLeanChangeDeg: 10,
  /** Fatigue drift needs at least this many strides in the clip (four in each third). */
  minStridesForDrift: 12,
} as const;

/**
 * The red-flag screen's order and grouping, shared by the terminal check-in and the web form so both ask
 * the same questions in the same order. Plain data (no schema import), so the web app can bundle it.
 */
import type { RedFlagQuestion } from './schema.js';

export type RedFlagGroup = {
  id: 'rf-heart' | 'rf-nerves' | 'rf-general';
  title: string;
  lead: string;
  questions: RedFlagQuestion[];
};

export const RED_FLAG_GROUPS: RedFlagGroup[] = [
  {
    id: 'rf-heart',
    title: 'Heart and lungs',
    lead: 'Do any of these apply now or in the last few days?',
    questions: [
      'chestPain',
      'sweatingNauseaBreathless',
      'exertionalChestPressure',
      'suddenTearingPain',
      'faintingOrCollapse',
      'suddenBreathlessness',
      'coughingBlood',
      'calfSwelling',
    ],
  },
  {
    id: 'rf-nerves',
    title: 'Bladder, bowel and nerves',
    lead: 'Do any of these apply?',
    questions: [
      'bladderChange',
      'bowelControlLoss',
      'saddleNumbness',
      'sexualDysfunction',
      'bothLegs',
      'worseningWeakness',
      'suddenLimbWeakness',
      'clumsyHandsOrGait',
      'neckVascular',
    ],
  },
  {
    id: 'rf-general',
    title: 'General health',
    lead: 'Do any of these apply?',
    questions: [
      'feverNeckStiffness',
      'fever',
      'immunosuppressed',
      'unexplainedWeightLoss',
      'cancerHistory',
      'osteoporosisOrSteroids',
      'nightPain',
      'worseCoughSneeze',
      'deformityOrSwelling',
      'constantProgressive',
      'morningStiffnessOver30Min',
      'abdominalPainHighBloodPressure',
    ],
  },
];

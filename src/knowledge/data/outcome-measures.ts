/**
 * Validated outcome measures Backstride tracks, with the change that counts as meaningful.
 */
import type { OutcomeMeasureInput } from '../schema.js';

export const outcomeMeasures: OutcomeMeasureInput[] = [
  {
    id: 'nprs',
    name: 'Numeric pain rating (0–10)',
    description:
      'One number for pain: 0 is none, 10 the worst imaginable. Rated now and at worst in the last week.',
    scale: { min: 0, max: 10 },
    minimalImportantChange: 2,
    note: 'A fall of at least 2 points and at least 30% counts as a meaningful improvement (Ostelo 2008); 2 points also exceeds measurement error (Childs 2005). Free to use.',
    sources: ['ostelo-2008-mic', 'childs-2005-nprs'],
  },
  {
    id: 'psfs',
    name: 'Patient-Specific Functional Scale',
    description:
      'You name 3 to 5 activities that the pain makes hard (for example "run 10 km", "sit at my desk for 2 hours") and rate each from 0 (cannot do it) to 10 (as before the pain).',
    scale: { min: 0, max: 10 },
    minimalImportantChange: 2,
    note: 'An average rise of 2 points is a meaningful change; 1.3 is a small one (Abbott & Schmitt 2014, n = 1,708). Free to use; cite Stratford 1995.',
    sources: ['abbott-schmitt-2014-psfs', 'stratford-1995-psfs'],
  },
];

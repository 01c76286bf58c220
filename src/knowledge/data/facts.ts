/** Facts: figures and findings the sources quote, shown as context alongside the plan. */
import type { FactInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

export const facts: FactInput[] = [
  {
    id: 'back-pain-80-percent',
    statement:
      'Back pain is very common: the US National Institute of Neurological Disorders and Stroke (NINDS) says 80% of American adults will have it at some point.',
    sources: [A04],
  },
  {
    id: 'runners-less-back-pain',
    statement:
      'Running is often not what causes back pain: a 2020 research review suggests runners may get back pain less often than people in general.',
    sources: [A03, 'maselli-2020-runners-lbp'],
  },
  {
    id: 'running-safe-with-lbp',
    statement:
      'A 2025 study concluded that running is, on the whole, safe for adults with low back pain; even so, 10 of its participants with low back pain (25%) worried that running would bring on or worsen their pain.',
    sources: [A03],
  },
  {
    id: 'sitting-swap-17-percent',
    statement:
      'In a 2019 study, trading 30 minutes of sitting for any kind of movement went with a 17% lower risk of death.',
    sources: [A04],
  },
  {
    id: 'weak-core-2018',
    statement:
      'A 2018 biomechanics study found a higher risk of low back pain in runners whose deep core muscles are weak: more superficial muscles such as the abs work harder and the spine takes more load.',
    sources: [A04],
  },
  {
    id: 'yoga-2017',
    statement: 'A 2017 trial found yoga to be about as effective as physical therapy for back pain.',
    sources: [A04],
  },
  {
    id: 'head-weight',
    statement:
      'The head makes up about 10% of body weight, and each inch it moves forward out of line with the shoulders adds roughly 10 lb of force on the muscles along the back of the body.',
    sources: [A04],
  },
  {
    id: 'expected-soreness',
    statement:
      'Some discomfort is normal: burning legs and lungs after a hard run, and moderate soreness while you build up your capacity, are part of training. Back pain that is severe, lasts a few days or limits how you move is different and worth looking into.',
    sources: [A00, A03],
  },
  {
    id: 'most-back-pain-settles',
    statement: 'Most back pain begins to ease within 2 weeks and has settled within 6 weeks.',
    sources: ['chcp-nhs-msk'],
  },
  {
    id: 'runner-lbp-risk-factors',
    statement:
      'A 2020 systematic review found low back pain less common in runners than in the general population, and reported links with running for more than 6 years, a BMI over 24, greater height, no weekly aerobic cross-training, restricted hip flexion, a difference in leg length and poor hamstring or back flexibility. These are associations, not proven causes.',
    sources: ['maselli-2020-runners-lbp'],
  },
  {
    id: 'less-common-serious-causes',
    statement:
      'Less common causes of upper-back pain need a doctor rather than self-care: a disc problem in the thoracic spine, a compression fracture, arthritis or fibromyalgia.',
    sources: [A00],
  },
];

/**
 * Where it hurts (the body map), where pain may spread, what it feels like and what makes it worse.
 */
import type { DescriptorInput, RegionInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A01 = 'a01-upper-back-mechanics';
const A02 = 'a02-posture-breathing';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

export const regions: RegionInput[] = [
  {
    id: 'neck',
    name: 'Neck',
    kind: 'painful',
    zone: 'neck-shoulders',
    view: 'back',
    description: 'The back and sides of the neck, up to the base of the skull.',
    sources: [A00, A02],
  },
  {
    id: 'shoulders',
    name: 'Shoulders',
    kind: 'painful',
    zone: 'neck-shoulders',
    view: 'both',
    description: 'The tops of the shoulders, where the upper trapezius runs from the neck.',
    aliases: ['upper traps'],
    sources: [A00, A01],
  },
  {
    id: 'between-shoulder-blades',
    name: 'Between the shoulder blades',
    kind: 'painful',
    zone: 'thoracic',
    view: 'back',
    description: 'The strip of the upper back between the two shoulder blades (rhomboids, mid trapezius).',
    aliases: ['interscapular'],
    sources: [A00, A01],
  },
  {
    id: 'under-shoulder-blades',
    name: 'Under the shoulder blades',
    kind: 'painful',
    zone: 'thoracic',
    view: 'back',
    description: 'Just below the lower tips of the shoulder blades.',
    sources: [A00],
  },
  {
    id: 'mid-back-ribs',
    name: 'Mid back and ribs',
    kind: 'painful',
    zone: 'thoracic',
    view: 'back',
    description:
      'The thoracic spine and the rib cage around it, including the joints where the ribs meet the vertebrae.',
    aliases: ['thoracic spine', 't-spine', 'rib cage'],
    sources: [A01],
  },
  {
    id: 'lower-back',
    name: 'Lower back',
    kind: 'painful',
    zone: 'lumbopelvic',
    view: 'back',
    description: 'The lumbar spine and the muscles either side of it, between the ribs and the pelvis.',
    aliases: ['lumbar'],
    sources: [A03, A04],
  },
  {
    id: 'sacroiliac-buttock',
    name: 'Sacroiliac joint and buttock',
    kind: 'painful',
    zone: 'lumbopelvic',
    view: 'back',
    description:
      'The dimples just above the buttocks where the spine meets the pelvis, and the buttock below.',
    aliases: ['SI joint', 'glutes'],
    sources: [A03],
  },
  {
    id: 'hip',
    name: 'Hip',
    kind: 'painful',
    zone: 'lumbopelvic',
    view: 'both',
    description: 'The side and front of the hip.',
    sources: [A03],
  },
  {
    id: 'arm',
    name: 'Arm or hand',
    kind: 'spread',
    zone: 'limb',
    view: 'both',
    description: 'Pain, tingling or numbness running down an arm or into the hand.',
    sources: ['chcp-nhs-msk', 'nhs-heart-attack'],
  },
  {
    id: 'leg',
    name: 'Leg or foot',
    kind: 'spread',
    zone: 'limb',
    view: 'both',
    description: 'Pain, tingling or numbness running down a leg, below the knee or into the foot.',
    sources: ['glos-nhs-pathway', A03],
  },
  {
    id: 'chest',
    name: 'Chest',
    kind: 'spread',
    zone: 'trunk',
    view: 'front',
    description: 'Pain, pressure or tightness in the front of the chest.',
    sources: ['sheffield-nhs-back', 'nhs-heart-attack'],
  },
  {
    id: 'jaw',
    name: 'Jaw',
    kind: 'spread',
    zone: 'trunk',
    view: 'front',
    description: 'Pain or pressure in the jaw.',
    sources: ['nhs-heart-attack'],
  },
];

export const descriptors: DescriptorInput[] = [
  // Qualities
  { id: 'ache', kind: 'quality', name: 'Aching', description: 'A dull, aching muscle pain.', sources: [A03] },
  {
    id: 'sharp',
    kind: 'quality',
    name: 'Sharp or stabbing',
    description: 'A sharp, stabbing pain, often with a particular movement.',
    sources: [A03],
  },
  {
    id: 'burning',
    kind: 'quality',
    name: 'Burning',
    description: 'A burning feeling in the back.',
    sources: [A00],
  },
  {
    id: 'stiffness',
    kind: 'quality',
    name: 'Stiffness',
    description: 'The back feels stiff and hard to move, often after a strain or in the morning.',
    sources: [A03, A00],
  },
  {
    id: 'spasm',
    kind: 'quality',
    name: 'Spasm or cramp',
    description: 'Muscles that tighten or cramp without warning.',
    sources: [A00, A03],
  },
  {
    id: 'seizing',
    kind: 'quality',
    name: 'Seizing up',
    description:
      'The upper back locks up on a quick movement later in the day, for 24 to 48 hours after long runs.',
    sources: [A02],
  },
  {
    id: 'tingling',
    kind: 'quality',
    name: 'Tingling (pins and needles)',
    description: 'Pins and needles, a possible sign that a nerve is involved.',
    sources: [A03, 'nhs-back-pain-timeline'],
  },
  {
    id: 'numbness',
    kind: 'quality',
    name: 'Numbness',
    description: 'Reduced feeling in the skin, a possible sign that a nerve is involved.',
    sources: [A03, 'nhs-back-pain-timeline'],
  },
  {
    id: 'weakness',
    kind: 'quality',
    name: 'Weakness',
    description: 'An arm or leg that feels weak or gives way.',
    sources: ['chcp-nhs-msk', 'glos-nhs-pathway'],
  },
  // Aggravating movements and times
  {
    id: 'deep-breath',
    kind: 'aggravator',
    name: 'Deep breaths',
    description: 'Worse on a deep breath in, as with the rib–spine joints.',
    sources: [A01],
  },
  {
    id: 'twisting',
    kind: 'aggravator',
    name: 'Twisting',
    description: 'Worse when turning the trunk.',
    sources: [A01, A03],
  },
  {
    id: 'bending',
    kind: 'aggravator',
    name: 'Bending',
    description: 'Worse when bending the back.',
    sources: [A03],
  },
  { id: 'lifting', kind: 'aggravator', name: 'Lifting', description: 'Worse when lifting.', sources: [A03] },
  {
    id: 'sitting',
    kind: 'aggravator',
    name: 'Sitting',
    description: 'Worse when sitting, as with the sacroiliac joint.',
    sources: [A03],
  },
  {
    id: 'lying-painful-side',
    kind: 'aggravator',
    name: 'Lying on the painful side',
    description: 'Worse lying on the side that hurts.',
    sources: [A03],
  },
  { id: 'stairs', kind: 'aggravator', name: 'Stairs', description: 'Worse climbing stairs.', sources: [A03] },
  {
    id: 'inactivity',
    kind: 'aggravator',
    name: 'Inactivity or mornings',
    description:
      'Worse after sitting still for a while or first thing in the morning, as with the facet joints.',
    sources: [A03],
  },
  {
    id: 'rest-night',
    kind: 'aggravator',
    name: 'Rest or night',
    description: 'Worse at rest or at night: pain that rest does not ease needs checking.',
    sources: ['physiopedia-thoracic', 'nhs-back-pain-urgent'],
  },
  // Normal and expected
  {
    id: 'burning-legs-lungs',
    kind: 'expected-sensation',
    name: 'Burning legs and lungs after a hard run',
    description: 'Legs and lungs that burn after a long or hard effort are normal and part of training.',
    sources: [A00],
  },
  {
    id: 'moderate-soreness',
    kind: 'expected-sensation',
    name: 'Moderate soreness while building up',
    description:
      'Some soreness the next morning is expected as you build capacity; severe pain, or pain lasting a few days, is not.',
    sources: [A03],
  },
];

/**
 * Where each line of the seed inventory (`shared/spec/seed-inventory.md`) lives in the knowledge base.
 * The tests check that every id exists and, when the inventory file is present, that every line has an entry.
 */
import type { InventoryEntryInput } from '../schema.js';

export const inventory: InventoryEntryInput[] = [
  // Where it hurts, and how
  {
    section: 'Where it hurts, and how',
    item: 'Upper back between and/or under the shoulder blades',
    entries: [
      'region:between-shoulder-blades',
      'region:under-shoulder-blades',
      'region:neck',
      'region:shoulders',
    ],
  },
  {
    section: 'Where it hurts, and how',
    item: 'Thoracic spine (mid back) and the rib cage',
    entries: [
      'region:mid-back-ribs',
      'descriptor:deep-breath',
      'descriptor:twisting',
      'factor:rib-joint-pattern',
    ],
  },
  {
    section: 'Where it hurts, and how',
    item: 'Lower back [003, 004]; sacroiliac joint',
    entries: [
      'region:lower-back',
      'region:sacroiliac-buttock',
      'descriptor:sitting',
      'descriptor:lying-painful-side',
      'descriptor:stairs',
      'factor:sacroiliac-pattern',
    ],
  },
  {
    section: 'Where it hurts, and how',
    item: 'Facet joints: worse after inactivity',
    entries: ['descriptor:inactivity', 'factor:facet-joint-pattern'],
  },
  {
    section: 'Where it hurts, and how',
    item: 'Qualities: aching muscles, stabbing pain',
    entries: [
      'descriptor:ache',
      'descriptor:sharp',
      'descriptor:bending',
      'descriptor:lifting',
      'region:hip',
      'descriptor:stiffness',
      'descriptor:seizing',
      'descriptor:spasm',
    ],
  },
  {
    section: 'Where it hurts, and how',
    item: 'Normal and expected: burning legs and lungs',
    entries: ['descriptor:burning-legs-lungs', 'descriptor:moderate-soreness', 'fact:expected-soreness'],
  },
  // Contributing factors
  {
    section: 'Contributing factors',
    item: 'Slouched sitting (8–12 h a day',
    entries: ['factor:slouched-sitting'],
  },
  {
    section: 'Contributing factors',
    item: 'Prolonged sitting tightening the hip flexors',
    entries: ['factor:sitting-tight-hip-flexors'],
  },
  {
    section: 'Contributing factors',
    item: 'Tight pectorals pulling the shoulders forward',
    entries: ['factor:tight-chest-rounded-shoulders', 'factor:weak-upper-back'],
  },
  {
    section: 'Contributing factors',
    item: 'Improper lifting technique; being overweight',
    entries: ['factor:lifting-technique', 'factor:body-weight', 'factor:previous-injury'],
  },
  {
    section: 'Contributing factors',
    item: 'Stress (lower pain tolerance',
    entries: ['factor:stress', 'factor:dehydration'],
  },
  {
    section: 'Contributing factors',
    item: 'Shrugged / elevated shoulders',
    entries: ['factor:shrugged-shoulders'],
  },
  {
    section: 'Contributing factors',
    item: 'Clenched fists passing tension up the arm',
    entries: ['factor:clenched-fists'],
  },
  {
    section: 'Contributing factors',
    item: 'Too much arm swing',
    entries: ['factor:excess-arm-swing', 'factor:arms-crossing-midline'],
  },
  {
    section: 'Contributing factors',
    item: 'Leaning forward from the waist',
    entries: ['factor:waist-lean', 'factor:waist-twist'],
  },
  {
    section: 'Contributing factors',
    item: 'Head jutting forward',
    entries: ['factor:forward-head', 'fact:head-weight'],
  },
  {
    section: 'Contributing factors',
    item: 'Hunching and looking down when fatigued',
    entries: ['factor:fatigue-hunch'],
  },
  {
    section: 'Contributing factors',
    item: 'Shallow, chest-dominant breathing',
    entries: ['factor:chest-breathing'],
  },
  {
    section: 'Contributing factors',
    item: 'Running on the outside of the foot',
    entries: ['factor:foot-supination', 'factor:worn-shoes'],
  },
  {
    section: 'Contributing factors',
    item: 'Poorly fitting sports bra or compression top',
    entries: ['factor:sports-bra-fit', 'factor:hard-surfaces'],
  },
  {
    section: 'Contributing factors',
    item: 'Too much too soon; sudden changes',
    entries: ['factor:load-too-fast', 'factor:long-run-build'],
  },
  {
    section: 'Contributing factors',
    item: 'Weekly mileage rising more than 10%',
    entries: ['factor:load-too-fast'],
  },
  {
    section: 'Contributing factors',
    item: 'Too few rest days; no cross-training',
    entries: ['factor:too-few-rest-days', 'factor:no-cross-training'],
  },
  {
    section: 'Contributing factors',
    item: 'Poor warm-up, cool-down or stretching',
    entries: ['factor:poor-warm-up'],
  },
  {
    section: 'Contributing factors',
    item: 'Weak deep core',
    entries: ['factor:weak-deep-core', 'fact:weak-core-2018'],
  },
  { section: 'Contributing factors', item: 'Weak glutes', entries: ['factor:weak-glutes'] },
  {
    section: 'Contributing factors',
    item: 'Weak rhomboids, mid and lower trapezius',
    entries: ['factor:weak-upper-back'],
  },
  {
    section: 'Contributing factors',
    item: 'Limited thoracic-spine mobility',
    entries: ['factor:stiff-thoracic-spine', 'factor:tight-back'],
  },
  {
    section: 'Contributing factors',
    item: 'Hyperlordosis (exaggerated lower-back curve)',
    entries: ['factor:hyperlordosis'],
  },
  {
    section: 'Contributing factors',
    item: 'Muscle strain or sprain',
    entries: [
      'factor:muscle-strain-pattern',
      'factor:nerve-disc-pattern',
      'factor:sacroiliac-pattern',
      'factor:facet-joint-pattern',
      'red-flag:limb-pain-nerve-signs',
    ],
  },
  {
    section: 'Contributing factors',
    item: 'Thoracic disc herniation, compression fracture',
    entries: [
      'fact:less-common-serious-causes',
      'red-flag:fragility-fracture',
      'red-flag:thoracic-non-mechanical',
    ],
  },
  // Self-checks
  { section: 'Self-checks', item: 'Wall test for hyperlordosis', entries: ['self-check:wall-test'] },
  {
    section: 'Self-checks',
    item: 'Profile view in a mirror',
    entries: ['self-check:mirror-profile', 'self-check:long-run-photos', 'intervention:long-run-photo-check'],
  },
  {
    section: 'Self-checks',
    item: 'A professional movement screen',
    entries: ['self-check:professional-screen', 'intervention:movement-screen'],
  },
  // Relief now
  {
    section: 'Relief now',
    item: 'Relative rest; avoid aggravating movements',
    entries: ['intervention:relative-rest'],
  },
  { section: 'Relief now', item: 'Ice or heat in the first days', entries: ['intervention:ice-then-heat'] },
  { section: 'Relief now', item: 'Over-the-counter pain relief', entries: ['intervention:otc-pain-relief'] },
  {
    section: 'Relief now',
    item: 'Massage: self-massage with a foam roller',
    entries: ['intervention:foam-roller-self-massage', 'intervention:professional-massage'],
  },
  {
    section: 'Relief now',
    item: 'After a strain: limit activity for a few days',
    entries: ['intervention:strain-return'],
  },
  {
    section: 'Relief now',
    item: 'Kinesiology taping',
    entries: ['intervention:kinesiology-taping', 'intervention:posture-brace'],
  },
  // During the run
  {
    section: 'During the run',
    item: 'Posture check: relax and drop the shoulders',
    entries: ['intervention:shoulders-down-check'],
  },
  {
    section: 'During the run',
    item: 'Diaphragmatic "reset" breaths',
    entries: ['intervention:reset-breaths', 'intervention:shake-out-arms'],
  },
  {
    section: 'During the run',
    item: 'Head over the shoulders, not jutting',
    entries: ['intervention:head-and-gaze'],
  },
  { section: 'During the run', item: 'Run tall, lean from the ankles', entries: ['intervention:run-tall'] },
  {
    section: 'During the run',
    item: 'Relaxed hands; arms counterbalance the stride',
    entries: ['intervention:relaxed-hands-arms'],
  },
  // Before and after the run
  {
    section: 'Before and after the run',
    item: 'Dynamic upper-body warm-up',
    entries: ['intervention:upper-body-warm-up', 'exercise:neck-shoulder-rolls', 'exercise:arm-swings'],
  },
  {
    section: 'Before and after the run',
    item: 'Breathwork before: breaths with hands on a wall',
    entries: [
      'intervention:pre-run-breathwork',
      'exercise:wall-breathing',
      'exercise:goal-post-arms-breathing',
    ],
  },
  {
    section: 'Before and after the run',
    item: 'Static stretching after, upper and lower body',
    entries: ['intervention:post-run-stretching', 'exercise:post-run-static-stretch'],
  },
  {
    section: 'Before and after the run',
    item: 'Breathwork after: hook-lying breathing',
    entries: ['intervention:post-run-hum-breathing', 'exercise:hook-lying-hum-breathing'],
  },
  // Exercises
  {
    section: 'Exercises',
    item: 'Shoulder extension with a resistance band',
    entries: ['exercise:shoulder-extension-band'],
  },
  { section: 'Exercises', item: 'Superman: lying prone', entries: ['exercise:superman'] },
  { section: 'Exercises', item: 'Lat pull-down: 3 sets of 10–12', entries: ['exercise:lat-pull-down'] },
  {
    section: 'Exercises',
    item: 'Seated row, band pull-apart, reverse fly',
    entries: ['exercise:seated-row', 'exercise:band-pull-apart', 'exercise:reverse-fly'],
  },
  {
    section: 'Exercises',
    item: 'Renegade row, plank',
    entries: ['exercise:renegade-row', 'exercise:plank', 'exercise:bird-dog'],
  },
  {
    section: 'Exercises',
    item: 'Squat, deadlift (glutes)',
    entries: ['exercise:squat', 'exercise:deadlift'],
  },
  { section: 'Exercises', item: 'Foam-roller wall push-up', entries: ['exercise:foam-roller-wall-push-up'] },
  {
    section: 'Exercises',
    item: 'Mini wall sit with chest-wall expansion',
    entries: ['exercise:mini-wall-sit-chest-expansion'],
  },
  {
    section: 'Exercises',
    item: 'Foam-roller thoracic extension; seated torso twist',
    entries: ['exercise:foam-roller-thoracic-extension', 'exercise:seated-torso-twist'],
  },
  {
    section: 'Exercises',
    item: "Cat pose, child's pose",
    entries: ['exercise:cat-pose', 'exercise:childs-pose', 'exercise:pigeon-pose', 'exercise:malasana'],
  },
  {
    section: 'Exercises',
    item: 'For hyperlordosis: shoulder circles',
    entries: [
      'exercise:shoulder-circles',
      'exercise:small-arm-circles',
      'exercise:chair-squat',
      'exercise:standing-side-bend',
    ],
  },
  // Habits, training and gear
  {
    section: 'Habits, training and gear',
    item: 'Sitting: back flush against the chair',
    entries: ['intervention:sitting-setup', 'intervention:change-position', 'intervention:hourly-walk-break'],
  },
  {
    section: 'Habits, training and gear',
    item: 'Walking: head balanced',
    entries: ['intervention:walking-posture'],
  },
  {
    section: 'Habits, training and gear',
    item: 'Weekly mileage up by no more than 10%',
    entries: ['intervention:weekly-increase-cap', 'intervention:gradual-progression'],
  },
  {
    section: 'Habits, training and gear',
    item: 'Rest days; about 3 run days a week',
    entries: ['intervention:three-run-days', 'intervention:cross-training'],
  },
  {
    section: 'Habits, training and gear',
    item: 'Shoes that fit, replaced before they wear out',
    entries: [
      'intervention:fitting-shoes',
      'intervention:cushioned-shoes-supinators',
      'intervention:sports-bra-fit',
    ],
  },
  {
    section: 'Habits, training and gear',
    item: 'Yoga as an option',
    entries: ['intervention:yoga-option', 'fact:yoga-2017'],
  },
  // When to see a professional
  {
    section: 'When to see a professional',
    item: 'Severe pain, or pain lasting more than a couple of days',
    entries: ['red-flag:severe-pain', 'red-flag:getting-worse', 'red-flag:not-improving-weeks'],
  },
  {
    section: 'When to see a professional',
    item: 'Not improving with foam rolling, massage and heat',
    entries: ['red-flag:not-improving-weeks', 'red-flag:chronic'],
  },
  {
    section: 'When to see a professional',
    item: 'Tingling or numbness (nerve involvement)',
    entries: ['red-flag:nerve-symptoms'],
  },
  {
    section: 'When to see a professional',
    item: 'Who: physical therapist, orthopedic doctor',
    entries: ['intervention:see-physical-therapist'],
  },
  // Figures
  {
    section: 'Figures the articles quote',
    item: '80% of American adults experience back pain',
    entries: ['fact:back-pain-80-percent'],
  },
  {
    section: 'Figures the articles quote',
    item: 'A 2020 review suggests runners may have less back pain',
    entries: ['fact:runners-less-back-pain'],
  },
  {
    section: 'Figures the articles quote',
    item: 'A 2025 study: running generally safe',
    entries: ['fact:running-safe-with-lbp'],
  },
  {
    section: 'Figures the articles quote',
    item: 'Replacing 30 minutes of sitting with movement',
    entries: ['fact:sitting-swap-17-percent'],
  },
  {
    section: 'Figures the articles quote',
    item: 'Weak deep core raises low-back-pain risk',
    entries: ['fact:weak-core-2018'],
  },
];

/**
 * Contributing factors: what may make a runner's back hurt, each with the thresholds its rule uses.
 * Factors are modifiable contributors, never diagnoses; `pattern` items describe symptom patterns the
 * sources link to particular structures, which only a clinician can assess.
 */
import type { FactorInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A01 = 'a01-upper-back-mechanics';
const A02 = 'a02-posture-breathing';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

export const factors: FactorInput[] = [
  // Posture and daily life
  {
    id: 'slouched-sitting',
    name: 'Long hours of slouched sitting',
    category: 'posture',
    summary: 'Hours at a desk or on a phone round the upper back and tire the postural muscles.',
    explanation:
      'Sitting slouched for much of the day (most people sit 8 to 12 hours) flexes the spine and, over time, weakens the muscles that hold you upright. That same rounded shape tends to come along on the run, where each stride adds load to it.',
    thresholds: {
      sittingHours: {
        value: 8,
        unit: 'h/day',
        basis: 'Bella Williams’s running blog: most people sit 8 to 12 hours a day.',
      },
      sittingHoursSome: {
        value: 6,
        unit: 'h/day',
        basis: 'Backstride heuristic: a weaker signal from 6 hours, below the article figure.',
      },
    },
    sources: [A00, A01],
  },
  {
    id: 'sitting-tight-hip-flexors',
    name: 'Sitting that tightens the hip flexors',
    category: 'posture',
    summary:
      'Long sitting shortens the hip flexors, tips the pelvis forward and quietens the glutes and abs.',
    explanation:
      'When the hip flexors stay shortened for hours they pull the pelvis into a forward tilt. That switches off the abdominals and glutes and leaves the lower back pulling harder, which shows up in running mechanics too.',
    thresholds: {
      sittingHours: {
        value: 8,
        unit: 'h/day',
        basis: 'Bella Williams’s running blog (8 to 12 h a day) and the “5 possible reasons” article.',
      },
    },
    sources: [A04],
  },
  {
    id: 'tight-chest-rounded-shoulders',
    name: 'Tight chest muscles and rounded shoulders',
    category: 'posture',
    summary:
      'Tight pectorals draw the shoulders forward and leave the rhomboids and mid trapezius long and weak.',
    explanation:
      'A slouched posture shortens the chest muscles. They pull the shoulders forward, which stretches and weakens the muscles between the shoulder blades, so those muscles work at a disadvantage on every run and tire early.',
    sources: [A01],
  },
  {
    id: 'hyperlordosis',
    name: 'Exaggerated lower-back curve (hyperlordosis)',
    category: 'posture',
    summary: 'A deep inward curve of the lower back, seen as a C-shaped arch in profile.',
    explanation:
      'With an exaggerated lower-back curve the bottom pushes back and the belly forward. It usually responds to posture exercises; the wall test and a side view in a mirror give a first look.',
    sources: [A03],
  },
  {
    id: 'lifting-technique',
    name: 'Lifting technique',
    category: 'lifestyle',
    summary: 'Lifting with a rounded back, or heavy lifting, strains the back.',
    explanation:
      'Poor lifting technique is one of the everyday contributors to upper-back pain, and pain that began with a lift needs a careful return to loading.',
    sources: [A00, A03],
  },
  {
    id: 'body-weight',
    name: 'Body weight',
    category: 'lifestyle',
    summary: 'Carrying extra weight adds load to the back with every stride.',
    explanation:
      'Being overweight is named among the contributors to back pain after running, and a body-mass index over 24 was one of the risk factors reported for low back pain in runners.',
    thresholds: {
      bmi: {
        value: 25,
        unit: 'kg/m²',
        basis: 'Conventional overweight cut-off; Maselli 2020 reports BMI > 24.',
      },
    },
    sources: [A00, 'maselli-2020-runners-lbp'],
  },
  {
    id: 'previous-injury',
    name: 'Earlier sports injuries',
    category: 'lifestyle',
    summary: 'An old injury can change how you move and load the back.',
    explanation:
      'Earlier sports injuries are among the contributors the sources list for back pain after running.',
    sources: [A00],
  },
  {
    id: 'stress',
    name: 'Stress',
    category: 'lifestyle',
    summary: 'Stress lowers pain tolerance and raises muscle tension.',
    explanation:
      'Stress makes ordinary aches harder to bear and keeps muscles tense, including those of the neck, shoulders and upper back.',
    thresholds: {
      stress: { value: 7, unit: '0–10', basis: 'Backstride heuristic: a self-rated 7 or more out of 10.' },
    },
    sources: [A00],
  },
  {
    id: 'worry-and-fear',
    name: 'Worry about the pain and fear of moving',
    category: 'lifestyle',
    summary: 'Worry that the pain means damage, and holding back from moving, can keep it going.',
    explanation:
      'Back pain rarely means damage, and moving is part of getting better. Worry, low mood and fear that running will harm the back make pain harder to bear and lead to guarding and stiffness. People who feel this way recover better with more support.',
    sources: ['sheffield-nhs-back', 'nice-ng59', 'keele-start-back'],
  },
  {
    id: 'dehydration',
    name: 'Dehydration',
    category: 'lifestyle',
    summary: 'Too little fluid is one cause of muscle cramps in the back, neck and shoulders.',
    explanation:
      'Dehydration is one of several reasons for muscle cramps, which can strike the upper back, neck and shoulders after a run.',
    sources: [A00],
  },
  // Running form
  {
    id: 'shrugged-shoulders',
    name: 'Shrugged, raised shoulders',
    category: 'form',
    summary: 'Shoulders creeping up toward the ears, especially when tired.',
    explanation:
      'Holding the shoulders up, often as the run gets harder, keeps the upper trapezius short and tense and brings on tightness in the neck and between the shoulder blades.',
    sources: [A00, A01, A04],
  },
  {
    id: 'clenched-fists',
    name: 'Clenched fists',
    category: 'form',
    summary: 'A tight grip passes tension up the forearm and arm into the upper back.',
    explanation: 'Squeezing the hands carries tension through the forearm and upper arm into the upper back.',
    sources: [A00],
  },
  {
    id: 'excess-arm-swing',
    name: 'Too much arm swing',
    category: 'form',
    summary: 'Big arm movements stress the shoulders, neck and upper back and waste energy.',
    explanation:
      'The arms should counterbalance the stride, not drive it. Swinging them hard adds stress to the shoulders, neck and upper back.',
    sources: [A00],
  },
  {
    id: 'arms-crossing-midline',
    name: 'Arms crossing the body’s midline',
    category: 'form',
    summary: 'Arms swinging across the body twist the rib cage on every stride.',
    explanation:
      'When the arms cross the midline, the thoracic spine and rib cage have to absorb a twist with each step, which builds tension between the shoulder blades.',
    sources: [A01],
  },
  {
    id: 'waist-lean',
    name: 'Leaning from the waist',
    category: 'form',
    summary: 'Bending forward at the hips instead of leaning from the ankles.',
    explanation:
      'Leaning from the waist makes the back extensors work overtime to stop the head and trunk folding forward, and they tire and strain over a run.',
    sources: [A01],
  },
  {
    id: 'waist-twist',
    name: 'Twisting at the waist',
    category: 'form',
    summary: 'Rotating the trunk a lot with each stride.',
    explanation: 'Good form keeps the back flat and the core engaged with little twisting at the waist.',
    sources: [A00],
  },
  {
    id: 'forward-head',
    name: 'Head jutting forward',
    category: 'form',
    summary: 'Each inch the head sits forward adds about 10 lb of load on the back of the body.',
    explanation:
      'The head weighs about 10% of the body. For every inch it drifts forward of the shoulders, roughly 10 lb more force falls on the muscles behind it, adding stress down to the lower back.',
    sources: [A01, A04],
  },
  {
    id: 'fatigue-hunch',
    name: 'Hunching and looking down when tired',
    category: 'form',
    summary: 'Form that folds late in long runs: head down, chest compressed.',
    explanation:
      'Late in a long run many runners hunch and watch the ground. That squashes the front of the rib cage, pushes the head forward and makes breathing harder, so the neck muscles take over; the ache often shows for a day or two afterwards.',
    sources: [A02],
  },
  {
    id: 'chest-breathing',
    name: 'Shallow chest breathing',
    category: 'breathing',
    summary: 'Breathing high in the chest overworks the neck’s accessory breathing muscles.',
    explanation:
      'When the diaphragm does too little, small muscles in the neck and upper chest pull each breath in. Over a run they tire and the tension spreads into the neck and upper back.',
    sources: [A01, A02],
  },
  {
    id: 'foot-supination',
    name: 'Running on the outside of the foot',
    category: 'form',
    summary: 'Landing on the outer edge limits push-off and how well the glutes fire.',
    explanation:
      'Rolling onto the outside of the foot (supination) keeps you from using the whole foot, which reduces the help you get from the glutes at push-off; cushioned shoes made for your foot type can help.',
    sources: [A04],
  },
  // Gear and surface
  {
    id: 'worn-shoes',
    name: 'Worn-out or ill-fitting shoes',
    category: 'gear',
    summary: 'Shoes past their best, or that do not fit, change how impact travels up the body.',
    explanation: 'The sources advise shoes that fit, replaced before they wear out.',
    sources: [A03, A04],
  },
  {
    id: 'sports-bra-fit',
    name: 'A poorly fitting sports bra or compression top',
    category: 'gear',
    summary: 'Too little support adds load on the upper back with every stride.',
    explanation: 'A properly fitting sports bra or compression top is one of the sources’ form fixes.',
    sources: [A03],
  },
  {
    id: 'hard-surfaces',
    name: 'Hard surfaces',
    category: 'gear',
    summary: 'Running mostly on hard surfaces adds stress to a back that is already strained.',
    explanation:
      'Running on harder surfaces puts extra stress on structures already loaded by poor posture; a doctor may suggest a different surface.',
    sources: [A00, A03],
  },
  // Training
  {
    id: 'load-too-fast',
    name: 'Too much, too soon',
    category: 'training',
    summary: 'Sudden jumps in distance, intensity or speed outpace what the body has adapted to.',
    explanation:
      'Bones, muscles and tendons, including the core muscles that hold the trunk upright, need a gradual build. The sources’ rule of thumb is to raise weekly distance by no more than 10% a week; a trial found the rule itself did not prevent injuries, so read it as a guide, not a guarantee.',
    thresholds: {
      weeklyIncrease: {
        value: 0.1,
        unit: 'fraction per week',
        basis:
          'The “5 possible reasons” article: no more than 10% a week (a rule of thumb; Buist 2008 found it did not prevent injury).',
      },
    },
    sources: [A00, A02, A04],
  },
  {
    id: 'long-run-build',
    name: 'Building long-run volume',
    category: 'training',
    summary: 'Longer long runs are when form breaks down and the upper back aches for a day or two.',
    explanation:
      'As long runs grow, fatigue sets in late and form slips. Pain that lingers 24 to 48 hours after long runs, or seizes up on quick moves later that day, fits this pattern.',
    thresholds: {
      longRunShare: {
        value: 0.5,
        unit: 'fraction of weekly distance',
        basis: 'Backstride flag: a long run more than half of the week (issue 3 flags; training.md).',
      },
    },
    sources: [A02, A00],
  },
  {
    id: 'too-few-rest-days',
    name: 'Too few rest days',
    category: 'training',
    summary:
      'Running most days leaves little time to recover; about 3 run days a week is suggested while in pain.',
    explanation:
      'Rest days let tissues recover. While the back hurts, the sources suggest running about 3 days a week and filling other days with strength and stretching.',
    thresholds: {
      runDaysWhileInPain: {
        value: 3,
        unit: 'runs/week',
        basis: 'The health article on back pain after running: run about 3 days a week.',
      },
      minRestDays: { value: 1, unit: 'days/week', basis: 'Backstride flag: no rest day in 7 (issue 3).' },
    },
    sources: [A03],
  },
  {
    id: 'no-cross-training',
    name: 'No cross-training',
    category: 'training',
    summary: 'Running only, with no strength or stretching days in between.',
    explanation:
      'Alternating running with strength training and stretching is one of the sources’ fixes, and no weekly cross-training was a reported risk factor for runners’ low back pain.',
    sources: [A03, 'maselli-2020-runners-lbp'],
  },
  {
    id: 'poor-warm-up',
    name: 'Little warm-up, cool-down or stretching',
    category: 'training',
    summary: 'Skipping the warm-up and stretching leaves muscles tight and the back more strained.',
    explanation:
      'Warming up before and stretching after a run keeps muscles and tendons supple; skipping them raises the strain on the back and makes strains more likely.',
    sources: [A00, A03],
  },
  // Strength and mobility
  {
    id: 'weak-deep-core',
    name: 'Weak deep core',
    category: 'strength',
    summary: 'When the deep core is weak, superficial muscles overwork and the spine takes more load.',
    explanation:
      'A 2018 biomechanics study linked weak deep core muscles with a higher risk of low back pain in runners: the superficial muscles work harder and the spine carries more load. A stable trunk also spares the upper back from stabilising work.',
    thresholds: {
      plankHoldS: {
        value: 60,
        unit: 's',
        basis: 'Backstride screening heuristic; the sources give no norm for the plank hold.',
      },
    },
    sources: [A01, A04],
  },
  {
    id: 'weak-glutes',
    name: 'Weak glutes',
    category: 'strength',
    summary: 'Weak glutes leave the back muscles to stabilise the pelvis and trunk.',
    explanation:
      'When the gluteal muscles are weak, back muscles become overactive or tight to hold the trunk, core and pelvis steady.',
    thresholds: {
      bridgeHoldS: {
        value: 30,
        unit: 's',
        basis: 'Backstride screening heuristic; the sources give no norm for the single-leg bridge hold.',
      },
      bridgeAsymmetry: {
        value: 0.25,
        unit: 'fraction',
        basis: 'Backstride heuristic: one side holds 25% less than the other.',
      },
    },
    sources: [A01, A04],
  },
  {
    id: 'weak-upper-back',
    name: 'Weak rhomboids and mid and lower trapezius',
    category: 'strength',
    summary: 'Weak shoulder-blade muscles let posture slump and overload the upper back.',
    explanation:
      'The rhomboids and the mid and lower trapezius hold the shoulder blades in place through the arm swing. When they are weak, posture slumps and the upper back takes the strain.',
    sources: [A00, A01],
  },
  {
    id: 'stiff-thoracic-spine',
    name: 'Limited mid-back (thoracic) mobility',
    category: 'mobility',
    summary: 'A stiff mid back cannot rotate and extend, so small muscles and joints take the stress.',
    explanation:
      'When the thoracic spine stiffens it cannot rotate or extend as it should during running, and the stress moves to the smaller muscles and joints of the upper back.',
    sources: [A01],
  },
  {
    id: 'tight-back',
    name: 'Tight back muscles and low back mobility',
    category: 'mobility',
    summary: 'Tight back muscles from sitting, poor sleep or low flexibility.',
    explanation:
      'Tight back muscles and tendons, from a sedentary day, poor sleep or low flexibility, can hurt after they are stretched on a run; poor hamstring and back flexibility was a reported risk factor in runners.',
    sources: [A00, 'maselli-2020-runners-lbp'],
  },
  // Patterns the sources describe; `needsClinician` marks those they send to a clinician
  {
    id: 'rib-joint-pattern',
    name: 'Pain at the rib–spine joints',
    category: 'pattern',
    summary: 'Mid-back pain that catches on a deep breath or a twist.',
    explanation:
      'Restriction where the ribs meet the vertebrae can make the mid back sore on deep breaths or twisting. Mobility work often helps. If it is not easing after a couple of weeks, a clinician should examine it, and pain on breathing with breathlessness or a clot risk needs a doctor the same day.',
    needsClinician: true,
    sources: [A01],
  },
  {
    id: 'muscle-strain-pattern',
    name: 'Muscle strain or sprain pattern',
    category: 'pattern',
    summary: 'Pain, stiffness and spasm after doing too much, often with little warm-up.',
    explanation:
      'Overdoing it can overstretch or tear muscles and ligaments of the back, giving pain, stiffness and spasm. Strains are usually treated at home: a few days of reduced activity, ice for the first 48 to 72 hours and then heat, a gradual return to exercise over 2 to 3 weeks, and no twisting or heavy lifting for 6 weeks from the start.',
    sources: [A03],
  },
  {
    id: 'sacroiliac-pattern',
    name: 'Sacroiliac joint pattern',
    category: 'pattern',
    summary: 'Pain at the dimples above the buttocks, worse sitting, lying on that side or climbing stairs.',
    explanation:
      'The sacroiliac joints sit at the dimples just above the buttocks. Pain there that is worse when sitting, lying on the painful side or on stairs fits the pattern the sources describe. It usually responds to the strength and mobility work in the plan; a physical therapist can assess it if it does not.',
    sources: [A03],
  },
  {
    id: 'facet-joint-pattern',
    name: 'Facet joint pattern',
    category: 'pattern',
    summary: 'Lower-back pain worse after inactivity and with certain movements.',
    explanation:
      'The small facet joints link the vertebrae. Pain that is worse after periods of inactivity and with particular movements fits the pattern the sources describe. Gentle movement and the mobility work in the plan usually help; a clinician can assess it if it does not settle.',
    sources: [A03],
  },
  {
    id: 'nerve-disc-pattern',
    name: 'Possible nerve involvement',
    category: 'pattern',
    summary: 'Tingling, numbness or pain spreading into a limb.',
    explanation:
      'Tingling, numbness or pain running into an arm or leg can mean a nerve is irritated, for example by a disc. That needs a clinician’s examination, who may arrange physical therapy or imaging.',
    needsClinician: true,
    sources: [A03, A00],
  },
];

/** Interventions: relief now, cues for the run, routines around it, habits, training changes, gear and care. */
import type { InterventionInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A01 = 'a01-upper-back-mechanics';
const A02 = 'a02-posture-breathing';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

export const interventions: InterventionInput[] = [
  // Relief now
  {
    id: 'relative-rest',
    kind: 'relief',
    title: 'Rest from what sets it off',
    detail:
      'For a few days, leave out the movements and activities that make the pain flare, and keep doing the ones that feel fine. This is relative rest, not bed rest: gentle movement within comfort helps, and exercise is the main non-drug treatment that guidelines recommend for back pain.',
    factors: [],
    gentle: true,
    cautions: ['If resting does not ease the pain within a few days, or it feels severe, talk to a doctor.'],
    sources: [A00, 'nice-ng59'],
  },
  {
    id: 'ice-then-heat',
    kind: 'relief',
    title: 'Cold first, warmth after',
    detail:
      'In the first two days or so of a new bout of pain, a cold pack or a warm compress can take the edge off pain and swelling. After a strain, one article suggests cold for the first 48 to 72 hours and warmth after that. Warmth also helps tight tissue let go, and superficial heat is the first non-drug option a 2017 physicians’ guideline recommends for recent low back pain.',
    factors: [],
    gentle: true,
    cautions: [
      'Wrap cold packs in a cloth and never put ice or a heat source straight onto bare skin.',
      'Do not fall asleep on a heat pad.',
    ],
    sources: [A00, A03, A04, 'acp-2017'],
  },
  {
    id: 'otc-pain-relief',
    kind: 'relief',
    title: 'Over-the-counter pain relief',
    detail:
      'Acetaminophen (paracetamol) or an NSAID such as ibuprofen or naproxen may help, used as the label directs. Ask a pharmacist or doctor first, especially if you have other health conditions or take other medicines.',
    factors: [],
    gentle: true,
    sources: [A00, A03],
  },
  {
    id: 'foam-roller-self-massage',
    kind: 'relief',
    title: 'Foam-roller self-massage',
    detail:
      'Slowly rolling your back muscles over a foam roller is a do-it-yourself massage. It can ease tight muscles and bring blood to the sore area for short-term relief while you work on what is behind the pain.',
    factors: [],
    gentle: true,
    cautions: ['Keep the pressure comfortable and stop if the pain sharpens or spreads.'],
    sources: [A00, A04],
  },
  {
    id: 'professional-massage',
    kind: 'relief',
    title: 'Massage from a professional',
    detail:
      'Many runners feel better after a massage by a trained therapist: it loosens tight muscles and improves blood flow. Treat it as short-term relief alongside the changes that deal with the causes.',
    factors: [],
    gentle: true,
    sources: [A00, A04],
  },
  {
    id: 'strain-return',
    kind: 'relief',
    title: 'A slow comeback after a strain',
    detail:
      'When the pain began after doing too much, cut activity back for a few days, then rebuild exercise step by step over about 2 to 3 weeks. For 6 weeks from the start of the pain, leave out heavy lifting and movements that twist the back. A clinician can confirm whether a strain is what is going on.',
    factors: ['muscle-strain-pattern'],
    gentle: true,
    cautions: ['See a doctor if the pain persists or keeps getting worse.'],
    sources: [A03],
  },
  {
    id: 'kinesiology-taping',
    kind: 'relief',
    title: 'Kinesiology taping',
    detail:
      'Elastic kinesiology tape across the upper back can reduce pain and swelling and gives a gentle reminder to hold a better posture. It is simple to put on, but you will need a second person to apply it to your back.',
    factors: ['slouched-sitting', 'tight-chest-rounded-shoulders'],
    gentle: true,
    cautions: ['Take it off if the skin under it itches, reddens or blisters.'],
    sources: [A00],
  },
  {
    id: 'posture-brace',
    kind: 'relief',
    title: 'A posture brace, for a while',
    detail:
      'If holding a good posture on your own is hard at first, a back or posture brace can support it for a time. It is a short-term aid, not a fix: the lasting change comes from stronger postural muscles and better habits.',
    factors: ['slouched-sitting', 'tight-chest-rounded-shoulders'],
    gentle: true,
    cautions: ['Use it as a temporary support alongside strengthening, not instead of it.'],
    sources: [A00],
  },

  // During the run
  {
    id: 'shoulders-down-check',
    kind: 'during-run',
    title: 'Shoulders down and loose',
    detail:
      'Every so often, check where your shoulders are. If they have crept toward your ears, let them fall, then draw the shoulder blades a little back and down. Let the ribs settle toward the belly. This puts the right stabilising muscles to work and takes strain off the upper trapezius.',
    factors: ['shrugged-shoulders', 'fatigue-hunch'],
    gentle: true,
    sources: [A01, A04],
  },
  {
    id: 'reset-breaths',
    kind: 'during-run',
    title: 'Belly reset breaths',
    detail:
      'Check in with your breathing regularly and take a few deep breaths that fill the belly rather than just the upper chest. Using the diaphragm this way gives the small breathing muscles of the neck and upper chest a rest.',
    factors: ['chest-breathing', 'fatigue-hunch'],
    exercises: ['diaphragmatic-breathing'],
    gentle: true,
    sources: [A01, A02],
  },
  {
    id: 'shake-out-arms',
    kind: 'during-run',
    title: 'Shake out the arms and hands',
    detail:
      'Now and then, let your arms drop and give the arms and hands a loose shake. It breaks up the tightness that gathers in the shoulders and arms as the kilometres pass.',
    factors: ['shrugged-shoulders', 'clenched-fists'],
    gentle: true,
    sources: [A01],
  },
  {
    id: 'head-and-gaze',
    kind: 'during-run',
    title: 'Head over shoulders, eyes ahead',
    detail:
      'Keep your head stacked above your shoulders instead of pushed forward, and look at the path roughly 15 to 20 feet (about 5 to 6 m) in front of you rather than at your feet. Each inch the head drifts forward adds load on the muscles behind it.',
    factors: ['forward-head', 'fatigue-hunch'],
    gentle: true,
    sources: [A01, A02, A04],
  },
  {
    id: 'run-tall',
    kind: 'during-run',
    title: 'Run tall',
    detail:
      'Picture yourself tall, with any forward lean coming from the ankles rather than a bend at the hips. Keep the back flat and the core gently switched on, and let the trunk twist as little as possible with each stride.',
    factors: ['waist-lean', 'waist-twist', 'fatigue-hunch'],
    gentle: true,
    sources: [A00, A01],
  },
  {
    id: 'relaxed-hands-arms',
    kind: 'during-run',
    title: 'Soft hands, arms that balance',
    detail:
      'Keep your hands loose so that tension does not travel up the arms into the upper back. Let the arms swing just enough to balance the legs rather than to push you along, and keep them moving forward and back without swinging across the front of your body.',
    factors: ['clenched-fists', 'excess-arm-swing', 'arms-crossing-midline'],
    gentle: true,
    sources: [A00, A01],
  },

  // Before the run
  {
    id: 'upper-body-warm-up',
    kind: 'before-run',
    title: 'Dynamic upper-body warm-up',
    detail:
      'Before you head out, loosen the upper body with moving stretches: roll the neck and shoulders, then swing the arms. Keep static stretching for after the run.',
    factors: ['poor-warm-up'],
    exercises: ['neck-shoulder-rolls', 'arm-swings'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'pre-run-breathwork',
    kind: 'before-run',
    title: 'Breathwork before the run',
    detail:
      'Start with a few slow breaths with your hands against a wall, letting the lower ribs sink and the deep core switch on. Finish with breaths in a goal-post arm position to lift and open the upper front ribs. It sets up a stacked posture that is easier to keep when you tire.',
    factors: ['chest-breathing', 'fatigue-hunch', 'forward-head'],
    exercises: ['wall-breathing', 'goal-post-arms-breathing'],
    gentle: true,
    sources: [A02],
  },

  // After the run
  {
    id: 'post-run-stretching',
    kind: 'after-run',
    title: 'Static stretching after the run',
    detail:
      'Once you finish, hold static stretches for both the upper and the lower body. Stretching after running keeps muscles and tendons supple and lowers the strain on the back.',
    factors: ['poor-warm-up', 'tight-back'],
    exercises: ['post-run-static-stretch'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'post-run-hum-breathing',
    kind: 'after-run',
    title: 'Hook-lying breathing with a hum',
    detail:
      'After a long or hard run, lie on your back with knees bent and arms resting out to the sides. Breathe in fully, then let each breath out as a long, slow hum. The long exhales help the nervous system settle after the effort.',
    factors: ['chest-breathing', 'stress'],
    exercises: ['hook-lying-hum-breathing'],
    gentle: true,
    sources: [A02],
  },

  // Habits
  {
    id: 'sitting-setup',
    kind: 'habit',
    title: 'Set up your sitting',
    detail:
      'Most people spend 8 to 12 hours a day sitting, so the chair matters. Sit with your back against the backrest and your knees a little lower than your hips, which keeps the natural curve of the lower back. If that is hard to hold, a lumbar roll behind the low back can help.',
    factors: ['slouched-sitting'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'change-position',
    kind: 'habit',
    title: 'Shift position often',
    detail:
      'Change how you are sitting every 15 to 20 minutes. Move slowly into the new position rather than with a jolt.',
    factors: ['slouched-sitting', 'sitting-tight-hip-flexors'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'hourly-walk-break',
    kind: 'habit',
    title: 'Walk away from the chair every hour',
    detail:
      'Get up for a short walk at least once an hour. Breaking up sitting helps the back and general health: in a 2019 study, swapping 30 minutes of sitting for any kind of movement went with a 17% lower risk of death.',
    factors: ['slouched-sitting', 'sitting-tight-hip-flexors'],
    gentle: true,
    sources: [A00, A04],
  },
  {
    id: 'walking-posture',
    kind: 'habit',
    title: 'Walk with good posture',
    detail:
      'Good posture matters in every position, not only on the run. When walking, keep your head balanced and facing forward, do not let the shoulders slump, and land on the heel before rolling through to push off from the front of the foot.',
    factors: ['forward-head', 'slouched-sitting'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'hydration',
    kind: 'habit',
    title: 'Drink enough',
    detail:
      'Too little fluid is one of the reasons muscles cramp, and after a run those cramps can catch the neck, shoulders and upper back. Drink regularly through the day and around your runs.',
    factors: ['dehydration'],
    gentle: true,
    sources: [A00],
  },
  {
    id: 'stress-care',
    kind: 'habit',
    title: 'Make room to unwind',
    detail:
      'Stress makes aches harder to cope with and keeps muscles tense. Build in something that calms you down, for example the hook-lying breathing with a slow hum, used after runs or at the end of the day.',
    factors: ['stress'],
    exercises: ['hook-lying-hum-breathing'],
    gentle: true,
    sources: [A00, A02],
  },
  {
    id: 'keep-moving-confidently',
    kind: 'habit',
    title: 'Keep moving: it is safe and it helps',
    detail:
      'Back pain is very rarely a sign of damage, and there is no single perfect posture. Keep up gentle movement and walking, ease back into running at a level that feels manageable, and expect some discomfort along the way without it meaning harm. If worry or low mood is weighing on you, tell your GP or physical therapist: extra support helps people recover.',
    factors: ['worry-and-fear'],
    gentle: true,
    sources: ['sheffield-nhs-back', 'nice-ng59'],
  },
  {
    id: 'lifting-technique',
    kind: 'habit',
    title: 'Lift with care',
    detail:
      'How you lift is one of the everyday contributors the sources name. Hold the load close, bend at the hips and knees rather than rounding over it, and turn with your feet instead of twisting while you carry it. If the pain started with a strain, hold off on heavy lifting and twisting for 6 weeks.',
    factors: ['lifting-technique'],
    gentle: true,
    sources: [A00, A03],
  },
  {
    id: 'yoga-option',
    kind: 'habit',
    title: 'Try yoga',
    detail:
      'Yoga is a reasonable option: a 2017 trial found it worked about as well as physical therapy for back pain. Cat pose and child’s pose help back muscles relax slowly; pigeon pose and the yogi squat (malasana) loosen hip flexors shortened by sitting.',
    factors: ['sitting-tight-hip-flexors', 'tight-back'],
    exercises: ['cat-pose', 'childs-pose', 'pigeon-pose', 'malasana'],
    gentle: true,
    cautions: ['Skip or ease off any pose that makes the pain sharper.'],
    sources: [A04, 'acp-2017'],
  },
  {
    id: 'long-run-photo-check',
    kind: 'habit',
    title: 'Compare photos from a long run',
    detail:
      'Ask someone to take a side-on photo of you at the start of a long run and another at the end. Put them side by side: a head that has moved forward or a chest that has sunk in shows how your form gives way when you tire, and what to work on.',
    factors: ['fatigue-hunch', 'forward-head'],
    gentle: true,
    sources: [A02],
  },

  // Training
  {
    id: 'weekly-increase-cap',
    kind: 'training',
    title: 'Cap weekly increases',
    detail:
      'When you build up again, add no more than about 10% to your weekly distance from one week to the next. Treat this as a rough guide from a physical therapist rather than a guarantee against pain.',
    factors: ['load-too-fast'],
    gentle: false,
    sources: [A04],
  },
  {
    id: 'gradual-progression',
    kind: 'training',
    title: 'Change one thing at a time',
    detail:
      'Sudden jumps in distance, intensity or speed are a common trigger. Raise them one at a time and in small steps, so bones, muscles, tendons and the core muscles that keep you upright have time to adapt.',
    factors: ['load-too-fast', 'long-run-build'],
    gentle: false,
    sources: [A04, A00],
  },
  {
    id: 'three-run-days',
    kind: 'training',
    title: 'About three runs a week for now',
    detail:
      'While your back hurts, run on about 3 days a week and keep rest days in between so the tissues can recover.',
    factors: ['too-few-rest-days'],
    gentle: true,
    sources: [A03],
  },
  {
    id: 'cross-training',
    kind: 'training',
    title: 'Mix in strength and stretching days',
    detail:
      'Alternate running days with days of strength training and stretching instead of running every session. Exercise is the main non-drug treatment for back pain, and strength work builds support for the back.',
    factors: ['no-cross-training', 'too-few-rest-days'],
    gentle: false,
    sources: [A03, 'nice-ng59'],
  },
  {
    id: 'hold-long-run',
    kind: 'training',
    title: 'Keep the long run where it is',
    detail:
      'Do not make the long run any longer while it still hurts. Once the pain has settled, build its length back up gradually.',
    factors: ['long-run-build', 'load-too-fast'],
    gentle: true,
    sources: [A02, A04],
  },

  // Gear
  {
    id: 'fitting-shoes',
    kind: 'gear',
    title: 'Shoes that fit, replaced in time',
    detail:
      'Run in shoes that fit you well and give proper support, and swap them for a new pair before they are worn out.',
    factors: ['worn-shoes'],
    gentle: true,
    sources: [A03, A04],
  },
  {
    id: 'cushioned-shoes-supinators',
    kind: 'gear',
    title: 'Extra cushioning if you land on the outside of the foot',
    detail:
      'If you tend to land and roll on the outer edge of the foot (supination), look for running shoes with extra cushioning designed for that foot type.',
    factors: ['foot-supination'],
    gentle: true,
    sources: [A04],
  },
  {
    id: 'sports-bra-fit',
    kind: 'gear',
    title: 'A sports bra that fits',
    detail:
      'If you wear a sports bra or compression top, make sure it fits properly and gives enough support.',
    factors: ['sports-bra-fit'],
    gentle: true,
    sources: [A03],
  },
  {
    id: 'softer-surface',
    kind: 'gear',
    title: 'Run on a softer surface',
    detail:
      'Hard surfaces add stress to a back that is already under strain. Where you can, move some runs to softer ground such as grass or trails; a doctor may also suggest a change of surface.',
    factors: ['hard-surfaces'],
    gentle: true,
    sources: [A00, A03],
  },

  // Professional care
  {
    id: 'see-physical-therapist',
    kind: 'professional',
    title: 'See a physical therapist or doctor',
    detail:
      'The articles suggest getting checked if the pain is severe, has not eased after a few days of rest and stretching, does not ease with foam rolling, massage and heat, has gone on for more than three months, or comes with tingling or numbness. A physical therapist, or a doctor who specialises in muscles, bones and joints such as an orthopedic doctor or surgeon, can examine you. Depending on what they find, they may do a movement screen, arrange imaging if they think it is needed, and offer physical therapy, medication or injections; surgery is usually kept as a last resort.',
    factors: [],
    gentle: true,
    sources: [A00, A03, A04, 'nice-ng59'],
  },
  {
    id: 'movement-screen',
    kind: 'professional',
    title: 'Have a movement screen',
    detail:
      'A short movement screen, given by a physical therapist or a personal trainer certified in the Functional Movement Screen, can show which areas may be adding to the strain on your back. From the results they can suggest corrective exercises suited to you.',
    factors: [],
    gentle: true,
    sources: [A04],
  },
];

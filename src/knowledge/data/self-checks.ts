/** Self-checks: short guided tests whose results feed the answers and point to likely contributing factors. */
import { hookLying, prone, seated, standing } from '../../figures/bases.js';
import type { SelfCheckInput } from '../schema.js';

const A01 = 'a01-upper-back-mechanics';
const A02 = 'a02-posture-breathing';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

export const selfChecks: SelfCheckInput[] = [
  {
    id: 'wall-test',
    name: 'Wall test for the lower-back curve',
    purpose: 'A quick look at whether the lower back arches more than usual when you stand.',
    steps: [
      'Stand with your back to a wall, feet about shoulder-width apart and heels about 2 inches (5 cm) out from it.',
      'Let the back of your head, your shoulder blades and your buttocks rest against the wall.',
      'Slide one flat hand into the gap between the wall and the hollow of your lower back.',
      'Notice whether the hand just fits, or whether there is clearly more room than one hand.',
    ],
    interpretation:
      'A gap that takes about one hand is what you would expect. Clearly more than one hand’s space may point to an exaggerated lower-back curve (hyperlordosis), a likely contributing factor that posture exercises often help. It is a screening hint, not a diagnosis.',
    answerField: 'selfChecks.wallTest',
    figure: {
      props: [{ kind: 'wall', x: -4 }],
      poses: {
        start: standing(),
        end: standing({ farArm: { shoulder: -30, elbow: 80 } }),
      },
      captions: {
        start:
          'Standing with the heels a little out from the wall and the back of the head, the shoulder blades and the bottom against it.',
        end: 'The same stance with one flat hand slid into the gap behind the lower back.',
      },
    },
    factors: ['hyperlordosis'],
    sources: [A03],
  },
  {
    id: 'mirror-profile',
    name: 'Side view in a mirror',
    purpose: 'See the shape of your lower back from the side.',
    steps: [
      'Stand side-on to a full-length mirror in your usual relaxed way, or ask someone to take a side photo.',
      'Look at the line from your upper back down to your buttocks.',
      'Check whether the lower back curves inward into a marked C shape, with the bottom pushed back and the belly forward.',
    ],
    interpretation:
      'A pronounced C-shaped arch fits an exaggerated lower-back curve (hyperlordosis), a likely contributing factor. Use it together with the wall test; neither is a diagnosis.',
    answerField: 'selfChecks.mirrorProfile',
    figure: {
      props: [{ kind: 'mirror', x: -30, width: 70 }],
      poses: {
        start: standing(),
        end: standing({ trunk: 14, spine: -20, neck: 4 }),
      },
      captions: {
        start: 'Standing side-on to a full-length mirror in the usual relaxed way.',
        end: 'What to look for: the lower back curving inward in a C, the bottom pushed back and the belly forward.',
      },
    },
    factors: ['hyperlordosis'],
    sources: [A03],
  },
  {
    id: 'long-run-photos',
    name: 'Posture photos before and after a long run',
    purpose: 'Show how your running posture changes as fatigue builds.',
    steps: [
      'Before a long run, have someone take a side-on photo of you standing or running in your normal posture.',
      'Take a second photo from the same angle straight after the run.',
      'Place the two photos side by side and compare head position and the shape of the chest.',
    ],
    interpretation:
      'If the head sits further forward and the chest looks sunk or squashed in the second photo, your posture is likely folding with fatigue, which makes breathing harder and loads the neck and upper back.',
    answerField: 'selfChecks.longRunPhotos',
    figure: {
      poses: {
        start: standing(),
        end: standing({ spine: 16, neck: -8, arms: { shoulder: 14 } }),
      },
      captions: {
        start: 'Before the run: standing tall, the head over the shoulders and the chest open.',
        end: 'After the run: the head pushed forward and the chest sunk.',
      },
    },
    factors: ['fatigue-hunch', 'forward-head'],
    sources: [A02],
  },
  {
    id: 'thoracic-rotation',
    name: 'Seated mid-back rotation',
    purpose:
      'Check how freely the mid back (thoracic spine) turns. This is a Backstride screening procedure: the source describes limited mid-back mobility but gives no test for it.',
    steps: [
      'Sit tall on a firm chair without armrests, feet flat and knees together so the hips stay still.',
      'Cross your arms over your chest, hands resting on the opposite shoulders.',
      'Keeping the hips and knees facing forward, slowly turn your upper body to the right as far as is comfortable, and note how far your shoulders get.',
      'Come back to the middle and repeat to the left.',
      'Stop at once if turning brings on pain or makes it worse.',
    ],
    interpretation:
      'Answer "full" if both sides turn easily to about 45 degrees or more and feel alike, "limited" if one or both sides stop clearly short or one side turns much less, and "painful" if turning hurts. Limited rotation suggests a stiff mid back as a likely contributing factor. Pain on twisting, especially with pain on deep breaths, should be checked by a clinician before working on mobility.',
    answerField: 'selfChecks.thoracicRotation',
    figure: {
      view: 'front',
      props: [{ kind: 'chair', x: -10, back: false }],
      poses: {
        start: seated({
          at: { x: 0, y: 30 },
          arms: { shoulder: 12, elbow: 135 },
          legs: { hip: 3, out: 85, knee: 0 },
        }),
        end: seated({
          at: { x: 0, y: 30 },
          turn: 55,
          arms: { shoulder: 12, elbow: 135 },
          legs: { hip: 3, out: 85, knee: 0 },
        }),
      },
      captions: {
        start: 'Sitting tall, knees together, arms crossed with the hands on the opposite shoulders.',
        end: 'The upper body turned to one side as far as is comfortable while the hips and knees face forward.',
      },
    },
    factors: ['stiff-thoracic-spine', 'rib-joint-pattern'],
    sources: [A01],
  },
  {
    id: 'plank-hold',
    name: 'Plank hold',
    purpose: 'A rough measure of trunk (deep core) endurance.',
    steps: [
      'Lie face down, then lift onto your forearms and toes with the elbows under the shoulders.',
      'Hold your body in a straight line from head to heels, without letting the hips sag or lift.',
      'Time how long you hold it with good form; stop when your form slips.',
      'Stop at once if your back pain increases, and record the time you reached.',
    ],
    interpretation:
      'Record the seconds held with good form. Backstride uses about 60 seconds as a rough screening mark (the sources give no norm); a shorter hold suggests a weak deep core may be a contributing factor. The sources favour holds like this over sit-ups for building stability.',
    answerField: 'selfChecks.plankHoldS',
    figure: {
      props: [{ kind: 'mat' }],
      hold: 'end',
      poses: {
        start: prone({ spine: -10, arms: { shoulder: 75, elbow: 95 }, legs: { hip: 4, ankle: -30 } }),
        end: { trunk: 84, arms: { shoulder: 84, elbow: 90 }, legs: { ankle: 10 } },
      },
      captions: {
        start: 'Lying face down with the forearms on the floor and the elbows under the shoulders.',
        end: 'On the forearms and toes, the body in one straight line from head to heels, held.',
      },
    },
    factors: ['weak-deep-core'],
    sources: [A01, A04],
  },
  {
    id: 'single-leg-bridge',
    name: 'Single-leg bridge hold',
    purpose:
      'A rough measure of glute strength on each side. This is a Backstride screening procedure; the sources link weak glutes to back pain but give no test.',
    steps: [
      'Lie on your back with knees bent and feet flat on the floor, arms by your sides.',
      'Straighten one leg and hold it in line with the other thigh.',
      'Push through the planted heel to lift the hips until the body is straight from shoulders to knee.',
      'Time how long you keep the hips level and lifted, then repeat on the other side.',
      'Stop at once if your back pain increases, and record the time you reached.',
    ],
    interpretation:
      'Record left and right in seconds. Backstride treats a hold under about 30 seconds, or one side holding about a quarter less than the other, as a sign that weak glutes may be a contributing factor (screening heuristics; the sources give no norm).',
    answerField: 'selfChecks.bridgeHoldS',
    figure: {
      props: [{ kind: 'mat' }],
      hold: 'end',
      poses: {
        start: hookLying(),
        end: hookLying({
          trunk: -115,
          nearLeg: { hip: 0, knee: 105, ankle: -10 },
          farLeg: { hip: 0, knee: 0, ankle: -20 },
        }),
      },
      captions: {
        start: 'Lying on the back with the knees bent and the feet flat, arms by the sides.',
        end: 'Hips lifted on one planted foot, the other leg straight in line with its thigh, body straight from shoulders to knee.',
      },
    },
    factors: ['weak-glutes'],
    sources: [A01, A04],
  },
  {
    id: 'professional-screen',
    name: 'Professional movement screen',
    purpose: 'A fuller look at how you move, done by someone trained to do it.',
    steps: [
      'Book a movement screen with a physical therapist or a personal trainer certified in the Functional Movement Screen.',
      'Go through the set of movements they ask for.',
      'Ask which areas they think are adding to the strain on your back and which corrective exercises they suggest.',
    ],
    interpretation:
      'The screen shows which areas may be feeding into the tension or pain in your back, and the person who ran it can build corrective exercises around your results.',
    figure: {
      poses: {
        start: standing({ arms: { shoulder: 175, elbow: 0 } }),
        end: { trunk: 35, arms: { shoulder: 205 }, legs: { hip: 135, knee: 125, ankle: 30 } },
      },
      captions: {
        start:
          'One movement a screen may ask for, the deep squat: standing tall with the arms straight overhead.',
        end: 'Squatting as low as is comfortable, heels down and arms still overhead, while the screener watches.',
      },
    },
    factors: [],
    sources: [A04],
  },
];

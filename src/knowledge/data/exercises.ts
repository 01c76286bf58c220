/** Exercises: dosed strength, mobility, stretching, warm-up and breathing work, each citing its sources. */
import { allFours, hookLying, kneeling, prone, seated, standing } from '../../figures/bases.js';
import type { ExerciseInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A01 = 'a01-upper-back-mechanics';
const A02 = 'a02-posture-breathing';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

const NO_DOSE = 'Backstride starting point; the source gives no dose.';
const NO_DOSE_PLURAL = 'Backstride starting point; the sources give no dose.';

export const exercises: ExerciseInput[] = [
  // Strength: shoulder blades and upper back
  {
    id: 'shoulder-extension-band',
    name: 'Band shoulder extension',
    aliases: ['Straight-arm band pull-back', 'Resistance band shoulder extension'],
    kind: 'strength',
    purpose:
      'Strengthens the rhomboids, the middle and lower trapezius and the backs of the shoulders, which hold the shoulder blades steady while the arms swing, so the upper back takes less strain on the run.',
    factors: ['weak-upper-back', 'tight-chest-rounded-shoulders', 'slouched-sitting', 'shrugged-shoulders'],
    steps: [
      'Fix a resistance band at about hip height, face it, and hold one end in each hand with the arms straight and a little in front of you.',
      'Stand upright and set your shoulder blades low and back before moving; keep the ribs down and the neck long.',
      'Keeping the elbows straight, sweep both arms back past your sides as far as they travel comfortably.',
      'Pause there for about a second without letting the shoulders creep up toward the ears.',
      'Let the arms come forward slowly against the pull of the band.',
    ],
    dose: {
      sets: 3,
      reps: { min: 10, max: 20 },
      holdS: { min: 1, max: 1 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis:
        'Bella Williams’s running blog: three sets of 10 to 20, pausing for a second with the arms back. Two or three sessions a week is a Backstride starting point.',
    },
    equipment: ['resistance band'],
    kit: ['band', 'gym'],
    cautions: [
      'If the shoulders hitch up or the lower back arches to finish a rep, switch to a lighter band.',
      'Stop if it brings on sharp pain, or tingling or numbness running down an arm.',
    ],
    gentle: false,
    easier: 'Use a lighter band, keep to 10 reps a set, or work one arm at a time through a shorter range.',
    harder:
      'Use a stronger band, stand further from the anchor, or lengthen the pause at the back to 2 to 3 seconds.',
    progression:
      'Begin at 10 reps a set. Once three sets of 10 feel controlled and the back is no worse the next day, add 2 or 3 reps a set each week up to 20, then move to a stronger band and start again at 10. If pain climbs during the set or the day after, go back to the last dose that felt fine.',
    positions: {
      start:
        'Standing upright facing a band anchored at hip height, both straight arms reaching slightly forward to hold it.',
      end: 'Standing upright with both straight arms drawn back just behind the hips and the shoulder blades set down and back.',
    },
    figure: {
      props: [{ kind: 'band', anchor: [44, 46], to: 'hands' }],
      poses: {
        start: standing({ arms: { shoulder: 28, elbow: 0 } }),
        end: standing({ retract: 1, shrug: -0.5, arms: { shoulder: -32, elbow: 0 } }),
      },
    },
    sources: [A00],
  },
  {
    id: 'superman',
    name: 'Superman',
    aliases: ['Superman hold', 'Prone arm and leg lift'],
    kind: 'strength',
    purpose:
      'Works the muscles along the back of the body, including those between the shoulder blades, to build the postural endurance that slumping wears away.',
    factors: ['weak-upper-back', 'slouched-sitting'],
    steps: [
      'Lie face down on a mat with the arms stretched out past your head and the legs straight.',
      'Squeeze your glutes, draw the belly in gently and keep your gaze on the floor so the neck stays in line.',
      'Raise both arms and both legs a little way off the mat together; a few centimetres is plenty.',
      'Hold the lift for 30 seconds or longer while breathing steadily.',
      'Lower everything back to the mat and rest briefly before the next rep.',
    ],
    dose: {
      sets: 1,
      reps: { min: 5, max: 5 },
      holdS: { min: 30, max: 60 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis:
        'Bella Williams’s running blog: one set of 5, each held for at least 30 seconds. The 60-second ceiling and two or three sessions a week are Backstride starting points.',
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'This holds the lower back in extension; if it pinches or aches there, use the easier version or leave it out and ask a clinician.',
      'Height is not the goal: lift only as far as you can without cranking the neck or lower back.',
    ],
    gentle: false,
    easier:
      'Lift only the arms, only the legs, or one arm with the opposite leg, and build each hold from about 10 seconds toward 30.',
    harder: 'Lengthen each hold toward 60 seconds.',
    progression:
      'If 30 seconds is out of reach, start with the easier version and add a few seconds to each hold every session until five holds of 30 seconds feel steady, then lengthen the hold. Drop back to shorter holds or the easier version if the lower back is sore afterwards or the next morning.',
    positions: {
      start:
        'Lying face down on a mat, arms stretched beyond the head and legs straight, all resting on the floor.',
      end: 'Lying face down with both arms and both legs raised a little off the mat and the head in line with the spine.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      planted: 'hips',
      poses: {
        start: prone({ arms: { shoulder: 175 }, legs: { hip: 4, ankle: -75 } }),
        end: prone({ arms: { shoulder: 195 }, legs: { hip: -11, ankle: -75 } }),
      },
    },
    sources: [A00],
  },
  {
    id: 'lat-pull-down',
    name: 'Lat pull-down',
    aliases: ['Lat pulldown', 'Cable pull-down'],
    kind: 'strength',
    purpose:
      'Strengthens the back and shoulder muscles that draw the shoulder blades down, helping you hold an upright posture with the shoulders away from the ears.',
    factors: ['weak-upper-back', 'shrugged-shoulders', 'slouched-sitting', 'tight-chest-rounded-shoulders'],
    steps: [
      'Sit at a pull-down machine with your back straight, thighs snug under the pads and both feet planted.',
      'Reach up and take the bar with straight arms, hands a little wider than your shoulders.',
      'Set the shoulder blades down first, then draw the elbows down toward your sides to bring the bar in front of your face to about chin height.',
      'Let the bar rise again under control until the arms are fully straight overhead.',
    ],
    dose: {
      sets: 3,
      reps: { min: 10, max: 12 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis:
        'Bella Williams’s running blog: three sets of 10 to 12. Two or three sessions a week is a Backstride starting point.',
    },
    equipment: ['cable machine'],
    kit: ['gym'],
    cautions: [
      'Keep the bar in front of you; do not pull it down behind the head.',
      'Pick a weight you can move without leaning far back or yanking the bar.',
    ],
    gentle: false,
    easier:
      'Use a lighter weight, or kneel under a resistance band anchored overhead and pull it down the same way.',
    harder: 'Add weight in small steps once all three sets of 12 are smooth.',
    progression:
      'Start light enough that the last reps are steady. When three sets of 12 feel controlled for two sessions in a row, add the smallest weight step and return to 10 reps. If the neck or upper back hurts more during or after, reduce the weight.',
    positions: {
      start:
        'Seated at the machine with feet flat, back straight and both arms fully extended overhead holding the bar.',
      end: 'Seated upright with the elbows drawn down beside the ribs and the bar in front of the face at about chin height.',
    },
    figure: {
      props: [
        { kind: 'chair', x: -3, back: false },
        { kind: 'cable', anchor: [8, 116] },
      ],
      poses: {
        start: seated({ arms: { shoulder: 168, elbow: 0 } }),
        end: seated({ shrug: -0.6, arms: { shoulder: 22, elbow: 150 } }),
      },
    },
    sources: [A00],
  },
  {
    id: 'seated-row',
    name: 'Seated row',
    aliases: ['Seated cable row'],
    kind: 'strength',
    purpose:
      'Strengthens the rhomboids and the middle and lower trapezius, which draw the shoulder blades toward the spine and hold them steady through the arm swing.',
    factors: ['weak-upper-back', 'tight-chest-rounded-shoulders', 'slouched-sitting', 'shrugged-shoulders'],
    steps: [
      'Sit at a cable row station with your feet on the plates, knees slightly bent and chest lifted.',
      'Hold the handle with the arms straight in front of you and the shoulder blades set back and down.',
      'Pull the handle toward your lower ribs, leading with the elbows and keeping them close to your sides.',
      'Squeeze between the shoulder blades for a moment without leaning back or shrugging.',
      'Straighten the arms slowly to return, keeping the back tall.',
    ],
    dose: {
      sets: 2,
      reps: { min: 10, max: 12 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['cable machine'],
    kit: ['gym'],
    cautions: [
      'Keep the trunk still; rocking back to move the weight shifts the work onto the lower back.',
      'Keep the shoulders away from the ears throughout.',
    ],
    gentle: false,
    easier:
      'Sit on the floor with a resistance band looped round your feet and row against the band instead.',
    harder: 'Add weight gradually, or row one arm at a time with a short pause at the ribs.',
    progression:
      'Start with two sets of 10 at a weight you control easily. Add a third set once two sets of 12 feel steady, then add weight in small steps. Ease off the load if the upper back is sorer the next day.',
    positions: {
      start:
        'Seated upright with knees slightly bent and both arms reaching straight forward to hold the cable handle.',
      end: 'Seated upright with the elbows pulled back beside the body and the handle at the lower ribs.',
    },
    figure: {
      props: [
        { kind: 'chair', x: -3, height: 12, back: false },
        { kind: 'step', x: 49, width: 3, height: 20 },
        { kind: 'cable', anchor: [64, 38] },
      ],
      poses: {
        start: seated({ at: { x: 0, y: 15.3 }, arms: { shoulder: 82, elbow: 0 }, legs: { knee: 20 } }),
        end: seated({
          at: { x: 0, y: 15.3 },
          retract: 1,
          arms: { shoulder: -45, elbow: 115 },
          legs: { knee: 20 },
        }),
      },
    },
    sources: [A01],
  },
  {
    id: 'band-pull-apart',
    name: 'Band pull-apart',
    kind: 'strength',
    purpose:
      'Trains the muscles between the shoulder blades and at the back of the shoulders, countering the forward pull of tight chest muscles.',
    factors: ['weak-upper-back', 'tight-chest-rounded-shoulders', 'slouched-sitting', 'shrugged-shoulders'],
    steps: [
      'Stand upright holding a light band in both hands about shoulder-width apart, arms straight out in front at chest height.',
      'Set the shoulder blades down, then pull the band apart by moving both hands out to the sides.',
      'Stop when the arms form a T and the band is near your chest, and squeeze gently between the shoulder blades.',
      'Bring the hands back together slowly, keeping some tension on the band.',
    ],
    dose: {
      sets: 2,
      reps: { min: 12, max: 15 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['resistance band'],
    kit: ['band', 'gym'],
    cautions: ['Keep the ribs down and the lower back still; do not arch back to finish the pull.'],
    gentle: false,
    easier: 'Use a lighter band or hold it with the hands further apart.',
    harder: 'Use a stronger band, hold the hands closer together, or pause for 2 seconds with the arms open.',
    progression:
      'When two sets of 15 feel easy, add a third set, then move to a stronger band. If the neck or shoulders start to take over, go back to a lighter band.',
    positions: {
      start:
        'Standing upright with both straight arms in front at chest height, hands holding a band at shoulder width.',
      end: 'Standing upright with the straight arms opened out to the sides in a T and the band stretched across the chest.',
    },
    figure: {
      view: 'front',
      props: [{ kind: 'band', to: 'hands' }],
      poses: {
        start: standing({ arms: { shoulder: 4, elbow: 10, out: 78, lowerOut: 78 } }),
        end: standing({ retract: 1, arms: { shoulder: 90, elbow: 0 } }),
      },
    },
    sources: [A01],
  },
  {
    id: 'reverse-fly',
    name: 'Reverse fly',
    aliases: ['Rear delt fly', 'Bent-over reverse fly'],
    kind: 'strength',
    purpose:
      'Strengthens the rhomboids, middle trapezius and rear shoulders so the shoulder blades stay drawn back during the arm swing.',
    factors: ['weak-upper-back', 'tight-chest-rounded-shoulders', 'slouched-sitting'],
    steps: [
      'Hold a light dumbbell in each hand and hinge forward at the hips with soft knees until the chest is well forward, back flat and arms hanging below the shoulders.',
      'With a slight bend in the elbows, raise both arms out to the sides until they are level with your back.',
      'Squeeze the shoulder blades together briefly at the top while keeping the neck long.',
      'Lower the weights slowly to the start.',
    ],
    dose: {
      sets: 2,
      reps: { min: 10, max: 12 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['dumbbells'],
    kit: ['dumbbells', 'gym'],
    cautions: [
      'Holding the forward hinge loads the lower back; if that aggravates it, lie chest-down on an incline bench or sit leaning forward over your thighs instead.',
      'Use light weights: the muscles worked here are small, and swinging heavier weights shifts the effort elsewhere.',
    ],
    gentle: false,
    easier: 'Do it lying chest-down on an incline bench, or with a light band in place of dumbbells.',
    harder: 'Add weight in small steps, or pause for 2 seconds at the top.',
    progression:
      'Start with two sets of 10 with light dumbbells. Add a third set, then a little weight, once the reps stay smooth to the last one. Go back to the supported version if the lower back tires or aches.',
    positions: {
      start:
        'Hinged forward at the hips with a flat back and soft knees, arms hanging straight down holding light dumbbells.',
      end: 'Still hinged forward, with both arms raised out to the sides to the level of the back, forming a T.',
    },
    figure: {
      props: [{ kind: 'dumbbells' }],
      poses: {
        start: standing({
          trunk: 60,
          arms: { shoulder: 60, elbow: 5 },
          legs: { hip: 70, knee: 20, ankle: 10 },
        }),
        end: standing({
          trunk: 60,
          retract: 1,
          arms: { shoulder: 60, elbow: 10, out: 82, lowerOut: 82 },
          legs: { hip: 70, knee: 20, ankle: 10 },
        }),
      },
    },
    sources: [A01],
  },
  {
    id: 'renegade-row',
    name: 'Renegade row',
    aliases: ['Plank row'],
    kind: 'strength',
    purpose:
      'Pairs a row for the upper back with a plank that asks the trunk to resist twisting, so the core rather than the upper back keeps the torso steady.',
    factors: ['weak-deep-core', 'weak-upper-back', 'waist-twist'],
    steps: [
      'Place two dumbbells on the floor shoulder-width apart and take a high plank on them, hands on the handles and feet wider than the hips.',
      'Brace the trunk and squeeze the glutes so the body forms a straight line from head to heels.',
      'Row one dumbbell up toward your lower ribs while pressing the other into the floor, keeping the hips level and square.',
      'Lower it under control, then row with the other arm.',
    ],
    dose: {
      sets: 2,
      reps: { min: 5, max: 8 },
      perSide: true,
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['dumbbells', 'mat'],
    kit: ['dumbbells', 'gym'],
    cautions: [
      'Use dumbbells that cannot roll (hexagonal ones) and end the set when the hips start to twist or sag.',
      'This is demanding for the trunk and wrists; be able to hold a steady plank before adding it.',
    ],
    gentle: false,
    easier:
      'Do it with the knees down, or do a one-arm row with the other hand and knee supported on a bench.',
    harder: 'Use heavier dumbbells, bring the feet closer together, or add a push-up between pairs of rows.',
    progression:
      'Start light with the feet wide. Add reps up to 8 a side, then bring the feet closer before adding weight. Return to the knees-down version if the hips rotate or the lower back sags.',
    positions: {
      start:
        'High plank on straight arms with the hands on two dumbbells, feet wide and the body straight from head to heels.',
      end: 'The same plank with one elbow drawn up beside the ribs, dumbbell at the lower chest, hips level.',
    },
    figure: {
      props: [{ kind: 'mat' }, { kind: 'dumbbells' }],
      planted: 'feet',
      poses: {
        start: { trunk: 63, arms: { shoulder: 63 }, legs: { ankle: -25 } },
        end: {
          trunk: 63,
          farArm: { shoulder: 63 },
          nearArm: { shoulder: -25, elbow: 105 },
          legs: { ankle: -25 },
        },
      },
    },
    sources: [A01],
  },
  {
    id: 'plank',
    name: 'Plank',
    aliases: ['Forearm plank'],
    kind: 'strength',
    purpose:
      'A still hold that builds trunk stability, so the upper back does not have to stiffen to hold the torso upright and the spine carries load more evenly.',
    factors: ['weak-deep-core', 'waist-twist'],
    steps: [
      'Lie face down and set your forearms on the mat with the elbows under the shoulders.',
      'Tuck your toes and lift the body so it forms one straight line from head to heels.',
      'Tighten the belly gently, as if bracing for a light poke, squeeze the glutes and keep breathing.',
      'Hold without letting the hips sag or rise, then lower to rest.',
    ],
    dose: {
      sets: 3,
      holdS: { min: 20, max: 30 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE_PLURAL,
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'Stop the hold when the hips start to sag; holding on with a sagging back strains the lower back.',
      'Keep breathing throughout rather than holding your breath.',
    ],
    gentle: false,
    easier: 'Hold the plank from the knees, or with the hands on a bench or wall.',
    harder:
      'Build the hold toward 60 seconds, or lift one foot or one arm briefly while keeping the hips still.',
    progression:
      'Add about 5 seconds to each hold per week while the form stays clean, up to about 60 seconds, then try the harder variations. Shorten the holds or use the easier version if the lower back aches during or after.',
    positions: {
      start: 'Lying face down on a mat with the forearms under the shoulders and toes tucked.',
      end: 'Holding the body straight from head to heels, supported on the forearms and toes.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      poses: {
        start: prone({ spine: -10, arms: { shoulder: 75, elbow: 95 }, legs: { hip: 4, ankle: -30 } }),
        end: { trunk: 84, arms: { shoulder: 84, elbow: 90 }, legs: { ankle: 10 } },
      },
    },
    sources: [A01, A04],
  },
  {
    id: 'bird-dog',
    name: 'Bird-dog',
    aliases: ['Quadruped opposite arm and leg reach'],
    kind: 'strength',
    purpose:
      'Trains the deep core to keep the spine still while the limbs move. The “5 possible reasons” article favours steady, controlled moves like this over sit-ups and Russian twists, which it says add little stability.',
    factors: ['weak-deep-core', 'weak-glutes', 'waist-twist'],
    steps: [
      'Kneel on all fours with the hands under the shoulders, knees under the hips and the back flat.',
      'Tighten the belly gently so the back stays still.',
      'Reach one arm forward and the opposite leg back until both are level with the trunk.',
      'Hold for a few seconds with the hips square and level, then return to all fours.',
      'Repeat with the other arm and leg.',
    ],
    dose: {
      sets: 2,
      reps: { min: 6, max: 8 },
      perSide: true,
      holdS: { min: 3, max: 5 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'Move slowly; if the lower back arches or the hips tip, shorten the reach.',
      'For the core, choose this and the plank over sit-ups and Russian twists, which the source advises against.',
    ],
    gentle: false,
    easier:
      'Slide only one leg back along the floor, or reach only one arm, keeping the other three points down.',
    harder: 'Hold each reach for up to 10 seconds, or bring elbow to knee under the body between reaches.',
    progression:
      'Lengthen the holds toward 10 seconds while the back stays still, then add the elbow-to-knee version. Go back to single-limb reaches if the back wobbles or aches.',
    positions: {
      start: 'On hands and knees with a flat back, hands under the shoulders and knees under the hips.',
      end: 'On one hand and the opposite knee, the free arm reaching forward and the free leg straight back, both level with the back.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      planted: 'knees',
      poses: {
        start: allFours(),
        // The near arm and the far leg: opposite sides, both straight and level with the back.
        end: allFours({ nearArm: { shoulder: 161 }, farLeg: { hip: -19, knee: 0, ankle: -70 } }),
      },
    },
    sources: [A04],
  },
  {
    id: 'squat',
    name: 'Squat',
    aliases: ['Bodyweight squat'],
    kind: 'strength',
    purpose:
      'Strengthens the glutes, which steady the pelvis and trunk so the back muscles do not have to overwork, and which help with push-off from the whole foot.',
    factors: ['weak-glutes', 'sitting-tight-hip-flexors', 'foot-supination'],
    steps: [
      'Stand with the feet about shoulder-width apart, toes turned out slightly and arms forward for balance.',
      'Send the hips back and bend the knees to lower as if toward a seat, chest up and heels down.',
      'Go only as low as you can with a neutral back and the knees tracking over the toes.',
      'Push through the whole foot and squeeze the glutes to stand back up.',
    ],
    dose: {
      sets: 2,
      reps: { min: 8, max: 12 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: [],
    kit: [],
    cautions: [
      'Keep the weight spread across the whole foot rather than rolling onto its outer edges.',
      'Stop if pain spreads into a leg or you notice tingling or numbness.',
    ],
    gentle: false,
    easier: 'Squat to a chair (see the chair squat) or work through a shorter range.',
    harder: 'Hold a dumbbell or kettlebell at the chest (goblet squat), then add load gradually.',
    progression:
      'Work up to three sets of 12 with clean form, then add a light weight held at the chest. Reduce depth or load if the back is sorer the next day.',
    positions: {
      start: 'Standing upright with the feet about shoulder-width apart and the arms reaching forward.',
      end: 'Hips back and knees bent with the thighs near parallel to the floor, chest up and heels down.',
    },
    figure: {
      poses: {
        start: standing({ arms: { shoulder: 90, elbow: 0 } }),
        end: { trunk: 38, arms: { shoulder: 128 }, legs: { hip: 128, knee: 110, ankle: 20 } },
      },
    },
    sources: [A04],
  },
  {
    id: 'deadlift',
    name: 'Deadlift (light hip hinge)',
    aliases: ['Romanian deadlift', 'Hip hinge'],
    kind: 'strength',
    purpose:
      'Builds the glutes and the back of the thighs and teaches a bend from the hips with a flat back, the same pattern that protects the back when lifting everyday loads.',
    factors: ['weak-glutes', 'sitting-tight-hip-flexors', 'lifting-technique'],
    steps: [
      'Stand upright with the feet hip-width apart and knees soft, holding a light kettlebell or barbell in front of the thighs.',
      'Brace the trunk and push the hips back, letting the weight slide down close to the legs while the back stays flat.',
      'Stop when you feel a stretch in the backs of the thighs or the back begins to round, usually around knee height.',
      'Drive the hips forward and squeeze the glutes to stand tall again, without leaning back at the top.',
    ],
    dose: {
      sets: 2,
      reps: { min: 8, max: 10 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['barbell or kettlebell'],
    kit: ['gym'],
    cautions: [
      'Keep the load light while the back is sore; heavy deadlifts do not belong at this stage.',
      'The health article on back pain after running advises avoiding heavy lifting and twisting for six weeks after a back strain begins.',
      'Stop if pain shoots into a leg or you notice tingling or numbness.',
    ],
    gentle: false,
    easier:
      'Practise the hinge with no weight, a broomstick held along the back so it touches the head, upper back and tailbone throughout.',
    harder:
      'Add load in small steps once the hinge is consistent; lifting heavy from the floor is best learned with a coach.',
    progression:
      'Start with the unweighted hinge until the back stays flat every rep, then add a light weight. Increase the load only while the back feels no worse the next day, and go back to the unweighted hinge if it does.',
    positions: {
      start: 'Standing upright with the feet hip-width apart, holding a light weight in front of the thighs.',
      end: 'Hips pushed back and trunk tipped forward with a flat back, the weight hanging just below the knees.',
    },
    figure: {
      props: [{ kind: 'bar', plates: true }],
      poses: {
        start: standing({ arms: { shoulder: 10, elbow: 0 }, legs: { knee: 5, hip: 5 } }),
        end: { trunk: 72, arms: { shoulder: 72 }, legs: { hip: 77, knee: 15, ankle: 10 } },
      },
    },
    sources: [A04, A03],
  },
  {
    id: 'foam-roller-wall-push-up',
    name: 'Foam-roller wall push-up',
    kind: 'strength',
    purpose:
      'Uses the bottom of a push-up, where the front ribs can open, to practise a full breath in while the ribs stay stacked over the pelvis, countering the squashed-chest, head-forward posture of a tired runner.',
    factors: ['chest-breathing', 'fatigue-hunch', 'forward-head', 'tight-chest-rounded-shoulders'],
    steps: [
      'Stand facing a wall and hold a foam roller sideways against it at chest height with both hands, then step the feet back so the body leans in a straight slant.',
      'Squeeze the backs of the thighs and the glutes lightly so the ribs sit over the pelvis rather than flaring forward.',
      'Bend the elbows to lower the chest toward the roller, keeping the body in one line.',
      'At the bottom, take a full, slow breath in through the nose and feel the front of the rib cage widen.',
      'Breathe out fully as you press back to straight arms.',
    ],
    dose: {
      sets: 2,
      reps: { min: 6, max: 8 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis:
        'Backstride starting point; the running coach’s blog gives no sets or reps, only a full inhale at the bottom of each push-up.',
    },
    equipment: ['foam roller', 'wall'],
    kit: ['gym'],
    cautions: [
      'Place the feet so the roller cannot slip down the wall; a non-slip floor helps.',
      'Breathe within comfort and stop if you feel light-headed.',
    ],
    gentle: false,
    easier: 'Stand closer to the wall so the body is more upright.',
    harder:
      'Move the feet further back, then apply the same full inhale at the bottom of a push-up on a bench or a chest press.',
    progression:
      'Add reps up to 10, then lower the angle. Keep the breath at the bottom of every rep as the point of the drill; if the ribs flare or the lower back sags, return to a more upright position.',
    positions: {
      start:
        'Standing in a straight slant facing a wall, arms straight, hands pressing a sideways foam roller against the wall at chest height.',
      end: 'Elbows bent and chest lowered toward the roller, the body still in a straight slant from head to heels.',
    },
    figure: {
      props: [
        { kind: 'wall', x: 80 },
        { kind: 'roller', at: [73, 71] },
      ],
      poses: {
        start: { trunk: 25, arms: { shoulder: 115 }, legs: { ankle: 25 } },
        end: { trunk: 40, arms: { shoulder: 108, elbow: 105, out: 30 }, legs: { ankle: 40 } },
      },
    },
    sources: [A02],
  },
  {
    id: 'mini-wall-sit-chest-expansion',
    name: 'Mini wall sit with chest-wall expansion',
    kind: 'strength',
    purpose:
      'A short, shallow wall sit between sets of squats to practise breathing into the whole rib cage with the chest up, for runners who lose that position under load or late in a run.',
    factors: ['chest-breathing', 'fatigue-hunch', 'forward-head', 'weak-deep-core'],
    steps: [
      'Stand with your back against a wall and the feet a short step in front of you, hip-width apart.',
      'Slide down into a shallow knee bend, well above a full wall sit, and let the lower ribs settle toward the pelvis.',
      'Rest your hands lightly on the upper chest and keep the shoulders relaxed.',
      'Breathe in slowly through the nose so the rib cage widens at the front, sides and back without the shoulders lifting.',
      'Breathe out fully and slowly; after about five breaths, stand up and go back to your squats.',
    ],
    dose: {
      breaths: { min: 5, max: 5 },
      perWeek: { min: 2, max: 3 },
      timing: 'between-sets',
      basis:
        'The running coach’s blog: about 5 breaths in the rest after every set of squats. Two or three strength sessions a week is a Backstride starting point.',
    },
    equipment: ['wall'],
    kit: [],
    cautions: ['Keep the knee bend shallow; the breathing is the point, not the burn in the thighs.'],
    gentle: false,
    easier: 'Do the breaths standing upright with your back against the wall and the knees straight.',
    harder: 'Sit a little deeper or reach both arms forward while you breathe.',
    progression:
      'Once the breaths come easily, carry the same chest-up, ribs-over-pelvis position into each set of squats. Make the knee bend shallower if the thighs start to shake.',
    positions: {
      start: 'Standing with the back against a wall and the feet a short step forward, knees straight.',
      end: 'Back against the wall in a shallow knee bend, hands on the upper chest, the rib cage widening on the breath in.',
    },
    figure: {
      props: [{ kind: 'wall', x: -20 }],
      poses: {
        start: standing({ trunk: -14, legs: { ankle: -14 } }),
        end: {
          chest: 1,
          arms: { shoulder: 35, elbow: 150 },
          legs: { hip: 40, knee: 40 },
        },
      },
    },
    sources: [A02],
  },
  {
    id: 'chair-squat',
    name: 'Chair squat',
    aliases: ['Sit-to-stand squat', 'Box squat'],
    kind: 'strength',
    purpose:
      'A posture exercise that strengthens the glutes and trains a neutral pelvis, one of the home exercises the health article on back pain after running suggests for an exaggerated lower-back curve.',
    factors: ['hyperlordosis', 'weak-glutes'],
    steps: [
      'Stand in front of a sturdy chair with the feet between hip- and shoulder-width apart and the arms reaching forward.',
      'Breathe out and tighten the belly lightly so the lower back does not arch.',
      'Push the hips back and bend the knees to lower slowly until your bottom just touches the seat.',
      'Without settling onto the chair, press through the feet to stand up, finishing tall with the pelvis level rather than tipped forward.',
    ],
    dose: {
      sets: 2,
      reps: { min: 8, max: 10 },
      perWeek: { min: 2, max: 3 },
      timing: 'strength-day',
      basis: NO_DOSE,
    },
    equipment: ['chair'],
    kit: [],
    cautions: [
      'Use a chair that will not slide, with its back against a wall.',
      'Stop if pain spreads into a leg or you notice tingling or numbness.',
    ],
    gentle: false,
    easier: 'Sit down fully between reps, or use a higher seat.',
    harder: 'Use a lower seat, slow the lowering to 3 seconds, or hold a light weight at the chest.',
    progression:
      'Build to three sets of 10 with a slow lowering, then progress to the bodyweight squat. Return to a higher seat if the back aches the next day.',
    positions: {
      start: 'Standing upright in front of a chair with the arms reaching forward.',
      end: 'Hips back and knees bent with the bottom just touching the chair seat, chest up.',
    },
    figure: {
      props: [{ kind: 'chair', x: -26 }],
      poses: {
        start: standing({ arms: { shoulder: 90, elbow: 0 } }),
        end: { trunk: 35, arms: { shoulder: 125 }, legs: { hip: 115, knee: 95, ankle: 15 } },
      },
    },
    sources: [A03],
  },
  // Mobility and stretching
  {
    id: 'foam-roller-thoracic-extension',
    name: 'Foam-roller thoracic extension',
    aliases: ['Foam roller extension', 'Mid-back extension over a roller'],
    kind: 'mobility',
    purpose:
      'Restores the backward bend of the mid back so the thoracic spine can share rotation and extension on the run instead of passing the stress to smaller muscles and joints.',
    factors: [
      'stiff-thoracic-spine',
      'rib-joint-pattern',
      'slouched-sitting',
      'tight-chest-rounded-shoulders',
    ],
    steps: [
      'Sit on the floor with the knees bent and a foam roller across your back just below the shoulder blades.',
      'Lie back onto it with your hands supporting your head, elbows pointing forward and hips on the floor.',
      'Breathe out and let the upper back bend back over the roller for a few seconds, keeping the ribs from flaring.',
      'Come back up, shift the roller a few centimetres higher, and repeat, staying within the mid back.',
    ],
    dose: {
      sets: 1,
      reps: { min: 5, max: 8 },
      holdS: { min: 3, max: 5 },
      perWeek: { min: 3, max: 5 },
      timing: 'mobility-day',
      basis: 'Backstride starting point; the source gives no dose. Reps are counted at each roller position.',
    },
    equipment: ['foam roller', 'mat'],
    kit: ['gym'],
    cautions: [
      'Keep the roller on the mid back; do not bend back over it at the lower back or the neck.',
      'If a deep breath or this movement brings sharp pain around the ribs, stop and have it checked before carrying on.',
    ],
    gentle: true,
    easier: 'Keep the hips lifted less, or sit on a chair and lean the upper back over the chair back.',
    harder: 'Reach the arms overhead as you extend, or hold each position for a couple of slow breaths.',
    progression:
      'Cover two or three roller positions at first and add more as it eases. If the back is stiffer or sorer afterwards, use fewer reps or the chair version.',
    positions: {
      start:
        'Lying on the back with knees bent, a foam roller across the back below the shoulder blades and hands behind the head.',
      end: 'The upper back bent gently back over the roller with the head lowered toward the floor and the hips down.',
    },
    figure: {
      props: [{ kind: 'mat' }, { kind: 'roller', at: [-52.5, 7] }],
      poses: {
        start: hookLying({
          trunk: -53,
          at: { y: 5.5 },
          arms: { shoulder: 150, elbow: 150 },
          legs: { hip: 82 },
        }),
        end: hookLying({
          trunk: -53,
          spine: -22,
          neck: -5,
          at: { y: 5.5 },
          arms: { shoulder: 150, elbow: 150 },
          legs: { hip: 82 },
        }),
      },
    },
    sources: [A01],
  },
  {
    id: 'seated-torso-twist',
    name: 'Seated torso twist',
    aliases: ['Seated thoracic rotation'],
    kind: 'mobility',
    purpose:
      'Brings back rotation to the mid back, which has to absorb some turning with every stride, reducing the load on the small muscles and joints between the shoulder blades.',
    factors: ['stiff-thoracic-spine', 'rib-joint-pattern', 'tight-back'],
    steps: [
      'Sit upright toward the front of a chair with the feet flat and knees together, arms crossed over your chest.',
      'Breathe in and grow tall through the crown of your head.',
      'Breathe out and turn your chest and shoulders to one side while the hips and knees stay facing forward.',
      'Pause for a couple of seconds at a comfortable end point, come back to the centre, and turn the other way.',
    ],
    dose: {
      reps: { min: 5, max: 8 },
      perSide: true,
      holdS: { min: 2, max: 3 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE,
    },
    equipment: ['chair'],
    kit: [],
    cautions: [
      'Turn only to a comfortable end point; do not bounce or force the twist.',
      'If the twist brings sharp pain at the ribs or on breathing, stop and have it checked.',
    ],
    gentle: true,
    easier: 'Make the turns smaller, or keep the hands on the thighs.',
    harder: 'Hold each turn for a slow breath, or do it kneeling on all fours with one hand behind the head.',
    progression:
      'Let the range grow as it eases, and add a slow breath at the end of each turn. Shrink the range if it stirs up pain.',
    positions: {
      start: 'Sitting upright on a chair, feet flat, arms crossed over the chest and facing forward.',
      end: 'Sitting upright with the chest and shoulders turned to one side while the hips and knees face forward.',
    },
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
    },
    sources: [A01],
  },
  {
    id: 'cat-pose',
    name: 'Cat pose',
    aliases: ['Cat stretch'],
    kind: 'stretch',
    purpose:
      'A gentle rounding of the whole back on hands and knees that helps tight back muscles slowly relax, as the “5 possible reasons” article suggests.',
    factors: ['tight-back', 'stiff-thoracic-spine'],
    steps: [
      'Start on hands and knees with the hands under the shoulders, knees under the hips and the back flat.',
      'Breathe out and press the floor away, rounding the whole back up toward the ceiling and letting the head hang gently.',
      'Hold for a breath or two, then return slowly to a flat back.',
    ],
    dose: {
      reps: { min: 6, max: 10 },
      holdS: { min: 3, max: 5 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE,
    },
    equipment: ['mat'],
    kit: [],
    cautions: ['Move slowly and only within comfort; put padding under the knees if needed.'],
    gentle: true,
    easier: 'Do it seated, rounding the back over the thighs and then sitting tall again.',
    harder:
      'Alternate with a gentle dip of the back toward the floor (cow) for a fuller range, if that is comfortable.',
    progression:
      'Let the range grow as the back loosens, adding a breath to each hold. Make the movement smaller on days the back is irritable.',
    positions: {
      start: 'On hands and knees with a flat back, hands under the shoulders and knees under the hips.',
      end: 'On hands and knees with the back rounded up in an arch and the head hanging low.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      planted: 'knees',
      poses: {
        start: allFours(),
        end: allFours({ trunk: 58, spine: 32, neck: 35, arms: { shoulder: 90 }, legs: { hip: 58 } }),
      },
    },
    sources: [A04],
  },
  {
    id: 'childs-pose',
    name: "Child's pose",
    aliases: ['Balasana'],
    kind: 'stretch',
    purpose: 'A restful folded position that lengthens the back and helps its muscles slowly relax.',
    factors: ['tight-back', 'stiff-thoracic-spine'],
    steps: [
      'Kneel on a mat with the big toes together and the knees hip-width apart or a little wider.',
      'Sit the hips back toward the heels and fold forward, reaching the arms out in front and resting the forehead down.',
      'Breathe slowly into the back and let it soften through the hold.',
      'Walk the hands back toward the knees and come up slowly.',
    ],
    dose: {
      reps: { min: 2, max: 3 },
      holdS: { min: 30, max: 60 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE,
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'Put a cushion under the hips or forehead, or between thighs and calves, if the knees or ankles complain.',
    ],
    gentle: true,
    easier: 'Rest the chest on a pillow or stack of cushions between the knees.',
    harder: 'Walk both hands toward one side to add a stretch along the opposite side of the trunk.',
    progression:
      'Lengthen the holds toward a minute as it becomes comfortable. Use more support if the knees or back object.',
    positions: {
      start: 'Kneeling upright on a mat with the big toes together and the knees apart.',
      end: 'Hips resting back toward the heels, trunk folded forward, arms reaching ahead and forehead on the mat.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      planted: 'knees',
      poses: {
        start: kneeling(),
        end: kneeling({
          trunk: 92,
          neck: 35,
          arms: { shoulder: 166 },
          legs: { hip: 160, knee: 158, ankle: -80 },
        }),
      },
    },
    sources: [A04],
  },
  {
    id: 'pigeon-pose',
    name: 'Pigeon pose',
    aliases: ['Pigeon stretch'],
    kind: 'stretch',
    purpose:
      'Loosens the hips, including the hip flexors of the back leg that long sitting shortens, so the pelvis is pulled forward less and the lower back less strained.',
    factors: ['sitting-tight-hip-flexors', 'tight-back'],
    steps: [
      'From hands and knees, bring one knee forward behind the wrist on the same side and angle that shin across toward the other hand.',
      'Slide the other leg straight back with the top of the foot on the mat, and square the hips toward the front.',
      'Stay upright on your hands to feel the front of the back-leg hip, or fold forward over the front leg to feel the outer hip.',
      'Breathe slowly through the hold, then come out carefully and switch sides.',
    ],
    dose: {
      sets: 2,
      holdS: { min: 30, max: 60 },
      perSide: true,
      perWeek: { min: 3, max: 5 },
      timing: 'mobility-day',
      basis: NO_DOSE,
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'If the front knee hurts, use the easier version instead.',
      'Put a cushion under the front hip if it does not reach the floor, so the pelvis stays level.',
    ],
    gentle: true,
    easier:
      'Lie on your back, cross one ankle over the other knee and draw both legs toward you; or kneel on one knee and shift the hips forward to stretch the front of that hip.',
    harder: 'Fold further forward over the front leg, or lengthen the hold toward 90 seconds.',
    progression:
      'Lengthen the holds as the hips loosen. Use the easier versions on days the knees or back are sore.',
    positions: {
      start: 'On hands and knees on a mat.',
      end: 'Hips low with one shin angled across the front of the mat, the other leg stretched straight back and the trunk upright on the hands.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      planted: 'knees',
      poses: {
        start: allFours(),
        end: {
          trunk: 15,
          arms: { shoulder: 25 },
          nearLeg: { hip: 85, knee: 95, lowerOut: 65, ankle: -30 },
          farLeg: { hip: -65, knee: 0, ankle: -80 },
        },
      },
    },
    sources: [A04],
  },
  {
    id: 'malasana',
    name: 'Malasana (yogi squat)',
    aliases: ['Yogi squat', 'Garland pose', 'Deep squat hold'],
    kind: 'stretch',
    purpose: 'A deep, supported squat hold that opens the hips after long periods of sitting.',
    factors: ['sitting-tight-hip-flexors', 'tight-back'],
    steps: [
      'Stand with the feet a little wider than the hips and the toes turned out.',
      'Bend the knees and lower the hips down between the heels, keeping the heels down if you can.',
      'Bring the palms together at the chest and let the elbows press gently out against the inner knees while the spine lengthens.',
      'Hold and breathe, then put the hands down and stand up slowly.',
    ],
    dose: {
      sets: 2,
      holdS: { min: 20, max: 45 },
      perWeek: { min: 3, max: 5 },
      timing: 'mobility-day',
      basis: NO_DOSE,
    },
    equipment: [],
    kit: [],
    cautions: ['Skip it or use the easier version if the knees hurt in a deep bend.'],
    gentle: true,
    easier:
      'Sit on a low block or a stack of books, put a folded mat under the heels, or hold a door frame for balance.',
    harder: 'Lengthen the hold toward a minute, or reach one arm up at a time to add a gentle twist.',
    progression:
      'Lower the support over the weeks and lengthen the holds. Return to the supported version if the knees or back complain.',
    positions: {
      start: 'Standing with the feet wider than the hips and the toes turned out.',
      end: 'Squatting low with the hips between the heels, palms together at the chest and elbows against the inner knees.',
    },
    figure: {
      view: 'front',
      poses: {
        start: standing({ legs: { hip: 12, knee: 0 } }),
        end: {
          arms: { shoulder: 28, elbow: 142 },
          legs: { hip: 55, knee: 55, out: 60, lowerOut: 40 },
        },
      },
    },
    sources: [A04],
  },
  {
    id: 'shoulder-circles',
    name: 'Shoulder circles',
    aliases: ['Shoulder rolls'],
    kind: 'mobility',
    purpose:
      'A simple posture exercise from the health article on back pain after running for an exaggerated lower-back curve, easing the shoulders back into place and relieving tension from holding them high.',
    factors: ['hyperlordosis', 'shrugged-shoulders', 'tight-chest-rounded-shoulders'],
    steps: [
      'Stand or sit upright with the arms hanging loosely by your sides.',
      'Slowly roll both shoulders forward and up toward the ears.',
      'Carry on round by drawing them back and down, as if tucking the shoulder blades into your back pockets.',
      'Keep the circles smooth and unhurried.',
    ],
    dose: {
      sets: 2,
      reps: { min: 8, max: 10 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE,
    },
    equipment: [],
    kit: [],
    cautions: ['Keep the movement slow and within comfort.'],
    gentle: true,
    easier: 'Make the circles smaller.',
    progression:
      'Do them through the day, for example at each sitting break. Make the circles smaller if they cause pain.',
    positions: {
      start: 'Standing upright with the arms hanging relaxed at the sides.',
      end: 'Standing upright with the shoulders lifted toward the ears at the top of the circle.',
    },
    figure: {
      loop: 'cycle',
      poses: {
        start: standing(),
        forward: standing({ retract: -1, shrug: 0.5 }),
        end: standing({ shrug: 1 }),
        'back and down': standing({ retract: 1, shrug: -0.3 }),
      },
      captions: {
        forward: 'Shoulders rolled forward and starting to rise.',
        'back and down': 'Shoulders drawn back and down, shoulder blades tucked in.',
      },
    },
    sources: [A03],
  },
  {
    id: 'small-arm-circles',
    name: 'Small arm circles',
    kind: 'mobility',
    purpose:
      'One of the posture exercises the health article on back pain after running offers for an exaggerated lower-back curve; it also wakes up the muscles around the shoulder blades.',
    factors: ['hyperlordosis', 'weak-upper-back', 'shrugged-shoulders'],
    steps: [
      'Stand upright with the feet hip-width apart.',
      'Raise both arms straight out to the sides to shoulder height, palms facing down.',
      'Draw small circles with the hands, about the size of a grapefruit, keeping the shoulders low.',
      'After the set, reverse the direction, then lower the arms and rest.',
    ],
    dose: {
      sets: 1,
      reps: { min: 10, max: 15 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: 'Backstride starting point; the source gives no dose. Reps are circles in each direction.',
    },
    equipment: [],
    kit: [],
    cautions: ['Lower the arms and rest if the shoulders start to hitch up toward the ears.'],
    gentle: true,
    easier: 'Do the circles with one arm at a time, or with the elbows slightly bent.',
    harder: 'Make more circles in each direction, or hold a very light weight in each hand.',
    progression: 'Add circles as the shoulders tire less. Do fewer if they ache afterwards.',
    positions: {
      start: 'Standing upright with the arms hanging at the sides.',
      end: 'Standing upright with both straight arms held out to the sides at shoulder height.',
    },
    figure: {
      view: 'front',
      poses: {
        start: standing(),
        end: standing({ arms: { shoulder: 90, elbow: 0 } }),
        'small circle': standing({ arms: { shoulder: 98, elbow: 0 } }),
      },
      captions: { 'small circle': 'Hands tracing a small circle, shoulders kept low.' },
    },
    sources: [A03],
  },
  {
    id: 'standing-side-bend',
    name: 'Standing side bend',
    kind: 'stretch',
    purpose:
      'Stretches the side of the trunk; the health article on back pain after running lists it among the home posture exercises for an exaggerated lower-back curve.',
    factors: ['hyperlordosis', 'tight-back'],
    steps: [
      'Stand upright with the feet hip-width apart.',
      'Cup one hand over the ear on that side, elbow pointing out, and let the other arm rest straight along your side.',
      'Bend sideways away from the covered ear, letting the resting hand slide down the outside of the thigh.',
      'Hold while breathing slowly, feel the stretch along the side of the trunk, then come back up and switch sides.',
    ],
    dose: {
      reps: { min: 3, max: 5 },
      perSide: true,
      holdS: { min: 10, max: 20 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE,
    },
    equipment: [],
    kit: [],
    cautions: ['Bend straight to the side without twisting or tipping forward or back.'],
    gentle: true,
    easier: 'Keep both hands on the hips and make the bend smaller.',
    harder: 'Reach the top arm up and over the head as you bend.',
    progression:
      'Lengthen the hold toward 30 seconds as it eases. Make the bend smaller if it stirs up pain.',
    positions: {
      start: 'Standing upright, one hand cupped over the ear and the other arm resting along the side.',
      end: 'Bent sideways away from the covered ear, the free hand slid down the outer thigh.',
    },
    figure: {
      view: 'front',
      poses: {
        start: standing({ nearArm: { shoulder: 145, elbow: 125 }, farArm: { shoulder: 4, elbow: 0 } }),
        end: standing({
          trunk: 6,
          spine: 24,
          nearArm: { shoulder: 145, elbow: 125 },
          farArm: { shoulder: 4, elbow: 0 },
        }),
      },
    },
    sources: [A03],
  },
  {
    id: 'post-run-static-stretch',
    name: 'Post-run static stretches',
    aliases: ['Cool-down stretches'],
    kind: 'stretch',
    purpose:
      'A short sequence of held stretches for the upper and lower body after the run: the chest muscles that pull the shoulders forward, the upper back, the hip flexors that sitting shortens, and the hamstrings.',
    factors: ['tight-back', 'poor-warm-up', 'sitting-tight-hip-flexors', 'tight-chest-rounded-shoulders'],
    steps: [
      'Chest: stand in a doorway with one forearm on the frame at shoulder height and step gently through until the front of the chest stretches; hold, then switch arms.',
      'Upper back: clasp the hands in front at chest height, push them away and round the upper back so the shoulder blades spread apart; hold.',
      'Hip flexors: kneel on one knee on a mat with the other foot forward, tuck the tailbone slightly and shift forward until the front of the back-leg hip stretches; hold, then switch sides.',
      'Hamstrings: rest one heel on a low step with the knee almost straight and tip forward from the hips with a flat back until the back of the thigh stretches; hold, then switch sides.',
      'Breathe slowly throughout and ease into each stretch without bouncing.',
    ],
    dose: {
      sets: 1,
      holdS: { min: 20, max: 30 },
      perSide: true,
      perWeek: { min: 3, max: 6 },
      timing: 'after-run',
      basis:
        'Bella Williams’s running blog advises static stretches for the upper and lower body after each run but gives no hold times; 20 to 30 seconds a stretch is a Backstride starting point.',
    },
    equipment: ['wall', 'mat'],
    kit: [],
    cautions: [
      'Stretch to mild tension, never to pain.',
      'Keep the doorway stretch at or below shoulder height if the shoulder feels pinched.',
    ],
    gentle: true,
    easier: 'Do one round of just the chest and hip-flexor stretches, with shorter holds.',
    harder: 'Do two rounds, or lengthen each hold toward 45 seconds.',
    progression:
      'Once the sequence is a habit after every run, lengthen the holds or add a second round. Shorten the holds if a stretch leaves the area sore.',
    positions: {
      start:
        'Standing in a doorway with one forearm on the frame at shoulder height, stepping gently through.',
      end: 'Standing with one heel on a low step and the knee nearly straight, tipped forward from the hips with a flat back.',
    },
    figure: {
      props: [{ kind: 'mat' }, { kind: 'doorway', x: -4 }, { kind: 'step', x: 6, width: 18, height: 12 }],
      poses: {
        start: standing({
          trunk: 8,
          nearArm: { shoulder: 10, elbow: 10 },
          farArm: { shoulder: -15, out: 75, elbow: 95 },
          nearLeg: { hip: 18, knee: 10 },
          farLeg: { hip: -12 },
        }),
        'upper back': standing({ spine: 22, neck: 15, arms: { shoulder: 70, elbow: 15 } }),
        'hip flexors': kneeling({ nearLeg: { hip: 90, knee: 90, ankle: 0 }, farLeg: { hip: -18, knee: 72 } }),
        end: standing({
          trunk: 38,
          arms: { shoulder: 30 },
          nearLeg: { hip: 83, knee: 5, ankle: 15 },
          farLeg: { hip: 38 },
        }),
      },
      captions: {
        'upper back': 'Hands clasped in front at chest height, pushed away, the upper back rounded.',
        'hip flexors':
          'Kneeling on one knee with the other foot forward, shifting forward to stretch the front of the back-leg hip.',
      },
    },
    sources: [A00, A01, A04],
  },
  // Warm-up before the run
  {
    id: 'neck-shoulder-rolls',
    name: 'Neck and shoulder rolls',
    kind: 'warm-up',
    purpose: 'A moving warm-up that loosens the neck and shoulders before you head out.',
    factors: ['poor-warm-up', 'tight-back', 'shrugged-shoulders'],
    steps: [
      'Stand upright with the arms relaxed at your sides.',
      'Lower the chin toward the chest and roll the head slowly from one shoulder to the other in a half circle across the front.',
      'Then roll both shoulders in large, slow circles backward, followed by the same number forward.',
    ],
    dose: {
      sets: 1,
      reps: { min: 5, max: 8 },
      perWeek: { min: 3, max: 6 },
      timing: 'before-run',
      basis:
        'Backstride starting point; the source gives no dose. Reps are in each direction, before every run.',
    },
    equipment: [],
    kit: [],
    cautions: [
      'Keep the head rolls slow and to the front only; skip them if they make you dizzy or send pain or tingling into an arm.',
    ],
    gentle: true,
    easier:
      'Tip the head gently from side to side instead of rolling it, and keep the shoulder circles small.',
    progression:
      'Let the circles grow larger as the neck and shoulders loosen. Keep them small on days the neck is sore.',
    positions: {
      start: 'Standing upright with the arms relaxed and the head level.',
      end: 'Standing upright with the chin lowered toward the chest and the shoulders drawn back.',
    },
    figure: {
      poses: {
        start: standing(),
        end: standing({ neck: 38, retract: 1 }),
      },
    },
    sources: [A00],
  },
  {
    id: 'arm-swings',
    name: 'Arm swings',
    kind: 'warm-up',
    purpose: 'Swings that warm the shoulders, chest and upper back before running.',
    factors: ['poor-warm-up', 'tight-back', 'tight-chest-rounded-shoulders'],
    steps: [
      'Stand with the feet hip-width apart and the knees soft.',
      'Swing both arms forward and up, then down and back, in an easy rhythm, letting the range grow a little each time.',
      'Then swing both arms open to the sides and back across the front of the chest, changing which arm goes on top.',
    ],
    dose: {
      sets: 1,
      reps: { min: 10, max: 15 },
      perWeek: { min: 3, max: 6 },
      timing: 'before-run',
      basis:
        'Backstride starting point; the source gives no dose. Reps are for each kind of swing, before every run.',
    },
    equipment: [],
    kit: [],
    cautions: ['Keep the swings controlled rather than flinging the arms to the end of their range.'],
    gentle: true,
    easier: 'Swing one arm at a time through a smaller range.',
    progression:
      'Let the swings grow larger as the shoulders warm. Keep them small if a shoulder or the upper back is sore.',
    positions: {
      start: 'Standing upright with both arms hanging by the sides.',
      end: 'Standing upright with both arms swung forward and up to about head height.',
    },
    figure: {
      loop: 'cycle',
      poses: {
        start: standing({ legs: { hip: 5, knee: 8 } }),
        end: standing({ arms: { shoulder: 150, elbow: 5 }, legs: { hip: 5, knee: 8 } }),
        'swung back': standing({ arms: { shoulder: -40, elbow: 5 }, legs: { hip: 5, knee: 8 } }),
      },
      captions: { 'swung back': 'Both arms swung down and back behind the hips.' },
    },
    sources: [A00],
  },
  // Breathing
  {
    id: 'wall-breathing',
    name: 'Wall breathing',
    aliases: ['Hands-on-wall breathing'],
    kind: 'breathing',
    purpose:
      'A few breaths before the run that bring the low ribs down over the pelvis and switch on the deep core, setting up an upright stack for running.',
    factors: ['chest-breathing', 'weak-deep-core', 'fatigue-hunch', 'forward-head'],
    steps: [
      'Stand facing a wall with the palms on it at about shoulder height, then step the feet back slightly so you lean into your hands.',
      'Breathe out fully through the mouth, letting the low ribs draw down and in toward the hips until the deep belly muscles switch on.',
      'Keeping that gentle tension, breathe in through the nose and send the air into the back and sides of the ribs rather than lifting the chest.',
      'Repeat for a few slow breaths, then walk the feet in and stand upright.',
    ],
    dose: {
      breaths: { min: 3, max: 5 },
      perWeek: { min: 3, max: 6 },
      timing: 'before-run',
      basis:
        'The running coach’s blog uses a few breaths before each run; 3 to 5 is Backstride’s reading of “a few”.',
    },
    equipment: ['wall'],
    kit: [],
    cautions: [
      'Breathe at a slow, easy pace and stop if you feel light-headed.',
      'Pain on breathing in is not something to breathe through: have it checked promptly.',
    ],
    gentle: true,
    easier: 'Stand more upright with the hands higher on the wall.',
    harder: 'Lengthen each breath out to a slow count of 6 to 8.',
    progression:
      'Once it feels natural, carry the same low-ribs, core-on feeling into the first minutes of the run. Do fewer breaths if it makes you dizzy.',
    positions: {
      start: 'Standing close to a wall with both palms flat on it at shoulder height.',
      end: 'Leaning lightly into the wall with the feet stepped back, lower ribs drawn down and trunk braced.',
    },
    figure: {
      planted: 'hands',
      props: [{ kind: 'wall', x: 2 }],
      poses: {
        start: standing({ trunk: 6, arms: { shoulder: 84, elbow: 70 }, legs: { ankle: 6 } }),
        end: standing({ trunk: 18, belly: 0, arms: { shoulder: 100, elbow: 20 }, legs: { ankle: 18 } }),
      },
    },
    sources: [A02],
  },
  {
    id: 'goal-post-arms-breathing',
    name: 'Goal-post arms breathing',
    kind: 'breathing',
    purpose:
      'Finishes the pre-run breathing by opening the upper chest: with the arms in a goal-post shape, each breath in lifts the upper front ribs that hunching squashes.',
    factors: ['chest-breathing', 'fatigue-hunch', 'forward-head', 'tight-chest-rounded-shoulders'],
    steps: [
      'Lie on your back on a mat with the knees bent and the feet flat.',
      'Open the arms into a goal-post shape: upper arms out level with the shoulders, elbows bent to about a right angle, backs of the hands toward the floor.',
      'Breathe out fully and let the low ribs settle toward the floor.',
      'Breathe in slowly through the nose, filling the top of the chest so the upper front ribs rise under the collarbones.',
      'Breathe out slowly and repeat for a few breaths.',
    ],
    dose: {
      breaths: { min: 3, max: 5 },
      perWeek: { min: 3, max: 6 },
      timing: 'before-run',
      basis: 'Backstride starting point; the source gives no number of breaths for this finishing position.',
    },
    equipment: ['mat'],
    kit: [],
    cautions: [
      'If the shoulders pinch or the hands tingle, lower the arms toward the sides.',
      'Stop and breathe normally if you feel light-headed.',
    ],
    gentle: true,
    easier: 'Rest the forearms on cushions, or bring the arms lower toward the sides.',
    harder: 'Do it standing with the back, head and forearms against a wall.',
    progression:
      'Once the upper ribs rise easily, practise the same breath standing before the run. Lower the arms if the shoulders complain.',
    positions: {
      start: 'Lying on the back with the knees bent, feet flat and arms resting at the sides.',
      end: 'Lying on the back with the knees bent and the arms open in a goal-post shape, the upper chest lifted on the breath in.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      poses: {
        start: hookLying({ chest: 0 }),
        end: hookLying({ chest: 1, arms: { shoulder: 90, out: 88, elbow: 90 } }),
      },
    },
    sources: [A02],
  },
  {
    id: 'hook-lying-hum-breathing',
    name: 'Hook-lying breathing with a hum',
    aliases: ['Humming breath', 'Post-run hum breathing'],
    kind: 'breathing',
    purpose:
      'Easy, unhurried breathing to wind down once a long or hard run is over; a long, slow hum on each breath out helps empty the lungs fully and calm the nervous system.',
    factors: ['chest-breathing', 'stress', 'fatigue-hunch', 'forward-head'],
    steps: [
      'After a long or hard run, lie on your back on a mat with the knees bent and the feet flat.',
      'Rest the arms out to the sides at about shoulder level, palms up, and let the body feel heavy.',
      'Breathe in quietly through the nose into the belly and ribs.',
      'Breathe out with a long, slow hum until the breath is fully out, without straining.',
      'Pause briefly and let the next breath come in by itself.',
    ],
    dose: {
      breaths: { min: 6, max: 10 },
      perWeek: { min: 1, max: 3 },
      timing: 'after-run',
      basis:
        'Backstride starting point; the source gives no dose. It is used after long or hard runs, so the weekly count follows those runs.',
    },
    equipment: ['mat'],
    kit: [],
    cautions: ['Stop and breathe normally if you feel light-headed.'],
    gentle: true,
    easier: 'Rest the arms by the sides, or use a shorter, softer hum.',
    harder: 'Lengthen each hum a little, or stay for a few minutes of slow breathing.',
    progression:
      'Add breaths or minutes as it becomes a calming habit; it can follow any run, not just long ones. Shorten the hums if you end up gasping for the next breath.',
    positions: {
      start: 'Lying on the back on a mat with the knees bent, feet flat and arms at the sides.',
      end: 'Lying on the back with the knees bent and the arms resting out to the sides at shoulder level, palms up.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      poses: {
        start: hookLying({ belly: 0 }),
        end: hookLying({ belly: 1, arms: { shoulder: -3, out: 80, lowerOut: 80 } }),
      },
    },
    sources: [A02],
  },
  {
    id: 'diaphragmatic-breathing',
    name: 'Diaphragmatic breathing',
    aliases: ['Belly breathing'],
    kind: 'breathing',
    purpose:
      'Practises breathing with the diaphragm, deep into the belly, so the small neck and upper-chest muscles stop doing the work; a few of these reset breaths can also be used now and then during a run.',
    factors: ['chest-breathing', 'stress', 'forward-head', 'fatigue-hunch'],
    steps: [
      'Lie on your back with the knees bent, or sit upright, and rest one hand on the chest and the other on the belly.',
      'Breathe in slowly through the nose so the hand on the belly rises while the hand on the chest barely moves.',
      'Breathe out slowly through the nose or pursed lips and let the belly sink back.',
      'Keep the neck and shoulders soft throughout.',
    ],
    dose: {
      breaths: { min: 8, max: 10 },
      perWeek: { min: 5, max: 7 },
      timing: 'daily',
      basis: NO_DOSE_PLURAL,
    },
    equipment: [],
    kit: [],
    cautions: [
      'Stop and breathe normally if you feel light-headed.',
      'Pain on breathing in is not something to breathe through: have it checked promptly.',
    ],
    gentle: true,
    easier: 'Do it lying down with a pillow under the knees.',
    harder: 'Practise sitting, then standing, then take a few of these breaths during easy runs.',
    progression:
      'Move from lying to sitting, standing and then running once the belly leads the breath easily. Go back to lying down if the chest and neck take over.',
    positions: {
      start: 'Lying on the back with the knees bent, one hand on the chest and one on the belly.',
      end: 'The same position with the belly risen under the lower hand and the chest still.',
    },
    figure: {
      props: [{ kind: 'mat' }],
      poses: {
        start: hookLying({
          belly: 0,
          chest: 0,
          nearArm: { shoulder: 40, elbow: 120, out: 55 },
          farArm: { shoulder: 25, elbow: 60, out: 40 },
        }),
        // The belly rises under the lower hand; the hand on the chest stays put.
        end: hookLying({
          belly: 1,
          chest: 0,
          nearArm: { shoulder: 40, elbow: 120, out: 55 },
          farArm: { shoulder: 34, elbow: 60, out: 40 },
        }),
      },
    },
    sources: [A01, A02],
  },
];

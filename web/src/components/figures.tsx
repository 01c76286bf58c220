/**
 * Stick figures for an exercise's start and end positions. The knowledge base describes each position
 * in a sentence (`positions.start`, `positions.end`); a pose is chosen from a small set by the words in
 * it (standing, hinged, squat, seated, kneeling, child's pose, all fours, plank, face down, on the back,
 * at a wall), with the arms and props the sentence mentions. The sentence is the caption and the alt text,
 * so the figure never has to carry the meaning alone.
 */
import { useId } from 'preact/hooks';

type Pt = readonly [number, number];
/** A limb as a polyline from where it joins the trunk. */
type Limb = readonly Pt[];
type Prop =
  | { kind: 'mat' }
  | { kind: 'chair'; x: number }
  | { kind: 'wall'; x: number }
  | { kind: 'frame'; x: number }
  | { kind: 'roller'; at: Pt }
  | { kind: 'step'; x: number }
  | { kind: 'weight'; at: Pt };

export type Pose = {
  name: string;
  head: Pt;
  /** Neck to hip, with an optional bend in between. */
  spine: readonly Pt[];
  /** Limbs on the far side, drawn lighter. */
  far: Limb[];
  near: Limb[];
  props: Prop[];
};

const add = (p: Pt, dx: number, dy: number): Pt => [p[0] + dx, p[1] + dy];

/** Arm shapes for an upright trunk, as elbow and hand offsets from the shoulder (side view, facing right). */
const ARMS = {
  down: [
    [0, 15],
    [1, 29],
  ],
  forward: [
    [13, 2],
    [26, 3],
  ],
  up: [
    [7, -12],
    [10, -25],
  ],
  back: [
    [-5, 15],
    [-10, 28],
  ],
  swingUp: [
    [12, -6],
    [22, -14],
  ],
  row: [
    [-8, 15],
    [4, 13],
  ],
  pullDown: [
    [-4, 13],
    [7, -4],
  ],
  crossed: [
    [9, 13],
    [1, 8],
  ],
  chest: [
    [8, 14],
    [3, 7],
  ],
  behindHead: [
    [10, -12],
    [-2, -16],
  ],
} as const satisfies Record<string, readonly [readonly [number, number], readonly [number, number]]>;
type ArmShape = keyof typeof ARMS;

function upright(o: {
  name: string;
  neck: Pt;
  hip: Pt;
  head?: Pt;
  arms: ArmShape;
  legs: readonly [Pt, Pt];
  farLegs?: readonly [Pt, Pt];
  props?: Prop[];
}): Pose {
  const [e, h] = ARMS[o.arms];
  // Arms hang from the shoulder, a little below the base of the neck.
  const shoulder = add(o.neck, (o.hip[0] - o.neck[0]) * 0.12, (o.hip[1] - o.neck[1]) * 0.12);
  const arm = (dx: number): Limb => [
    shoulder,
    add(shoulder, e[0] + dx, e[1]),
    add(shoulder, h[0] + dx, h[1]),
  ];
  const [knee, foot] = o.legs;
  const [fk, ff] = o.farLegs ?? [add(knee, -2, 0), add(foot, -2, 0)];
  return {
    name: o.name,
    head: o.head ?? add(o.neck, 0, -10),
    spine: [o.neck, o.hip],
    far: [arm(-1), [o.hip, fk, ff]],
    near: [arm(0), [o.hip, knee, foot]],
    props: o.props ?? [],
  };
}

/** A front view (arms out to the sides, side bends, wide stances). */
function front(o: {
  name: string;
  neck?: Pt;
  head?: Pt;
  left: Limb;
  right: Limb;
  feet?: readonly [number, number];
  shoulderY?: number;
}): Pose {
  const neck = o.neck ?? [80, 30];
  const hip: Pt = [80, 60];
  const sy = o.shoulderY ?? neck[1] + 2;
  const [lf, rf] = o.feet ?? [74, 86];
  return {
    name: o.name,
    head: o.head ?? add(neck, 0, -10),
    spine: [neck, hip],
    far: [],
    near: [
      [[neck[0] - 9, sy], ...o.left],
      [[neck[0] + 9, sy], ...o.right],
      [
        [neck[0] - 9, sy],
        [neck[0] + 9, sy],
      ],
      [add(hip, -5, 0), [(hip[0] - 5 + lf) / 2 - 1, 80], [lf, 99]],
      [add(hip, 5, 0), [(hip[0] + 5 + rf) / 2 + 1, 80], [rf, 99]],
      [add(hip, -5, 0), add(hip, 5, 0)],
    ],
    props: [],
  };
}

const STANDING_LEGS: readonly [Pt, Pt] = [
  [81, 80],
  [80, 99],
];

function standing(arms: ArmShape, props: Prop[] = [], name = 'standing'): Pose {
  return upright({ name, neck: [80, 30], hip: [80, 60], arms, legs: STANDING_LEGS, props });
}

/** The arm shape a sentence describes, for upright poses. */
function armsFrom(t: string, fallback: ArmShape = 'down'): ArmShape {
  if (/overhead|above the head|beyond the head/.test(t)) return 'up';
  if (/behind the head/.test(t)) return 'behindHead';
  if (/forward and up|up to about head height/.test(t)) return 'swingUp';
  if (/drawn down beside the ribs|chin height/.test(t)) return 'pullDown';
  if (/pulled back beside|elbows? (?:bent|drawn) back|at the lower ribs/.test(t)) return 'row';
  if (/drawn back|behind the hips/.test(t)) return 'back';
  if (/crossed over the chest|palms together at the chest/.test(t)) return 'crossed';
  if (/hands? on (?:the )?(?:upper )?chest/.test(t)) return 'chest';
  if (/reaching (?:straight |slightly )?forward|in front at chest height|arms? (?:straight )?forward/.test(t))
    return 'forward';
  if (/hanging|by the sides|at the sides|relaxed|along the side/.test(t)) return 'down';
  return fallback;
}

const POSES = {
  allFours(t: string): Pose {
    const neck: Pt = [104, 62];
    const hip: Pt = [62, 62];
    const support = (n: Pt): Limb => [n, [n[0], 80], [n[0], 99]];
    const knee = (h: Pt): Limb => [h, [h[0], 99], [h[0] - 24, 99]];
    if (/opposite knee|free leg straight back/.test(t)) {
      return {
        name: 'bird dog',
        head: [115, 56],
        spine: [neck, hip],
        far: [
          [neck, [118, 61], [134, 60]],
          [hip, [44, 62], [24, 62]],
        ],
        near: [support(neck), knee(hip)],
        props: [{ kind: 'mat' }],
      };
    }
    if (/rounded|arch/.test(t)) {
      return {
        name: 'all fours, back rounded',
        head: [113, 72],
        spine: [neck, [84, 46], hip],
        far: [support(add(neck, -1, 0)), knee(add(hip, -1, 0))],
        near: [support(neck), knee(hip)],
        props: [{ kind: 'mat' }],
      };
    }
    return {
      name: 'all fours',
      head: [115, 56],
      spine: [neck, hip],
      far: [support(add(neck, -1, 0)), knee(add(hip, -1, 0))],
      near: [support(neck), knee(hip)],
      props: [{ kind: 'mat' }],
    };
  },
  pigeon(): Pose {
    const neck: Pt = [94, 52];
    const hip: Pt = [72, 86];
    return {
      name: 'pigeon',
      head: [99, 40],
      spine: [neck, hip],
      far: [
        [neck, [97, 75], [99, 99]],
        [hip, [46, 96], [20, 98]],
      ],
      near: [
        [neck, [98, 75], [100, 99]],
        [hip, [96, 96], [74, 98]],
      ],
      props: [{ kind: 'mat' }],
    };
  },
  plank(t: string): Pose {
    const high = /high plank|straight arms|on straight arms/.test(t);
    const neck: Pt = high ? [108, 66] : [108, 82];
    const hip: Pt = high ? [70, 80] : [70, 89];
    const support: Limb = high ? [neck, [108, 82], [108, 99]] : [neck, [108, 99], [126, 99]];
    const rowing = /elbow drawn up/.test(t);
    return {
      name: high ? 'high plank' : 'forearm plank',
      head: high ? [119, 61] : [119, 77],
      spine: [neck, hip],
      far: [rowing ? [neck, [98, 60], [106, 74]] : support, [hip, [49, high ? 89 : 93], [28, 97]]],
      near: [support, [hip, [49, high ? 89 : 93], [28, 97]]],
      props: [{ kind: 'mat' }],
    };
  },
  prone(t: string): Pose {
    const neck: Pt = [112, 95];
    const hip: Pt = [70, 95];
    if (/forearms under the shoulders/.test(t)) {
      const n: Pt = [110, 87];
      return {
        name: 'lying face down on the forearms',
        head: [121, 82],
        spine: [n, hip],
        far: [
          [n, [108, 99], [126, 99]],
          [hip, [48, 97], [26, 98]],
        ],
        near: [
          [n, [109, 99], [127, 99]],
          [hip, [48, 97], [26, 98]],
        ],
        props: [{ kind: 'mat' }],
      };
    }
    if (/raised|lift/.test(t)) {
      const n: Pt = [112, 92];
      return {
        name: 'lying face down, arms and legs raised',
        head: [124, 88],
        spine: [n, [72, 95]],
        far: [
          [n, [130, 88], [148, 84]],
          [
            [72, 95],
            [50, 93],
            [28, 88],
          ],
        ],
        near: [
          [n, [130, 89], [148, 85]],
          [
            [72, 95],
            [50, 94],
            [28, 89],
          ],
        ],
        props: [{ kind: 'mat' }],
      };
    }
    const overhead = /beyond the head|overhead|stretched out past/.test(t);
    const arm: Limb = overhead ? [neck, [128, 97], [146, 97]] : [neck, [96, 97], [80, 97]];
    return {
      name: 'lying face down',
      head: [124, 92],
      spine: [neck, hip],
      far: [arm, [hip, [48, 97], [26, 98]]],
      near: [arm, [hip, [48, 97], [26, 98]]],
      props: [{ kind: 'mat' }],
    };
  },
  supine(t: string): Pose {
    const legs: Limb = [
      [80, 95],
      [100, 74],
      [118, 99],
    ];
    const mat: Prop = { kind: 'mat' };
    if (/roller/.test(t)) {
      const extended = /bent gently back|head lowered/.test(t);
      const neck: Pt = extended ? [40, 89] : [42, 84];
      const arms: Limb = [neck, [36, 74], [28, 82]];
      return {
        name: 'lying on the back over a foam roller',
        head: extended ? [28, 93] : [31, 80],
        spine: [neck, [52, 86], [80, 95]],
        far: [arms, legs],
        near: [arms, legs],
        props: [mat, { kind: 'roller', at: [54, 92] }],
      };
    }
    const neck: Pt = [38, 95];
    let far: Limb = [neck, [54, 97], [70, 97]];
    let near: Limb = far;
    if (/one hand on the chest|under the lower hand/.test(t)) {
      far = [neck, [44, 86], [47, 90]];
      near = [neck, [52, 86], [62, 89]];
    } else if (/goal-post|out to the sides|behind the head/.test(t)) {
      far = [neck, [36, 99], [22, 99]];
      near = far;
    }
    return {
      name: 'lying on the back, knees bent',
      head: [26, 91],
      spine: [neck, [80, 95]],
      far: [far, legs],
      near: [near, legs],
      props: [mat],
    };
  },
  childsPose(): Pose {
    const neck: Pt = [98, 88];
    const hip: Pt = [60, 86];
    return {
      name: "child's pose",
      head: [108, 92],
      spine: [neck, [80, 80], hip],
      far: [
        [neck, [117, 96], [135, 98]],
        [hip, [80, 98], [52, 98]],
      ],
      near: [
        [neck, [118, 97], [136, 99]],
        [hip, [81, 98], [53, 98]],
      ],
      props: [{ kind: 'mat' }],
    };
  },
  kneeling(t: string): Pose {
    return upright({
      name: 'kneeling upright',
      neck: [80, 42],
      hip: [80, 70],
      arms: armsFrom(t),
      legs: [
        [80, 98],
        [58, 98],
      ],
      props: [{ kind: 'mat' }],
    });
  },
  squat(t: string): Pose {
    if (/squatting low|hips between the heels/.test(t)) {
      return upright({
        name: 'deep squat',
        neck: [80, 58],
        hip: [72, 88],
        arms: 'crossed',
        legs: [
          [94, 70],
          [86, 99],
        ],
      });
    }
    const chair = /chair/.test(t);
    return upright({
      name: chair ? 'squat to a chair' : 'squat',
      neck: [78, 44],
      hip: [62, 72],
      head: [84, 33],
      arms: armsFrom(t, 'forward'),
      legs: [
        [86, 70],
        [84, 99],
      ],
      props: chair ? [{ kind: 'chair', x: 42 }] : [],
    });
  },
  seated(t: string): Pose {
    return upright({
      name: 'seated',
      neck: [64, 38],
      hip: [64, 66],
      arms: armsFrom(t),
      legs: [
        [88, 66],
        [88, 99],
      ],
      props: [{ kind: 'chair', x: 48 }],
    });
  },
  hinge(t: string): Pose {
    const neck: Pt = [100, 42];
    const hip: Pt = [66, 60];
    const out = /out to the sides|forming a t|\ba t\b/.test(t);
    const arm: Limb = out ? [neck, [106, 46], [108, 50]] : [neck, [100, 56], [100, 70]];
    const step = /step/.test(t);
    const props: Prop[] = [];
    if (step) props.push({ kind: 'step', x: 92 });
    if (/weight|dumbbell|kettlebell/.test(t)) props.push({ kind: 'weight', at: arm[2] ?? [100, 70] });
    return {
      name: 'hinged forward at the hips',
      head: [110, 35],
      spine: [neck, hip],
      far: [arm, [hip, [70, 80], [72, 99]]],
      near: [arm, step ? [hip, [88, 76], [102, 89]] : [hip, [72, 80], [74, 99]]],
      props,
    };
  },
  wall(t: string): Pose {
    if (/back against (?:a|the) wall/.test(t)) {
      const bent = /knee bend|knees bent/.test(t);
      return upright({
        name: bent ? 'shallow wall sit' : 'standing, back against a wall',
        neck: [76, bent ? 36 : 30],
        hip: [76, bent ? 66 : 60],
        arms: armsFrom(t),
        legs: bent
          ? [
              [94, 78],
              [92, 99],
            ]
          : [
              [82, 80],
              [88, 99],
            ],
        props: [{ kind: 'wall', x: 70 }],
      });
    }
    if (/doorway|frame/.test(t)) {
      const neck: Pt = [86, 31];
      return {
        name: 'standing in a doorway',
        head: [88, 19],
        spine: [neck, [82, 60]],
        far: [
          [neck, [86, 45], [87, 58]],
          [
            [82, 60],
            [78, 80],
            [74, 99],
          ],
        ],
        near: [
          [neck, [100, 30], [108, 18]],
          [
            [82, 60],
            [88, 80],
            [92, 99],
          ],
        ],
        props: [{ kind: 'frame', x: 110 }],
      };
    }
    const lean = /slant|leaning|stepped back|lowered toward/.test(t);
    if (lean) {
      const bent = /elbows bent|lowered toward/.test(t);
      const neck: Pt = bent ? [103, 45] : [97, 41];
      const hip: Pt = [82, 67];
      const roller = /roller/.test(t);
      const hand: Pt = [roller ? 113 : 121, 40];
      const shoulder = add(neck, -2, 3);
      const arm: Limb = bent ? [shoulder, [104, 57], hand] : [shoulder, [106, 42], hand];
      const props: Prop[] = [{ kind: 'wall', x: 122 }];
      if (roller) props.push({ kind: 'roller', at: [117, 40] });
      return {
        name: 'leaning into a wall',
        head: bent ? [110, 37] : [103, 32],
        spine: [neck, hip],
        far: [arm, [hip, [75, 83], [68, 99]]],
        near: [arm, [hip, [76, 83], [70, 99]]],
        props,
      };
    }
    return upright({
      name: 'standing facing a wall',
      neck: [86, 30],
      hip: [86, 60],
      arms: 'forward',
      legs: [
        [87, 80],
        [86, 99],
      ],
      props: [{ kind: 'wall', x: 112 }],
    });
  },
  standing(t: string): Pose {
    if (/out to the sides|in a t\b|out to the sides at shoulder height/.test(t)) {
      return front({
        name: 'standing, arms out to the sides',
        left: [
          [58, 32],
          [45, 32],
        ],
        right: [
          [102, 32],
          [115, 32],
        ],
      });
    }
    if (/bent sideways/.test(t)) {
      return front({
        name: 'standing side bend',
        neck: [90, 32],
        head: [97, 22],
        left: [
          [78, 16],
          [92, 13],
        ],
        right: [
          [104, 44],
          [100, 60],
        ],
      });
    }
    if (/cupped over the ear/.test(t)) {
      return front({
        name: 'standing, hand over the ear',
        left: [
          [64, 20],
          [73, 14],
        ],
        right: [
          [91, 46],
          [92, 60],
        ],
      });
    }
    if (/feet wider than the hips|toes turned out/.test(t)) {
      return front({
        name: 'standing, feet wide',
        left: [
          [69, 46],
          [68, 60],
        ],
        right: [
          [91, 46],
          [92, 60],
        ],
        feet: [62, 98],
      });
    }
    if (/shoulders lifted|shrug/.test(t)) {
      return front({
        name: 'standing, shoulders lifted',
        shoulderY: 27,
        left: [
          [69, 44],
          [68, 58],
        ],
        right: [
          [91, 44],
          [92, 58],
        ],
      });
    }
    if (/chin lowered/.test(t))
      return { ...standing('down'), name: 'standing, chin lowered', head: [85, 21] };
    const pose = standing(armsFrom(t), /chair/.test(t) ? [{ kind: 'chair', x: 42 }] : []);
    if (/weight/.test(t)) return { ...pose, props: [{ kind: 'weight', at: pose.near[0]?.[2] ?? [81, 59] }] };
    return pose;
  },
};

/**
 * The pose a position sentence describes. An end position that says "the same" or "still" keeps the
 * start's pose family.
 * @example poseFor('Lying face down on a mat, arms stretched beyond the head').name // 'lying face down'
 */
export function poseFor(sentence: string, start?: string): Pose {
  let t = sentence.toLowerCase();
  if (start && /^(the same|still)\b/.test(t)) t = `${start.toLowerCase()} ${t}`;
  if (/hands and knees|all fours|opposite knee/.test(t) && !/shin angled/.test(t)) return POSES.allFours(t);
  if (/shin angled|pigeon/.test(t)) return POSES.pigeon();
  if (/folded forward|hips resting back toward the heels|child/.test(t)) return POSES.childsPose();
  if (/slant/.test(t)) return POSES.wall(t);
  if (/plank|forearms and toes|head to heels/.test(t) && !/wall/.test(t)) return POSES.plank(t);
  if (/face down|prone/.test(t)) return POSES.prone(t);
  if (/on the back|supine|hook-lying|over the roller/.test(t)) return POSES.supine(t);
  if (/kneeling/.test(t)) return POSES.kneeling(t);
  if (/wall|doorway/.test(t)) return POSES.wall(t);
  if (/squat|thighs near parallel|bottom just touching the chair|knees bent with/.test(t))
    return POSES.squat(t);
  if (/seated|sitting|sit /.test(t)) return POSES.seated(t);
  if (/hinged|tipped forward|trunk tipped|bent forward/.test(t)) return POSES.hinge(t);
  return POSES.standing(t);
}

function path(points: readonly Pt[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p[0]} ${p[1]}`).join(' ');
}

function PropShape({ p }: { p: Prop }) {
  switch (p.kind) {
    case 'mat':
      return <rect class="fig-prop" x="12" y="100" width="140" height="3" rx="1" />;
    case 'chair':
      return (
        <path
          class="fig-prop-line"
          d={`M${p.x} 36 L${p.x} 100 M${p.x} 69 L${p.x + 28} 69 L${p.x + 28} 100`}
        />
      );
    case 'wall':
      return <rect class="fig-prop" x={p.x} y="4" width="4" height="96" />;
    case 'frame':
      return <path class="fig-prop-line" d={`M${p.x} 4 L${p.x} 100 M${p.x} 4 L${p.x + 30} 4`} />;
    case 'roller':
      return <circle class="fig-prop" cx={p.at[0]} cy={p.at[1]} r="5" />;
    case 'step':
      return <rect class="fig-prop" x={p.x} y="90" width="22" height="10" />;
    case 'weight':
      return <rect class="fig-prop" x={p.at[0] - 4} y={p.at[1] - 2} width="8" height="5" rx="1" />;
  }
}

/** One figure: the pose for `sentence`, with the sentence as its accessible name. */
export function StickFigure(props: { sentence: string; start?: string; label: string }) {
  const pose = poseFor(props.sentence, props.start);
  const titleId = useId();
  return (
    <svg
      class="stick-figure"
      viewBox="0 0 160 110"
      role="img"
      aria-labelledby={titleId}
      data-pose={pose.name}
    >
      <title id={titleId}>{`${props.label}: ${props.sentence}`}</title>
      <line class="fig-floor" x1="4" y1="100.5" x2="156" y2="100.5" />
      {pose.props.map((p, i) => (
        <PropShape key={i} p={p} />
      ))}
      <g class="fig-far">
        {pose.far.map((l, i) => (
          <path key={i} d={path(l)} />
        ))}
      </g>
      <g class="fig-body">
        <path d={path(pose.spine)} />
        {pose.near.map((l, i) => (
          <path key={i} d={path(l)} />
        ))}
        <circle cx={pose.head[0]} cy={pose.head[1]} r="7" />
      </g>
    </svg>
  );
}

/** The start and end positions side by side, each captioned with its sentence. */
export function PositionFigures(props: { positions: { start: string; end: string }; name: string }) {
  return (
    <div class="position-figures">
      <figure class="position">
        <StickFigure sentence={props.positions.start} label={`${props.name}, start position`} />
        <figcaption>
          <strong>Start:</strong> {props.positions.start}
        </figcaption>
      </figure>
      <figure class="position">
        <StickFigure
          sentence={props.positions.end}
          start={props.positions.start}
          label={`${props.name}, end position`}
        />
        <figcaption>
          <strong>End:</strong> {props.positions.end}
        </figcaption>
      </figure>
    </div>
  );
}

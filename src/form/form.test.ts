/**
 * Form analysis on synthetic keypoints (no real footage needed): cadence, the walking and sprint-start
 * negative controls, runner selection with a bystander, entering and leaving the frame, view detection,
 * each fault detector firing and a near miss staying quiet, the quality gates, and the adapters.
 */
import { describe, expect, it } from 'vitest';
import { isBackstrideError } from '../errors.js';
import { index } from '../knowledge/index.js';
import {
  analyseForm,
  FORM_THRESHOLDS,
  type FormReport,
  fromHalpe26,
  fromHumanMoveNet,
  fromOpenPoseBody25,
} from './index.js';
import { syntheticRunner } from './synthetic.js';

const factorIds = (r: FormReport) => r.findings.map((f) => f.factorId).sort();
const measure = (r: FormReport, id: string) => r.measures.find((m) => m.id === id)?.value;

describe('a steady synthetic runner', () => {
  it('gives the cadence it was built with, no findings and no refusals', () => {
    for (const cadenceSpm of [160, 172, 185]) {
      const r = analyseForm(syntheticRunner({ cadenceSpm }));
      expect(r.running).toBe(true);
      expect(r.view).toBe('side');
      expect(r.cadenceSpm).toBeGreaterThan(cadenceSpm * 0.99);
      expect(r.cadenceSpm).toBeLessThan(cadenceSpm * 1.01);
      expect(r.findings).toEqual([]);
      expect(r.quality.refusals).toEqual([]);
      expect(r.quality.strides).toBeGreaterThanOrEqual(15);
    }
  });

  it('measures the trunk lean it was built with, facing either way', () => {
    for (const facing of [1, -1] as const) {
      const r = analyseForm(syntheticRunner({ facing, trunkLeanDeg: 9 }));
      expect(measure(r, 'trunkLean')).toBeCloseTo(9, 0);
    }
  });

  it('lists the frames each measure comes from', () => {
    const r = analyseForm(syntheticRunner({ durationS: 8 }));
    for (const m of r.measures) {
      expect(m.frames.length).toBeGreaterThan(0);
      expect(Math.max(...m.frames)).toBeLessThan(r.quality.frames);
    }
  });

  it('survives keypoint noise, dropouts and a bystander, picking the runner', () => {
    const r = analyseForm(syntheticRunner({ noisePx: 4, dropout: 0.1, secondPerson: true, cadenceSpm: 176 }));
    expect(r.running).toBe(true);
    expect(r.cadenceSpm).toBeGreaterThan(176 * 0.98);
    expect(r.cadenceSpm).toBeLessThan(176 * 1.02);
    expect(r.findings).toEqual([]);
  });

  it('follows a runner who enters and leaves the frame, and refuses a clip too short to judge', () => {
    const long = analyseForm(syntheticRunner({ crossFrame: true, durationS: 9 }));
    expect(long.quality.personShare).toBeLessThan(1);
    expect(long.running).toBe(true);
    expect(long.cadenceSpm).toBeGreaterThan(165);
    const short = analyseForm(syntheticRunner({ crossFrame: true, durationS: 2.5 }));
    expect(short.findings).toEqual([]);
    expect(short.quality.refusals.join(' ')).toMatch(/strides/);
  });
});

describe('negative controls', () => {
  it('a walker is not running and gets no findings', () => {
    const r = analyseForm(syntheticRunner({ gait: 'walk', cadenceSpm: 112, shoulderRaise: 0.24 }));
    expect(r.running).toBe(false);
    expect(r.cadenceSpm).toBeNull();
    expect(r.findings).toEqual([]);
    expect(r.quality.refusals.join(' ')).toMatch(/walking/);
  });

  it('a fast walker (135 steps a minute) is still walking: the hips rise at mid-stance', () => {
    const r = analyseForm(syntheticRunner({ gait: 'walk', cadenceSpm: 135 }));
    expect(r.running).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('a sprint start is never called leaning from the waist', () => {
    for (const o of [
      { sprintStartS: 1.3, durationS: 1.9, fps: 170 },
      { sprintStartS: 1.3, durationS: 5, fps: 60 },
      { sprintStartS: 0.5, durationS: 6, fps: 30 },
    ]) {
      const r = analyseForm(syntheticRunner(o));
      expect(factorIds(r)).not.toContain('waist-lean');
      expect(r.findings).toEqual([]);
      expect(r.quality.refusals.length).toBeGreaterThan(0);
    }
  });

  it('a clip with nobody in it says so', () => {
    const empty = {
      ...syntheticRunner({ durationS: 3 }),
      frames: syntheticRunner({ durationS: 3 }).frames.map((f) => ({ ...f, people: [] })),
    };
    const r = analyseForm(empty);
    expect(r.running).toBe(false);
    expect(r.quality.refusals).toEqual(['No person was found for long enough in the clip.']);
  });
});

describe('quality gates', () => {
  it('refuses a runner too small in the picture', () => {
    const r = analyseForm(syntheticRunner({ heightPx: 120, shoulderRaise: 0.24 }));
    expect(r.findings).toEqual([]);
    expect(r.quality.refusals.join(' ')).toMatch(/too small/);
  });

  it('refuses low-confidence keypoints', () => {
    const track = syntheticRunner({ shoulderRaise: 0.24 });
    for (const f of track.frames)
      for (const p of f.people) for (const kp of Object.values(p)) if (kp) kp.confidence = 0.32;
    const r = analyseForm(track);
    expect(r.findings).toEqual([]);
    expect(r.quality.refusals.join(' ')).toMatch(/confidence/);
  });

  it('refuses a runner cut off at the knees', () => {
    const track = syntheticRunner({ shoulderRaise: 0.24 });
    for (const f of track.frames) {
      for (const p of f.people) {
        for (const k of [
          'leftAnkle',
          'rightAnkle',
          'leftHeel',
          'rightHeel',
          'leftBigToe',
          'rightBigToe',
        ] as const)
          delete p[k];
      }
    }
    const r = analyseForm(track);
    expect(r.findings).toEqual([]);
    expect(r.quality.refusals.join(' ')).toMatch(/cut off/);
  });

  it('warns when the chosen view disagrees with the geometry', () => {
    const r = analyseForm(syntheticRunner({ view: 'back' }), { view: 'side' });
    expect(r.view).toBe('side');
    expect(r.viewSource).toBe('chosen');
    expect(r.quality.warnings.join(' ')).toMatch(/back view/);
  });
});

describe('view detection', () => {
  it('tells side, back and front apart', () => {
    for (const view of ['side', 'back', 'front'] as const) {
      expect(analyseForm(syntheticRunner({ view })).view).toBe(view);
    }
  });
});

describe('fault detectors on synthetic runners', () => {
  const cases: [
    string,
    Parameters<typeof syntheticRunner>[0],
    Parameters<typeof syntheticRunner>[0],
    string,
  ][] = [
    ['shrugged shoulders', { shoulderRaise: 0.24 }, { shoulderRaise: 0.05 }, 'shrugged-shoulders'],
    ['head forward', { headForward: 0.22 }, { headForward: 0.08 }, 'forward-head'],
    ['leaning from the waist', { trunkLeanDeg: 22 }, { trunkLeanDeg: 12 }, 'waist-lean'],
    [
      'arms crossing',
      { view: 'back', armCrossing: 0.2 },
      { view: 'back', armCrossing: -0.1 },
      'arms-crossing-midline',
    ],
    ['over-swinging arms', { armSwingDeg: 120 }, { armSwingDeg: 70 }, 'excess-arm-swing'],
    ['twisting', { view: 'back', twistDeg: 55 }, { view: 'back', twistDeg: 15 }, 'waist-twist'],
    ['hunching late', { headDropLate: 0.2 }, { headDropLate: 0.04 }, 'fatigue-hunch'],
  ];
  for (const [name, fires, quiet, factorId] of cases) {
    it(`${name}: fires at the built size, quiet below`, () => {
      const hit = analyseForm(syntheticRunner(fires));
      expect(factorIds(hit)).toEqual([factorId]);
      const finding = hit.findings[0];
      expect(finding?.threshold.source.length).toBeGreaterThan(10);
      expect(finding?.confidence).toBeGreaterThan(0.3);
      expect(finding?.summary).toMatch(/^[A-Z].*\.$/);
      expect(analyseForm(syntheticRunner(quiet)).findings).toEqual([]);
    });
  }

  it('a lean from the ankles is not leaning from the waist', () => {
    const r = analyseForm(syntheticRunner({ trunkLeanDeg: 20, leanFrom: 'ankles' }));
    expect(measure(r, 'trunkLean')).toBeGreaterThan(15);
    expect(factorIds(r)).not.toContain('waist-lean');
  });
});

describe('adapters', () => {
  it('reads MoveNet results from Human, treating dropped parts as gaps', () => {
    const track = syntheticRunner({ cadenceSpm: 168, dropout: 0.15 });
    const frames = track.frames.map((f) => ({
      tS: f.tS,
      body: f.people.map((p) => ({
        score: 0.8,
        keypoints: Object.entries(p)
          .filter(
            ([part]) =>
              !['neck', 'midHip', 'headTop', 'leftHeel', 'rightHeel', 'leftBigToe', 'rightBigToe'].includes(
                part,
              ),
          )
          .map(([part, kp]) => ({
            part,
            position: [kp?.x, kp?.y],
            positionRaw: [(kp?.x ?? 0) / 720, (kp?.y ?? 0) / 1280],
            score: kp?.confidence,
          })),
      })),
    }));
    const moveNet = fromHumanMoveNet(frames, { widthPx: 720, heightPx: 1280 });
    expect(moveNet.fps).toBeCloseTo(30, 5);
    expect(moveNet.frames[0]?.people[0]?.neck).toBeUndefined();
    const r = analyseForm(moveNet);
    expect(r.running).toBe(true);
    expect(r.cadenceSpm).toBeGreaterThan(168 * 0.98);
    expect(r.cadenceSpm).toBeLessThan(168 * 1.02);
  });

  it('reads normalised positions when pixel positions are absent', () => {
    const track = fromHumanMoveNet(
      [{ tS: 0, body: [{ keypoints: [{ part: 'nose', positionRaw: [0.5, 0.25], score: 0.9 }] }] }],
      {
        widthPx: 200,
        heightPx: 400,
      },
    );
    expect(track.frames[0]?.people[0]?.nose).toEqual({ x: 100, y: 100, confidence: 0.9 });
  });

  it('masks OpenPose points it did not detect, and keeps the ones it did', () => {
    const flat = Array.from({ length: 75 }, () => 0);
    flat.splice(0, 3, 100, 50, 0.9); // nose
    const track = fromOpenPoseBody25({ frames: [{ openpose: { people: [{ pose_keypoints_2d: flat }] } }] });
    expect(track.frames[0]?.people[0]).toEqual({ nose: { x: 100, y: 50, confidence: 0.9 } });
    expect(track.fpsAssumed).toBe(true);
  });

  it('reads a Halpe file, clamping scores above 1, and a null frame as nobody', () => {
    const track = fromHalpe26({
      width: 100,
      height: 200,
      fps: 25,
      keypoint_names: ['nose', 'head', 'l_shoulder', 'r_small_toe'],
      frames: [
        [
          [1, 2, 1.04],
          [3, 4, 0.9],
          [5, 6, 0.02],
          [7, 8, 0.9],
        ],
        null,
      ],
    });
    expect(track.frames[0]?.people[0]).toEqual({
      nose: { x: 1, y: 2, confidence: 1 },
      headTop: { x: 3, y: 4, confidence: 0.9 },
    });
    expect(track.frames[1]).toEqual({ tS: 0.04, people: [] });
  });

  it('rejects files in another layout with a one-line reason', () => {
    for (const read of [
      () => fromHalpe26({ frames: 3 }),
      () => fromOpenPoseBody25('nope'),
      () => fromHumanMoveNet({}, { widthPx: 1, heightPx: 1 }),
    ]) {
      try {
        read();
        expect.unreachable();
      } catch (error) {
        expect(isBackstrideError(error)).toBe(true);
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });
});

describe('thresholds', () => {
  it('name real running-form factors of the knowledge base and say where each number comes from', () => {
    const factors = index('factors');
    for (const t of FORM_THRESHOLDS) {
      expect(factors.get(t.factorId)?.category, t.factorId).toBe('form');
      expect(t.source).toMatch(/Backstride heuristic|\d{4}/);
    }
  });
});

/**
 * The form analysis on real keypoints nobody here made (../shared/fixtures/running-video, see its README):
 * cadence against the pixel-measured ground truth, trunk lean against what the files show, no arm
 * crossing from behind, a runner entering and leaving the frame. Then fault injection: each fixture's
 * keypoints shifted to create a fault of known size, each detector firing at that size and quiet below
 * it, and a printed table of the smallest change each detector picks up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossWrists, dropHeadLate, leanFromHips, pushHeadForward, raiseShoulders } from './faults.js';
import {
  analyseForm,
  type FormReport,
  fromHalpe26,
  fromOpenPoseBody25,
  type KeypointTrack,
} from './index.js';
import { syntheticRunner } from './synthetic.js';

const DIR = fileURLToPath(new URL('../../../shared/fixtures/running-video/', import.meta.url));
const haveFixtures = existsSync(DIR);
if (!haveFixtures)
  console.info(`form fixtures: no running-video fixtures at ${DIR}; real-keypoint tests skipped`);

const read = (name: string) => JSON.parse(readFileSync(`${DIR}${name}`, 'utf8'));
const measure = (r: FormReport, id: string) => r.measures.find((m) => m.id === id)?.value ?? Number.NaN;
const fires = (r: FormReport, factorId: string) => r.findings.some((f) => f.factorId === factorId);

type Fault = (track: KeypointTrack, size: number) => KeypointTrack;

/** The smallest size (on a grid of `step`) at which `factorId` is found, or NaN if not by `max`. */
function smallestDetectable(
  track: KeypointTrack,
  fault: Fault,
  factorId: string,
  step: number,
  max: number,
): number {
  // A larger fault never hides one that fired at a smaller size, so halving the range of steps finds the
  // smallest that fires in a handful of analyses instead of one per step.
  const steps = Math.round(max / step);
  const firesAt = (k: number) => fires(analyseForm(fault(track, k * step)), factorId);
  if (!firesAt(steps)) return Number.NaN;
  let quiet = -1;
  let loud = steps;
  while (loud - quiet > 1) {
    const mid = Math.floor((quiet + loud) / 2);
    if (firesAt(mid)) loud = mid;
    else quiet = mid;
  }
  return loud * step;
}

const FAULTS: {
  name: string;
  fault: Fault;
  factorId: string;
  unit: string;
  step: number;
  max: number;
  view: 'side' | 'back';
}[] = [
  {
    name: 'Shoulders raised',
    fault: raiseShoulders,
    factorId: 'shrugged-shoulders',
    unit: 'torso lengths',
    step: 0.01,
    max: 0.4,
    view: 'side',
  },
  {
    name: 'Head pushed forward',
    fault: pushHeadForward,
    factorId: 'forward-head',
    unit: 'torso lengths',
    step: 0.01,
    max: 0.4,
    view: 'side',
  },
  {
    name: 'Trunk turned forward from the hips',
    fault: leanFromHips,
    factorId: 'waist-lean',
    unit: 'degrees',
    step: 0.5,
    max: 30,
    view: 'side',
  },
  {
    name: 'Head dropped in the last third',
    fault: dropHeadLate,
    factorId: 'fatigue-hunch',
    unit: 'torso lengths',
    step: 0.01,
    max: 0.5,
    view: 'side',
  },
  {
    name: 'Wrists moved across the body',
    fault: crossWrists,
    factorId: 'arms-crossing-midline',
    unit: 'shoulder widths',
    step: 0.02,
    max: 1.2,
    view: 'back',
  },
];

// Defined only when the fixtures exist (the console.info above says when they do not).
if (haveFixtures)
  describe('real keypoint fixtures', () => {
    const treadmill = () => fromHalpe26(read('treadmill-side-male.rtmpose-halpe26.json'));
    const runby = () => fromOpenPoseBody25(read('outdoor-side-runby.openpose-body25.json'));
    const runaway = () => fromOpenPoseBody25(read('outdoor-back-runaway.openpose-body25.json'));

    it('treadmill side view: cadence within 2% of the pixel-measured 168.9 steps a minute, trunk lean near 11°', () => {
      const truth = read('treadmill-side-male.groundtruth.json').cadence_spm.value as number;
      const r = analyseForm(treadmill());
      expect(r.running).toBe(true);
      expect(r.view).toBe('side');
      expect(Math.abs((r.cadenceSpm ?? 0) - truth) / truth).toBeLessThan(0.02);
      expect(measure(r, 'trunkLean')).toBeGreaterThan(9.5);
      expect(measure(r, 'trunkLean')).toBeLessThan(12.5);
      expect(r.quality.refusals).toEqual([]);
      expect(r.findings).toEqual([]);
    });

    it('outdoor side view: the runner entering and leaving is followed, trunk lean near 8°, too short to judge', () => {
      const r = analyseForm(runby());
      expect(r.view).toBe('side');
      expect(r.quality.personShare).toBeCloseTo(63 / 88, 1);
      expect(measure(r, 'trunkLean')).toBeGreaterThan(6.5);
      expect(measure(r, 'trunkLean')).toBeLessThan(9.5);
      // About 2 s of running at the assumed 30 fps: cadence is plausible, but too few strides for findings.
      expect(r.cadenceSpm).toBeGreaterThan(150);
      expect(r.cadenceSpm).toBeLessThan(185);
      expect(r.findings).toEqual([]);
      expect(r.quality.refusals.join(' ')).toMatch(/strides/);
      expect(r.quality.warnings.join(' ')).toMatch(/frame rate/);
    });

    it('back view: detected as back, no wrist crosses the midline', () => {
      const r = analyseForm(runaway());
      expect(r.view).toBe('back');
      expect(measure(r, 'wristCrossing')).toBe(0);
      expect(measure(r, 'wristCrossingDepth')).toBeLessThan(0);
      expect(r.findings.map((f) => f.factorId)).not.toContain('arms-crossing-midline');
    });

    describe('fault injection', () => {
      it('shoulders raised by 0.2 torso lengths: shrugged shoulders; by 0.05: quiet', () => {
        expect(fires(analyseForm(raiseShoulders(treadmill(), 0.2)), 'shrugged-shoulders')).toBe(true);
        expect(analyseForm(raiseShoulders(treadmill(), 0.05)).findings).toEqual([]);
      });

      it('head pushed forward by 0.15 torso lengths: head forward; by 0.04: quiet', () => {
        expect(fires(analyseForm(pushHeadForward(treadmill(), 0.15)), 'forward-head')).toBe(true);
        expect(analyseForm(pushHeadForward(treadmill(), 0.04)).findings).toEqual([]);
      });

      it('trunk turned 8° forward from the hips: leaning from the waist; 2°: quiet', () => {
        expect(fires(analyseForm(leanFromHips(treadmill(), 8)), 'waist-lean')).toBe(true);
        expect(analyseForm(leanFromHips(treadmill(), 2)).findings).toEqual([]);
      });

      it('head dropped 0.25 torso lengths in the last third: hunching when tired; 0.05: quiet', () => {
        expect(fires(analyseForm(dropHeadLate(treadmill(), 0.25)), 'fatigue-hunch')).toBe(true);
        expect(analyseForm(dropHeadLate(treadmill(), 0.05)).findings).toEqual([]);
      });

      it('wrists moved 0.7 shoulder widths across, seen from behind: arms crossing; 0.3: quiet', () => {
        expect(fires(analyseForm(crossWrists(runaway(), 0.7)), 'arms-crossing-midline')).toBe(true);
        expect(analyseForm(crossWrists(runaway(), 0.3)).findings).toEqual([]);
      });

      it('on the short outdoor run-by the measures move by the injected size, though the clip is refused', () => {
        const base = analyseForm(runby());
        const raised = analyseForm(raiseShoulders(runby(), 0.1));
        const forward = analyseForm(pushHeadForward(runby(), 0.1));
        const leaned = analyseForm(leanFromHips(runby(), 6));
        expect(measure(base, 'shoulderElevation') - measure(raised, 'shoulderElevation')).toBeGreaterThan(
          0.08,
        );
        expect(measure(forward, 'headForward') - measure(base, 'headForward')).toBeCloseTo(0.1, 1);
        expect(measure(leaned, 'trunkLean') - measure(base, 'trunkLean')).toBeCloseTo(6, 0);
        for (const r of [raised, forward, leaned]) expect(r.findings).toEqual([]);
      });
    });
  });

describe('fault injection on synthetic tracks', () => {
  const side = () => syntheticRunner({ noisePx: 2, seed: 7 });
  const back = () => syntheticRunner({ view: 'back', noisePx: 2, seed: 7 });

  it('each detector fires at a clear size and stays quiet at a small one', () => {
    const cases: [Fault, KeypointTrack, number, number, string][] = [
      [raiseShoulders, side(), 0.24, 0.05, 'shrugged-shoulders'],
      [pushHeadForward, side(), 0.25, 0.05, 'forward-head'],
      [leanFromHips, side(), 16, 4, 'waist-lean'],
      [dropHeadLate, side(), 0.15, 0.03, 'fatigue-hunch'],
      [crossWrists, back(), 0.6, 0.15, 'arms-crossing-midline'],
    ];
    for (const [fault, track, big, small, factorId] of cases) {
      expect(fires(analyseForm(fault(track, big)), factorId)).toBe(true);
      expect(analyseForm(fault(track, small)).findings).toEqual([]);
    }
  });

  it('prints the smallest change each detector picks up', () => {
    const rows: string[] = [];
    const tracks: Record<'side' | 'back', [string, KeypointTrack][]> = {
      side: [['synthetic side', syntheticRunner({ noisePx: 2 })]],
      back: [['synthetic back', syntheticRunner({ view: 'back', noisePx: 2 })]],
    };
    if (haveFixtures) {
      tracks.side.unshift([
        'treadmill, RTMPose',
        fromHalpe26(read('treadmill-side-male.rtmpose-halpe26.json')),
      ]);
      tracks.back.unshift([
        'outdoor back, OpenPose',
        fromOpenPoseBody25(read('outdoor-back-runaway.openpose-body25.json')),
      ]);
    }
    for (const f of FAULTS) {
      for (const [label, track] of tracks[f.view]) {
        const size = smallestDetectable(track, f.fault, f.factorId, f.step, f.max);
        expect(Number.isFinite(size)).toBe(true);
        rows.push(`${f.name.padEnd(36)} ${label.padEnd(24)} ${size.toFixed(2)} ${f.unit}`);
      }
    }
    console.info(`Smallest detectable change\n${rows.join('\n')}`);
  }, 180_000);
});

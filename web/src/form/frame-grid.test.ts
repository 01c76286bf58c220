import { describe, expect, it } from 'vitest';
import { MOVENET_PARTS } from '../../../src/form/movenet.js';
import { FramePicker, gridFrames } from './frame-grid.js';

const person = MOVENET_PARTS.map((part) => ({ part, position: [10, 20] as [number, number], score: 0.8 }));
const nobody = person.map((k) => ({ ...k, score: 0.05 }));

/** The slots picked from frames shown at these frame numbers of a clip at `fps`. */
function picks(fps: number, shown: number[]): (number | undefined)[] {
  const picker = new FramePicker();
  return shown.map((n) => picker.pick(n / fps));
}

describe('choosing the frames to analyse from a playing clip', () => {
  it('takes every second frame of a 30 fps clip when every frame is shown', () => {
    const shown = Array.from({ length: 10 }, (_, n) => n);
    expect(picks(30, shown)).toEqual([0, undefined, 1, undefined, 2, undefined, 3, undefined, 4, undefined]);
  });

  it('takes every fourth frame of a 60 fps clip, and every frame of a 15 fps one', () => {
    expect(picks(60, [0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
      0,
      undefined,
      undefined,
      undefined,
      1,
      undefined,
      undefined,
      undefined,
      2,
    ]);
    expect(picks(15, [0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
  });

  it('lets the next frame shown stand in for one the browser skipped, in its slot', () => {
    // Frames 2 and 6 were not shown: 3 stands in for 2, and 7 for 6.
    expect(picks(30, [0, 1, 3, 4, 5, 7, 8])).toEqual([0, undefined, 1, 2, undefined, 3, 4]);
  });

  it('learns the frame length from the frames, and ignores the same frame shown twice', () => {
    const picker = new FramePicker();
    for (const n of [0, 1, 1, 2, 3]) picker.pick(n / 25);
    expect(picker.frameS).toBeCloseTo(1 / 25, 6);
    expect(picker.stride).toBe(2);
    expect(picker.slotS).toBeCloseTo(2 / 25, 6);
  });

  it('lays the answers on a steady grid, with an empty frame where none came or nobody was seen', () => {
    const { frames, fps, empty } = gridFrames(
      [
        { slot: 2, keypoints: person },
        { slot: 0, keypoints: person },
        { slot: 3, keypoints: nobody },
      ],
      1 / 15,
    );
    expect(fps).toBeCloseTo(15, 6);
    expect(frames.map((f) => f.tS)).toEqual([0, 1 / 15, 2 / 15, 3 / 15]);
    expect(frames.map((f) => f.body.length)).toEqual([1, 0, 1, 0]);
    expect(empty).toBe(1);
  });
});

describe('finding a frame again', () => {
  it('gives a time inside the frame of each slot, from the first frame shown', () => {
    const picker = new FramePicker();
    for (const n of [3, 4, 5]) picker.pick(n / 30);
    // Slot 2 is frame 4 after the first: 3/30 + (4 + 0.25)/30.
    expect(picker.timeOf(2)).toBeCloseTo((3 + 4.25) / 30, 9);
    expect(Math.round((picker.timeOf(2) - 3 / 30) * 30)).toBe(4);
  });
});

/**
 * Which of a playing clip's frames go to the pose model, and how the answers line up in time. The browser
 * hands over the frames it shows (requestVideoFrameCallback), and at twice the speed it skips some. Frames
 * are numbered from their media times and the clip's frame length (the smallest gap seen); every
 * `frameStep`-th frame is analysed (about 15 a second, as on the command line), and when that one was not
 * shown, the next one shown stands in for it. The analysis reads a steady frame rate, so the answers are
 * laid on a regular grid, with an empty frame where nothing arrived.
 */
import { frameStep, type MoveNetKeypoint, personSeen } from '../../../src/form/movenet.js';

/** Until two frames have been seen, a frame is assumed to last this long (30 fps, phones' usual rate). */
const ASSUMED_FRAME_S = 1 / 30;

export class FramePicker {
  private first: number | undefined;
  private last: number | undefined;
  /** The clip's frame length, from the smallest gap between frames shown so far. */
  frameS = ASSUMED_FRAME_S;
  private seenGap = false;
  private nextSlot = 0;

  /** The grid slot this frame fills when it should be analysed; undefined to let it pass. */
  pick(mediaTime: number): number | undefined {
    if (this.first === undefined) this.first = mediaTime;
    if (this.last !== undefined) {
      const gap = mediaTime - this.last;
      // Media times are rounded to the microsecond; a gap under 1 ms is the same frame again.
      if (gap > 0.001 && (!this.seenGap || gap < this.frameS)) {
        this.frameS = gap;
        this.seenGap = true;
      }
    }
    this.last = mediaTime;
    const index = Math.round((mediaTime - this.first) / this.frameS);
    const slot = Math.floor(index / this.stride);
    if (slot < this.nextSlot) return undefined;
    this.nextSlot = slot + 1;
    return slot;
  }

  /** Frames between two analysed ones. */
  get stride(): number {
    return frameStep(1 / this.frameS);
  }

  /** The media time of a slot's frame (for finding it again by seeking). */
  timeOf(slot: number): number {
    // A quarter into the frame, so that rounding lands on it and not on the one before.
    return (this.first ?? 0) + (slot * this.stride + 0.25) * this.frameS;
  }

  /** Seconds between two grid slots. */
  get slotS(): number {
    return this.stride * this.frameS;
  }
}

/**
 * The analysed frames on a regular grid, as `fromHumanMoveNet` reads them: a slot nobody answered for is
 * an empty frame, and so is one where MoveNet saw no person.
 */
export function gridFrames(
  answers: { slot: number; keypoints: MoveNetKeypoint[] }[],
  slotS: number,
): { frames: { tS: number; body: { keypoints: MoveNetKeypoint[] }[] }[]; fps: number; empty: number } {
  const bySlot = new Map(answers.map((a) => [a.slot, a.keypoints]));
  const last = Math.max(-1, ...answers.map((a) => a.slot));
  const frames: { tS: number; body: { keypoints: MoveNetKeypoint[] }[] }[] = [];
  let empty = 0;
  for (let slot = 0; slot <= last; slot++) {
    const keypoints = bySlot.get(slot);
    if (!keypoints) empty++;
    frames.push({ tS: slot * slotS, body: keypoints && personSeen(keypoints) ? [{ keypoints }] : [] });
  }
  return { frames, fps: 1 / slotS, empty };
}

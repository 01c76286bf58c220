import { describe, expect, it } from 'vitest';
import { analyseForm } from './index.js';
import { drawSkeletonRgb, keyFrameChoices } from './keyframes.js';
import { syntheticRunner } from './synthetic.js';

const pixel = (img: { widthPx: number; rgb: Uint8Array }, x: number, y: number) => {
  const i = (y * img.widthPx + x) * 3;
  return [img.rgb[i], img.rgb[i + 1], img.rgb[i + 2]];
};

describe('key frames', () => {
  it('draws the bones and the points into the pixels, scaled, and nothing elsewhere', () => {
    const img = { widthPx: 100, heightPx: 100, rgb: new Uint8Array(100 * 100 * 3) };
    const shoulder = { x: 40, y: 20, confidence: 0.9 };
    const hip = { x: 40, y: 120, confidence: 0.9 };
    drawSkeletonRgb(img, { leftShoulder: shoulder, leftHip: hip }, 0.5);
    // The trunk line runs from (20, 10) to (20, 60) at half scale; the points are yellow dots at its ends.
    expect(pixel(img, 20, 35)).toEqual([0x00, 0xe5, 0xff]);
    expect(pixel(img, 20, 10)).toEqual([0xff, 0xeb, 0x3b]);
    expect(pixel(img, 20, 60)).toEqual([0xff, 0xeb, 0x3b]);
    expect(pixel(img, 60, 35)).toEqual([0, 0, 0]);
    expect(pixel(img, 20, 80)).toEqual([0, 0, 0]);
  });

  it('shows each finding first, then the main measures, at most three distinct frames', () => {
    const report = analyseForm(syntheticRunner({ shoulderRaise: 0.24, headForward: 0.35 }), { view: 'side' });
    const choices = keyFrameChoices(report);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(3);
    expect(new Set(choices.map((c) => c.frame)).size).toBe(choices.length);
    expect(choices[0]?.caption).toBe(report.findings[0]?.summary);
  });
});

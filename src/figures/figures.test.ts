import { describe, expect, it } from 'vitest';
import { byId, knowledge, rawKnowledge } from '../knowledge/index.js';
import {
  BODY,
  buildFigure,
  capsules,
  FigureSpec,
  type Joints,
  jointsAt,
  keyJoints,
  renderFigureSvg,
  solvePose,
  THICKNESS,
  timeline,
} from './index.js';

type Point = [number, number];
const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Degrees between a segment and the horizontal (0 = level). */
const tilt = (a: Point, b: Point) => (Math.abs(Math.atan2(b[1] - a[1], b[0] - a[0])) * 180) / Math.PI;
const level = (a: Point, b: Point) => Math.min(tilt(a, b), 180 - tilt(a, b));
const bottom = (p: Point, thickness: number) => p[1] - thickness / 2;

const items = () => {
  const kb = knowledge();
  return [
    ...kb.exercises.map((e) => ({ name: e.name, figure: e.figure, holdS: e.dose.holdS })),
    ...kb.selfChecks.map((c) => ({ name: c.name, figure: c.figure, holdS: undefined })),
  ];
};
const figureOf = (id: string) => {
  const e = byId('exercises', id);
  return buildFigure(e.figure, e.dose.holdS);
};

describe('the skeleton', () => {
  it('keeps every segment its length in any pose (forward kinematics)', () => {
    const poses = [
      {},
      { trunk: 90, spine: -20, neck: 15, arms: { shoulder: 170, elbow: 40 }, legs: { hip: -15, knee: 60 } },
      { trunk: -115, nearArm: { shoulder: 45, elbow: 130 }, farLeg: { hip: 100, knee: 120, ankle: 30 } },
    ];
    for (const view of ['side', 'front', 'back'] as const)
      for (const p of poses) {
        const j = solvePose(p, view);
        expect(dist(j.hip, j.waist)).toBeCloseTo(BODY.pelvis, 6);
        expect(dist(j.waist, j.neckBase)).toBeCloseTo(BODY.chest, 6);
        expect(dist(j.neckBase, j.head)).toBeCloseTo(BODY.neck, 6);
        for (const side of ['near', 'far'] as const) {
          expect(dist(j.arms[side].root, j.arms[side].mid)).toBeCloseTo(BODY.upperArm, 6);
          expect(dist(j.arms[side].mid, j.arms[side].end)).toBeCloseTo(BODY.forearm, 6);
          expect(dist(j.legs[side].root, j.legs[side].mid)).toBeCloseTo(BODY.thigh, 6);
          expect(dist(j.legs[side].mid, j.legs[side].end)).toBeCloseTo(BODY.shank, 6);
        }
      }
  });

  it('stands in body proportions: hips about half the height, arms reaching mid-thigh', () => {
    const j = solvePose({});
    const top = j.head[1] + BODY.headR;
    const sole = j.legs.near.heel[1] - THICKNESS.foot / 2;
    const height = top - sole;
    expect(height).toBeGreaterThan(90);
    expect((j.hip[1] - sole) / height).toBeGreaterThan(0.48);
    expect((j.hip[1] - sole) / height).toBeLessThan(0.56);
    expect(j.arms.near.end[1]).toBeLessThan(j.hip[1]);
    expect(j.arms.near.end[1]).toBeGreaterThan(j.legs.near.mid[1]);
  });
});

describe('every figure in the knowledge base', () => {
  it('exists for every exercise and every self-check, and the schema refuses one without', () => {
    const kb = knowledge();
    expect(kb.exercises.length).toBeGreaterThanOrEqual(30);
    expect(kb.selfChecks.length).toBeGreaterThanOrEqual(7);
    for (const item of items()) expect(FigureSpec.safeParse(item.figure).success, item.name).toBe(true);
    const broken = structuredClone(rawKnowledge) as unknown as { exercises: Record<string, unknown>[] };
    delete broken.exercises[0]?.figure;
    const r = byIdFree(broken);
    expect(r).toMatch(/exercises\.0\.figure/);
  });

  it('rests on the floor and never passes through it, at every moment of the loop', () => {
    for (const { name, figure, holdS } of items()) {
      const f = buildFigure(figure, holdS);
      let lowest = Number.POSITIVE_INFINITY;
      for (let t = 0; t < f.timeline.durationMs; t += 50) {
        const j = jointsAt(f, t);
        for (const [a, b, w] of capsules(j)) lowest = Math.min(lowest, bottom(a, w), bottom(b, w));
      }
      expect(lowest, name).toBeGreaterThan(-0.75);
      // Whatever does not sit on a seat or lean on a roller rests on the floor.
      if (!Object.values(figure.poses).some((p) => p.at?.y !== undefined))
        expect(lowest, name).toBeLessThan(1);
    }
  });

  it('moves: the end pose differs clearly from the start', () => {
    for (const { name, figure } of items()) {
      const f = buildFigure(figure);
      const a = keyJoints(f, f.names[0] as string);
      const b = keyJoints(f, 'end' in figure.poses ? 'end' : (f.names[f.names.length - 1] as string));
      const moved = Math.max(...points(a).map((p, i) => dist(p, points(b)[i] as Point)));
      expect(moved, name).toBeGreaterThan(4);
    }
  });

  it('has feet flat on the floor in every standing key pose', () => {
    let checked = 0;
    for (const { name, figure } of items())
      for (const [pose, p] of Object.entries(figure.poses)) {
        const upright = Math.abs(p.trunk ?? 0) < 20 && (figure.view ?? 'side') === 'side';
        const straight = (leg?: { hip?: number; knee?: number }) =>
          Math.abs(leg?.hip ?? 0) < 25 && Math.abs(leg?.knee ?? 0) < 25;
        if (
          !upright ||
          p.at ||
          !straight({ ...p.legs, ...p.nearLeg }) ||
          !straight({ ...p.legs, ...p.farLeg })
        )
          continue;
        const j = keyJoints(buildFigure(figure), pose);
        for (const side of ['near', 'far'] as const) {
          const { heel, toe } = j.legs[side];
          expect(
            Math.min(bottom(heel, THICKNESS.foot), bottom(toe, THICKNESS.foot)),
            `${name}, ${pose}`,
          ).toBeLessThan(1);
        }
        checked++;
      }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('figures match their steps', () => {
  it('Superman: hands and feet on the mat at the start, lifted off it in the end pose', () => {
    const f = figureOf('superman');
    const start = keyJoints(f, 'start');
    const end = keyJoints(f, 'end');
    for (const side of ['near', 'far'] as const) {
      expect(bottom(start.arms[side].end, THICKNESS.forearm)).toBeLessThan(1.5);
      const foot = Math.min(
        bottom(start.legs[side].toe, THICKNESS.foot),
        bottom(start.legs[side].end, THICKNESS.shank),
      );
      expect(foot).toBeLessThan(1.5);
      expect(bottom(end.arms[side].end, THICKNESS.forearm)).toBeGreaterThan(3);
      expect(bottom(end.legs[side].toe, THICKNESS.foot)).toBeGreaterThan(3);
    }
    // Face down, arms reaching past the head.
    expect(start.face[1]).toBeLessThan(-0.9);
    expect(start.arms.near.end[0]).toBeGreaterThan(start.head[0]);
  });

  it('bird-dog: the opposite arm and leg reach out straight and nearly level; the other hand and knee stay down', () => {
    const end = keyJoints(figureOf('bird-dog'), 'end');
    const arm = end.arms.near;
    const leg = end.legs.far;
    expect(level(arm.root, arm.end)).toBeLessThan(15);
    expect(level(leg.root, leg.end)).toBeLessThan(15);
    expect(dist(arm.root, arm.end)).toBeCloseTo(BODY.upperArm + BODY.forearm, 0);
    expect(dist(leg.root, leg.end)).toBeCloseTo(BODY.thigh + BODY.shank, 0);
    expect(arm.end[0]).toBeGreaterThan(end.head[0]);
    expect(leg.end[0]).toBeLessThan(end.hip[0]);
    expect(bottom(end.arms.far.end, THICKNESS.forearm)).toBeLessThan(1);
    expect(bottom(end.legs.near.mid, THICKNESS.shank)).toBeLessThan(1);
  });

  it('wall test: heels, bottom, shoulder blades and the back of the head all at the wall', () => {
    const check = byId('selfChecks', 'wall-test');
    const f = buildFigure(check.figure);
    const wall = check.figure.props?.find((p) => p.kind === 'wall');
    expect(wall).toBeDefined();
    const x = (wall as { x: number }).x;
    for (const pose of f.names) {
      const j = keyJoints(f, pose);
      const back = (p: Point, thickness: number, front: Point) => p[0] - (front[0] * thickness) / 2;
      const heel = j.legs.near.heel[0] - THICKNESS.foot / 2;
      const buttock = back(j.hip, THICKNESS.pelvis, j.pelvisFront);
      const shoulder = j.arms.far.root;
      const blades = back(shoulder, THICKNESS.chest, j.chestFront);
      const head = j.head[0] - BODY.headR;
      expect(buttock - x, `${pose}: bottom`).toBeLessThan(2);
      expect(blades - x, `${pose}: shoulder blades`).toBeLessThan(2);
      expect(head - x, `${pose}: head`).toBeLessThan(2);
      // The steps set the heels about 5 cm (3 units) out from the wall.
      expect(heel - x, `${pose}: heels`).toBeLessThan(4.5);
      for (const v of [buttock, blades, head, heel]) expect(v).toBeGreaterThanOrEqual(x - 0.01);
    }
  });

  it('plank: the body is one straight line from head to heels, on the forearms', () => {
    const end = keyJoints(figureOf('plank'), 'end');
    const line = tilt(end.legs.near.end, end.neckBase);
    expect(Math.abs(tilt(end.legs.near.end, end.hip) - line)).toBeLessThan(3);
    expect(bottom(end.arms.near.end, THICKNESS.forearm)).toBeLessThan(1);
    expect(bottom(end.arms.near.mid, THICKNESS.forearm)).toBeLessThan(1.5);
  });
});

describe('the timeline and the picture', () => {
  it('holds where the exercise holds, its hold compressed for display, then goes back', () => {
    const superman = byId('exercises', 'superman');
    const t = timeline(superman.figure, superman.dose.holdS);
    const hold = t.phases.find((p) => p.kind === 'hold' && p.from === 'end');
    expect(hold && hold.endMs - hold.startMs).toBe(3000);
    expect(t.phases.map((p) => `${p.kind} ${p.from}-${p.to}`)).toEqual([
      'hold start-start',
      'move start-end',
      'hold end-end',
      'move end-start',
    ]);
  });

  it('draws a static SVG with a title and a description from the position sentences', () => {
    const e = byId('exercises', 'bird-dog');
    const svg = renderFigureSvg(buildFigure(e.figure), {
      title: 'Bird-dog',
      captions: e.positions,
      idPrefix: 'x',
    });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="x-title x-desc"/);
    expect(svg).toContain('<title id="x-title">Bird-dog</title>');
    expect(svg).toContain(`Start: ${e.positions.start}`);
    expect(svg).toContain(`End: ${e.positions.end}`);
    expect(svg).toContain('currentColor');
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b/i);
    expect(svg.match(/>\d\. (Start|End)</g)).toEqual(['>1. Start<', '>2. End<']);
  });
});

function points(j: Joints): Point[] {
  const out: Point[] = [j.hip, j.waist, j.neckBase, j.head];
  for (const side of ['near', 'far'] as const) {
    const a = j.arms[side];
    const l = j.legs[side];
    out.push(a.root, a.mid, a.end, l.mid, l.end, l.toe);
  }
  return out;
}

function byIdFree(data: unknown): string {
  // The knowledge base's own schema, as its validation applies it.
  const { KnowledgeBase } = requireSchema();
  const r = KnowledgeBase.safeParse(data);
  return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

import * as schema from '../knowledge/schema.js';

const requireSchema = () => schema;

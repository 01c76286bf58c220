/**
 * Picks the runner out of a keypoint track: people are linked frame to frame into tracks (nearest body
 * box of a similar size), and the track that is large, in frame longest and moving its legs wins. Frames
 * where the runner has not yet entered, or has left, come out as null.
 */
import { bodyBox, dist, get } from './geometry.js';
import { std } from './signal.js';
import type { KeypointTrack, Pose, RunnerTrack } from './types.js';

interface Box {
  cx: number;
  cy: number;
  h: number;
}

interface Tracklet {
  poses: Map<number, Pose>;
  last: Box;
  lastFrame: number;
}

function boxOf(pose: Pose): Box | undefined {
  const b = bodyBox(pose);
  if (!b) return undefined;
  return {
    cx: (b.minX + b.maxX) / 2,
    cy: (b.minY + b.maxY) / 2,
    h: Math.max(b.maxY - b.minY, b.maxX - b.minX, 1),
  };
}

/** How far apart two boxes are, in box heights; Infinity when their sizes differ too much to be one person. */
function linkCost(a: Box, b: Box): number {
  const ratio = a.h / b.h;
  if (ratio < 0.5 || ratio > 2) return Number.POSITIVE_INFINITY;
  return Math.hypot(a.cx - b.cx, a.cy - b.cy) / Math.max(a.h, b.h);
}

function linkPeople(track: KeypointTrack): Tracklet[] {
  const maxGapFrames = Math.max(2, Math.round(track.fps * 0.5));
  const all: Tracklet[] = [];
  track.frames.forEach((frame, f) => {
    const people = frame.people
      .map((pose) => ({ pose, box: boxOf(pose) }))
      .filter((p) => p.box !== undefined);
    const open = all.filter((t) => f - t.lastFrame <= maxGapFrames);
    const pairs: { t: Tracklet; p: number; cost: number }[] = [];
    for (const t of open) {
      people.forEach((p, i) => {
        const cost = linkCost(t.last, p.box as Box) / (f - t.lastFrame);
        if (cost < 0.6) pairs.push({ t, p: i, cost });
      });
    }
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<Tracklet>();
    const usedPeople = new Set<number>();
    for (const { t, p } of pairs) {
      if (usedTracks.has(t) || usedPeople.has(p)) continue;
      usedTracks.add(t);
      usedPeople.add(p);
      const person = people[p] as { pose: Pose; box: Box };
      t.poses.set(f, person.pose);
      t.last = person.box;
      t.lastFrame = f;
    }
    people.forEach((p, i) => {
      if (!usedPeople.has(i)) all.push({ poses: new Map([[f, p.pose]]), last: p.box as Box, lastFrame: f });
    });
  });
  return all;
}

/** Leg movement: spread of the ankle-to-ankle distance, in body heights. Near 0 for someone standing. */
function legMotion(t: Tracklet): number {
  const gaps: number[] = [];
  for (const pose of t.poses.values()) {
    const l = get(pose, 'leftAnkle');
    const r = get(pose, 'rightAnkle');
    const box = boxOf(pose);
    if (l && r && box) gaps.push(dist(l, r) / box.h);
  }
  const spread = std(gaps);
  return Number.isFinite(spread) ? spread : 0;
}

function score(t: Tracklet): number {
  const heights = [...t.poses.values()].map((p) => boxOf(p)?.h ?? 0).sort((a, b) => a - b);
  const size = heights[Math.floor(heights.length / 2)] ?? 0;
  const moving = 0.2 + 0.8 * Math.min(1, legMotion(t) / 0.08);
  return t.poses.size * size * moving;
}

/**
 * The runner's poses, one per frame of `track` (null where absent).
 *
 * @example
 * const runner = selectRunner(fromHalpe26(json));
 * runner.poses.filter(Boolean).length; // frames with the runner
 */
export function selectRunner(track: KeypointTrack): RunnerTrack {
  const tracklets = linkPeople(track);
  let best: Tracklet | undefined;
  let bestScore = -1;
  for (const t of tracklets) {
    const s = score(t);
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  const poses = track.frames.map((_, f) => best?.poses.get(f) ?? null);
  return {
    widthPx: track.widthPx,
    heightPx: track.heightPx,
    fps: track.fps,
    tS: track.frames.map((fr) => fr.tS),
    poses,
    peopleSeen: tracklets.filter((t) => t.poses.size >= Math.max(3, track.fps * 0.3)).length,
    framesWithRunner: poses.filter((p) => p !== null).length,
  };
}

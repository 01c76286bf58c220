/**
 * Dose in words: "3 sets of 10–20 reps, hold 1 s · 2–3 times a week".
 */
import type { Dose } from '../knowledge/index.js';

const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

const timingWords: Record<Dose['timing'], string> = {
  'strength-day': 'on strength days',
  'mobility-day': 'on mobility days',
  'before-run': 'before each run',
  'after-run': 'after each run',
  daily: 'daily',
  'between-sets': 'between sets',
};

/** @example formatDose({ sets: 3, reps: { min: 10, max: 20 }, perWeek: { min: 2, max: 3 }, … }) */
export function formatDose(d: Dose): string {
  const parts: string[] = [];
  const side = d.perSide ? ' each side' : '';
  if (d.reps) parts.push(`${d.sets ? `${d.sets} × ` : ''}${range(d.reps)} reps${side}`);
  else if (d.sets && d.sets > 1) parts.push(`${d.sets} sets`);
  if (d.holdS) parts.push(`hold ${range(d.holdS)} s${d.reps ? '' : side}`);
  if (d.breaths) parts.push(`${range(d.breaths)} breaths`);
  const week = d.timing === 'daily' ? 'daily' : `${range(d.perWeek)}× a week, ${timingWords[d.timing]}`;
  return `${parts.join(', ')} · ${week}`;
}

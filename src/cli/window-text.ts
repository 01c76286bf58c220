/**
 * The words a windowed command prints around its numbers: the period it covers, the notice when that
 * period holds no run, and load flags with, once per kind, how each is worked out. Loaded on first use.
 */
import pc from 'picocolors';
import { type AnalysisWindow, LOAD_THRESHOLDS, type LoadFlag, longDate } from '../load/index.js';

/**
 * The heading of a windowed command: what it covers ("… from 1 December 2025 to today (28 November 2026)")
 * and, when the window holds no run, when the newest was and the command for that period.
 */
export function windowLines(title: string, w: AnalysisWindow | undefined, command: string): string[] {
  if (!w) return [pc.bold(title)];
  const end = w.to === w.today ? `today (${longDate(w.to)})` : longDate(w.to);
  const out = [pc.bold(`${title}, ${longDate(w.from)} to ${end}`)];
  if (w.notice) {
    const offer = w.offered
      ? ` For that period: backstride ${command} --from ${w.offered.from} --to ${w.offered.to}`
      : '';
    out.push(`${pc.yellow(w.notice)}${offer}`);
  }
  return out;
}

/** Load flags in plain words, then once per kind of flag how it is worked out. */
export function flagLines(flags: readonly LoadFlag[], limit = 10): string[] {
  if (!flags.length) return [];
  const shown = flags.slice(-limit);
  const out = [
    '',
    pc.bold(flags.length > shown.length ? `Flags (the last ${shown.length} of ${flags.length})` : 'Flags'),
  ];
  for (const f of shown) {
    // Week flags name their week; the others need their day.
    out.push(`  ${f.message.startsWith('Week of') ? f.message : `${longDate(f.date)}: ${f.message}`}`);
  }
  out.push('', pc.bold('How this is worked out'));
  for (const id of [...new Set(shown.map((f) => f.id))]) {
    const t = LOAD_THRESHOLDS[id];
    out.push(`  ${t.title}: ${pc.dim(t.how)}`);
  }
  return out;
}

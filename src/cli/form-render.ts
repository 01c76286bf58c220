/**
 * What `backstride form` prints: the readable result (a verdict per measure, what to work on from the
 * knowledge base, the clip's quality) and the `--json` document, plus the progress bar. Loaded only by
 * the form command.
 */
import pc from 'picocolors';
import type { VideoAnalysis } from '../form/analyse-video.js';
import { type ClipComparison, driftInWords } from '../form/compare.js';
import type { Finding, FormReport, Measure } from '../form/index.js';
import { FORM_THRESHOLDS } from '../form/index.js';
import { index } from '../knowledge/index.js';

/** What the output shows of an analysed clip. */
type FormResult = Pick<VideoAnalysis, 'report' | 'analysis'>;

/** A late clip compared with the early clip of the same run (see src/form/compare.ts). */
export type EarlyLate = { earlyId: string; earlyAt: number } & ClipComparison;

/** "Compared with your early clip": each drift in words, and the fatigue fault if there is one. */
export function renderComparison(c: EarlyLate): string {
  const when = new Date(c.earlyAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const out = [pc.bold(`Compared with your early clip (saved at ${when})`)];
  if (!c.drift.length)
    out.push('  The two clips were filmed from different sides, so they cannot be compared.');
  else out.push(`  Late in the run: ${c.drift.map(driftInWords).join('; ')}.`);
  for (const f of c.findings)
    out.push(`  ${pc.yellow('Worth working on:')} ${f.summary} (${f.threshold.source})`);
  if (c.drift.length && !c.findings.length) out.push('  Your form held up: no drift passed its threshold.');
  return `${out.join('\n')}\n`;
}

/** The `--json` document: the report's fields, how the clip was analysed, and the saved id if any. */
export function formJson(
  result: FormResult,
  saved?: { id: string; keyFrames?: number },
  comparison?: EarlyLate,
) {
  const { running, view, viewSource, cadenceSpm, measures, findings, quality } = result.report;
  return {
    running,
    view,
    viewSource,
    cadenceSpm,
    measures,
    findings,
    quality,
    analysis: result.analysis,
    ...(saved ? { savedId: saved.id, keyFramesSaved: saved.keyFrames ?? 0 } : {}),
    ...(comparison ? { comparedWithEarly: comparison } : {}),
  };
}

/** A progress bar on the terminal, on stderr so stdout stays the result. */
export function formProgress(stream: NodeJS.WriteStream) {
  let last = 0;
  return {
    update(done: number, total: number) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round(Math.min(1, done / total) * width);
      stream.write(
        `\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] reading the video: frame ${done} of ${total}`,
      );
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}

const round = (v: number, unit: string) =>
  unit === 'degrees' || unit === 'steps a minute' || unit === 'steps per minute'
    ? v.toFixed(1)
    : Math.abs(v) >= 10
      ? v.toFixed(0)
      : v.toFixed(2);

/** A measure's verdict in plain words, against the threshold the core judges it by. */
export function verdict(m: Measure, findings: Finding[]): string {
  const finding = findings.find((f) => f.measure === m.id);
  if (finding) return pc.yellow(`past ${round(finding.threshold.value, m.unit)} ${m.unit}: worth working on`);
  const t = FORM_THRESHOLDS.find(
    (th) =>
      th.measure === m.id && !th.condition && (!th.landmark || !m.landmark || th.landmark === m.landmark),
  );
  if (!t) return pc.dim('for reference');
  const side = t.direction === 'above' ? 'under' : 'over';
  return pc.green(`fine (${side} ${round(t.value, t.unit)} ${t.unit})`);
}

/** Cues for the run and exercises from the knowledge base that address a factor. */
function whatToWorkOn(factorId: string): string[] {
  const cues = [...index('interventions').values()]
    .filter((i) => i.kind === 'during-run' && i.factors.includes(factorId))
    .map((i) => i.title);
  const exercises = [...index('exercises').values()]
    .filter((e) => e.factors.includes(factorId))
    .slice(0, 3)
    .map((e) => e.name);
  const out: string[] = [];
  if (cues.length) out.push(`    While running: ${cues.join('; ')}.`);
  if (exercises.length) out.push(`    Exercises: ${exercises.join('; ')}.`);
  return out;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The result for the terminal. */
export function renderForm(result: FormResult, saved?: { id: string; keyFrames?: number }): string {
  const r: FormReport = result.report;
  const a = result.analysis;
  const out: string[] = [];
  const viewWords = r.view
    ? `${r.view} view (${r.viewSource === 'chosen' ? 'as you said' : 'detected'})`
    : 'view not known';
  out.push(
    pc.bold(r.running ? 'Running form from your video' : 'No steady running found in this video'),
    pc.dim(
      `${a.durationS.toFixed(1)} s clip, ${viewWords}; ${a.framesAnalysed} frames analysed in ${a.seconds.toFixed(1)} s on this device`,
    ),
  );
  if (r.running && r.cadenceSpm !== null)
    out.push(`Cadence: ${pc.bold(r.cadenceSpm.toFixed(0))} steps a minute`);
  out.push('', pc.bold('What to work on'));
  if (r.findings.length === 0)
    out.push(
      r.running ? '  Nothing stood out in this clip.' : '  Nothing: form is only judged on steady running.',
    );
  for (const f of r.findings) {
    const name = index('factors').get(f.factorId)?.name ?? f.summary;
    out.push(`  ${pc.bold(name)} (${percent(f.confidence)} sure): ${f.summary}`);
    out.push(pc.dim(`    Judged against ${f.threshold.source}.`));
    out.push(...whatToWorkOn(f.factorId));
  }
  if (r.measures.length) {
    out.push('', pc.bold('Measures'));
    for (const m of r.measures) {
      if (m.id === 'cadence') continue;
      out.push(`  ${m.label}: ${round(m.value, m.unit)} ${m.unit} — ${verdict(m, r.findings)}`);
    }
  }
  const q = r.quality;
  out.push(
    '',
    pc.bold('Clip quality'),
    `  Runner seen in ${percent(q.personShare)} of frames, keypoint confidence ${percent(q.meanConfidence)}, ${q.strides} strides`,
  );
  for (const why of q.refusals) out.push(pc.yellow(`  Not judged: ${why}`));
  for (const w of q.warnings) out.push(pc.dim(`  Note: ${w}`));
  out.push(
    '',
    saved
      ? saved.keyFrames
        ? `Saved: the measures and findings, and ${saved.keyFrames} still picture${saved.keyFrames > 1 ? 's' : ''} with the body points drawn over, are kept for your check-in and report. The video was not stored.`
        : 'Saved: the measures and findings are kept for your check-in and report. The video was not stored.'
      : pc.dim('The video stayed on this device and was not stored. Add --save to keep the measures.'),
  );
  return `${out.join('\n')}\n`;
}

/**
 * `form VIDEO`: running form measured from a clip on this device (issue 12). ffmpeg decodes the frames,
 * MoveNet finds the runner's keypoints and the form core judges them; the result is the measures with a
 * verdict each, what to work on, and how good the clip was. `--save` stores the measures and findings,
 * never the video (nor any frame: the command line keeps no key frames).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import { badInput } from '../errors.js';
import type { VideoAnalysis } from '../form/analyse-video.js';
import type { Finding, FormReport, Measure } from '../form/index.js';
import { FORM_THRESHOLDS } from '../form/index.js';
import { index } from '../knowledge/index.js';
import { type StoreOptions, withStore } from './runs.js';

const VIEWS = ['side', 'back', 'front', 'auto'] as const;
const LABELS = ['early', 'late'] as const;
const MODELS = ['lightning', 'thunder'] as const;

type FormOptions = StoreOptions & {
  view: (typeof VIEWS)[number];
  save?: boolean;
  label?: (typeof LABELS)[number];
  model: (typeof MODELS)[number];
};

/** Registers `form`. */
export function registerFormCommand(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('form'))
    .description('Measure running form from a video on this device (the video is never stored or sent)')
    .argument('<video>', 'a clip of 10–20 s of steady running (MP4, MOV, WebM…)')
    .addOption(new Option('--view <view>', 'how the clip was filmed').choices(VIEWS).default('auto'))
    .option('--save', 'keep the measures and findings (not the video) for the check-in and the report')
    .addOption(
      new Option('--label <when>', 'with --save: early or late in one run, to compare tiring').choices(
        LABELS,
      ),
    )
    .addOption(
      new Option('--model <model>', 'pose model: lightning (fast) or thunder (if installed)')
        .choices(MODELS)
        .default('lightning'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Film from hip height, 3–5 m away, the whole body in frame, 10–20 s of steady running on a',
        'treadmill or a flat path. Side view for lean, head and shoulders; back or front view for the arms.',
        '',
        'Examples:',
        '  backstride form treadmill.mp4                  measure and explain',
        '  backstride form run.mov --view back --json     one JSON document',
        '  backstride form km9.mp4 --save --label late    keep the result, filmed late in a run',
      ].join('\n'),
    )
    .action(async (video: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as FormOptions;
      if (o.label && !o.save)
        throw badInput('--label goes with --save (it labels the saved result)', 'label');
      const { analyseVideo } = await import('../form/analyse-video.js');
      const bar = process.stderr.isTTY ? formProgress(process.stderr) : undefined;
      let result: VideoAnalysis;
      try {
        result = await analyseVideo(video, {
          view: o.view,
          model: o.model,
          onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
        });
      } finally {
        bar?.done();
      }
      let saved: { id: string } | undefined;
      if (o.save) {
        const { addFormCheck, formCheckFromReport } = await import('../store/form-checks.js');
        saved = await withStore(o, (store) =>
          addFormCheck(
            store.db,
            formCheckFromReport(result.report, { checkedAt: Date.now(), label: o.label ?? null }),
          ),
        );
      }
      process.stdout.write(
        o.json ? `${JSON.stringify(formJson(result, saved), null, 2)}\n` : renderForm(result, saved),
      );
    });
}

/** The `--json` document: the report's fields, how the clip was analysed, and the saved id if any. */
export function formJson(result: VideoAnalysis, saved?: { id: string }) {
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
    ...(saved ? { savedId: saved.id } : {}),
  };
}

/** A progress bar on the terminal, on stderr so stdout stays the result. */
function formProgress(stream: NodeJS.WriteStream) {
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
export function renderForm(result: VideoAnalysis, saved?: { id: string }): string {
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
  if (r.measures.length) {
    out.push('', pc.bold('Measures'));
    for (const m of r.measures) {
      if (m.id === 'cadence') continue;
      out.push(`  ${m.label}: ${round(m.value, m.unit)} ${m.unit} — ${verdict(m, r.findings)}`);
    }
  }
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
      ? 'Saved: the measures and findings are kept for your check-in and report. The video was not stored.'
      : pc.dim('The video stayed on this device and was not stored. Add --save to keep the measures.'),
  );
  return `${out.join('\n')}\n`;
}

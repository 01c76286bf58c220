/**
 * `form VIDEO`: running form measured from a clip on this device (issue 12). ffmpeg decodes the frames,
 * MoveNet finds the runner's keypoints and the form core judges them; the result is the measures with a
 * verdict each, what to work on, and how good the clip was. `--save` stores the measures and findings,
 * never the video; `--keep-frames` adds up to three still pictures with the skeleton drawn over them.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { badInput } from '../errors.js';
import type { VideoAnalysis } from '../form/analyse-video.js';
import type { EarlyLate } from './form-render.js';
import { type StoreOptions, withStore } from './runs.js';

const VIEWS = ['side', 'back', 'front', 'auto'] as const;
const LABELS = ['early', 'late'] as const;
const MODELS = ['lightning', 'thunder'] as const;

type FormOptions = StoreOptions & {
  view: (typeof VIEWS)[number];
  save?: boolean;
  label?: (typeof LABELS)[number];
  keepFrames?: boolean;
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
    .option('--keep-frames', 'with --save: also keep up to 3 still pictures with the body points drawn over')
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
        '  backstride form run.mp4 --save --keep-frames   keep it with 3 still pictures for the report',
      ].join('\n'),
    )
    .action(async (video: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as FormOptions;
      if (o.label && !o.save)
        throw badInput('--label goes with --save (it labels the saved result)', 'label');
      if (o.keepFrames && !o.save)
        throw badInput(
          '--keep-frames goes with --save (the pictures are kept with the result)',
          'keep-frames',
        );
      const { analyseVideo, videoKeyFrames } = await import('../form/analyse-video.js');
      // Loaded only here, so other commands do not pay for the form core at start-up.
      const { formJson, formProgress, renderComparison, renderForm } = await import('./form-render.js');
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
      let saved: { id: string; checkedAt: number; keyFrames?: number } | undefined;
      let comparison: EarlyLate | undefined;
      if (o.save) {
        const { addFormCheck, formCheckFromReport, listFormChecks } = await import('../store/form-checks.js');
        const keyFrames = o.keepFrames && result.report.running ? await videoKeyFrames(video, result) : [];
        const stored = await withStore(o, (store) =>
          addFormCheck(
            store.db,
            formCheckFromReport(result.report, { checkedAt: Date.now(), label: o.label ?? null, keyFrames }),
          ),
        );
        saved = { id: stored.id, checkedAt: stored.checkedAt, keyFrames: keyFrames.length };
        // A late clip is compared with the early clip of the same run (see `earlyPartner`).
        const late = saved;
        if (o.label === 'late' && result.report.running) {
          const { compareEarlyLate, earlyPartner } = await import('../form/compare.js');
          const usable = (await withStore(o, (store) => listFormChecks(store.db))).filter(
            (c) => c.running && c.quality.refusals.length === 0,
          );
          const early = earlyPartner(late.checkedAt, usable);
          if (early) {
            comparison = {
              earlyId: early.id,
              earlyAt: early.checkedAt,
              ...compareEarlyLate(early, result.report),
            };
          }
        }
      }
      process.stdout.write(
        o.json
          ? `${JSON.stringify(formJson(result, saved, comparison), null, 2)}\n`
          : renderForm(result, saved) + (comparison ? `\n${renderComparison(comparison)}` : ''),
      );
    });
}

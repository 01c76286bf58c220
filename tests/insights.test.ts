/**
 * Insights, progress, the weekly plan with its calendar file, and the clinician report, through the CLI on
 * a diary the test writes: six weeks of runs and check-ins with a known pattern. The diary is written and
 * the results read in this process (tests/in-process-cli.ts); each command also runs once as the built
 * `bin/backstride`, for its exit code and output as a process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import { NO_ANSWER } from '../src/answers/red-flag-screen.js';
import { okJson, runCli } from './in-process-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'backstride');
const scratch = mkdtempSync(join(tmpdir(), 'backstride-insights-'));
const data = join(scratch, 'data');

/** The built CLI in its own process. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--data-dir', data], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (r: ReturnType<typeof cli>) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
/** The same command in this process. */
const inProcess = (args: string[]) => runCli([...args, '--data-dir', data]);

const DAY = 86_400_000;
const now = Date.now();
/** Monday about six weeks ago, 07:00 UTC. */
const start = (() => {
  const d = new Date(now - 42 * DAY);
  const back = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back, 7);
})();

beforeAll(async () => {
  const calm = { ...NO_ANSWER };
  const answers = join(scratch, 'answers.json');
  writeFileSync(
    answers,
    JSON.stringify({
      date: new Date(start).toISOString(),
      about: { age: 41, sex: 'male' },
      pain: { regions: ['lower-back'], daysSinceStart: 1, trend: 'same', now: 5, worst: 6 },
      running: { runsPerWeek: 3 },
      daily: { sittingHours: 9, strengthSessionsPerWeek: 0 },
      redFlags: calm,
    }),
  );
  okJson(await inProcess(['assess', '--answers', answers, '--json']));
  // Three runs a week: Tue and Thu 6 km, Sat 16 km. Pain 5 the morning after every long run, 1 otherwise;
  // pain eases over the weeks.
  const runs = join(scratch, 'runs');
  mkdirSync(runs, { recursive: true });
  for (let w = 0; w < 6; w++) {
    for (const [d, km] of [
      [1, 6],
      [3, 6],
      [5, 16],
    ] as const) {
      const t = start + (w * 7 + d) * DAY;
      if (t > now) continue;
      writeFileSync(
        join(runs, `w${w}d${d}.fit`),
        encodeFit({
          sport: 'running',
          startTime: t,
          samples: syntheticRun({ start: t, durationS: km * 330, seed: w * 10 + d }),
        }),
      );
      const score = km > 10 ? Math.max(1, 6 - w) : 1;
      okJson(
        await inProcess([
          'log',
          'pain',
          String(score),
          'lower-back',
          '--timing',
          'next-morning',
          '--at',
          new Date(t + 24 * 3_600_000).toISOString(),
          '--json',
        ]),
      );
    }
    const plankDay = start + (w * 7 + 2) * DAY;
    if (plankDay < now)
      okJson(
        await inProcess([
          'log',
          'exercise',
          'plank',
          'bird-dog',
          '--at',
          new Date(plankDay).toISOString(),
          '--json',
        ]),
      );
  }
  okJson(await inProcess(['import', runs, '--json']));
  okJson(await inProcess(['log', 'psfs', 'run 10 km=3', '--at', new Date(start).toISOString(), '--json']));
  okJson(await inProcess(['log', 'psfs', 'run 10 km=7', '--json']));
});

describe('insights and progress', () => {
  it('finds that pain followed the long runs, with counts and an interval', () => {
    const r = json(cli(['insights', '--json']));
    expect(r.runsWithOutcome).toBeGreaterThanOrEqual(15);
    const distance = r.findings.find((f: { id: string }) => f.id === 'long-distance');
    expect(distance.verdict).toBe('linked');
    expect(distance.direction).toBe('more');
    expect(distance.message).toMatch(/of \d+ vs \d+ of \d+/);
    expect(distance.message).not.toMatch(/\bcauses?\b/i);
    expect(r.caveats.length).toBeGreaterThan(0);
  });

  it('judges pain and PSFS against their minimal important change', async () => {
    const r = okJson(await inProcess(['progress', '--json']));
    expect(r.nprs.judgement).toMatch(/improved|unchanged/);
    expect(r.psfs.judgement).toBe('improved');
    expect(r.psfs.change).toBe(4);
    expect(r.advice.status).toEqual(expect.any(String));
    // Plank and bird-dog logged once a week against their scheduled days.
    expect(r.adherence.length).toBeGreaterThanOrEqual(6);
    expect(r.adherence.every((w: { done: number; scheduled: number }) => w.done <= w.scheduled)).toBe(true);
    expect(cli(['progress']).stdout).toMatch(/weekly [▁▂▃▄▅▆▇█]+/);
  });
});

describe('plan and calendar', () => {
  it('lays the plan over the runner’s run days and writes an importable calendar', async () => {
    const ics = join(scratch, 'plan.ics');
    const r = okJson(await inProcess(['plan', '--json', '--ics', ics, '--weeks', '4']));
    expect(r.schedule.runDays).toEqual(['Tue', 'Thu', 'Sat']);
    const strength = r.schedule.strengthDays as string[];
    expect(strength).not.toContain('Fri');
    expect(r.decisions.length).toBeGreaterThan(0);
    const text = readFileSync(ics, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(cli(['plan', '--weeks', '0']).code).toBe(2);
  });
});

describe('clinician report', () => {
  it('writes HTML with every section', async () => {
    const out = join(scratch, 'report.html');
    expect(cli(['report', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const text of [
      'Backstride clinician report',
      'Self-care',
      'Long hours of slouched sitting',
      'Sources',
      'Patient-Specific Functional Scale',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect((await inProcess(['report', '--out', out, '--format', 'docx'])).code).toBe(2);
  });

  const chromium = existsSync('/usr/bin/chromium') && spawnSync('pdftotext', ['-v']).status === 0;
  if (!chromium) console.info('chromium or poppler-utils not installed: the PDF report test was not run');
  if (chromium) {
    it('renders a PDF that reads back with the report’s text', () => {
      const out = join(scratch, 'report.pdf');
      expect(cli(['report', '--format', 'pdf', '--out', out]).code).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Backstride clinician report');
      expect(text).toContain('Sources');
    });
  }
});

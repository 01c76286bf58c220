/**
 * One rule for time windows through the command line: with runs only from 2024 and pain check-ins up to
 * today, `load`, `insights` and `report` cover the window that ends today, say when the newest run was and
 * offer that period, and honour `--from` and `--to`. Commands run in this process (tests/in-process-cli.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import { okJson, runCli } from './in-process-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'backstride-windows-'));
const data = join(scratch, 'data');
const cli = (args: string[]) => runCli([...args, '--data-dir', data]);

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  // Tuesdays, Thursdays and Saturdays from 2 April to Tuesday 9 July 2024; Saturdays are long.
  const dir = join(scratch, 'runs');
  mkdirSync(dir, { recursive: true });
  let i = 0;
  for (let t = Date.UTC(2024, 3, 2, 7); t <= Date.UTC(2024, 6, 9, 8); t += DAY) {
    const dow = new Date(t).getUTCDay();
    if (![2, 4, 6].includes(dow)) continue;
    const samples = syntheticRun({ start: t, durationS: dow === 6 ? 5400 : 2400, seed: i });
    writeFileSync(join(dir, `r${i++}.fit`), encodeFit({ sport: 'running', startTime: t, samples }));
  }
  okJson(await cli(['import', dir, '--json']));
  // Pain after some 2024 runs, and a series of check-ins that ends today.
  for (const at of ['2024-06-08T19:00:00Z', '2024-07-06T19:00:00Z']) {
    okJson(await cli(['log', 'pain', '5', 'lower-back', '--at', at, '--json']));
  }
  for (const daysAgo of [20, 13, 6, 0]) {
    const at = new Date(Date.now() - daysAgo * DAY - 60_000).toISOString();
    okJson(await cli(['log', 'pain', String(3 + (daysAgo % 3)), 'lower-back', '--at', at, '--json']));
  }
}, 120_000);

describe('load', () => {
  it('ends today by default, with no 2024 week as "this week", and names the newest run', async () => {
    const load = okJson(await cli(['load', '--json']));
    expect(load.window).toMatchObject({ to: today, today, kind: 'current', stale: true });
    expect(load.window.newestRun).toBe('2024-07-09');
    expect(load.window.notice).toBe('Your newest run is from 9 July 2024.');
    expect(load.to).toBe(today);
    expect(load.weeks).toHaveLength(52);
    expect(load.weeks.at(-1).distanceM).toBe(0);
    expect(load.acwr.ewma.latest).toBeUndefined();
    expect(load.flags).toEqual([]);
    const text = await cli(['load']);
    expect(text.stdout).toContain('Your newest run is from 9 July 2024.');
    expect(text.stdout).toContain(
      `For that period: backstride load --from ${load.window.offered.from} --to 2024-07-09`,
    );
  });

  it('honours --from and --to, in the JSON and in the text', async () => {
    const load = okJson(await cli(['load', '--json', '--from', '2024-06-01', '--to', '2024-06-30']));
    expect(load.window).toMatchObject({ from: '2024-06-01', to: '2024-06-30', kind: 'chosen', stale: false });
    expect([load.from, load.to]).toEqual(['2024-06-01', '2024-06-30']);
    expect(load.weeks[0].weekStart).toBe('2024-05-27');
    expect(load.weeks.at(-1).weekStart).toBe('2024-06-24');
    expect(load.flags.every((f: { date: string }) => f.date >= '2024-05-27' && f.date <= '2024-06-30')).toBe(
      true,
    );
    const text = (await cli(['load', '--from', '2024-04-01', '--to', '2024-07-09'])).stdout;
    expect(text).toContain('Training load, 1 April 2024 to 9 July 2024');
    // Every week of a chosen period is listed, not only the last eight.
    expect(text).toContain('2024-04-01');
    expect(text).toContain('2024-07-08');
    expect(text).toContain('How this is worked out');
    expect(text).not.toMatch(/W\d\d|\(Project convention/);
  });

  it('refuses a start after the end with a one-line reason', async () => {
    const r = await cli(['load', '--from', '2024-07-01', '--to', '2024-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^backstride: from \(2024-07-01\) is after to \(2024-06-01\)$/);
  });
});

describe('insights', () => {
  it('covers the window ending today, and the runs of a chosen period', async () => {
    const now = okJson(await cli(['insights', '--json']));
    expect(now.window).toMatchObject({ to: today, stale: true, newestRun: '2024-07-09' });
    expect(now.runs).toBe(0);
    expect(now.summary).toBe('No runs in this period.');
    const then = okJson(await cli(['insights', '--json', '--from', '2024-04-01', '--to', '2024-07-09']));
    expect(then.runs).toBe(43);
    expect(then.runsWithOutcome).toBe(2);
    expect(then.notEnoughData.message).toMatch(/^Not enough data yet to compare pain after /);
    const text = (await cli(['insights', '--from', '2024-04-01', '--to', '2024-07-09'])).stdout;
    expect(text).toContain('Personal triggers, 1 April 2024 to 9 July 2024');
    // One line for the comparisons without data, not a line of zeros each.
    expect(text.match(/Not enough data yet/g)).toHaveLength(1);
    expect(text).not.toMatch(/0 of 0|\(–\)/);
  });
});

describe('report', () => {
  it('covers one period for its charts and flags, and honours --from and --to', async () => {
    const file = join(scratch, 'then.html');
    okJson(await cli(['report', '--json', '-o', file, '--from', '2024-04-01', '--to', '2024-07-09']));
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('This report covers <strong>1 Apr 2024 to 9 Jul 2024</strong>');
    expect(html).not.toContain('Your newest run is from');
    expect(html).toContain('id="chart-weekly"');
    // Flags of the period only.
    const flagDates = [...html.matchAll(/Week of (\d+ \w+ (\d{4}))/g)].map((m) => m[2]);
    expect(flagDates.length).toBeGreaterThan(0);
    expect(new Set(flagDates)).toEqual(new Set(['2024']));
  });

  it('by default ends today, says when the newest run was, and lists no flag from outside the period', async () => {
    const file = join(scratch, 'now.html');
    okJson(await cli(['report', '--json', '-o', file]));
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Your newest run is from 9 July 2024.');
    expect(html).not.toMatch(/Week of \d+ \w+ 2024/);
    // The pain chart ends today, not past it.
    expect(html).toContain('id="chart-pain"');
  });
});

/**
 * One plan, true everywhere: for the same stored data (runs, a check-in with a band and no strength
 * training yet, a swap and a drop made by name), the five places a runner or clinician meets the week —
 * `assess`, `plan`, the web plan page's `GET /api/plan`, the clinician report and the calendar file —
 * show the same days, the same exercises and the same doses. The CLI runs in this process
 * (tests/in-process-cli.ts); the API through the app over the same data folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFit } from '../src/activities/synthetic/fit.js';
import { syntheticRun } from '../src/activities/synthetic/track.js';
import type { Schedule } from '../src/schedule/index.js';
import { createApp } from '../src/server/app.js';
import { ImportJobs } from '../src/server/imports.js';
import { StoreRef } from '../src/server/store-ref.js';
import { okJson, runCli } from './in-process-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'backstride-one-plan-'));
const data = join(scratch, 'data');
const cli = (args: string[]) => runCli([...args, '--data-dir', data]);

const DAY = 86_400_000;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SLOTS: Record<string, { report: string; ics: string }> = {
  'before-run': { report: 'Before the run', ics: 'before run' },
  'after-run': { report: 'After the run', ics: 'after run' },
  strength: { report: 'Strength', ics: 'strength' },
  mobility: { report: 'Mobility', ics: 'mobility' },
};

/** A week as days of "slot: exercise dose" lines: what every output must agree on. */
type Shape = Record<string, string[]>;
const shape = (s: Schedule): Shape =>
  Object.fromEntries(
    s.days.map((d, i) => [
      DAYS[i],
      d.groups.flatMap((g) => g.items.map((it) => `${g.slot}: ${it.name} ${it.doseText}`.trim())),
    ]),
  );

const answers = JSON.parse(
  readFileSync(new URL('./fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url), 'utf8'),
);
delete answers.date;
answers.daily = { ...answers.daily, strengthSessionsPerWeek: 0, equipment: ['band'] };
const answersFile = join(scratch, 'answers.json');
writeFileSync(answersFile, JSON.stringify(answers));

let store: StoreRef;
let swapped: { from: string; to: string };
let dropped: string;

beforeAll(async () => {
  // Three weeks of runs on Monday, Wednesday and Saturday (the long one): the run days come from them.
  const runs = join(scratch, 'runs');
  mkdirSync(runs);
  const now = new Date();
  const monday = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate() - ((now.getUTCDay() + 6) % 7),
    12,
  );
  for (let w = 1; w <= 3; w++) {
    for (const [d, km] of [
      [0, 6],
      [2, 6],
      [5, 14],
    ] as const) {
      const t = monday - w * 7 * DAY + d * DAY;
      const samples = syntheticRun({ start: t, durationS: km * 330, seed: w * 10 + d });
      writeFileSync(join(runs, `w${w}d${d}.fit`), encodeFit({ sport: 'running', startTime: t, samples }));
    }
  }
  okJson(await cli(['import', runs, '--json']));
  okJson(await cli(['assess', '--answers', answersFile, '--json']));
  // A swap and a drop, by name, as a runner types them.
  const week = okJson(await cli(['plan', '--json']));
  const [from, options] = Object.entries(week.swaps as Record<string, { name: string }[]>).find(
    ([, o]) => o.length > 0,
  ) as [string, { name: string }[]];
  const name = (id: string) =>
    (week.schedule as Schedule).days.flatMap((d) => d.groups.flatMap((g) => g.items)).find((i) => i.id === id)
      ?.name as string;
  swapped = { from: name(from), to: options[0]?.name as string };
  dropped = name(Object.keys(week.swaps).find((id) => id !== from) as string);
  okJson(await cli(['plan', 'swap', swapped.from, swapped.to, '--json']));
  okJson(await cli(['plan', 'drop', dropped, '--json']));
  store = await StoreRef.open({ dataDir: data });
});

afterAll(async () => {
  await store?.close();
});

describe('one plan everywhere', () => {
  it('shows the same days and doses in assess, plan, the plan page, the report and the calendar', async () => {
    // 1. `plan`
    const plan = okJson(await cli(['plan', '--json', '--ics', join(scratch, 'plan.ics')]));
    const truth = shape(plan.schedule);
    const all = Object.values(truth).flat().join('\n');
    expect(all).toContain(`: ${swapped.to} `);
    expect(all).not.toContain(`: ${swapped.from} `);
    expect(all).not.toContain(`: ${dropped} `);
    expect(all).toContain('(easier version)');
    expect(plan.schedule.runDays).toEqual(['Mon', 'Wed', 'Sat']);

    // 2. `assess` (not saved, so the plan stays the one above), with the stored changes honoured.
    const assessed = okJson(await cli(['assess', '--answers', answersFile, '--no-save', '--json']));
    expect(shape(assessed.week)).toEqual(truth);
    expect(assessed.week.strengthDays).toEqual(plan.schedule.strengthDays);
    const text = (await cli(['assess', '--answers', answersFile, '--no-save', '--full'])).stdout;
    for (const [day, lines] of Object.entries(truth)) {
      expect(text).toContain(`${day}:`);
      for (const l of lines) expect(text.replace(/\s+/g, ' ')).toContain(l.slice(l.indexOf(': ') + 2));
    }

    // 3. The web plan page's week.
    const app = createApp({ store, imports: new ImportJobs(store, { workers: 0 }), uploadDir: scratch });
    const api = (await (await app.request('http://localhost/api/plan')).json()) as { schedule: Schedule };
    expect(shape(api.schedule)).toEqual(truth);

    // 4. The clinician report: the week's table, day by day.
    const out = join(scratch, 'report.html');
    expect((await cli(['report', '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const table = html.slice(html.indexOf('<table class="schedule">'));
    for (const [i, day] of DAYS.entries()) {
      const row =
        new RegExp(`<th scope="row">${day}</th><td>[^<]*</td><td>(.*?)</td></tr>`).exec(table)?.[1] ?? '';
      const d = plan.schedule.days[i] as Schedule['days'][number];
      const expected = d.groups.map(
        (g) =>
          `${SLOTS[g.slot]?.report}: ${g.items.map((it) => `${it.name}${it.doseText ? ` ${it.doseText}` : ''}`).join('; ')}`,
      );
      expect(row.split('<br>').map(htmlText), day).toEqual(expected.length ? expected : ['Rest']);
    }
    expect(html).toContain(`You swapped ${swapped.from} for ${swapped.to}.`);
    expect(html).toContain(`You dropped ${dropped}.`);

    // 5. The calendar file: one event per day and part of the day, each exercise with its dose.
    const ics = readFileSync(join(scratch, 'plan.ics'), 'utf8').replace(/\r\n[ \t]/g, '');
    const events = ics.split('BEGIN:VEVENT').slice(1);
    for (const [i, d] of (plan.schedule as Schedule).days.entries()) {
      const mine = events.filter((e) => e.includes(`BYDAY=${BYDAY[i]};`));
      expect(mine.length, DAYS[i]).toBe(d.groups.length);
      for (const g of d.groups) {
        const event =
          mine.find((e) => new RegExp(`SUMMARY:Backstride: ${SLOTS[g.slot]?.ics} —`).test(e)) ?? '';
        const description = icsText(/DESCRIPTION:(.*)/.exec(event)?.[1] ?? '');
        for (const it of g.items) {
          expect(description, `${DAYS[i]} ${g.slot}`).toContain(
            it.doseText ? `${it.name}: ${it.doseText}` : it.name,
          );
        }
      }
    }
  });
});

const htmlText = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const icsText = (t: string) => t.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

describe('plan swap, drop, restore and options', () => {
  /** The built CLI as a process, for exit codes and what lands on stderr. */
  const spawned = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backstride'), ...args, '--data-dir', data], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      input: '',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('refuses a name the plan does not hold, or a swap that does not fit, in one line with exit 2', () => {
    for (const args of [
      ['plan', 'drop', 'Lat pull-down'],
      ['plan', 'swap', swapped.to, 'Lat pull-down'],
      ['plan', 'restore', 'no such exercise'],
      ['plan', 'swap', swapped.to],
      ['plan', 'options', 'nothing like this'],
    ]) {
      const r = spawned(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^backstride: /);
      expect(r.stdout).toBe('');
    }
    expect(spawned(['plan', 'drop', 'Lat pull-down']).stderr).toMatch(
      /^backstride: Lat pull-down is not in your strength and mobility plan: it has .+ and .+\n$/,
    );
  });

  it('lists swaps by name, and restores one change or all', async () => {
    const options = okJson(await cli(['plan', 'options', swapped.to.toLowerCase(), '--json']));
    expect(options.exercise).toBe(swapped.to);
    const text = (await cli(['plan', 'options', swapped.to])).stdout;
    expect(text).toMatch(new RegExp(`^${swapped.to} (may be swapped for|has no other exercise)`));
    const restored = okJson(await cli(['plan', 'restore', dropped, '--json']));
    expect(restored.changes.map((c: { text: string }) => c.text)).toEqual([
      `You swapped ${swapped.from} for ${swapped.to}.`,
    ]);
    const r = spawned(['plan', 'restore']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Your changes\n  Your plan is as it was built.\n');
    const week = okJson(await cli(['plan', '--json']));
    expect(week.changes).toEqual([]);
    // Swapping back and forth again is kept against the exercise the plan was built with.
    okJson(await cli(['plan', 'swap', swapped.from, swapped.to, '--json']));
    okJson(await cli(['plan', 'swap', swapped.to, swapped.from, '--json']));
    expect(okJson(await cli(['plan', '--json'])).changes).toEqual([]);
  });
});

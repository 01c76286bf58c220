/**
 * A tiny stand-in for `backstride serve`, for the web app's end-to-end tests until the real server is
 * there: Node's http serving `dist/web/` and the API routes, answered from the real core (assess,
 * knowledge, load, insights, progress, schedule) over an in-memory diary. Imports are canned: each
 * uploaded file becomes one synthetic run (with real metrics), with progress reported over a few polls.
 * Not a server to ship: no limits, no persistence, no security headers.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { syntheticRun } from '../../src/activities/synthetic/track.js';
import type { Samples } from '../../src/activities/types.js';
import { answersJsonSchema, parseAnswers } from '../../src/answers/index.js';
import { type Assessment, assess } from '../../src/assess/index.js';
import {
  type DiaryRun,
  type ExerciseSession,
  NewPainCheckin,
  type PainCheckin,
  type PsfsRating,
} from '../../src/diary/types.js';
import { type BackstrideError, badInput, isBackstrideError, notFound } from '../../src/errors.js';
import { findTriggers } from '../../src/insights/index.js';
import { knowledge } from '../../src/knowledge/index.js';
import { findItem, listItems, searchKnowledge } from '../../src/knowledge/search.js';
import { loadSummary } from '../../src/load/index.js';
import { runMetrics } from '../../src/metrics/index.js';
import { advice, nprsProgress, psfsProgress } from '../../src/progress/index.js';
import { adherence, buildSchedule, readReminder, toIcs } from '../../src/schedule/index.js';

const DAY = 86_400_000;

type StoredRun = {
  id: string;
  startTime: number;
  name: string;
  samples: Samples;
  summary: ReturnType<typeof runMetrics>;
};

type ImportJob = {
  id: string;
  files: { name: string; size: number }[];
  polls: number;
  done: boolean;
  imported: number;
};

export type StubServer = { url: string; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

class State {
  assessments: { createdAt: number; answers: unknown; result: Assessment }[] = [];
  pain: PainCheckin[] = [];
  sessions: ExerciseSession[] = [];
  psfs: PsfsRating[] = [];
  runs: StoredRun[] = [];
  imports = new Map<string, ImportJob>();
  seq = 0;
  id(prefix: string) {
    this.seq += 1;
    return `${prefix}-${this.seq.toString(36)}`;
  }
  diaryRuns(): DiaryRun[] {
    return this.runs.map((r) => ({
      id: r.id,
      startTime: r.startTime,
      distanceM: r.summary.distanceM ?? 0,
      elapsedS: r.summary.elapsedS ?? null,
      movingS: r.summary.movingS ?? null,
      elevationGainM: r.summary.elevationGainM ?? null,
      paceSPerKm: r.summary.paceSPerKm ?? null,
      cadenceChangeSpm: r.summary.cadenceChangeSpm ?? null,
      decouplingPct: r.summary.decouplingPct ?? null,
    }));
  }
  /** One synthetic run, `daysAgo` before now, like an imported file would give. */
  addRun(name: string, daysAgo: number, durationS: number, seed: number) {
    const start = Math.floor((Date.now() - daysAgo * DAY) / 60_000) * 60_000 - 7 * 3_600_000;
    const samples = syntheticRun({ start, durationS, paceSPerKm: 300 + (seed % 7) * 8, seed, stepS: 2 });
    const run: StoredRun = {
      id: this.id('run'),
      startTime: start,
      name,
      samples,
      summary: runMetrics(samples),
    };
    this.runs.push(run);
    this.runs.sort((a, b) => a.startTime - b.startTime);
    return run;
  }
}

function runJson(r: StoredRun) {
  const s = r.summary;
  return {
    id: r.id,
    startTime: new Date(r.startTime).toISOString(),
    sport: 'running',
    name: r.name,
    distanceM: s.distanceM ?? 0,
    elapsedS: s.elapsedS ?? null,
    movingS: s.movingS ?? null,
    paceSPerKm: s.paceSPerKm ?? null,
    elevationGainM: s.elevationGainM ?? null,
    avgHr: s.avgHr ?? null,
    maxHr: s.maxHr ?? null,
    avgCadenceSpm: s.avgCadenceSpm ?? null,
    maxCadenceSpm: s.maxCadenceSpm ?? null,
    cadenceChangeSpm: s.cadenceChangeSpm ?? null,
    paceChangePct: s.paceChangePct ?? null,
    decouplingPct: s.decouplingPct ?? null,
    source: 'upload',
    sourceFormat: 'fit',
    device: null,
  };
}

/** The samples as chart series, every 10 s. */
function series(r: StoredRun) {
  const s = r.samples;
  const out = {
    t: [] as number[],
    distanceM: [] as number[],
    paceSPerKm: [] as (number | null)[],
    hr: [] as number[],
    cadenceSpm: [] as number[],
  };
  const t0 = s.t[0] ?? 0;
  for (let i = 0; i < s.t.length; i += 5) {
    const v = s.speedMps[i] ?? 0;
    out.t.push(((s.t[i] ?? t0) - t0) / 1000);
    out.distanceM.push(s.distM[i] ?? 0);
    out.paceSPerKm.push(v > 0.5 ? 1000 / v : null);
    out.hr.push(s.hr[i] ?? 0);
    out.cadenceSpm.push(s.cadSpm[i] ?? 0);
  }
  return out;
}

const mondayOf = (ms: number) => {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
};

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function json(req: IncomingMessage): Promise<unknown> {
  const text = (await body(req)).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badInput('the request body is not valid JSON');
  }
}

function send(res: ServerResponse, status: number, doc: unknown) {
  const text = JSON.stringify(doc);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function planFor(state: State) {
  const latest = state.assessments.at(-1);
  if (!latest) return undefined;
  const now = Date.now();
  const plan = latest.result.plan;
  const runsPerWeek = (latest.answers as { running?: { runsPerWeek?: number } }).running?.runsPerWeek;
  const schedule = buildSchedule(plan, {
    weekStart: mondayOf(now),
    runs: state.diaryRuns(),
    ...(runsPerWeek !== undefined ? { runsPerWeek: Math.min(3, runsPerWeek) } : {}),
  });
  return { schedule, decisions: [] };
}

async function api(state: State, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const route = (m: string, p: string) => method === m && path === p;
  const now = Date.now();

  if (route('GET', '/api/health')) return send(res, 200, { ok: true, stub: true });
  if (route('GET', '/api/schema/answers')) return send(res, 200, answersJsonSchema());
  if (route('POST', '/api/assess')) {
    const answers = parseAnswers(await json(req));
    const country = url.searchParams.get('country') || undefined;
    const result = assess(answers, new Date(), { runs: state.diaryRuns(), country });
    if (url.searchParams.get('save') !== 'false') {
      state.assessments.push({ createdAt: Date.parse(result.assessedAt), answers, result });
    }
    return send(res, 200, result);
  }
  if (route('GET', '/api/assessments/latest')) {
    const latest = state.assessments.at(-1);
    return send(res, 200, latest ? latest.result : null);
  }
  if (route('GET', '/api/kb')) return send(res, 200, listItems(url.searchParams.get('kind') ?? undefined));
  if (route('GET', '/api/kb/search')) return send(res, 200, searchKnowledge(url.searchParams.get('q') ?? ''));
  if (method === 'GET' && path.startsWith('/api/kb/items/')) {
    return send(res, 200, findItem(decodeURIComponent(path.slice('/api/kb/items/'.length))));
  }

  if (route('POST', '/api/imports')) {
    const request = new Request('http://stub/upload', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: new Uint8Array(await body(req)),
    });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw badInput('expected multipart/form-data with "file" fields', 'file');
    }
    const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
    if (!files.length) throw badInput('no files: send them as "file" fields', 'file');
    const job: ImportJob = {
      id: state.id('import'),
      files: files.map((f) => ({ name: f.name, size: f.size })),
      polls: 0,
      done: false,
      imported: 0,
    };
    state.imports.set(job.id, job);
    return send(res, 202, { id: job.id });
  }
  if (method === 'GET' && path.startsWith('/api/imports/')) {
    const job = state.imports.get(path.slice('/api/imports/'.length));
    if (!job) throw notFound('no such import');
    const total = job.files.length;
    const bytesTotal = job.files.reduce((s, f) => s + f.size, 0);
    if (!job.done) {
      job.polls += 1;
      const done = Math.min(total, job.polls - 1);
      if (done >= total) {
        job.files.forEach((f, i) => {
          state.addRun(
            f.name.replace(/\.(fit|gpx|tcx)(\.gz)?$/i, ''),
            1 + i * 2,
            2400 + i * 300,
            100 + state.runs.length,
          );
        });
        job.imported = total;
        job.done = true;
      } else {
        const bytesDone = job.files.slice(0, done).reduce((s, f) => s + f.size, 0);
        return send(res, 200, {
          state: 'running',
          progress: { filesDone: done, filesTotal: total, bytesDone, bytesTotal, runsImported: done },
        });
      }
    }
    return send(res, 200, {
      state: 'done',
      progress: {
        filesDone: total,
        filesTotal: total,
        bytesDone: bytesTotal,
        bytesTotal,
        runsImported: job.imported,
      },
      summary: {
        files: total,
        bytes: bytesTotal,
        imported: job.imported,
        duplicates: 0,
        skipped: [],
        skippedByReason: {},
        failed: [],
        runIds: [],
        exports: [],
        workers: 0,
        elapsedMs: 10,
      },
    });
  }
  if (route('GET', '/api/runs')) return send(res, 200, state.runs.map(runJson));
  if (method === 'GET' && path.startsWith('/api/runs/')) {
    const run = state.runs.find((r) => r.id === path.slice('/api/runs/'.length));
    if (!run) throw notFound('no such run');
    return send(res, 200, { ...runJson(run), series: series(run) });
  }
  if (route('GET', '/api/load')) {
    return send(
      res,
      200,
      loadSummary(
        state.diaryRuns().map((r) => ({
          id: r.id,
          startTime: r.startTime,
          distanceM: r.distanceM,
          elapsedS: r.elapsedS ?? 0,
        })),
        { to: now },
      ),
    );
  }

  if (route('POST', '/api/diary/pain')) {
    const b = (await json(req)) as Record<string, unknown>;
    const parsed = NewPainCheckin.safeParse({ timing: 'right-after', at: now, ...b });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput(issue?.message ?? 'bad check-in', String(issue?.path[0] ?? 'body'));
    }
    const entry: PainCheckin = { id: state.id('pain'), ...parsed.data };
    state.pain.push(entry);
    state.pain.sort((a, b) => a.at - b.at);
    return send(res, 201, entry);
  }
  if (route('POST', '/api/diary/exercise')) {
    const b = (await json(req)) as { items?: unknown; at?: number };
    if (!Array.isArray(b.items) || b.items.length === 0) throw badInput('give at least one item', 'items');
    const entry: ExerciseSession = { id: state.id('ex'), at: b.at ?? now, items: b.items.map(String) };
    state.sessions.push(entry);
    return send(res, 201, entry);
  }
  if (route('POST', '/api/diary/psfs')) {
    const b = (await json(req)) as { ratings?: { activity: string; score: number }[]; at?: number };
    if (!Array.isArray(b.ratings) || !b.ratings.length) throw badInput('give at least one rating', 'ratings');
    const saved = b.ratings.map((r) => ({
      id: state.id('psfs'),
      at: b.at ?? now,
      activity: r.activity,
      score: r.score,
    }));
    state.psfs.push(...saved);
    return send(res, 201, saved);
  }
  if (route('GET', '/api/diary'))
    return send(res, 200, { pain: state.pain, exercise: state.sessions, psfs: state.psfs });
  if (route('GET', '/api/insights')) {
    const routines = knowledge().interventions.filter((i) => i.kind === 'before-run');
    return send(
      res,
      200,
      findTriggers({
        runs: state.diaryRuns(),
        checkins: state.pain,
        sessions: state.sessions,
        warmUpItemIds: [...routines.map((r) => r.id), ...routines.flatMap((r) => r.exercises)],
      }),
    );
  }
  if (route('GET', '/api/progress')) {
    const nprs = nprsProgress(state.pain, { now });
    const psfs = state.psfs.length ? psfsProgress(state.psfs, { now }) : undefined;
    const week = planFor(state);
    return send(res, 200, {
      nprs,
      psfs,
      advice: advice(nprs, psfs, { now }),
      adherence: week ? adherence(week.schedule, state.sessions, week.schedule.weekStart) : [],
    });
  }
  if (route('GET', '/api/plan')) {
    const week = planFor(state);
    if (!week)
      return send(res, 409, {
        error: { code: 'conflict', message: 'no assessment yet: do a check-in first' },
      });
    return send(res, 200, week);
  }
  if (route('GET', '/api/plan.ics')) {
    const week = planFor(state);
    if (!week) return send(res, 409, { error: { code: 'conflict', message: 'no assessment yet' } });
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="backstride-plan.ics"',
    });
    const time = url.searchParams.get('time');
    const remind = readReminder(url.searchParams.get('remind') ?? '30') ?? 30;
    res.end(
      toIcs(week.schedule, {
        weeks: 6,
        now: new Date(),
        calendarName: 'Backstride plan',
        remind,
        ...(time ? { time } : {}),
      }),
    );
    return;
  }
  if (route('GET', '/api/report')) {
    const format = url.searchParams.get('format') ?? 'html';
    if (format === 'pdf') {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="backstride-report.pdf"',
      });
      res.end('%PDF-1.4\n% stub report\n%%EOF\n');
      return;
    }
    if (format !== 'html') throw badInput('format must be html or pdf', 'format');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="en"><title>Backstride report</title><h1>Backstride report (stub)</h1></html>',
    );
    return;
  }
  if (route('GET', '/api/export')) {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-disposition': 'attachment; filename="backstride-export.json"',
    });
    res.end(
      JSON.stringify({ assessments: state.assessments, pain: state.pain, runs: state.runs.map(runJson) }),
    );
    return;
  }
  if (route('DELETE', '/api/data')) {
    const b = (await json(req)) as { confirm?: string };
    if (b.confirm !== 'DELETE') throw badInput('confirm must be "DELETE"', 'confirm');
    Object.assign(state, new State());
    return send(res, 200, { deleted: true });
  }
  throw notFound(`no route ${method} ${path}`);
}

async function serveStatic(root: string, path: string, res: ServerResponse) {
  const rel = path === '/' || !extname(path) ? '/index.html' : path;
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root))) {
    res.writeHead(404).end();
    return;
  }
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** Start the stub on 127.0.0.1 (port 0: any free one). */
export async function startStubServer(options: { root: string; port?: number }): Promise<StubServer> {
  const state = new State();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      void serveStatic(options.root, url.pathname, res);
      return;
    }
    api(state, req, res, url).catch((error: unknown) => {
      if (isBackstrideError(error)) {
        const e = error as BackstrideError;
        send(res, e.code === 'not-found' ? 404 : 400, {
          error: { code: e.code, field: e.field, message: e.message },
        });
      } else {
        send(res, 500, { error: { code: 'internal', message: 'internal error' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The triage case set: realistic check-ins written from the runner's side, each with the level the
 * guidelines give it (tests/fixtures/triage-cases/cases.json, derived from the guidelines, never from the
 * engine). Every case runs in-process through the built `assess` (dist/, as the CLI ships it), and a sample
 * of each level also runs through the real CLI (`bin/backstride assess --answers FILE --json`), in parallel.
 * Build first: `npm run build` (`npm test` does).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../src/answers/index.js';
import { unansweredScreenQuestions } from '../src/answers/red-flag-screen.js';
import type { Assessment } from '../src/assess/index.js';

type Level = 'emergency' | 'urgent' | 'clinician' | 'self-care';
type Expected = { level: Level; why: string; factor?: string };

const LEVELS: Level[] = ['emergency', 'urgent', 'clinician', 'self-care'];
const PREFIX: Record<Level, string> = { emergency: 'em', urgent: 'ur', clinician: 'cl', 'self-care': 'sc' };
/** Higher is more urgent. */
const rank = (level: Level) => LEVELS.length - 1 - LEVELS.indexOf(level);

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'tests', 'fixtures', 'triage-cases');
const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Record<string, Expected>;
const cases = Object.entries(manifest)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([slug, expected]) => ({ slug, expected }));
const fileOf = (slug: string) => join(dir, `${slug}.json`);
const readCase = (slug: string): unknown => JSON.parse(readFileSync(fileOf(slug), 'utf8'));

type AssessFn = typeof import('../src/assess/index.js').assess;
let builtAssess: AssessFn;
const results = new Map<string, Assessment>();

/** The built engine's result for one case, computed once. */
function resultOf(slug: string): Assessment {
  let r = results.get(slug);
  if (!r) {
    r = builtAssess(parseAnswers(readCase(slug)));
    results.set(slug, r);
  }
  return r;
}

beforeAll(async () => {
  const href = pathToFileURL(join(root, 'dist', 'assess', 'index.js')).href;
  const built = (await import(href)) as typeof import('../src/assess/index.js');
  builtAssess = built.assess;
});

describe('the case set', () => {
  it('has at least 80 cases, 30 of them self-care, and at least 5 per level', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const per = (level: Level) => cases.filter((c) => c.expected.level === level).length;
    expect(per('self-care')).toBeGreaterThanOrEqual(30);
    for (const level of LEVELS) expect(per(level), level).toBeGreaterThanOrEqual(5);
  });

  it('has an answers file for every manifest entry and a manifest entry for every answers file', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'cases.json')
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(cases.map((c) => c.slug));
  });

  it.each(cases)('$slug: valid answers, a dated check-in, a level prefix, a reason', ({ slug, expected }) => {
    expect(LEVELS).toContain(expected.level);
    expect(slug.startsWith(`${PREFIX[expected.level]}-`), slug).toBe(true);
    expect(expected.why.length).toBeGreaterThan(20);
    const answers = parseAnswers(readCase(slug));
    expect(answers.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // A screen left incomplete on purpose may never be expected to be self-care.
    if (unansweredScreenQuestions(answers).length > 0) expect(expected.level).not.toBe('self-care');
  });
});

describe.each(cases)('$slug', ({ slug, expected }) => {
  it(`triages as ${expected.level}`, () => {
    const r = resultOf(slug);
    const rules = r.triage.reasons.map((x) => x.rule).join(', ') || 'none';
    expect(r.triage.level, `rules fired: ${rules}`).toBe(expected.level);
  });

  if (expected.level === 'emergency' || expected.level === 'urgent') {
    it('is never under-triaged', () => {
      expect(rank(resultOf(slug).triage.level)).toBeGreaterThanOrEqual(rank(expected.level));
    });
  }

  it('returns a JSON result with reasons, factors and a plan', () => {
    const r = resultOf(slug);
    const round = JSON.parse(JSON.stringify(r)) as Assessment;
    expect(round).toEqual(r);
    expect(Array.isArray(r.triage.reasons)).toBe(true);
    if (r.triage.level !== 'self-care') expect(r.triage.reasons.length).toBeGreaterThan(0);
    for (const reason of r.triage.reasons) expect(reason.rule).toEqual(expect.any(String));
    expect(Array.isArray(r.factors)).toBe(true);
    expect(r.plan.sections.length).toBeGreaterThan(0);
    expect(r.plan.level).toBe(r.triage.level);
  });

  if (expected.level === 'self-care') {
    it('carries a dated check-back', () => {
      const r = resultOf(slug);
      const on = r.triage.selfCare?.checkBack.on ?? '';
      expect(on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(on > r.assessedAt.slice(0, 10), `check back on ${on}`).toBe(true);
    });
  }
});

/** A few cases of each level through the real command line, in parallel. */
const CLI_PER_LEVEL = 3;
const cliSample = LEVELS.flatMap((level) =>
  cases.filter((c) => c.expected.level === level).slice(0, CLI_PER_LEVEL),
);
const run = promisify(execFile);

describe('through the CLI', () => {
  const outputs = new Map<string, { stdout: string; stderr: string; code: number }>();

  beforeAll(async () => {
    // One data folder per run: parallel first runs would otherwise race to create the same database.
    const scratch = mkdtempSync(join(tmpdir(), 'backstride-cases-'));
    const queue = [...cliSample];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const env = { ...process.env, BACKSTRIDE_DATA: join(scratch, c.slug), NO_COLOR: '1' };
        const args = ['bin/backstride', 'assess', '--answers', fileOf(c.slug), '--json'];
        try {
          const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env, timeout: 15_000 });
          outputs.set(c.slug, { stdout, stderr, code: 0 });
        } catch (error) {
          const e = error as { stdout?: string; stderr?: string; code?: number };
          outputs.set(c.slug, {
            stdout: e.stdout ?? '',
            stderr: e.stderr ?? String(error),
            code: e.code ?? 1,
          });
        }
      }
    };
    await Promise.all([worker(), worker()]);
  }, 60_000);

  it.each(cliSample)('$slug: exits 0 with one JSON document at the expected level', ({ slug, expected }) => {
    const out = outputs.get(slug);
    expect(out?.code, out?.stderr).toBe(0);
    expect(out?.stderr).toBe('');
    const result = JSON.parse(out?.stdout ?? '') as Assessment;
    expect(result.triage.level).toBe(expected.level);
    expect(Array.isArray(result.triage.reasons)).toBe(true);
    expect(Array.isArray(result.factors)).toBe(true);
    expect(result.plan.sections.length).toBeGreaterThan(0);
    if (expected.level === 'self-care')
      expect(result.triage.selfCare?.checkBack.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

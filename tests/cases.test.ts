/**
 * Realistic check-in cases run through the built CLI (`node bin/backstride assess --answers … --json`).
 * Each answers file in tests/fixtures/answers has hand-derived expectations in expectations.json: the
 * triage level, rules that must (and must not) fire, factors that must rank in the top five, and the plan
 * sections that must be present or absent. Build first: `npx tsc -p tsconfig.build.json`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/assess/index.js';
import { exercises } from '../src/knowledge/data/exercises.js';

type Level = 'emergency' | 'urgent' | 'clinician' | 'self-care';
type Expectation = {
  level: Level;
  rules: string[];
  notRules?: string[];
  topFactors: string[];
  sections: string[];
  noSections?: string[];
};

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'tests', 'fixtures', 'answers');
const expectations = JSON.parse(readFileSync(join(fixtures, 'expectations.json'), 'utf8')) as Record<
  string,
  Expectation
>;
const cases = Object.entries(expectations).map(([name, expected]) => ({ name, expected }));
const levels: Level[] = ['emergency', 'urgent', 'clinician', 'self-care'];
const strengthIds = new Set(exercises.filter((e) => e.kind === 'strength').map((e) => e.id));

type Run = { status: number | null; stdout: string; stderr: string };

function runCli(file: string): Run {
  const r = spawnSync(process.execPath, ['bin/backstride', 'assess', '--answers', file, '--json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BACKSTRIDE_DATA: join(tmpdir(), 'backstride-cases-test'), NO_COLOR: '1' },
    timeout: 15_000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('case fixtures', () => {
  it('has enough cases, at least five per level', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const level of levels) {
      expect(cases.filter((c) => c.expected.level === level).length, level).toBeGreaterThanOrEqual(5);
    }
  });

  it('has an answers file for every expectation and an expectation for every answers file', () => {
    const files = readdirSync(fixtures)
      .filter((f) => f.endsWith('.json') && f !== 'expectations.json')
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(Object.keys(expectations).sort());
    for (const { name } of cases) expect(existsSync(join(fixtures, `${name}.json`)), name).toBe(true);
  });
});

describe.each(cases)('case $name ($expected.level)', ({ name, expected }) => {
  let run: Run;
  let result: Assessment;

  beforeAll(() => {
    run = runCli(join('tests', 'fixtures', 'answers', `${name}.json`));
    result = JSON.parse(run.stdout) as Assessment;
  });

  const ruleIds = () => result.triage.reasons.map((r) => r.rule);
  const sectionIds = () => result.plan.sections.map((s) => s.id as string);
  const items = () => result.plan.sections.flatMap((s) => s.items);

  it('exits 0 with nothing on stderr', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it(`triages as ${expected.level}`, () => {
    expect(result.triage.level).toBe(expected.level);
    expect(result.plan.level).toBe(expected.level);
  });

  it('fires the expected rules and not the excluded ones', () => {
    const fired = ruleIds();
    for (const rule of expected.rules) expect(fired, `rule ${rule} should fire`).toContain(rule);
    for (const rule of expected.notRules ?? [])
      expect(fired, `rule ${rule} must not fire`).not.toContain(rule);
    if (expected.level === 'self-care') expect(fired).toEqual([]);
  });

  it('ranks the expected factors in the top five', () => {
    const top5 = result.factors.slice(0, 5).map((f) => f.id);
    for (const factor of expected.topFactors) expect(top5, `factor ${factor}`).toContain(factor);
  });

  it('has the expected plan sections', () => {
    const ids = sectionIds();
    for (const s of expected.sections) expect(ids, `section ${s}`).toContain(s);
    for (const s of expected.noSections ?? []) expect(ids, `section ${s}`).not.toContain(s);
  });

  it('shapes the plan for its level', () => {
    const plan = result.plan;
    if (expected.level === 'emergency' || expected.level === 'urgent') {
      expect(plan.mode).toBe('safety-only');
      expect(sectionIds()).toEqual(['now', 'seek-help']);
      expect(items().filter((i) => i.type === 'exercise')).toEqual([]);
      expect(plan.schedule).toBeUndefined();
      // "What to do now" lists exactly the reasons at the result's level.
      const atLevel = result.triage.reasons.filter((r) => r.level === expected.level).map((r) => r.rule);
      expect(atLevel.length).toBeGreaterThan(0);
      expect(plan.sections[0]?.items.map((i) => i.id)).toEqual(atLevel);
    } else if (expected.level === 'clinician') {
      expect(plan.mode).toBe('gentle');
      expect(plan.sections[0]?.id).toBe('now');
      expect(plan.sections[0]?.items.length).toBeGreaterThan(0);
      const used = [
        ...items().map((i) => i.id),
        ...items().flatMap((i) => i.exercises ?? []),
        ...(plan.schedule ?? []).flatMap((d) => d.items),
      ];
      expect(used.filter((id) => strengthIds.has(id))).toEqual([]);
    } else {
      expect(plan.mode).toBe('full');
      const exerciseItems = plan.sections.find((s) => s.id === 'strength-mobility')?.items ?? [];
      expect(exerciseItems.filter((i) => i.type === 'exercise').length).toBeGreaterThan(0);
    }
  });

  it('cites every plan item and backs every factor with evidence', () => {
    for (const item of items()) expect(item.sources.length, `item ${item.id}`).toBeGreaterThanOrEqual(1);
    for (const factor of result.factors) {
      expect(factor.evidence.length, `factor ${factor.id}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('always carries the safety net', () => {
    expect(result.triage.safetyNet.emergency.length).toBeGreaterThan(0);
    expect(sectionIds()).toContain('seek-help');
  });
});

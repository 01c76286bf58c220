/**
 * `backstride assess` readable output leads with what to do, in the web result's order: the level and
 * why, three things to do today, the top three factors with one line each, the check-back date; then
 * when to seek help. `--full` prints everything, as before; `--json` is the same document either way; an
 * emergency is always printed whole.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './in-process-cli.js';

const fixture = (name: string) => join('tests/fixtures/triage-cases', `${name}.json`);
/** Each run on its own data folder, unsaved, so no "what changed" depends on the order of the tests. */
const assess = (name: string, ...flags: string[]) =>
  runCli([
    'assess',
    '--answers',
    fixture(name),
    '--no-save',
    ...flags,
    '--data-dir',
    mkdtempSync(join(tmpdir(), 'backstride-summary-')),
  ]);

/** The text with its wrapping undone. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Where each line is found, in order; -1 when it is missing. */
const positions = (text: string, lines: (string | RegExp)[]) => {
  const all = text.split('\n');
  return lines.map((l) => all.findIndex((x) => (typeof l === 'string' ? x.startsWith(l) : l.test(x))));
};

describe('assess, readable', () => {
  it('leads a self-care result with the level and why, three things today, three factors and the date', async () => {
    const r = await assess('sc-desk-worker-upper-back');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('SELF-CARE: THIS LOOKS SAFE TO MANAGE YOURSELF, WITH THE PLAN BELOW.');
    expect(lines[1]).toMatch(/^None of the warning signs in the safety questions applies to you, and it/);
    const at = positions(r.stdout, [
      'Three things to do today',
      '  1. Rest from what sets it off',
      /^ {2}2\. /,
      /^ {2}3\. /,
      'Top likely contributing factors',
      '  1. Long hours of slouched sitting',
      '     You sit about 10 hours a day.',
      /^ {2}3\. /,
      '  and 3 more factors (--full)',
      'Check back on ',
      'When to seek help',
      '  - Call emergency services if chest pain',
    ]);
    expect(at.every((i) => i > 0)).toBe(true);
    // In that order (the factors' "3." is the second one).
    const inOrder = [at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[8], at[9], at[10], at[11]];
    expect([...inOrder].sort((a = 0, b = 0) => a - b)).toEqual(inOrder);
    // Not the rest: no plan sections, no week, no sources, and how to get them.
    for (const heading of [
      'Relief now',
      'On your next run',
      'Your week',
      'Sources',
      'Likely contributing factors',
    ])
      expect(lines).not.toContain(heading);
    expect(flat(r.stdout)).toMatch(/run the same command with --full --no-save/);
    expect(lines.length).toBeLessThan(60);
  });

  it('prints everything with --full, as before', async () => {
    const r = await assess('sc-desk-worker-upper-back', '--full');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^SELF-CARE/);
    for (const heading of [
      'Why self-care is reasonable',
      'Likely contributing factors',
      'Relief now',
      'On your next run',
      'Strength and mobility',
      'When to seek help',
      'Sources',
    ])
      expect(lines).toContain(heading);
    // Every factor with all its evidence.
    expect(r.stdout).toContain('You say you often slouch when sitting.');
    expect(r.stdout).not.toContain('Three things to do today');
    expect(lines.length).toBeGreaterThan(120);
  });

  it('keeps --json one and the same document, with or without --full', async () => {
    const plain = await assess('sc-desk-worker-upper-back', '--json');
    const full = await assess('sc-desk-worker-upper-back', '--json', '--full');
    expect(plain.code).toBe(0);
    const doc = JSON.parse(plain.stdout);
    expect(JSON.parse(full.stdout)).toEqual(doc);
    expect(Object.keys(doc)).not.toContain('id');
    expect(doc.triage.level).toBe('self-care');
  });

  it('puts a clinician result’s booking, reasons and what to watch for before what to do today', async () => {
    const r = await assess('cl-night-pain-alone');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('BOOK AN APPOINTMENT WITH A PHYSICAL THERAPIST OR DOCTOR.');
    expect(lines[1]).toBe('Why: night pain that stops sleep.');
    // The red flag's own words, with what to do if it changes, are never held back.
    expect(flat(r.stdout)).toContain(
      'Get seen the same day if you also lose weight, run a fever, or feel unwell.',
    );
    const at = positions(r.stdout, [
      'Why',
      'Three things to do today',
      '  1. Book within the next week or two',
      'Top likely contributing factors',
      'When to seek help',
    ]);
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.stdout).not.toContain('Check back on');
  });

  it('prints an emergency whole, without --full: the care message first and nothing held back', async () => {
    const r = await assess('em-saddle-numbness');
    expect(r.stdout.split('\n')[0]).toMatch(/^ ?EMERGENCY: CALL EMERGENCY SERVICES NOW/);
    expect(r.stdout).toContain('When to seek help');
    expect(r.stdout).toContain('Sources');
    expect(r.stdout).not.toContain('Three things to do today');
    expect(r.stdout).not.toContain('--full');
    expect(r.stdout).toBe((await assess('em-saddle-numbness', '--full')).stdout);
  });

  it('keeps the unanswered safety questions in view when the screen was half answered', async () => {
    const r = await assess('cl-screen-half-answered');
    const lines = r.stdout.split('\n');
    const note = lines.findIndex((l) =>
      /safety questions were not answered and not assumed to be "no"/.test(l),
    );
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(lines.indexOf('Three things to do today'));
    expect(r.stdout).toContain('  - High temperature, chills or shivering.');
  });
});

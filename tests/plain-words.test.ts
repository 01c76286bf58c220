/**
 * Words a person reads carry no internal ids: the readable `assess` (short and full), `plan`, `kb show`, the
 * clinician report and the calendar file are scanned for every id the knowledge base and the answers
 * schema define (factors, exercises, routines, sources, regions, timings…). An id in a JSON document or a
 * link target is fine; in text it is a defect. Runs the CLI in this process (tests/in-process-cli.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as choices from '../src/answers/choices.js';
import * as schema from '../src/answers/schema.js';
import { knowledge } from '../src/knowledge/index.js';
import { runCli } from './in-process-cli.js';

const answersFile = new URL('./fixtures/triage-cases/sc-desk-worker-upper-back.json', import.meta.url)
  .pathname;

/** Every hyphenated id a person must never read: single words ("running") are ordinary words. */
function ids(): string[] {
  const out = new Set<string>();
  const kb = knowledge() as unknown as Record<string, unknown>;
  for (const items of Object.values(kb)) {
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const id = (item as { id?: unknown }).id;
      if (typeof id === 'string' && id.includes('-')) out.add(id);
    }
  }
  // Every choice's value and every enum of the answers schema (regions, timings, qualities…).
  for (const list of Object.values(choices)) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const value = (c as { value?: unknown }).value;
      if (typeof value === 'string' && value.includes('-')) out.add(value);
    }
  }
  for (const e of Object.values(schema)) {
    const options = (e as { options?: unknown }).options;
    if (Array.isArray(options))
      for (const id of options) if (typeof id === 'string' && id.includes('-')) out.add(id);
  }
  return [...out];
}

/** Text as a person reads it: HTML without its tags, attribute values (links, ids, classes) dropped. */
const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');

/**
 * Region ids that are also English compound adjectives ("an exaggerated lower-back curve"): flagged only
 * when they stand alone, as an id would ("Regions: lower-back, neck"), not before the noun they describe.
 */
const COMPOUNDS = new Set(['lower-back', 'upper-back', 'mid-back']);

/** The ids found in `text`, each as a whole token (not inside a longer word or a path). */
function idsIn(text: string, all: string[]): string[] {
  return all.filter((id) =>
    new RegExp(`(?<![\\w/.:-])${id}(?![\\w-])${COMPOUNDS.has(id) ? '(?! [a-z])' : ''}`).test(text),
  );
}

describe('no internal ids in what people read', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-plain-words-'));
  const all = ids();
  const outputs: Record<string, string> = {};

  it('collects the outputs', async () => {
    const cli = async (args: string[]) => {
      const r = await runCli([...args, '--data-dir', dataDir]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    expect(all.length).toBeGreaterThan(100);
    outputs.assess = await cli(['assess', '--answers', answersFile]);
    outputs['assess --full'] = await cli(['assess', '--answers', answersFile, '--full']);
    outputs.plan = await cli(['plan']);
    for (const id of ['slouched-sitting', 'foam-roller-thoracic-extension', 'upper-body-warm-up']) {
      outputs[`kb show ${id}`] = await cli(['kb', 'show', id]);
    }
    await cli(['report', '--out', join(dataDir, 'report.html')]);
    outputs.report = visibleText(readFileSync(join(dataDir, 'report.html'), 'utf8'));
    await cli(['plan', '--ics', join(dataDir, 'plan.ics')]);
    outputs.calendar = readFileSync(join(dataDir, 'plan.ics'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => /^(SUMMARY|DESCRIPTION|LOCATION)/.test(l))
      .join('\n');
  });

  for (const name of [
    'assess',
    'assess --full',
    'plan',
    'kb show slouched-sitting',
    'kb show foam-roller-thoracic-extension',
    'kb show upper-body-warm-up',
    'report',
    'calendar',
  ]) {
    it(`${name} shows no id`, () => {
      const text = outputs[name];
      expect(text, 'the output was collected').toBeTruthy();
      expect(idsIn(text ?? '', all)).toEqual([]);
    });
  }
});

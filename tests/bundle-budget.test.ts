/**
 * The web app's bundle budget (issue 11): the JavaScript a first visit loads (the entry script and what it
 * preloads) stays under 60 KB gzipped, and the heavy parts (the session player, the figure renderer, the
 * form check and its pose model) load on demand only. Reads the build in dist/web, which `npm test` makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const WEB = new URL('../dist/web/', import.meta.url).pathname;
const BUDGET_KB = 60;

/** The scripts a first visit loads: the entry and its module preloads, as index.html names them. */
function firstLoad(): string[] {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
}

describe('the bundle budget', () => {
  it('keeps first-load JavaScript under 60 KB gzipped', () => {
    expect(existsSync(join(WEB, 'index.html')), 'build the web app first (npm run build)').toBe(true);
    const files = firstLoad();
    expect(files.length).toBeGreaterThan(0);
    const gz = files.reduce((s, f) => s + gzipSync(readFileSync(join(WEB, f)), { level: 9 }).byteLength, 0);
    console.log(`first-load JS: ${(gz / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(gz / 1024).toBeLessThan(BUDGET_KB);
  });

  it('loads the session player, the figures, the form check and the pose model on demand only', () => {
    const first = firstLoad().join(' ');
    for (const lazy of ['session', 'exercise-figure', 'form']) {
      expect(first).not.toMatch(new RegExp(`assets/${lazy}-`));
      // …and the chunk does exist, so the name is right.
      expect(
        readdirSync(join(WEB, 'assets')).some((f) => f.startsWith(`${lazy}-`) && f.endsWith('.js')),
      ).toBe(true);
    }
    expect(first).not.toMatch(/tfjs|pose|movenet/i);
  });
});

/**
 * The precache list the build gives the service worker: every file the build wrote (index.html as `/`),
 * not the worker itself nor source maps, and a version that changes when any file does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precacheManifest } from './vite-plugin.js';

const dir = mkdtempSync(join(tmpdir(), 'backstride-precache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the precache list', () => {
  it('lists the built files and changes its version with their contents', () => {
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'icons'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets/index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets/index-abc.js.map'), '{}');
    writeFileSync(join(dir, 'icons/icon-192.png'), 'png');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'sw.js'), 'old worker');
    const first = precacheManifest(dir);
    expect(first.urls).toEqual(['/', '/assets/index-abc.js', '/icons/icon-192.png', '/manifest.webmanifest']);
    expect(first.version).toMatch(/^[0-9a-f]{12}$/);

    // The worker itself is not part of the version: rewriting it changes nothing.
    writeFileSync(join(dir, 'sw.js'), 'new worker');
    expect(precacheManifest(dir).version).toBe(first.version);
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Backstride"}');
    expect(precacheManifest(dir).version).not.toBe(first.version);
  });
});

/**
 * The build step for the service worker: once Vite has written the app, list every file it wrote (the
 * hashed scripts and styles, the icons, the manifest; index.html as `/`), derive a version from their
 * contents, and bundle worker.ts with both into `sw.js` at the root, so its scope is the whole app and
 * every build that changes a file makes a new cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { POSE_ASSET_PREFIX } from '../pose-assets/vite-plugin.js';

export const WORKER_FILE = 'sw.js';
const ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** The URLs to precache and the build's version, from the written files of `outDir`. */
export function precacheManifest(outDir: string): { urls: string[]; version: string } {
  const hash = createHash('sha256');
  const urls: string[] = [];
  for (const file of filesUnder(outDir).sort()) {
    const url = `/${relative(outDir, file).split(sep).join('/')}`;
    // The pose model and its WebAssembly (5 MB) load when the form page needs them, not on install.
    if (url === `/${WORKER_FILE}` || url.endsWith('.map') || url.startsWith(POSE_ASSET_PREFIX)) continue;
    urls.push(url === '/index.html' ? '/' : url);
    hash.update(url).update(readFileSync(file));
  }
  return { urls: urls.sort(), version: hash.digest('hex').slice(0, 12) };
}

/** Vite plugin: writes `sw.js` after the build (not in `vite dev`, which registers no worker). */
export function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'backstride-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const { urls, version } = precacheManifest(outDir);
      const result = await build({
        entryPoints: [ENTRY],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        define: {
          __BACKSTRIDE_VERSION__: JSON.stringify(version),
          __BACKSTRIDE_PRECACHE__: JSON.stringify(urls),
        },
        logLevel: 'warning',
      });
      const code = result.outputFiles[0]?.text;
      if (!code) throw new Error('the service worker bundle came out empty');
      writeFileSync(join(outDir, WORKER_FILE), code);
      this.info?.(`service worker: ${urls.length} files, version ${version}`);
    },
  };
}

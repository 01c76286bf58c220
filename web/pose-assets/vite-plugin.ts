/**
 * The pose model's files as static assets of our own build, so nothing is fetched from a CDN: MoveNet
 * Lightning's weights from `@vladmandic/human/models/` and the tfjs WebAssembly binaries from
 * `@tensorflow/tfjs-backend-wasm/dist/`, copied at build time into `assets/pose-<hash>/` (a folder named by
 * their contents, so the server may cache them for ever; the service worker leaves them out of its
 * precache). The app reads the folder's URL from `virtual:pose-assets`; `vite dev` serves the same files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:pose-assets';
const RESOLVED = `\0${VIRTUAL}`;
/** Everything under this prefix is fetched on demand, never precached by the service worker. */
export const POSE_ASSET_PREFIX = '/assets/pose-';

/** The files to ship, by absolute path. The threaded wasm needs cross-origin isolation, which we lack. */
export function poseAssetFiles(): string[] {
  const require = createRequire(import.meta.url);
  // Both main entries sit in the package's dist/ (human's exports map hides its package.json).
  const human = join(dirname(require.resolve('@vladmandic/human')), '..');
  const wasm = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..');
  return [
    join(human, 'models/movenet-lightning.json'),
    join(human, 'models/movenet-lightning.bin'),
    join(wasm, 'dist/tfjs-backend-wasm.wasm'),
    join(wasm, 'dist/tfjs-backend-wasm-simd.wasm'),
  ];
}

/** The folder URL for a set of files: `/assets/pose-<12 hex of their contents>/`. */
export function poseAssetBase(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(basename(file)).update(readFileSync(file));
  return `${POSE_ASSET_PREFIX}${hash.digest('hex').slice(0, 12)}/`;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** Vite plugin: emits the files and answers `import { POSE_ASSETS } from 'virtual:pose-assets'`. */
export function poseAssets(): Plugin {
  const files = poseAssetFiles();
  const base = poseAssetBase(files);
  return {
    name: 'backstride-pose-assets',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const POSE_ASSETS = ${JSON.stringify(base)};` : undefined),
    generateBundle() {
      for (const file of files) {
        this.emitFile({
          type: 'asset',
          fileName: `${base.slice(1)}${basename(file)}`,
          source: readFileSync(file),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const file = url.startsWith(base)
          ? files.find((f) => basename(f) === url.slice(base.length))
          : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}

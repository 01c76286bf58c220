/**
 * The built web app from `dist/web/`: its files, and index.html for any other page path so the app's
 * own router can take it (a reload on /runs/123 still works). Without a build, `/` says how to make one.
 * Files are read on request (they are few and small) and never from outside the folder.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/**
 * `dist/web` of this checkout: the same two folders up from src/server (tests), dist/server (tsc) and
 * dist/bundle (the CLI's bundle).
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // WebAssembly.instantiateStreaming needs its own type (the pose model's runtime).
  '.wasm': 'application/wasm',
};

/** Shown at `/` when the web app has not been built. No styles or scripts, so the strict CSP holds. */
const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Backstride</title></head>
<body>
<h1>Backstride</h1>
<p>The web app is not built yet. Run <code>npm run build</code> in the Backstride folder, then reload this page.</p>
<p>The JSON API works already: see <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;

/** A path under `root`, or undefined when the request tries to leave it or is not a plain path. */
function resolveUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const path = normalize(join(root, decoded));
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}

async function fileResponse(c: Context, path: string, immutable: boolean): Promise<Response> {
  const body = await readFile(path);
  return c.body(body, 200, {
    'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    // Vite names assets by content hash, so they never change; index.html must always be fresh.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

/**
 * A GET handler for everything outside /api: a file of the built app, else index.html for page paths
 * (no file extension), else 404.
 */
export function webApp(root: string) {
  return async (c: Context): Promise<Response> => {
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) {
      return c.req.path === '/' || c.req.path === '/index.html'
        ? c.html(NOT_BUILT, 200, { 'Cache-Control': 'no-cache' })
        : c.text('Not found', 404);
    }
    const path = resolveUnder(root, c.req.path);
    if (path) {
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) return fileResponse(c, path, c.req.path.startsWith('/assets/'));
    }
    // A missing file with an extension is a real 404; a page path belongs to the app's router.
    if (extname(c.req.path) !== '') return c.text('Not found', 404);
    return fileResponse(c, indexFile, false);
  };
}

/**
 * A server without a port, for tests and scripts: the app over a fresh store in a temporary data folder
 * (the real embedded SQLite), and a small client that calls it through `app.request()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { type AppOptions, createApp } from './app.js';
import { ImportJobs } from './imports.js';
import { StoreRef } from './store-ref.js';

/** A response read once: status, headers, the body as text and, when it parses, as JSON. */
export type Reply = {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whichever fields they check
  json: any;
};

/** The app over a temporary store, and ways to call it. */
export type Harness = {
  app: Hono;
  store: StoreRef;
  imports: ImportJobs;
  dataDir: string;
  /** Call the app; a `body` that is not a string or FormData is sent as JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Close the store and delete the data folder. */
  close(): Promise<void>;
};

/** Read a response fully. */
export async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * A fresh app over an empty store in a temporary folder.
 * @example const h = await harness(); const r = await h.call('GET', '/api/health'); await h.close();
 */
export async function harness(
  options: Partial<Omit<AppOptions, 'store' | 'imports'>> = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-server-'));
  const store = await StoreRef.open({ dataDir });
  // Decode in this process: the tests run from sources, where the worker script is not built.
  const imports = new ImportJobs(store, { workers: 0 });
  const app = createApp({ store, imports, uploadDir: dataDir, ...options });
  return {
    app,
    store,
    imports,
    dataDir,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        if (typeof body === 'string' || body instanceof FormData) init.body = body;
        else {
          init.body = JSON.stringify(body);
          (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
        }
      }
      return reply(await app.request(`http://localhost${path}`, init));
    },
    async close() {
      await imports.settled();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The HTTP app: the JSON API under /api and the built web app beside it, over one open store. Errors
 * become statuses here and only here (`onError`); no response ever carries a stack trace or an internal
 * message, and nothing about a request's content is logged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isBackstrideError } from '../errors.js';
import { sweepTemp, tempRootOfStore } from '../import/temp.js';
import { BACKUP_DOCUMENT_BYTES, formatBytes, JSON_DOCUMENT_BYTES, tooLargeMessage } from '../limits.js';
import { REPORT_CSS } from '../report/index.js';
import { privateSqliteFiles } from '../services/data.js';
import type { Limits, ServerContext } from './context.js';
import { errorBody } from './http.js';
import { ImportJobs } from './imports.js';
import { PayloadTooLargeError } from './multipart.js';
import { openApiDocument } from './openapi.js';
import { analysisRoutes } from './routes/analysis.js';
import { assessRoutes } from './routes/assess.js';
import { checkBackRoutes } from './routes/check-back.js';
import { dataRoutes } from './routes/data.js';
import { diaryRoutes } from './routes/diary.js';
import { formRoutes } from './routes/form.js';
import { knowledgeRoutes } from './routes/knowledge.js';
import { planRoutes } from './routes/plan.js';
import { runRoutes } from './routes/runs.js';
import { DEFAULT_WEB_ROOT, webApp } from './static.js';
import type { StoreRef } from './store-ref.js';

const MiB = 1024 * 1024;

/** The built pose worker (web/src/form/pose-worker.ts) and its policy: our own files, and WebAssembly. */
const POSE_WORKER = /^\/assets\/pose-worker-[\w-]+\.js$/;
const POSE_WORKER_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

/** The default limits: JSON bodies are small; a backup carries samples; an upload may be a decade. */
export const DEFAULT_LIMITS: Limits = {
  jsonBytes: JSON_DOCUMENT_BYTES,
  // A backup is parsed as one string, and V8 strings stop at about 512 MiB.
  backupBytes: BACKUP_DOCUMENT_BYTES,
  uploadBytes: 2048 * MiB,
};

/** Options for {@link createApp}. */
export type AppOptions = {
  /** The open store (see StoreRef.open). */
  store: StoreRef;
  /** Background imports; made for the store when not given (the server passes its own to wait on them). */
  imports?: ImportJobs;
  limits?: Partial<Limits>;
  /** The built web app (default: dist/web of this checkout). */
  webRoot?: string;
  /**
   * Host names the app answers to, against DNS rebinding (a page on evil.example resolving to
   * 127.0.0.1). Default: localhost, 127.0.0.1 and [::1]; `'any'` when listening on every interface.
   */
  allowedHosts?: string[] | 'any';
  /** Called with one line per request (method, path, status, time) when verbose; never given bodies. */
  log?: (line: string) => void;
  /** Called with an unexpected error (a bug) before the 500 is sent; nothing of it goes to the client. */
  onInternalError?: (error: unknown) => void;
  /** The clock (tests pin it). */
  now?: () => Date;
  /**
   * The private folder where uploads are written before import, each in a folder of its own (0700,
   * files 0600). Default: `tmp` in the data folder; with PostgreSQL, in the per-user data folder (see
   * import/temp.ts). Never the system's temporary folder: leftovers of a crash must be found again.
   */
  uploadDir?: string;
  version?: string;
  /** The country for care routes when a check-in does not send one (ISO 3166-1 alpha-2). */
  country?: string;
};

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  'bad-input': 400,
  usage: 400,
  'not-found': 404,
  conflict: 409,
  cancelled: 500,
};

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export { formatBytes };

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

const tooLarge = (limit: number) => (c: Context) =>
  c.json(errorBody('too-large', tooLargeMessage('the body', limit)), 413);

/**
 * Text safe for one log line: control characters, separators and anything not printable (a decoded
 * `%0a` or `%1b` in a path) become `\xNN` or `\u{…}`, and a backslash is doubled, so a request cannot
 * write a fake log line or move the terminal's cursor.
 * @example printable('/api/x\nFAKE') // '/api/x\\x0aFAKE'
 */
export function printable(text: string): string {
  return text.replace(/[\\\p{C}\p{Z}]/gu, (ch) => {
    if (ch === ' ') return ch;
    if (ch === '\\') return '\\\\';
    const code = ch.codePointAt(0) as number;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * The Hono app for the API and the web app. Tests drive it with `app.request()`, no server needed.
 * @example const app = createApp({ store: await StoreRef.open({ dataDir }) }); await app.request('/api/health');
 */
export function createApp(options: AppOptions): Hono {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx: ServerContext = {
    store: options.store,
    imports: options.imports ?? new ImportJobs(options.store),
    limits,
    now: options.now ?? (() => new Date()),
    version: options.version ?? packageVersion(),
    uploadDir: async () => options.uploadDir ?? tempRootOfStore(await options.store.get()),
    country: options.country,
  };
  const app = new Hono();
  const log = options.log;

  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      // Method, path and status only: a query or a body may hold health data.
      log(
        `${printable(c.req.method)} ${printable(c.req.path)} ${c.res.status} ${(performance.now() - started).toFixed(0)} ms`,
      );
    });
  }

  const allowed = options.allowedHosts ?? ['localhost', '127.0.0.1', '[::1]'];
  if (allowed !== 'any') {
    const hosts = new Set(allowed.map((h) => h.toLowerCase()));
    app.use(async (c, next) => {
      if (!hosts.has(new URL(c.req.url).hostname.toLowerCase())) {
        return c.json(errorBody('forbidden', 'this server answers on localhost only'), 403);
      }
      return next();
    });
  }

  // The pose model runs in a worker that compiles WebAssembly (tfjs-backend-wasm). A worker follows its own
  // script's policy, so only that script may compile WebAssembly; pages keep the strict policy below.
  // Registered before secureHeaders so that it runs after it.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (POSE_WORKER.test(c.req.path)) c.header('Content-Security-Policy', POSE_WORKER_CSP);
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The clinician report opens in the tab: its one inline stylesheet is allowed by hash, no other.
        styleSrc: ["'self'", `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`],
        imgSrc: ["'self'", 'data:'],
        // The form check plays the runner's clip from a blob: URL on the page (it is never uploaded).
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // Plain HTTP on localhost: a Strict-Transport-Security header would be ignored or, worse, stick.
      strictTransportSecurity: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );

  app.use('/api/*', async (c, next) => {
    await next();
    // Health data must not sit in a browser's or proxy's cache.
    c.header('Cache-Control', 'no-store');
  });

  // Requests that change data must come from this origin. Browsers send Origin and Sec-Fetch-Site on
  // cross-site requests; a request with neither is not a browser's (curl, a script) and not a CSRF risk.
  app.use('/api/*', async (c, next) => {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (
      (site && site !== 'same-origin' && site !== 'none') ||
      (origin && origin !== new URL(c.req.url).origin)
    ) {
      return c.json(errorBody('forbidden', 'requests from other sites are not accepted'), 403);
    }
    return next();
  });

  const jsonLimit = bodyLimit({ maxSize: limits.jsonBytes, onError: tooLarge(limits.jsonBytes) });
  const backupLimit = bodyLimit({ maxSize: limits.backupBytes, onError: tooLarge(limits.backupBytes) });
  app.use('/api/*', (c, next) => {
    // Uploads are streamed to disk and counted there (body-limit would buffer a chunked upload).
    if (c.req.path === '/api/imports') return next();
    return (c.req.path === '/api/backup' ? backupLimit : jsonLimit)(c, next);
  });

  // Deleting everything deletes the temporary files too: what a crash left behind, and this server's own
  // but for uploads being received or imported now (the route refuses while an import runs, but one may
  // arrive meanwhile). A recreated database is made private again.
  app.use('/api/data', async (c, next) => {
    await next();
    if (c.req.method !== 'DELETE' || c.res.status !== 200) return;
    sweepTemp(await ctx.uploadDir(), { ownToo: true, keep: ctx.imports.folders });
    const store = await ctx.store.get();
    if (store.engine === 'sqlite') privateSqliteFiles(dirname(store.location));
  });

  app.get('/api/health', (c) => c.json({ ok: true, version: ctx.version }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(ctx.version)));
  for (const group of [
    knowledgeRoutes,
    assessRoutes,
    checkBackRoutes,
    runRoutes,
    diaryRoutes,
    analysisRoutes,
    planRoutes,
    formRoutes,
    dataRoutes,
  ]) {
    group(app, ctx);
  }

  // The web app: compressed (its bundle's size over the wire is what a phone waits for).
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : compress()(c, next)));
  const web = webApp(options.webRoot ?? DEFAULT_WEB_ROOT);
  app.get('*', (c) => (isApi(c.req.path) ? c.notFound() : web(c)));

  app.notFound((c) =>
    isApi(c.req.path)
      ? c.json(errorBody('not-found', `no such API route: ${c.req.method} ${c.req.path}`), 404)
      : c.text('Not found', 404),
  );

  app.onError((error, c) => {
    if (isBackstrideError(error)) {
      const status = STATUS[error.code];
      if (status !== 500) {
        const code = error.code === 'usage' ? 'bad-input' : error.code;
        return c.json(errorBody(code, error.message, error.field), status);
      }
    }
    if (error instanceof PayloadTooLargeError) return tooLarge(error.limitBytes)(c);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own checks (a malformed request): the status, without its internal wording.
      return c.json(errorBody('bad-input', 'the request is not valid'), error.status);
    }
    options.onInternalError?.(error);
    return c.json(errorBody('internal', 'internal error'), 500);
  });

  return app;
}

/**
 * The server's public face: `createApp` (the Hono app, for tests and embedding) and `startServer` (the
 * app on a real port over one open store, as `backstride serve` runs it, with a clean stop).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ensurePrivateDataDir } from '../cli/data-dir.js';
import { usage } from '../errors.js';
import { sweepLegacyTemp, sweepTemp, tempRootFor } from '../import/temp.js';
import type { StoreOptions } from '../store/index.js';
import { type AppOptions, createApp } from './app.js';
import { ImportJobs } from './imports.js';
import { StoreRef } from './store-ref.js';

export { type AppOptions, createApp, DEFAULT_LIMITS, formatBytes } from './app.js';
export { ImportJobs } from './imports.js';
export { StoreRef } from './store-ref.js';

/** Options for {@link startServer}. */
export type ServerOptions = {
  where: StoreOptions;
  /** Interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Port (default 4640); 0 picks a free one. */
  port?: number;
} & Omit<AppOptions, 'store' | 'imports' | 'allowedHosts'>;

/** A running server. */
export type RunningServer = {
  /** `http://HOST:PORT/` with the port actually bound. */
  url: string;
  port: number;
  /** Stop accepting, finish or drop open requests, let a running import stop, close the store. */
  close(): Promise<void>;
};

/** Hosts that mean "every interface": the Host header cannot be checked against them. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** How long open requests get to finish when the server stops. */
const DRAIN_MS = 3000;

/**
 * Open the store, listen, and resolve once the server answers. What it writes is private whatever the
 * umask: the data folder 0700 and its files 0600 (as the CLI makes them), uploads in 0700 folders of
 * the data folder's `tmp` (see import/temp.ts). Leftovers a crashed server or import left there are
 * deleted first.
 * @throws a usage error when the port is taken or the host cannot be bound
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const where = options.where;
  const quiet = () => {};
  // Created private before the database is; the database's own files are made private once it exists.
  if ('dataDir' in where) ensurePrivateDataDir(where.dataDir, quiet);
  const store = await StoreRef.open(where);
  if ('dataDir' in where) ensurePrivateDataDir(where.dataDir, quiet);
  const uploadDir = options.uploadDir ?? tempRootFor(where);
  sweepTemp(uploadDir);
  sweepLegacyTemp();
  const imports = new ImportJobs(store);
  const bare = host.replace(/^\[|\]$/g, '');
  const app = createApp({
    ...options,
    store,
    imports,
    uploadDir,
    allowedHosts: WILDCARD_HOSTS.has(host)
      ? 'any'
      : [...new Set(['localhost', '127.0.0.1', '[::1]', bare.includes(':') ? `[${bare}]` : bare])],
  });
  const server = serve({ fetch: app.fetch, hostname: bare, port: options.port ?? 4640 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw usage(
      code === 'EADDRINUSE'
        ? `port ${options.port ?? 4640} is in use: choose another with --port`
        : `cannot listen on ${host}: ${code ?? (error as Error).message}`,
    );
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = bare.includes(':') ? `[${bare}]` : bare;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
          // Requests still open after the grace period are cut: stopping must not hang.
          setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, DRAIN_MS).unref();
        });
        // A running import fails at its next write once the store is closed; each file is its own
        // transaction, so nothing half-written is left.
        await store.close();
        await imports.settled();
      })();
      return closing;
    },
  };
}

/**
 * What every route module gets: the store, the background imports, the limits and the clock. Routes
 * register full paths on the app, so `app.routes` lists exactly what the OpenAPI document must describe.
 */
import type { Hono } from 'hono';
import type { ImportJobs } from './imports.js';
import type { StoreRef } from './store-ref.js';

/** Limits on request bodies, in bytes. */
export type Limits = {
  /** Any JSON body but a backup. */
  jsonBytes: number;
  /** A backup to restore (JSON, samples included). */
  backupBytes: number;
  /** One upload to `POST /api/imports`, all files together. */
  uploadBytes: number;
};

/** Shared by the route modules. */
export type ServerContext = {
  store: StoreRef;
  imports: ImportJobs;
  limits: Limits;
  /** The server's clock; tests pin it. */
  now: () => Date;
  version: string;
  /**
   * The private folder in which each upload gets a folder of its own before it is imported (the data
   * folder's `tmp` unless the app was given another).
   */
  uploadDir: () => Promise<string>;
  /** The default country for care routes (`serve --country`), when a check-in sends none. */
  country?: string;
};

/** A function that adds one group of routes to the app. */
export type RouteGroup = (app: Hono, ctx: ServerContext) => void;

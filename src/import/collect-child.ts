/**
 * Collecting in a child process: the worker script, started in its collecting role, opens the zips of one
 * import and inflates their entries to private temporary files (under the caps of sources.ts), then sends
 * back the list of what it found. The server collects this way, so that a zip bomb costs its own event
 * loop and memory nothing; only the list (names, sizes, paths, Strava entries, refusals) comes back.
 */
import { fork } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { badInput } from '../errors.js';
import { workerScript } from './pool.js';
import {
  type Collected,
  type CollectOptions,
  collect,
  opensArchives,
  type Rejected,
  type ZipLimits,
} from './sources.js';
import type { StravaEntry } from './strava.js';
import { sweepTemp } from './temp.js';

/** What the collecting process is sent: once, then it exits. */
export type CollectRequest = { paths: string[]; tempRoot: string; limits?: ZipLimits };

/** What it answers: the files found (each on disk), or why collecting failed. */
export type CollectReply =
  | {
      items: { name: string; size: number; path: string; strava?: StravaEntry }[];
      manual: Collected['manual'];
      rejected: Rejected[];
      exports: Collected['exports'];
      tempDir?: string;
      error?: undefined;
    }
  | { error: { message: string; field?: string; internal?: boolean } };

/** Why every input failed when the collecting process died (killed for memory, or by a signal). */
export const COLLECTOR_STOPPED = 'the process opening the archives stopped unexpectedly';

/** Paths with nothing to inflate (plain files) are collected here: that only reads their first bytes. */
export async function collectIsolated(paths: string[], options: CollectOptions): Promise<Collected> {
  if (!opensArchives(paths)) return collect(paths, options);
  const script = workerScript({ fromSources: true });
  if (!script) throw new Error('the import worker script is missing (run `npm run build`)');
  const reply = await new Promise<CollectReply | { stopped: string }>((resolve) => {
    let settled = false;
    const settle = (value: CollectReply | { stopped: string }) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const child = fork(script.file, ['collect'], {
      execArgv: script.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (message: CollectReply) => settle(message));
    // Settled once it has exited (a sweep then finds its copies), or at once if it never started.
    let why: string | undefined;
    const fail = (error: Error) => {
      why ??= error.message;
      if (child.pid === undefined) settle({ stopped: why });
      else child.kill('SIGKILL');
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => settle({ stopped: why ?? signal ?? `exit code ${code}` }));
    const request: CollectRequest = { paths, tempRoot: options.tempRoot };
    if (options.limits) request.limits = options.limits;
    child.send(request, (error) => {
      if (error) fail(error);
    });
  });

  if ('stopped' in reply) {
    // Its copies are named after it, and it is not running any more: a sweep finds them.
    sweepTemp(options.tempRoot);
    const rejected: Rejected[] = paths.map((name) => ({
      name,
      kind: 'failed',
      reason: `${COLLECTOR_STOPPED} (${reply.stopped})`,
      size: sizeOf(name),
    }));
    return { items: [], manual: [], rejected, exports: [], cleanup: () => {} };
  }
  if (reply.error) {
    if (reply.error.internal) throw new Error(`collecting failed: ${reply.error.message}`);
    throw badInput(reply.error.message, reply.error.field);
  }
  const collected: Collected = {
    items: reply.items.map(({ name, size, path, strava }) => ({
      name,
      size,
      path,
      read: () => readFileSync(path),
      ...(strava ? { strava } : {}),
    })),
    manual: reply.manual,
    rejected: reply.rejected,
    exports: reply.exports,
    cleanup: () => {},
  };
  // The child names its folder; only one inside the root given is ever deleted.
  if (reply.tempDir?.startsWith(join(options.tempRoot, sep))) collected.tempDir = reply.tempDir;
  collected.cleanup = () => {
    if (collected.tempDir !== undefined) rmSync(collected.tempDir, { recursive: true, force: true });
    delete collected.tempDir;
  };
  return collected;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

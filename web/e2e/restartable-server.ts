/**
 * The real `backstride serve` that a test can stop and start again on the same port and data folder,
 * as a runner does when they close the terminal: the browser's service worker (tied to the origin,
 * so to the port) then has to carry the app until it is back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, realServeAvailable, type TestServer } from './helpers.js';

export type RestartableServer = TestServer & {
  /** Stop the server (the data folder stays). */
  stop(): Promise<void>;
  /** Start it again on the same port and data folder. */
  start(): Promise<void>;
};

function spawnServe(port: number, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/backstride'),
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, env: { ...process.env, BACKSTRIDE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`backstride serve did not print its URL: ${out}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(https?:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace(/\/$/, '') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backstride serve exited with ${code}: ${out}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Start the real server on a free port, over a new data folder that lives until `close()`. */
export async function startRestartableServer(): Promise<RestartableServer> {
  ensureBuilt();
  if (!realServeAvailable()) throw new Error('these tests need the real server: run `npm run build`');
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-e2e-offline-'));
  let running: ChildProcess | undefined;
  const first = await spawnServe(0, dataDir);
  running = first.child;
  const port = Number(new URL(first.url).port);
  return {
    url: first.url,
    kind: 'real',
    stop: async () => {
      if (running) await kill(running);
      running = undefined;
    },
    start: async () => {
      if (running) return;
      running = (await spawnServe(port, dataDir)).child;
    },
    close: async () => {
      if (running) await kill(running);
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

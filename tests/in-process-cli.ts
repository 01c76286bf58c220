/**
 * The command line run inside the test process: `run(argv)` from src/cli/main.ts (what bin/backstride
 * calls) with its stdout and stderr captured. A spawned `bin/backstride` costs a Node start and the
 * bundle's load, about half a second on a busy 2-core machine; a call here costs the command's own work.
 *
 * For tests that check what a command computes. Exit codes and output as a process shows them stay with
 * the spawned tests (at least one per command), and so do commands that read stdin or ask for a terminal.
 * A file that mixes the two shares a data folder between the sources and the build, so build first (as
 * `npm test` does): a stale build refuses a store migrated by newer sources.
 */

/** A command's exit code and output (`code` null when a spawned process was killed). */
export type CliResult = { code: number | null; stdout: string; stderr: string };

// Plain text, as the spawned tests ask with NO_COLOR (picocolors decides when it is first loaded).
process.env.NO_COLOR = '1';

type Write = typeof process.stdout.write;

/** Send a stream's writes to `sink` until the returned function is called. */
function capture(stream: NodeJS.WriteStream, sink: string[]): () => void {
  const original = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as Write;
  return () => {
    stream.write = original;
  };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `backstride ARGS` in this process and return its exit code and output. Calls are queued, so two
 * never share the captured streams.
 * @example const r = await runCli(['diary', '--json', '--data-dir', dir]);
 */
export function runCli(args: string[]): Promise<CliResult> {
  const next = queue.then(async () => {
    const { run } = await import('../src/cli/main.js');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const restoreOut = capture(process.stdout, stdout);
    const restoreErr = capture(process.stderr, stderr);
    let code: number;
    try {
      code = await run(args);
    } finally {
      restoreOut();
      restoreErr();
    }
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  });
  queue = next.catch(() => undefined);
  return next;
}

/** The parsed stdout of a command that must succeed. */
export function okJson(r: CliResult) {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

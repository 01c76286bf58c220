/**
 * `backstride serve`: the web app and the JSON API on this machine, over the same store as every other
 * command. It prints one line with the URL once it answers, logs nothing else unless asked (never a
 * body or health data), and stops cleanly on Ctrl-C or SIGTERM.
 */
import type { Command } from 'commander';
import { badInput } from '../errors.js';
import { COUNTRY_HELP, resolveCountry } from './country.js';
import { ensurePrivateDataDir, resolveDataDir } from './data-dir.js';
import type { StoreOptions } from './runs.js';

type ServeOptions = StoreOptions & {
  port: string;
  host: string;
  verbose?: boolean;
  maxUploadMb?: string;
  country?: string;
};

/** A whole number in a range, or a bad-input error naming the flag. */
function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw badInput(`--${flag} must be a whole number from ${min} to ${max}, not "${value}"`, flag);
  }
  return n;
}

/** Registers `serve`. */
export function registerServeCommand(program: Command, storeOptions: (c: Command) => Command): void {
  storeOptions(program.command('serve'))
    .description('Start the web app and the JSON API on this machine (stop with Ctrl-C)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '4640')
    .option('--host <host>', 'interface to listen on (0.0.0.0 opens it to your network)', '127.0.0.1')
    .option('--max-upload-mb <n>', 'largest upload of activity files, in MiB', '2048')
    .option('--verbose', 'log each request (method, path, status, time) on stderr')
    .option('--country <code>', `${COUNTRY_HELP}; a check-in from the web app sends its own`)
    .addHelpText(
      'after',
      '\nExamples:\n  backstride serve                    then open http://127.0.0.1:4640/\n  backstride serve --port 8080',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals() as ServeOptions;
      const port = wholeNumber(o.port, 'port', 0, 65_535);
      const uploadMb = wholeNumber(o.maxUploadMb ?? '2048', 'max-upload-mb', 1, 1_048_576);
      const country = resolveCountry(o.country);
      if (!/^[\w.:[\]-]{1,253}$/.test(o.host))
        throw badInput(`--host "${o.host}" is not a host name`, 'host');
      const url = o.databaseUrl ?? process.env.BACKSTRIDE_DATABASE_URL;
      const dataDir = resolveDataDir(o.dataDir);
      if (!url) ensurePrivateDataDir(dataDir);
      const { startServer } = await import('../server/index.js');
      const { tempRootFor } = await import('../import/temp.js');
      const server = await startServer({
        where: url ? { url } : { dataDir },
        // With PostgreSQL the data folder holds no database: only uploads waiting to be imported, in its
        // `tmp` (created private on the first upload).
        uploadDir: tempRootFor({ dataDir }),
        host: o.host,
        port,
        limits: { uploadBytes: uploadMb * 1024 * 1024 },
        ...(country ? { country } : {}),
        ...(o.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
        // A bug's details go to stderr only when asked for, as everywhere in the CLI.
        onInternalError: (error) => {
          if (process.env.BACKSTRIDE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
        },
      });
      process.stdout.write(`Backstride is running at ${server.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

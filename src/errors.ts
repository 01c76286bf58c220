/**
 * The one error type for expected failures: bad input, unknown ids, bad usage. Adapters map it to an
 * exit code (CLI) or an HTTP status (server) in exactly one place each; anything else is a bug.
 */
/** `conflict`: the request is fine but the data is not ready for it (no assessment yet, an import running). */
export type ErrorCode = 'bad-input' | 'not-found' | 'usage' | 'cancelled' | 'conflict';

export class BackstrideError extends Error {
  override readonly name = 'BackstrideError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The field at fault, as a dotted path (`pain.now`), when there is one. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const badInput = (message: string, field?: string) => new BackstrideError('bad-input', message, field);
export const notFound = (message: string) => new BackstrideError('not-found', message);
export const cancelled = (message: string) => new BackstrideError('cancelled', message);
export const usage = (message: string) => new BackstrideError('usage', message);
export const conflict = (message: string) => new BackstrideError('conflict', message);

export function isBackstrideError(error: unknown): error is BackstrideError {
  return error instanceof BackstrideError;
}

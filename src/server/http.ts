/**
 * Request and response helpers shared by the routes: validating a body or query with zod (one place turns
 * a zod error into the API's bad-input error), reading a JSON body, the JSON error body, and download
 * headers. Errors are thrown as BackstrideError and mapped to a status in app.ts's one `onError`.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { describeIssue } from '../answers/index.js';
import { type BackstrideError, badInput, isBackstrideError } from '../errors.js';
import { parseDateFlag } from '../services/runs.js';

/** The body of every error response. */
export type ErrorBody = { error: { code: string; message: string; field?: string } };

/** An error body; `field` only when there is one. */
export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field ? { code, field, message } : { code, message } };
}

/**
 * The API's bad-input error for a failed zod validation: the first issue, its field as a dotted path
 * (`ratings[0].score`) and a sentence saying what was expected.
 */
export function zodBadInput(error: z.ZodError): BackstrideError {
  const issue = error.issues[0];
  if (!issue) return badInput('the request is not valid');
  const { field, message } = describeIssue(issue);
  // A custom check's message already names the field (`from must be a date …`).
  return badInput(issue.code === 'custom' ? message : `${field}: ${message}`, field);
}

/**
 * Validate untrusted input against a schema.
 * @throws the bad-input error of {@link zodBadInput}
 * @example const q = parseWith(RangeQuery, c.req.query());
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw zodBadInput(r.error);
  return r.data;
}

/**
 * The request body as JSON. The Content-Type must say JSON: a cross-site page can send a "simple"
 * text/plain POST without the browser asking first, but not a JSON one.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw badInput('send the body as JSON, with Content-Type: application/json', 'body');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badInput('the body is not valid JSON', 'body');
  }
}

/** Headers for a download with a file name (ASCII only, so no quoting problems). */
export function attachment(contentType: string, filename: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
  };
}

/** Today as YYYY-MM-DD, for file names. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** A `from` or `to` query parameter: YYYY-MM-DD or an ISO 8601 time, as epoch ms (`to` ends its day). */
const dateParam = (name: 'from' | 'to') =>
  z
    .string()
    .max(40)
    .optional()
    .transform((value, ctx) => {
      try {
        // An empty `?from=` (a form left blank) leaves that end of the range open.
        return parseDateFlag(value || undefined, name, name === 'to', name);
      } catch (error) {
        if (!isBackstrideError(error)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });

/** `?from=&to=`, both optional. */
export const RangeQuery = z.object({ from: dateParam('from'), to: dateParam('to') });

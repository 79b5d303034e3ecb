/** Query and body parsing that answers 400 the way the contract asks, with the offending field named. */
import type { z } from 'zod';
import type { Problem } from '../../shared/api/schemas';
import { problem, type SimRequest, type SimResponse } from './messages';

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: SimResponse };

const INTEGER = /^[0-9]{1,9}$/;

/** An integer query parameter within [min, max]; absent means the default; anything else is a 400. */
export const integerParam = (
  request: SimRequest,
  name: string,
  range: { readonly min: number; readonly max: number; readonly fallback: number },
): Parsed<number> => {
  const values = request.query.getAll(name);
  if (values.length === 0) return { ok: true, value: range.fallback };
  const raw = values[0] ?? '';
  const value = Number(raw);
  if (values.length > 1 || !INTEGER.test(raw) || value < range.min || value > range.max) {
    return {
      ok: false,
      response: problem(400, {
        slug: 'invalid-parameter',
        detail: `${name} must be an integer from ${range.min} to ${range.max}`,
        errors: [{ field: name, message: `expected an integer from ${range.min} to ${range.max}` }],
      }),
    };
  }
  return { ok: true, value };
};

/** A single optional string query parameter. */
export const stringParam = (request: SimRequest, name: string): Parsed<string | undefined> => {
  const values = request.query.getAll(name);
  if (values.length > 1) {
    return {
      ok: false,
      response: problem(400, {
        slug: 'invalid-parameter',
        detail: `${name} given more than once`,
        errors: [{ field: name, message: 'repeated' }],
      }),
    };
  }
  return { ok: true, value: values[0] };
};

const issuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');

export const fieldErrors = (error: z.ZodError): NonNullable<Problem['errors']> =>
  error.issues.map((issue) => ({ field: issuePath(issue.path), message: issue.message }));

/**
 * Parses a JSON body against a schema; 400 with one error per field otherwise. The control
 * endpoints pass `anyContentType`, so a quick curl without headers works there.
 */
export const jsonBody = <T>(
  request: SimRequest,
  schema: z.ZodType<T>,
  options: { readonly anyContentType?: boolean } = {},
): Parsed<T> => {
  const contentType = request.headers['content-type'] ?? '';
  if (options.anyContentType !== true && !/^application\/(.+\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      response: problem(400, { slug: 'invalid-body', detail: 'expected Content-Type: application/json' }),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString('utf8'));
  } catch {
    return {
      ok: false,
      response: problem(400, { slug: 'invalid-body', detail: 'the body is not valid JSON' }),
    };
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    return {
      ok: false,
      response: problem(400, {
        slug: 'invalid-body',
        detail: 'the body does not match the schema',
        errors: fieldErrors(result.error),
      }),
    };
  }
  return { ok: true, value: result.data };
};

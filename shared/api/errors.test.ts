import { describe, expect, it } from 'vitest';
import type { AnyApiError } from './errors';
import {
  API_ERROR_CODES,
  ApiError,
  NetworkError,
  PreconditionFailedError,
  RateLimitedError,
  errorForStatus,
  isApiError,
  parseProblem,
} from './errors';

describe('parseProblem', () => {
  it('reads an RFC 9457 body with errors and current', () => {
    const body = JSON.stringify({
      type: 'https://example.test/problems/validation',
      title: 'Invalid input',
      status: 400,
      detail: 'limit must be 1..500',
      errors: [{ field: 'limit', message: 'too large' }],
    });
    expect(parseProblem(400, 'Bad Request', body)).toEqual({
      type: 'https://example.test/problems/validation',
      title: 'Invalid input',
      status: 400,
      detail: 'limit must be 1..500',
      errors: [{ field: 'limit', message: 'too large' }],
    });
  });

  it('falls back to the status line when the body is not a problem', () => {
    expect(parseProblem(502, 'Bad Gateway', '<html>')).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
    });
    expect(parseProblem(500, '', '{"message":"x"}')).toEqual({
      type: 'about:blank',
      title: 'HTTP 500',
      status: 500,
    });
  });
});

describe('errorForStatus', () => {
  const problemOf = (status: number) => ({ type: 'about:blank', title: 'Oops', status, detail: 'details' });
  const cases: [number, string, string][] = [
    [400, 'api.badRequest', 'BadRequestError'],
    [401, 'api.unauthorized', 'UnauthorizedError'],
    [403, 'api.forbidden', 'ForbiddenError'],
    [404, 'api.notFound', 'NotFoundError'],
    [409, 'api.conflict', 'ConflictError'],
    [410, 'api.gone', 'GoneError'],
    [412, 'api.preconditionFailed', 'PreconditionFailedError'],
    [428, 'api.preconditionRequired', 'PreconditionRequiredError'],
    [429, 'api.rateLimited', 'RateLimitedError'],
    [503, 'api.unavailable', 'UnavailableError'],
    [500, 'api.unexpectedStatus', 'UnexpectedStatusError'],
    [405, 'api.unexpectedStatus', 'UnexpectedStatusError'],
  ];

  it.each(cases)('maps %i to %s', (status, code, name) => {
    const error = errorForStatus(status, problemOf(status));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.problem?.detail).toBe('details');
    expect(error.message).toBe(`${status} Oops: details`);
  });

  it('parses the current representation of a 412 and keeps its etag', () => {
    const current = { name: 'Marketing', etag: '"v7"' };
    const error = errorForStatus(
      412,
      { ...problemOf(412), current },
      {
        parseCurrent: (value) =>
          typeof value === 'object' && value !== null ? { ...value, parsed: true } : undefined,
      },
    );
    expect(error).toBeInstanceOf(PreconditionFailedError);
    if (!(error instanceof PreconditionFailedError)) return;
    expect(error.current).toEqual({ ...current, parsed: true });
    expect(error.currentEtag).toBe('"v7"');
  });

  it('prefers the ETag header of a 412 and tolerates a current that does not parse', () => {
    const error = errorForStatus(
      412,
      { ...problemOf(412), current: 'junk' },
      { parseCurrent: () => undefined, etag: '"h"' },
    );
    expect(error).toMatchObject({ code: 'api.preconditionFailed', current: undefined, currentEtag: '"h"' });
  });

  it('carries Retry-After on the retry-later errors', () => {
    const error = errorForStatus(429, problemOf(429), { retryAfterMs: 3_000 });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3_000 });
  });
});

describe('the discriminated set', () => {
  it('narrows on code', () => {
    const describe = (error: AnyApiError): string => {
      switch (error.code) {
        case 'api.preconditionFailed':
          return `conflict ${String(error.currentEtag)}`;
        case 'api.rateLimited':
        case 'api.unavailable':
          return `later ${String(error.retryAfterMs)}`;
        case 'api.network':
          return `network ${String(error.notSent)}`;
        default:
          return error.code;
      }
    };
    expect(describe(new NetworkError('down', { notSent: true }))).toBe('network true');
    expect(describe(errorForStatus(404, { type: 'about:blank', title: 'x', status: 404 }))).toBe(
      'api.notFound',
    );
  });

  it('has unique codes that look like i18n keys', () => {
    expect(new Set(API_ERROR_CODES).size).toBe(API_ERROR_CODES.length);
    for (const code of API_ERROR_CODES) expect(code).toMatch(/^api\.[a-z][A-Za-z]+$/);
  });

  it('recognises API errors only', () => {
    expect(isApiError(new NetworkError('x'))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError('x')).toBe(false);
  });
});

/**
 * Typed failures of the Postal Billing API client.
 *
 * Every failure the client reports is an `ApiError` subclass with a stable machine `code` (also the
 * i18n key of its user-facing text). Server answers keep their HTTP status and the RFC 9457 problem
 * body; failures that never got a usable answer (network, non-conforming server) carry neither.
 */
import type { Problem } from './schemas';
import { ProblemSchema } from './schemas';

// ---------------------------------------------------------------------------------------------
// Contract

export const API_ERROR_CODES = [
  'api.badRequest',
  'api.unauthorized',
  'api.forbidden',
  'api.notFound',
  'api.conflict',
  'api.gone',
  'api.preconditionFailed',
  'api.preconditionRequired',
  'api.rateLimited',
  'api.unavailable',
  'api.unexpectedStatus',
  'api.network',
  'api.invalidResponse',
  'api.invalidRequest',
  'api.redirect',
  'api.timeout',
  'api.tooLarge',
  'api.credentialsMissing',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorOptions {
  readonly status?: number;
  readonly problem?: Problem;
  readonly cause?: unknown;
}

/** What was wrong with a response the server should not have sent. */
export type InvalidResponseReason = 'contentType' | 'body' | 'schema' | 'header' | 'digest';

// ---------------------------------------------------------------------------------------------
// Classes

export abstract class ApiError extends Error {
  abstract readonly code: ApiErrorCode;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;

  constructor(message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.problem = options.problem;
  }
}

/** 400: a query parameter or body field is outside the contract; `problem.errors` names the fields. */
export class BadRequestError extends ApiError {
  override readonly name = 'BadRequestError';
  override readonly code = 'api.badRequest';
}

/** 401 after one token refresh, or bad client credentials at the token endpoint. */
export class UnauthorizedError extends ApiError {
  override readonly name = 'UnauthorizedError';
  override readonly code = 'api.unauthorized';
}

/** 403: the customer does not have the cost-centre option. */
export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError';
  override readonly code = 'api.forbidden';
}

export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
  override readonly code = 'api.notFound';
}

/** 409: e.g. two assignments of the same kind and key with overlapping validity. */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
  override readonly code = 'api.conflict';
}

/** 410: the invoice left the operator's 18-month retention window; only a local copy remains. */
export class GoneError extends ApiError {
  override readonly name = 'GoneError';
  override readonly code = 'api.gone';
}

/**
 * 412: the ETag sent is stale (or If-None-Match "*" met an existing resource). `current` is the
 * server's representation parsed with the resource's schema, `undefined` when absent or invalid
 * (the raw value stays in `problem.current`), so a conflict can be shown and resolved.
 */
export class PreconditionFailedError<T = unknown> extends ApiError {
  override readonly name = 'PreconditionFailedError';
  override readonly code = 'api.preconditionFailed';
  readonly current: T | undefined;
  readonly currentEtag: string | undefined;

  constructor(
    message: string,
    options: ApiErrorOptions & { readonly current?: T; readonly currentEtag?: string | undefined },
  ) {
    super(message, options);
    this.current = options.current;
    this.currentEtag = options.currentEtag;
  }
}

/** 428: a write was sent without If-Match / If-None-Match. The client never does this itself. */
export class PreconditionRequiredError extends ApiError {
  override readonly name = 'PreconditionRequiredError';
  override readonly code = 'api.preconditionRequired';
}

/** Options of the two "try again later" errors; `retryAfterMs` is the server's last Retry-After. */
export interface RetryLaterOptions extends ApiErrorOptions {
  readonly retryAfterMs?: number | undefined;
}

/** 429 that outlasted the retry budget (or asked for a wait longer than the client accepts). */
export class RateLimitedError extends ApiError {
  override readonly name = 'RateLimitedError';
  override readonly code = 'api.rateLimited';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: RetryLaterOptions) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 503 that outlasted the retry budget. */
export class UnavailableError extends ApiError {
  override readonly name = 'UnavailableError';
  override readonly code = 'api.unavailable';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: RetryLaterOptions) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Any other non-2xx status (500, 405, ...): the contract does not name it for this call. */
export class UnexpectedStatusError extends ApiError {
  override readonly name = 'UnexpectedStatusError';
  override readonly code = 'api.unexpectedStatus';
}

/**
 * The request got no answer (connection refused or reset, DNS, body cut off). `notSent` is true only
 * when it is certain the request never reached the server (e.g. the token could not be obtained),
 * which makes even a write safe to repeat.
 */
export class NetworkError extends ApiError {
  override readonly name: string = 'NetworkError';
  // Widened for TimeoutError, a NetworkError that is retried like one but told apart in messages.
  override readonly code: 'api.network' | 'api.timeout' = 'api.network';
  readonly notSent: boolean;

  constructor(message: string, options: ApiErrorOptions & { readonly notSent?: boolean } = {}) {
    super(message, options);
    this.notSent = options.notSent ?? false;
  }
}

/**
 * No answer within the time bound: the status line did not come, or the body stopped flowing. The
 * request was aborted (in Electron main's net.fetch too); retried like any lost connection.
 */
export class TimeoutError extends NetworkError {
  override readonly name = 'TimeoutError';
  override readonly code = 'api.timeout';
}

/**
 * The server answered with a redirect, or from another origin than the configured back end. Never
 * followed: a redirected token request would carry the client secret, an API request the token.
 */
export class RedirectError extends ApiError {
  override readonly name = 'RedirectError';
  override readonly code = 'api.redirect';
}

/** A body larger than the client accepts (a JSON page, a document, an answer crossing IPC). */
export class ResponseTooLargeError extends ApiError {
  override readonly name = 'ResponseTooLargeError';
  override readonly code = 'api.tooLarge';
  /** The cap that was exceeded, in bytes. */
  readonly limitBytes: number;

  constructor(message: string, options: ApiErrorOptions & { readonly limitBytes: number }) {
    super(message, options);
    this.limitBytes = options.limitBytes;
  }
}

/** The server answered outside the contract: wrong content type, unparseable or non-conforming body. */
export class InvalidResponseError extends ApiError {
  override readonly name = 'InvalidResponseError';
  override readonly code = 'api.invalidResponse';
  readonly reason: InvalidResponseReason;
  /** Human readable validation issues ("next: Invalid input: expected string, received number"). */
  readonly issues: string | undefined;

  constructor(
    message: string,
    options: ApiErrorOptions & { readonly reason: InvalidResponseReason; readonly issues?: string },
  ) {
    super(message, options);
    this.reason = options.reason;
    this.issues = options.issues;
  }
}

/** The client refused to send a request it cannot address correctly (e.g. a path segment ".."). */
export class InvalidRequestError extends ApiError {
  override readonly name = 'InvalidRequestError';
  override readonly code = 'api.invalidRequest';
}

/**
 * The request was never sent: the back end needs a client secret this device does not hold (in the
 * browser it lasts one session). Not a network failure and not retried: the clerk types it again.
 */
export class CredentialsMissingError extends ApiError {
  override readonly name = 'CredentialsMissingError';
  override readonly code = 'api.credentialsMissing';
}

/** The discriminated set: narrow on `code`. */
export type AnyApiError =
  | BadRequestError
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | ConflictError
  | GoneError
  | PreconditionFailedError
  | PreconditionRequiredError
  | RateLimitedError
  | UnavailableError
  | UnexpectedStatusError
  | NetworkError
  | InvalidResponseError
  | InvalidRequestError
  | TimeoutError
  | RedirectError
  | ResponseTooLargeError
  | CredentialsMissingError;

// ApiError is abstract and every concrete subclass is listed in AnyApiError.
export const isApiError = (error: unknown): error is AnyApiError => error instanceof ApiError;

// ---------------------------------------------------------------------------------------------
// From an HTTP answer

/**
 * Reads an RFC 9457 body leniently: the status decides the error class, the body only adds detail,
 * so a missing or malformed problem never hides the status behind a parse error.
 */
export const parseProblem = (status: number, statusText: string, body: string): Problem => {
  const fallback = { type: 'about:blank', title: statusText || `HTTP ${status}`, status } satisfies Problem;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fallback;
  }
  const parsed = ProblemSchema.safeParse(json);
  return parsed.success ? parsed.data : fallback;
};

const describe = (problem: Problem): string =>
  problem.detail === undefined ? problem.title : `${problem.title}: ${problem.detail}`;

export interface ErrorContext<T> {
  /** Parses the 412 `current` member into the resource type; returns undefined when it does not fit. */
  readonly parseCurrent?: (current: unknown) => T | undefined;
  /** ETag of the current representation when the 412 answer carries one in its header. */
  readonly etag?: string | undefined;
  readonly retryAfterMs?: number | undefined;
}

/** Maps a non-2xx status and its problem body to the typed error. */
export const errorForStatus = <T = unknown>(
  status: number,
  problem: Problem,
  context: ErrorContext<T> = {},
): AnyApiError => {
  const message = `${status} ${describe(problem)}`;
  const options = { status, problem };
  switch (status) {
    case 400:
      return new BadRequestError(message, options);
    case 401:
      return new UnauthorizedError(message, options);
    case 403:
      return new ForbiddenError(message, options);
    case 404:
      return new NotFoundError(message, options);
    case 409:
      return new ConflictError(message, options);
    case 410:
      return new GoneError(message, options);
    case 412: {
      const current = context.parseCurrent?.(problem.current);
      const etagInBody = etagOf(current) ?? etagOf(problem.current);
      return new PreconditionFailedError<T>(message, {
        ...options,
        ...(current === undefined ? {} : { current }),
        currentEtag: context.etag ?? etagInBody,
      });
    }
    case 428:
      return new PreconditionRequiredError(message, options);
    case 429:
      return new RateLimitedError(message, { ...options, retryAfterMs: context.retryAfterMs });
    case 503:
      return new UnavailableError(message, { ...options, retryAfterMs: context.retryAfterMs });
    default:
      return new UnexpectedStatusError(message, options);
  }
};

// Cost centres, assignments and designations carry their ETag in the body; preferences do not.
const etagOf = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null || !('etag' in value)) return undefined;
  return typeof value.etag === 'string' ? value.etag : undefined;
};

/**
 * One API request with its retries: sends, classifies the answer, waits and repeats where that is
 * safe. What is safe:
 * - 429 and 503: always, honouring Retry-After; the server guarantees the request was not applied.
 * - A request that never left (NetworkError.notSent, e.g. no token): always.
 * - No answer, a cut-off or unparseable body, a document whose digest does not match: GET only.
 *   A write may have been applied before the connection broke, and a conditional write repeated
 *   after it was applied would answer 412 against the clerk's own change.
 */
import type { AnyApiError } from './errors';
import { ApiError, InvalidResponseError, NetworkError, errorForStatus, parseProblem } from './errors';
import { readTextLeniently } from './read';
import type { AttemptOutcome, Clock, Random, RetryPolicy, Sleep } from './retry';
import { parseRetryAfterMs, throwIfAborted, withRetry } from './retry';
import type { Fetch } from './transport';

// ---------------------------------------------------------------------------------------------
// Contract

export type Method = 'GET' | 'PUT' | 'DELETE';

export interface HttpRequest<T, C = unknown> {
  readonly method: Method;
  /** Path and query, e.g. "/v1/invoices?limit=100". */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON. */
  readonly body?: unknown;
  readonly accept?: string;
  readonly signal?: AbortSignal | undefined;
  /** Turns a 2xx answer into the result; throws ApiErrors (see read.ts for which are transient). */
  readonly read: (response: Response) => Promise<T>;
  /** Parses the `current` member of a 412 answer into the resource type. */
  readonly parseCurrent?: (current: unknown) => C | undefined;
}

export interface HttpDeps {
  readonly fetch: Fetch;
  /** Sees every response, for the operator's clock in its Date header. */
  readonly observe?: (response: Response) => void;
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly random: Random;
  readonly now: Clock;
}

export interface Http {
  readonly send: <T, C = unknown>(request: HttpRequest<T, C>) => Promise<T>;
}

// ---------------------------------------------------------------------------------------------
// Implementation

const isTransientBodyFailure = (error: ApiError): boolean =>
  error instanceof NetworkError ||
  (error instanceof InvalidResponseError && (error.reason === 'body' || error.reason === 'digest'));

const describeCause = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export const createHttp = (deps: HttpDeps): Http => {
  const attempt = async <T, C>(request: HttpRequest<T, C>, init: RequestInit): Promise<AttemptOutcome<T>> => {
    const idempotent = request.method === 'GET';
    let response: Response;
    try {
      response = await deps.fetch(request.path, init);
      deps.observe?.(response);
    } catch (cause) {
      throwIfAborted(request.signal);
      const error: AnyApiError | ApiError =
        cause instanceof ApiError
          ? cause
          : new NetworkError(`${request.method} ${request.path}: ${describeCause(cause)}`, { cause });
      const notSent = error instanceof NetworkError && error.notSent;
      return { ok: false, error, retryable: error instanceof NetworkError && (idempotent || notSent) };
    }

    if (response.ok) {
      try {
        return { ok: true, value: await request.read(response) };
      } catch (error) {
        throwIfAborted(request.signal);
        if (!(error instanceof ApiError)) throw error;
        return { ok: false, error, retryable: idempotent && isTransientBodyFailure(error) };
      }
    }

    const text = await readTextLeniently(response);
    throwIfAborted(request.signal);
    const retryLater = response.status === 429 || response.status === 503;
    const retryAfterMs = retryLater
      ? parseRetryAfterMs(response.headers.get('retry-after'), deps.now())
      : undefined;
    const error = errorForStatus(response.status, parseProblem(response.status, response.statusText, text), {
      ...(request.parseCurrent === undefined ? {} : { parseCurrent: request.parseCurrent }),
      etag: response.headers.get('etag') ?? undefined,
      retryAfterMs,
    });
    return { ok: false, error, retryable: retryLater, retryAfterMs };
  };

  const send = <T, C = unknown>(request: HttpRequest<T, C>): Promise<T> => {
    const headers: Record<string, string> = {
      accept: request.accept ?? 'application/json',
      ...request.headers,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    };
    return withRetry(() => attempt(request, init), deps, request.signal);
  };

  return { send };
};

/**
 * Transports: how a request reaches the back end.
 *
 * The typed client talks to a `Fetch` that takes a path ("/v1/customer?...") and already
 * authenticates. In Electron that transport lives in the main process, which alone holds the client
 * secret and the token; the renderer's client reaches it over IPC and never sees a credential.
 */
import type { TokenResponse } from './schemas';
import { TokenResponseSchema } from './schemas';
import {
  ApiError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  RedirectError,
  TimeoutError,
} from './errors';
import { hasDotSegment } from './paths';
import { readCapped } from './read';
import type { Clock } from './retry';
import { abortReason, throwIfAborted } from './retry';
import { formatIssues } from './validate';

// ---------------------------------------------------------------------------------------------
// Contract

/** The one seam to the network: global fetch fits, and so does an IPC bridge. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface AuthenticatedFetchOptions {
  /** Origin (and optional path prefix) of the back end, e.g. "http://127.0.0.1:8787". */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Raw network access (global fetch in the main process). */
  readonly fetch: Fetch;
  readonly now?: Clock;
  /** Requested scope, e.g. "billing.read billing.write"; omitted when undefined. */
  readonly scope?: string;
  /**
   * A cached token is replaced this long before it expires, so a request never leaves with a token
   * that dies on the way. Capped at half the token's lifetime for very short-lived tokens.
   */
  readonly refreshMarginMs?: number;
  /** Bound on one token request: a hung token endpoint must not stall every call forever. */
  readonly tokenTimeoutMs?: number;
  /** Bounds on every request; see RequestTimeouts. */
  readonly timeouts?: Partial<RequestTimeouts>;
}

/**
 * Time bounds of one request. Exceeding either aborts the raw fetch (so main's net.fetch lets go of
 * the connection too) and fails the call with a TimeoutError, retried like a lost connection.
 */
export interface RequestTimeouts {
  /** From sending until the status line and headers have arrived. */
  readonly headersMs: number;
  /** Longest silence while the body streams; a slow but moving body is fine. */
  readonly idleMs: number;
}

export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 30_000, idleMs: 30_000 };

// ---------------------------------------------------------------------------------------------
// Implementation

const DEFAULT_REFRESH_MARGIN_MS = 30_000;
const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;
/** A token answer is a few hundred bytes; a problem body a few KiB. */
const TOKEN_RESPONSE_MAX_BYTES = 64 * 1024;

/** Joins a base URL and an absolute path, keeping a path prefix of the base ("https://h/billing"). */
export const resolveUrl = (baseUrl: string, path: string): string => {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    // A full URL here could send the bearer token to another host.
    throw new InvalidRequestError(`Expected a path starting with "/", got ${JSON.stringify(path)}`);
  }
  if (hasDotSegment(path)) {
    // URL normalisation (or the server) would resolve it to another resource than the one named.
    throw new InvalidRequestError(`The path ${JSON.stringify(path)} has a "." or ".." segment`);
  }
  return baseUrl.replace(/\/+$/, '') + path;
};

/**
 * Refuses an answer that is a redirect or that came from another origin than the back end: a
 * redirect is never followed (requests are sent with redirect "manual"), and a transport that
 * follows one anyway is caught by the answer's URL. The Location is left out of the message on
 * purpose; it is the other party's choice and may carry anything.
 */
export const refuseForeignAnswer = (response: Response, baseOrigin: string, what: string): void => {
  const redirected =
    response.type === 'opaqueredirect' ||
    response.redirected ||
    (response.status >= 300 && response.status < 400 && response.status !== 304);
  const foreign = response.url !== '' && originOf(response.url) !== baseOrigin;
  if (!redirected && !foreign) return;
  void response.body?.cancel().catch(() => undefined);
  throw new RedirectError(
    redirected
      ? `${what} was answered with a redirect (HTTP ${response.status}); redirects are not followed`
      : `${what} was answered from another origin than the back end`,
    { status: response.status },
  );
};

/** The statuses a Response may not carry a body with (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Runs the raw fetch under the time bounds, on top of the caller's own signal. The answer's body is
 * handed on through a stream that fails with a TimeoutError when the server stops sending.
 */
export const fetchWithTimeouts = async (
  fetch: Fetch,
  url: string,
  init: RequestInit,
  timeouts: RequestTimeouts,
  what: string,
): Promise<Response> => {
  const controller = new AbortController();
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  // Only the time bounds abort this controller: its state says whether one was exceeded.
  const timedOut = (): boolean => controller.signal.aborted;
  const timeOut = (): void => {
    controller.abort(new DOMException(`${what} timed out`, 'TimeoutError'));
  };
  const headersTimer = setTimeout(timeOut, timeouts.headersMs);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (cause) {
    if (timedOut()) {
      throw new TimeoutError(`${what}: no answer within ${timeouts.headersMs} ms`, { cause });
    }
    throw cause;
  } finally {
    clearTimeout(headersTimer);
  }
  const body = response.body;
  // Chromium hands a 204's or 304's fetch an empty body stream, which no Response may be built with.
  if (body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const reader = body.getReader();
  const idle = (): TimeoutError =>
    new TimeoutError(`${what}: the body stalled for ${timeouts.idleMs} ms`, { status: response.status });
  const stream = new ReadableStream<Uint8Array>({
    pull: async (stream) => {
      const idleTimer = setTimeout(() => {
        timeOut();
        // A transport that ignores the abort once the headers are in still lets go of the reader.
        reader.cancel().catch(() => undefined);
      }, timeouts.idleMs);
      try {
        const chunk = await reader.read();
        if (timedOut()) stream.error(idle());
        else if (chunk.done) stream.close();
        else stream.enqueue(chunk.value);
      } catch (cause) {
        stream.error(timedOut() ? idle() : cause);
      } finally {
        clearTimeout(idleTimer);
      }
    },
    cancel: async (reason) => {
      await reader.cancel(reason);
    },
  });
  return new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

/** A transport that prefixes paths with a base URL and adds nothing else (unauthenticated). */
export const withBaseUrl =
  (fetch: Fetch, baseUrl: string): Fetch =>
  (path, init) =>
    fetch(resolveUrl(baseUrl, path), init);

interface CachedToken {
  readonly accessToken: string;
  /** Epoch ms after which the token is no longer used. */
  readonly renewAt: number;
}

/**
 * The token endpoint's answer: a token, or a non-2xx response that is handed to the caller as the
 * answer to its own request (401 bad credentials, 429/503 with Retry-After, which the client then
 * retries; the API request itself was never sent, so even a write is safe to repeat).
 */
type TokenOutcome =
  | { readonly kind: 'token'; readonly token: CachedToken }
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly statusText: string;
      readonly headers: Headers;
      readonly body: string;
    };

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4) over `fetch`. Tokens are cached until shortly
 * before expiry and requested by one caller at a time; concurrent calls share the request. On a 401
 * the token is replaced once and the request repeated once; a second 401 is returned as it is.
 */
export const createAuthenticatedFetch = (options: AuthenticatedFetchOptions): Fetch => {
  const now = options.now ?? Date.now;
  const refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const tokenTimeoutMs = options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const tokenUrl = resolveUrl(options.baseUrl, '/oauth/token');
  const baseOrigin = originOf(options.baseUrl);
  const timeouts: RequestTimeouts = { ...DEFAULT_REQUEST_TIMEOUTS, ...options.timeouts };
  // Every request, the token's included: a followed redirect would resend the secret or the token.
  const fetchHere: Fetch = async (url, init) => {
    const what = `${init.method ?? 'GET'} ${new URL(url).pathname}`;
    // The redirect is refused before the body is wrapped: the wrapper's Response has no URL.
    const checked: Fetch = async (target, checkedInit) => {
      const response = await options.fetch(target, { ...checkedInit, redirect: 'manual' });
      refuseForeignAnswer(response, baseOrigin, what);
      return response;
    };
    return fetchWithTimeouts(checked, url, init, timeouts, what);
  };

  let cached: CachedToken | undefined;
  let pending: Promise<TokenOutcome> | undefined;

  const requestToken = async (): Promise<TokenOutcome> => {
    const requestedAt = now();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    if (options.scope !== undefined) form.set('scope', options.scope);
    let response: Response;
    let text: string;
    try {
      // Not the caller's signal: the request is shared by every waiting call, and one of them giving
      // up must not fail the others. The timeout bounds it instead.
      response = await fetchHere(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(tokenTimeoutMs),
      });
      text = new TextDecoder().decode(await readCapped(response, TOKEN_RESPONSE_MAX_BYTES));
    } catch (cause) {
      // The API request was never sent: even a write is safe to repeat after a token timeout.
      if (cause instanceof TimeoutError) throw new TimeoutError(cause.message, { cause, notSent: true });
      if (cause instanceof ApiError) throw cause;
      throw new NetworkError('The access token could not be obtained', { cause, notSent: true });
    }
    if (!response.ok) {
      return {
        kind: 'refused',
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body: text,
      };
    }
    const token = parseTokenResponse(response.status, response.headers.get('content-type'), text);
    // Lifetime counted from when the request left: the server's clock started no earlier.
    const lifetimeMs = token.expires_in * 1000;
    const margin = Math.min(refreshMarginMs, lifetimeMs / 2);
    return {
      kind: 'token',
      token: { accessToken: token.access_token, renewAt: requestedAt + lifetimeMs - margin },
    };
  };

  const obtainToken = (): Promise<TokenOutcome> => {
    if (cached !== undefined && now() < cached.renewAt) {
      return Promise.resolve({ kind: 'token', token: cached });
    }
    if (pending === undefined) {
      pending = requestToken()
        .then((outcome) => {
          if (outcome.kind === 'token') cached = outcome.token;
          return outcome;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  };

  // The caller stops waiting on abort, the shared token request goes on for the others.
  const awaitToken = (signal: AbortSignal | null | undefined): Promise<TokenOutcome> => {
    const outcome = obtainToken();
    if (signal === null || signal === undefined) return outcome;
    throwIfAborted(signal);
    return new Promise<TokenOutcome>((resolve, reject) => {
      const onAbort = (): void => {
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      outcome.then(resolve, reject).finally(() => {
        signal.removeEventListener('abort', onAbort);
      });
    });
  };

  const send = (url: string, init: RequestInit, token: CachedToken): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token.accessToken}`);
    return fetchHere(url, { ...init, headers });
  };

  return async (path, init) => {
    const url = resolveUrl(options.baseUrl, path);
    const first = await awaitToken(init.signal);
    if (first.kind === 'refused') return refusal(first);
    const response = await send(url, init, first.token);
    if (response.status !== 401) return response;

    // Another call may already have replaced the token; only drop it if it is the one that failed.
    await response.body?.cancel();
    if (cached === first.token) cached = undefined;
    const second = await awaitToken(init.signal);
    if (second.kind === 'refused') return refusal(second);
    return send(url, init, second.token);
  };
};

const parseTokenResponse = (status: number, contentType: string | null, text: string): TokenResponse => {
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(contentType ?? '')) {
    throw new InvalidResponseError(`The token response is ${contentType ?? 'untyped'}, not JSON`, {
      status,
      reason: 'contentType',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    // JSON announced but not delivered: the body was cut off on the way. The API request itself was
    // never sent, so this is safe to retry like any lost connection.
    throw new NetworkError('The token response was cut off', { cause, notSent: true });
  }
  const parsed = TokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new InvalidResponseError(`The token response does not match the contract: ${issues}`, {
      status,
      reason: 'schema',
      issues,
    });
  }
  return parsed.data;
};

// Each waiting caller gets its own Response: a body can be read only once.
const refusal = (outcome: Extract<TokenOutcome, { kind: 'refused' }>): Response =>
  new Response(outcome.body === '' ? null : outcome.body, {
    status: outcome.status,
    statusText: outcome.statusText,
    headers: outcome.headers,
  });

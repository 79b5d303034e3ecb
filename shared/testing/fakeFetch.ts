/**
 * Test doubles for the injected side effects of the API client: a scripted `Fetch` that records
 * every request, canned responses, and a `Sleep` that records delays instead of waiting.
 * Pure (no Node, no test framework), so the tests need no mocking library.
 */
import type { Fetch } from '../api/transport';
import type { Sleep } from '../api/retry';
import { abortReason } from '../api/retry';

// ---------------------------------------------------------------------------------------------
// Contract

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
}

/** Answers one request; throwing (or rejecting) stands for a network failure. */
export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: Fetch;
  readonly requests: RecordedRequest[];
}

export interface FakeSleep {
  readonly sleep: Sleep;
  readonly delays: number[];
}

// ---------------------------------------------------------------------------------------------
// Implementation

/**
 * Each request takes the next responder of the script; the last one answers every request after
 * the script ran out (so a single responder answers all).
 */
export const createFakeFetch = (...script: readonly Responder[]): FakeFetch => {
  const requests: RecordedRequest[] = [];
  const fetch: Fetch = async (url, init) => {
    const recorded: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    const responder = script[Math.min(requests.length, script.length - 1)];
    requests.push(recorded);
    if (responder === undefined) throw new Error(`No response scripted for ${recorded.method} ${url}`);
    if (recorded.signal?.aborted === true) throw abortReason(recorded.signal);
    return responder(recorded);
  };
  return { fetch, requests };
};

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const problem = (
  status: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title: `Status ${status}`, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

/** A 2xx whose body stream breaks after `prefix`, like a connection reset mid-body. */
export const cutOff = (prefix: string, contentType = 'application/json'): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(prefix));
        controller.error(new TypeError('terminated'));
      },
    }),
    { status: 200, headers: { 'content-type': contentType } },
  );

export const networkFailure: Responder = () => {
  throw new TypeError('fetch failed');
};

/** Records each delay and resolves at once; rejects at once when the signal is already aborted. */
export const createFakeSleep = (onSleep?: (ms: number) => void): FakeSleep => {
  const delays: number[] = [];
  const sleep: Sleep = (ms, signal) => {
    delays.push(ms);
    onSleep?.(ms);
    return signal?.aborted === true ? Promise.reject(abortReason(signal)) : Promise.resolve();
  };
  return { sleep, delays };
};

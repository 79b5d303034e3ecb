import {
  createHttpExchange,
  TimestampError,
  TIMESTAMP_MAX_BYTES,
  TIMESTAMP_TIMEOUT_MS,
  type TimestampFetch,
} from '../shared/archive/timestampHttp';
import type { RequestTimestampRequest, RequestTimestampResponse } from '../shared/ipc/timestamp';

export interface TimestampForwarderDeps {
  /** Node's fetch: a TSA is any https host the clerk names, not the back end net.fetch serves. */
  fetch: TimestampFetch;
  timeoutMs?: number;
  maxBytes?: number;
}

export type ForwardTimestamp = (request: RequestTimestampRequest) => Promise<RequestTimestampResponse>;

/**
 * Posts the page's query to the authority with the same bounds as the page would (https or
 * loopback only, no redirect, no credentials, time and size capped) and answers the reply bytes or
 * the typed reason there are none. Main never reads the reply: the page checks it.
 */
export const createTimestampForwarder = ({
  fetch,
  timeoutMs = TIMESTAMP_TIMEOUT_MS,
  maxBytes = TIMESTAMP_MAX_BYTES,
}: TimestampForwarderDeps): ForwardTimestamp => {
  return async ({ url, query }) => {
    try {
      const reply = await createHttpExchange({ url, fetch, timeoutMs, maxBytes })(query);
      return { ok: true, reply: new Uint8Array(reply) };
    } catch (error) {
      if (error instanceof TimestampError) return { ok: false, code: error.code, detail: error.message };
      throw error;
    }
  };
};

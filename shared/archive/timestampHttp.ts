/**
 * The network side of RFC 3161 time stamps, without any ASN.1: what may be posted where, the
 * bounded HTTP exchange and its closed error codes. Kept apart from timestamp.ts so that the
 * Electron main process, which only carries the bytes, bundles none of pkijs.
 */
import { parseTimestampUrl } from './timestampUrl';

export const TIMESTAMP_QUERY_TYPE = 'application/timestamp-query';
export const TIMESTAMP_REPLY_TYPE = 'application/timestamp-reply';
/** A reply with its certificate is 2 to 8 KB; anything far larger is not a time stamp. */
export const TIMESTAMP_MAX_BYTES = 64 * 1024;
export const TIMESTAMP_TIMEOUT_MS = 15_000;
/** Bounds what the renderer may ask main to post: a query for a SHA-256 digest is about 60 bytes. */
export const TIMESTAMP_MAX_QUERY_BYTES = 1024;
export { TIMESTAMP_MAX_URL_LENGTH } from './timestampUrl';

export const timestampErrorCodes = [
  'tsa.badUrl',
  'tsa.unreachable',
  'tsa.timeout',
  'tsa.cancelled',
  'tsa.tooLarge',
  'tsa.httpStatus',
  'tsa.rejected',
  'tsa.malformed',
  'tsa.mismatch',
  'tsa.invalidToken',
] as const;
export type TimestampErrorCode = (typeof timestampErrorCodes)[number];

/** PKIStatus (RFC 3161, 2.4.2). */
export const pkiStatusNames = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
] as const;
export type PkiStatusName = (typeof pkiStatusNames)[number] | 'unknown';

/** PKIFailureInfo bit positions (RFC 3161, 2.4.2). */
export const PKI_FAILURE_BITS = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;
export type PkiFailureName = keyof typeof PKI_FAILURE_BITS;

export class TimestampError extends Error {
  constructor(
    readonly code: TimestampErrorCode,
    message: string,
    /** With 'tsa.rejected': what the authority answered. */
    readonly rejection?: { readonly status: PkiStatusName; readonly failures: readonly PkiFailureName[] },
  ) {
    super(message);
    this.name = 'TimestampError';
  }
}

// ---------------------------------------------------------------------------------------------
// URL: timestampUrl.ts, which the settings read at every start without the rest of this module.

export { parseTimestampUrl } from './timestampUrl';

// ---------------------------------------------------------------------------------------------
// Bytes

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
};

// ---------------------------------------------------------------------------------------------
// HTTP

/** The slice of fetch used here: the browser's, node's (in main), or a test's. */
export type TimestampFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Posts a query and resolves to the raw reply bytes; a TimestampError otherwise. */
export type TimestampExchange = (query: Uint8Array, signal?: AbortSignal) => Promise<Uint8Array>;

export interface HttpExchangeOptions {
  readonly url: string;
  readonly fetch: TimestampFetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const readCapped = async (response: Response, maxBytes: number): Promise<Uint8Array> => {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TimestampError('tsa.tooLarge', `the reply exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};

const isTimeout = (reason: unknown): boolean =>
  reason instanceof DOMException && reason.name === 'TimeoutError';

/**
 * The POST to the authority, bounded: in time (the whole exchange, body included), in size (a
 * Content-Length above the cap fails before reading, a body is cut off at the cap), no redirects
 * (a TSA answers where it is), no cookies or credentials ever.
 */
export const createHttpExchange = ({
  url,
  fetch,
  timeoutMs = TIMESTAMP_TIMEOUT_MS,
  maxBytes = TIMESTAMP_MAX_BYTES,
}: HttpExchangeOptions): TimestampExchange => {
  const target = parseTimestampUrl(url);
  return async (query, signal) => {
    if (target === null) throw new TimestampError('tsa.badUrl', 'the URL is not https (or http on loopback)');
    const timeout = AbortSignal.timeout(timeoutMs);
    const bound = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const failed = (error: unknown): TimestampError => {
      if (error instanceof TimestampError) return error;
      if (timeout.aborted || isTimeout(error))
        return new TimestampError('tsa.timeout', `no reply within ${timeoutMs} ms`);
      if (signal?.aborted === true) return new TimestampError('tsa.cancelled', 'cancelled');
      return new TimestampError(
        'tsa.unreachable',
        `the authority cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    };
    try {
      const response = await fetch(target.href, {
        method: 'POST',
        headers: { 'Content-Type': TIMESTAMP_QUERY_TYPE, Accept: TIMESTAMP_REPLY_TYPE },
        body: toArrayBuffer(query),
        redirect: 'error',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: bound,
      });
      const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new TimestampError('tsa.tooLarge', `the reply announces ${declared} bytes`);
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new TimestampError('tsa.httpStatus', `the authority answered HTTP ${response.status}`);
      }
      const type = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== TIMESTAMP_REPLY_TYPE) {
        await response.body?.cancel().catch(() => undefined);
        throw new TimestampError('tsa.malformed', `the reply is ${type || 'untyped'}, not a time stamp`);
      }
      return await readCapped(response, maxBytes);
    } catch (error) {
      throw failed(error);
    }
  };
};

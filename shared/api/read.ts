/**
 * Reading a 2xx body: content type checked, bytes read up to a cap, JSON parsed. A body that is cut
 * off or does not parse is reported as a NetworkError / InvalidResponseError('body'), which the
 * request loop treats as transient for idempotent GETs; a wrong content type or a body over the cap
 * is a non-conforming server and final.
 */
import { ApiError, InvalidResponseError, NetworkError, ResponseTooLargeError } from './errors';
import { noStepClock, type StepClock } from '../core/stepClock';

/** The client's own steps in a sync's step times (shared/sync/steps.ts). */
export type ApiStep = 'bodyTransfer' | 'jsonParse' | 'validation' | 'pdfHashing';

const MiB = 1024 * 1024;
/** A JSON page of 500 invoices or 5,000 lines is a few MiB; this leaves ample room. */
export const JSON_MAX_BYTES = 32 * MiB;
/** An invoice document (PDF). */
export const PDF_MAX_BYTES = 50 * MiB;

// application/json, application/problem+json, with or without parameters.
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;|$)/i;

export const isJsonContentType = (value: string | null): boolean =>
  value !== null && JSON_TYPE.test(value.trim());

const mediaType = (value: string | null): string => (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

const cutOff = (status: number, cause: unknown): NetworkError =>
  new NetworkError(
    `The response body was cut off: ${cause instanceof Error ? cause.message : String(cause)}`,
    {
      status,
      cause,
    },
  );

/**
 * The body's bytes, refusing more than `limitBytes` as soon as they arrive: a server that announces
 * or streams a larger body never gets it buffered. ApiErrors raised while reading (an idle timeout)
 * pass through; any other failure of the stream is a cut-off body.
 */
export const readCapped = async (
  response: Response,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer>> => {
  const tooLarge = () =>
    new ResponseTooLargeError(`The response body is larger than ${limitBytes} bytes`, {
      status: response.status,
      limitBytes,
    });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw cutOff(response.status, cause);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};

export const readJson = async (
  response: Response,
  limitBytes = JSON_MAX_BYTES,
  steps: StepClock<ApiStep> = noStepClock(),
): Promise<unknown> => {
  const contentType = response.headers.get('content-type');
  if (!isJsonContentType(contentType)) {
    await response.body?.cancel();
    throw new InvalidResponseError(`Expected a JSON response, got ${JSON.stringify(contentType)}`, {
      status: response.status,
      reason: 'contentType',
    });
  }
  const bytes = await steps.timeAsync('bodyTransfer', () => readCapped(response, limitBytes));
  try {
    return steps.time('jsonParse', (): unknown => JSON.parse(new TextDecoder().decode(bytes)));
  } catch (cause) {
    throw new InvalidResponseError('The response body is not valid JSON (cut off?)', {
      status: response.status,
      reason: 'body',
      cause,
    });
  }
};

export const readBytes = async (
  response: Response,
  expectedType: string,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer>> => {
  const contentType = response.headers.get('content-type');
  if (mediaType(contentType) !== expectedType) {
    await response.body?.cancel();
    throw new InvalidResponseError(`Expected ${expectedType}, got ${JSON.stringify(contentType)}`, {
      status: response.status,
      reason: 'contentType',
    });
  }
  return readCapped(response, limitBytes);
};

/** Problem bodies are small; a larger one is not read for its detail. */
const ERROR_BODY_MAX_BYTES = 64 * 1024;

/** An error body is read only for its detail: a failure to read it must not mask the status. */
export const readTextLeniently = async (response: Response): Promise<string> => {
  try {
    return new TextDecoder().decode(await readCapped(response, ERROR_BODY_MAX_BYTES));
  } catch {
    return '';
  }
};

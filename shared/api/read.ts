/**
 * Reading a 2xx body: content type checked, bytes read, JSON parsed. A body that is cut off or does
 * not parse is reported as a NetworkError / InvalidResponseError('body'), which the request loop
 * treats as transient for idempotent GETs; a wrong content type is a non-conforming server and final.
 */
import { InvalidResponseError, NetworkError } from './errors';

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

export const readJson = async (response: Response): Promise<unknown> => {
  const contentType = response.headers.get('content-type');
  if (!isJsonContentType(contentType)) {
    await response.body?.cancel();
    throw new InvalidResponseError(`Expected a JSON response, got ${JSON.stringify(contentType)}`, {
      status: response.status,
      reason: 'contentType',
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw cutOff(response.status, cause);
  }
  try {
    const json: unknown = JSON.parse(text);
    return json;
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
): Promise<Uint8Array<ArrayBuffer>> => {
  const contentType = response.headers.get('content-type');
  if (mediaType(contentType) !== expectedType) {
    await response.body?.cancel();
    throw new InvalidResponseError(`Expected ${expectedType}, got ${JSON.stringify(contentType)}`, {
      status: response.status,
      reason: 'contentType',
    });
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    throw cutOff(response.status, cause);
  }
};

/** An error body is read only for its detail: a failure to read it must not mask the status. */
export const readTextLeniently = async (response: Response): Promise<string> => {
  try {
    return await response.text();
  } catch {
    return '';
  }
};

import { z } from 'zod';
import { hasDotSegment } from '../api/paths';
import { PDF_MAX_BYTES, readCapped } from '../api/read';
import {
  ApiError,
  CredentialsMissingError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from '../api/errors';

/** The largest answer that crosses from whoever holds the credential: the largest body the client accepts. */
export const API_RESPONSE_MAX_BYTES = PDF_MAX_BYTES;

/**
 * One API request as it crosses from the renderer to whoever holds the credential. Only API paths,
 * only the headers the contract needs: the renderer cannot reach the token endpoint, the simulator's
 * control endpoints, or another host, and cannot set Authorization.
 */
export const forwardedRequestHeaders = ['accept', 'content-type', 'if-match', 'if-none-match'] as const;

export const ApiRequestSchema = z.object({
  path: z
    .string()
    .max(4096)
    .regex(/^\/v1\/[A-Za-z0-9\-._~%/]*(\?[A-Za-z0-9\-._~%&=+]*)?$/, 'must be a /v1/ API path')
    // "/v1/../admin" matches the pattern above but addresses a path outside the API.
    .refine((path) => !hasDotSegment(path), 'must not have a "." or ".." segment'),
  method: z.enum(['GET', 'PUT', 'DELETE']),
  headers: z.partialRecord(z.enum(forwardedRequestHeaders), z.string().max(1024)),
  body: z.string().max(1_000_000).nullable(),
});
export type ApiRequest = z.infer<typeof ApiRequestSchema>;

/** Names one forwarded request so that the renderer can cancel it while main is still fetching. */
export const ApiRequestIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a request id');

export const ForwardedApiRequestSchema = ApiRequestSchema.extend({ requestId: ApiRequestIdSchema });
export type ForwardedApiRequest = z.infer<typeof ForwardedApiRequestSchema>;

export const CancelApiRequestSchema = z.object({ requestId: ApiRequestIdSchema });

export const ApiResponseDataSchema = z.object({
  status: z.number().int().min(200).max(599),
  statusText: z.string().max(256),
  headers: z
    .record(z.string().max(256), z.string().max(8192))
    .refine((headers) => Object.keys(headers).length <= 100, 'at most 100 headers'),
  body: z
    .instanceof(Uint8Array<ArrayBuffer>)
    .refine((body) => body.byteLength <= API_RESPONSE_MAX_BYTES, 'body over the size cap'),
});
export type ApiResponseData = z.infer<typeof ApiResponseDataSchema>;

/** Turns a fetch-style call into the serialisable request above (the part the bridge forwards). */
export const toApiRequest = (path: string, init: RequestInit): ApiRequest => {
  const source = new Headers(init.headers);
  const headers: ApiRequest['headers'] = {};
  for (const name of forwardedRequestHeaders) {
    const value = source.get(name);
    if (value !== null) headers[name] = value;
  }
  const method = (init.method ?? 'GET').toUpperCase();
  const body = typeof init.body === 'string' ? init.body : null;
  return ApiRequestSchema.parse({ path, method, headers, body });
};

export const fromApiResponse = (data: ApiResponseData): Response =>
  new Response(data.status === 204 || data.status === 304 ? null : data.body, {
    status: data.status,
    statusText: data.statusText,
    headers: data.headers,
  });

export const toApiResponseData = async (response: Response): Promise<ApiResponseData> => {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    // Capped while reading: main never buffers, nor sends over IPC, more than the client would accept.
    body: await readCapped(response, API_RESPONSE_MAX_BYTES),
  };
};

/**
 * A transport failure as data, so that it keeps its code across IPC and the worker's port: a
 * redirect or a size bound stays final and translated, instead of becoming a retried network error.
 */
export const ForwardedErrorSchema = z.object({
  code: z.enum([
    'api.network',
    'api.timeout',
    'api.redirect',
    'api.tooLarge',
    'api.invalidRequest',
    'api.invalidResponse',
    'api.credentialsMissing',
  ]),
  notSent: z.boolean(),
});
export type ForwardedError = z.infer<typeof ForwardedErrorSchema>;

export const toForwardedError = (error: unknown): ForwardedError | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  const parsed = ForwardedErrorSchema.safeParse({
    code: error.code,
    notSent: error instanceof NetworkError && error.notSent,
  });
  return parsed.success ? parsed.data : undefined;
};

export const fromForwardedError = (forwarded: ForwardedError, message: string): ApiError => {
  switch (forwarded.code) {
    case 'api.network':
      return new NetworkError(message, { notSent: forwarded.notSent });
    case 'api.timeout':
      return new TimeoutError(message, { notSent: forwarded.notSent });
    case 'api.redirect':
      return new RedirectError(message);
    case 'api.tooLarge':
      return new ResponseTooLargeError(message, { limitBytes: API_RESPONSE_MAX_BYTES });
    case 'api.invalidRequest':
      return new InvalidRequestError(message);
    case 'api.credentialsMissing':
      return new CredentialsMissingError(message);
    case 'api.invalidResponse':
      return new InvalidResponseError(message, { reason: 'schema' });
  }
};

/**
 * Requests and responses as plain values. Handlers return a SimResponse instead of writing to the
 * socket, so that fault injection can cut, delay or replace any answer in one place.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Problem } from '../../shared/api/schemas';

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** decoded path parameters, in pattern order */
  readonly params: readonly string[];
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string | null;
}

const PROBLEM_BASE = 'https://postal-billing.example/problems/';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

export interface ProblemDetails {
  /** the last segment of the problem type URI */
  readonly slug: string;
  readonly detail?: string;
  readonly errors?: Problem['errors'];
  /** with 412: the current representation */
  readonly current?: unknown;
  readonly headers?: Record<string, string>;
}

/** An RFC 9457 problem+json response, as every error of the contract is. */
export const problem = (status: number, details: ProblemDetails): SimResponse => {
  const body = {
    type: `${PROBLEM_BASE}${details.slug}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(details.detail === undefined ? {} : { detail: details.detail }),
    ...(details.errors === undefined ? {} : { errors: details.errors }),
    ...(details.current === undefined ? {} : { current: details.current }),
  } satisfies Problem;
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...details.headers },
    body: JSON.stringify(body),
  };
};

export const noContent = (headers: Record<string, string> = {}): SimResponse => ({
  status: 204,
  headers,
  body: null,
});

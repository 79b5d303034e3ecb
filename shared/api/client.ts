/**
 * The typed Postal Billing API client: every endpoint of shared/postal-billing-api.yaml, validated
 * with zod, retried where safe, failing with typed ApiErrors.
 *
 * Two layers: `createApiClient` runs over any `Fetch` that already authenticates (the renderer's IPC
 * transport, which holds no credential); `createAuthenticatedFetch` (transport.ts) is that
 * authentication. `createCredentialedApiClient` composes both where one process holds both.
 *
 * Failures are ApiErrors (errors.ts), except an abort: the call then rejects with the signal's own
 * reason (an AbortError or TimeoutError DOMException), as fetch does.
 */
import { createHttp } from './http';
import type { StepClock } from '../core/stepClock';
import type { ApiStep } from './read';
import { createServerClock } from './serverDate';
import type { InvoiceCalls } from './invoiceCalls';
import { createInvoiceCalls } from './invoiceCalls';
import type { Clock, Random, RetryPolicy, Sleep } from './retry';
import { DEFAULT_RETRY_POLICY, sleep as realSleep } from './retry';
import type { SettingCalls } from './settingCalls';
import { createSettingCalls } from './settingCalls';
import type { AuthenticatedFetchOptions, Fetch } from './transport';
import { createAuthenticatedFetch } from './transport';

// ---------------------------------------------------------------------------------------------
// Contract

export interface ApiClientOptions {
  /** Takes paths ("/v1/customer") and authenticates; see transport.ts. */
  readonly fetch: Fetch;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: Sleep;
  readonly random?: Random;
  readonly now?: Clock;
  /** Where a sync's step times go (body, parsing, validation, hashing); default: not timed. */
  readonly steps?: StepClock<ApiStep>;
}

export type ApiClient = InvoiceCalls &
  SettingCalls & {
    /** The operator's date from the latest response's Date header; null before any. */
    readonly operatorDate: () => string | null;
  };

export type CredentialedApiClientOptions = AuthenticatedFetchOptions & Omit<ApiClientOptions, 'fetch'>;

// ---------------------------------------------------------------------------------------------
// Implementation

// Member by member, so that a member explicitly set to undefined keeps its default.
const retryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: overrides.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
  baseDelayMs: overrides.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
  maxDelayMs: overrides.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
  maxRetryAfterMs: overrides.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
});

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const clock = createServerClock();
  const http = createHttp({
    fetch: options.fetch,
    observe: clock.observe,
    policy: retryPolicy(options.retry),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });
  return {
    ...createInvoiceCalls(http, options.steps),
    ...createSettingCalls(http),
    operatorDate: clock.operatorDate,
  };
};

/** Token handling and typed calls in one, for a process that may hold the client secret. */
export const createCredentialedApiClient = (options: CredentialedApiClientOptions): ApiClient =>
  createApiClient({ ...options, fetch: createAuthenticatedFetch(options) });

export type { AuthenticatedFetchOptions, Fetch } from './transport';
export { createAuthenticatedFetch, withBaseUrl } from './transport';
export type { CallOptions, InvoiceChangesPage, InvoiceDocument, InvoiceLinesPage } from './invoiceCalls';
export type { Precondition, Versioned, WriteResult } from './settingCalls';
export type { InvalidItem, ValidatedItems } from './validate';
export type { RetryPolicy, Sleep } from './retry';
export { DEFAULT_RETRY_POLICY } from './retry';
export { documentMatchesInvoice } from './digest';
export * from './errors';
export type { ApiStep } from './read';

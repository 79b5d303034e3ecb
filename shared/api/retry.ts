/**
 * When and how long to wait before repeating a request: Retry-After first, otherwise bounded
 * exponential backoff with full jitter. Time and randomness are injected so the policy is tested
 * without real timers.
 */

// ---------------------------------------------------------------------------------------------
// Contract

export interface RetryPolicy {
  /** Attempts in total, the first included; 1 disables retrying. */
  readonly maxAttempts: number;
  /** Ceiling of the first backoff; doubles with every retry. */
  readonly baseDelayMs: number;
  /** Upper bound of any backoff ceiling. */
  readonly maxDelayMs: number;
  /**
   * A Retry-After longer than this is not waited for inside one call: the error is raised at once
   * with its `retryAfterMs`, so a caller (the sync engine) can schedule the retry instead of hanging.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 120_000,
} as const satisfies RetryPolicy;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Uniform in [0, 1), like Math.random. */
export type Random = () => number;

/** Milliseconds since the epoch, like Date.now. */
export type Clock = () => number;

/** One attempt's outcome, as the retry loop sees it. */
export type AttemptOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: Error;
      /** False for definitive answers and for failures after which a repeat could apply a write twice. */
      readonly retryable: boolean;
      /** The server's Retry-After, when it sent one. */
      readonly retryAfterMs?: number | undefined;
    };

export interface RetryDeps {
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly random: Random;
}

// ---------------------------------------------------------------------------------------------
// Implementation

/**
 * Full jitter (uniform between 0 and the exponential ceiling) spreads clients that failed together
 * across the whole window instead of letting them retry in lockstep.
 * @param retry 1 for the first retry, 2 for the second, ...
 */
export const backoffDelayMs = (retry: number, policy: RetryPolicy, random: Random): number => {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
};

/**
 * Retry-After is delta-seconds in this contract; an HTTP-date is accepted too because RFC 9110 allows
 * it. Returns undefined for a missing or unusable value (the caller then backs off instead).
 */
export const parseRetryAfterMs = (value: string | null, now: number): number | undefined => {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with the day name; this keeps "-1" from parsing as a year.
  const date = /^[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The error an aborted signal stands for, typed (AbortSignal.reason is `any`). */
export const abortReason = (signal: AbortSignal | undefined): Error => {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('The operation was aborted', { cause: reason });
};

export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted === true) throw abortReason(signal);
};

/**
 * Runs `attempt` until it succeeds, fails definitively or the budget is spent. The last failure is
 * thrown as is. An abort (before an attempt or during a wait) rejects with the signal's reason.
 */
export const withRetry = async <T>(
  attempt: (attemptNo: number) => Promise<AttemptOutcome<T>>,
  deps: RetryDeps,
  signal?: AbortSignal,
): Promise<T> => {
  for (let attemptNo = 1; ; attemptNo++) {
    throwIfAborted(signal);
    const outcome = await attempt(attemptNo);
    if (outcome.ok) return outcome.value;
    if (!outcome.retryable || attemptNo >= deps.policy.maxAttempts) throw outcome.error;
    const { retryAfterMs } = outcome;
    if (retryAfterMs !== undefined && retryAfterMs > deps.policy.maxRetryAfterMs) throw outcome.error;
    await deps.sleep(retryAfterMs ?? backoffDelayMs(attemptNo, deps.policy, deps.random), signal);
  }
};

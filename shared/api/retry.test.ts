import { describe, expect, it } from 'vitest';
import type { AttemptOutcome, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, sleep, withRetry } from './retry';
import { createFakeSleep } from '../testing/fakeFetch';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 60_000 };

describe('backoffDelayMs (full jitter)', () => {
  it('stays within [0, min(max, base * 2^(retry-1)))', () => {
    const ceilings = [100, 200, 400, 800, 1_000, 1_000];
    ceilings.forEach((ceiling, index) => {
      const retry = index + 1;
      expect(backoffDelayMs(retry, policy, () => 0)).toBe(0);
      expect(backoffDelayMs(retry, policy, () => 0.5)).toBe(ceiling / 2);
      expect(backoffDelayMs(retry, policy, () => 0.999_999)).toBe(ceiling - 1);
    });
  });

  it('spreads uniformly over the window', () => {
    let seed = 1;
    const random = (): number => {
      seed = (seed * 16_807) % 2_147_483_647;
      return (seed - 1) / 2_147_483_646;
    };
    const delays = Array.from({ length: 2_000 }, () => backoffDelayMs(3, policy, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(400);
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    expect(mean).toBeGreaterThan(170);
    expect(mean).toBeLessThan(230);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing and unusable values', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('-1', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(pending).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once when already aborted', async () => {
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('withRetry', () => {
  const failure = (retryable: boolean, retryAfterMs?: number): AttemptOutcome<string> => ({
    ok: false,
    error: new Error(`failure ${String(retryAfterMs)}`),
    retryable,
    retryAfterMs,
  });

  it('retries retryable failures up to maxAttempts, then throws the last error', async () => {
    const { sleep: fakeSleep, delays } = createFakeSleep();
    let attempts = 0;
    const run = withRetry(
      () => {
        attempts++;
        return Promise.resolve(failure(true));
      },
      { policy, sleep: fakeSleep, random: () => 0.5 },
    );
    await expect(run).rejects.toThrow('failure undefined');
    expect(attempts).toBe(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('waits exactly Retry-After when given, and backs off otherwise', async () => {
    const { sleep: fakeSleep, delays } = createFakeSleep();
    const script = [
      failure(true, 2_000),
      failure(true),
      failure(true, 0),
      { ok: true, value: 'done' } as const,
    ];
    const value = await withRetry(() => Promise.resolve(script.shift()!), {
      policy,
      sleep: fakeSleep,
      random: () => 0.25,
    });
    expect(value).toBe('done');
    expect(delays).toEqual([2_000, 50, 0]);
  });

  it('does not retry definitive failures', async () => {
    const { sleep: fakeSleep, delays } = createFakeSleep();
    await expect(
      withRetry(() => Promise.resolve(failure(false)), { policy, sleep: fakeSleep, random: Math.random }),
    ).rejects.toThrow('failure');
    expect(delays).toEqual([]);
  });

  it('gives up at once when Retry-After exceeds maxRetryAfterMs', async () => {
    const { sleep: fakeSleep, delays } = createFakeSleep();
    await expect(
      withRetry(() => Promise.resolve(failure(true, 600_000)), {
        policy,
        sleep: fakeSleep,
        random: Math.random,
      }),
    ).rejects.toThrow('failure 600000');
    expect(delays).toEqual([]);
  });

  it('stops when the signal aborts during a wait', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const run = withRetry(
      () => {
        attempts++;
        return Promise.resolve(failure(true, 5_000));
      },
      { policy, sleep, random: Math.random },
      controller.signal,
    );
    setTimeout(() => controller.abort(new Error('user cancelled')), 10);
    await expect(run).rejects.toThrow('user cancelled');
    expect(attempts).toBe(1);
  });

  it('has sensible defaults', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY_POLICY.baseDelayMs).toBeLessThan(DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});

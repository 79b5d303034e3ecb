import { useEffect, type DependencyList } from 'react';

/** One asynchronous step of an effect: what to run, and what to do with its outcome. */
export interface AsyncEffect<T> {
  run: (signal: AbortSignal) => Promise<T>;
  onValue: (value: T) => void;
  onError?: (error: unknown) => void;
}

/**
 * An effect that awaits something: its outcome reaches `onValue` or `onError` only while the effect
 * is current, so a late answer of an older run never overwrites a newer one (or touches an unmounted
 * component). `run` gets a signal that aborts when the effect is cleaned up. The factory may return
 * null when there is nothing to do yet. Lint checks its deps like useEffect's (eslint.config.js).
 */
export const useAsyncEffect = <T>(effect: () => AsyncEffect<T> | null, deps: DependencyList): void => {
  useEffect(() => {
    const step = effect();
    if (!step) return;
    const controller = new AbortController();
    step.run(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) step.onValue(value);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) step.onError?.(error);
      },
    );
    return () => controller.abort();
    // The caller's deps, checked at the call site (react-hooks/exhaustive-deps additionalHooks).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
};

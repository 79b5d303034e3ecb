/**
 * Lifetimes as values: whatever starts something (a worker, a timer, a listener) returns a
 * Disposable, and its owner disposes it. Disposing twice is harmless.
 */
import { toDisposable, type Disposable } from '../../shared/core/disposable';

export { DisposableStore, toDisposable, type Disposable } from '../../shared/core/disposable';

/** Listens until disposed. */
export const listen = <K extends keyof WindowEventMap>(
  target: Window,
  type: K,
  listener: (event: WindowEventMap[K]) => void,
): Disposable => {
  target.addEventListener(type, listener);
  return toDisposable(() => target.removeEventListener(type, listener));
};

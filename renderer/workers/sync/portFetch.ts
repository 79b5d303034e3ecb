import type { Fetch } from '../../../shared/api/client';
import { fromApiResponse, fromForwardedError, toApiRequest } from '../../../shared/connection/apiRequest';
import type { FromWorker, ToWorker } from './protocol';

/**
 * A Fetch for the worker that asks the page to send the request (the page reaches the platform:
 * IPC to the main process in Electron, the network in the browser) and resolves with its answer.
 */
export const createPortFetch = (post: (message: FromWorker) => void) => {
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (response: Response) => void; reject: (error: Error) => void }
  >();

  const fetch: Fetch = (path, init) =>
    new Promise<Response>((resolve, reject) => {
      if (init.signal?.aborted) {
        reject(
          init.signal.reason instanceof Error
            ? init.signal.reason
            : new DOMException('Aborted', 'AbortError'),
        );
        return;
      }
      const id = nextId;
      nextId += 1;
      waiting.set(id, { resolve, reject });
      init.signal?.addEventListener(
        'abort',
        () => {
          if (!waiting.delete(id)) return;
          // The page, and through it main, stop the request too instead of letting it run on.
          post({ type: 'fetchCancel', id });
          reject(new DOMException('Aborted', 'AbortError'));
        },
        { once: true },
      );
      post({ type: 'fetch', id, request: toApiRequest(path, init) });
    });

  const settle = (message: Extract<ToWorker, { type: 'fetchResult' }>) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    // Like fetch, a transport failure is a TypeError; the API client treats it as a network error.
    if (message.ok) entry.resolve(fromApiResponse(message.response));
    else if (message.error !== undefined) entry.reject(fromForwardedError(message.error, message.message));
    else entry.reject(new TypeError(message.message));
  };

  return { fetch, settle };
};

import { toDisposable, type Disposable } from '../../../shared/core/disposable';
import type { CommandFile } from '../../../shared/ipc/appCommands';

/** "Import cost centres" asked for from outside the page: with a file (dropped, handed over) or with the picker. */
export interface ImportRequest {
  file: CommandFile | null;
}

export interface ImportRequests {
  /** Hands the request to the import shown now, or keeps it for the next one to open (one at most: the latest). */
  request(request: ImportRequest): void;
  /** The import takes requests while it is shown; a request kept for it comes at once. */
  take(listener: (request: ImportRequest) => void): Disposable;
}

/**
 * The command runs before the cost-centre page has mounted (it navigates there first), so the
 * request waits here for the page's import to take it.
 */
export const createImportRequests = (): ImportRequests => {
  let pending: ImportRequest | null = null;
  const listeners = new Set<(request: ImportRequest) => void>();
  return {
    request: (request) => {
      if (listeners.size === 0) {
        pending = request;
        return;
      }
      for (const listener of listeners) listener(request);
    },
    take: (listener) => {
      listeners.add(listener);
      if (pending !== null) {
        const request = pending;
        pending = null;
        listener(request);
      }
      return toDisposable(() => {
        listeners.delete(listener);
      });
    },
  };
};

/** The page's one queue: the dispatcher writes to it, the cost-centre import reads it. */
export const costCenterImportRequests: ImportRequests = createImportRequests();

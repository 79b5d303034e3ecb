import { createContext, useContext } from 'react';
import type { LineIndexClient } from './lineIndexClient';

/** The line-index worker starts on first use: clerks who never open the explorer never pay for it. */
export const LineIndexContext = createContext<(() => LineIndexClient) | null>(null);

/**
 * The worker's client without starting it: for a page that needs the index only for some actions
 * (the invoice list's search by a line's reference), so its cold start does not boot the worker.
 */
export const useLineIndex = (): (() => LineIndexClient) => {
  const get = useContext(LineIndexContext);
  if (!get) throw new Error('useLineIndex outside LineIndexContext');
  return get;
};

/** The worker's client, started now: for pages whose first rows come from the index. */
export const useLineIndexClient = (): LineIndexClient => useLineIndex()();

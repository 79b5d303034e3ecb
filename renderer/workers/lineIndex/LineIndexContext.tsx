import { createContext, useContext } from 'react';
import type { LineIndexClient } from './lineIndexClient';

/** The line-index worker starts on first use: clerks who never open the explorer never pay for it. */
export const LineIndexContext = createContext<(() => LineIndexClient) | null>(null);

export const useLineIndexClient = (): LineIndexClient => {
  const get = useContext(LineIndexContext);
  if (!get) throw new Error('useLineIndexClient outside LineIndexContext');
  return get();
};

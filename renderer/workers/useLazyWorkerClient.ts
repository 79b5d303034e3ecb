import { useCallback, useEffect, useRef } from 'react';

/**
 * A worker client owned by one mounted component: started by the first call of the returned
 * function, disposed when the component goes, so a clerk who never uses the feature never pays for
 * its worker. `start` must be a module-level function: each worker's `new Worker(new URL(…))` stays
 * written out in its own module, where the bundler finds it.
 */
export const useLazyWorkerClient = <Client extends { dispose(): void }>(
  start: () => Client,
): (() => Client) => {
  const client = useRef<Client | null>(null);
  const starter = useRef(start);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  return useCallback(() => (client.current ??= starter.current()), []);
};

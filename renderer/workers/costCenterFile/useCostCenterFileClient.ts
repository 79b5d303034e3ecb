import { useCallback, useEffect, useRef } from 'react';
import { createCostCenterFileClient, type CostCenterFileClient } from './costCenterFileClient';

/**
 * The cost-centre file worker of one mounted page: started on the first file, ended when the page
 * goes (a clerk who never imports never pays for SheetJS).
 */
export const useCostCenterFileClient = (): (() => CostCenterFileClient) => {
  const client = useRef<CostCenterFileClient | null>(null);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  return useCallback(
    () =>
      (client.current ??= createCostCenterFileClient(
        new Worker(new URL('./costCenterFileWorker.ts', import.meta.url), {
          type: 'module',
          name: 'invoice-desk-cost-centre-file',
        }),
      )),
    [],
  );
};

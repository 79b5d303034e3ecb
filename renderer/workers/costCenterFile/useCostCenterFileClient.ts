import { useLazyWorkerClient } from '../useLazyWorkerClient';
import { createCostCenterFileClient, type CostCenterFileClient } from './costCenterFileClient';

const startCostCenterFileWorker = (): CostCenterFileClient =>
  createCostCenterFileClient(
    new Worker(new URL('./costCenterFileWorker.ts', import.meta.url), {
      type: 'module',
      name: 'invoice-desk-cost-centre-file',
    }),
  );

/** The spreadsheet worker of one mounted page, started on the first file (SheetJS loads only then). */
export const useCostCenterFileClient = (): (() => CostCenterFileClient) =>
  useLazyWorkerClient(startCostCenterFileWorker);

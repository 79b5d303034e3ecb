import { useLazyWorkerClient } from '../useLazyWorkerClient';
import { createExportFileClient, type ExportFileClient } from './exportFileClient';

const startExportWorker = (): ExportFileClient =>
  createExportFileClient(
    new Worker(new URL('./exportFileWorker.ts', import.meta.url), {
      type: 'module',
      name: 'invoice-desk-export',
    }),
  );

/** The export worker of one mounted component, started on the first export. */
export const useExportFileClient = (): (() => ExportFileClient) => useLazyWorkerClient(startExportWorker);

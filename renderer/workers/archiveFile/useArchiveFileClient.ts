import { useLazyWorkerClient } from '../useLazyWorkerClient';
import { createArchiveFileClient, type ArchiveFileClient } from './archiveFileClient';

const startArchiveWorker = (): ArchiveFileClient =>
  createArchiveFileClient(
    new Worker(new URL('./archiveFileWorker.ts', import.meta.url), {
      type: 'module',
      name: 'invoice-desk-archive',
    }),
  );

/** The archive worker of one mounted component, started on the first export. */
export const useArchiveFileClient = (): (() => ArchiveFileClient) => useLazyWorkerClient(startArchiveWorker);

import { useCallback, useEffect, useRef } from 'react';
import { createExportFileClient, type ExportFileClient } from './exportFileClient';

/**
 * The export worker of one mounted component: started on the first export, ended when the
 * component goes (a clerk who never exports never pays for it).
 */
export const useExportFileClient = (): (() => ExportFileClient) => {
  const client = useRef<ExportFileClient | null>(null);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  return useCallback(
    () =>
      (client.current ??= createExportFileClient(
        new Worker(new URL('./exportFileWorker.ts', import.meta.url), {
          type: 'module',
          name: 'invoice-desk-export',
        }),
      )),
    [],
  );
};

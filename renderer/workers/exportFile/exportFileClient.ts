import { DisposableStore, toDisposable, type Disposable } from '../../ui/lifecycle';
import { createRpc, type RpcPort } from '../rpc';
import type { ExportFileRequest, ExportFileResult, ExportPageSide, ExportWorkerSide } from './protocol';

export interface ExportFileClient extends Disposable {
  /**
   * Runs an export in the worker; `write` receives the file's pieces in order (the worker waits for
   * each), `onProgress` the blocks read. Aborting `signal` stops the worker between two batches.
   */
  run(
    request: ExportFileRequest,
    write: (chunk: Uint8Array<ArrayBuffer>) => Promise<void>,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<ExportFileResult>;
}

/** The page's side of the export worker; disposing it ends the worker. */
export const createExportFileClient = (worker: RpcPort & { terminate(): void }): ExportFileClient => {
  const lifetime = new DisposableStore();
  lifetime.add(toDisposable(() => worker.terminate()));
  let writer: ((chunk: Uint8Array<ArrayBuffer>) => Promise<void>) | null = null;
  let progress: ((done: number, total: number) => void) | null = null;
  const rpc = lifetime.add(
    createRpc<ExportPageSide, ExportWorkerSide>(worker, {
      write: async ({ chunk }) => {
        if (writer) await writer(chunk);
        return undefined;
      },
    }),
  );
  lifetime.add(rpc.on('progress', ({ done, total }) => progress?.(done, total)));
  return {
    run: async (request, write, onProgress, signal) => {
      writer = write;
      progress = onProgress;
      try {
        return await rpc.call('run', request, { signal });
      } finally {
        writer = null;
        progress = null;
      }
    },
    dispose: () => lifetime.dispose(),
  };
};

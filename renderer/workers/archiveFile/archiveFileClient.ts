import { DisposableStore, toDisposable, type Disposable } from '../../ui/lifecycle';
import { createRpc, type RpcPort } from '../rpc';
import type { ArchiveFileRequest, ArchiveFileResult, ArchivePageSide, ArchiveWorkerSide } from './protocol';

type Seal = (manifest: Uint8Array<ArrayBuffer>) => Promise<ArchivePageSide['methods']['seal']['result']>;

export interface ArchiveFileClient extends Disposable {
  /**
   * Writes the archive in the worker; `write` receives the zip's pieces in order (the worker waits
   * for each), `seal` signs the manifest, `onProgress` counts documents and blocks. Aborting `signal`
   * stops the worker between two batches.
   */
  run(
    request: ArchiveFileRequest,
    io: {
      write: (chunk: Uint8Array<ArrayBuffer>) => Promise<void>;
      seal: Seal;
      onProgress: (done: number, total: number) => void;
    },
    signal: AbortSignal,
  ): Promise<ArchiveFileResult>;
}

/** The page's side of the archive worker; disposing it ends the worker. */
export const createArchiveFileClient = (worker: RpcPort & { terminate(): void }): ArchiveFileClient => {
  const lifetime = new DisposableStore();
  lifetime.add(toDisposable(() => worker.terminate()));
  let writer: ((chunk: Uint8Array<ArrayBuffer>) => Promise<void>) | null = null;
  let sealer: Seal | null = null;
  let progress: ((done: number, total: number) => void) | null = null;
  const rpc = lifetime.add(
    createRpc<ArchivePageSide, ArchiveWorkerSide>(worker, {
      write: async ({ chunk }) => {
        if (writer) await writer(chunk);
        return undefined;
      },
      seal: ({ manifest }) => {
        if (!sealer) return Promise.reject(new Error('No archive is being written'));
        return sealer(manifest);
      },
    }),
  );
  lifetime.add(rpc.on('progress', ({ done, total }) => progress?.(done, total)));
  return {
    run: async (request, io, signal) => {
      writer = io.write;
      sealer = io.seal;
      progress = io.onProgress;
      try {
        return await rpc.call('run', request, { signal });
      } finally {
        writer = null;
        sealer = null;
        progress = null;
      }
    },
    dispose: () => lifetime.dispose(),
  };
};

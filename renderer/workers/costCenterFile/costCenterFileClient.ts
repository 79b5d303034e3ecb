import type { AssignmentFileResult } from '../../../shared/assignmentImport/contract';
import type { FileResult, ReadOptions } from '../../../shared/costCenters/fileContract';
import { DisposableStore, toDisposable, type Disposable } from '../../ui/lifecycle';
import { createRpc, type RpcPort } from '../rpc';
import type { CostCenterFilePageSide, CostCenterFileWorkerSide } from './protocol';

export interface CostCenterFileClient extends Disposable {
  /**
   * Reads the file in the worker. The bytes are transferred: afterwards the caller's buffer is
   * empty, so a caller that reads again (another mapping) passes a copy.
   */
  read(
    bytes: Uint8Array<ArrayBuffer>,
    fileName: string,
    options: ReadOptions,
    signal?: AbortSignal,
  ): Promise<FileResult>;
  /** Reads an assignment sheet in the worker; the bytes are transferred as with `read`. */
  readAssignments(
    bytes: Uint8Array<ArrayBuffer>,
    fileName: string,
    signal?: AbortSignal,
  ): Promise<AssignmentFileResult>;
}

/** The page's side of the cost-centre file worker; disposing it ends the worker. */
export const createCostCenterFileClient = (worker: RpcPort & { terminate(): void }): CostCenterFileClient => {
  const lifetime = new DisposableStore();
  lifetime.add(toDisposable(() => worker.terminate()));
  const rpc = lifetime.add(createRpc<CostCenterFilePageSide, CostCenterFileWorkerSide>(worker, {}));
  return {
    read: (bytes, fileName, options, signal) =>
      rpc.call(
        'read',
        { bytes, fileName, options },
        { transfer: [bytes.buffer], ...(signal ? { signal } : {}) },
      ),
    readAssignments: (bytes, fileName, signal) =>
      rpc.call(
        'readAssignments',
        { bytes, fileName },
        { transfer: [bytes.buffer], ...(signal ? { signal } : {}) },
      ),
    dispose: () => lifetime.dispose(),
  };
};

import { createRpc, type Rpc, type RpcPort } from '../rpc';
import type { CostCenterFilePageSide, CostCenterFileReader, CostCenterFileWorkerSide } from './protocol';

/** The worker's side: answers each read with what the reader makes of the bytes. */
export const serveCostCenterFile = (
  port: RpcPort,
  read: CostCenterFileReader,
): Rpc<CostCenterFileWorkerSide, CostCenterFilePageSide> =>
  createRpc<CostCenterFileWorkerSide, CostCenterFilePageSide>(port, {
    read: ({ bytes, fileName, options }) => read(bytes, fileName, options),
  });

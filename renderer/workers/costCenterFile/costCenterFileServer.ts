import { createRpc, type Rpc, type RpcPort } from '../rpc';
import type {
  AssignmentFileReader,
  CostCenterFilePageSide,
  CostCenterFileReader,
  CostCenterFileWorkerSide,
} from './protocol';

/** The worker's side: answers each read with what the reader (cost centres or assignments) makes of the bytes. */
export const serveCostCenterFile = (
  port: RpcPort,
  read: CostCenterFileReader,
  readAssignments: AssignmentFileReader,
): Rpc<CostCenterFileWorkerSide, CostCenterFilePageSide> =>
  createRpc<CostCenterFileWorkerSide, CostCenterFilePageSide>(port, {
    read: ({ bytes, fileName, options }) => read(bytes, fileName, options),
    readAssignments: ({ bytes, fileName }) => readAssignments(bytes, fileName),
  });

import type { AssignmentFileResult } from '../../../shared/assignmentImport/contract';
import type { FileResult, ReadOptions } from '../../../shared/costCenters/fileContract';
import type { Nothing } from '../rpc';

/** The cost-centre file worker's one method, over workers/rpc.ts: read a file off the page's thread. */

export interface ReadRequest {
  /** Transferred, not copied: the page gives the file's bytes up once it asks. */
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  options: ReadOptions;
}

export interface CostCenterFileWorkerSide {
  methods: {
    read: { params: ReadRequest; result: FileResult };
    /** An assignment sheet (the assignment import reuses this worker and its SheetJS). */
    readAssignments: { params: Omit<ReadRequest, 'options'>; result: AssignmentFileResult };
  };
  events: Nothing;
}

export interface CostCenterFilePageSide {
  methods: Nothing;
  events: Nothing;
}

export type CostCenterFileReader = (bytes: Uint8Array, fileName: string, options: ReadOptions) => FileResult;

export type AssignmentFileReader = (bytes: Uint8Array, fileName: string) => AssignmentFileResult;

/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { readAssignmentFile } from '../../../shared/assignmentImport/readFile';
import { readCostCenterFile } from '../../../shared/costCenters';
import { serveCostCenterFile } from './costCenterFileServer';

declare const self: DedicatedWorkerGlobalScope;

/** Reads cost-centre files off the page's thread: SheetJS on a large workbook would freeze it. */
serveCostCenterFile(self, readCostCenterFile, readAssignmentFile);

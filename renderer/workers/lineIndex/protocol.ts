import type { LineFilter, LineRow, LineTotals } from '../../../shared/lines/lineIndex';
import type { SkippedRow } from '../../db/rowChecks';
import type { Nothing } from '../rpc';

/** The line-index worker's methods, over workers/rpc.ts. Calls are served in the order they are sent. */

export interface IndexFacts {
  size: number;
  services: string[];
  licences: string[];
  references: string[];
  /** Damaged stored rows left out of the index (see db/rowChecks.ts). */
  skippedInvoices: SkippedRow[];
  skippedBlocks: SkippedRow[];
}

export interface ExportRequest {
  resultId: number;
  format: 'csv' | 'xlsx';
  columns: readonly string[];
  headers: Record<string, string>;
  language: 'de' | 'fr' | 'it' | 'en';
  sheetName: string;
}

/** The data of a failed call: the result a window or an export asked for has been dropped. */
export interface ExpiredFailure {
  code: 'expired';
}

export interface LineIndexWorkerSide {
  methods: {
    /** First of all: which profile's archive to index. */
    open: { params: { databaseName: string }; result: undefined };
    refresh: { params: undefined; result: IndexFacts };
    query: { params: LineFilter; result: { resultId: number; totals: LineTotals; elapsedMs: number } };
    rows: { params: { resultId: number; start: number; count: number }; result: LineRow[] };
    export: { params: ExportRequest; result: Uint8Array<ArrayBuffer> };
  };
  events: Nothing;
}

export interface LineIndexPageSide {
  methods: Nothing;
  events: Nothing;
}

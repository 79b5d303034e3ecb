import type {
  LineFilter,
  LineGroup,
  LineGroupKey,
  LineRow,
  LineSort,
  LineTotals,
} from '../../../shared/lines/lineIndex';
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

export interface LineQuery {
  filter: LineFilter;
  sort?: LineSort;
  group?: LineGroupKey;
}

export interface QueryAnswer {
  resultId: number;
  totals: LineTotals;
  /** The subtotals, when the query asked for a grouping. */
  groups: LineGroup[] | null;
  elapsedMs: number;
}

export interface ExportRequest {
  resultId: number;
  /** The lines of the result, or its subtotals (the result must have been grouped). */
  view: 'lines' | 'groups';
  /** For the subtotals: what they are grouped by, and the text for lines no cost centre takes. */
  group?: LineGroupKey;
  unassignedLabel?: string;
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
    query: { params: LineQuery; result: QueryAnswer };
    /** Ids of the invoices with a line whose customer reference contains the text. */
    invoicesWithText: { params: { text: string }; result: string[] };
    rows: { params: { resultId: number; start: number; count: number }; result: LineRow[] };
    export: { params: ExportRequest; result: Uint8Array<ArrayBuffer> };
  };
  events: Nothing;
}

export interface LineIndexPageSide {
  methods: Nothing;
  events: Nothing;
}

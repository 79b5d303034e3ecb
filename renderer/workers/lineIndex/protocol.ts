import type { LineFilter, LineRow, LineTotals } from '../../../shared/lines/lineIndex';
import type { SkippedRow } from '../../db/rowChecks';

/** Requests to the line-index worker and its answers, matched by id. */
export type LineIndexRequest =
  /** First of all: which profile's archive to index. */
  | { id: number; type: 'open'; databaseName: string }
  | { id: number; type: 'refresh' }
  | { id: number; type: 'query'; filter: LineFilter }
  | { id: number; type: 'rows'; resultId: number; start: number; count: number }
  | {
      id: number;
      type: 'export';
      resultId: number;
      format: 'csv' | 'xlsx';
      columns: readonly string[];
      headers: Record<string, string>;
      language: 'de' | 'fr' | 'it' | 'en';
      sheetName: string;
    };

export interface IndexFacts {
  size: number;
  services: string[];
  licences: string[];
  references: string[];
  /** Damaged stored rows left out of the index (see db/rowChecks.ts). */
  skippedInvoices: SkippedRow[];
  skippedBlocks: SkippedRow[];
}

export type LineIndexResponse =
  | { id: number; ok: true; type: 'open' }
  | { id: number; ok: true; type: 'refresh'; facts: IndexFacts }
  | { id: number; ok: true; type: 'query'; resultId: number; totals: LineTotals; elapsedMs: number }
  | { id: number; ok: true; type: 'rows'; rows: LineRow[] }
  | { id: number; ok: true; type: 'export'; bytes: Uint8Array<ArrayBuffer> }
  | { id: number; ok: false; code: 'expired' | 'failed'; message: string };

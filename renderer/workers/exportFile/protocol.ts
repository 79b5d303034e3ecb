import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import type { JournalField, JournalLayoutId } from '../../../shared/export/journal';
import type { WorkbookLabels } from '../../../shared/export/periodExport';
import type { Language } from '../../../shared/i18n/languages';
import type { SkippedRow } from '../../db/rowChecks';

/**
 * The export worker, over workers/rpc.ts: the page asks for a period's workbook or journal; the
 * worker reads the archive itself and hands the file back chunk by chunk through the page's
 * `write`, awaiting each, so a slow disk slows the export instead of filling memory.
 */

export type ExportKind = { kind: 'workbook' } | { kind: 'journal'; layout: JournalLayoutId };

/** Labels cross the port as data: the month headers are formatted in the worker from `language`. */
export type WireLabels = Omit<WorkbookLabels, 'month'>;

export type ExportFileRequest = ExportKind & {
  databaseName: string;
  period: MonthPeriod;
  language: Language;
  labels: WireLabels;
  journalHeaders: Record<JournalField, string>;
};

export interface ExportFileResult {
  /** Lines in the period (the workbook; the journal counts its rows). */
  lines: number;
  rows: number;
  bytes: number;
  /** The SHA-256 of every byte written, in order (lowercase hex): the audit log names the file by it. */
  sha256: string;
  skipped: SkippedRow[];
}

/** Why an export failed, as data the page translates. */
export interface ExportFailureData {
  code: 'export.costCenterTooLong' | 'export.failed';
  costCenter?: string;
}

export interface ExportWorkerSide {
  methods: {
    run: { params: ExportFileRequest; result: ExportFileResult };
  };
  events: {
    progress: { done: number; total: number };
  };
}

export interface ExportPageSide {
  methods: {
    /** A piece of the file, in order; transferred. */
    write: { params: { chunk: Uint8Array<ArrayBuffer> }; result: undefined };
  };
  events: Record<string, never>;
}

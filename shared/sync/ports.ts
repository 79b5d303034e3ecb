import type { Invoice, LineItem } from '../api/schemas';
import type { InvalidItem } from '../api/validate';
import type { SyncStepTimes } from './steps';

/**
 * What the sync engine needs from storage. The renderer implements it over Dexie (renderer/db);
 * tests implement it over fake-indexeddb with the same code. Every method that writes is one
 * transaction: a page's rows, its rollup deltas and its cursor commit together or not at all.
 */

export interface QuarantineEntry {
  /** 'lines' / 'document': fetching that part of the invoice failed (see FetchFailure). */
  kind: 'invoice' | 'line' | 'lines' | 'document';
  invoiceId: string | null;
  /** Position in the page as received. */
  index: number;
  /** The item's identity when it could be read: invoice id, line number. */
  itemId: string | null;
  issues: string;
  /** With kind 'lines' or 'document': the failure, whose code the UI translates. */
  failure?: FetchFailure;
}

export interface InvoicePageCommit {
  invoices: Invoice[];
  quarantined: QuarantineEntry[];
  /** Where the next call resumes: the page's `next`, or its `cursor` once the feed is drained. */
  resumeFrom: string;
  feedDrained: boolean;
}

export interface InvoicePageResult {
  /** Invoices never seen before. */
  inserted: string[];
  /** Known invoices whose header changed (higher revision). */
  updated: string[];
}

/** Why fetching an invoice's lines or document failed, kept on the invoice until it succeeds. */
export interface FetchFailure {
  what: 'lines' | 'document';
  /** An ApiError code, 'sync.noProgress' or 'sync.failed'. */
  code: string;
  message: string;
  /** Failed runs in a row for this invoice. */
  attempts: number;
  failedAt: string;
  /** Not tried again before this instant (backoff). */
  retryAt: string;
}

export interface PendingLines {
  invoiceId: string;
  /** Null: start from the first page. */
  cursor: string | null;
  nextBlockNo: number;
  lineCount: number;
  /** Lines stored so far, and the highest lineNo among them (0: none). */
  linesStored: number;
  lastLineNo: number;
  failure: FetchFailure | null;
}

export interface LinesPageCommit {
  invoiceId: string;
  blockNo: number;
  lines: LineItem[];
  quarantined: QuarantineEntry[];
  /** Null when this was the invoice's last page. */
  nextCursor: string | null;
}

export interface PendingDocument {
  invoiceId: string;
  documentSha256: string;
  failure: FetchFailure | null;
}

export interface DocumentCommit {
  invoiceId: string;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** The bytes are exactly what the invoice names; false is kept and flagged, never shown as verified. */
  verified: boolean;
}

export interface SyncTotals {
  invoices: number;
  linesExpected: number;
  linesStored: number;
  documentsExpected: number;
  documentsStored: number;
}

export interface SyncStore {
  readFeedCursor: () => Promise<string | null>;
  commitInvoicePage: (page: InvoicePageCommit) => Promise<InvoicePageResult>;
  /** Invoices still missing lines, except those whose last failure asks to wait past `now`. */
  pendingLines: (limit: number, now: string) => Promise<PendingLines[]>;
  /**
   * Pages in the order they were received, several invoices' and several of one invoice's alike, in
   * one transaction: all of them or none (each with its cursor, so a run resumes from what was
   * committed). The sync gathers the pages that arrive while a commit runs into the next one.
   */
  commitLinesPages: (pages: readonly LinesPageCommit[]) => Promise<void>;
  pendingDocuments: (limit: number, now: string) => Promise<PendingDocument[]>;
  /** Documents in one transaction, all or none, as commitLinesPages. */
  commitDocuments: (documents: readonly DocumentCommit[]) => Promise<void>;
  /** The operator answered 410: the invoice left its window; what we hold is all there will be. */
  markGone: (invoiceId: string, what: 'lines' | 'document') => Promise<void>;
  /** Fetching this invoice's lines or document failed; the run goes on with the others. */
  recordFailure: (invoiceId: string, failure: FetchFailure) => Promise<void>;
  /**
   * Sets `archived` from the operator's calendar: invoices issued before `firstServedIssueDate` have
   * left its window; later ones are served again (an earlier archive is undone), unless the operator
   * answered 410 for them. Returns how many changed.
   */
  markArchived: (firstServedIssueDate: string) => Promise<number>;
  totals: () => Promise<SyncTotals>;
  recordRun: (run: SyncRunRecord) => Promise<void>;
}

export interface SyncRunRecord {
  startedAt: string;
  finishedAt: string;
  outcome: 'ok' | 'cancelled' | 'failed';
  error: { code: string; message: string } | null;
  newInvoices: number;
  updatedInvoices: number;
  linesStored: number;
  documentsStored: number;
  quarantined: number;
  /** Local edits the operator accepted in this run. */
  pushed: number;
  /** Local edits that met a newer version (412) or a refusal, waiting for the clerk. */
  conflicts: number;
  /** Invoices whose lines or document failed in this run (retried in a later run). */
  failedInvoices?: number;
  /** Milliseconds spent in each phase, for the status details and the benchmark. */
  phaseMs: Partial<Record<'outbox' | 'invoices' | 'lines' | 'documents' | 'resources', number>>;
  /** Busy time per step (steps.ts), where the run was timed: the benchmark's breakdown. */
  stepMs?: SyncStepTimes;
}

export const toQuarantine = (
  kind: QuarantineEntry['kind'],
  invoiceId: string | null,
  invalid: readonly InvalidItem[],
): QuarantineEntry[] =>
  invalid.map((item) => ({
    kind,
    invoiceId,
    index: item.index,
    itemId: item.id ?? null,
    issues: item.issues,
  }));

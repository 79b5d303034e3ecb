import type { AllocatedRollupKey, AllocatedRollupRow } from '../../shared/allocation/rollup';
import type { AnomalyFlag } from '../../shared/analytics/anomalies';
import type { AuditEntry, LegacyAuditEntry } from '../../shared/audit/auditEntry';
import type { ChainLink } from '../../shared/audit/chain';
import type { AuditDevice } from '../../shared/audit/device';
import type { ColumnMapping } from '../../shared/costCenters/fileContract';
import type {
  Assignment,
  CostCenter,
  Customer,
  Designation,
  Invoice,
  KeyKind,
  Preferences,
  Service,
} from '../../shared/api/schemas';
import type { LinesState } from '../../shared/invoices/reconcile';
import type { LineBlock } from '../../shared/lines/block';
import type { RollupMonth, RollupRow } from '../../shared/lines/rollup';
import type { OutboxChange } from '../../shared/sync/outbox';
import type { FetchFailure, QuarantineEntry, SyncRunRecord } from '../../shared/sync/ports';

/** Rows as stored in IndexedDB. Contract types plus the local facts the operator does not keep. */

export type DocumentState = 'pending' | 'verified' | 'mismatch' | 'gone';

export interface StoredInvoice extends Invoice {
  /** 1 once the invoice has left the operator's 18-month window: kept here, no longer there. (Numbers index; booleans do not.) */
  archived: 0 | 1;
  linesState: LinesState;
  linesCursor: string | null;
  linesNextBlock: number;
  linesStored: number;
  documentState: DocumentState;
  /** When this device first received the invoice. */
  receivedAt: string;
  /** The last failed attempt at its lines, and at its document; absent once they arrived. */
  linesFailure?: FetchFailure | undefined;
  documentFailure?: FetchFailure | undefined;
}

export interface StoredDocument {
  invoiceId: string;
  /** The PDF as issued (an ArrayBuffer clones everywhere a Blob does not, e.g. in Node tests). */
  bytes: ArrayBuffer;
  sha256: string;
  size: number;
  verified: boolean;
  verifiedAt: string | null;
}

export interface SyncStateRow {
  key: 'feed';
  cursor: string | null;
  drained: boolean;
  lastSuccessAt: string | null;
  /**
   * When the feed was first read to its end: invoices received until then are the archive's first
   * load, not news (absent in archives from before it was kept: taken as their last success).
   */
  firstDrainedAt?: string | null;
}

export interface QuarantineRow extends QuarantineEntry {
  id?: number;
  receivedAt: string;
}

export interface SyncRunRow extends SyncRunRecord {
  id?: number;
  /** Runs in a row that found and changed nothing, kept as this one row (absent: 1). */
  repeats?: number;
  /** When the first of those quiet runs started. */
  quietSince?: string;
}

/**
 * An audit entry as data (shared/audit), linked into the log's hash chain (shared/audit/chain.ts)
 * and stamped with the device it was made on (null for entries from before devices were recorded).
 * Rows from before entries were data carry English prose and are shown as they are.
 */
export type AuditRow = { id?: number; at: string; device: AuditDevice | null } & ChainLink &
  (AuditEntry | LegacyAuditEntry);

/** What a writer hands the appender (renderer/db/auditLog.ts): the entry and when it happened. */
export type AuditDraft = { at: string } & AuditEntry;

export type OutboxEntity = OutboxChange['entity'];

/** A local edit waiting for the operator (see shared/sync/outbox.ts). */
export type OutboxRow = OutboxChange & {
  seq?: number;
  /** The etag the edit was based on; null for a creation. */
  baseEtag: string | null;
  state: 'pending' | 'conflict' | 'rejected';
  /** With a conflict: the server's current representation (412's "current") and its ETag; null when it is gone. */
  current: { value: unknown; etag: string | null } | null;
  /** With a rejection: why the operator refused the edit. */
  reason: { code: string; message: string } | null;
  /**
   * Set when the sync records a conflict or a refusal, cleared when a notification has told it
   * (renderer/db/conflictNotices.ts): each one is told once, not at every sync it stays unsettled.
   */
  noticePending?: boolean;
  /** Bumped by each edit of the same entity while it waits. */
  version: number;
  createdAt: string;
};

export interface StoredDesignation extends Designation {
  kind: KeyKind;
}

export interface SingletonRow<T> {
  key: 'customer' | 'preferences';
  value: T;
  etag: string | null;
}

/** One cost centre an import wrote: what it was, and the outbox entry (seq, version) that carries the import's value. */
export interface ImportedEntry {
  code: string;
  /** The row before the import; null when the import created it. */
  before: CostCenter | null;
  /** The edit that was already waiting for this code when the import coalesced onto it; null when none was. */
  waitingBefore: OutboxRow | null;
  seq: number;
  version: number;
}

/** The last import of cost centres, kept until it is undone or the sync has pushed any of it. */
export interface CostCenterImportRecord {
  at: string;
  fileName: string;
  /** What the import did, for the notice that offers its undo (also after a reload). */
  summary: { fileName: string; created: number; changed: number; deactivated: number; skipped: number };
  entries: ImportedEntry[];
}

/** A dismissed anomaly flag: the flag as it was shown, when and why the clerk set it aside. */
export interface AnomalyDismissalRow {
  /** The flag's id (shared/analytics/anomalies.ts anomalyId). */
  id: string;
  flag: AnomalyFlag;
  note: string;
  dismissedAt: string;
}

/** A budget alert a desktop notification has told: "code|threshold|month". */
export interface BudgetNoticeRow {
  key: string;
  notifiedAt: string;
}

export type ImportMemoryRow =
  | { key: `mapping:${string}`; mapping: ColumnMapping; savedAt: string }
  | { key: 'lastCostCenterImport'; record: CostCenterImportRecord };

export type {
  AllocatedRollupKey,
  AllocatedRollupRow,
  Assignment,
  CostCenter,
  Customer,
  LineBlock,
  Preferences,
  RollupMonth,
  RollupRow,
  Service,
};

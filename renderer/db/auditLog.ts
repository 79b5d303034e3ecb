import { Dexie, type Transaction } from 'dexie';
import { linkEntry, type ChainHead } from '../../shared/audit/chain';
import type { InvoiceDeskDatabase } from './database';
import type { AuditDraft, AuditRow } from './records';

/**
 * The ONE writer of the audit log (tests/unit/auditAppendOnly.test.ts holds every other file to
 * that): appends `draft` after the log's head, linked into its hash chain and stamped with the
 * connection's device. Nothing ever updates or deletes a row.
 *
 * Call it inside the caller's transaction (with db.auditLog in its scope), so that the entry lands
 * with the change it records or not at all, and so that reading the head and writing the next link
 * cannot interleave with another append: IndexedDB runs read-write transactions over the same
 * table one after the other (and the unique `seq` index refuses a second entry in one place).
 */
// Dexie types it as always there; outside a transaction it is not.
const currentTransaction = (): Transaction | null => Dexie.currentTransaction;

const assertInAuditTransaction = (db: InvoiceDeskDatabase): void => {
  const transaction = currentTransaction();
  if (transaction?.mode !== 'readwrite' || !transaction.storeNames.includes(db.auditLog.name)) {
    throw new Error('The audit log is appended to only inside a read-write transaction over it');
  }
};

/** Links `first` and `rest`, in order, after the head: one read of the head and one write. */
const appendRows = async (
  db: InvoiceDeskDatabase,
  first: AuditDraft,
  rest: readonly AuditDraft[],
): Promise<[AuditRow, ...AuditRow[]]> => {
  const last = await db.auditLog.orderBy('seq').last();
  let head: ChainHead | null = last ? { seq: last.seq, hash: last.hash } : null;
  const link = (draft: AuditDraft): AuditRow => {
    const row: AuditRow = linkEntry({ ...draft, device: db.auditDevice }, head);
    head = { seq: row.seq, hash: row.hash };
    return row;
  };
  const rows: [AuditRow, ...AuditRow[]] = [link(first), ...rest.map(link)];
  await db.auditLog.bulkAdd(rows);
  return rows;
};

export const appendAudit = async (db: InvoiceDeskDatabase, draft: AuditDraft): Promise<AuditRow> => {
  assertInAuditTransaction(db);
  const [row] = await appendRows(db, draft, []);
  return row;
};

/**
 * Appends several entries, in order, as appendAudit does one, without a round trip per entry (a
 * sync batch logs every PDF it stored).
 */
export const appendAudits = async (
  db: InvoiceDeskDatabase,
  drafts: readonly AuditDraft[],
): Promise<AuditRow[]> => {
  assertInAuditTransaction(db);
  const [first, ...rest] = drafts;
  return first === undefined ? [] : appendRows(db, first, rest);
};

/** The whole log in the order it was stored, for the audit page, its export and the archive. */
export const readAuditLog = (db: InvoiceDeskDatabase): Promise<AuditRow[]> =>
  db.auditLog.orderBy('id').toArray();

/** A file the app wrote for the clerk, logged once it is complete (name, size, SHA-256). */
export const recordFileExported = (
  db: InvoiceDeskDatabase,
  params: Extract<AuditDraft, { kind: 'fileExported' }>['params'],
  now: () => Date = () => new Date(),
): Promise<AuditRow> =>
  db.transaction('rw', db.auditLog, () =>
    appendAudit(db, { at: now().toISOString(), kind: 'fileExported', params }),
  );

import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '../../../shared/profiles/profiles';
import type { LineBlock } from '../../../shared/lines/block';
import { useDatabase } from '../../db/DatabaseContext';
import { InvoiceDeskDatabase } from '../../db/database';
import { checkPreferences } from '../../db/rowChecks';
import { pdfPageCount, type InvoiceForSavings } from '../../../shared/preferences/savings';

// Every read of an archive the settings make: the active one (live hooks) and, for the profiles, others.

/** Local edits not yet at the operator, oldest first. */
export const useOutboxRows = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.outbox.orderBy('seq').toArray(), [db]);
};

/** The newest quarantined items (a damaged payload from the operator), at most 200. */
export const useQuarantine = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.quarantine.orderBy('id').reverse().limit(200).toArray(), [db]);
};

/** The last five sync runs, newest first. */
export const useRecentSyncRuns = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.syncRuns.orderBy('id').reverse().limit(5).toArray(), [db]);
};

interface ArchiveAccess {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The customer an archive holds, read without changing it; null for an empty or foreign one. */
export const customerIn = async (name: string, access: ArchiveAccess): Promise<Customer | null> => {
  const db = new InvoiceDeskDatabase(name, access);
  try {
    const row = await db.singletons.get('customer');
    const value = row?.value;
    return value && 'customerNumber' in value
      ? { customerNumber: value.customerNumber, name: value.name }
      : null;
  } finally {
    db.close();
  }
};

export interface ProfileStats {
  invoices: number;
  /** PDFs and line blocks as stored: what the archive occupies, give or take IndexedDB's overhead. */
  bytes: number;
  lastSyncAt: string | null;
}

const blockBytes = (block: LineBlock): number => {
  let bytes = 0;
  for (const value of Object.values(block)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (Array.isArray(value))
      for (const item of value) bytes += typeof item === 'string' ? item.length * 2 : 0;
  }
  return bytes;
};

/** Reads a profile's archive without changing it. */
export const profileStats = async (databaseName: string, options?: ArchiveAccess): Promise<ProfileStats> => {
  const db = new InvoiceDeskDatabase(databaseName, options);
  try {
    let bytes = 0;
    await db.documents.each((document) => {
      bytes += document.size;
    });
    await db.lineBlocks.each((block) => {
      bytes += blockBytes(block);
    });
    const lastOk = (await db.syncRuns.orderBy('id').reverse().toArray()).find((run) => run.outcome === 'ok');
    return { invoices: await db.invoices.count(), bytes, lastSyncAt: lastOk?.finishedAt ?? null };
  } finally {
    db.close();
  }
};

/** The operator's notification and paper preferences as last synchronised; null before the first sync or when damaged. */
export const useOperatorPreferences = () => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const row = await db.singletons.get('preferences');
    if (!row) return { preferences: null, skipped: [] };
    const checked = checkPreferences([row.value]);
    return {
      preferences: checked.rows[0] ?? null,
      skipped: checked.skipped.map((skipped) => ({ ...skipped, key: 'preferences' })),
    };
  }, [db]);
};

/** The clerk's edit of the preferences while it waits for the operator (pending, conflict or refused). */
export const usePreferencesEdit = () => {
  const db = useDatabase();
  return useLiveQuery(
    async () =>
      (await db.outbox.where('[entity+key]').equals(['preferences', 'preferences']).first()) ?? null,
    [db],
  );
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Page counts of the cached PDFs, per archive, by invoice and document hash: each PDF is read once. */
const pageCounts = new WeakMap<InvoiceDeskDatabase, Map<string, number | null>>();

/**
 * Every invoice's issue date and its PDF's page count (null when the PDF is not cached), for the
 * paperless savings. Only the PDFs not counted before are read, twenty at a time: reading and
 * scanning a hundred (about 2 MB) held the page's main thread for over 50 ms.
 */
export const readInvoicesForSavings = async (db: InvoiceDeskDatabase): Promise<InvoiceForSavings[]> => {
  const invoices = await db.invoices.toArray();
  const cached = new Set(await db.documents.toCollection().primaryKeys());
  const counts = pageCounts.get(db) ?? new Map<string, number | null>();
  pageCounts.set(db, counts);
  const keyOf = (invoice: { id: string; documentSha256: string }) =>
    `${invoice.id}:${invoice.documentSha256}`;
  const missing = invoices.filter((invoice) => cached.has(invoice.id) && !counts.has(keyOf(invoice)));
  for (let start = 0; start < missing.length; start += 20) {
    const batch = missing.slice(start, start + 20);
    const documents = await db.documents.bulkGet(batch.map((invoice) => invoice.id));
    batch.forEach((invoice, index) => {
      const document = documents[index];
      counts.set(keyOf(invoice), document ? pdfPageCount(new Uint8Array(document.bytes)) : null);
    });
  }
  // A damaged row (no readable issue date) is left out rather than counted in a year it does not name.
  return invoices
    .filter((invoice) => typeof invoice.issueDate === 'string' && ISO_DATE.test(invoice.issueDate))
    .map((invoice) => ({
      issueDate: invoice.issueDate,
      pages: cached.has(invoice.id) ? (counts.get(keyOf(invoice)) ?? null) : null,
    }));
};

export const useInvoicesForSavings = () => {
  const db = useDatabase();
  return useLiveQuery(() => readInvoicesForSavings(db), [db]);
};

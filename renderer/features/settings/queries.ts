import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '../../../shared/profiles/profiles';
import type { LineBlock } from '../../../shared/lines/block';
import { useDatabase } from '../../db/DatabaseContext';
import { InvoiceDeskDatabase } from '../../db/database';
import { checkPreferences } from '../../db/rowChecks';

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

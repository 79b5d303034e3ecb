import { useLiveQuery } from 'dexie-react-hooks';
import { retentionHold, type RetentionHold } from '../../../shared/archive/retention';
import { useDatabase } from '../../db/DatabaseContext';
import { InvoiceDeskDatabase } from '../../db/database';
import { checkInvoices } from '../../db/rowChecks';

export interface ArchiveCounts {
  invoices: number;
  documents: number;
  lines: number;
}

/** What an export of the open archive would hold; undefined while loading. */
export const useArchiveCounts = (): ArchiveCounts | undefined => {
  const db = useDatabase();
  return useLiveQuery(
    () =>
      db.transaction('r', [db.invoices, db.documents], async () => {
        const [invoices, documents] = await Promise.all([db.invoices.toArray(), db.documents.count()]);
        const checked = checkInvoices(invoices).rows;
        return {
          invoices: checked.length,
          documents,
          lines: checked.reduce((total, invoice) => total + invoice.linesStored, 0),
        };
      }),
    [db],
  );
};

/** The archive's name, which the archive worker opens on its own. */
export const useDatabaseName = (): string => useDatabase().name;

/**
 * What deleting a profile's archive would break on `today`: its invoices the operator no longer
 * serves (this archive may be their only copy) that are still under the ten-year retention.
 */
export const readRetentionHold = async (
  databaseName: string,
  today: string,
  options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): Promise<RetentionHold> => {
  const db = new InvoiceDeskDatabase(databaseName, options);
  try {
    const archived = checkInvoices(await db.invoices.where('archived').equals(1).toArray()).rows;
    return retentionHold(
      archived.map((invoice) => invoice.issueDate),
      today,
    );
  } finally {
    db.close();
  }
};

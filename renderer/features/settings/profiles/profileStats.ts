import type { LineBlock } from '../../../../shared/lines/block';
import { InvoiceDeskDatabase } from '../../../db/database';

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
export const profileStats = async (
  databaseName: string,
  options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): Promise<ProfileStats> => {
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

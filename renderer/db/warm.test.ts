import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { InvoiceDeskDatabase } from './database';
import { warmTables } from './warm';

/** A database that counts the reads of the invoices table that reach IndexedDB (below Dexie's cache). */
const countingDatabase = async (name: string) => {
  const db = new InvoiceDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  const reads = { invoices: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    level: -1,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          query: (request) => {
            if (tableName === 'invoices') reads.invoices += 1;
            return table.query(request);
          },
        };
      },
    }),
  });
  await db.open();
  await db.invoices.bulkPut(
    [invoiceFixture({ id: 'a' }), invoiceFixture({ id: 'b', number: '2026-000002' })].map(
      (invoice) =>
        ({
          ...invoice,
          archived: 0,
          linesState: 'complete',
          linesCursor: null,
          linesNextBlock: 0,
          linesStored: 0,
          documentState: 'verified',
          receivedAt: '2026-01-01T00:00:00Z',
        }) as const,
    ),
  );
  return { db, reads };
};

const firstValue = <T>(query: () => Promise<T>) =>
  new Promise<T>((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('warmTables', () => {
  it('reads a table once; the page that asks next gets that answer without reading again', async () => {
    const { db, reads } = await countingDatabase('warm-shared');
    const warm = warmTables(db, ['invoices']);
    await settle();
    expect(reads.invoices).toBe(1);
    const rows = await firstValue(() => db.invoices.toArray());
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
    expect(reads.invoices).toBe(1);
    warm.dispose();
    db.close();
  });
});

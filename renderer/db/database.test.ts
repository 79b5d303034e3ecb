import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/api/schemas';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { InvoiceDeskDatabase, schemaV1 } from './database';

/** A row as schema v1 stored it: the header plus v1's local fields, and no archive mark yet. */
const invoiceV1 = (id: string, status: Invoice['status'], dueDate: string) => ({
  ...invoiceFixture({ id, status, dueDate, lineCount: 0 }),
  linesState: 'complete',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'verified',
  receivedAt: '2026-02-01T08:00:00Z',
});

describe('database migrations', () => {
  it('opens a database written by schema v1, keeps its rows and backfills the archive mark', async () => {
    const indexedDB = new IDBFactory();
    const legacy = new Dexie('migrate-me', { indexedDB, IDBKeyRange });
    legacy.version(1).stores(schemaV1);
    await legacy.open();
    await legacy
      .table('invoices')
      .bulkAdd([
        invoiceV1('a', 'open', '2026-03-02'),
        invoiceV1('b', 'paid', '2026-03-02'),
        invoiceV1('c', 'open', '2026-02-20'),
      ]);
    await legacy.table('lineBlocks').add({ invoiceId: 'a', blockNo: 0, count: 0 });
    legacy.close();

    const db = new InvoiceDeskDatabase('migrate-me', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.invoices.count()).toBe(3);
    expect(await db.lineBlocks.count()).toBe(1);
    expect((await db.invoices.where('archived').equals(0).primaryKeys()).sort()).toEqual(['a', 'b', 'c']);
    // The new compound index answers "open and due before" directly.
    const dueSoon = await db.invoices
      .where('[status+dueDate]')
      .between(['open', '2026-02-01'], ['open', '2026-02-28'], true, true)
      .primaryKeys();
    expect(dueSoon).toEqual(['c']);
    await db.auditLog.add({ at: '2026-02-01T00:00:00Z', kind: 'sync', message: 'ok' });
    expect(await db.auditLog.count()).toBe(1);
    db.close();
  });

  it('creates the current schema from nothing', async () => {
    const db = new InvoiceDeskDatabase('fresh', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      [
        'allocatedRollups',
        'anomalyDismissals',
        'assignments',
        'budgetNotices',
        'auditLog',
        'costCenters',
        'designations',
        'documents',
        'importMemory',
        'invoices',
        'lineBlocks',
        'outbox',
        'quarantine',
        'rollups',
        'services',
        'singletons',
        'syncRuns',
        'syncState',
      ].sort(),
    );
    db.close();
  });
});

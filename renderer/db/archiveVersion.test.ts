import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { ArchiveError, storedVersion } from './archiveErrors';
import { InvoiceDeskDatabase, schemaV8 } from './database';

/** An archive as a later release might write it: one version up, an index this release lacks. */
const writeNewerArchive = async (indexedDB: IDBFactory, name: string) => {
  const newer = new Dexie(name, { indexedDB, IDBKeyRange });
  newer.version(9).stores({
    ...schemaV8,
    invoices: 'id, issueDate, dueDate, status, archived, costCentre',
    budgets: 'id',
  });
  await newer.open();
  await newer.table('invoices').add({ ...invoiceFixture({ id: 'kept' }), archived: 0, costCentre: 'X' });
  await newer.table('budgets').add({ id: 'b1' });
  newer.close();
};

const snapshot = async (indexedDB: IDBFactory, name: string) => {
  const raw = new Dexie(name, { indexedDB, IDBKeyRange });
  await raw.open();
  const result = {
    version: raw.verno,
    tables: raw.tables.map((table) => table.name).sort(),
    invoiceIndexes: raw
      .table('invoices')
      .schema.indexes.map((index) => index.name)
      .sort(),
    invoices: await raw.table('invoices').toArray(),
    budgets: await raw.table('budgets').count(),
  };
  raw.close();
  return result;
};

describe('an archive written by a newer version of the app', () => {
  it('is refused with a typed error and left exactly as it was', async () => {
    const indexedDB = new IDBFactory();
    await writeNewerArchive(indexedDB, 'newer');
    const before = await snapshot(indexedDB, 'newer');

    const db = new InvoiceDeskDatabase('newer', { indexedDB, IDBKeyRange });
    const refused = await db.open().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ArchiveError);
    expect(refused instanceof ArchiveError && refused.code).toBe('newerVersion');
    // A query after the refusal fails at once rather than opening (and patching) the archive.
    await expect(db.invoices.count()).rejects.toThrow();

    const after = await snapshot(indexedDB, 'newer');
    expect(after).toEqual(before);
    expect(after.version).toBe(9);
    expect(after.invoices.map((row: { id: string }) => row.id)).toEqual(['kept']);
  });

  it('an archive of this version or none at all opens as before', async () => {
    const indexedDB = new IDBFactory();
    expect(await storedVersion(indexedDB, 'fresh')).toBeNull();
    // Probing did not create it.
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('fresh');
    const db = new InvoiceDeskDatabase('fresh', { indexedDB, IDBKeyRange });
    await db.invoices.add({ ...invoiceFixture({ id: 'a' }), ...localFacts });
    db.close();
    expect(await storedVersion(indexedDB, 'fresh')).toBe(80);
    const again = new InvoiceDeskDatabase('fresh', { indexedDB, IDBKeyRange });
    expect(await again.invoices.count()).toBe(1);
  });
});

const localFacts = {
  archived: 0,
  linesState: 'complete',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'pending',
  receivedAt: '2026-02-01T08:00:00Z',
} as const;

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/api/schemas';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { verifyAuditChain } from '../../shared/audit/chain';
import { appendAudit } from './auditLog';
import { InvoiceDeskDatabase, schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6 } from './database';
import type { AuditDraft } from './records';
import { rollupKey } from '../../shared/lines/rollup';

const archiveEntry: AuditDraft = {
  at: '2026-02-01T00:00:00Z',
  kind: 'archive',
  params: { firstServedIssueDate: '2024-09-01', archived: 1, restored: 0 },
};

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
    expect(db.verno).toBe(8);
    expect(await db.invoices.count()).toBe(3);
    expect(await db.lineBlocks.count()).toBe(1);
    expect((await db.invoices.where('archived').equals(0).primaryKeys()).sort()).toEqual(['a', 'b', 'c']);
    // The new compound index answers "open and due before" directly.
    const dueSoon = await db.invoices
      .where('[status+dueDate]')
      .between(['open', '2026-02-01'], ['open', '2026-02-28'], true, true)
      .primaryKeys();
    expect(dueSoon).toEqual(['c']);
    await db.transaction('rw', db.auditLog, () => appendAudit(db, archiveEntry));
    expect(await db.auditLog.count()).toBe(1);
    db.close();
  });

  it('chains the audit rows of a v5 archive in the order they were written, and appends after them', async () => {
    const indexedDB = new IDBFactory();
    const legacy = new Dexie('audit-v5', { indexedDB, IDBKeyRange });
    legacy.version(1).stores(schemaV1);
    legacy.version(2).stores(schemaV2);
    legacy.version(3).stores(schemaV3);
    legacy.version(4).stores(schemaV4);
    legacy.version(5).stores(schemaV5);
    await legacy.open();
    await legacy.table('auditLog').bulkAdd([
      { at: '2026-01-01T08:00:00Z', kind: 'sync', message: 'Sync ok: 1 new, 0 updated invoices' },
      {
        at: '2026-01-02T08:00:00Z',
        kind: 'costCenterImportUndone',
        params: { fileName: 'a.csv', restored: 2 },
      },
      {
        at: '2026-01-03T08:00:00Z',
        kind: 'archive',
        params: { firstServedIssueDate: '2024-01-01', archived: 3, restored: 0 },
      },
    ]);
    legacy.close();

    const db = new InvoiceDeskDatabase('audit-v5', { indexedDB, IDBKeyRange });
    db.auditDevice = { id: 'device-1', name: 'Linux (desk-1)' };
    await db.open();
    const migrated = await db.auditLog.orderBy('id').toArray();
    expect(migrated.map((row) => [row.id, row.seq, row.device, row.at])).toEqual([
      [1, 1, null, '2026-01-01T08:00:00Z'],
      [2, 2, null, '2026-01-02T08:00:00Z'],
      [3, 3, null, '2026-01-03T08:00:00Z'],
    ]);
    expect(migrated[0]).toMatchObject({ kind: 'sync', message: 'Sync ok: 1 new, 0 updated invoices' });
    expect(verifyAuditChain(migrated)).toMatchObject({ ok: true, count: 3 });

    await db.transaction('rw', db.auditLog, () => appendAudit(db, archiveEntry));
    const all = await db.auditLog.orderBy('id').toArray();
    expect(all.at(-1)).toMatchObject({ seq: 4, prevHash: migrated[2]?.hash, device: db.auditDevice });
    expect(verifyAuditChain(all)).toMatchObject({ ok: true, count: 4 });
    db.close();
  });

  it('moves the rollup rows of a v6 archive into one record per month, and drops their table', async () => {
    const indexedDB = new IDBFactory();
    const legacy = new Dexie('rollups-v6', { indexedDB, IDBKeyRange });
    [schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6].forEach((schema, i) =>
      legacy.version(i + 1).stores(schema),
    );
    await legacy.open();
    const row = (month: string, serviceCode: string, lines: number, netCentimes: number) => ({
      key: rollupKey(month, serviceCode, '60001234', 'R-1'),
      month,
      serviceCode,
      frankingLicence: '60001234',
      invoiceReference: 'R-1',
      lines,
      netCentimes,
      vatCentimes: Math.round(netCentimes * 0.081),
    });
    const rows = [
      row('2026-02', 'PP-PRI', 3, 450),
      row('2026-01', 'PP-PRI', 2, 300),
      row('2026-01', 'EXP', 1, 1_000),
    ];
    await legacy.table('rollups').bulkAdd(rows);
    legacy.close();

    const db = new InvoiceDeskDatabase('rollups-v6', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.tables.map((table) => table.name)).not.toContain('rollups');
    expect(await db.rollupMonths.toArray()).toEqual([
      { month: '2026-01', rows: [rows[2], rows[1]] },
      { month: '2026-02', rows: [rows[0]] },
    ]);
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
        'rollupMonths',
        'services',
        'singletons',
        'syncRuns',
        'syncState',
      ].sort(),
    );
    db.close();
  });
});

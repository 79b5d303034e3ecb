import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../shared/sync/ports';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { verifyAuditChain } from '../../shared/audit/chain';
import { appendAudit, readAuditLog } from './auditLog';
import { InvoiceDeskDatabase } from './database';
import type { AuditDraft } from './records';
import { createDexieResourceStore } from './resourceStore';
import { createDexieSyncStore } from './syncStore';

const open = async (name: string) => {
  const db = new InvoiceDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
};
const clock = () => new Date('2026-03-01T10:00:00Z');

const run: SyncRunRecord = {
  startedAt: '2026-03-01T09:59:00Z',
  finishedAt: '2026-03-01T10:00:00Z',
  outcome: 'ok',
  error: null,
  newInvoices: 2,
  updatedInvoices: 1,
  linesStored: 40,
  documentsStored: 2,
  quarantined: 0,
  pushed: 0,
  conflicts: 0,
  phaseMs: {},
};

describe('the audit log holds data, not prose', () => {
  it('records a sync run and an archive move with their parameters', async () => {
    const db = await open('audit-sync');
    const store = createDexieSyncStore(db, clock);
    await store.recordRun(run);
    await db.invoices.add({
      ...invoiceFixture({ id: 'old', issueDate: '2024-01-10' }),
      archived: 0,
      linesState: 'complete',
      linesCursor: null,
      linesNextBlock: 0,
      linesStored: 0,
      documentState: 'verified',
      receivedAt: '2024-01-11T08:00:00Z',
    });
    await store.markArchived('2024-09-01');
    const rows = await db.auditLog.orderBy('id').toArray();
    expect(rows).toMatchObject([
      {
        id: 1,
        at: run.finishedAt,
        kind: 'sync',
        params: {
          outcome: 'ok',
          newInvoices: 2,
          updatedInvoices: 1,
          linesStored: 40,
          documentsStored: 2,
          errorCode: null,
        },
      },
      {
        id: 2,
        at: '2026-03-01T10:00:00.000Z',
        kind: 'archive',
        params: { firstServedIssueDate: '2024-09-01', archived: 1, restored: 0 },
      },
    ]);
    db.close();
  });

  it('records a conflict with both sides and a refusal with its reason', async () => {
    const db = await open('audit-outbox');
    const store = createDexieResourceStore(db, clock);
    const payload = { kind: 'service' as const, key: 'PP-PRI', text: 'Parcels' };
    const seq = await db.outbox.add({
      entity: 'designation',
      op: 'put',
      key: 'service/PP-PRI',
      payload,
      baseEtag: '"1"',
      state: 'pending',
      current: null,
      reason: null,
      version: 1,
      createdAt: '2026-03-01T09:00:00Z',
    });
    if (seq === undefined) throw new Error('The outbox gave the edit no number');
    const item = {
      entity: 'designation' as const,
      op: 'put' as const,
      key: 'service/PP-PRI',
      payload,
      seq,
      baseEtag: '"1"',
      version: 1,
    };
    const theirs = { ...payload, text: 'Their parcels' };
    await store.markConflict(item, { value: theirs, etag: '"2"' });
    await store.markRejected(item, { code: 'api.invalidRequest', message: 'text too long' });
    const rows = await db.auditLog.orderBy('id').toArray();
    expect(rows).toMatchObject([
      {
        kind: 'conflict',
        params: { entity: 'designation', key: 'service/PP-PRI' },
        before: payload,
        after: theirs,
      },
      {
        kind: 'rejected',
        params: {
          entity: 'designation',
          key: 'service/PP-PRI',
          reasonCode: 'api.invalidRequest',
          reason: 'text too long',
        },
        before: payload,
      },
    ]);
    db.close();
  });
});

const undone = (restored: number): AuditDraft => ({
  at: '2026-03-01T10:00:00.000Z',
  kind: 'costCenterImportUndone',
  params: { fileName: 'centres.csv', restored },
});

describe('appendAudit', () => {
  it('links each entry after the head, stamped with the device, inside the caller’s transaction', async () => {
    const db = await open('audit-append');
    db.auditDevice = { id: 'install-7', name: 'Windows (FIN-PC-07)' };
    for (const restored of [1, 2, 3]) {
      await db.transaction('rw', db.auditLog, () => appendAudit(db, undone(restored)));
    }
    const rows = await readAuditLog(db);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ prevHash: rows[0]?.hash, device: db.auditDevice });
    expect(verifyAuditChain(rows)).toMatchObject({ ok: true, count: 3 });
    db.close();
  });

  it('lands with the change it records or not at all', async () => {
    const db = await open('audit-rollback');
    await expect(
      db.transaction('rw', db.auditLog, async () => {
        await appendAudit(db, undone(1));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('refuses to write outside a read-write transaction over the log', async () => {
    const db = await open('audit-outside');
    await expect(appendAudit(db, undone(1))).rejects.toThrow(/inside a read-write transaction/);
    await expect(db.transaction('rw', db.outbox, () => appendAudit(db, undone(1)))).rejects.toThrow(
      /inside a read-write transaction/,
    );
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('keeps the chain whole when appends race, and verify names an entry deleted from the store', async () => {
    const db = await open('audit-race');
    await Promise.all(
      [1, 2, 3, 4, 5].map((restored) =>
        db.transaction('rw', db.auditLog, () => appendAudit(db, undone(restored))),
      ),
    );
    expect(verifyAuditChain(await readAuditLog(db))).toMatchObject({ ok: true, count: 5 });
    // Behind the app's back, as someone with the browser's developer tools could.
    const head = await db.auditLog.orderBy('seq').last();
    await db.auditLog.delete(3);
    expect(verifyAuditChain(await readAuditLog(db))).toEqual({
      ok: false,
      count: 4,
      head: { seq: 5, hash: head?.hash },
      problems: [{ code: 'missing', from: 3, to: 3 }],
    });
    db.close();
  });
});

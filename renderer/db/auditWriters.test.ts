import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../shared/api/schemas';
import { verifyAuditChain } from '../../shared/audit/chain';
import { fileSha256 } from '../../shared/audit/fileHash';
import { customerFixture } from '../../shared/testing/customerFixture';
import { invoiceFixture } from '../../shared/testing/invoiceFixture';
import { recordDocumentOpened } from '../features/invoices/edits';
import { applyAssignmentChanges } from './assignmentEdits';
import { readAuditLog, recordFileExported } from './auditLog';
import { InvoiceDeskDatabase } from './database';
import {
  deleteCostCenter,
  resolveKeepMine,
  resolveTakeTheirs,
  saveCostCenter,
  saveDesignation,
  savePreferences,
} from './localEdits';
import type { AuditRow, StoredInvoice } from './records';
import { createDexieResourceStore } from './resourceStore';
import { createDexieSyncStore } from './syncStore';

// Every writer of the archive that changes what the clerk keeps tells the audit log, through the
// one appender, in its own transaction; and the whole log still verifies afterwards.

const clock = () => new Date('2026-11-30T09:00:00.000Z');
const device = { id: 'install-1', name: 'Linux (desk-1)' };

let databases = 0;
const open = async () => {
  databases += 1;
  const db = new InvoiceDeskDatabase(`audit-writers-${databases}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  db.auditDevice = device;
  await db.open();
  await db.singletons.put({
    key: 'customer',
    value: customerFixture({ costCenterOption: true }),
    etag: null,
  });
  return db;
};

const entries = async (db: InvoiceDeskDatabase) => {
  const rows = await readAuditLog(db);
  expect(verifyAuditChain(rows)).toMatchObject({ ok: true });
  expect(rows.every((row) => row.device?.id === device.id)).toBe(true);
  return rows.map(
    ({ id: _id, at: _at, seq: _seq, prevHash: _prev, hash: _hash, device: _device, ...entry }) => entry,
  );
};

const preferences: Preferences = {
  notifications: { newDocuments: true, paymentReminders: false, emails: ['desk@example.ch'] },
  paper: { invoiceByPost: true, detailedStatementByPost: false },
};

const storedInvoice: StoredInvoice = {
  ...invoiceFixture({ id: 'inv-1', number: '2026-000123' }),
  archived: 0,
  linesState: 'complete',
  linesCursor: null,
  linesNextBlock: 0,
  linesStored: 0,
  documentState: 'pending',
  receivedAt: '2026-11-01T08:00:00Z',
};

describe('every writer logs its change', () => {
  it('a cost centre created, changed and deleted, with before and after', async () => {
    const db = await open();
    const centre = {
      name: 'Logistics',
      owner: null,
      active: true,
      objectType: 'costCenter' as const,
      monthlyBudget: null,
    };
    await saveCostCenter(db, 'LOG', centre, { creating: true, now: clock });
    await saveCostCenter(db, 'LOG', { ...centre, monthlyBudget: '1200.00' }, { creating: false, now: clock });
    await deleteCostCenter(db, 'LOG', { now: clock });
    expect(await entries(db)).toEqual([
      { kind: 'costCenterEdited', params: { code: 'LOG', action: 'created' }, before: null, after: centre },
      {
        kind: 'costCenterEdited',
        params: { code: 'LOG', action: 'changed' },
        before: centre,
        after: { ...centre, monthlyBudget: '1200.00' },
      },
      {
        kind: 'costCenterEdited',
        params: { code: 'LOG', action: 'deleted' },
        before: { ...centre, monthlyBudget: '1200.00' },
        after: null,
      },
    ]);
    db.close();
  });

  it('a designation set, renamed and cleared; an edit that changes nothing is not logged', async () => {
    const db = await open();
    await saveDesignation(db, 'service', 'PP-PRI', 'Parcels');
    await saveDesignation(db, 'service', 'PP-PRI', ' Parcels ');
    await saveDesignation(db, 'service', 'PP-PRI', 'Priority parcels');
    await saveDesignation(db, 'service', 'PP-PRI', '');
    expect(await entries(db)).toEqual([
      {
        kind: 'designationEdited',
        params: { kind: 'service', key: 'PP-PRI' },
        before: null,
        after: 'Parcels',
      },
      {
        kind: 'designationEdited',
        params: { kind: 'service', key: 'PP-PRI' },
        before: 'Parcels',
        after: 'Priority parcels',
      },
      {
        kind: 'designationEdited',
        params: { kind: 'service', key: 'PP-PRI' },
        before: 'Priority parcels',
        after: null,
      },
    ]);
    db.close();
  });

  it('the preferences, with both sides', async () => {
    const db = await open();
    await db.singletons.put({ key: 'preferences', value: preferences, etag: '"p1"' });
    const changed = { ...preferences, paper: { invoiceByPost: false, detailedStatementByPost: false } };
    await savePreferences(db, changed);
    expect(await entries(db)).toEqual([
      { kind: 'preferencesEdited', params: {}, before: preferences, after: changed },
    ]);
    db.close();
  });

  it('a batch of assignments as one entry, and an import with its file’s hash', async () => {
    const db = await open();
    await db.costCenters.bulkPut(
      ['LOG', 'ADM'].map((code) => ({
        code,
        name: code,
        owner: null,
        active: true,
        objectType: 'costCenter' as const,
        monthlyBudget: null,
        etag: '"c"',
        updatedAt: '2026-11-01T08:00:00Z',
      })),
    );
    const split = { kind: 'service' as const, validFrom: null, validTo: null };
    const first = { ...split, key: 'PP-PRI', splits: [{ costCenterCode: 'LOG', percent: 100 }] };
    await applyAssignmentChanges(db, [{ op: 'put', id: 'a-1', input: first }], { now: clock });
    const many = Array.from({ length: 300 }, (_, index) => ({
      op: 'put' as const,
      id: `imp-${index}`,
      input: { ...split, key: `S-${index}`, splits: [{ costCenterCode: 'ADM', percent: 100 }] },
    }));
    const sha256 = fileSha256(new TextEncoder().encode('kind;key;centre'));
    await applyAssignmentChanges(
      db,
      [
        ...many,
        { op: 'put', id: 'a-1', input: { ...first, splits: [{ costCenterCode: 'ADM', percent: 100 }] } },
      ],
      { now: clock, audit: { origin: 'import', fileName: 'assignments.csv', sha256 } },
    );
    await applyAssignmentChanges(db, [{ op: 'delete', id: 'a-1' }], {
      now: clock,
      audit: { origin: 'undo' },
    });
    const logged = await entries(db);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toEqual({
      kind: 'assignmentsEdited',
      params: { origin: 'edit', created: 1, changed: 0, deleted: 0 },
      before: [],
      after: [{ id: 'a-1', ...first }],
    });
    expect(logged[1]).toMatchObject({
      kind: 'assignmentImport',
      params: { fileName: 'assignments.csv', sha256, created: 300, changed: 1, deleted: 0 },
      before: [{ id: 'a-1', ...first }],
    });
    expect(logged[2]).toMatchObject({
      kind: 'assignmentsEdited',
      params: { origin: 'undo', created: 0, changed: 0, deleted: 1 },
      after: [],
    });
    db.close();
  });

  it('each way a conflict is settled: keep mine, take theirs, a refusal accepted, already applied', async () => {
    const db = await open();
    const payload = { kind: 'service' as const, key: 'PP-PRI', text: 'Mine' };
    const waiting = async (key: string, state: 'pending' | 'conflict' | 'rejected'): Promise<number> => {
      const seq = await db.outbox.add({
        entity: 'designation',
        op: 'put',
        key,
        payload: { ...payload, key },
        baseEtag: '"1"',
        state,
        current: state === 'conflict' ? { value: { ...payload, key, text: 'Theirs' }, etag: '"2"' } : null,
        reason: state === 'rejected' ? { code: 'api.badRequest', message: 'no' } : null,
        version: 1,
        createdAt: '2026-11-01T08:00:00Z',
      });
      if (seq === undefined) throw new Error('The outbox gave no number');
      return seq;
    };
    const keep = await waiting('service/A', 'conflict');
    const take = await waiting('service/B', 'conflict');
    const refused = await waiting('service/C', 'rejected');
    const resent = await waiting('service/D', 'pending');
    await resolveKeepMine(db, keep, clock);
    await resolveTakeTheirs(db, take, clock);
    await resolveTakeTheirs(db, refused, clock);
    const store = createDexieResourceStore(db, clock);
    await store.acknowledge(
      {
        entity: 'designation',
        op: 'put',
        key: 'service/D',
        payload: { ...payload, key: 'D' },
        seq: resent,
        baseEtag: '"1"',
        version: 1,
      },
      { value: { ...payload, key: 'D' }, etag: '"3"' },
      'alreadyApplied',
    );
    const logged = await entries(db);
    expect(logged.map((entry) => ('params' in entry ? entry.params : null))).toEqual([
      { entity: 'designation', key: 'service/A', settlement: 'keepMine' },
      { entity: 'designation', key: 'service/B', settlement: 'takeTheirs' },
      { entity: 'designation', key: 'service/C', settlement: 'refusalAccepted' },
      { entity: 'designation', key: 'service/D', settlement: 'alreadyApplied' },
    ]);
    expect(logged[1]).toMatchObject({ before: { text: 'Mine' }, after: { text: 'Theirs' } });
    db.close();
  });

  it('a document when first retrieved, not when stored again; and when the clerk opens it', async () => {
    const db = await open();
    await db.invoices.put(storedInvoice);
    const store = createDexieSyncStore(db, clock);
    const bytes = new TextEncoder().encode('%PDF-1.7 invoice');
    const document = { invoiceId: 'inv-1', bytes, sha256: fileSha256(bytes), verified: true };
    await store.commitDocuments([document]);
    await store.commitDocuments([document]);
    await recordDocumentOpened(db, { id: 'inv-1', number: '2026-000123' }, clock);
    expect(await entries(db)).toEqual([
      {
        kind: 'documentRetrieved',
        params: {
          invoiceId: 'inv-1',
          invoiceNumber: '2026-000123',
          sha256: fileSha256(bytes),
          size: bytes.byteLength,
          verified: true,
        },
      },
      { kind: 'documentOpened', params: { invoiceId: 'inv-1', invoiceNumber: '2026-000123' } },
    ]);
    db.close();
  });

  it('an export with its name, size and hash', async () => {
    const db = await open();
    const row: AuditRow = await recordFileExported(
      db,
      { what: 'journal', fileName: 'Journal 2026-01.csv', sha256: 'ab'.repeat(32), bytes: 1234, rows: 12 },
      clock,
    );
    expect(row).toMatchObject({ seq: 1, at: '2026-11-30T09:00:00.000Z', device });
    db.close();
  });
});

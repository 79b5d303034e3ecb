import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/api/schemas';
import { storedCenter } from '../../shared/costCenters/testing/readings';
import { assignmentFixture } from '../../shared/testing/assignmentFixture';
import { customerFixture } from '../../shared/testing/customerFixture';
import { applyAssignmentChanges } from './assignmentEdits';
import { InvoiceDeskDatabase } from './database';
import { resolveTakeTheirs } from './localEdits';
import { createDexieResourceStore } from './resourceStore';

// What happens to an assignment edit the operator refused (409: another user's assignment of the
// same key now shares days with it) when the clerk settles it in Settings.

const NOW = () => new Date('2026-11-20T10:00:00Z');

/** The operator's version, as the last pull stored it. */
const atOperator: Assignment = assignmentFixture({
  id: 'a-ref',
  kind: 'invoiceReference',
  key: '10000001',
  splits: [{ costCenterCode: '2100', percent: 100 }],
  validFrom: '2026-01-01',
  validTo: null,
  etag: '"v1"',
});

const archive = async () => {
  const db = new InvoiceDeskDatabase(`refusal-${Math.random()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  await db.singletons.put({
    key: 'customer',
    value: customerFixture({ costCenterOption: true }),
    etag: null,
  });
  await db.costCenters.bulkPut([storedCenter('2100', 'Sales'), storedCenter('3100', 'Operations')]);
  await db.assignments.put(atOperator);
  return db;
};

/** The sync's refusal of the one waiting edit, as the engine reports a 409. */
const refuse = async (db: InvoiceDeskDatabase) => {
  const port = createDexieResourceStore(db, NOW);
  const [item] = await port.pendingOutbox();
  if (!item) throw new Error('nothing waits');
  await port.markRejected(item, {
    code: 'api.conflict',
    message: 'assignment a-other already charges invoiceReference 10000001 in an overlapping period',
  });
  const [row] = await db.outbox.toArray();
  if (row?.seq === undefined) throw new Error('the refused edit is gone');
  return row.seq;
};

const split = {
  kind: 'invoiceReference' as const,
  key: '10000001',
  splits: [
    { costCenterCode: '2100', percent: 70 },
    { costCenterCode: '3100', percent: 30 },
  ],
  validFrom: '2026-01-01',
  validTo: null,
};

describe('a refused assignment edit', () => {
  it('taken back ("keep the operator’s") leaves a replaced assignment in place: the operator still has it', async () => {
    const db = await archive();
    await applyAssignmentChanges(db, [{ op: 'put', id: 'a-ref', input: split }], { now: NOW });
    const seq = await refuse(db);

    await resolveTakeTheirs(db, seq);

    expect(await db.outbox.count()).toBe(0);
    // Deleting it (the refusal carries no current version) showed the key as not charged until the
    // next pull; the row stays and that pull replaces it with the operator's version.
    expect((await db.assignments.get('a-ref'))?.id).toBe('a-ref');
    await createDexieResourceStore(db, NOW).replaceResources({
      customer: customerFixture({ costCenterOption: true }),
      services: [],
      designations: [],
      costCenters: [storedCenter('2100', 'Sales'), storedCenter('3100', 'Operations')],
      assignments: [atOperator],
      invalid: [],
      preferences: {
        value: {
          notifications: { newDocuments: true, paymentReminders: true, emails: [] },
          paper: { invoiceByPost: false, detailedStatementByPost: false },
        },
        etag: '"p1"',
      },
    });
    expect(await db.assignments.get('a-ref')).toEqual(atOperator);
    db.close();
  });

  it('taken back removes a created assignment: the operator never had it', async () => {
    const db = await archive();
    await applyAssignmentChanges(
      db,
      [
        { op: 'put', id: 'a-ref', input: { ...split, splits: atOperator.splits, validTo: '2026-02-28' } },
        { op: 'put', id: 'a-new', input: { ...split, validFrom: '2026-03-01' } },
      ],
      { now: NOW },
    );
    // The first (the shortened period) reaches the operator; the second is refused.
    const port = createDexieResourceStore(db, NOW);
    const [first] = await port.pendingOutbox();
    if (!first) throw new Error('nothing waits');
    await port.acknowledge(first, {
      value: { ...atOperator, validTo: '2026-02-28', etag: '"v2"' },
      etag: '"v2"',
    });
    const seq = await refuse(db);

    await resolveTakeTheirs(db, seq);

    expect(await db.assignments.get('a-new')).toBeUndefined();
    expect((await db.assignments.get('a-ref'))?.etag).toBe('"v2"');
    db.close();
  });

  it('edited again is sent again, no longer refused', async () => {
    const db = await archive();
    await applyAssignmentChanges(db, [{ op: 'put', id: 'a-ref', input: split }], { now: NOW });
    await refuse(db);

    await applyAssignmentChanges(
      db,
      [{ op: 'put', id: 'a-ref', input: { ...split, validFrom: '2026-02-01' } }],
      {
        now: NOW,
      },
    );

    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ state: 'pending', reason: null, baseEtag: '"v1"', version: 2 });
    expect(row?.payload).toMatchObject({ validFrom: '2026-02-01' });
    expect(await createDexieResourceStore(db, NOW).pendingOutbox()).toHaveLength(1);
    db.close();
  });
});

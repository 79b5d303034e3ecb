import { fileSha256 } from '../../shared/audit/fileHash';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { changesToApply, planImport, type ImportChange } from '../../shared/costCenters/importPlan';
import {
  fileRow,
  manyRows,
  reading,
  rowError,
  storedCenter,
} from '../../shared/costCenters/testing/readings';
import { customerFixture } from '../../shared/testing/customerFixture';
import { InvoiceDeskDatabase } from './database';
import {
  applyCostCenterImport,
  readLastImport,
  saveDesignation,
  undoBlocker,
  undoCostCenterImport,
  type ImportSummary,
} from './localEdits';

const open = async (name: string) => {
  const db = new InvoiceDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.singletons.put({ key: 'customer', value: customerFixture(), etag: null });
  return db;
};
const clock = () => new Date('2026-11-30T09:00:00Z');

const stored = [
  storedCenter('4100', 'Marketing', { owner: 'A. Muster', monthlyBudget: '1250.00' }),
  storedCenter('4200', 'Sales', { owner: 'B. Beispiel' }),
];

const seed = async (name: string) => {
  const db = await open(name);
  await db.costCenters.bulkPut(stored);
  return db;
};

const summary = (changes: readonly ImportChange[]): ImportSummary => ({
  fileName: 'cost-centres.csv',
  sha256: fileSha256(new TextEncoder().encode('code;name')),
  created: changes.filter((change) => change.before === null).length,
  changed: changes.filter((change) => change.before !== null).length,
  deactivated: 0,
  skipped: 0,
});

/** Everything the import may touch, to prove that a failure left it as it was. */
const snapshot = async (db: InvoiceDeskDatabase) => ({
  centers: await db.costCenters.toArray(),
  outbox: await db.outbox.toArray(),
  audit: await db.auditLog.toArray(),
  memory: await db.importMemory.toArray(),
});

const plannedChanges = () => {
  const plan = planImport(
    stored,
    reading(
      [
        fileRow(2, '4100', 'Marketing & Communication', { owner: 'A. Muster', monthlyBudget: '1250.00' }),
        fileRow(3, '0000100100', 'Logistics', { monthlyBudget: '1250.50' }),
      ],
      [rowError(4, 'invalidCode', { value: '41 00' })],
    ),
    { deactivateMissing: false },
  );
  const chosen = changesToApply(plan, { validOnly: true });
  if (!chosen.ok) throw new Error('expected changes');
  return chosen.changes;
};

describe('applyCostCenterImport', () => {
  it('writes every row and its outbox entry at once: If-None-Match for new centres, If-Match on the stored ETag for changed ones', async () => {
    const db = await seed('apply');
    const changes = plannedChanges();
    const record = await applyCostCenterImport(db, changes, { ...summary(changes), skipped: 1 }, clock);

    expect(await db.costCenters.get('4100')).toMatchObject({
      name: 'Marketing & Communication',
      owner: 'A. Muster',
      etag: '"4100-1"',
      updatedAt: '2026-11-30T09:00:00.000Z',
    });
    expect(await db.costCenters.get('0000100100')).toMatchObject({
      name: 'Logistics',
      etag: '',
      monthlyBudget: '1250.50',
    });
    const outbox = await db.outbox.toArray();
    expect(
      outbox.map(({ entity, op, key, baseEtag, state, version }) => ({
        entity,
        op,
        key,
        baseEtag,
        state,
        version,
      })),
    ).toEqual([
      { entity: 'costCenter', op: 'put', key: '4100', baseEtag: '"4100-1"', state: 'pending', version: 1 },
      { entity: 'costCenter', op: 'put', key: '0000100100', baseEtag: null, state: 'pending', version: 1 },
    ]);
    expect(outbox[1]?.payload).toEqual({
      name: 'Logistics',
      owner: null,
      active: true,
      objectType: 'costCenter',
      monthlyBudget: '1250.50',
    });
    expect(record.entries.map((entry) => [entry.code, entry.before?.name ?? null])).toEqual([
      ['4100', 'Marketing'],
      ['0000100100', null],
    ]);
    expect(await readLastImport(db)).toEqual(record);
    expect(await db.auditLog.toArray()).toMatchObject([
      {
        id: 1,
        at: '2026-11-30T09:00:00.000Z',
        kind: 'costCenterImport',
        params: {
          fileName: 'cost-centres.csv',
          created: 1,
          changed: 1,
          deactivated: 0,
          skipped: 1,
          sha256: fileSha256(new TextEncoder().encode('code;name')),
        },
      },
    ]);
  });

  it('changes nothing at all when a row in the middle is refused (the whole transaction rolls back)', async () => {
    const db = await seed('apply-fails');
    await saveDesignation(db, 'frankingLicence', '11111111', 'Reception');
    const before = await snapshot(db);
    const [first, second] = plannedChanges();
    if (!first || !second) throw new Error('expected two changes');
    // A name the contract refuses (empty), after one good row was already written in the transaction.
    const refused: ImportChange = { code: '4300', before: null, after: { ...second.after, name: '' } };
    await expect(
      applyCostCenterImport(db, [first, refused, second], summary([first, refused, second]), clock),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('coalesces with an edit already waiting for the same code, keeping its base ETag', async () => {
    const db = await seed('apply-coalesce');
    await applyCostCenterImport(
      db,
      [
        {
          code: '4200',
          before: stored[1] ?? null,
          after: {
            name: 'Sales (hand edit)',
            owner: null,
            active: true,
            objectType: 'costCenter',
            monthlyBudget: null,
          },
        },
      ],
      summary([]),
      clock,
    );
    const waiting = await db.outbox.toArray();
    await applyCostCenterImport(
      db,
      [
        {
          code: '4200',
          before: null,
          after: {
            name: 'Sales & Service',
            owner: null,
            active: true,
            objectType: 'costCenter',
            monthlyBudget: null,
          },
        },
      ],
      summary([]),
      clock,
    );
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      seq: waiting[0]?.seq,
      baseEtag: '"4200-1"',
      version: 2,
      payload: { name: 'Sales & Service' },
    });
  });
});

describe('undoCostCenterImport', () => {
  it('restores every row and removes the outbox entries while none was pushed', async () => {
    const db = await seed('undo');
    const before = await snapshot(db);
    await applyCostCenterImport(db, plannedChanges(), summary(plannedChanges()), clock);
    expect(await undoBlocker(db, await readLastImport(db))).toBeNull();

    await expect(undoCostCenterImport(db, clock)).resolves.toEqual({ ok: true, restored: 2 });

    const after = await snapshot(db);
    expect(after.centers).toEqual(before.centers);
    expect(after.outbox).toEqual([]);
    expect(after.memory).toEqual([]);
    expect(after.audit.map((row) => row.kind)).toEqual(['costCenterImport', 'costCenterImportUndone']);
    await expect(undoCostCenterImport(db, clock)).resolves.toEqual({ ok: false, reason: 'nothing' });
  });

  it('puts back the edit that was waiting before the import coalesced onto it', async () => {
    const db = await seed('undo-coalesced');
    const hand = {
      name: 'Sales (hand edit)',
      owner: null,
      active: true,
      objectType: 'costCenter',
      monthlyBudget: null,
    } as const;
    await applyCostCenterImport(db, [{ code: '4200', before: null, after: hand }], summary([]), clock);
    await db.importMemory.clear();
    const waiting = await db.outbox.toArray();
    await applyCostCenterImport(
      db,
      [{ code: '4200', before: null, after: { ...hand, name: 'Imported' } }],
      summary([]),
      clock,
    );
    await undoCostCenterImport(db, clock);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([{ ...waiting[0], version: 3 }]);
    expect(await db.costCenters.get('4200')).toMatchObject({ name: 'Sales (hand edit)' });
  });

  it('is gone once the sync pushed any of it, or a later edit changed one of its rows, and then changes nothing', async () => {
    const db = await seed('undo-pushed');
    const record = await applyCostCenterImport(db, plannedChanges(), summary(plannedChanges()), clock);
    // The sync acknowledged the first entry: it left the outbox.
    await db.outbox.delete(record.entries[0]?.seq ?? -1);
    const pushed = await snapshot(db);
    await expect(undoCostCenterImport(db, clock)).resolves.toEqual({ ok: false, reason: 'pushed' });
    expect(await snapshot(db)).toEqual(pushed);

    const other = await seed('undo-edited');
    const second = await applyCostCenterImport(other, plannedChanges(), summary(plannedChanges()), clock);
    await other.outbox.update(second.entries[1]?.seq ?? -1, { version: 2 });
    await expect(undoCostCenterImport(other, clock)).resolves.toEqual({ ok: false, reason: 'editedSince' });

    const third = await seed('undo-conflict');
    const conflicted = await applyCostCenterImport(third, plannedChanges(), summary(plannedChanges()), clock);
    await third.outbox.update(conflicted.entries[0]?.seq ?? -1, { state: 'conflict' });
    await expect(undoCostCenterImport(third, clock)).resolves.toEqual({ ok: false, reason: 'pushed' });
  });

  it('applies and undoes 2,000 rows in one transaction each', async () => {
    const db = await open('many');
    const plan = planImport([], reading(manyRows(2_000)), { deactivateMissing: false });
    const chosen = changesToApply(plan, { validOnly: false });
    if (!chosen.ok) throw new Error('expected changes');
    await applyCostCenterImport(db, chosen.changes, summary(chosen.changes), clock);
    expect(await db.costCenters.count()).toBe(2_000);
    expect(await db.outbox.count()).toBe(2_000);
    await expect(undoCostCenterImport(db, clock)).resolves.toEqual({ ok: true, restored: 2_000 });
    expect(await db.costCenters.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  }, 60_000);
});

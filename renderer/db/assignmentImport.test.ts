import { describe, expect, it } from 'vitest';
import { storedCenter } from '../../shared/costCenters/testing/readings';
import { AssignmentEditError } from '../../shared/allocation/editErrors';
import { importChanges, planAssignmentImport, readAssignmentFile } from '../../shared/assignmentImport';
import { assignmentFixture } from '../../shared/testing/assignmentFixture';
import { importUndoBlocker } from './assignmentImport';
import { checkAssignments, checkCostCenters } from './rowChecks';
import { applyAssignmentChanges, assignmentImpact } from './assignmentEdits';
import { allocationArchive, byCentre, expectedByCentre, storedByCentre } from './testing/allocationArchive';
import type { InvoiceDeskDatabase } from './database';

const NOW = () => new Date('2026-11-20T10:00:00Z');

/** The option on, three centres (one inactive), PP-PRI charged to 3100, four lines in March and April. */
const archive = () =>
  allocationArchive({
    assignments: [
      assignmentFixture({
        id: 'a-pri',
        key: 'PP-PRI',
        splits: [{ costCenterCode: '3100', percent: 100 }],
        etag: '"e1"',
      }),
    ],
  });

const snapshot = async (db: InvoiceDeskDatabase) => ({
  assignments: await db.assignments.toArray(),
  outbox: await db.outbox.toArray(),
  rollups: await db.allocatedRollups.toArray(),
});

const SHEET = [
  'Art;Schlüssel;Kostenstelle;Anteil %;Gültig ab;Gültig bis',
  // Reference 10000001, 70/30 from 15 March: lines 2 and 3 move (line 1 is the 14th).
  'Referenz;10000001;2100;70;15.3.2026;',
  'Referenz;10000001;3100;30;15.3.2026;',
  // PP-PRI as stored (no period), now to 2100: replaced under its id.
  'Dienstleistung;PP-PRI;2100;100;;',
].join('\n');
const planOf = async (db: InvoiceDeskDatabase, text: string) => {
  const reading = readAssignmentFile(new TextEncoder().encode(text), 'Zuordnungen.csv');
  if (!reading.ok) throw new Error(reading.messageKey);
  const assignments = checkAssignments(await db.assignments.toArray()).rows;
  const centers = checkCostCenters(await db.costCenters.toArray()).rows;
  let next = 0;
  return planAssignmentImport(reading, { assignments, centers, newId: () => `imp-${++next}` });
};

describe('assignment import against the archive', () => {
  it('a good sheet: its impact first, then rows, outbox entries and allocated rollups exact to the centime, in one step', async () => {
    const db = await archive();
    const plan = await planOf(db, SHEET);
    expect(plan.counts).toEqual({ create: 1, replace: 1, unchanged: 0, error: 0 });
    const chosen = importChanges(plan, { validOnly: false });
    if (!chosen.ok) throw new Error('refused');

    const impact = await assignmentImpact(db, chosen.changes);
    expect(byCentre(impact.rows)).toEqual({
      // Lines 2 and 3 leave PP-PRI's 3100 for the reference's split: 70 % of 10.05 is 7.035 -> 7.04
      // and 30 % is 3.015 -> 3.02, one centime too many, which the first split gives back (7.03);
      // line 1 (before the 15th) and line 4 follow PP-PRI to 2100.
      '2026-03 2100': 1005 + 703,
      '2026-03 3100': -2010 + 302,
      '2026-04 2100': 1005 + 1400,
      '2026-04 3100': -1005 - 2000 + 600,
    });

    await applyAssignmentChanges(db, chosen.changes, { now: NOW });
    expect(await db.assignments.get('imp-1')).toMatchObject({
      kind: 'invoiceReference',
      key: '10000001',
      splits: [
        { costCenterCode: '2100', percent: 70 },
        { costCenterCode: '3100', percent: 30 },
      ],
      validFrom: '2026-03-15',
      validTo: null,
      etag: '',
    });
    expect(await db.assignments.get('a-pri')).toMatchObject({
      splits: [{ costCenterCode: '2100', percent: 100 }],
    });
    expect(await db.outbox.toArray()).toMatchObject([
      { entity: 'assignment', op: 'put', key: 'imp-1', baseEtag: null, state: 'pending' },
      { entity: 'assignment', op: 'put', key: 'a-pri', baseEtag: '"e1"', state: 'pending' },
    ]);
    expect(await storedByCentre(db)).toEqual(await expectedByCentre(db));
    expect(await storedByCentre(db)).toEqual({
      '2026-03 2100': 1005 + 703,
      '2026-03 3100': 302,
      '2026-04 2100': 1400 + 1005,
      '2026-04 3100': 600,
    });
  });

  it('a sheet with one bad row is not applied without the explicit choice; a stale plan the write refuses writes nothing', async () => {
    const db = await archive();
    const bad = await planOf(db, `${SHEET}\nDienstleistung;PP-ECO;9000;100;;`);
    expect(bad.items.flatMap((item) => item.problems)).toEqual([
      { row: 5, field: 'costCenter', column: 'C', code: 'inactiveCostCenter', value: '9000' },
    ]);
    expect(importChanges(bad, { validOnly: false })).toEqual({ ok: false });

    // Planned while 2100 was active; deactivated before "Apply": the whole batch is refused.
    const plan = await planOf(db, SHEET);
    const chosen = importChanges(plan, { validOnly: false });
    if (!chosen.ok) throw new Error('refused');
    const before = await snapshot(db);
    await db.costCenters.put(storedCenter('2100', 'Sales', { active: false }));
    const refused = await applyAssignmentChanges(db, chosen.changes, { now: NOW }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AssignmentEditError);
    expect(refused).toMatchObject({ code: 'invalid', index: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('undo of the whole import while nothing is pushed brings assignments and rollups back; once pushed it is no longer offered', async () => {
    const db = await archive();
    const before = await storedByCentre(db);
    const chosen = importChanges(await planOf(db, SHEET), { validOnly: false });
    if (!chosen.ok) throw new Error('refused');
    const applied = await applyAssignmentChanges(db, chosen.changes, { now: NOW });
    const ids = chosen.changes.map((change) => change.id);
    await expect(importUndoBlocker(db, ids)).resolves.toBeNull();

    await applyAssignmentChanges(db, applied.undo, { now: NOW });
    expect((await db.assignments.toArray()).map((row) => [row.id, row.splits])).toEqual([
      ['a-pri', [{ costCenterCode: '3100', percent: 100 }]],
    ]);
    // The created assignment's queued create is dropped; the replaced one's put now restores what the operator has.
    expect((await db.outbox.toArray()).map((row) => [row.key, row.op])).toEqual([['a-pri', 'put']]);
    expect(await storedByCentre(db)).toEqual(before);

    // Applied again, then the sync pushed one entry (acknowledged: gone from the outbox).
    await applyAssignmentChanges(db, chosen.changes, { now: NOW });
    const pushed = await db.outbox.where('[entity+key]').equals(['assignment', 'imp-1']).first();
    if (pushed?.seq === undefined) throw new Error('not queued');
    await db.outbox.delete(pushed.seq);
    await expect(importUndoBlocker(db, ids)).resolves.toBe('pushed');
  });
});

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CostCenterEditError } from '../../shared/costCenters/editErrors';
import { customerFixture } from '../../shared/testing/customerFixture';
import { InvoiceDeskDatabase } from './database';
import { applyCostCenterImport, deleteCostCenter, resolveTakeTheirs, saveCostCenter } from './localEdits';

const now = () => new Date('2026-11-22T09:30:00Z');

let databases = 0;
const open = async (option: boolean | null = true) => {
  databases += 1;
  const db = new InvoiceDeskDatabase(`cost-center-edits-${databases}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  await db.open();
  if (option !== null)
    await db.singletons.put({
      key: 'customer',
      value: customerFixture({ costCenterOption: option }),
      etag: null,
    });
  await db.costCenters.bulkPut([
    {
      code: '4100',
      name: 'Versand',
      owner: null,
      active: true,
      objectType: 'costCenter',
      monthlyBudget: null,
      etag: '"v1"',
      updatedAt: '2026-11-01T10:00:00Z',
    },
    {
      code: '4200',
      name: 'Empfang',
      owner: 'Ana Müller',
      active: true,
      objectType: 'costCenter',
      monthlyBudget: '1250.00',
      etag: '"v7"',
      updatedAt: '2026-11-01T10:00:00Z',
    },
  ]);
  await db.assignments.put({
    id: 'licence-1',
    kind: 'frankingLicence',
    key: '65602908',
    etag: '"a1"',
    updatedAt: '2026-11-01T10:00:00Z',
    splits: [
      { costCenterCode: '4200', percent: 60 },
      { costCenterCode: '4300', percent: 40 },
    ],
  });
  return db;
};

const input = (name: string, more: { active?: boolean; monthlyBudget?: string | null } = {}) => ({
  name,
  owner: null,
  active: more.active ?? true,
  objectType: 'costCenter' as const,
  monthlyBudget: more.monthlyBudget ?? null,
});

const refusal = async (write: Promise<unknown>) => {
  const error: unknown = await write.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CostCenterEditError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, uses: error.uses };
};

describe('cost-centre edits', () => {
  it('creates a centre as a row with no ETag and an If-None-Match outbox entry, together', async () => {
    const db = await open();
    await saveCostCenter(db, 'KST-9', input('Marketing', { monthlyBudget: '2500.00' }), {
      creating: true,
      now,
    });
    expect(await db.costCenters.get('KST-9')).toEqual({
      code: 'KST-9',
      ...input('Marketing', { monthlyBudget: '2500.00' }),
      etag: '',
      updatedAt: '2026-11-22T09:30:00.000Z',
    });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      entity: 'costCenter',
      op: 'put',
      key: 'KST-9',
      baseEtag: null,
      state: 'pending',
      payload: input('Marketing', { monthlyBudget: '2500.00' }),
    });
    db.close();
  });

  it('edits with the stored ETag (If-Match) and coalesces two edits into one push', async () => {
    const db = await open();
    await saveCostCenter(db, '4100', input('Versand Bern'), { creating: false, now });
    await saveCostCenter(db, '4100', input('Versand Bern', { active: false }), { creating: false, now });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ baseEtag: '"v1"', version: 2, payload: { active: false } });
    expect(await db.costCenters.get('4100')).toMatchObject({ etag: '"v1"', active: false });
    db.close();
  });

  it('writes the row and the outbox entry in one transaction: a failing outbox write leaves the row as it was', async () => {
    const db = await open();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(saveCostCenter(db, '4100', input('Lost'), { creating: false, now })).rejects.toThrow(
      'disk full',
    );
    expect((await db.costCenters.get('4100'))?.name).toBe('Versand');
    db.close();
  });

  it('refuses a taken code at creation and an unknown one at an edit', async () => {
    const db = await open();
    expect(await refusal(saveCostCenter(db, '4100', input('Twice'), { creating: true, now }))).toEqual({
      code: 'exists',
      uses: 0,
    });
    expect(await refusal(saveCostCenter(db, 'NOPE', input('Ghost'), { creating: false, now }))).toMatchObject(
      {
        code: 'missing',
      },
    );
    expect(
      await refusal(saveCostCenter(db, 'bad code', input('Space'), { creating: true, now })),
    ).toMatchObject({
      code: 'invalid',
    });
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('refuses to delete a code an assignment charges, saying how many, and deletes an unused one with If-Match', async () => {
    const db = await open();
    expect(await refusal(deleteCostCenter(db, '4200'))).toEqual({ code: 'inUse', uses: 1 });
    expect(await db.costCenters.get('4200')).toBeDefined();
    await deleteCostCenter(db, '4100');
    expect(await db.costCenters.get('4100')).toBeUndefined();
    expect(await db.outbox.toArray()).toMatchObject([
      { entity: 'costCenter', op: 'delete', key: '4100', baseEtag: '"v1"', payload: null },
    ]);
    db.close();
  });

  it('leaves nothing to push when a centre created here is deleted before it was sent', async () => {
    const db = await open();
    await saveCostCenter(db, 'TEMP', input('Probe'), { creating: true, now });
    await saveCostCenter(db, 'TEMP', input('Probe 2'), { creating: false, now });
    await deleteCostCenter(db, 'TEMP');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.costCenters.get('TEMP')).toBeUndefined();
    db.close();
  });

  it('refuses every write while the option is off, or before the customer is known, queueing nothing', async () => {
    for (const option of [false, null]) {
      const db = await open(option);
      const expected = option === false ? 'optionOff' : 'notSynced';
      expect(await refusal(saveCostCenter(db, 'NEW', input('New'), { creating: true, now }))).toMatchObject({
        code: expected,
      });
      expect(
        await refusal(saveCostCenter(db, '4100', input('Edit'), { creating: false, now })),
      ).toMatchObject({
        code: expected,
      });
      expect(await refusal(deleteCostCenter(db, '4100'))).toMatchObject({ code: expected });
      expect(
        await refusal(
          applyCostCenterImport(
            db,
            [{ code: 'X', before: null, after: input('X') }],
            {
              fileName: 'x.csv',
              created: 1,
              changed: 0,
              deactivated: 0,
              skipped: 0,
              sha256: 'ab'.repeat(32),
            },
            now,
          ),
        ),
      ).toMatchObject({
        code: expected,
      });
      expect(await db.outbox.count()).toBe(0);
      expect((await db.costCenters.get('4100'))?.name).toBe('Versand');
      expect(await db.costCenters.get('NEW')).toBeUndefined();
      db.close();
    }
  });

  it('"take theirs" on a conflicting edit puts the operator’s version back', async () => {
    const db = await open();
    await saveCostCenter(db, '4100', input('Mine'), { creating: false, now });
    const [entry] = await db.outbox.toArray();
    if (entry?.seq === undefined) throw new Error('no outbox entry');
    const theirs = {
      code: '4100',
      ...input('Versand (edited by another user)'),
      etag: '"v2"',
      updatedAt: '2026-11-22T09:00:00Z',
    };
    await db.outbox.update(entry.seq, { state: 'conflict', current: { value: theirs, etag: '"v2"' } });
    await resolveTakeTheirs(db, entry.seq);
    expect(await db.costCenters.get('4100')).toEqual(theirs);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});

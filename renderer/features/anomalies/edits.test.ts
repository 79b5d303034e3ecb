import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { AnomalyFlag } from '../../../shared/analytics/anomalies';
import { InvoiceDeskDatabase } from '../../db/database';
import { dismissAnomaly, DismissalError } from './edits';

const open = async () => {
  const db = new InvoiceDeskDatabase('dismissals', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
};

const flag: AnomalyFlag = {
  kind: 'rise',
  dimension: 'service',
  key: 'PP-PRI',
  month: '2026-10',
  costCentimes: 500_000,
  averageCentimes: 100_000,
  historyMonths: 6,
};
const now = new Date('2026-11-22T10:00:00Z');

describe('dismissAnomaly', () => {
  it('stores the dismissal and its audit entry together', async () => {
    const db = await open();
    await dismissAnomaly(db, flag, '  Christmas mailing, planned  ', now);
    expect(await db.anomalyDismissals.toArray()).toEqual([
      {
        id: 'rise|service|PP-PRI|2026-10',
        flag,
        note: 'Christmas mailing, planned',
        dismissedAt: '2026-11-22T10:00:00.000Z',
      },
    ]);
    expect(await db.auditLog.toArray()).toMatchObject([
      {
        id: 1,
        at: '2026-11-22T10:00:00.000Z',
        kind: 'anomalyDismissed',
        params: {
          flag: 'rise',
          dimension: 'service',
          key: 'PP-PRI',
          month: '2026-10',
          note: 'Christmas mailing, planned',
        },
      },
    ]);
    db.close();
  });

  it('refuses an empty or overlong note and writes nothing', async () => {
    const db = await open();
    await expect(dismissAnomaly(db, flag, '   ', now)).rejects.toEqual(new DismissalError('noteRequired'));
    await expect(dismissAnomaly(db, flag, 'x'.repeat(501), now)).rejects.toMatchObject({
      code: 'noteTooLong',
    });
    expect(await db.anomalyDismissals.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });

  it('writes neither when the audit entry fails', async () => {
    const db = await open();
    // The log refuses the entry (as a full disk would): the dismissal must not stay behind.
    db.auditLog.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(dismissAnomaly(db, flag, 'planned', now)).rejects.toThrow('disk full');
    expect(await db.anomalyDismissals.count()).toBe(0);
    db.close();
  });
});

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../shared/sync/ports';
import { InvoiceDeskDatabase } from './database';
import { createDexieSyncStore } from './syncStore';

const quiet = (minute: number): SyncRunRecord => ({
  startedAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  finishedAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:02.000Z`,
  outcome: 'ok',
  error: null,
  newInvoices: 0,
  updatedInvoices: 0,
  linesStored: 0,
  documentsStored: 0,
  quarantined: 0,
  pushed: 0,
  conflicts: 0,
  failedInvoices: 0,
  phaseMs: {},
});

describe('the sync history', () => {
  it('keeps a stretch of runs that found nothing as one row showing the latest check', async () => {
    const db = new InvoiceDeskDatabase('runs', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const store = createDexieSyncStore(db, () => new Date('2026-03-01T11:00:00Z'));
    await store.recordRun({ ...quiet(0), newInvoices: 3, linesStored: 40 });
    await store.recordRun(quiet(1));
    await store.recordRun(quiet(2));
    await store.recordRun(quiet(3));
    await store.recordRun({
      ...quiet(4),
      outcome: 'cancelled',
      error: { code: 'sync.cancelled', message: '' },
    });
    await store.recordRun(quiet(5));
    await store.recordRun({ ...quiet(6), pushed: 1 });
    await store.recordRun(quiet(7));

    const runs = await db.syncRuns.orderBy('id').toArray();
    expect(
      runs.map((run) => [
        run.outcome,
        run.finishedAt.slice(11, 16),
        run.repeats ?? 1,
        run.quietSince ?? null,
      ]),
    ).toEqual([
      ['ok', '10:00', 1, null],
      ['ok', '10:03', 3, '2026-03-01T10:01:00.000Z'],
      ['cancelled', '10:04', 1, null],
      ['ok', '10:05', 1, null],
      ['ok', '10:06', 1, null],
      ['ok', '10:07', 1, null],
    ]);
    // The audit log records each distinct run once, not every repeat.
    expect(await db.auditLog.where('kind').equals('sync').count()).toBe(6);
    db.close();
  });
});

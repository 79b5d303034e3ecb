import { liveQuery } from 'dexie';
import { toDisposable, type Disposable } from '../../shared/core/disposable';
import type { InvoiceDeskDatabase } from './database';

/**
 * Claims the conflicts and refusals no notification has told yet, in one transaction, and returns
 * how many: a second caller (another sync's end) finds them claimed. A settled edit is gone from
 * the outbox, so it is never counted.
 */
export const claimConflictNotices = (db: InvoiceDeskDatabase): Promise<number> =>
  db.transaction('rw', db.outbox, async () => {
    const fresh = await db.outbox
      .where('state')
      .anyOf('conflict', 'rejected')
      .filter((row) => row.noticePending === true)
      .toArray();
    for (const row of fresh)
      if (row.seq !== undefined) await db.outbox.update(row.seq, { noticePending: false });
    return fresh.length;
  });

/** Unsettled edits and the last successful sync, for the desktop app's tray. */
export interface SyncFacts {
  unsettled: number;
  lastSuccessAt: string | null;
}

export const readSyncFacts = async (db: InvoiceDeskDatabase): Promise<SyncFacts> => {
  const [unsettled, feed] = await Promise.all([
    db.outbox.where('state').anyOf('conflict', 'rejected').count(),
    db.syncState.get('feed'),
  ]);
  return { unsettled, lastSuccessAt: feed?.lastSuccessAt ?? null };
};

/** Calls `onChange` with the facts now and after every change of them. */
export const watchSyncFacts = (db: InvoiceDeskDatabase, onChange: (facts: SyncFacts) => void): Disposable => {
  const subscription = liveQuery(() => readSyncFacts(db)).subscribe({
    next: onChange,
    // The tray keeps what it last showed; the next change tries again.
    error: () => undefined,
  });
  return toDisposable(() => subscription.unsubscribe());
};

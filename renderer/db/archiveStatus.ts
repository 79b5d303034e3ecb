import { useLiveQuery } from 'dexie-react-hooks';
import { useCoalescedQuery } from './coalescedQuery';
import { useDatabase } from './DatabaseContext';

/**
 * What the status bar shows of the archive on every page; undefined fields while loading. The
 * archive's counts are read in one transaction, at most once a second while a sync commits page
 * after page: a live query per count ran again on every commit, on every page, and held the sync's
 * writes back while it read. The clerk's own waiting edits stay live: an edit shows at once.
 */
export const useArchiveStatus = () => {
  const db = useDatabase();
  const archive = useCoalescedQuery(
    db,
    ['invoices', 'quarantine', 'syncState'],
    () =>
      db.transaction('r', [db.invoices, db.quarantine, db.syncState], async () => {
        const [invoiceCount, quarantined, feed] = await Promise.all([
          db.invoices.count(),
          db.quarantine.count(),
          db.syncState.get('feed'),
        ]);
        return { invoiceCount, quarantined, feed };
      }),
    [],
  );
  return {
    invoiceCount: archive?.invoiceCount,
    quarantined: archive?.quarantined,
    feed: archive?.feed,
    unsettled: useLiveQuery(() => db.outbox.where('state').anyOf('conflict', 'rejected').count(), [db]),
    waiting: useLiveQuery(() => db.outbox.where('state').equals('pending').count(), [db]),
  };
};

/** What a run that stopped early (cancelled, failed, offline) left to fetch; null while loading. */
export interface ArchiveRemaining {
  /** False until the operator's invoice list has been read to its end at least once. */
  feedDrained: boolean;
  lines: number;
  documents: number;
}

/**
 * What is still to fetch, read only while no sync runs (the running sync reports its own progress):
 * the lines and PDFs still missing, except those the operator no longer serves.
 */
export const useArchiveRemaining = (enabled: boolean): ArchiveRemaining | null | undefined => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (!enabled) return null;
    const feed = await db.syncState.get('feed');
    const remaining: ArchiveRemaining = { feedDrained: feed?.drained === true, lines: 0, documents: 0 };
    await db.invoices.each((invoice) => {
      if (invoice.linesState === 'pending' || invoice.linesState === 'partial')
        remaining.lines += Math.max(invoice.lineCount - invoice.linesStored, 0);
      if (invoice.documentState === 'pending') remaining.documents += 1;
    });
    return remaining;
  }, [db, enabled]);
};

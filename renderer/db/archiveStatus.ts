import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './DatabaseContext';

/** What the status bar shows of the archive on every page, live; undefined fields while loading. */
export const useArchiveStatus = () => {
  const db = useDatabase();
  return {
    invoiceCount: useLiveQuery(() => db.invoices.count(), [db]),
    quarantined: useLiveQuery(() => db.quarantine.count(), [db]),
    feed: useLiveQuery(() => db.syncState.get('feed'), [db]),
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

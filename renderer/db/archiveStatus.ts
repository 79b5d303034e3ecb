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

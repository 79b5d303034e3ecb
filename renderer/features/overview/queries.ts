import { useLiveQuery } from 'dexie-react-hooks';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useCoalescedQuery } from '../../db/coalescedQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { checkInvoices, checkRollups } from '../../db/rowChecks';

// Every read of the archive the overview makes. Each hook re-renders when its rows change; the
// whole-table reads at most once a second while a sync commits block after block (coalescedQuery).

export const useOverviewInvoices = () => {
  const db = useDatabase();
  return useCoalescedQuery(db, ['invoices'], async () => checkInvoices(await db.invoices.toArray()), []);
};

export const useOverviewRollups = () => {
  const db = useDatabase();
  return useCoalescedQuery(db, ['rollups'], async () => checkRollups(await db.rollups.toArray()), []);
};

/** The customer singleton as stored (unchecked: the page parses the one field it needs). */
export const useStoredCustomer = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.singletons.get('customer'), [db]);
};

/** The feed's state: whether the invoice list has been read to its end, and when first. */
export const useOverviewFeed = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.syncState.get('feed'), [db]);
};

/** Net cost per cost centre (UNASSIGNED included) and month over [fromMonth, toMonth], allocated line by line. */
export const useOverviewAllocated = (fromMonth: string, toMonth: string) => {
  const db = useDatabase();
  return useCoalescedQuery(db, ['allocatedRollups'], () => allocatedByCenterMonth(db, fromMonth, toMonth), [
    fromMonth,
    toMonth,
  ]);
};

import { useLiveQuery } from 'dexie-react-hooks';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useCoalescedQuery } from '../../db/coalescedQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { checkInvoices, checkRollupMonths } from '../../db/rowChecks';

// Every read of the archive the overview makes. Each hook re-renders when its rows change; the
// whole-table reads at most once a second while a sync commits block after block (coalescedQuery).

/**
 * The invoices, the rollups and the feed's state, read in one transaction: the page sets a month
 * aside as incomplete by comparing the invoices with the rollups, so both must come from the same
 * moment of a sync, or a month half-written between two reads would be drawn (even negative).
 */
export const useOverviewArchive = () => {
  const db = useDatabase();
  return useCoalescedQuery(
    db,
    ['invoices', 'rollupMonths', 'syncState'],
    () =>
      db.transaction('r', [db.invoices, db.rollupMonths, db.syncState], async () => {
        const [invoices, rollups, feed] = await Promise.all([
          db.invoices.toArray(),
          db.rollupMonths.toArray(),
          db.syncState.get('feed'),
        ]);
        return { checkedInvoices: checkInvoices(invoices), checkedRollups: checkRollupMonths(rollups), feed };
      }),
    [],
  );
};

/** The customer singleton as stored (unchecked: the page parses the one field it needs). */
export const useStoredCustomer = () => {
  const db = useDatabase();
  return useLiveQuery(() => db.singletons.get('customer'), [db]);
};

/** Net cost per cost centre (UNASSIGNED included) and month over [fromMonth, toMonth], allocated line by line. */
export const useOverviewAllocated = (fromMonth: string, toMonth: string) => {
  const db = useDatabase();
  return useCoalescedQuery(db, ['allocatedRollups'], () => allocatedByCenterMonth(db, fromMonth, toMonth), [
    fromMonth,
    toMonth,
  ]);
};

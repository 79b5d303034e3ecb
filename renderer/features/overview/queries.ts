import { useLiveQuery } from 'dexie-react-hooks';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useDatabase } from '../../db/DatabaseContext';
import { checkInvoices, checkRollups } from '../../db/rowChecks';

// Every read of the archive the overview makes. Each hook re-renders when its rows change.

export const useOverviewInvoices = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkInvoices(await db.invoices.toArray()), [db]);
};

export const useOverviewRollups = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkRollups(await db.rollups.toArray()), [db]);
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
  return useLiveQuery(() => allocatedByCenterMonth(db, fromMonth, toMonth), [db, fromMonth, toMonth]);
};

import { useLiveQuery } from 'dexie-react-hooks';
import { useCoalescedQuery } from '../../db/coalescedQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { checkAllocatedRollups, checkCostCenters, checkServices } from '../../db/rowChecks';

// Every read of the archive the analytics page makes. Each hook re-renders when its rows change.

/**
 * Every allocated rollup row (month x cost centre x service): one read of a few thousand rows where
 * the lines are a million, so that a change of period or amount is computed in memory, never read.
 */
export const useAnalyticsAllocated = () => {
  const db = useDatabase();
  // Read at most once a second while a sync commits block after block (coalescedQuery).
  return useCoalescedQuery(
    db,
    ['allocatedRollups'],
    async () => checkAllocatedRollups(await db.allocatedRollups.toArray()),
    [],
  );
};

/** The cost centres, for their names. */
export const useAnalyticsCostCenters = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkCostCenters(await db.costCenters.toArray()), [db]);
};

/** The service catalogue, for each service's category. */
export const useAnalyticsServices = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkServices(await db.services.toArray()), [db]);
};

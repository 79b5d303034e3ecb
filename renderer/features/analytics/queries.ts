import { useLiveQuery } from 'dexie-react-hooks';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useDatabase } from '../../db/DatabaseContext';
import { checkCostCenters, checkRollups } from '../../db/rowChecks';

// Every read of the archive the analytics page makes. Each hook re-renders when its rows change.

/** The monthly rollups of every stored line: thousands of rows where the lines are a million. */
export const useAnalyticsRollups = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkRollups(await db.rollups.toArray()), [db]);
};

/** The cost centres, for their names. */
export const useAnalyticsCostCenters = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkCostCenters(await db.costCenters.toArray()), [db]);
};

/**
 * Cost per cost centre (UNASSIGNED included) and month over [fromMonth, toMonth], from the
 * allocated rollups: exact to the centime against the per-line allocation, for any validity period.
 */
export const useAllocatedByCenterMonth = (fromMonth: string, toMonth: string) => {
  const db = useDatabase();
  return useLiveQuery(() => allocatedByCenterMonth(db, fromMonth, toMonth), [db, fromMonth, toMonth]);
};

import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/DatabaseContext';
import { checkAssignments, checkCostCenters } from '../../db/rowChecks';

// Every read of the archive the cost centres page makes. Each hook re-renders when its rows change.

/** The customer's cost centres as synced, by code; damaged rows set apart. */
export const useCostCenters = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkCostCenters(await db.costCenters.orderBy('code').toArray()), [db]);
};

/** The assignments as synced; damaged rows set apart. */
export const useAssignments = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkAssignments(await db.assignments.toArray()), [db]);
};

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { loadImportMapping } from '../../db/importMemory';
import { readLastImport, undoBlocker } from '../../db/localEdits';
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

/** The last import and, when it can no longer be undone, why (null: it can be). */
export const useLastImport = () => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const record = await readLastImport(db);
    return { record, blocker: await undoBlocker(db, record) };
  }, [db]);
};

/** Reads the mapping the clerk chose for files laid out like this one; null when there is none. */
export const useRememberedMapping = () => {
  const db = useDatabase();
  return useCallback((layoutKey: string) => loadImportMapping(db, layoutKey), [db]);
};

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { CustomerSchema } from '../../../shared/api/schemas';
import type { WaitingState } from '../../../shared/designations/nameRows';
import { useDatabase } from '../../db/DatabaseContext';
import { loadImportMapping } from '../../db/importMemory';
import { readLastImport, undoBlocker } from '../../db/localEdits';
import { checkAssignments, checkCostCenters } from '../../db/rowChecks';

// Every read of the archive the cost centres page makes. Each hook re-renders when its rows change.

/** The customer's cost centres as synced (or edited here), by code; damaged rows set apart. */
export const useCostCenters = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkCostCenters(await db.costCenters.orderBy('code').toArray()), [db]);
};

/** The assignments as synced; damaged rows set apart. */
export const useAssignments = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkAssignments(await db.assignments.toArray()), [db]);
};

/** Cost-centre edits still in the outbox, by code. */
export const useWaitingCenterEdits = () => {
  const db = useDatabase();
  return useLiveQuery(
    async (): Promise<Array<{ code: string; state: WaitingState }>> =>
      // The outbox holds a handful of rows at most; a scan is cheaper than a second index.
      (await db.outbox.toArray()).flatMap((row) =>
        row.entity === 'costCenter' ? [{ code: row.key, state: row.state }] : [],
      ),
    [db],
  );
};

/**
 * Whether the customer has the operator's cost-centre option: 'unknown' before the first sync (or
 * with a damaged customer record). Undefined while loading.
 */
export const useCostCenterOption = () => {
  const db = useDatabase();
  return useLiveQuery(async (): Promise<'on' | 'off' | 'unknown'> => {
    const parsed = CustomerSchema.safeParse((await db.singletons.get('customer'))?.value);
    if (!parsed.success) return 'unknown';
    return parsed.data.costCenterOption ? 'on' : 'off';
  }, [db]);
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

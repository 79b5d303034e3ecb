import { useLiveQuery } from 'dexie-react-hooks';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useDatabase } from '../../db/DatabaseContext';
import { checkCostCenters, checkRollupMonths } from '../../db/rowChecks';
import type { AnomalyDismissalRow } from '../../db/records';

// Every read of the archive the anomaly flags make. Each hook re-renders when its rows change.

/**
 * Everything the flags are computed from: the whole history (a month is judged against the six
 * before it, which may lie before the period shown), the cost centres' names and the dismissals.
 */
export const useAnomalySources = () => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const rollups = checkRollupMonths(await db.rollupMonths.toArray());
    // Month keys sort as text: these bounds take every month there is.
    const allocated = await allocatedByCenterMonth(db, '0000-00', '9999-99');
    const centers = checkCostCenters(await db.costCenters.toArray());
    const dismissals: AnomalyDismissalRow[] = await db.anomalyDismissals.toArray();
    return {
      rollups: rollups.rows,
      allocated: allocated.rows,
      centerNames: new Map(centers.rows.map((center) => [center.code, center.name])),
      dismissals: new Map(dismissals.map((row) => [row.id, row])),
      skipped: [...rollups.skipped, ...allocated.skipped, ...centers.skipped],
    };
  }, [db]);
};

/** Changes when a sync run is recorded: the moment stored lines may have changed. */
export const useSyncRunMark = () => {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const last = await db.syncRuns.orderBy('id').last();
    return last === undefined ? 'none' : `${last.id ?? 0}|${last.finishedAt}|${last.repeats ?? 1}`;
  }, [db]);
};

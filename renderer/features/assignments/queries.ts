import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AssignmentChange } from '../../../shared/allocation/changes';
import { assignmentImpact, type AssignmentImpact } from '../../db/assignmentEdits';
import { useDatabase } from '../../db/DatabaseContext';
import { allocatedByCenterMonth } from '../../db/allocation';
import { checkRollupMonths } from '../../db/rowChecks';
import { useAsyncEffect } from '../../ui/useAsyncEffect';

// Every read of the archive the assignments feature makes. Each hook re-renders when its rows change.

// The same reads as the cost-centre page's (one hook each, so Dexie's live-query cache serves both).
export { useAssignments, useCostCenterOption, useCostCenters } from '../costCenters';

export type ImpactState =
  { state: 'loading' } | { state: 'ready'; impact: AssignmentImpact } | { state: 'failed' };

/**
 * What `changes` would move over the stored history (nothing written), recomputed when they change.
 * Pass a stable array (memoised): a new array is a new question.
 */
export const useAssignmentImpact = (changes: readonly AssignmentChange[] | null): ImpactState | null => {
  const db = useDatabase();
  const [result, setResult] = useState<{ for: readonly AssignmentChange[]; state: ImpactState } | null>(null);
  useAsyncEffect(
    () =>
      changes === null
        ? null
        : {
            run: () => assignmentImpact(db, changes),
            onValue: (impact) => setResult({ for: changes, state: { state: 'ready', impact } }),
            onError: () => setResult({ for: changes, state: { state: 'failed' } }),
          },
    [db, changes],
  );
  if (changes === null) return null;
  // An answer for other changes than these is stale: show "computing" until this one arrives.
  return result?.for === changes ? result.state : { state: 'loading' };
};

/** The monthly rollups (every month): the board's keys and their cost come from them. */
export const useBoardRollups = () => {
  const db = useDatabase();
  return useLiveQuery(async () => checkRollupMonths(await db.rollupMonths.toArray()), [db]);
};

/** Cost per cost centre (the unassigned bucket included) and month, from the allocated rollups. */
export const useAllocatedMonths = (fromMonth: string, toMonth: string) => {
  const db = useDatabase();
  return useLiveQuery(() => allocatedByCenterMonth(db, fromMonth, toMonth), [db, fromMonth, toMonth]);
};

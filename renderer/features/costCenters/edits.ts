import { useCallback } from 'react';
import type { CostCenterInput } from '../../../shared/api/schemas';
import { useDatabase } from '../../db/DatabaseContext';
import {
  applyCostCenterChanges,
  deleteCostCenter,
  saveCostCenter,
  type CostCenterChange,
} from '../../db/localEdits';

// Every write the cost centres feature makes: through the outbox (db/localEdits.ts), each in one
// transaction; refused with a CostCenterEditError (shared/costCenters/editErrors.ts) when it could never be pushed.

export { applyCostCenterChanges, type CostCenterChange };

/** Creates (`creating`) or replaces a cost centre. */
export const useSaveCostCenter = () => {
  const db = useDatabase();
  return useCallback(
    (code: string, input: CostCenterInput, creating: boolean) =>
      saveCostCenter(db, code, input, { creating }),
    [db],
  );
};

/** Deletes a cost centre no assignment charges. */
export const useDeleteCostCenter = () => {
  const db = useDatabase();
  return useCallback((code: string) => deleteCostCenter(db, code), [db]);
};

/** Applies many changes at once (the import's "Apply" and its undo): all or nothing. */
export const useApplyCostCenterChanges = () => {
  const db = useDatabase();
  return useCallback((changes: readonly CostCenterChange[]) => applyCostCenterChanges(db, changes), [db]);
};

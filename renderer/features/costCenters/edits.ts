import { useCallback, useMemo } from 'react';
import type { CostCenterInput } from '../../../shared/api/schemas';
import type { ColumnMapping } from '../../../shared/costCenters/fileContract';
import type { ImportChange } from '../../../shared/costCenters/importPlan';
import { useDatabase } from '../../db/DatabaseContext';
import { saveImportMapping } from '../../db/importMemory';
import {
  applyCostCenterImport,
  deleteCostCenter,
  saveCostCenter,
  undoCostCenterImport,
  type ImportSummary,
} from '../../db/localEdits';

// Every write the cost centres feature makes: through the outbox (db/localEdits.ts), each in one
// transaction; refused with a CostCenterEditError (shared/costCenters/editErrors.ts) when it could never be pushed.

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

// The cost-centre import's writes: each one transaction (see db/localEdits.ts).

const now = () => new Date();

export const useImportEdits = () => {
  const db = useDatabase();
  return useMemo(
    () => ({
      apply: (changes: readonly ImportChange[], summary: ImportSummary) =>
        applyCostCenterImport(db, changes, summary, now),
      undo: () => undoCostCenterImport(db, now),
      rememberMapping: (layoutKey: string, mapping: ColumnMapping) =>
        saveImportMapping(db, layoutKey, mapping, now),
    }),
    [db],
  );
};

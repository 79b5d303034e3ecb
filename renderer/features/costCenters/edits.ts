import { useMemo } from 'react';
import type { ColumnMapping } from '../../../shared/costCenters/fileContract';
import type { ImportChange } from '../../../shared/costCenters/importPlan';
import { useDatabase } from '../../db/DatabaseContext';
import { saveImportMapping } from '../../db/importMemory';
import { applyCostCenterImport, undoCostCenterImport, type ImportSummary } from '../../db/localEdits';

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

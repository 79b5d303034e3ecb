import { useLiveQuery } from 'dexie-react-hooks';
import { budgetReadRange } from '../../../shared/analytics/budgets';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import { allocatedByCenterMonth } from '../../db/allocation';
import { useDatabase } from '../../db/DatabaseContext';
import type { InvoiceDeskDatabase } from '../../db/database';
import { checkCostCenters } from '../../db/rowChecks';

// Every read of the archive the budgets make. Each hook re-renders when its rows change.

/** What a budget report of `period` needs: the cost centres, and their allocated cost from January of its last year. */
export const readBudgetData = async (db: InvoiceDeskDatabase, period: MonthPeriod) => {
  const range = budgetReadRange(period);
  const centers = checkCostCenters(await db.costCenters.orderBy('code').toArray());
  const allocated = await allocatedByCenterMonth(db, range.from, range.to);
  return {
    centers: centers.rows,
    allocated: allocated.rows,
    skipped: [...centers.skipped, ...allocated.skipped],
  };
};

export const useBudgetData = (period: MonthPeriod | null) => {
  const db = useDatabase();
  const from = period?.from ?? '';
  const to = period?.to ?? '';
  return useLiveQuery(
    () => (from === '' || to === '' ? undefined : readBudgetData(db, { from, to })),
    [db, from, to],
  );
};

/** The latest month (not after `month`) any cost is allocated to: the month the Overview's alerts speak of. */
export const latestAllocatedMonth = async (
  db: InvoiceDeskDatabase,
  month: string,
): Promise<string | null> => {
  const row = await db.allocatedRollups.where('month').belowOrEqual(month).last();
  return row?.month ?? null;
};

export const useLatestAllocatedMonth = (month: string) => {
  const db = useDatabase();
  return useLiveQuery(() => latestAllocatedMonth(db, month), [db, month]);
};

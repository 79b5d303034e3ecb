import {
  alertKey,
  alertsToNotify,
  budgetAlerts,
  budgetReport,
  type BudgetAlert,
} from '../../../shared/analytics/budgets';
import type { InvoiceDeskDatabase } from '../../db/database';
import { latestAllocatedMonth, readBudgetData } from './queries';

// Every write the budgets make to the archive: what a notification has told.

/**
 * The budget alerts of the latest month with cost (up to `today`'s month) that no notification
 * has told yet, marked as told in the same transaction: two syncs finishing close together cannot
 * both claim the same alert. Earlier months are not told: turning notifications on must not bring
 * a year of old news.
 */
export const claimBudgetNotices = (db: InvoiceDeskDatabase, today: Date): Promise<BudgetAlert[]> =>
  db.transaction('rw', [db.costCenters, db.allocatedRollups, db.budgetNotices], async () => {
    const month = await latestAllocatedMonth(db, today.toISOString().slice(0, 7));
    if (month === null) return [];
    const { centers, allocated } = await readBudgetData(db, { from: month, to: month });
    const alerts = budgetAlerts(budgetReport(centers, allocated, { from: month, to: month }));
    if (alerts.length === 0) return [];
    const told = await db.budgetNotices.bulkGet(alerts.map(alertKey));
    const { fresh, keys } = alertsToNotify(alerts, new Set(told.flatMap((row) => (row ? [row.key] : []))));
    const notifiedAt = today.toISOString();
    await db.budgetNotices.bulkPut(keys.map((key) => ({ key, notifiedAt })));
    return fresh;
  });

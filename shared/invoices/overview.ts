import type { Invoice } from '../api/schemas';
import type { RollupRow } from '../lines/rollup';
import { addDays } from '../core/dates';
import { parseMoney } from '../core/money';

/** The Overview's figures, computed from headers and rollups (never from every line). */
export interface OpenSummary {
  openCentimes: number;
  openCount: number;
  overdue: Invoice[];
  dueSoon: Invoice[];
}

/** Open = not yet paid nor cancelled. Overdue: the operator says so, or the due date has passed. */
export const summariseOpen = (invoices: readonly Invoice[], today: string, horizonDays = 10): OpenSummary => {
  const open = invoices.filter((invoice) => invoice.status === 'open' || invoice.status === 'overdue');
  const horizon = addDays(today, horizonDays);
  const byDue = (a: Invoice, b: Invoice) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);
  return {
    openCentimes: open.reduce((sum, invoice) => sum + parseMoney(invoice.grossTotal), 0),
    openCount: open.length,
    overdue: open.filter((invoice) => invoice.status === 'overdue' || invoice.dueDate < today).sort(byDue),
    dueSoon: open
      .filter(
        (invoice) => invoice.status === 'open' && invoice.dueDate >= today && invoice.dueDate <= horizon,
      )
      .sort(byDue),
  };
};

export interface MonthCost {
  month: string;
  netCentimes: number;
  grossCentimes: number;
}

/** The last `months` calendar months up to and including `today`'s, gross per month of service, zero-filled. */
export const monthlyTrend = (rollups: readonly RollupRow[], today: string, months = 12): MonthCost[] => {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const keys = Array.from({ length: months }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (months - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
  const sums = new Map(keys.map((key) => [key, { month: key, netCentimes: 0, grossCentimes: 0 }]));
  for (const row of rollups) {
    const target = sums.get(row.month);
    if (!target) continue;
    target.netCentimes += row.netCentimes;
    target.grossCentimes += row.netCentimes + row.vatCentimes;
  }
  return keys.map((key) => sums.get(key) ?? { month: key, netCentimes: 0, grossCentimes: 0 });
};

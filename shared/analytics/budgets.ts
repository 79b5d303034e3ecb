import { UNASSIGNED } from '../allocation/assignments';
import { isMoney, parseMoney, type Centimes } from '../core/money';
import type { AllocatedMonth, MonthPeriod } from './centerTotals';

/**
 * Budgets: each cost centre's monthly budget against the net cost the allocated rollups charge it,
 * month by month, over a period and year to date. Everything in integer centimes; a level is
 * decided by exact integer comparison, never by a rounded percentage.
 */

/** The share of a budget at which an alert is raised, in percent: a warning, then the overrun. */
export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

/** ok: below 80 %; warning: 80 % reached; over: 100 % reached. */
export type BudgetLevel = 'ok' | 'warning' | 'over';

export interface BudgetCenter {
  code: string;
  name: string;
  active: boolean;
  monthlyBudget?: string | null | undefined;
}

export interface BudgetFigure {
  budgetCentimes: Centimes;
  actualCentimes: Centimes;
  /** actual / budget for display; null when the budget is zero (any cost is over it). */
  usedRatio: number | null;
  level: BudgetLevel;
}

export interface BudgetMonth extends BudgetFigure {
  month: string;
}

export interface BudgetRow {
  code: string;
  name: string;
  /** Every month of the period, in order. */
  months: BudgetMonth[];
  /** The whole period: the monthly budget times its months, against its cost. */
  period: BudgetFigure;
  /** January of the period's last year to the period's last month. */
  yearToDate: BudgetFigure & { from: string; to: string };
}

/** One threshold reached by one cost centre in one month: what the Overview lists and a notification says once. */
export interface BudgetAlert {
  code: string;
  name: string;
  month: string;
  threshold: BudgetThreshold;
  figure: BudgetFigure;
}

/** The level of `actual` against `budget`, by integer comparison: 100 × actual ≥ threshold × budget. */
export const budgetLevel = (budgetCentimes: Centimes, actualCentimes: Centimes): BudgetLevel => {
  // Nothing spent, or a credit, never raises an alert, even against a zero budget.
  if (actualCentimes <= 0) return 'ok';
  if (actualCentimes >= budgetCentimes) return 'over';
  if (100 * actualCentimes >= 80 * budgetCentimes) return 'warning';
  return 'ok';
};

export const budgetFigure = (budgetCentimes: Centimes, actualCentimes: Centimes): BudgetFigure => ({
  budgetCentimes,
  actualCentimes,
  usedRatio: budgetCentimes === 0 ? null : actualCentimes / budgetCentimes,
  level: budgetLevel(budgetCentimes, actualCentimes),
});

/** The months from `from` to `to` ("2026-01".."2026-03"), both included. */
export const monthsBetween = (from: string, to: string): string[] => {
  const [fromYear = 0, fromMonth = 1] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 1] = to.split('-').map(Number);
  const months: string[] = [];
  for (let index = fromYear * 12 + fromMonth - 1; index <= toYear * 12 + toMonth - 1; index += 1)
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  return months;
};

/** The months the report needs cost for: the period and the year to date of its last month. */
export const budgetReadRange = (period: MonthPeriod): MonthPeriod => {
  const january = `${period.to.slice(0, 4)}-01`;
  return { from: january < period.from ? january : period.from, to: period.to };
};

/** A centre's monthly budget in centimes; null without one (or with a value that is not money). */
export const monthlyBudgetCentimes = (center: BudgetCenter): Centimes | null =>
  isMoney(center.monthlyBudget) ? parseMoney(center.monthlyBudget) : null;

/**
 * The budget report of a period: one row per cost centre with a budget (active, or charged in the
 * months read), by code. `allocated` must cover `budgetReadRange(period)`.
 */
export const budgetReport = (
  centers: readonly BudgetCenter[],
  allocated: readonly AllocatedMonth[],
  period: MonthPeriod,
): BudgetRow[] => {
  const cost = new Map<string, Centimes>();
  for (const row of allocated) {
    if (row.costCenter === UNASSIGNED) continue;
    const key = `${row.costCenter}|${row.month}`;
    cost.set(key, (cost.get(key) ?? 0) + row.netCentimes);
  }
  const charged = new Set(allocated.map((row) => row.costCenter));
  const months = monthsBetween(period.from, period.to);
  const ytdFrom = `${period.to.slice(0, 4)}-01`;
  const ytdMonths = monthsBetween(ytdFrom, period.to);
  const rows: BudgetRow[] = [];
  for (const center of centers) {
    const monthly = monthlyBudgetCentimes(center);
    if (monthly === null || (!center.active && !charged.has(center.code))) continue;
    const actualOf = (month: string) => cost.get(`${center.code}|${month}`) ?? 0;
    const sum = (list: readonly string[]) => list.reduce((total, month) => total + actualOf(month), 0);
    rows.push({
      code: center.code,
      name: center.name,
      months: months.map((month) => ({ month, ...budgetFigure(monthly, actualOf(month)) })),
      period: budgetFigure(monthly * months.length, sum(months)),
      yearToDate: {
        from: ytdFrom,
        to: period.to,
        ...budgetFigure(monthly * ytdMonths.length, sum(ytdMonths)),
      },
    });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
};

/** The highest threshold a level has reached; null below 80 %. */
export const reachedThreshold = (level: BudgetLevel): BudgetThreshold | null =>
  level === 'over' ? 100 : level === 'warning' ? 80 : null;

/** The monthly alerts of a report, the latest month first, then by code. */
export const budgetAlerts = (rows: readonly BudgetRow[]): BudgetAlert[] => {
  const alerts: BudgetAlert[] = [];
  for (const row of rows) {
    for (const month of row.months) {
      const threshold = reachedThreshold(month.level);
      if (threshold === null) continue;
      const { month: name, ...figure } = month;
      alerts.push({ code: row.code, name: row.name, month: name, threshold, figure });
    }
  }
  return alerts.sort(
    (a, b) => b.month.localeCompare(a.month) || a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
};

/** What identifies a notified alert: a centre, a threshold, a month. */
export const alertKey = (alert: Pick<BudgetAlert, 'code' | 'threshold' | 'month'>): string =>
  `${alert.code}|${alert.threshold}|${alert.month}`;

/**
 * The alerts a notification still has to tell, and every key it then has told: a second sync with
 * the same alerts tells nothing; a centre that moves from 80 % to 100 % is told again, once.
 */
export const alertsToNotify = (
  alerts: readonly BudgetAlert[],
  notified: ReadonlySet<string>,
): { fresh: BudgetAlert[]; keys: string[] } => {
  const fresh = alerts.filter((alert) => !notified.has(alertKey(alert)));
  return { fresh, keys: fresh.map(alertKey) };
};

import { UNASSIGNED } from '../allocation/assignments';
import type { RollupRow } from '../lines/rollup';

/** A period of whole months, both ends included ("2026-01" to "2026-06"). */
export interface MonthPeriod {
  from: string;
  to: string;
}

export interface CenterTotal {
  /** A cost centre's code, or UNASSIGNED. */
  costCenter: string;
  netCentimes: number;
}

export interface CenterTotals {
  /** Each cost centre charged in the period, by code; what no assignment charges comes last. */
  rows: CenterTotal[];
  /** Sum of the rows: equal to `linesNetCentimes`, since every split adds up to its amount. */
  totalCentimes: number;
  /** The stored lines of the period: how many, and their net sum, straight from the rollups. */
  lines: number;
  linesNetCentimes: number;
}

/** Every month the rollups hold, oldest first. */
export const rollupMonths = (rollups: readonly RollupRow[]): string[] =>
  [...new Set(rollups.map((row) => row.month))].sort();

const inPeriod = (month: string, period: MonthPeriod) => month >= period.from && month <= period.to;

/** One cost centre's (or UNASSIGNED's) net cost in one month, as the allocated rollups sum it. */
export interface AllocatedMonth {
  costCenter: string;
  month: string;
  netCentimes: number;
}

/**
 * Net cost per cost centre over a period, from the allocated rollups (each line split exactly, to
 * the centime, by the assignment valid on its service day), with the lines it came from.
 */
export const centerTotals = (
  allocated: readonly AllocatedMonth[],
  rollups: readonly RollupRow[],
  period: MonthPeriod,
): CenterTotals => {
  const chosen = rollups.filter((row) => inPeriod(row.month, period));
  const byCenter = new Map<string, number>();
  for (const row of allocated) {
    if (!inPeriod(row.month, period)) continue;
    byCenter.set(row.costCenter, (byCenter.get(row.costCenter) ?? 0) + row.netCentimes);
  }
  const rows = [...byCenter.entries()]
    .map(([costCenter, netCentimes]) => ({ costCenter, netCentimes }))
    .sort((a, b) =>
      a.costCenter === UNASSIGNED
        ? 1
        : b.costCenter === UNASSIGNED
          ? -1
          : a.costCenter.localeCompare(b.costCenter, 'en', { numeric: true }),
    );
  return {
    rows,
    totalCentimes: rows.reduce((sum, row) => sum + row.netCentimes, 0),
    lines: chosen.reduce((sum, row) => sum + row.lines, 0),
    linesNetCentimes: chosen.reduce((sum, row) => sum + row.netCentimes, 0),
  };
};

/** The period as calendar dates, first day of `from` to last day of `to`, as the line filters take them. */
export const periodDates = (period: MonthPeriod): { from: string; to: string } => {
  const [year = 0, month = 1] = period.to.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${period.from}-01`, to: last };
};

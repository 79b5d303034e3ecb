import type { Assignment } from '../api/schemas';
import { createAssignmentMatcher, splitCentimes, UNASSIGNED } from '../allocation/assignments';
import { isoToDay } from '../core/dates';
import type { RollupRow } from '../lines/rollup';

/**
 * Cost per cost centre per month. From rollups (one row per month, service, licence and reference)
 * it touches thousands of rows instead of a million lines. The split of a rollup row is rounded once
 * for the row, so a centre's figure can differ from the sum of per-line splits by a centime per
 * split and row; the grand total reconciles exactly either way. Assignments are matched on the
 * month's first day: exact when validity periods run in whole months, as the cost-centre editor
 * sets them.
 */
export interface CostCenterMonth {
  costCenter: string;
  month: string;
  netCentimes: number;
}

export type CostTable = Map<string, CostCenterMonth>;

const add = (table: CostTable, costCenter: string, month: string, amount: number) => {
  const key = `${costCenter}|${month}`;
  const row = table.get(key);
  if (row) row.netCentimes += amount;
  else table.set(key, { costCenter, month, netCentimes: amount });
};

const charge = (table: CostTable, assignment: Assignment | undefined, month: string, netCentimes: number) => {
  if (!assignment) {
    add(table, UNASSIGNED, month, netCentimes);
    return;
  }
  const parts = splitCentimes(
    netCentimes,
    assignment.splits.map((split) => split.percent),
  );
  assignment.splits.forEach((split, i) => add(table, split.costCenterCode, month, parts[i] ?? 0));
};

export const costPerCenterFromRollups = (
  rollups: readonly RollupRow[],
  assignments: readonly Assignment[],
): CostTable => {
  const matcher = createAssignmentMatcher(assignments);
  const table: CostTable = new Map();
  const firstDays = new Map<string, number>();
  for (const row of rollups) {
    let serviceDay = firstDays.get(row.month);
    if (serviceDay === undefined) {
      serviceDay = isoToDay(`${row.month}-01`);
      firstDays.set(row.month, serviceDay);
    }
    const won = matcher.match({
      frankingLicence: row.frankingLicence,
      invoiceReference: row.invoiceReference,
      serviceCode: row.serviceCode,
      serviceDay,
    });
    charge(table, assignments[won], row.month, row.netCentimes);
  }
  return table;
};

export interface LineForCost {
  serviceCode: string;
  frankingLicence: string;
  invoiceReference: string;
  serviceDay: number;
  month: string;
  netCentimes: number;
}

/** The same table from every line, each split rounded per line as the contract defines: the reference. */
export const costPerCenterFromLines = (
  lines: Iterable<LineForCost>,
  assignments: readonly Assignment[],
): CostTable => {
  const matcher = createAssignmentMatcher(assignments);
  const table: CostTable = new Map();
  for (const line of lines) charge(table, assignments[matcher.match(line)], line.month, line.netCentimes);
  return table;
};

export const tableTotal = (table: CostTable): number =>
  [...table.values()].reduce((sum, row) => sum + row.netCentimes, 0);

export interface UnassignedShare {
  /** Net cost of the chosen months that no assignment charges to a cost centre. */
  unassignedCentimes: number;
  totalCentimes: number;
  /** unassigned / total as a fraction for display (0 when there is no cost): a ratio, not money. */
  share: number;
}

/** How much of the net cost of `months` is charged to no cost centre. */
export const unassignedShare = (
  rollups: readonly RollupRow[],
  assignments: readonly Assignment[],
  months: ReadonlySet<string>,
): UnassignedShare => {
  const table = costPerCenterFromRollups(
    rollups.filter((row) => months.has(row.month)),
    assignments,
  );
  const totalCentimes = tableTotal(table);
  const unassignedCentimes = [...table.values()]
    .filter((row) => row.costCenter === UNASSIGNED)
    .reduce((sum, row) => sum + row.netCentimes, 0);
  return {
    unassignedCentimes,
    totalCentimes,
    share: totalCentimes === 0 ? 0 : unassignedCentimes / totalCentimes,
  };
};

/** A cost centre's (or UNASSIGNED's) net cost of one month, as the allocated rollups give it. */
export interface CenterMonthNet {
  costCenter: string;
  month: string;
  netCentimes: number;
}

/**
 * The same share from cost per centre and month already allocated line by line (the allocated
 * rollups): exact for validity periods that start or end mid-month, which `unassignedShare` cannot
 * follow from monthly rollups.
 */
export const unassignedShareOfAllocated = (
  rows: readonly CenterMonthNet[],
  months: ReadonlySet<string>,
): UnassignedShare => {
  let unassignedCentimes = 0;
  let totalCentimes = 0;
  for (const row of rows) {
    if (!months.has(row.month)) continue;
    totalCentimes += row.netCentimes;
    if (row.costCenter === UNASSIGNED) unassignedCentimes += row.netCentimes;
  }
  return {
    unassignedCentimes,
    totalCentimes,
    share: totalCentimes === 0 ? 0 : unassignedCentimes / totalCentimes,
  };
};

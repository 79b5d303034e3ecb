import type { ServiceCategory } from '../api/schemas';
import { UNASSIGNED } from '../allocation/assignments';
import type { AllocatedRollupRow } from '../allocation/rollup';
import type { LineFilter } from '../lines/lineIndex';
import type { MonthPeriod } from './centerTotals';
import { monthsOf, type Measure } from './period';

/**
 * Every figure of the Analytics page, from the allocated rollups (per month, cost centre and
 * service, each line split exactly by the assignment valid on its service day): sums of integer
 * centimes, so every total is exact and the grand total equals the sum of the rows and of the
 * columns. The rollups are indexed once (`indexAllocated`); each period or measure is then a walk
 * over months x centres, not over the rows again.
 */

interface NetVat {
  net: number;
  vat: number;
}

export interface AllocatedIndex {
  /** month -> cost centre (UNASSIGNED included) -> amounts. */
  byCenter: Map<string, Map<string, NetVat>>;
  /** month -> service -> amounts. */
  byService: Map<string, Map<string, NetVat>>;
  /** Every cost centre the rollups charge, UNASSIGNED included. */
  centers: Set<string>;
}

const addTo = (map: Map<string, NetVat>, key: string, net: number, vat: number) => {
  const entry = map.get(key);
  if (entry) {
    entry.net += net;
    entry.vat += vat;
  } else map.set(key, { net, vat });
};

const monthMap = (index: Map<string, Map<string, NetVat>>, month: string) => {
  let map = index.get(month);
  if (!map) {
    map = new Map();
    index.set(month, map);
  }
  return map;
};

type AllocatedAmounts = Pick<
  AllocatedRollupRow,
  'month' | 'costCenterCode' | 'serviceCode' | 'netCentimes' | 'vatCentimes'
>;

export const indexAllocated = (rows: readonly AllocatedAmounts[]): AllocatedIndex => {
  const index: AllocatedIndex = { byCenter: new Map(), byService: new Map(), centers: new Set() };
  for (const row of rows) {
    addTo(monthMap(index.byCenter, row.month), row.costCenterCode, row.netCentimes, row.vatCentimes);
    addTo(monthMap(index.byService, row.month), row.serviceCode, row.netCentimes, row.vatCentimes);
    index.centers.add(row.costCenterCode);
  }
  return index;
};

export const amountOf = (amounts: NetVat | undefined, measure: Measure): number =>
  amounts === undefined
    ? 0
    : measure === 'net'
      ? amounts.net
      : measure === 'vat'
        ? amounts.vat
        : amounts.net + amounts.vat;

/** Cost-centre codes in the order the page shows them: by code, numbers numerically; unassigned last. */
export const orderCenters = (codes: Iterable<string>): string[] => {
  const unique = new Set(codes);
  unique.add(UNASSIGNED);
  return [
    ...[...unique]
      .filter((code) => code !== UNASSIGNED)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    UNASSIGNED,
  ];
};

export interface CenterMonthTable {
  months: string[];
  /** Every known centre and every centre charged in the period, UNASSIGNED always, last. */
  centers: string[];
  /** cells[centre][month], in centimes of the chosen measure. */
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/**
 * The cost centre x month table that the stacked bars, the share by centre and the table itself
 * show. `knownCenters` (the synced cost centres) get their row even at zero.
 */
export const centerMonthTable = (
  index: AllocatedIndex,
  period: MonthPeriod,
  measure: Measure,
  knownCenters: Iterable<string> = [],
): CenterMonthTable => {
  const months = monthsOf(period);
  const charged = new Set<string>(knownCenters);
  for (const month of months) for (const code of index.byCenter.get(month)?.keys() ?? []) charged.add(code);
  const centers = orderCenters(charged);
  const cells = centers.map((center) =>
    months.map((month) => amountOf(index.byCenter.get(month)?.get(center), measure)),
  );
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = months.map((_, column) => cells.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  return {
    months,
    centers,
    cells,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((sum, value) => sum + value, 0),
  };
};

export const serviceCategories: readonly ServiceCategory[] = [
  'letters',
  'parcels',
  'express',
  'international',
  'mass-mailing',
  'other',
];

export interface CategoryShare {
  category: ServiceCategory;
  centimes: number;
  /** The services of the category billed in the period: the line explorer's filter for its lines. */
  services: string[];
}

/**
 * Cost per service category over the period; a service the catalogue does not know counts as
 * "other". Categories without a service billed in the period are left out.
 */
export const categoryShares = (
  index: AllocatedIndex,
  period: MonthPeriod,
  measure: Measure,
  categoryOf: (serviceCode: string) => ServiceCategory | undefined,
): CategoryShare[] => {
  const totals = new Map<ServiceCategory, { centimes: number; services: Set<string> }>();
  for (const month of monthsOf(period)) {
    for (const [service, amounts] of index.byService.get(month) ?? []) {
      const category = categoryOf(service) ?? 'other';
      let entry = totals.get(category);
      if (!entry) {
        entry = { centimes: 0, services: new Set() };
        totals.set(category, entry);
      }
      entry.centimes += amountOf(amounts, measure);
      entry.services.add(service);
    }
  }
  return serviceCategories.flatMap((category) => {
    const entry = totals.get(category);
    return entry ? [{ category, centimes: entry.centimes, services: [...entry.services].sort() }] : [];
  });
};

export interface TrendPoint {
  month: string;
  centimes: number;
  /** The same month a year earlier; null when the page does not compare. */
  previousCentimes: number | null;
}

/** One cost centre's cost per month of the period, beside the same month a year earlier. */
export const centerTrend = (
  index: AllocatedIndex,
  center: string,
  period: MonthPeriod,
  previous: MonthPeriod | null,
  measure: Measure,
): TrendPoint[] => {
  const before = previous ? monthsOf(previous) : [];
  return monthsOf(period).map((month, position) => {
    const earlier = before[position];
    return {
      month,
      centimes: amountOf(index.byCenter.get(month)?.get(center), measure),
      previousCentimes:
        earlier === undefined ? null : amountOf(index.byCenter.get(earlier)?.get(center), measure),
    };
  });
};

/** The month's or the period's calendar days, as the line explorer's from/to take them. */
export const periodDays = (period: MonthPeriod): { from: string; to: string } => {
  const [year = 0, month = 1] = period.to.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${period.from}-01`, to: last };
};

/**
 * The line explorer's filter for exactly the lines behind a figure: a cost centre's part (the
 * explorer then totals each line's share for that centre) and/or the services of a category, over
 * the period's days.
 */
export const figureFilter = (
  period: MonthPeriod,
  target: { center?: string; services?: readonly string[] },
): LineFilter => {
  const filter: LineFilter = periodDays(period);
  if (target.center !== undefined) filter.costCenters = [target.center];
  if (target.services !== undefined) filter.services = [...target.services];
  return filter;
};

import { UNASSIGNED } from '../allocation/assignments';
import type { Centimes, UnitPriceTenThousandths } from '../core/money';
import type { LineFilter } from '../lines/lineIndex';
import type { RollupRow } from '../lines/rollup';
import { monthsBetween } from './budgets';
import { periodDates, type AllocatedMonth, type MonthPeriod } from './centerTotals';
import type { AnomalyThresholds } from './thresholds';

export { DEFAULT_THRESHOLDS, type AnomalyThresholds } from './thresholds';

/**
 * Anomaly flags: what a head of finance would want to look at in a month. All sums are integer
 * centimes and every comparison is exact integer arithmetic (an average is never rounded before it
 * is compared).
 */

/** Months before the flagged one whose average it is compared with. */
export const TRAILING_MONTHS = 6;
/** Fewer months of history than this (the archive is young) say too little about what is usual. */
export const MINIMUM_HISTORY = 3;

export type RiseDimension = 'costCenter' | 'service' | 'licence';

export type AnomalyFlag =
  | {
      kind: 'rise';
      dimension: RiseDimension;
      /** A cost centre's code (or UNASSIGNED), a service code, a franking licence. */
      key: string;
      month: string;
      costCentimes: Centimes;
      /** The trailing average, rounded to the centime for display only. */
      averageCentimes: Centimes;
      /** Months the average is taken over (MINIMUM_HISTORY to TRAILING_MONTHS). */
      historyMonths: number;
    }
  | { kind: 'newService' | 'newLicence'; key: string; month: string; costCentimes: Centimes }
  | {
      kind: 'unitPrice';
      /** The service. */
      key: string;
      month: string;
      unitPrice: UnitPriceTenThousandths;
      usualUnitPrice: UnitPriceTenThousandths;
      lines: number;
    };

export type AnomalyKind = AnomalyFlag['kind'];

/** A flag's identity, stable across syncs: what a dismissal names. */
export const anomalyId = (flag: AnomalyFlag): string => {
  switch (flag.kind) {
    case 'rise':
      return `rise|${flag.dimension}|${flag.key}|${flag.month}`;
    case 'unitPrice':
      return `unitPrice|${flag.key}|${flag.month}|${flag.unitPrice}`;
    default:
      return `${flag.kind}|${flag.key}|${flag.month}`;
  }
};

/**
 * Whether `cost` rises above the average of `history` by more than both thresholds. With n months
 * summing to s, the average is s / n; "cost − s/n > minimum" is "n·cost − s > n·minimum", and the
 * percent test "(cost − s/n) / (s/n) > p/100" is "100·(n·cost − s) > p·s" for a positive average.
 * An average of zero or below (a new cost, or credits) makes any rise infinitely large in percent:
 * only the amount decides.
 */
export const isRise = (
  costCentimes: Centimes,
  history: readonly Centimes[],
  thresholds: AnomalyThresholds,
): boolean => {
  const n = history.length;
  if (n === 0) return false;
  const sum = history.reduce((total, value) => total + value, 0);
  const excess = n * costCentimes - sum;
  if (excess <= n * thresholds.minimumCentimes) return false;
  return sum <= 0 || 100 * excess > thresholds.percent * sum;
};

/** One unit price of one service in one month, and how many lines carry it. */
export interface UnitPriceCount {
  serviceCode: string;
  month: string;
  unitPrice: UnitPriceTenThousandths;
  lines: number;
}

export interface AnomalyInput {
  /** Every allocated month the archive holds (cost per centre, UNASSIGNED included). */
  allocated: readonly AllocatedMonth[];
  /** Every monthly rollup the archive holds. */
  rollups: readonly RollupRow[];
  /** The tally of unit prices over every line, when it has been counted (off the page's thread). */
  unitPrices?: readonly UnitPriceCount[] | undefined;
  thresholds: AnomalyThresholds;
  /** Only flags of these months are returned; history before them is still read. */
  period: MonthPeriod;
}

type Series = Map<string, Map<string, Centimes>>;

const addTo = (series: Series, key: string, month: string, amount: Centimes) => {
  let months = series.get(key);
  if (!months) {
    months = new Map();
    series.set(key, months);
  }
  months.set(month, (months.get(month) ?? 0) + amount);
};

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key, 'en', { numeric: true });

/**
 * Every flag of the period, the latest month first. The archive's first month is no month to call
 * anything "new" in, nor one with history: its flags would only say that the archive began.
 */
export const detectAnomalies = (input: AnomalyInput): AnomalyFlag[] => {
  const { thresholds, period } = input;
  const known = [
    ...new Set([...input.rollups.map((row) => row.month), ...input.allocated.map((row) => row.month)]),
  ].sort();
  const first = known[0];
  const last = known.at(-1);
  if (first === undefined || last === undefined) return [];
  const archiveMonths = monthsBetween(first, last);
  const position = new Map(archiveMonths.map((month, i) => [month, i]));

  const series: Record<RiseDimension, Series> = {
    costCenter: new Map(),
    service: new Map(),
    licence: new Map(),
  };
  for (const row of input.allocated) addTo(series.costCenter, row.costCenter, row.month, row.netCentimes);
  for (const row of input.rollups) {
    addTo(series.service, row.serviceCode, row.month, row.netCentimes);
    addTo(series.licence, row.frankingLicence, row.month, row.netCentimes);
  }
  const firstSeen = (dimension: 'service' | 'licence', key: string): string | undefined => {
    // A key is seen in a month it has lines in: a rollup row exists for it, whatever its sum.
    let seen: string | undefined;
    for (const month of series[dimension].get(key)?.keys() ?? [])
      if (seen === undefined || month < seen) seen = month;
    return seen;
  };

  const flags: AnomalyFlag[] = [];
  const periodMonths = monthsBetween(period.from, period.to).filter((month) => position.has(month));
  for (const dimension of ['costCenter', 'service', 'licence'] as const) {
    for (const [key, months] of series[dimension]) {
      const firstMonth = dimension === 'costCenter' ? undefined : firstSeen(dimension, key);
      for (const month of periodMonths) {
        const cost = months.get(month);
        if (cost === undefined) continue;
        if (dimension !== 'costCenter' && month === firstMonth) {
          // Its first month: new, not risen (unless the archive began then).
          if (month !== first)
            flags.push({
              kind: dimension === 'service' ? 'newService' : 'newLicence',
              key,
              month,
              costCentimes: cost,
            });
          continue;
        }
        const at = position.get(month) ?? 0;
        const history = archiveMonths
          .slice(Math.max(0, at - TRAILING_MONTHS), at)
          .map((before) => months.get(before) ?? 0);
        if (history.length < MINIMUM_HISTORY || !isRise(cost, history, thresholds)) continue;
        const sum = history.reduce((total, value) => total + value, 0);
        flags.push({
          kind: 'rise',
          dimension,
          key,
          month,
          costCentimes: cost,
          averageCentimes: Math.round(sum / history.length),
          historyMonths: history.length,
        });
      }
    }
  }
  flags.push(...unitPriceFlags(input.unitPrices ?? [], periodMonths));
  return flags.sort((a, b) => b.month.localeCompare(a.month) || kindOrder(a) - kindOrder(b) || byKey(a, b));
};

const KIND_ORDER: Record<AnomalyKind, number> = { rise: 0, newService: 3, newLicence: 4, unitPrice: 5 };
const DIMENSION_ORDER: Record<RiseDimension, number> = { costCenter: 0, service: 1, licence: 2 };
const kindOrder = (flag: AnomalyFlag) =>
  flag.kind === 'rise' ? DIMENSION_ORDER[flag.dimension] : KIND_ORDER[flag.kind];

/**
 * A service's usual price is its most frequent unit price among its lines of the same calendar year
 * (tariffs change on 1 January, so last year's price is not unusual in last year's months); on a tie,
 * the lower price. Lines at any other price are flagged per service, month and price.
 */
export const unitPriceFlags = (
  counts: readonly UnitPriceCount[],
  months: readonly string[],
): AnomalyFlag[] => {
  const wanted = new Set(months);
  const perYear = new Map<string, Map<number, number>>();
  for (const count of counts) {
    const key = `${count.serviceCode}|${count.month.slice(0, 4)}`;
    let prices = perYear.get(key);
    if (!prices) {
      prices = new Map();
      perYear.set(key, prices);
    }
    prices.set(count.unitPrice, (prices.get(count.unitPrice) ?? 0) + count.lines);
  }
  const usual = new Map<string, number>();
  for (const [key, prices] of perYear) {
    let best: [number, number] | null = null;
    for (const [price, lines] of prices)
      if (best === null || lines > best[1] || (lines === best[1] && price < best[0])) best = [price, lines];
    if (best) usual.set(key, best[0]);
  }
  const flags: AnomalyFlag[] = [];
  for (const count of counts) {
    if (!wanted.has(count.month) || count.lines <= 0) continue;
    const usualUnitPrice = usual.get(`${count.serviceCode}|${count.month.slice(0, 4)}`);
    if (usualUnitPrice === undefined || usualUnitPrice === count.unitPrice) continue;
    flags.push({
      kind: 'unitPrice',
      key: count.serviceCode,
      month: count.month,
      unitPrice: count.unitPrice,
      usualUnitPrice,
      lines: count.lines,
    });
  }
  return flags;
};

/** The line explorer's filter for the lines that caused a flag: its key, in its month. */
export const anomalyLineFilter = (flag: AnomalyFlag): LineFilter => {
  const dates = periodDates({ from: flag.month, to: flag.month });
  switch (flag.kind) {
    case 'rise':
      if (flag.dimension === 'costCenter') return { costCenters: [flag.key], ...dates };
      return flag.dimension === 'service'
        ? { services: [flag.key], ...dates }
        : { licences: [flag.key], ...dates };
    case 'newLicence':
      return { licences: [flag.key], ...dates };
    case 'newService':
    case 'unitPrice':
      return { services: [flag.key], ...dates };
  }
};

export const isUnassigned = (flag: AnomalyFlag): boolean =>
  flag.kind === 'rise' && flag.dimension === 'costCenter' && flag.key === UNASSIGNED;

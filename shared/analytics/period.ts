import type { MonthPeriod } from './centerTotals';

/**
 * The Analytics page's selection, as it lives in the URL (#/analytics?p=ytd&cmp=1&m=gross&tc=2100):
 * which months, whether the same months a year earlier sit beside them, which amount is shown, and
 * the cost centre whose trend is drawn. Parsing never throws: whatever the URL holds that is not
 * understood falls back to the default, so a hand-edited or old link still opens the page.
 */

export const periodKinds = ['range', 'ytd', 'rolling12'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const measures = ['net', 'vat', 'gross'] as const;
export type Measure = (typeof measures)[number];

export interface AnalyticsSelection {
  kind: PeriodKind;
  /** Only for `range`; absent ends are the first and last stored months. */
  from?: string;
  to?: string;
  compare: boolean;
  measure: Measure;
  /** The cost centre of the trend chart (UNASSIGNED included); absent: the one with most cost. */
  trendCenter?: string;
}

export const defaultSelection: AnalyticsSelection = { kind: 'range', compare: false, measure: 'net' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// The cost-centre codes the app accepts, plus UNASSIGNED's own marker in links ('-').
const CENTER = /^[A-Za-z0-9._/-]{1,35}$/;
const KIND_PARAM: Record<PeriodKind, string> = { range: 'range', ytd: 'ytd', rolling12: 'r12' };

export const parseSelection = (params: URLSearchParams): AnalyticsSelection => {
  const kindParam = params.get('p');
  const kind = periodKinds.find((candidate) => KIND_PARAM[candidate] === kindParam) ?? 'range';
  const measure = measures.find((candidate) => candidate === params.get('m')) ?? 'net';
  const selection: AnalyticsSelection = { kind, compare: params.get('cmp') === '1', measure };
  if (kind === 'range') {
    const from = params.get('from');
    const to = params.get('to');
    if (from !== null && MONTH.test(from)) selection.from = from;
    if (to !== null && MONTH.test(to)) selection.to = to;
  }
  const trend = params.get('tc');
  if (trend !== null && CENTER.test(trend)) selection.trendCenter = trend;
  return selection;
};

/** The URL's query for a selection; defaults are left out, so the plain #/analytics stays plain. */
export const selectionParams = (selection: AnalyticsSelection): URLSearchParams => {
  const params = new URLSearchParams();
  if (selection.kind !== 'range') params.set('p', KIND_PARAM[selection.kind]);
  if (selection.kind === 'range') {
    if (selection.from) params.set('from', selection.from);
    if (selection.to) params.set('to', selection.to);
  }
  if (selection.compare) params.set('cmp', '1');
  if (selection.measure !== 'net') params.set('m', selection.measure);
  if (selection.trendCenter) params.set('tc', selection.trendCenter);
  return params;
};

/** "2026-03" moved by `count` months (negative: back). */
export const shiftMonth = (month: string, count: number): string => {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  const shiftedYear = Math.floor(index / 12);
  return `${String(shiftedYear).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Every month of a period, oldest first. */
export const monthsOf = (period: MonthPeriod): string[] => {
  const months: string[] = [];
  for (let month = period.from; month <= period.to; month = shiftMonth(month, 1)) months.push(month);
  return months;
};

/** The same months a year earlier. */
export const previousYear = (period: MonthPeriod): MonthPeriod => ({
  from: shiftMonth(period.from, -12),
  to: shiftMonth(period.to, -12),
});

/** A range longer than this is cut at its start: ten years of months is far past any archive. */
export const MAX_MONTHS = 120;

export interface ResolvedPeriod {
  period: MonthPeriod;
  /** The same months a year earlier, when the selection compares. */
  previous: MonthPeriod | null;
  months: string[];
}

/**
 * The months a selection stands for, against the months the archive holds. "Year to date" and
 * "rolling 12 months" end at `anchor` (a month, "2026-05"): the caller's today when it injects one,
 * else the latest stored month, so the page shows the archive's newest figures and a test gets the
 * same answer any day. Null when nothing is stored and no anchor is given.
 */
export const resolvePeriod = (
  selection: AnalyticsSelection,
  storedMonths: readonly string[],
  anchor?: string,
): ResolvedPeriod | null => {
  const first = storedMonths[0];
  const last = anchor ?? storedMonths[storedMonths.length - 1];
  if (last === undefined) return null;
  let period: MonthPeriod;
  if (selection.kind === 'ytd') period = { from: `${last.slice(0, 4)}-01`, to: last };
  else if (selection.kind === 'rolling12') period = { from: shiftMonth(last, -11), to: last };
  else {
    const from = selection.from ?? first ?? last;
    const to = selection.to ?? storedMonths[storedMonths.length - 1] ?? last;
    period = from <= to ? { from, to } : { from: to, to: from };
    const earliest = shiftMonth(period.to, -(MAX_MONTHS - 1));
    if (period.from < earliest) period = { from: earliest, to: period.to };
  }
  return {
    period,
    previous: selection.compare ? previousYear(period) : null,
    months: monthsOf(period),
  };
};

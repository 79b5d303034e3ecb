import { useDeferredValue, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory } from '../../../shared/api/schemas';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import {
  categoryShares,
  centerMonthTable,
  centerTrend,
  figureFilter,
  indexAllocated,
  type AllocatedIndex,
  type CenterMonthTable,
} from '../../../shared/analytics/figures';
import {
  parseSelection,
  previousYear,
  resolvePeriod,
  selectionParams,
  shiftMonth,
  type AnalyticsSelection,
  type Measure,
  type ResolvedPeriod,
} from '../../../shared/analytics/period';
import { formatChf, formatMonth, formatPercent } from '../../../shared/core/format';
import { formatMoney } from '../../../shared/core/money';
import { lineQueryParams } from '../../../shared/lines/filterQuery';
import { navigate } from '../../app/router/navigate';
import { hrefFor } from '../../app/router/routes';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import type { Language } from '../../../shared/i18n/languages';
import { useLanguage } from '../../ui/useLanguage';
import './analytics.css';
import {
  MonthlyStack,
  PREVIOUS_COLOUR,
  seriesColour,
  ShareBars,
  TrendBars,
  UNASSIGNED_COLOUR,
} from './charts';
import {
  CopyTableButton,
  FigureCard,
  FigureTableView,
  type FigureCell,
  type FigureTable,
} from './FigureCard';
import { AnomaliesPanel } from '../anomalies';
import { BudgetsPanel } from '../budgets';
import { PeriodExport } from '../exports/parts';
import { PeriodControls } from './PeriodControls';
import { useAnalyticsAllocated, useAnalyticsCostCenters, useAnalyticsServices } from './queries';

interface AnalyticsPageProps {
  params: URLSearchParams;
}

const linesHref = (period: MonthPeriod, target: { center?: string; services?: readonly string[] }) =>
  hrefFor('lines', lineQueryParams(figureFilter(period, target)));

const monthPeriod = (month: string): MonthPeriod => ({ from: month, to: month });

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Where postal costs go and how they move: cost per month stacked by cost centre, the share of each
 * cost centre and service category, one centre's trend against the year before, and the cost
 * centre x month table. Everything comes from the allocated rollups, read once; a change of period
 * or amount is computed from that one index. Every figure links to the line explorer filtered to
 * exactly its lines, whose total is the figure.
 */
interface ViewInput {
  index: AllocatedIndex;
  resolved: ResolvedPeriod;
  selection: AnalyticsSelection;
  names: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, ServiceCategory>;
  t: TFunction;
  language: Language;
}

/** Every figure, table, label and link of the page for one selection: computed, not rendered. */
const makeView = ({ index, resolved, selection, names, categories, t, language }: ViewInput) => {
  const { period, previous } = resolved;
  const measure: Measure = selection.measure;
  const current = centerMonthTable(index, period, measure, names.keys());
  const before = previous ? centerMonthTable(index, previous, measure, current.centers) : null;
  const table = before ? centerMonthTable(index, period, measure, before.centers) : current;
  const categoryOf = (code: string) => categories.get(code);
  const figures = {
    categories: categoryShares(index, period, measure, categoryOf),
    categoriesBefore: previous ? categoryShares(index, previous, measure, categoryOf) : null,
  };
  const money = (centimes: number): FigureCell => ({
    display: formatChf(centimes, language),
    plain: formatMoney(centimes),
  });
  const linked = (centimes: number, href: string, label: string): FigureCell => ({
    ...money(centimes),
    href,
    label: `${label}: ${formatChf(centimes, language)}`,
  });
  const percent = (ratio: number): FigureCell => ({
    display: formatPercent(ratio, language, 1),
    plain: (Math.round(ratio * 1000) / 10).toFixed(1),
  });
  const text = (value: string): FigureCell => ({ display: value, plain: value });
  const centerLabel = (code: string) => {
    if (code === UNASSIGNED) return t('analyticsPage.unassigned');
    const name = names.get(code);
    return name ? `${code} ${name}` : `${code} (${t('analyticsPage.notSynced')})`;
  };
  const categoryLabel = (category: ServiceCategory) => t(`analyticsPage.categories.${category}`);
  const monthLong = (month: string) => formatMonth(month, language, 'long');
  const periodText = (range: MonthPeriod) =>
    range.from === range.to
      ? monthLong(range.from)
      : t('analyticsPage.periodRange', { from: monthLong(range.from), to: monthLong(range.to) });
  const measureLabel = t(`analyticsPage.measures.${measure}`);
  const currentLabel = periodText(period);
  const previousLabel = t('analyticsPage.yearEarlier');
  const colourOf = (code: string, position: number) =>
    code === UNASSIGNED ? UNASSIGNED_COLOUR : seriesColour(position);
  const series = table.centers.map((code, position) => ({
    key: code,
    label: centerLabel(code),
    colour: colourOf(code, position),
  }));
  const rowTotalOf = (of: CenterMonthTable | null, code: string) => {
    if (!of) return null;
    const row = of.centers.indexOf(code);
    return row === -1 ? 0 : (of.rowTotals[row] ?? 0);
  };

  // 1. Cost per month, stacked by cost centre.
  const monthlyTable: FigureTable = {
    columns: [
      { label: t('analyticsPage.columns.month'), numeric: false },
      ...series.map((entry) => ({ label: entry.label, numeric: true })),
      { label: t('analyticsPage.columns.total'), numeric: true },
      ...(before ? [{ label: previousLabel, numeric: true }] : []),
    ],
    rows: table.months.map((month, m) => ({
      key: month,
      header: text(monthLong(month)),
      cells: [
        ...table.centers.map((code, c) =>
          linked(
            table.cells[c]?.[m] ?? 0,
            linesHref(monthPeriod(month), { center: code }),
            `${centerLabel(code)}, ${monthLong(month)}`,
          ),
        ),
        linked(table.columnTotals[m] ?? 0, linesHref(monthPeriod(month), {}), monthLong(month)),
        ...(before
          ? [
              linked(
                before.columnTotals[m] ?? 0,
                linesHref(monthPeriod(shiftMonth(month, -12)), {}),
                monthLong(shiftMonth(month, -12)),
              ),
            ]
          : []),
      ],
    })),
  };

  // 2. Share by cost centre (also the table the page has always had: its total is the period's).
  const centerItems = table.centers.map((code, c) => ({
    key: code,
    label: centerLabel(code),
    colour: colourOf(code, c),
    centimes: table.rowTotals[c] ?? 0,
    href: linesHref(period, { center: code }),
    previousCentimes: rowTotalOf(before, code),
    previousHref: previous ? linesHref(previous, { center: code }) : null,
  }));
  const centerTable: FigureTable = {
    columns: [
      { label: t('analyticsPage.columns.center'), numeric: false },
      { label: measureLabel, numeric: true },
      { label: t('analyticsPage.columns.share'), numeric: true },
      ...(before ? [{ label: previousLabel, numeric: true }] : []),
    ],
    rows: centerItems.map((item) => ({
      key: item.key,
      header: { ...text(item.label), href: item.href },
      cells: [
        linked(item.centimes, item.href, `${item.label}, ${currentLabel}`),
        percent(share(item.centimes, table.total)),
        ...(item.previousCentimes !== null && item.previousHref
          ? [linked(item.previousCentimes, item.previousHref, `${item.label}, ${previousLabel}`)]
          : []),
      ],
    })),
    footer: {
      key: 'total',
      header: text(t('analyticsPage.columns.total')),
      cells: [
        linked(table.total, linesHref(period, {}), currentLabel),
        text(''),
        ...(before && previous ? [linked(before.total, linesHref(previous, {}), previousLabel)] : []),
      ],
    },
    totalTestId: 'analytics-total',
  };

  // 3. Share by service category.
  const categoryTotal = figures.categories.reduce((sum, entry) => sum + entry.centimes, 0);
  const categoryKeys = [
    ...new Set([...figures.categories, ...(figures.categoriesBefore ?? [])].map((entry) => entry.category)),
  ];
  const categoryItems = categoryKeys.map((category, c) => {
    const now = figures.categories.find((entry) => entry.category === category);
    const then = figures.categoriesBefore?.find((entry) => entry.category === category);
    return {
      key: category,
      label: categoryLabel(category),
      colour: seriesColour(c),
      centimes: now?.centimes ?? 0,
      href: linesHref(period, { services: now?.services ?? [] }),
      previousCentimes: previous ? (then?.centimes ?? 0) : null,
      previousHref: previous ? linesHref(previous, { services: then?.services ?? [] }) : null,
    };
  });
  const categoryTable: FigureTable = {
    columns: [
      { label: t('analyticsPage.columns.category'), numeric: false },
      { label: measureLabel, numeric: true },
      { label: t('analyticsPage.columns.share'), numeric: true },
      ...(previous ? [{ label: previousLabel, numeric: true }] : []),
    ],
    rows: categoryItems.map((item) => ({
      key: item.key,
      header: text(item.label),
      cells: [
        linked(item.centimes, item.href, `${item.label}, ${currentLabel}`),
        percent(share(item.centimes, categoryTotal)),
        ...(item.previousCentimes !== null && item.previousHref
          ? [linked(item.previousCentimes, item.previousHref, `${item.label}, ${previousLabel}`)]
          : []),
      ],
    })),
  };

  // 4. One cost centre's trend against the year before (always beside it: that is the chart).
  const largest = centerItems.reduce<(typeof centerItems)[number] | undefined>(
    (best, item) => (best === undefined || item.centimes > best.centimes ? item : best),
    undefined,
  );
  const trendCenter =
    selection.trendCenter !== undefined && table.centers.includes(selection.trendCenter)
      ? selection.trendCenter
      : (largest?.key ?? UNASSIGNED);
  const trendPrevious = previous ?? previousYear(period);
  const trend = centerTrend(index, trendCenter, period, trendPrevious, measure).map((point) => ({
    month: point.month,
    centimes: point.centimes,
    previousCentimes: point.previousCentimes ?? 0,
    href: linesHref(monthPeriod(point.month), { center: trendCenter }),
    previousHref: linesHref(monthPeriod(shiftMonth(point.month, -12)), { center: trendCenter }),
  }));
  const trendColour = colourOf(trendCenter, table.centers.indexOf(trendCenter));
  const trendTable: FigureTable = {
    columns: [
      { label: t('analyticsPage.columns.month'), numeric: false },
      { label: measureLabel, numeric: true },
      { label: previousLabel, numeric: true },
    ],
    rows: trend.map((point) => ({
      key: point.month,
      header: text(monthLong(point.month)),
      cells: [
        linked(point.centimes, point.href, `${centerLabel(trendCenter)}, ${monthLong(point.month)}`),
        linked(
          point.previousCentimes,
          point.previousHref,
          `${centerLabel(trendCenter)}, ${monthLong(shiftMonth(point.month, -12))}`,
        ),
      ],
    })),
  };

  // 5. The cost centre x month table: every figure, its row and column totals, the grand total.
  const crossTable: FigureTable = {
    columns: [
      { label: t('analyticsPage.columns.center'), numeric: false },
      ...table.months.map((month) => ({ label: formatMonth(month, language), numeric: true })),
      { label: t('analyticsPage.columns.total'), numeric: true },
    ],
    rows: table.centers.map((code, c) => ({
      key: code,
      header: text(centerLabel(code)),
      cells: [
        ...table.months.map((month, m) =>
          linked(
            table.cells[c]?.[m] ?? 0,
            linesHref(monthPeriod(month), { center: code }),
            `${centerLabel(code)}, ${monthLong(month)}`,
          ),
        ),
        linked(
          table.rowTotals[c] ?? 0,
          linesHref(period, { center: code }),
          `${centerLabel(code)}, ${currentLabel}`,
        ),
      ],
    })),
    footer: {
      key: 'total',
      header: text(t('analyticsPage.columns.total')),
      cells: [
        ...table.months.map((month, m) =>
          linked(table.columnTotals[m] ?? 0, linesHref(monthPeriod(month), {}), monthLong(month)),
        ),
        linked(table.total, linesHref(period, {}), currentLabel),
      ],
    },
  };

  const chartLabel = (chartTitle: string) =>
    t('analyticsPage.chartLabel', { title: chartTitle, measure: measureLabel, period: currentLabel });
  const titles = {
    monthly: t('analyticsPage.charts.monthly'),
    byCenter: t(`analyticsPage.charts.byCenter.${measure}`),
    byCategory: t('analyticsPage.charts.byCategory'),
    trend: t('analyticsPage.charts.trend'),
    table: t('analyticsPage.charts.table'),
  };
  // The bars of a share chart are named on their axis; only "a year earlier" needs a key.
  const shareLegend = previous ? [{ label: previousLabel, colour: PREVIOUS_COLOUR }] : [];

  return {
    selection,
    period,
    previous,
    table,
    before,
    monthlyTable,
    titles,
    chartLabel,
    series,
    previousLabel,
    centerTable,
    shareLegend,
    centerItems,
    currentLabel,
    categoryTable,
    categoryItems,
    trendCenter,
    centerLabel,
    measureLabel,
    trendTable,
    trendColour,
    trendPrevious,
    trend,
    crossTable,
    periodText,
  };
};

type View = ReturnType<typeof makeView>;

const viewKey = (view: View) =>
  `${selectionParams(view.selection).toString()} ${view.period.from} ${view.period.to}`;

/**
 * The four charts of a view, built once per view: React skips an element it is handed again, so a
 * render of the page for another selection leaves the charts alone until their deferred view changes.
 */
const chartsOf = (view: View, language: Language) => {
  const {
    table,
    before,
    period,
    series,
    previousLabel,
    centerItems,
    categoryItems,
    currentLabel,
    trend,
    trendColour,
    trendPrevious,
    periodText,
  } = view;
  return {
    monthly: (
      <MonthlyStack
        months={table.months}
        series={series}
        values={table.cells}
        previous={before ? before.columnTotals : null}
        previousLabel={previousLabel}
        hrefOf={(s, m) => {
          const month = table.months[m] ?? period.from;
          return linesHref(monthPeriod(month), { center: table.centers[s] ?? UNASSIGNED });
        }}
        language={language}
      />
    ),
    centers: (
      <ShareBars
        items={centerItems}
        currentLabel={currentLabel}
        previousLabel={previousLabel}
        language={language}
      />
    ),
    categories: (
      <ShareBars
        items={categoryItems}
        currentLabel={currentLabel}
        previousLabel={previousLabel}
        language={language}
      />
    ),
    trend: (
      <TrendBars
        points={trend}
        currentLabel={currentLabel}
        previousLabel={periodText(trendPrevious)}
        colour={trendColour}
        language={language}
      />
    ),
  };
};

export const AnalyticsPage = ({ params }: AnalyticsPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const allocated = useAnalyticsAllocated();
  const centers = useAnalyticsCostCenters();
  const services = useAnalyticsServices();
  const selection = useMemo(() => parseSelection(params), [params]);
  const index = useMemo(() => (allocated ? indexAllocated(allocated.rows) : null), [allocated]);
  const storedMonths = useMemo(() => (index ? [...index.byCenter.keys()].sort() : []), [index]);
  const resolved = useMemo(() => resolvePeriod(selection, storedMonths), [selection, storedMonths]);
  const names = useMemo(
    () => new Map((centers?.rows ?? []).map((center) => [center.code, center.name])),
    [centers],
  );
  const categories = useMemo(
    () =>
      new Map<string, ServiceCategory>(
        (services?.rows ?? []).map((service) => [service.code, service.category]),
      ),
    [services],
  );
  const view = useMemo(
    () =>
      index && resolved ? makeView({ index, resolved, selection, names, categories, t, language }) : null,
    [index, resolved, selection, names, categories, t, language],
  );
  // The charts follow the selection one render later (useDeferredValue): the controls, the summary
  // and the tables show a change in the next frame; recharts redraws four charts after it, and a
  // quicker next change interrupts that redraw instead of queueing behind it.
  const deferredView = useDeferredValue(view);
  const charts = useMemo(
    () => (deferredView ? chartsOf(deferredView, language) : null),
    [deferredView, language],
  );

  // The panels under the figures (budgets, flags, export) depend on the months alone: the same
  // object while they stay, so switching the measure or the comparison does not recompute the flags.
  const periodFrom = view?.period.from;
  const periodTo = view?.period.to;
  const monthsShown = useMemo(
    () => (periodFrom !== undefined && periodTo !== undefined ? { from: periodFrom, to: periodTo } : null),
    [periodFrom, periodTo],
  );

  const title = t('pages.analytics.title');
  const header = (
    <>
      <PageHeader title={title} />
    </>
  );
  if (allocated === undefined) return header;
  if (!view || !charts || !monthsShown) {
    return (
      <section className="analytics">
        {header}
        <SkippedRowsNotice kind="rows" skipped={allocated.skipped} area="analytics" />
        <p className="empty">{t('pages.analytics.empty')}</p>
      </section>
    );
  }

  const choose = (next: AnalyticsSelection) =>
    navigate(hrefFor('analytics', selectionParams(next)), { replace: true });
  const {
    period,
    previous,
    table,
    monthlyTable,
    titles,
    chartLabel,
    series,
    previousLabel,
    centerTable,
    shareLegend,
    currentLabel,
    categoryTable,
    trendCenter,
    centerLabel,
    measureLabel,
    trendTable,
    trendColour,
    trendPrevious,
    crossTable,
    periodText,
  } = view;

  return (
    <section className="analytics">
      {header}
      <p className="muted">{t('analyticsPage.intro')}</p>
      <SkippedRowsNotice kind="rows" skipped={allocated.skipped} area="analytics" />
      <PeriodControls
        selection={selection}
        period={period}
        previous={previous}
        storedMonths={storedMonths}
        onChange={choose}
        periodText={periodText}
      />
      <div className="analytics__actions">
        <PeriodExport period={monthsShown} />
      </div>
      {table.total === 0 && table.cells.every((row) => row.every((value) => value === 0)) ? (
        <p className="empty">{t('analyticsPage.noLines')}</p>
      ) : (
        // What the charts show and what is chosen, for the benchmark to see when the charts caught up.
        <div
          className="analytics__grid"
          data-chosen={viewKey(view)}
          data-charted={deferredView ? viewKey(deferredView) : ''}
        >
          <div className="analytics__wide">
            <FigureCard
              title={titles.monthly}
              chartLabel={chartLabel(titles.monthly)}
              table={monthlyTable}
              legend={[...series, ...(previous ? [{ label: previousLabel, colour: PREVIOUS_COLOUR }] : [])]}
            >
              {charts.monthly}
            </FigureCard>
          </div>
          <FigureCard
            title={titles.byCenter}
            chartLabel={chartLabel(titles.byCenter)}
            table={centerTable}
            legend={shareLegend}
          >
            {charts.centers}
          </FigureCard>
          <FigureCard
            title={titles.byCategory}
            chartLabel={chartLabel(titles.byCategory)}
            table={categoryTable}
            legend={shareLegend}
          >
            {charts.categories}
          </FigureCard>
          <div className="analytics__wide">
            <FigureCard
              title={titles.trend}
              chartLabel={t('analyticsPage.trendLabel', {
                center: centerLabel(trendCenter),
                measure: measureLabel,
                period: currentLabel,
              })}
              table={trendTable}
              legend={[
                { label: `${centerLabel(trendCenter)}, ${currentLabel}`, colour: trendColour },
                {
                  label: `${centerLabel(trendCenter)}, ${periodText(trendPrevious)}`,
                  colour: PREVIOUS_COLOUR,
                },
              ]}
              controls={
                <label className="analytics__trend-center">
                  {t('analyticsPage.trendCenter')}
                  <select
                    value={trendCenter}
                    onChange={(event) => choose({ ...selection, trendCenter: event.target.value })}
                  >
                    {table.centers.map((code) => (
                      <option key={code} value={code}>
                        {centerLabel(code)}
                      </option>
                    ))}
                  </select>
                </label>
              }
            >
              {charts.trend}
            </FigureCard>
          </div>
          <section className="card analytics__wide" aria-labelledby="analytics-cross">
            <div className="analytics__card-head">
              <h2 id="analytics-cross">{titles.table}</h2>
              <CopyTableButton table={crossTable} />
            </div>
            <FigureTableView table={crossTable} labelledBy="analytics-cross" />
            <p className="muted">{t('analyticsPage.roundingNote')}</p>
          </section>
        </div>
      )}
      <div className="analytics__alerts">
        <BudgetsPanel period={monthsShown} />
        <AnomaliesPanel period={monthsShown} limit={10} />
      </div>
    </section>
  );
};

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import {
  centerTotals,
  periodDates,
  rollupMonths,
  type CenterTotal,
  type MonthPeriod,
} from '../../../shared/analytics/centerTotals';
import { formatChf, formatInteger, formatMonth, formatPercent } from '../../../shared/core/format';
import { navigate } from '../../app/router/navigate';
import { hrefFor } from '../../app/router/routes';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import { useAllocatedByCenterMonth, useAnalyticsCostCenters, useAnalyticsRollups } from './queries';

interface AnalyticsPageProps {
  params: URLSearchParams;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period in the URL, kept inside the stored months; all of them when the URL names none. */
const choosePeriod = (params: URLSearchParams, months: readonly string[]): MonthPeriod | null => {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = { from: MONTH.test(from) ? from : first, to: MONTH.test(to) ? to : last };
  return period.from <= period.to ? period : { from: period.to, to: period.from };
};

/** Every synced cost centre has its row, at zero when nothing is charged to it in the period. */
const withUncharged = (rows: readonly CenterTotal[], codes: readonly string[]): CenterTotal[] => {
  const charged = new Set(rows.map((row) => row.costCenter));
  const zero = codes
    .filter((code) => !charged.has(code))
    .map((code) => ({ costCenter: code, netCentimes: 0 }));
  const centres = [...rows.filter((row) => row.costCenter !== UNASSIGNED), ...zero].sort((a, b) =>
    a.costCenter.localeCompare(b.costCenter, 'en', { numeric: true }),
  );
  return [...centres, ...rows.filter((row) => row.costCenter === UNASSIGNED)];
};

/**
 * What the stored lines cost each cost centre, until the analytics of a later issue arrive: one
 * table for a period of months, from the allocated rollups (every line split exactly by the
 * assignment valid on its service day); the monthly rollups give the months and the lines' total.
 */
export const AnalyticsPage = ({ params }: AnalyticsPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const rollups = useAnalyticsRollups();
  const centers = useAnalyticsCostCenters();
  const months = useMemo(() => rollupMonths(rollups?.rows ?? []), [rollups]);
  const period = useMemo(() => choosePeriod(params, months), [params, months]);
  // Before any month is stored there is no period: a month that cannot exist reads nothing.
  const allocated = useAllocatedByCenterMonth(period?.from ?? '0000-00', period?.to ?? '0000-00');
  const totals = useMemo(
    () => (period && rollups && allocated ? centerTotals(allocated.rows, rollups.rows, period) : null),
    [rollups, allocated, period],
  );
  const names = useMemo(
    () => new Map((centers?.rows ?? []).map((center) => [center.code, center.name])),
    [centers],
  );

  if (rollups === undefined || (period !== null && allocated === undefined)) {
    return <PageHeader title={t('pages.analytics.title')} />;
  }
  if (period === null || totals === null) {
    return (
      <section>
        <PageHeader title={t('pages.analytics.title')} />
        <SkippedRowsNotice kind="rows" skipped={rollups.skipped} area="analytics" />
        <p className="empty">{t('pages.analytics.empty')}</p>
      </section>
    );
  }

  const choose = (next: MonthPeriod) =>
    navigate(hrefFor('analytics', new URLSearchParams({ from: next.from, to: next.to })), { replace: true });
  const dates = periodDates(period);
  const linesHref = (costCenter: string) =>
    hrefFor(
      'lines',
      new URLSearchParams({
        cc: costCenter === UNASSIGNED ? '-' : costCenter,
        from: dates.from,
        to: dates.to,
      }),
    );
  const centerLabel = (costCenter: string) => {
    if (costCenter === UNASSIGNED) return t('analyticsPage.unassigned');
    const name = names.get(costCenter);
    return name ? `${costCenter} ${name}` : `${costCenter} (${t('analyticsPage.notSynced')})`;
  };
  const monthOptions = months.map((month) => (
    <option key={month} value={month}>
      {formatMonth(month, language, 'long')}
    </option>
  ));

  return (
    <section className="analytics">
      <PageHeader title={t('pages.analytics.title')} />
      <p className="muted">{t('analyticsPage.intro')}</p>
      <SkippedRowsNotice
        kind="rows"
        skipped={[...rollups.skipped, ...(allocated?.skipped ?? [])]}
        area="analytics"
      />
      <fieldset className="card">
        <legend>{t('analyticsPage.periodLabel')}</legend>
        <div className="filters">
          <label>
            {t('analyticsPage.from')}
            <select
              value={period.from}
              onChange={(event) => {
                const from = event.target.value;
                choose({ from, to: from > period.to ? from : period.to });
              }}
            >
              {monthOptions}
            </select>
          </label>
          <label>
            {t('analyticsPage.to')}
            <select
              value={period.to}
              onChange={(event) => {
                const to = event.target.value;
                choose({ from: to < period.from ? to : period.from, to });
              }}
            >
              {monthOptions}
            </select>
          </label>
        </div>
      </fieldset>
      <section className="card" aria-labelledby="analytics-table">
        <h2 id="analytics-table">{t('analyticsPage.tableTitle')}</h2>
        {totals.lines === 0 ? (
          <p className="empty">{t('analyticsPage.noLines')}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data" aria-labelledby="analytics-table">
                <thead>
                  <tr>
                    <th scope="col">{t('analyticsPage.columns.center')}</th>
                    <th scope="col" className="num">
                      {t('analyticsPage.columns.net')}
                    </th>
                    <th scope="col" className="num">
                      {t('analyticsPage.columns.share')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {withUncharged(totals.rows, centers?.rows.map((center) => center.code) ?? []).map((row) => (
                    <tr key={row.costCenter}>
                      <th scope="row">
                        <a href={linesHref(row.costCenter)}>{centerLabel(row.costCenter)}</a>
                      </th>
                      <td className="num">{formatChf(row.netCentimes, language)}</td>
                      <td className="num">
                        {totals.totalCentimes === 0
                          ? ''
                          : formatPercent(row.netCentimes / totals.totalCentimes, language, 1)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('analyticsPage.total')}</th>
                    <td className="num">
                      <strong data-testid="analytics-total">
                        {formatChf(totals.totalCentimes, language)}
                      </strong>
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="muted">
              {t('analyticsPage.linesNote', {
                lines: formatInteger(totals.lines, language),
                amount: formatChf(totals.linesNetCentimes, language),
              })}{' '}
              {t('analyticsPage.roundingNote')}
            </p>
          </>
        )}
      </section>
    </section>
  );
};

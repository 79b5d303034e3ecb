import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetAlerts, budgetReport, type BudgetFigure } from '../../../shared/analytics/budgets';
import { periodDates, type MonthPeriod } from '../../../shared/analytics/centerTotals';
import { formatChf, formatMonth } from '../../../shared/core/format';
import { lineQueryParams } from '../../../shared/lines/filterQuery';
import { hrefFor } from '../../app/router/routes';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import '../../ui/alertList.css';
import { BudgetStatus } from './BudgetStatus';
import { useBudgetData } from './queries';
import { alertText, centerLabel, usedText } from './wording';

/** The share used and the level it reached, in words beside its shape: "82.4 % ▲ 80 % reached". */
const UsedCell = ({ figure }: { figure: BudgetFigure }) => {
  const language = useLanguage();
  return (
    <span className="budget-used">
      <span className="budget-used__share">{usedText(figure, language) ?? '–'}</span>
      <BudgetStatus level={figure.level} />
    </span>
  );
};

/** The explorer on one cost centre's lines of one month: what its figure is made of. */
export const centerMonthHref = (code: string, month: string): string =>
  hrefFor('lines', lineQueryParams({ costCenters: [code], ...periodDates({ from: month, to: month }) }));

/**
 * Each cost centre's monthly budget against its allocated net cost over the page's period and the
 * year to date, with the months that reached 80 % or 100 %.
 */
export const BudgetsPanel = ({ period }: { period: MonthPeriod }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const data = useBudgetData(period);
  const rows = useMemo(
    () => (data ? budgetReport(data.centers, data.allocated, period) : null),
    [data, period],
  );
  const alerts = useMemo(() => (rows ? budgetAlerts(rows) : []), [rows]);
  const month = (value: string) => formatMonth(value, language, 'long');

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('alerts.budgets.title')}</h2>
      <SkippedRowsNotice kind="rows" skipped={data?.skipped} area="budgets" />
      {rows?.length === 0 && <p className="empty">{t('alerts.budgets.noBudgets')}</p>}
      {rows && rows.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">
                {t('alerts.budgets.caption', { from: month(period.from), to: month(period.to) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('alerts.budgets.center')}</th>
                  <th scope="col" className="num">
                    {t('alerts.budgets.budget')}
                  </th>
                  <th scope="col" className="num">
                    {t('alerts.budgets.actual')}
                  </th>
                  <th scope="col">{t('alerts.budgets.used')}</th>
                  <th scope="col">
                    {t('alerts.budgets.yearToDateOf', {
                      from: month(rows[0]?.yearToDate.from ?? period.to),
                      to: month(period.to),
                    })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">{centerLabel(row.code, row.name)}</th>
                    <td className="num">{formatChf(row.period.budgetCentimes, language)}</td>
                    <td className="num">{formatChf(row.period.actualCentimes, language)}</td>
                    <td>
                      <UsedCell figure={row.period} />
                    </td>
                    <td>
                      <UsedCell figure={row.yearToDate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('alerts.budgets.monthly')}</h3>
          {alerts.length === 0 ? (
            <p className="empty">{t('alerts.budgets.noAlerts')}</p>
          ) : (
            <ul className="plain-list alert-list alert-list--status">
              {alerts.map((alert) => (
                <li key={`${alert.code}|${alert.month}`}>
                  <BudgetStatus level={alert.figure.level} />
                  <span className="alert-list__text">{alertText(alert, t, language)}</span>
                  <a
                    href={centerMonthHref(alert.code, alert.month)}
                    aria-label={t('alerts.budgets.showLinesOf', {
                      center: centerLabel(alert.code, alert.name),
                      month: month(alert.month),
                    })}
                  >
                    {t('alerts.budgets.showLines')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};

import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetAlerts, budgetReport } from '../../../shared/analytics/budgets';
import { formatMonth } from '../../../shared/core/format';
import { hrefFor } from '../../app/router/routes';
import { useLanguage } from '../../ui/useLanguage';
import '../../ui/alertList.css';
import { BudgetStatus } from './BudgetStatus';
import { centerMonthHref } from './BudgetsPanel';
import { useBudgetData, useLatestAllocatedMonth } from './queries';
import { alertText, centerLabel } from './wording';

/**
 * The Overview's budget alerts: the cost centres at 80 % or more of their budget in the latest month
 * with cost (invoices for a month arrive early in the next, so the current month is usually empty).
 * Shown only when some cost centre has a budget.
 */
export const BudgetAlertsCard = ({ today }: { today: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const month = useLatestAllocatedMonth(today.slice(0, 7));
  const period = useMemo(() => (month ? { from: month, to: month } : null), [month]);
  const data = useBudgetData(period);
  const rows = useMemo(
    () => (data && period ? budgetReport(data.centers, data.allocated, period) : null),
    [data, period],
  );
  if (!rows || rows.length === 0 || !month) return null;
  const alerts = budgetAlerts(rows);
  const monthName = formatMonth(month, language, 'long');
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('alerts.budgets.overviewTitle')}</h2>
      {alerts.length === 0 ? (
        <p className="empty">{t('alerts.budgets.overviewNone', { month: monthName })}</p>
      ) : (
        <ul className="plain-list alert-list">
          {alerts.map((alert) => (
            <li key={alert.code}>
              <BudgetStatus level={alert.figure.level} />
              <span className="alert-list__text">{alertText(alert, t, language)}</span>
              <a
                href={centerMonthHref(alert.code, alert.month)}
                aria-label={t('alerts.budgets.showLinesOf', {
                  center: centerLabel(alert.code, alert.name),
                  month: monthName,
                })}
              >
                {t('alerts.budgets.showLines')}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={hrefFor('analytics')}>{t('alerts.budgets.openAnalytics')}</a>
      </p>
    </section>
  );
};

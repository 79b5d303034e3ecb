import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf, formatDate, formatPercent } from '../../../shared/core/format';
import { CustomerSchema, type Invoice } from '../../../shared/api/schemas';
import { unassignedShare } from '../../../shared/analytics/costPerCenter';
import { monthlyTrend, summariseOpen } from '../../../shared/invoices/overview';
import { parseMoney } from '../../../shared/core/money';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import {
  useOverviewAssignments,
  useOverviewInvoices,
  useOverviewRollups,
  useStoredCustomer,
} from './queries';
import { useLanguage } from '../../ui/useLanguage';
import { TrendChart } from './TrendChart';
import { hrefFor, hrefForInvoice } from '../../app/router/routes';
import { usePreviousVisit } from '../../ui/PreviousVisitContext';

const CustomerOptionSchema = CustomerSchema.pick({ costCenterOption: true });

const InvoiceList = ({ invoices, empty }: { invoices: readonly Invoice[]; empty: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  if (invoices.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="plain-list invoice-list">
      {invoices.slice(0, 12).map((invoice) => (
        <li key={invoice.id}>
          <a href={hrefForInvoice(invoice.id)}>{invoice.number}</a> ·{' '}
          {formatChf(parseMoney(invoice.grossTotal), language)} ·{' '}
          {t('overview.dueOn', { date: formatDate(invoice.dueDate, language) })}
        </li>
      ))}
    </ul>
  );
};

export const OverviewPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const previousVisit = usePreviousVisit();
  const checkedInvoices = useOverviewInvoices();
  const checkedRollups = useOverviewRollups();
  const checkedAssignments = useOverviewAssignments();
  const invoices = checkedInvoices?.rows;
  const rollups = checkedRollups?.rows;
  const assignments = checkedAssignments?.rows;
  const skippedOther = [...(checkedRollups?.skipped ?? []), ...(checkedAssignments?.skipped ?? [])];
  const customer = useStoredCustomer();
  // The singleton row is read from disk like any other: only a true boolean turns the card on.
  const costCenterOption = CustomerOptionSchema.safeParse(customer?.value).data?.costCenterOption ?? false;
  const today = new Date().toISOString().slice(0, 10);
  const open = useMemo(() => summariseOpen(invoices ?? [], today), [invoices, today]);
  const trend = useMemo(() => monthlyTrend(rollups ?? [], today), [rollups, today]);
  const unassigned = useMemo(() => {
    if (!costCenterOption || !rollups || !assignments) return null;
    return unassignedShare(rollups, assignments, new Set(trend.map((month) => month.month)));
  }, [costCenterOption, rollups, assignments, trend]);
  const fresh = useMemo(
    () =>
      previousVisit
        ? (invoices ?? [])
            .filter((invoice) => invoice.receivedAt > previousVisit)
            .sort((a, b) => (a.issueDate < b.issueDate ? 1 : -1))
        : [],
    [invoices, previousVisit],
  );

  const skipped = (
    <>
      <SkippedRowsNotice kind="invoices" skipped={checkedInvoices?.skipped} area="overview invoices" />
      <SkippedRowsNotice kind="rows" skipped={skippedOther} area="overview rollups and assignments" />
    </>
  );

  if (invoices?.length === 0) {
    return (
      <section>
        <PageHeader title={t('pages.overview.title')} />
        {skipped}
        <p className="empty">{t('pages.overview.empty')}</p>
      </section>
    );
  }

  return (
    <section>
      <PageHeader title={t('pages.overview.title')} />
      {skipped}
      <div className="overview">
        <section className="card" aria-labelledby="overview-open">
          <h2 id="overview-open">{t('overview.openAmount')}</h2>
          <p className="figure">{formatChf(open.openCentimes, language)}</p>
          <p className="muted">{t('overview.openCount', { count: open.openCount })}</p>
        </section>
        <section className="card" aria-labelledby="overview-overdue">
          <h2 id="overview-overdue">{t('overview.overdue')}</h2>
          <InvoiceList invoices={open.overdue} empty={t('overview.noneOverdue')} />
        </section>
        <section className="card" aria-labelledby="overview-due">
          <h2 id="overview-due">{t('overview.dueSoon')}</h2>
          <InvoiceList invoices={open.dueSoon} empty={t('overview.noneDue')} />
        </section>
        <section className="card overview__wide" aria-labelledby="overview-trend">
          <h2 id="overview-trend">{t('overview.trend')}</h2>
          <ErrorBoundary variant="panel" area="overview trend chart">
            <TrendChart months={trend} language={language} label={t('overview.trendLabel')} />
          </ErrorBoundary>
          <table className="data visually-hidden">
            <caption>{t('overview.trendLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.month')}</th>
                <th scope="col">{t('overview.gross')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((month) => (
                <tr key={month.month}>
                  <td>{month.month}</td>
                  <td>{formatChf(month.grossCentimes, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {unassigned && (
          <section className="card" aria-labelledby="overview-unassigned">
            <h2 id="overview-unassigned">{t('overview.unassigned')}</h2>
            <p className="figure">{formatChf(unassigned.unassignedCentimes, language)}</p>
            <p className="muted">
              {t('overview.unassignedShare', {
                share: formatPercent(unassigned.share, language),
                amount: formatChf(unassigned.totalCentimes, language),
              })}
            </p>
            <a href={hrefFor('lines', new URLSearchParams({ cc: '-' }))}>{t('lines.unassigned')}</a>
          </section>
        )}
        <section className="card" aria-labelledby="overview-new">
          <h2 id="overview-new">{t('overview.newSinceVisit')}</h2>
          <InvoiceList invoices={fresh} empty={t('overview.noneNew')} />
        </section>
      </div>
    </section>
  );
};

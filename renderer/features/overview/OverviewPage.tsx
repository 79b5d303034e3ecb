import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf, formatDate, formatPercent } from '../../../shared/core/format';
import { CustomerSchema, type Invoice } from '../../../shared/api/schemas';
import { unassignedShareOfAllocated } from '../../../shared/analytics/costPerCenter';
import { monthlyTrend, summariseOpen } from '../../../shared/invoices/overview';
import { incompleteMonths, monthsPeriod, newSinceVisit } from '../../../shared/invoices/overviewFacts';
import { parseMoney } from '../../../shared/core/money';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useOverviewAllocated, useOverviewArchive, useStoredCustomer } from './queries';
import { useLanguage } from '../../ui/useLanguage';
import { TrendChart } from './TrendChart';
import { hrefFor, hrefForInvoice } from '../../app/router/routes';
import { usePreviousVisit } from '../../ui/PreviousVisitContext';
import { BudgetAlertsCard } from '../budgets';
import { AnomaliesPanel } from '../anomalies';
import { ShowAllToggle } from '../../ui/ShowAllToggle';

/** The Overview's anomaly flags cover the latest complete months with cost: what is news, not history. */
export const ANOMALY_MONTHS = 3;

const CustomerOptionSchema = CustomerSchema.pick({ costCenterOption: true });

/** Lists longer than this show their first entries and a button for the rest, so the cards stay short. */
export const LIST_CAP = 5;

const InvoiceList = ({ invoices, empty }: { invoices: readonly Invoice[]; empty: string }) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  if (invoices.length === 0) return <p className="empty">{empty}</p>;
  const shown = expanded ? invoices : invoices.slice(0, LIST_CAP);
  return (
    <>
      <ul className="plain-list invoice-list" id={listId}>
        {shown.map((invoice) => (
          <li key={invoice.id}>
            <a href={hrefForInvoice(invoice.id)}>{invoice.number}</a> ·{' '}
            {formatChf(parseMoney(invoice.grossTotal), language)} ·{' '}
            {t('overview.dueOn', { date: formatDate(invoice.dueDate, language) })}
          </li>
        ))}
      </ul>
      {invoices.length > LIST_CAP && (
        <ShowAllToggle
          expanded={expanded}
          total={invoices.length}
          controls={listId}
          onToggle={() => setExpanded((value) => !value)}
        />
      )}
    </>
  );
};

export const OverviewPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const previousVisit = usePreviousVisit();
  const archive = useOverviewArchive();
  const checkedInvoices = archive?.checkedInvoices;
  const checkedRollups = archive?.checkedRollups;
  const invoices = checkedInvoices?.rows;
  const rollups = checkedRollups?.rows;
  const customer = useStoredCustomer();
  const feed = archive?.feed;
  // Archives from before firstDrainedAt was kept: their last success stands for it.
  const firstLoadedAt = feed?.firstDrainedAt ?? feed?.lastSuccessAt ?? null;
  // The singleton row is read from disk like any other: only a true boolean turns the card on.
  const costCenterOption = CustomerOptionSchema.safeParse(customer?.value).data?.costCenterOption ?? false;
  const today = new Date().toISOString().slice(0, 10);
  const open = useMemo(() => summariseOpen(invoices ?? [], today), [invoices, today]);
  const trend = useMemo(() => monthlyTrend(rollups ?? [], today), [rollups, today]);
  const incomplete = useMemo(
    () =>
      incompleteMonths(
        invoices ?? [],
        trend.map((month) => month.month),
        firstLoadedAt !== null,
      ),
    [invoices, trend, firstLoadedAt],
  );
  // Only complete months are drawn: during a sync a month's sum is partial, even negative.
  const chartMonths = useMemo(
    () => trend.filter((month) => !incomplete.has(month.month)),
    [trend, incomplete],
  );
  const period = monthsPeriod(trend);
  const anomalyPeriod = useMemo(() => {
    // The current month has no cost until its invoices arrive early in the next one: not yet news.
    const recent = chartMonths.filter((month) => month.grossCentimes !== 0).slice(-ANOMALY_MONTHS);
    const first = recent[0]?.month;
    const last = recent.at(-1)?.month;
    return first && last ? { from: first, to: last } : null;
  }, [chartMonths]);
  // The same engine as every cost-centre figure: the allocated rollups, exact line by line.
  const checkedAllocated = useOverviewAllocated(trend[0]?.month ?? '', trend.at(-1)?.month ?? '');
  const skippedOther = [...(checkedRollups?.skipped ?? []), ...(checkedAllocated?.skipped ?? [])];
  const unassigned = useMemo(() => {
    if (!costCenterOption || !checkedAllocated) return null;
    return unassignedShareOfAllocated(checkedAllocated.rows, new Set(trend.map((month) => month.month)));
  }, [costCenterOption, checkedAllocated, trend]);
  const fresh = useMemo(
    () => newSinceVisit(invoices ?? [], previousVisit, firstLoadedAt),
    [invoices, previousVisit, firstLoadedAt],
  );

  const skipped = (
    <>
      <SkippedRowsNotice kind="invoices" skipped={checkedInvoices?.skipped} area="overview invoices" />
      <SkippedRowsNotice kind="rows" skipped={skippedOther} area="overview rollups and allocated rollups" />
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
            <TrendChart months={chartMonths} language={language} label={t('overview.trendLabel')} />
          </ErrorBoundary>
          {incomplete.size > 0 && (
            <p className="muted" data-testid="trend-incomplete">
              {t('overview.incompleteMonths', { count: incomplete.size })}
            </p>
          )}
          {/* A table is as wide as its content whatever its own width: the wrapper hides it without overflow. */}
          <div className="visually-hidden">
            <table className="data">
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
                    <td>
                      {incomplete.has(month.month)
                        ? t('overview.incompleteMonth')
                        : formatChf(month.grossCentimes, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
            {/* The same twelve months as the share above, not all time. */}
            <a href={hrefFor('lines', new URLSearchParams({ cc: '-', ...period }))}>
              {t('lines.unassigned')}
            </a>
          </section>
        )}
        {costCenterOption && (
          <ErrorBoundary variant="panel" area="overview budget alerts">
            <BudgetAlertsCard today={today} />
          </ErrorBoundary>
        )}
        {anomalyPeriod && (
          <div className="overview__wide">
            <ErrorBoundary variant="panel" area="overview anomalies">
              <AnomaliesPanel period={anomalyPeriod} variant="overview" limit={LIST_CAP} />
            </ErrorBoundary>
          </div>
        )}
        <section className="card" aria-labelledby="overview-new">
          <h2 id="overview-new">{t('overview.newSinceVisit')}</h2>
          <InvoiceList
            invoices={fresh}
            empty={
              previousVisit === null || firstLoadedAt === null
                ? t('overview.firstSync')
                : t('overview.noneNew')
            }
          />
        </section>
      </div>
    </section>
  );
};

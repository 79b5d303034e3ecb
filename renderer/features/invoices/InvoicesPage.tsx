import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChf } from '../../../shared/core/format';
import {
  invoiceQueryParams,
  invoiceSortKeys,
  parseInvoiceQuery,
  queryInvoices,
  totalInvoices,
  type InvoiceFilters,
  type InvoiceSort,
} from '../../../shared/invoices/filters';
import { PageHeader } from '../../ui/PageHeader';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { VirtualTable } from '../../ui/VirtualTable';
import { useColumnLayout } from '../../ui/useColumnLayout';
import { useCheckedInvoices } from './queries';
import { useLanguage } from '../../ui/useLanguage';
import { invoiceColumns, invoiceColumnSortKeys } from './invoiceColumns';
import { InvoiceFilterBar } from './InvoiceFilterBar';
import { useNames } from '../designations';
import { navigate } from '../../app/router/navigate';
import { hrefFor, hrefForInvoice } from '../../app/router/routes';

interface InvoicesPageProps {
  params: URLSearchParams;
}

const distinct = (values: Iterable<string>) => [...new Set(values)].sort();

export const InvoicesPage = ({ params }: InvoicesPageProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useNames();
  const checked = useCheckedInvoices();
  const invoices = checked?.rows;
  const { filters, sort } = useMemo(() => parseInvoiceQuery(params), [params]);
  const shown = useMemo(() => queryInvoices(invoices ?? [], filters, sort), [invoices, filters, sort]);
  const totals = useMemo(() => totalInvoices(shown), [shown]);
  const columns = useMemo(() => invoiceColumns(t, language, names), [t, language, names]);
  const columnLayout = useColumnLayout('invoices', columns);

  const update = (next: InvoiceFilters, nextSort: InvoiceSort, options?: { replace?: boolean }) =>
    navigate(hrefFor('invoices', invoiceQueryParams(next, nextSort)), options);

  const onSort = (columnId: string) => {
    const key = invoiceColumnSortKeys[columnId];
    if (!key || !invoiceSortKeys.includes(key)) return;
    update(filters, { key, direction: sort.key === key && sort.direction === 'desc' ? 'asc' : 'desc' });
  };
  const sortedColumn = Object.entries(invoiceColumnSortKeys).find(([, key]) => key === sort.key)?.[0];

  return (
    <section>
      <PageHeader title={t('pages.invoices.title')} />
      <InvoiceFilterBar
        filters={filters}
        debtors={distinct((invoices ?? []).map((invoice) => invoice.debtorNumber))}
        references={distinct((invoices ?? []).map((invoice) => invoice.invoiceReference))}
        names={names}
        onChange={(next, options) => update(next, sort, options)}
      />
      <SkippedRowsNotice kind="invoices" skipped={checked?.skipped} area="invoices list" />
      <p className="totals" aria-live="polite">
        <strong>{t('invoices.count', { count: totals.count })}</strong>
        <span>
          {t('invoices.totals', {
            net: formatChf(totals.netCentimes, language),
            vat: formatChf(totals.vatCentimes, language),
            gross: formatChf(totals.grossCentimes, language),
          })}
        </span>
      </p>
      <VirtualTable
        label={t('invoices.tableLabel')}
        columns={columns}
        layout={columnLayout}
        rows={shown}
        rowKey={(invoice) => invoice.id}
        sort={sortedColumn ? { columnId: sortedColumn, direction: sort.direction } : undefined}
        onSort={onSort}
        onOpen={(invoice) =>
          navigate(hrefForInvoice(invoice.id, new URLSearchParams({ from: params.toString() })))
        }
        empty={
          invoices ? (
            <p className="empty">
              {invoices.length === 0 ? t('pages.invoices.empty') : t('invoices.noMatch')}
            </p>
          ) : null
        }
      />
    </section>
  );
};

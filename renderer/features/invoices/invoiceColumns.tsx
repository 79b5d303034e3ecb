import type { TFunction } from 'i18next';
import { formatAmount, formatDate } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { InvoiceSortKey } from '../../../shared/invoices/filters';
import { parseMoney } from '../../../shared/core/money';
import type { Column } from '../../ui/VirtualTable';
import type { StoredInvoice } from '../../db/records';
import { hrefForInvoice } from '../../app/router/routes';
import type { Names } from '../designations';
import { NamedNumber } from './NamedNumber';

/** Sortable invoice columns map onto the filter module's sort keys. */
export const invoiceColumnSortKeys: Record<string, InvoiceSortKey> = {
  number: 'number',
  debtor: 'debtorNumber',
  reference: 'invoiceReference',
  period: 'periodStart',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  net: 'netTotal',
  vat: 'vatTotal',
  gross: 'grossTotal',
  status: 'status',
};

export const invoiceColumns = (t: TFunction, language: Language, names: Names): Column<StoredInvoice>[] => {
  const money = (value: string) => formatAmount(parseMoney(value), language);
  return [
    {
      id: 'number',
      header: t('invoices.columns.number'),
      width: 130,
      sortable: true,
      render: (invoice) => (
        <a href={hrefForInvoice(invoice.id)} tabIndex={-1}>
          {invoice.number}
        </a>
      ),
    },
    {
      id: 'debtor',
      header: t('invoices.columns.debtor'),
      width: 100,
      sortable: true,
      render: (invoice) => (
        <NamedNumber number={invoice.debtorNumber} name={names.debtor(invoice.debtorNumber)} />
      ),
    },
    {
      id: 'reference',
      header: t('invoices.columns.reference'),
      width: 220,
      sortable: true,
      render: (invoice) => (
        <NamedNumber
          number={invoice.invoiceReference}
          name={
            names.designation('invoiceReference', invoice.invoiceReference) ??
            names.referenceLabel(invoice.invoiceReference)
          }
        />
      ),
    },
    {
      id: 'period',
      header: t('invoices.columns.period'),
      width: 190,
      sortable: true,
      render: (invoice) =>
        `${formatDate(invoice.periodStart, language)} – ${formatDate(invoice.periodEnd, language)}`,
    },
    {
      id: 'issueDate',
      header: t('invoices.columns.issueDate'),
      width: 110,
      sortable: true,
      render: (invoice) => formatDate(invoice.issueDate, language),
    },
    {
      id: 'dueDate',
      header: t('invoices.columns.dueDate'),
      width: 110,
      sortable: true,
      render: (invoice) => formatDate(invoice.dueDate, language),
    },
    {
      id: 'net',
      header: t('invoices.columns.net'),
      width: 120,
      align: 'end',
      sortable: true,
      render: (invoice) => money(invoice.netTotal),
    },
    {
      id: 'vat',
      header: t('invoices.columns.vat'),
      width: 100,
      align: 'end',
      sortable: true,
      render: (invoice) => money(invoice.vatTotal),
    },
    {
      id: 'gross',
      header: t('invoices.columns.gross'),
      width: 120,
      align: 'end',
      sortable: true,
      render: (invoice) => money(invoice.grossTotal),
    },
    {
      id: 'status',
      header: t('invoices.columns.status'),
      width: 120,
      sortable: true,
      render: (invoice) => (
        <span
          className={`badge badge--${invoice.status === 'overdue' ? 'danger' : invoice.status === 'paid' ? 'ok' : 'warning'}`}
        >
          {t(`invoices.statuses.${invoice.status}`)}
          {invoice.type === 'credit-note' ? ` · ${t('invoices.types.creditNote')}` : ''}
        </span>
      ),
    },
    {
      id: 'archived',
      header: t('invoices.columns.archived'),
      width: 100,
      render: (invoice) =>
        invoice.archived === 1 ? (
          <span title={t('invoices.archivedTitle')}>{t('invoices.archivedMark')}</span>
        ) : (
          ''
        ),
    },
  ];
};

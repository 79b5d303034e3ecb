import type { TFunction } from 'i18next';
import { formatAmount, formatDate } from '../../../shared/core/format';
import type { Language } from '../../../shared/i18n/languages';
import type { InvoiceSortKey } from '../../../shared/invoices/filters';
import { parseMoney } from '../../../shared/core/money';
import type { Column } from '../../ui/VirtualTable';
import { amountSamples, dateSamples, periodSamples } from '../../ui/columnSamples';
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
  const dates = dateSamples(language);
  // Six digits of francs: the largest invoices of a big customer.
  const amounts = amountSamples(language, 6);
  // Sized for the statuses; a credit note's longer mark gives way (its full text is in the title).
  const statuses = (['open', 'paid', 'overdue', 'cancelled'] as const).map((status) =>
    t(`invoices.statuses.${status}`),
  );
  return [
    {
      id: 'number',
      header: t('invoices.columns.number'),
      width: 110,
      minWidth: 105,
      sortable: true,
      fit: ['0000000000'],
      render: (invoice) => (
        <a href={hrefForInvoice(invoice.id)} tabIndex={-1}>
          {invoice.number}
        </a>
      ),
    },
    {
      id: 'debtor',
      header: t('invoices.columns.debtor'),
      // The number and the debtor's name: room for both when there is room, the number first.
      width: 200,
      minWidth: 80,
      priority: 4,
      grow: 1,
      sortable: true,
      fit: ['00000000'],
      render: (invoice) => (
        <NamedNumber number={invoice.debtorNumber} name={names.debtor(invoice.debtorNumber)} />
      ),
    },
    {
      id: 'reference',
      header: t('invoices.columns.reference'),
      width: 200,
      minWidth: 110,
      priority: 2,
      grow: 1,
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
      minWidth: 185,
      priority: 3,
      sortable: true,
      fit: periodSamples(language, (from, to) => `${from} – ${to}`),
      render: (invoice) =>
        `${formatDate(invoice.periodStart, language)} – ${formatDate(invoice.periodEnd, language)}`,
    },
    {
      id: 'issueDate',
      header: t('invoices.columns.issueDate'),
      width: 100,
      minWidth: 96,
      priority: 3,
      sortable: true,
      fit: dates,
      render: (invoice) => formatDate(invoice.issueDate, language),
    },
    {
      id: 'dueDate',
      header: t('invoices.columns.dueDate'),
      width: 100,
      minWidth: 96,
      priority: 2,
      sortable: true,
      fit: dates,
      render: (invoice) => formatDate(invoice.dueDate, language),
    },
    {
      id: 'net',
      header: t('invoices.columns.net'),
      width: 110,
      minWidth: 100,
      priority: 4,
      align: 'end',
      sortable: true,
      fit: amounts,
      render: (invoice) => money(invoice.netTotal),
    },
    {
      id: 'vat',
      header: t('invoices.columns.vat'),
      width: 100,
      minWidth: 90,
      priority: 5,
      align: 'end',
      sortable: true,
      fit: amounts,
      render: (invoice) => money(invoice.vatTotal),
    },
    {
      id: 'gross',
      header: t('invoices.columns.gross'),
      width: 110,
      minWidth: 100,
      align: 'end',
      sortable: true,
      fit: amounts,
      render: (invoice) => money(invoice.grossTotal),
    },
    {
      id: 'status',
      header: t('invoices.columns.status'),
      width: 140,
      minWidth: 100,
      priority: 2,
      sortable: true,
      fit: statuses,
      fitExtra: 20,
      render: (invoice) => {
        const text = `${t(`invoices.statuses.${invoice.status}`)}${
          invoice.type === 'credit-note' ? ` · ${t('invoices.types.creditNote')}` : ''
        }`;
        return (
          <span
            className={`badge badge--${invoice.status === 'overdue' ? 'danger' : invoice.status === 'paid' ? 'ok' : 'warning'}`}
            title={text}
          >
            {text}
          </span>
        );
      },
    },
    {
      id: 'archived',
      header: t('invoices.columns.archived'),
      width: 90,
      minWidth: 70,
      priority: 5,
      fit: [t('invoices.archivedMark')],
      render: (invoice) =>
        invoice.archived === 1 ? (
          <span title={t('invoices.archivedTitle')}>{t('invoices.archivedMark')}</span>
        ) : (
          ''
        ),
    },
  ];
};

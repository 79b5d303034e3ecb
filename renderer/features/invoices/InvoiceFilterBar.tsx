import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus, InvoiceType } from '../../../shared/api/schemas';
import { DEFAULT_INVOICE_FILTERS, type InvoiceFilters } from '../../../shared/invoices/filters';
import { SEARCH_MAX_LENGTH } from '../../../shared/invoices/search';
import { FilterField } from '../../ui/FilterField';
import { MultiSelect } from '../../ui/MultiSelect';
import { PeriodFilter, ReversedPeriodNotice } from '../../ui/PeriodFilter';
import { useSlashToSearch } from '../../ui/useSlashToSearch';
import type { Names } from '../designations';

interface InvoiceFilterBarProps {
  filters: InvoiceFilters;
  debtors: readonly string[];
  references: readonly string[];
  names: Names;
  today: string;
  onChange: (filters: InvoiceFilters, options?: { replace?: boolean }) => void;
}

const statuses: readonly InvoiceStatus[] = ['open', 'overdue', 'paid', 'cancelled'];
const types: readonly InvoiceType[] = ['invoice', 'credit-note'];
const typeKeys = {
  invoice: 'invoices.types.invoice',
  'credit-note': 'invoices.types.creditNote',
} as const satisfies Record<InvoiceType, string>;

export const InvoiceFilterBar = ({
  filters,
  debtors,
  references,
  names,
  today,
  onChange,
}: InvoiceFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const set = (patch: Partial<InvoiceFilters>, replace = false) =>
    onChange({ ...filters, ...patch }, { replace });

  return (
    <>
      <div className="filters" role="search" aria-label={t('invoices.filtersLabel')}>
        <FilterField label={t('lists.invoiceSearch')}>
          {(id) => (
            <input
              id={id}
              ref={search}
              type="search"
              maxLength={SEARCH_MAX_LENGTH}
              title={t('lists.invoiceSearchHint')}
              value={filters.search}
              // Kept exactly as typed or pasted: the matching reads numbers, references and amounts.
              onChange={(event) => set({ search: event.target.value }, true)}
            />
          )}
        </FilterField>
        <PeriodFilter
          from={filters.from}
          to={filters.to}
          today={today}
          fromLabel={t('lists.periodFrom')}
          toLabel={t('lists.periodTo')}
          onChange={(period) => set(period)}
        />
        <MultiSelect
          label={t('invoices.status')}
          options={statuses.map((status) => ({ value: status, label: t(`invoices.statuses.${status}`) }))}
          selected={filters.statuses}
          onChange={(next) => set({ statuses: statuses.filter((status) => next.includes(status)) })}
        />
        <MultiSelect
          label={t('invoices.debtor')}
          options={debtors.map((debtor) => ({ value: debtor, label: debtor }))}
          selected={filters.debtors}
          onChange={(next) => set({ debtors: next })}
        />
        <MultiSelect
          label={t('invoices.reference')}
          options={references.map((reference) => ({
            value: reference,
            label: names.label('invoiceReference', reference),
          }))}
          selected={filters.invoiceReferences}
          onChange={(next) => set({ invoiceReferences: next })}
        />
        <MultiSelect
          label={t('invoices.type')}
          options={types.map((type) => ({ value: type, label: t(typeKeys[type]) }))}
          selected={filters.types}
          onChange={(next) => set({ types: types.filter((type) => next.includes(type)) })}
        />
        <FilterField label={t('invoices.archive')}>
          {(id) => (
            <select
              id={id}
              value={filters.archived}
              onChange={(event) => {
                const value = event.target.value;
                set({ archived: value === 'current' || value === 'archived' ? value : 'all' });
              }}
            >
              <option value="all">{t('invoices.archiveAll')}</option>
              <option value="current">{t('invoices.archiveCurrent')}</option>
              <option value="archived">{t('invoices.archiveArchived')}</option>
            </select>
          )}
        </FilterField>
        <button type="button" className="secondary" onClick={() => onChange(DEFAULT_INVOICE_FILTERS)}>
          {t('invoices.reset')}
        </button>
      </div>
      <ReversedPeriodNotice from={filters.from} to={filters.to} onChange={(period) => set(period)} />
    </>
  );
};

import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus, InvoiceType } from '../../../shared/api/schemas';
import { DEFAULT_INVOICE_FILTERS, type InvoiceFilters } from '../../../shared/invoices/filters';
import { FilterField } from '../../ui/FilterField';
import { useSlashToSearch } from '../../ui/useSlashToSearch';
import type { Names } from '../designations';

interface InvoiceFilterBarProps {
  filters: InvoiceFilters;
  debtors: readonly string[];
  references: readonly string[];
  names: Names;
  onChange: (filters: InvoiceFilters, options?: { replace?: boolean }) => void;
}

const statuses: readonly InvoiceStatus[] = ['open', 'overdue', 'paid', 'cancelled'];
const typeKeys = {
  invoice: 'invoices.types.invoice',
  'credit-note': 'invoices.types.creditNote',
} as const satisfies Record<InvoiceType, string>;

export const InvoiceFilterBar = ({
  filters,
  debtors,
  references,
  names,
  onChange,
}: InvoiceFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const set = (patch: Partial<InvoiceFilters>, replace = false) =>
    onChange({ ...filters, ...patch }, { replace });

  return (
    <div className="filters" role="search" aria-label={t('invoices.filtersLabel')}>
      <FilterField label={t('invoices.search')}>
        {(id) => (
          <input
            id={id}
            ref={search}
            type="search"
            inputMode="numeric"
            value={filters.number}
            onChange={(event) => set({ number: event.target.value.replace(/\D/g, '').slice(0, 10) }, true)}
          />
        )}
      </FilterField>
      <FilterField label={t('invoices.from')}>
        {(id) => (
          <input
            id={id}
            type="month"
            value={filters.fromMonth ?? ''}
            onChange={(event) => set({ fromMonth: event.target.value || null })}
          />
        )}
      </FilterField>
      <FilterField label={t('invoices.to')}>
        {(id) => (
          <input
            id={id}
            type="month"
            value={filters.toMonth ?? ''}
            onChange={(event) => set({ toMonth: event.target.value || null })}
          />
        )}
      </FilterField>
      <FilterField label={t('invoices.debtor')}>
        {(id) => (
          <select
            id={id}
            value={filters.debtor ?? ''}
            onChange={(event) => set({ debtor: event.target.value || null })}
          >
            <option value="">{t('invoices.any')}</option>
            {debtors.map((debtor) => (
              <option key={debtor} value={debtor}>
                {debtor}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('invoices.reference')}>
        {(id) => (
          <select
            id={id}
            value={filters.invoiceReference ?? ''}
            onChange={(event) => set({ invoiceReference: event.target.value || null })}
          >
            <option value="">{t('invoices.any')}</option>
            {references.map((reference) => (
              <option key={reference} value={reference}>
                {names.label('invoiceReference', reference)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('invoices.status')}>
        {(id) => (
          <select
            id={id}
            value={filters.status ?? ''}
            onChange={(event) =>
              set({ status: statuses.find((status) => status === event.target.value) ?? null })
            }
          >
            <option value="">{t('invoices.any')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`invoices.statuses.${status}`)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('invoices.type')}>
        {(id) => (
          <select
            id={id}
            value={filters.type ?? ''}
            onChange={(event) =>
              set({
                type:
                  event.target.value === 'invoice' || event.target.value === 'credit-note'
                    ? event.target.value
                    : null,
              })
            }
          >
            <option value="">{t('invoices.any')}</option>
            <option value="invoice">{t(typeKeys.invoice)}</option>
            <option value="credit-note">{t(typeKeys['credit-note'])}</option>
          </select>
        )}
      </FilterField>
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
  );
};

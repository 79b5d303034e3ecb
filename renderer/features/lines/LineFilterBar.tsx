import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { LineFilter } from '../../../shared/lines/lineIndex';
import { FilterField } from '../../ui/FilterField';
import { useSlashToSearch } from '../../ui/useSlashToSearch';
import { useCostCentersByCode } from './queries';
import type { Names } from '../designations';
import type { IndexFacts } from '../../workers/lineIndex/protocol';

interface LineFilterBarProps {
  filter: LineFilter;
  facts: IndexFacts | null;
  names: Names;
  onChange: (filter: LineFilter, options?: { replace?: boolean }) => void;
}

const single = (values: readonly string[] | undefined) => values?.[0] ?? '';
const asList = (value: string) => (value ? [value] : undefined);

export const LineFilterBar = ({ filter, facts, names, onChange }: LineFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const costCenters = useCostCentersByCode();
  // Cleared fields are undefined; the URL leaves them out.
  const set = (patch: Partial<LineFilter>, replace = false) => onChange({ ...filter, ...patch }, { replace });

  const byLabel = (kind: 'service' | 'frankingLicence' | 'invoiceReference', values: readonly string[]) =>
    [...values]
      .map((value) => ({ value, label: names.label(kind, value) }))
      .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <div className="filters" role="search" aria-label={t('lines.filtersLabel')}>
      <FilterField label={t('lines.service')}>
        {(id) => (
          <select
            id={id}
            value={single(filter.services)}
            onChange={(event) => set({ services: asList(event.target.value) })}
          >
            <option value="">{t('lines.any')}</option>
            {byLabel('service', facts?.services ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('lines.licence')}>
        {(id) => (
          <select
            id={id}
            value={single(filter.licences)}
            onChange={(event) => set({ licences: asList(event.target.value) })}
          >
            <option value="">{t('lines.any')}</option>
            {byLabel('frankingLicence', facts?.licences ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('lines.reference')}>
        {(id) => (
          <select
            id={id}
            value={single(filter.references)}
            onChange={(event) => set({ references: asList(event.target.value) })}
          >
            <option value="">{t('lines.any')}</option>
            {byLabel('invoiceReference', facts?.references ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('lines.costCenter')}>
        {(id) => (
          <select
            id={id}
            value={filter.costCenter ?? ''}
            onChange={(event) => set({ costCenter: event.target.value || undefined })}
          >
            <option value="">{t('lines.any')}</option>
            <option value={UNASSIGNED}>{t('lines.unassigned')}</option>
            {(costCenters ?? []).map((costCenter) => (
              <option key={costCenter.code} value={costCenter.code}>
                {costCenter.code} {costCenter.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('lines.from')}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={filter.from ?? ''}
            onChange={(event) => set({ from: event.target.value || undefined })}
          />
        )}
      </FilterField>
      <FilterField label={t('lines.to')}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={filter.to ?? ''}
            onChange={(event) => set({ to: event.target.value || undefined })}
          />
        )}
      </FilterField>
      <FilterField label={t('lines.text')}>
        {(id) => (
          <input
            id={id}
            ref={search}
            type="search"
            maxLength={35}
            value={filter.text ?? ''}
            onChange={(event) => set({ text: event.target.value || undefined }, true)}
          />
        )}
      </FilterField>
      <button type="button" className="secondary" onClick={() => onChange({})}>
        {t('lines.reset')}
      </button>
    </div>
  );
};

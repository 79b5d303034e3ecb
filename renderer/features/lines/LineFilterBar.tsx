import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import type { LineFilter } from '../../../shared/lines/lineIndex';
import { FilterField } from '../../ui/FilterField';
import { MultiSelect, type MultiSelectOption } from '../../ui/MultiSelect';
import { PeriodFilter, ReversedPeriodNotice } from '../../ui/PeriodFilter';
import { UnknownValuesNotice } from '../../ui/UnknownValuesNotice';
import { useSlashToSearch } from '../../ui/useSlashToSearch';
import { useCostCentersByCode } from './queries';
import type { Names } from '../designations';
import type { IndexFacts } from '../../workers/lineIndex/protocol';

interface LineFilterBarProps {
  filter: LineFilter;
  facts: IndexFacts | null;
  names: Names;
  today: string;
  onChange: (filter: LineFilter, options?: { replace?: boolean }) => void;
}

const asList = (values: readonly string[]) => (values.length > 0 ? values : undefined);

export const LineFilterBar = ({ filter, facts, names, today, onChange }: LineFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const costCenters = useCostCentersByCode();
  // Cleared fields are undefined; the URL leaves them out.
  const set = (patch: Partial<LineFilter>, replace = false) => onChange({ ...filter, ...patch }, { replace });

  const byLabel = (
    kind: 'service' | 'frankingLicence' | 'invoiceReference',
    values: readonly string[],
  ): MultiSelectOption[] =>
    [...values]
      .map((value) => ({ value, label: names.label(kind, value) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  const serviceOptions = byLabel('service', facts?.services ?? []);
  const licenceOptions = byLabel('frankingLicence', facts?.licences ?? []);
  const referenceOptions = byLabel('invoiceReference', facts?.references ?? []);
  const costCenterOptions: MultiSelectOption[] = [
    { value: UNASSIGNED, label: t('lines.unassigned') },
    ...(costCenters ?? []).map((costCenter) => ({
      value: costCenter.code,
      label: `${costCenter.code} ${costCenter.name}`,
    })),
  ];

  return (
    <>
      <div className="filters" role="search" aria-label={t('lines.filtersLabel')}>
        <MultiSelect
          label={t('lines.service')}
          options={serviceOptions}
          selected={filter.services ?? []}
          onChange={(next) => set({ services: asList(next) })}
        />
        <MultiSelect
          label={t('lines.licence')}
          options={licenceOptions}
          selected={filter.licences ?? []}
          onChange={(next) => set({ licences: asList(next) })}
        />
        <MultiSelect
          label={t('lines.reference')}
          options={referenceOptions}
          selected={filter.references ?? []}
          onChange={(next) => set({ references: asList(next) })}
        />
        <MultiSelect
          label={t('lines.costCenter')}
          options={costCenterOptions}
          selected={filter.costCenters ?? []}
          onChange={(next) => set({ costCenters: asList(next) })}
        />
        <PeriodFilter
          from={filter.from ?? null}
          to={filter.to ?? null}
          today={today}
          fromLabel={t('lines.from')}
          toLabel={t('lines.to')}
          onChange={(period) => set({ from: period.from ?? undefined, to: period.to ?? undefined })}
        />
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
      <ReversedPeriodNotice
        from={filter.from ?? null}
        to={filter.to ?? null}
        onChange={(period) => set({ from: period.from ?? undefined, to: period.to ?? undefined })}
      />
      {/* Only once the index answered: before that every value would look unknown. */}
      {facts && (
        <UnknownValuesNotice
          fields={[
            { label: t('lines.service'), options: serviceOptions, selected: filter.services },
            { label: t('lines.licence'), options: licenceOptions, selected: filter.licences },
            { label: t('lines.reference'), options: referenceOptions, selected: filter.references },
            ...(costCenters
              ? [{ label: t('lines.costCenter'), options: costCenterOptions, selected: filter.costCenters }]
              : []),
          ]}
        />
      )}
    </>
  );
};

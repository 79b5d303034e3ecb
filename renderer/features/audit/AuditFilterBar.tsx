import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditDevice } from '../../../shared/audit/device';
import { auditCategories, emptyAuditFilter, type AuditFilter } from '../../../shared/audit/view';
import { DateField } from '../../ui/DateField';
import { FilterField } from '../../ui/FilterField';
import { useSlashToSearch } from '../../ui/useSlashToSearch';

interface AuditFilterBarProps {
  filter: AuditFilter;
  /** The devices the log names; null for entries from before devices were recorded. */
  devices: readonly (AuditDevice | null)[];
  onChange: (filter: AuditFilter) => void;
}

const ALL = '*';

export const AuditFilterBar = ({ filter, devices, onChange }: AuditFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);
  const filtered =
    filter.category !== null ||
    filter.from !== null ||
    filter.to !== null ||
    filter.device !== null ||
    filter.text !== '';

  return (
    <div className="filters" role="search" aria-label={t('auditTrail.filters')}>
      <FilterField label={t('auditTrail.category')}>
        {(id) => (
          <select
            id={id}
            value={filter.category ?? ALL}
            onChange={(event) =>
              onChange({
                ...filter,
                category: auditCategories.find((category) => category === event.target.value) ?? null,
              })
            }
          >
            <option value={ALL}>{t('auditTrail.categories.all')}</option>
            {auditCategories.map((category) => (
              <option key={category} value={category}>
                {t(`auditTrail.categories.${category}`)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <DateField
        label={t('auditTrail.from')}
        value={filter.from}
        onChange={(from) => onChange({ ...filter, from })}
      />
      <DateField
        label={t('auditTrail.to')}
        value={filter.to}
        onChange={(to) => onChange({ ...filter, to })}
      />
      <FilterField label={t('auditTrail.device')}>
        {(id) => (
          <select
            id={id}
            value={filter.device ?? ALL}
            onChange={(event) =>
              onChange({ ...filter, device: event.target.value === ALL ? null : event.target.value })
            }
          >
            <option value={ALL}>{t('auditTrail.allDevices')}</option>
            {devices.map((device) => (
              <option key={device?.id ?? ''} value={device?.id ?? ''}>
                {device?.name || t('auditTrail.unknownDevice')}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('auditTrail.search')}>
        {(id) => (
          <input
            id={id}
            ref={search}
            type="search"
            placeholder={t('auditTrail.searchHint')}
            maxLength={200}
            value={filter.text}
            onChange={(event) => onChange({ ...filter, text: event.target.value })}
          />
        )}
      </FilterField>
      {filtered && (
        <button type="button" className="secondary" onClick={() => onChange(emptyAuditFilter)}>
          {t('auditTrail.reset')}
        </button>
      )}
    </div>
  );
};

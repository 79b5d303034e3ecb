import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_NAME_QUERY,
  kindFilters,
  MAX_SEARCH_LENGTH,
  type KindFilter,
  type NameQuery,
} from '../../../shared/designations/nameQuery';
import { FilterField } from '../../ui/FilterField';
import { useSlashToSearch } from '../../ui/useSlashToSearch';

interface DesignationFilterBarProps {
  query: NameQuery;
  onChange: (query: NameQuery, options?: { replace?: boolean }) => void;
}

const kindLabels = {
  all: 'names.kindAll',
  services: 'names.kindServices',
  licences: 'names.kindLicences',
  references: 'names.kindReferences',
} as const satisfies Record<KindFilter, string>;

export const DesignationFilterBar = ({ query, onChange }: DesignationFilterBarProps) => {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);

  return (
    <div className="filters" role="search" aria-label={t('names.filtersLabel')}>
      <FilterField label={t('names.kind')}>
        {(id) => (
          <select
            id={id}
            value={query.kind}
            onChange={(event) =>
              onChange({
                ...query,
                kind: kindFilters.find((kind) => kind === event.target.value) ?? DEFAULT_NAME_QUERY.kind,
              })
            }
          >
            {kindFilters.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindLabels[kind])}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('names.search')}>
        {(id) => (
          <input
            id={id}
            ref={search}
            type="search"
            placeholder={t('names.searchPlaceholder')}
            maxLength={MAX_SEARCH_LENGTH}
            value={query.text}
            // One history entry per search, not per keystroke.
            onChange={(event) => onChange({ ...query, text: event.target.value }, { replace: true })}
          />
        )}
      </FilterField>
      <button type="button" className="secondary" onClick={() => onChange(DEFAULT_NAME_QUERY)}>
        {t('names.reset')}
      </button>
    </div>
  );
};

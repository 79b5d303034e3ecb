import { useTranslation } from 'react-i18next';
import { isInverted, periodPresets, presetOf, presetRange } from '../../shared/core/periods';
import { DateField } from './DateField';
import { FilterField } from './FilterField';

interface PeriodFilterProps {
  from: string | null;
  to: string | null;
  /** The clerk's calendar day the presets count from, injected by the page. */
  today: string;
  fromLabel: string;
  toLabel: string;
  onChange: (period: { from: string | null; to: string | null }) => void;
}

/** A preset ("last quarter") or two typed days; a preset fills the days, typing a day leaves the preset. */
export const PeriodFilter = ({ from, to, today, fromLabel, toLabel, onChange }: PeriodFilterProps) => {
  const { t } = useTranslation();
  const preset = presetOf(from, to, today);
  return (
    <>
      <FilterField label={t('lists.period')}>
        {(id) => (
          <select
            id={id}
            value={preset ?? (from || to ? 'custom' : '')}
            onChange={(event) => {
              const chosen = periodPresets.find((candidate) => candidate === event.target.value);
              if (chosen) onChange(presetRange(chosen, today));
              else if (event.target.value === '') onChange({ from: null, to: null });
            }}
          >
            <option value="">{t('lists.periodAny')}</option>
            {periodPresets.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`lists.presets.${candidate}`)}
              </option>
            ))}
            {preset === null && (from || to) && <option value="custom">{t('lists.periodCustom')}</option>}
          </select>
        )}
      </FilterField>
      <DateField label={fromLabel} value={from} onChange={(next) => onChange({ from: next, to })} />
      <DateField label={toLabel} value={to} onChange={(next) => onChange({ from, to: next })} />
    </>
  );
};

/** A from-day after the to-day: says why the list is empty and offers to swap them. Shown below the filter bar. */
export const ReversedPeriodNotice = ({
  from,
  to,
  onChange,
}: Pick<PeriodFilterProps, 'from' | 'to' | 'onChange'>) => {
  const { t } = useTranslation();
  if (!isInverted(from, to)) return null;
  return (
    <p role="status" className="notice notice--warning filter-notice filter-notice--row">
      {t('lists.inverted')}{' '}
      <button type="button" className="secondary" onClick={() => onChange({ from: to, to: from })}>
        {t('lists.swap')}
      </button>
    </p>
  );
};

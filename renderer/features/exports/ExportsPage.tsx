import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../../shared/core/format';
import { PageHeader } from '../../ui/PageHeader';
import { useLanguage } from '../../ui/useLanguage';
import { PeriodExport } from './PeriodExport';
import { useExportMonths } from './queries';
import './exports.css';

// A year of months by default: what a head of finance most often exports.
const DEFAULT_MONTHS = 12;

/** The Exports page: a period of the months the archive holds, and its export. */
export const ExportsPage = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const months = useExportMonths();
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);

  if (months === undefined) return <PageHeader title={t('exports.title')} />;
  const last = months[months.length - 1];
  const first = months[Math.max(0, months.length - DEFAULT_MONTHS)];
  const period = chosen ?? (first !== undefined && last !== undefined ? { from: first, to: last } : null);

  const monthSelect = (label: string, value: string, onChange: (month: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {months.map((month) => (
          <option key={month} value={month}>
            {formatMonth(month, language, 'long')}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section>
      <PageHeader title={t('exports.title')} />
      <p>{t('exports.intro')}</p>
      {period === null ? (
        <p className="empty">{t('exports.noData')}</p>
      ) : (
        <div className="exports-page__period">
          {monthSelect(t('exports.from'), period.from, (from) =>
            setChosen({ from, to: from > period.to ? from : period.to }),
          )}
          {monthSelect(t('exports.to'), period.to, (to) =>
            setChosen({ from: to < period.from ? to : period.from, to }),
          )}
          <PeriodExport period={period} />
        </div>
      )}
    </section>
  );
};

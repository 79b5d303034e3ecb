import { useTranslation } from 'react-i18next';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import {
  measures,
  periodKinds,
  type AnalyticsSelection,
  type PeriodKind,
} from '../../../shared/analytics/period';
import { formatMonth } from '../../../shared/core/format';
import { useLanguage } from '../../ui/useLanguage';

interface PeriodControlsProps {
  selection: AnalyticsSelection;
  period: MonthPeriod;
  previous: MonthPeriod | null;
  storedMonths: readonly string[];
  onChange: (next: AnalyticsSelection) => void;
  periodText: (period: MonthPeriod) => string;
}

/**
 * The page's selection: which months (a range, the year to date, the last twelve months), whether
 * the same months a year earlier stand beside them, and which amount. Each change goes to the URL.
 */
export const PeriodControls = ({
  selection,
  period,
  previous,
  storedMonths,
  onChange,
  periodText,
}: PeriodControlsProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  // The stored months, and the chosen ends when a link names months the archive does not hold.
  const months = [...new Set([...storedMonths, period.from, period.to])].sort();
  const monthOptions = months.map((month) => (
    <option key={month} value={month}>
      {formatMonth(month, language, 'long')}
    </option>
  ));
  const withKind = (kind: PeriodKind): AnalyticsSelection => {
    // Switching to a range keeps the months on screen, so the figures do not jump elsewhere.
    if (kind === 'range') return { ...selection, kind, from: period.from, to: period.to };
    const next: AnalyticsSelection = { kind, compare: selection.compare, measure: selection.measure };
    if (selection.trendCenter !== undefined) next.trendCenter = selection.trendCenter;
    return next;
  };
  return (
    <fieldset className="card analytics__selection">
      <legend>{t('analyticsPage.periodLabel')}</legend>
      <div className="filters">
        <label>
          {t('analyticsPage.kindLabel')}
          <select
            value={selection.kind}
            onChange={(event) => {
              const kind = periodKinds.find((candidate) => candidate === event.target.value);
              if (kind) onChange(withKind(kind));
            }}
          >
            {periodKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`analyticsPage.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {selection.kind === 'range' && (
          <>
            <label>
              {t('analyticsPage.from')}
              <select
                value={period.from}
                onChange={(event) => {
                  const from = event.target.value;
                  onChange({ ...selection, from, to: from > period.to ? from : period.to });
                }}
              >
                {monthOptions}
              </select>
            </label>
            <label>
              {t('analyticsPage.to')}
              <select
                value={period.to}
                onChange={(event) => {
                  const to = event.target.value;
                  onChange({ ...selection, from: to < period.from ? to : period.from, to });
                }}
              >
                {monthOptions}
              </select>
            </label>
          </>
        )}
        <label className="analytics__check">
          <input
            type="checkbox"
            checked={selection.compare}
            onChange={(event) => onChange({ ...selection, compare: event.target.checked })}
          />
          {t('analyticsPage.compare')}
        </label>
        <div role="radiogroup" aria-labelledby="analytics-measure" className="analytics__measure">
          <span id="analytics-measure">{t('analyticsPage.measureLabel')}</span>
          {measures.map((measure) => (
            <label key={measure} className="analytics__check">
              <input
                type="radio"
                name="analytics-measure"
                value={measure}
                checked={selection.measure === measure}
                onChange={() => onChange({ ...selection, measure })}
              />
              {t(`analyticsPage.measures.${measure}`)}
            </label>
          ))}
        </div>
      </div>
      <p className="muted analytics__summary" aria-live="polite">
        {previous
          ? t('analyticsPage.comparedSummary', { period: periodText(period), previous: periodText(previous) })
          : t('analyticsPage.summary', { period: periodText(period) })}
      </p>
    </fieldset>
  );
};

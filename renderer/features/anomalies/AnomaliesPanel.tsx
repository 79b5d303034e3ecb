import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import { formatMonth } from '../../../shared/core/format';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useLanguage } from '../../ui/useLanguage';
import { AnomalyList } from './AnomalyList';
import { useAnomalies } from './useAnomalies';
import { useUnitPriceCounts } from './useUnitPriceCounts';
import { ShowAllToggle } from '../../ui/ShowAllToggle';

interface AnomaliesPanelProps {
  period: MonthPeriod;
  /** The Overview's compact card names its months under the title; the Analytics page has its selector. */
  variant?: 'panel' | 'overview';
  /** Show this many flags and a button for the rest (the Overview keeps its cards short). */
  limit?: number;
}

/** The anomaly flags of a period: dismissed ones hidden unless the clerk asks for them. */
export const AnomaliesPanel = ({ period, variant = 'panel', limit }: AnomaliesPanelProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const [showDismissed, setShowDismissed] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const prices = useUnitPriceCounts();
  const { flags, centerNames, skipped } = useAnomalies(period, prices.counts);
  const shown = flags?.filter((flag) => showDismissed || !flag.dismissal) ?? [];
  const dismissedCount = flags?.filter((flag) => flag.dismissal).length ?? 0;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {variant === 'overview' ? t('alerts.anomalies.overviewTitle') : t('alerts.anomalies.title')}
      </h2>
      {variant === 'overview' && (
        <p className="muted">
          {t('alerts.anomalies.overviewPeriod', {
            from: formatMonth(period.from, language, 'long'),
            to: formatMonth(period.to, language, 'long'),
          })}
        </p>
      )}
      <SkippedRowsNotice kind="rows" skipped={skipped} area="anomalies" />
      {flags && shown.length === 0 && (
        <p className="empty">
          {dismissedCount > 0 ? t('alerts.anomalies.allDismissed') : t('alerts.anomalies.none')}
        </p>
      )}
      {shown.length > 0 && (
        <AnomalyList
          id={listId}
          flags={limit === undefined || expanded ? shown : shown.slice(0, limit)}
          centerNames={centerNames}
        />
      )}
      {limit !== undefined && shown.length > limit && (
        <ShowAllToggle
          expanded={expanded}
          total={shown.length}
          controls={listId}
          onToggle={() => setExpanded((value) => !value)}
        />
      )}
      {prices.state === 'pending' && <p className="hint">{t('alerts.anomalies.pricesPending')}</p>}
      {prices.state === 'failed' && <p className="hint">{t('alerts.anomalies.pricesFailed')}</p>}
      {dismissedCount > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showDismissed}
            onChange={(event) => setShowDismissed(event.target.checked)}
          />
          {t('alerts.anomalies.showDismissed')}
        </label>
      )}
    </section>
  );
};

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anomalyLineFilter } from '../../../shared/analytics/anomalies';
import { formatDate } from '../../../shared/core/format';
import { lineQueryParams } from '../../../shared/lines/filterQuery';
import { hrefFor } from '../../app/router/routes';
import { useNames } from '../designations';
import { useLanguage } from '../../ui/useLanguage';
import { DismissDialog } from './DismissDialog';
import type { ShownFlag } from './useAnomalies';
import { describeFlag, type FlagNames } from './wording';
import '../../ui/alertList.css';

interface AnomalyListProps {
  id?: string;
  flags: readonly ShownFlag[];
  centerNames: ReadonlyMap<string, string> | undefined;
}

/** Flags in words, each with its lines one click away and a way to dismiss it with a note. */
export const AnomalyList = ({ id, flags, centerNames }: AnomalyListProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const operatorNames = useNames();
  const [dismissing, setDismissing] = useState<{ flag: ShownFlag; description: string } | null>(null);
  const names: FlagNames = {
    service: (code) => operatorNames.label('service', code),
    licence: (key) => operatorNames.label('frankingLicence', key),
    center: (code) => {
      const name = centerNames?.get(code);
      return name ? `${code} ${name}` : code;
    },
  };
  return (
    <>
      <ul className="plain-list alert-list" id={id}>
        {flags.map((shown) => {
          const description = describeFlag(shown.flag, t, language, names);
          return (
            <li key={shown.id}>
              <span className="alert-list__text">
                {description}
                {shown.dismissal && (
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {t('alerts.anomalies.dismissed', {
                      date: formatDate(shown.dismissal.dismissedAt, language),
                      note: shown.dismissal.note,
                    })}
                  </span>
                )}
              </span>
              <span className="alert-list__actions">
                <a
                  href={hrefFor('lines', lineQueryParams(anomalyLineFilter(shown.flag)))}
                  aria-label={t('alerts.anomalies.showLinesOf', { flag: description })}
                >
                  {t('alerts.anomalies.showLines')}
                </a>
                {!shown.dismissal && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('alerts.anomalies.dismissFor', { flag: description })}
                    onClick={() => setDismissing({ flag: shown, description })}
                  >
                    {t('alerts.anomalies.dismiss')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {dismissing && (
        <DismissDialog
          flag={dismissing.flag.flag}
          description={dismissing.description}
          onClose={() => setDismissing(null)}
        />
      )}
    </>
  );
};

import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { SkippedRowsNotice } from '../../ui/SkippedRowsNotice';
import { useOperatorPreferences } from './queries';

/**
 * The operator's notification and paper preferences as synchronised, read-only until the
 * preferences work makes them editable (the outbox already carries such an edit).
 */
const OperatorPreferences = () => {
  const { t } = useTranslation();
  const stored = useOperatorPreferences();
  const yesNo = (value: boolean) => t(value ? 'operatorPreferences.on' : 'operatorPreferences.off');
  const preferences = stored?.preferences;
  return (
    <section className="card operator-preferences" aria-labelledby="operator-preferences">
      <h2 id="operator-preferences">{t('operatorPreferences.title')}</h2>
      <SkippedRowsNotice kind="rows" skipped={stored?.skipped} area="operator preferences" />
      {stored !== undefined && !preferences && stored.skipped.length === 0 && (
        <p className="empty">{t('operatorPreferences.notSynced')}</p>
      )}
      {preferences && (
        <>
          <p className="muted">{t('operatorPreferences.readOnly')}</p>
          <h3>{t('operatorPreferences.notifications')}</h3>
          <dl className="facts">
            <dt>{t('operatorPreferences.newDocuments')}</dt>
            <dd>{yesNo(preferences.notifications.newDocuments)}</dd>
            <dt>{t('operatorPreferences.paymentReminders')}</dt>
            <dd>{yesNo(preferences.notifications.paymentReminders)}</dd>
            <dt>{t('operatorPreferences.emails')}</dt>
            <dd>
              {preferences.notifications.emails.length === 0 ? (
                t('operatorPreferences.noEmails')
              ) : (
                <ul className="plain-list">
                  {preferences.notifications.emails.map((email) => (
                    <li key={email}>{email}</li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          <h3>{t('operatorPreferences.paper')}</h3>
          <dl className="facts">
            <dt>{t('operatorPreferences.invoiceByPost')}</dt>
            <dd>{yesNo(preferences.paper.invoiceByPost)}</dd>
            <dt>{t('operatorPreferences.detailedStatementByPost')}</dt>
            <dd>{yesNo(preferences.paper.detailedStatementByPost)}</dd>
          </dl>
        </>
      )}
    </section>
  );
};

export const OperatorPreferencesPanel = () => (
  <ErrorBoundary variant="panel" area="settings operator preferences">
    <OperatorPreferences />
  </ErrorBoundary>
);

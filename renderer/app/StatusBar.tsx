import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration, formatInteger } from '../../shared/core/format';
import { useArchiveStatus } from '../db/archiveStatus';
import { CopyDetailsButton } from '../ui/CopyDetailsButton';
import { useLanguage } from '../ui/useLanguage';
import { hrefFor } from './router/routes';
import { useSyncController } from '../workers/sync/SyncContext';
import { syncErrorKey } from '../workers/sync/syncErrors';
import { useSyncStatus } from '../workers/sync/syncStatusStore';
import { useProfile, useProfileName } from '../features/settings';

/** On every page: what the archive holds, when it was last synchronised, and what is happening now. */
export const StatusBar = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const controller = useSyncController();
  const { running, progress, error, online } = useSyncStatus();
  const { invoiceCount, quarantined, feed, unsettled, waiting } = useArchiveStatus();
  const number = (value: number) => formatInteger(value, language);
  const profile = useProfile();
  const profileName = useProfileName();

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span data-testid="profile-customer">{t('status.customer', { name: profileName(profile) })}</span>
      {!online && <span className="badge badge--warning">{t('status.offline')}</span>}
      {invoiceCount !== undefined && (
        <span data-testid="invoice-count">{t('status.invoices', { count: invoiceCount })}</span>
      )}
      {running ? (
        <span role="status" aria-live="polite" className="status-bar__progress">
          {t('status.running')}{' '}
          {progress && progress.phase === 'documents'
            ? t('status.progressDocuments', {
                done: number(progress.documents.done),
                total: number(progress.documents.total),
              })
            : progress &&
              t('status.progressLines', {
                done: number(progress.lines.done),
                total: number(progress.lines.total),
              })}
          {progress &&
            progress.linesPerSecond > 0 &&
            progress.phase === 'lines' &&
            ` · ${t('status.rate', { rate: number(progress.linesPerSecond) })}`}
          {progress?.etaSeconds != null &&
            ` · ${t('status.eta', { time: formatDuration(progress.etaSeconds, language) })}`}
          {progress && progress.lines.total > 0 && (
            <progress
              max={progress.lines.total + progress.documents.total}
              value={progress.lines.done + progress.documents.done}
              aria-label={t('status.running')}
            />
          )}
        </span>
      ) : (
        <span>
          {feed?.lastSuccessAt
            ? t('status.lastSync', { when: formatDateTime(feed.lastSuccessAt, language) })
            : t('status.neverSynced')}
        </span>
      )}
      {error && (
        <span role="alert" className="status-bar__error">
          {t('status.error', {
            reason: t(`sync.errors.${syncErrorKey(error.code)}`),
          })}
          {syncErrorKey(error.code) === 'other' && (
            <>
              {' '}
              <CopyDetailsButton error={error} area="synchronisation" />
            </>
          )}
        </span>
      )}
      {quarantined !== undefined && quarantined > 0 && (
        <a href={hrefFor('settings', new URLSearchParams({ section: 'sync' }))}>
          {t('status.quarantined', { count: quarantined })}
        </a>
      )}
      {waiting !== undefined && waiting > 0 && <span>{t('outbox.pending', { count: waiting })}</span>}
      {unsettled !== undefined && unsettled > 0 && (
        <a className="status-bar__error" href={hrefFor('settings', new URLSearchParams({ section: 'sync' }))}>
          {t('outbox.conflicts', { count: unsettled })}
        </a>
      )}
      <span className="status-bar__spacer" />
      {running ? (
        <button type="button" className="secondary" onClick={() => controller.cancel()}>
          {t('status.cancel')}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={() => controller.syncNow()}>
          {t('status.syncNow')}
        </button>
      )}
    </footer>
  );
};

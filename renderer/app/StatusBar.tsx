import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration, formatInteger } from '../../shared/core/format';
import { useArchiveRemaining, useArchiveStatus, type ArchiveRemaining } from '../db/archiveStatus';
import { CopyDetailsButton } from '../ui/CopyDetailsButton';
import { useLanguage } from '../ui/useLanguage';
import { hrefFor } from './router/routes';
import { useSyncController } from '../workers/sync/SyncContext';
import { syncErrorKey } from '../workers/sync/syncErrors';
import { useSyncStatus } from '../workers/sync/syncStatusStore';
import { useProfile, useProfileName } from '../features/settings';
import type { SyncProgress } from '../../shared/sync/engine';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/i18n/languages';

const progressText = (t: TFunction, progress: SyncProgress | null, language: Language): string => {
  const number = (value: number) => formatInteger(value, language);
  const parts = [t('status.running')];
  if (progress?.phase === 'documents') {
    parts.push(
      t('status.progressDocuments', {
        done: number(progress.documents.done),
        total: number(progress.documents.total),
      }),
    );
  } else if (progress) {
    parts.push(
      t('status.progressLines', { done: number(progress.lines.done), total: number(progress.lines.total) }),
    );
  }
  const details: string[] = [];
  if (progress && progress.linesPerSecond > 0 && progress.phase === 'lines')
    details.push(t('status.rate', { rate: number(progress.linesPerSecond) }));
  if (progress?.etaSeconds != null)
    details.push(t('status.eta', { time: formatDuration(progress.etaSeconds, language) }));
  return [parts.join(' '), ...details].join(' · ');
};

/** Null when nothing is missing; otherwise what a cancelled or failed run left to fetch, in words. */
const remainingText = (t: TFunction, remaining: ArchiveRemaining, language: Language): string | null => {
  const what: string[] = [];
  if (!remaining.feedDrained) what.push(t('status.remainingInvoices'));
  if (remaining.lines > 0)
    what.push(
      t('status.remainingLines', { count: remaining.lines, n: formatInteger(remaining.lines, language) }),
    );
  if (remaining.documents > 0)
    what.push(
      t('status.remainingDocuments', {
        count: remaining.documents,
        n: formatInteger(remaining.documents, language),
      }),
    );
  return what.length === 0 ? null : t('status.incomplete', { what: what.join(', ') });
};

/** On every page: what the archive holds, when it was last synchronised, and what is happening now. */
export const StatusBar = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const controller = useSyncController();
  const { running, progress, error, online } = useSyncStatus();
  const { invoiceCount, quarantined, feed, unsettled, waiting } = useArchiveStatus();
  const profile = useProfile();
  const profileName = useProfileName();
  const remaining = useArchiveRemaining(!running);
  const runningText = progressText(t, progress, language);
  const lastSync = feed?.lastSuccessAt
    ? t('status.lastSync', { when: formatDateTime(feed.lastSuccessAt, language) })
    : t('status.neverSynced');
  const incomplete = feed && remaining ? remainingText(t, remaining, language) : null;
  // Until what remains is known (a moment after a run), a last time alone could say complete wrongly.
  const idleText = !feed ? lastSync : remaining ? (incomplete ?? lastSync) : '';
  const customer = t('status.customer', { name: profileName(profile) });
  const errorText = error
    ? t('status.error', { reason: t(`sync.errors.${syncErrorKey(error.code)}`) })
    : null;
  const idleTitle = incomplete ? `${incomplete} · ${lastSync}` : lastSync;

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span data-testid="profile-customer" className="status-bar__text status-bar__customer" title={customer}>
        {customer}
      </span>
      {!online && <span className="badge badge--warning">{t('status.offline')}</span>}
      {invoiceCount !== undefined && (
        <span data-testid="invoice-count">{t('status.invoices', { count: invoiceCount })}</span>
      )}
      {running ? (
        // One line at any width: the text is cut with an ellipsis, the whole of it in the title.
        <span role="status" aria-live="polite" className="status-bar__progress" title={runningText}>
          <span className="status-bar__text">{runningText}</span>
          {progress && progress.lines.total > 0 && (
            <progress
              max={progress.lines.total + progress.documents.total}
              value={progress.lines.done + progress.documents.done}
              aria-label={t('status.running')}
            />
          )}
        </span>
      ) : (
        <span className="status-bar__text" title={idleTitle} data-testid="sync-state">
          {idleText}
        </span>
      )}
      {error && (
        <span role="alert" className="status-bar__error status-bar__text" title={errorText ?? undefined}>
          {errorText}
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
      {/* Two elements, not one relabelled: a click begun on "Synchronise now" just as a run starts
          must not end on Cancel (the browser fires no click when press and release meet different
          elements). */}
      {running ? (
        <button key="cancel" type="button" className="secondary" onClick={() => controller.cancel()}>
          {t('status.cancel')}
        </button>
      ) : (
        <button key="syncNow" type="button" className="secondary" onClick={() => controller.syncNow()}>
          {t('status.syncNow')}
        </button>
      )}
    </footer>
  );
};

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/core/format';
import { useQuarantine, useRecentSyncRuns } from './queries';
import { useLanguage } from '../../ui/useLanguage';
import {
  loadNotifyConflicts,
  loadNotifyNewInvoices,
  loadSyncInterval,
  saveNotifyConflicts,
  saveNotifyNewInvoices,
  saveSyncInterval,
  syncIntervals,
} from './localSettings';
import { useSyncController } from '../../workers/sync/SyncContext';
import { syncErrorKey } from '../../workers/sync/syncErrors';
import { useProfile } from './profiles/ProfileContext';
import type { QuarantineEntry } from '../../../shared/sync/ports';

const KIND_LABELS = {
  invoice: 'sync.kindInvoice',
  line: 'sync.kindLine',
  lines: 'sync.kindLines',
  document: 'sync.kindDocument',
} as const satisfies Record<QuarantineEntry['kind'], string>;

interface SyncSettingsProps {
  /** Scrolls here and takes focus (the status bar's quarantine link). */
  focused: boolean;
}

export const SyncSettings = ({ focused }: SyncSettingsProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const controller = useSyncController();
  const profile = useProfile();
  const ids = { title: useId(), interval: useId(), quarantine: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const [interval, setIntervalMinutes] = useState(() => loadSyncInterval(localStorage, profile.id));
  const [notify, setNotify] = useState(() => loadNotifyNewInvoices(localStorage, profile.id));
  const [notifyConflicts, setNotifyConflicts] = useState(() => loadNotifyConflicts(localStorage, profile.id));
  const quarantine = useQuarantine();
  const runs = useRecentSyncRuns();

  useEffect(() => {
    if (!focused) return;
    heading.current?.scrollIntoView();
    heading.current?.focus();
  }, [focused]);

  return (
    <section className="card" aria-labelledby={ids.title}>
      <h2 id={ids.title} ref={heading} tabIndex={-1}>
        {t('sync.title')}
      </h2>
      <div className="field">
        <label htmlFor={ids.interval}>{t('sync.interval')}</label>
        <select
          id={ids.interval}
          value={interval}
          onChange={(event) => {
            const minutes = Number(event.target.value);
            saveSyncInterval(localStorage, minutes, profile.id);
            setIntervalMinutes(minutes);
            controller.setInterval(minutes);
          }}
        >
          {syncIntervals.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? t('sync.intervalOff') : t('sync.intervalMinutes', { count: minutes })}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notify}
          onChange={(event) => {
            saveNotifyNewInvoices(localStorage, event.target.checked, profile.id);
            setNotify(event.target.checked);
          }}
        />
        {t('sync.notify')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notifyConflicts}
          onChange={(event) => {
            saveNotifyConflicts(localStorage, event.target.checked, profile.id);
            setNotifyConflicts(event.target.checked);
          }}
        />
        {t('notifications.notifyConflicts')}
      </label>

      <h3 id={ids.quarantine}>{t('sync.quarantineTitle')}</h3>
      {quarantine && quarantine.length === 0 && <p className="empty">{t('sync.quarantineEmpty')}</p>}
      {quarantine && quarantine.length > 0 && (
        <>
          <p className="hint">{t('sync.quarantineHelp')}</p>
          <table className="data" aria-labelledby={ids.quarantine}>
            <thead>
              <tr>
                <th scope="col">{t('sync.quarantineKind')}</th>
                <th scope="col">{t('sync.quarantineInvoice')}</th>
                <th scope="col">{t('sync.quarantineItem')}</th>
                <th scope="col">{t('sync.quarantineIssues')}</th>
                <th scope="col">{t('sync.quarantineReceived')}</th>
              </tr>
            </thead>
            <tbody>
              {quarantine.map((entry) => (
                <tr key={entry.id}>
                  <td>{t(KIND_LABELS[entry.kind])}</td>
                  <td>{entry.invoiceId ?? (entry.kind === 'invoice' ? entry.itemId : '')}</td>
                  <td>{entry.kind === 'line' ? entry.itemId : entry.failure ? '' : `#${entry.index + 1}`}</td>
                  <td>
                    {entry.failure ? (
                      <>
                        {t(`sync.errors.${syncErrorKey(entry.failure.code)}`)}
                        <br />
                        <span className="hint">
                          {t('sync.failureRetry', {
                            count: entry.failure.attempts,
                            when: formatDateTime(entry.failure.retryAt, language),
                          })}
                        </span>
                      </>
                    ) : (
                      <>
                        {t('sync.quarantineInvalid')}
                        {/* The validator's English wording names contract fields: for support, folded away. */}
                        <details>
                          <summary>{t('sync.technicalDetails')}</summary>
                          <code>{entry.issues}</code>
                        </details>
                      </>
                    )}
                  </td>
                  <td>{formatDateTime(entry.receivedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {runs && runs.length > 0 && (
        <>
          <h3>{t('sync.runsTitle')}</h3>
          <ul className="plain-list">
            {runs.map((run) => (
              <li key={run.id}>
                {formatDateTime(run.finishedAt, language)}: {t(`sync.outcome.${run.outcome}`)}
                {run.newInvoices > 0 && ` · ${t('sync.runNew', { count: run.newInvoices })}`}
                {run.updatedInvoices > 0 && ` · ${t('sync.runUpdated', { count: run.updatedInvoices })}`}
                {run.outcome === 'ok' &&
                  run.newInvoices === 0 &&
                  run.updatedInvoices === 0 &&
                  ` · ${t('sync.runNothingNew')}`}
                {run.error && ` · ${t(`sync.errors.${syncErrorKey(run.error.code)}`)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

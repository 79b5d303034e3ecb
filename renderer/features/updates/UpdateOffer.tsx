import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeBusyWork, isBusyWorking } from '../../platform/busyWork';
import { usePlatform } from '../../platform/PlatformContext';
import { useFailureReason } from '../../ui/FailureNotice';
import { useUpdateStatus } from './useUpdateStatus';
import './updates.css';

/**
 * The shell's offer to restart for a downloaded update. Main decides when to offer (never while the
 * clerk imports, exports or archives: this component tells it, shared/update/policy.ts); "Later"
 * hides the offer for that version, which still installs when the app quits.
 */
export const UpdateOffer = () => {
  const { t } = useTranslation();
  const platform = usePlatform();
  const failureReason = useFailureReason();
  const [status] = useUpdateStatus();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const updates = platform.updates;

  useEffect(() => {
    if (updates === undefined) return;
    const tell = (busy: boolean) => {
      updates.setBusy(busy).catch(() => undefined);
    };
    // Work may have begun before this mounted.
    if (isBusyWorking()) tell(true);
    return subscribeBusyWork(tell);
  }, [updates]);

  if (updates === undefined || status === null || !status.offerRestart) return null;
  if (status.phase.kind !== 'downloaded' || dismissed === status.phase.version) return null;
  const { version } = status.phase;
  return (
    <div className="notice notice--ok update-offer" role="region" aria-label={t('updates.offer.label')}>
      <span>{t('updates.offer.text', { version })}</span>
      <span className="actions">
        <button
          type="button"
          onClick={() => {
            setFailure(null);
            updates.restart().catch((error: unknown) => setFailure(failureReason(error)));
          }}
        >
          {t('updates.restart')}
        </button>
        <button type="button" className="secondary" onClick={() => setDismissed(version)}>
          {t('updates.offer.later')}
        </button>
      </span>
      {failure !== null && <span role="alert">{failure}</span>}
    </div>
  );
};

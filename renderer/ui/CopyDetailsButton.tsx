import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureDetails, type FailureContext } from './failureDetails';
import { PlatformContext } from '../platform/PlatformContext';

interface CopyDetailsButtonProps {
  error: unknown;
  area: string;
  componentStack?: string | null;
}

/** Puts what support needs on the clipboard; the clerk is told whether it worked. */
export const CopyDetailsButton = ({ error, area, componentStack }: CopyDetailsButtonProps) => {
  const { t } = useTranslation();
  // Not usePlatform(): this must work even where the failure is a missing context.
  const platform = useContext(PlatformContext);
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  const copy = async () => {
    const info = await platform?.getAppInfo().catch(() => null);
    const context: FailureContext = {
      area,
      page: window.location.hash,
      appVersion: info?.version ?? import.meta.env.VITE_APP_VERSION ?? 'unknown',
      componentStack,
    };
    await navigator.clipboard.writeText(failureDetails(error, context));
  };

  return (
    <span className="copy-details">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          copy().then(
            () => setOutcome('copied'),
            () => setOutcome('failed'),
          );
        }}
      >
        {t('problems.copyDetails')}
      </button>
      <span role="status" className="muted">
        {outcome === 'copied' && t('problems.copied')}
        {outcome === 'failed' && t('problems.copyFailed')}
      </span>
    </span>
  );
};

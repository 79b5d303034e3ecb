import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../shared/core/format';
import { checkFeedUrl } from '../../../shared/update/feedUrl';
import { usePlatform } from '../../platform/PlatformContext';
import { useFailureReason } from '../../ui/FailureNotice';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import { useLanguage } from '../../ui/useLanguage';
import { canCheckNow, describeUpdate } from './describeUpdate';
import { useUpdateStatus } from './useUpdateStatus';
import { UrlInput } from '../../ui/UrlInput';

const TONE_CLASS = { hint: 'hint', ok: 'notice notice--ok', error: 'notice notice--error' } as const;

/**
 * Settings, "Updates": the installed version, the feed (an IT department's override of the build's),
 * "Check now" with its outcome in words and, once an update is downloaded, "Restart and update".
 * In the browser it only says why there is nothing to update here.
 */
export const UpdateSettings = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const platform = usePlatform();
  const failureReason = useFailureReason();
  const id = useId();
  const [status, setStatus] = useUpdateStatus();
  const [version, setVersion] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'cleared' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const updates = platform.updates;

  useAsyncEffect(
    () => ({ run: () => platform.getAppInfo(), onValue: (info) => setVersion(info.version) }),
    [platform],
  );

  const feedText = draft ?? status?.feedOverride ?? '';

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (updates === undefined) return;
    const checked = checkFeedUrl(feedText);
    setInvalid(!checked.ok);
    setSaved(null);
    setFailure(null);
    if (!checked.ok) return;
    try {
      setStatus(await updates.saveFeedUrl(feedText));
      setDraft(null);
      setSaved(checked.url === null ? 'cleared' : 'saved');
    } catch (error) {
      setFailure(failureReason(error));
    }
  };

  const act = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(failureReason(error));
    }
  };

  const line = status === null ? null : describeUpdate(status.phase);
  const builtFeed = status?.buildFeedUrl ?? null;
  const describedBy = [`${id}-help`, invalid ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const checkable = updates !== undefined && status !== null && canCheckNow(status.phase);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('updates.title')}</h2>
      <p>{t('updates.currentVersion', { version: status?.currentVersion ?? version ?? '…' })}</p>
      {updates !== undefined && (
        <form onSubmit={(event) => void save(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-url`}>{t('updates.feedUrl')}</label>
            <UrlInput
              id={`${id}-url`}
              value={feedText}
              invalid={invalid}
              describedBy={describedBy}
              onChange={(event) => {
                setDraft(event.target.value);
                setInvalid(false);
                setSaved(null);
              }}
            />
          </div>
          {invalid && (
            <p className="notice notice--error" id={`${id}-problem`}>
              {t('updates.feedInvalid')}
            </p>
          )}
          <p className="hint" id={`${id}-help`}>
            {builtFeed !== null ? t('updates.feedHelpBuilt', { url: builtFeed }) : t('updates.feedHelpNone')}
          </p>
          <div className="actions">
            <button type="submit">{t('updates.save')}</button>
            <span role="status">
              {saved === 'saved' ? t('updates.saved') : saved === 'cleared' ? t('updates.cleared') : ''}
            </span>
          </div>
        </form>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={!checkable}
          aria-describedby={`${id}-outcome`}
          onClick={() =>
            void act(async () => {
              if (updates !== undefined) setStatus(await updates.check());
            })
          }
        >
          {t('updates.checkNow')}
        </button>
        {status?.offerRestart === true && updates !== undefined && (
          <button type="button" onClick={() => void act(() => updates.restart())}>
            {t('updates.restart')}
          </button>
        )}
      </div>
      <p
        id={`${id}-outcome`}
        role="status"
        aria-live="polite"
        className={line === null ? 'hint' : TONE_CLASS[line.tone]}
      >
        {updates === undefined
          ? t('updates.disabled.browser')
          : line === null
            ? ''
            : t(line.key, {
                version: line.version ?? '',
                percent: formatPercent((line.percent ?? 0) / 100, language, 0),
              })}
      </p>
      {status?.phase.kind === 'downloaded' && !status.offerRestart && (
        <p className="hint">{t('updates.waiting')}</p>
      )}
      {failure !== null && <p className="notice notice--error">{failure}</p>}
      {updates !== undefined && status?.phase.kind !== 'disabled' && (
        <p className="hint">{t('updates.schedule')}</p>
      )}
    </section>
  );
};

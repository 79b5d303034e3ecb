import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import type { ConnectionInfo } from '../../../shared/connection/settings';
import type { ConnectionTestOutcome } from '../../../shared/connection/testConnection';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { PlatformError } from '../../platform/Platform';
import { usePlatform } from '../../platform/PlatformContext';
import { connectBackend } from './profiles/profileActions';
import { useProfileActions } from './profiles/useProfileActions';
import { draftFromInfo, draftIsInsecure, requestFromDraft, type ConnectionDraft } from './connectionForm';

type Notice = { tone: 'ok' | 'warning' | 'error' | 'info'; text: string; error?: unknown } | null;

export const ConnectionSettings = () => {
  const { t } = useTranslation();
  const reason = useFailureReason();
  const platform = usePlatform();
  const actions = useProfileActions();
  const ids = { mode: useId(), baseUrl: useId(), clientId: useId(), secret: useId() };
  const [info, setInfo] = useState<ConnectionInfo | null>(null);
  const [draft, setDraft] = useState<ConnectionDraft | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState(false);
  const [loadFailure, setLoadFailure] = useState<{ error: unknown } | null>(null);

  useAsyncEffect(
    () => ({
      run: () => platform.connection.get(),
      onValue: (value) => {
        setInfo(value);
        setDraft(draftFromInfo(value));
      },
      onError: (error) => setLoadFailure({ error }),
    }),
    [platform],
  );

  if (loadFailure)
    return (
      <section className="card" aria-labelledby={ids.mode}>
        <h2 id={ids.mode}>{t('connection.title')}</h2>
        <FailureNotice
          error={loadFailure.error}
          text={t('connection.test.failed', { detail: reason(loadFailure.error) })}
          area="settings connection load"
        />
      </section>
    );
  if (!info || !draft) return null;

  const update = (patch: Partial<ConnectionDraft>) => {
    setDraft({ ...draft, ...patch });
    setNotices([]);
  };

  const describeOutcome = (outcome: ConnectionTestOutcome): Notice[] =>
    outcome.ok
      ? [
          {
            tone: 'ok',
            text: t('connection.test.ok', { name: outcome.customerName, number: outcome.customerNumber }),
          },
          ...(outcome.costCenters === 'forbidden'
            ? [{ tone: 'warning', text: t('connection.test.costCentersForbidden') } as const]
            : []),
        ]
      : [
          {
            tone: 'error',
            // The detail is the raw error text: it goes to "Copy details", the clerk reads a translated reason.
            text: t(`connection.test.${outcome.code}`, { detail: t('problems.action.unexpected') }),
            error: outcome.code === 'failed' ? outcome.detail : undefined,
          },
        ];

  const run = async (action: 'test' | 'save', target: ConnectionDraft) => {
    const built = requestFromDraft(target, info);
    if (!built.ok) {
      setNotices([{ tone: 'error', text: t(`connection.${built.problem}`) }]);
      return;
    }
    setBusy(true);
    setNotices([
      { tone: 'info', text: t(action === 'test' ? 'connection.testing' : 'connection.saveTesting') },
    ]);
    try {
      if (action === 'test') {
        setNotices(describeOutcome(await platform.connection.test(built.request)));
      } else {
        // Tested first: a refused secret stays on the form and nothing is saved. Once saved, the app
        // restarts on the archive of the customer this back end names.
        const outcome = await connectBackend(actions, built.request);
        if (!outcome.ok) setNotices(describeOutcome(outcome));
      }
    } catch (error) {
      const code =
        error instanceof PlatformError && error.code === 'connection.secretRequired'
          ? 'secretRequired'
          : null;
      setNotices([
        code
          ? { tone: 'error', text: t('connection.secretRequired') }
          : {
              tone: 'error',
              text: t('connection.test.failed', { detail: reason(error) }),
              error,
            },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const storageNote = {
    os: 'connection.storageOs',
    plaintext: 'connection.storagePlaintext',
    session: 'connection.storageSession',
  } as const;

  return (
    <form
      className="card"
      aria-labelledby={ids.mode}
      onSubmit={(event) => {
        event.preventDefault();
        void run('save', draft);
      }}
    >
      <h2 id={ids.mode}>{t('connection.title')}</h2>
      <fieldset className="radio-group">
        <legend>{t('connection.mode')}</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={draft.mode === 'demo'}
            onChange={() => update({ mode: 'demo' })}
          />
          {t('connection.modeDemo')}
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={draft.mode === 'custom'}
            onChange={() => update({ mode: 'custom' })}
          />
          {t('connection.modeCustom')}
        </label>
      </fieldset>
      {draft.mode === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={ids.baseUrl}>{t('connection.baseUrl')}</label>
            <input
              id={ids.baseUrl}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={draft.baseUrl}
              placeholder="https://"
              onChange={(event) => update({ baseUrl: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.clientId}>{t('connection.clientId')}</label>
            <input
              id={ids.clientId}
              autoComplete="off"
              spellCheck={false}
              value={draft.clientId}
              onChange={(event) => update({ clientId: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.secret}>{t('connection.clientSecret')}</label>
            <input
              id={ids.secret}
              type="password"
              autoComplete="new-password"
              value={draft.clientSecret}
              placeholder={
                info.settings.mode === 'custom' && info.hasSecret ? t('connection.secretStored') : ''
              }
              onChange={(event) => update({ clientSecret: event.target.value })}
            />
          </div>
          <p className="hint">{t(storageNote[info.secretStorage])}</p>
          {info.settings.mode === 'custom' && !info.hasSecret && (
            <p className="notice notice--warning">{t('connection.secretAgain')}</p>
          )}
          {draftIsInsecure(draft) && <p className="notice notice--warning">{t('connection.insecure')}</p>}
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void run('test', draft)}>
          {t('connection.testButton')}
        </button>
        <button type="submit" disabled={busy}>
          {t('connection.save')}
        </button>
        {info.settings.mode !== 'demo' && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              const demo: ConnectionDraft = { ...draft, mode: 'demo' };
              setDraft(demo);
              void run('save', demo);
            }}
          >
            {t('connection.useDemo')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {notices.map((notice) =>
          notice ? (
            notice.error !== undefined ? (
              <p key={notice.text}>
                <FailureNotice error={notice.error} text={notice.text} area="settings connection" />
              </p>
            ) : (
              <p key={notice.text} className={`notice notice--${notice.tone}`}>
                {notice.text}
              </p>
            )
          ) : null,
        )}
      </div>
    </form>
  );
};

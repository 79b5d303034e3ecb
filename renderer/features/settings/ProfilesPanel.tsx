import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionHold } from '../../../shared/archive/retention';
import { formatBytes, formatDate, formatDateTime, formatInteger } from '../../../shared/core/format';
import type { Profile } from '../../../shared/profiles/profiles';
import { FailureNotice, useFailureReason } from '../../ui/FailureNotice';
import { useLanguage } from '../../ui/useLanguage';
import { PlatformError } from '../../platform/Platform';
import {
  deleteProfile,
  profileRetentionHold,
  RetentionHoldError,
  switchProfile,
} from './profiles/profileActions';
import { loadRegistry } from './profiles/profileBoot';
import { useProfile } from './profiles/ProfileContext';
import { profileStats, type ProfileStats } from './queries';
import { useProfileActions } from './profiles/useProfileActions';
import { useProfileName } from './profiles/useProfileName';

/**
 * Settings > Customer archives: every profile on this device with what it holds, opened with one
 * click and deleted only after the clerk typed the customer number (its archive may be the only copy
 * of invoices older than the operator's 18 months).
 */
export const ProfilesPanel = () => {
  const { t } = useTranslation();
  const language = useLanguage();
  const reason = useFailureReason();
  const actions = useProfileActions();
  const current = useProfile();
  const nameOf = useProfileName();
  const ids = { title: useId(), confirm: useId(), secret: useId() };
  const [profiles, setProfiles] = useState(() => loadRegistry(actions.storage).profiles);
  const [stats, setStats] = useState<ReadonlyMap<string, ProfileStats>>(new Map());
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const [typed, setTyped] = useState('');
  // What the archive being deleted must still keep (undefined while it is read), and the clerk's confirmation of it.
  const [holdOf, setHoldOf] = useState<{ id: string; hold: RetentionHold } | null>(null);
  const [holdConfirmed, setHoldConfirmed] = useState(false);
  const hold = deleting !== null && holdOf?.id === deleting.id ? holdOf.hold : undefined;
  const [askSecret, setAskSecret] = useState<Profile | null>(null);
  const [secret, setSecret] = useState('');
  const [notice, setNotice] = useState<{ text: string; error?: unknown } | null>(null);
  const confirmField = useRef<HTMLInputElement>(null);
  const secretField = useRef<HTMLInputElement>(null);

  // The confirmation opens below the table: bring it into view and put the cursor where to type.
  useEffect(() => {
    if (deleting === null) return;
    confirmField.current?.scrollIntoView({ block: 'center' });
    confirmField.current?.focus();
  }, [deleting]);
  useEffect(() => {
    if (deleting === null) return;
    let current = true;
    profileRetentionHold(actions, deleting).then(
      (value) => {
        if (current) setHoldOf({ id: deleting.id, hold: value });
      },
      // Unreadable (a newer app's archive): nothing is known to be held, deletion still asks for the word.
      () => {
        if (current) setHoldOf({ id: deleting.id, hold: { count: 0, until: null } });
      },
    );
    return () => {
      current = false;
    };
  }, [actions, deleting]);
  useEffect(() => {
    if (askSecret === null) return;
    secretField.current?.scrollIntoView({ block: 'center' });
    secretField.current?.focus();
  }, [askSecret]);

  useEffect(() => {
    // One archive after the other: reading every block of a big one is work enough at a time.
    const controller = new AbortController();
    void (async () => {
      for (const profile of profiles) {
        const value = await profileStats(profile.databaseName).catch(() => null);
        if (controller.signal.aborted) return;
        if (value) setStats((previous) => new Map(previous).set(profile.id, value));
      }
    })();
    return () => controller.abort();
  }, [profiles]);

  const open = async (profile: Profile, clientSecret?: string) => {
    setNotice(null);
    try {
      await switchProfile(actions, profile, clientSecret);
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'connection.secretRequired') {
        setAskSecret(profile);
        return;
      }
      setNotice({ text: t('profiles.openFailed', { detail: reason(error) }), error });
    }
  };

  const confirmWord = (profile: Profile): string => profile.customerNumber ?? t('profiles.deleteWord');

  const remove = async (profile: Profile) => {
    try {
      await deleteProfile(actions, profile, holdConfirmed && hold ? hold : null);
      setProfiles(loadRegistry(actions.storage).profiles);
      setNotice({ text: t('profiles.deleted', { name: nameOf(profile) }) });
    } catch (error) {
      setNotice({
        text: t('profiles.deleteFailed', {
          detail: error instanceof RetentionHoldError ? t('archive.retention.refused') : reason(error),
        }),
        error,
      });
    } finally {
      setDeleting(null);
      setTyped('');
    }
  };

  const backendLabel = (profile: Profile): string =>
    profile.backend.mode === 'demo' ? t('profiles.demo') : profile.backend.baseUrl;

  return (
    <section className="card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('profiles.title')}</h2>
      <p className="hint">{t('profiles.help')}</p>
      <div className="table-scroll">
        <table className="data profiles" aria-labelledby={ids.title}>
          <thead>
            <tr>
              <th scope="col">{t('profiles.customer')}</th>
              <th scope="col">{t('profiles.backend')}</th>
              <th scope="col" className="num">
                {t('profiles.invoices')}
              </th>
              <th scope="col" className="num">
                {t('profiles.size')}
              </th>
              <th scope="col">{t('profiles.lastSync')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('profiles.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((profile) => {
              const value = stats.get(profile.id);
              const isCurrent = profile.id === current.id;
              return (
                <tr
                  key={profile.id}
                  aria-current={isCurrent ? 'true' : undefined}
                  className={deleting?.id === profile.id ? 'row--marked' : undefined}
                >
                  <td>{nameOf(profile)}</td>
                  <td className="profiles__backend">{backendLabel(profile)}</td>
                  <td className="num">{value ? formatInteger(value.invoices, language) : '…'}</td>
                  <td className="num">{value ? formatBytes(value.bytes, language) : '…'}</td>
                  <td className="nowrap">
                    {value
                      ? value.lastSyncAt
                        ? formatDateTime(value.lastSyncAt, language)
                        : t('profiles.never')
                      : '…'}
                  </td>
                  <td>
                    {isCurrent ? (
                      <span className="badge badge--ok">{t('profiles.current')}</span>
                    ) : (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('profiles.openLabel', { name: nameOf(profile) })}
                          onClick={() => void open(profile)}
                        >
                          {t('profiles.open')}
                        </button>
                        <button
                          type="button"
                          className="secondary danger"
                          aria-label={t('profiles.deleteLabel', { name: nameOf(profile) })}
                          onClick={() => {
                            setHoldConfirmed(false);
                            setDeleting(profile);
                            setTyped('');
                          }}
                        >
                          {t('profiles.delete')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {askSecret && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (secret.trim() !== '') void open(askSecret, secret.trim());
          }}
        >
          <p className="notice notice--warning">{t('profiles.secretNeeded')}</p>
          <div className="field">
            <label htmlFor={ids.secret}>
              {t('profiles.secretFor', {
                url: askSecret.backend.mode === 'custom' ? askSecret.backend.baseUrl : '',
              })}
            </label>
            <input
              id={ids.secret}
              ref={secretField}
              type="password"
              autoComplete="new-password"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit">{t('profiles.open')}</button>
            <button type="button" className="secondary" onClick={() => setAskSecret(null)}>
              {t('profiles.cancel')}
            </button>
          </div>
        </form>
      )}

      {deleting && (
        <form
          className="inline-form"
          role="alertdialog"
          aria-labelledby={ids.confirm}
          onSubmit={(event) => {
            event.preventDefault();
            if (
              typed.trim() === confirmWord(deleting) &&
              hold !== undefined &&
              (hold.count === 0 || holdConfirmed)
            )
              void remove(deleting);
          }}
        >
          <h3 id={ids.confirm}>{t('profiles.deleteTitle', { name: nameOf(deleting) })}</h3>
          <p className="notice notice--warning">{t('profiles.deleteWarning')}</p>
          {hold === undefined ? (
            <p className="hint">{t('archive.retention.checking')}</p>
          ) : (
            hold.count > 0 &&
            hold.until !== null && (
              <>
                <p className="notice notice--error">
                  {t('archive.retention.hold', {
                    count: hold.count,
                    date: formatDate(hold.until, language),
                  })}
                </p>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={holdConfirmed}
                    onChange={(event) => setHoldConfirmed(event.target.checked)}
                  />{' '}
                  {t('archive.retention.acknowledge', { date: formatDate(hold.until, language) })}
                </label>
              </>
            )
          )}
          <div className="field">
            <label htmlFor={`${ids.confirm}-input`}>
              {t('profiles.deleteConfirmLabel', { word: confirmWord(deleting) })}
            </label>
            <input
              id={`${ids.confirm}-input`}
              ref={confirmField}
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          <div className="actions">
            <button
              type="submit"
              className="danger"
              disabled={
                typed.trim() !== confirmWord(deleting) ||
                hold === undefined ||
                (hold.count > 0 && !holdConfirmed)
              }
            >
              {t('profiles.deleteConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setDeleting(null)}>
              {t('profiles.cancel')}
            </button>
          </div>
        </form>
      )}

      <div role="status" aria-live="polite">
        {notice &&
          (notice.error !== undefined ? (
            <FailureNotice error={notice.error} text={notice.text} area="settings profiles" />
          ) : (
            <p className="notice notice--ok">{notice.text}</p>
          ))}
      </div>
    </section>
  );
};

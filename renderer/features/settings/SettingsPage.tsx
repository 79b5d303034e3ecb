import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsyncEffect } from '../../ui/useAsyncEffect';
import type { AppInfo } from '../../../shared/ipc/contract';
import { isLanguage, languages } from '../../../shared/i18n/languages';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { PageHeader } from '../../ui/PageHeader';
import { ConnectionSettings } from './ConnectionSettings';
import { FormatChoiceField } from './FormatChoiceField';
import { OutboxPanel } from './OutboxPanel';
import { PreferencesPanel } from './PreferencesPanel';
import { ProfilesPanel } from './ProfilesPanel';
import { SyncSettings } from './SyncSettings';
import { AlertSettings } from './AlertSettings';
import { TimestampSettings } from './TimestampSettings';
import { DesktopSettingsPanel } from './DesktopSettingsPanel';
import { UpdateSettings } from '../updates/parts';
import { usePlatform } from '../../platform/PlatformContext';
import { themes, type Theme } from './localSettings';
import { useUiStore } from './uiStore';

const themeLabelKey = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
} as const satisfies Record<Theme, string>;

interface SettingsPageProps {
  params: URLSearchParams;
}

export const SettingsPage = ({ params }: SettingsPageProps) => {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const languageId = useId();
  const themeId = useId();
  const { theme, setTheme, rememberLanguage } = useUiStore();
  const [info, setInfo] = useState<AppInfo | null>(null);

  // Without it the About section shows no version; nothing else depends on it.
  useAsyncEffect(() => ({ run: () => platform.getAppInfo(), onValue: setInfo }), [platform]);

  const changeLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    rememberLanguage(value);
    void i18n.changeLanguage(value);
  };

  return (
    <section>
      <PageHeader title={t('pages.settings.title')} />
      <ErrorBoundary variant="panel" area="settings connection">
        <ConnectionSettings />
      </ErrorBoundary>
      <ErrorBoundary variant="panel" area="settings profiles">
        <ProfilesPanel />
      </ErrorBoundary>
      <ErrorBoundary variant="panel" area="settings synchronisation">
        <SyncSettings focused={params.get('section') === 'sync'} />
      </ErrorBoundary>
      <ErrorBoundary variant="panel" area="settings desktop">
        <DesktopSettingsPanel />
      </ErrorBoundary>
      <ErrorBoundary variant="panel" area="settings alerts">
        <AlertSettings />
      </ErrorBoundary>
      <ErrorBoundary variant="panel" area="settings outbox">
        <OutboxPanel focused={params.get('section') === 'outbox'} />
      </ErrorBoundary>
      <PreferencesPanel />
      <ErrorBoundary variant="panel" area="settings time stamp">
        <TimestampSettings />
      </ErrorBoundary>
      <fieldset className="card">
        <legend>{t('settings.appearance')}</legend>
        <div className="field">
          <label htmlFor={languageId}>{t('settings.language')}</label>
          <select
            id={languageId}
            value={i18n.language}
            onChange={(event) => changeLanguage(event.target.value)}
          >
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <FormatChoiceField />
        <div className="field">
          <label htmlFor={themeId}>{t('settings.theme')}</label>
          <select
            id={themeId}
            value={theme}
            onChange={(event) => {
              const next = themes.find((candidate) => candidate === event.target.value);
              if (next) setTheme(next);
            }}
          >
            {themes.map((option) => (
              <option key={option} value={option}>
                {t(themeLabelKey[option])}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <ErrorBoundary variant="panel" area="settings updates">
        <UpdateSettings />
      </ErrorBoundary>
      <section className="card" aria-label={t('settings.about')}>
        <h2>{t('settings.about')}</h2>
        {info && <p>{t('settings.version', { version: info.version, platform: info.platform })}</p>}
      </section>
    </section>
  );
};

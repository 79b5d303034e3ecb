import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopSettings } from '../../../shared/ipc/desktop';
import { usePlatform } from '../../platform/PlatformContext';
import { useAsyncEffect } from '../../ui/useAsyncEffect';

/**
 * What the desktop app does when its window is closed. Kept by main (desktop-settings.json in
 * userData), which decides before the page is there; the browser has no such choice.
 */
export const DesktopSettingsPanel = () => {
  const { t } = useTranslation();
  const platform = usePlatform();
  const store = platform.desktopSettings;
  const id = useId();
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [failed, setFailed] = useState(false);

  useAsyncEffect(
    () =>
      store
        ? {
            run: () => store.get(),
            onValue: setSettings,
            onError: () => setFailed(true),
          }
        : null,
    [store],
  );

  const change = (keepSyncingInBackground: boolean) => {
    if (!store) return;
    setFailed(false);
    store.save({ keepSyncingInBackground }).then(setSettings, () => setFailed(true));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('desktop.title')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.keepSyncingInBackground ?? false}
          disabled={!store || settings === null}
          aria-describedby={`${id}-help`}
          onChange={(event) => change(event.target.checked)}
        />
        {t('desktop.background')}
      </label>
      <p className="hint" id={`${id}-help`}>
        {store ? t('desktop.backgroundHelp') : t('desktop.browserOnly')}
      </p>
      {failed && (
        <p className="notice notice--error" role="alert">
          {t('desktop.saveFailed')}
        </p>
      )}
    </section>
  );
};

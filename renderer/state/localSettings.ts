import { isLanguage, type Language } from '../../shared/i18n/languages';

/**
 * Per-device choices kept in localStorage. The app's origin never changes, so they survive
 * updates; they are device settings, not customer data, so they do not sync.
 */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

const LANGUAGE_KEY = 'invoice-desk.language';
const THEME_KEY = 'invoice-desk.theme';

export const loadLanguage = (storage: Storage): Language | null => {
  const value = storage.getItem(LANGUAGE_KEY);
  return isLanguage(value) ? value : null;
};

export const saveLanguage = (storage: Storage, language: Language): void => {
  storage.setItem(LANGUAGE_KEY, language);
};

export const loadTheme = (storage: Storage): Theme => {
  const value = storage.getItem(THEME_KEY);
  return themes.find((theme) => theme === value) ?? 'system';
};

export const saveTheme = (storage: Storage, theme: Theme): void => {
  storage.setItem(THEME_KEY, theme);
};

const SYNC_INTERVAL_KEY = 'invoice-desk.sync-interval-minutes';
const NOTIFY_KEY = 'invoice-desk.notify-new-invoices';
export const syncIntervals = [0, 5, 15, 30, 60, 120] as const;
export const DEFAULT_SYNC_INTERVAL = 30;

export const loadSyncInterval = (storage: Storage): number => {
  const value = Number(storage.getItem(SYNC_INTERVAL_KEY) ?? DEFAULT_SYNC_INTERVAL);
  return syncIntervals.find((minutes) => minutes === value) ?? DEFAULT_SYNC_INTERVAL;
};

export const saveSyncInterval = (storage: Storage, minutes: number): void => {
  storage.setItem(SYNC_INTERVAL_KEY, String(minutes));
};

export const loadNotifyNewInvoices = (storage: Storage): boolean => storage.getItem(NOTIFY_KEY) !== 'false';

export const saveNotifyNewInvoices = (storage: Storage, notify: boolean): void => {
  storage.setItem(NOTIFY_KEY, String(notify));
};

import { isLanguage, type Language } from '../../../shared/i18n/languages';
import { parseTimestampUrl } from '../../../shared/archive/timestampUrl';

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

/**
 * Choices that belong to one customer's archive (sync interval, notifications, column layouts) are
 * kept per profile; a profile without its own value takes the device's (the value before profiles).
 */
const PROFILE_PREFIX = 'invoice-desk.profile.';
export const profileKey = (profileId: string, key: string): string =>
  `${PROFILE_PREFIX}${profileId}.${key.replace(/^invoice-desk\./, '')}`;

export const readProfileSetting = (storage: Storage, profileId: string | null, key: string): string | null =>
  (profileId === null ? null : storage.getItem(profileKey(profileId, key))) ?? storage.getItem(key);

export const writeProfileSetting = (
  storage: Storage,
  profileId: string | null,
  key: string,
  value: string,
): void => {
  storage.setItem(profileId === null ? key : profileKey(profileId, key), value);
};

/** Forgets every choice of a deleted profile. */
export const clearProfileSettings = (storage: Storage, profileId: string): void => {
  const prefix = `${PROFILE_PREFIX}${profileId}.`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
};

export const loadSyncInterval = (storage: Storage, profileId: string | null = null): number => {
  const value = Number(readProfileSetting(storage, profileId, SYNC_INTERVAL_KEY) ?? DEFAULT_SYNC_INTERVAL);
  return syncIntervals.find((minutes) => minutes === value) ?? DEFAULT_SYNC_INTERVAL;
};

export const saveSyncInterval = (
  storage: Storage,
  minutes: number,
  profileId: string | null = null,
): void => {
  writeProfileSetting(storage, profileId, SYNC_INTERVAL_KEY, String(minutes));
};

export const loadNotifyNewInvoices = (storage: Storage, profileId: string | null = null): boolean =>
  readProfileSetting(storage, profileId, NOTIFY_KEY) !== 'false';

export const saveNotifyNewInvoices = (
  storage: Storage,
  notify: boolean,
  profileId: string | null = null,
): void => {
  writeProfileSetting(storage, profileId, NOTIFY_KEY, String(notify));
};

const NOTIFY_CONFLICTS_KEY = 'invoice-desk.notify-conflicts';

/** On unless the clerk turned it off: a conflict waits for the clerk's decision, like new invoices. */
export const loadNotifyConflicts = (storage: Storage, profileId: string | null = null): boolean =>
  readProfileSetting(storage, profileId, NOTIFY_CONFLICTS_KEY) !== 'false';

export const saveNotifyConflicts = (
  storage: Storage,
  notify: boolean,
  profileId: string | null = null,
): void => {
  writeProfileSetting(storage, profileId, NOTIFY_CONFLICTS_KEY, String(notify));
};

const TIMESTAMP_URL_KEY = 'invoice-desk.timestamp-authority-url';

/**
 * The time-stamping authority's URL, a device setting like the theme: which authority a machine
 * may reach is the machine's matter, whatever customer's archive it exports. Empty means off; a
 * stored value the rules no longer accept counts as off too, so it is never posted to.
 */
export const loadTimestampUrl = (storage: Storage): string => {
  const value = storage.getItem(TIMESTAMP_URL_KEY) ?? '';
  return parseTimestampUrl(value) === null ? '' : value;
};

/** Stores a URL parseTimestampUrl accepts, or forgets it for an empty one; false for anything else. */
export const saveTimestampUrl = (storage: Storage, url: string): boolean => {
  const trimmed = url.trim();
  if (trimmed === '') {
    storage.removeItem(TIMESTAMP_URL_KEY);
    return true;
  }
  if (parseTimestampUrl(trimmed) === null) return false;
  storage.setItem(TIMESTAMP_URL_KEY, trimmed);
  return true;
};

import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memoryStorage';
import {
  DEFAULT_SYNC_INTERVAL,
  loadLanguage,
  loadNotifyNewInvoices,
  loadSyncInterval,
  loadTheme,
  saveLanguage,
  saveNotifyNewInvoices,
  saveSyncInterval,
  saveTheme,
} from './localSettings';

describe('local settings', () => {
  it('round-trips every setting and ignores tampered values', () => {
    const storage = memoryStorage();
    expect(loadLanguage(storage)).toBeNull();
    saveLanguage(storage, 'it');
    expect(loadLanguage(storage)).toBe('it');
    storage.setItem('invoice-desk.language', 'xx');
    expect(loadLanguage(storage)).toBeNull();

    expect(loadTheme(storage)).toBe('system');
    saveTheme(storage, 'dark');
    expect(loadTheme(storage)).toBe('dark');

    expect(loadSyncInterval(storage)).toBe(DEFAULT_SYNC_INTERVAL);
    saveSyncInterval(storage, 0);
    expect(loadSyncInterval(storage)).toBe(0);
    storage.setItem('invoice-desk.sync-interval-minutes', '7');
    expect(loadSyncInterval(storage)).toBe(DEFAULT_SYNC_INTERVAL);

    expect(loadNotifyNewInvoices(storage)).toBe(true);
    saveNotifyNewInvoices(storage, false);
    expect(loadNotifyNewInvoices(storage)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memoryStorage';
import {
  DEFAULT_SYNC_INTERVAL,
  loadLanguage,
  loadNotifyNewInvoices,
  loadSyncInterval,
  loadTheme,
  loadTimestampUrl,
  saveLanguage,
  saveNotifyNewInvoices,
  saveSyncInterval,
  saveTheme,
  saveTimestampUrl,
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

describe('the time-stamping authority URL', () => {
  it('keeps an https URL or a loopback http one, forgets it when emptied, refuses anything else', () => {
    const storage = memoryStorage();
    expect(loadTimestampUrl(storage)).toBe('');
    expect(saveTimestampUrl(storage, ' https://tsa.example/tsr ')).toBe(true);
    expect(loadTimestampUrl(storage)).toBe('https://tsa.example/tsr');
    expect(saveTimestampUrl(storage, 'http://tsa.example/tsr')).toBe(false);
    expect(loadTimestampUrl(storage)).toBe('https://tsa.example/tsr');
    expect(saveTimestampUrl(storage, 'http://127.0.0.1:8787/tsa')).toBe(true);
    expect(loadTimestampUrl(storage)).toBe('http://127.0.0.1:8787/tsa');
    expect(saveTimestampUrl(storage, '')).toBe(true);
    expect(loadTimestampUrl(storage)).toBe('');
  });

  it('treats a stored value the rules refuse as off, so nothing is ever posted to it', () => {
    const storage = memoryStorage();
    storage.setItem('invoice-desk.timestamp-authority-url', 'http://intranet.example/tsa');
    expect(loadTimestampUrl(storage)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { DEVICE_ID_KEY, loadAuditDevice } from './device';

const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => items.delete(key),
    setItem: (key, value) => items.set(key, value),
  };
};

const platform = {
  getAppInfo: () =>
    Promise.resolve({
      name: 'Invoice Desk',
      version: '1',
      platform: 'linux' as const,
      locale: 'de-CH',
      deviceName: 'Linux (desk-3)',
    }),
};

describe('the audit device', () => {
  it('makes an id once per install and keeps it', async () => {
    const storage = memoryStorage();
    let made = 0;
    const newId = () => `id-${++made}`;
    expect(await loadAuditDevice(storage, platform, newId)).toEqual({ id: 'id-1', name: 'Linux (desk-3)' });
    expect(await loadAuditDevice(storage, platform, newId)).toEqual({ id: 'id-1', name: 'Linux (desk-3)' });
    expect(storage.getItem(DEVICE_ID_KEY)).toBe('id-1');
  });

  it('still has an id when the platform cannot name the device', async () => {
    const device = await loadAuditDevice(
      memoryStorage(),
      { getAppInfo: () => Promise.reject(new Error('no')) },
      () => 'x',
    );
    expect(device).toEqual({ id: 'x', name: '' });
  });
});

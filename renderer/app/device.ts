import type { AuditDevice } from '../../shared/audit/device';
import type { Platform } from '../platform/Platform';

/** Per install (per browser profile and origin on the web), shared by every profile's archive. */
export const DEVICE_ID_KEY = 'invoice-desk.deviceId';

/** This install's random id, made at its first start; a random UUID says nothing about the machine. */
export const loadDeviceId = (storage: Storage, newId: () => string): string => {
  const stored = storage.getItem(DEVICE_ID_KEY);
  if (stored !== null && stored !== '') return stored;
  const id = newId();
  storage.setItem(DEVICE_ID_KEY, id);
  return id;
};

/** The device the audit log stamps on this install's entries: its id and the platform's name for it. */
export const loadAuditDevice = async (
  storage: Storage,
  platform: Pick<Platform, 'getAppInfo'>,
  newId: () => string = () => crypto.randomUUID(),
): Promise<AuditDevice> => {
  const id = loadDeviceId(storage, newId);
  const info = await platform.getAppInfo().catch(() => null);
  return { id, name: info?.deviceName ?? '' };
};

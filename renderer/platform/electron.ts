import type { InvoiceDeskBridge, IpcResult } from '../../shared/ipc/contract';
import { PlatformError, type Platform } from './Platform';

const unwrap = <T>(result: IpcResult<T>): T => {
  if (result.ok) return result.value;
  throw new PlatformError(result.error.code, result.error.message);
};

export const createElectronPlatform = (bridge: InvoiceDeskBridge): Platform => ({
  kind: 'electron',
  getAppInfo: async () => unwrap(await bridge.getAppInfo(undefined)),
  openExternal: async (url) => {
    const result = await bridge.openExternal({ url });
    return result.ok;
  },
});

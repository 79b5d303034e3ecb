import { fromApiResponse, toApiRequest } from '../../shared/connection/apiRequest';
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
  connection: {
    get: async () => unwrap(await bridge.getConnection(undefined)),
    save: async (request) => {
      const result = await bridge.saveConnection(request);
      if (!result.ok && result.error.code === 'ipc.notAllowed')
        throw new PlatformError('connection.secretRequired', result.error.message);
      return unwrap(result);
    },
    test: async (request) => unwrap(await bridge.testConnection(request)),
  },
  saveFile: async (file) => unwrap(await bridge.saveFile(file)),
  notify: async (title, body) => (await bridge.notify({ title, body })).ok,
  apiFetch: async (path, init) => {
    init.signal?.throwIfAborted();
    const result = await bridge.apiRequest(toApiRequest(path, init));
    init.signal?.throwIfAborted();
    // Like fetch, a transport failure rejects with a TypeError; the API client treats it as a network error.
    if (!result.ok) throw new TypeError(result.error.message);
    return fromApiResponse(result.value);
  },
});

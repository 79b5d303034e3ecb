import type { App, Shell } from 'electron';
import type { AppInfo } from '../shared/ipc/contract';
import { IpcRefusal, type IpcHandlers } from './ipc';
import { openExternalSafely } from './security';

export interface HandlerDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getLocale'>;
  shell: Pick<Shell, 'openExternal'>;
  platform: NodeJS.Platform;
}

const toAppPlatform = (platform: NodeJS.Platform): AppInfo['platform'] =>
  platform === 'win32' || platform === 'darwin' ? platform : 'linux';

export const createIpcHandlers = ({ app, shell, platform }: HandlerDeps): IpcHandlers => ({
  getAppInfo: () =>
    Promise.resolve({
      name: app.getName(),
      version: app.getVersion(),
      platform: toAppPlatform(platform),
      locale: app.getLocale(),
    }),
  openExternal: async ({ url }) => {
    if (!(await openExternalSafely(shell, url))) {
      throw new IpcRefusal('ipc.notAllowed', 'Only https links open outside the app');
    }
    return undefined;
  },
});

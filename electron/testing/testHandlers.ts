import { createConnectionService } from '../../shared/connection/service';
import { createIpcHandlers, type HandlerDeps } from '../handlers';
import { registerIpcHandlers } from '../ipc';
import { createFakeIpcMain, createFakeShell, unusedArchiveKey, unusedSaveStreams } from './fakeElectron';

/** A connection that never reaches a back end: for tests whose handlers do not talk to one. */
export const offlineConnection = () =>
  createConnectionService({
    settings: { read: () => null, write: () => undefined },
    secret: { storage: 'os', load: () => null, save: () => undefined },
    demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
    fetch: () => Promise.reject(new TypeError('offline')),
  });

/**
 * main's IPC handlers registered on a fake ipcMain, every dependency a harmless default except
 * those the test hands over: each test names only the part of main it is about.
 */
export const createTestHandlers = (overrides: Partial<HandlerDeps> = {}) => {
  const ipc = createFakeIpcMain();
  const handlers = createIpcHandlers({
    app: { getName: () => 'Invoice Desk', getVersion: () => '1', getLocale: () => 'de-CH' },
    shell: createFakeShell(),
    platform: 'linux',
    connection: offlineConnection(),
    notify: () => true,
    saveFile: () => Promise.resolve('saved'),
    saveStreams: unusedSaveStreams,
    archiveKey: unusedArchiveKey,
    openFile: () => Promise.resolve(null),
    ...overrides,
  });
  const registration = registerIpcHandlers(ipc.registrar, handlers);
  return { ipc, invoke: ipc.invoke, handlers, registration };
};

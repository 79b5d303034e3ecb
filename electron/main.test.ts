import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import {
  createFakeDialog,
  createFakeIpcMain,
  createFakeSession,
  createFakeShell,
  FakeBrowserWindow,
} from './testing/fakeElectron';

/** A typed fake of the `electron` module as main.ts uses it, rebuilt for every test. */
const createFakeElectron = (lockGranted: boolean) => {
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    readyResolve: (): void => undefined,
    ready: Promise.resolve(),
    requestSingleInstanceLock: () => lockGranted,
    quit: () => {
      app.quitCalls += 1;
    },
    whenReady: () => app.ready,
    getPath: () => '/tmp/invoice-desk-test-user-data',
    getName: () => 'Invoice Desk',
    getVersion: () => '0.1.0',
    getLocale: () => 'fr-CH',
  });
  app.ready = new Promise<void>((resolve) => {
    app.readyResolve = resolve;
  });
  const windows: FakeBrowserWindow[] = [];
  const schemes: unknown[] = [];
  const handledSchemes: string[] = [];
  const ipc = createFakeIpcMain();
  const session = createFakeSession();
  return {
    app,
    windows,
    schemes,
    handledSchemes,
    ipc,
    session,
    module: {
      app,
      BrowserWindow: Object.assign(
        function BrowserWindow(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
          const window = new FakeBrowserWindow(options);
          windows.push(window);
          return window;
        },
        { getAllWindows: () => windows },
      ),
      dialog: createFakeDialog(),
      ipcMain: ipc.registrar,
      net: { fetch: () => Promise.resolve(new Response('')) },
      protocol: {
        registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list),
        handle: (scheme: string) => handledSchemes.push(scheme),
      },
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (data: Buffer) => data.toString(),
      },
      Notification: Object.assign(
        function Notification() {
          return { show: () => undefined };
        },
        { isSupported: () => true },
      ),
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: { defaultSession: session },
      shell: createFakeShell(),
    },
  };
};

const loadMainWith = async (lockGranted: boolean) => {
  const fake = createFakeElectron(lockGranted);
  vi.doMock('electron', () => fake.module);
  await import('./main');
  return fake;
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main process start-up', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('registers the app scheme before ready, then hardens, serves and opens one window', async () => {
    const fake = await loadMainWith(true);
    expect(fake.schemes).toMatchObject([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
    ]);
    expect(fake.windows).toHaveLength(0);

    fake.app.readyResolve();
    await flush();
    expect(fake.session.requestHandler).not.toBeNull();
    expect(fake.handledSchemes).toEqual([APP_SCHEME]);
    expect([...fake.ipc.handlers.keys()].sort()).toEqual(ipcMessages.map(ipcChannel).sort());
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(window.options.webPreferences?.preload)).toMatch(/preload\.cjs$/);
  });

  it('removes every IPC handler when the app quits', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    expect(fake.ipc.handlers.size).toBe(ipcMessages.length);
    fake.app.emit('will-quit');
    expect(fake.ipc.handlers.size).toBe(0);
  });

  it('lets links open only on the help site while the demo back end is configured', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    const openWindow = fake.windows[0]?.webContents.windowOpenHandler;
    openWindow?.({ url: 'https://www.post.ch/' });
    openWindow?.({ url: 'https://help.invoice-desk.example/de/' });
    await flush();
    expect(fake.module.shell.opened).toEqual(['https://help.invoice-desk.example/de/']);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = await loadMainWith(false);
    fake.app.readyResolve();
    await flush();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });
});

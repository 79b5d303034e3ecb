import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { APP_COMMAND_CHANNEL } from '../shared/ipc/appCommands';
import { formatPercent } from '../shared/core/format';
import {
  createFakeDialog,
  createFakeIpcMain,
  createFakeSession,
  createFakeShell,
  FakeBrowserWindow,
  FakeNotification,
  fakeMenu,
  fakeNativeImage,
  FakeTray,
} from './testing/fakeElectron';

/** A typed fake of the `electron` module as main.ts uses it, rebuilt for every test. */
const createFakeElectron = (lockGranted: boolean) => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-main-'));
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    readyResolve: (): void => undefined,
    ready: Promise.resolve(),
    requestSingleInstanceLock: () => lockGranted,
    quit: () => {
      app.quitCalls += 1;
    },
    whenReady: () => app.ready,
    // Each test its own userData: settings written by one never reach the next.
    getPath: () => userData,
    getName: () => 'Invoice Desk',
    getVersion: () => '0.1.0',
    getLocale: () => 'fr-CH',
    isReady: () => true,
    isPackaged: false,
  });
  app.ready = new Promise<void>((resolve) => {
    app.readyResolve = resolve;
  });
  const windows: FakeBrowserWindow[] = [];
  const schemes: unknown[] = [];
  const handledSchemes: string[] = [];
  const ipc = createFakeIpcMain();
  const session = createFakeSession();
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  return {
    app,
    windows,
    trays,
    notifications,
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
        function Notification(options: { title: string; body: string }) {
          const notification = new FakeNotification(options);
          notifications.push(notification);
          return notification;
        },
        { isSupported: () => true },
      ),
      Tray: function Tray() {
        const tray = new FakeTray();
        trays.push(tray);
        return tray;
      },
      Menu: fakeMenu,
      nativeImage: fakeNativeImage,
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

describe('tray, background sync and notifications in main', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  const started = async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    const window = fake.windows[0];
    const tray = fake.trays[0];
    if (!window || !tray) throw new Error('no window or no tray');
    window.emit('ready-to-show');
    return { fake, window, tray };
  };

  const syncState = {
    phase: 'syncing',
    progress: { done: 1, total: 4 },
    unsettled: 0,
    lastSuccessAt: null,
    language: 'de',
  } as const;

  it('shows a tray icon whose tooltip and menu follow the state and language the page reports', async () => {
    const { fake, tray } = await started();
    // Before the page speaks: the OS language (fr-CH here).
    expect(tray.menu?.map((item) => item.label ?? '—')).toEqual([
      'Synchroniser maintenant',
      'Ouvrir Invoice Desk',
      '—',
      'Quitter',
    ]);
    expect(await fake.ipc.invoke('reportSyncState', syncState)).toEqual({ ok: true, value: undefined });
    expect(tray.tooltip.split('\n').slice(0, 2)).toEqual([
      'Invoice Desk',
      `Synchronisiert… ${formatPercent(0.25, 'de', 0)}`,
    ]);
    expect(tray.menu?.[0]).toMatchObject({ label: 'Jetzt synchronisieren', enabled: false });
    // A state outside the contract changes nothing.
    expect(await fake.ipc.invoke('reportSyncState', { ...syncState, phase: 'asleep' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
  });

  it('sends Sync now to the page without bringing the window forward; Open shows it', async () => {
    const { tray, window } = await started();
    window.hide();
    tray.click('Synchroniser maintenant');
    expect(window.webContents.sent).toEqual([{ channel: APP_COMMAND_CHANNEL, args: [{ kind: 'syncNow' }] }]);
    expect(window.shown).toBe(false);
    tray.click('Ouvrir Invoice Desk');
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('closes the window as today while background sync is off (the default)', async () => {
    const { fake, window } = await started();
    expect(await fake.ipc.invoke('getDesktopSettings', undefined)).toEqual({
      ok: true,
      value: { keepSyncingInBackground: false },
    });
    expect(window.attemptClose()).toBe(true);
  });

  it('hides the window on close with background sync on; the tray quits for real', async () => {
    const { fake, window, tray } = await started();
    expect(await fake.ipc.invoke('saveDesktopSettings', { keepSyncingInBackground: true })).toEqual({
      ok: true,
      value: { keepSyncingInBackground: true },
    });
    expect(window.attemptClose()).toBe(false);
    expect(window.shown).toBe(false);
    expect(window.destroyed).toBe(false);

    // macOS: a click on the Dock icon shows the hidden window, no second one.
    fake.app.emit('activate');
    expect(window.shown).toBe(true);
    expect(fake.windows).toHaveLength(1);

    tray.click('Quitter');
    expect(fake.app.quitCalls).toBe(1);
    expect(window.attemptClose()).toBe(true);
  });

  it('a click on a notification shows the hidden window on the page of its kind', async () => {
    const { fake, window } = await started();
    await fake.ipc.invoke('saveDesktopSettings', { keepSyncingInBackground: true });
    window.attemptClose();
    expect(
      await fake.ipc.invoke('notify', { title: '2 modifications', body: '…', kind: 'conflicts' }),
    ).toEqual({ ok: true, value: undefined });
    const notification = fake.notifications[0];
    expect(notification?.shown).toBe(true);
    notification?.emit('click');
    expect(window.shown).toBe(true);
    expect(window.webContents.sent).toEqual([
      {
        channel: APP_COMMAND_CHANNEL,
        args: [{ kind: 'navigate', route: '/settings', query: 'section=outbox' }],
      },
    ]);
    // The page cannot ask for any other target than the kinds' own.
    expect(
      await fake.ipc.invoke('notify', { title: 'x', body: '', kind: 'https://evil.example/' }),
    ).toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
  });

  it('removes the tray when the app quits', async () => {
    const { fake, tray } = await started();
    fake.app.emit('will-quit');
    expect(tray.destroyed).toBe(true);
  });
});

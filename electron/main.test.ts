import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL, ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { formatPercent } from '../shared/core/format';
import {
  createFakeDialog,
  createFakeIpcMain,
  createFakeSession,
  createFakeShell,
  FakeBrowserWindow,
  FakeNotification,
  fakeNativeImage,
  FakeTray,
} from './testing/fakeElectron';

/** A typed fake of the `electron` module as main.ts uses it, rebuilt for every test. */
// Each test its own userData unless it says which: settings written by one never reach the next.
const createFakeElectron = (
  lockGranted: boolean,
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-main-')),
) => {
  const aboutPanels: unknown[] = [];
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    readyResolve: (): void => undefined,
    ready: Promise.resolve(),
    requestSingleInstanceLock: () => lockGranted,
    quit: () => {
      app.quitCalls += 1;
    },
    whenReady: () => app.ready,
    getPath: () => userData,
    getAppPath: () => path.resolve('.'),
    getName: () => 'Invoice Desk',
    getVersion: () => '0.1.0',
    getLocale: () => 'fr-CH',
    isPackaged: true,
    aboutPanels,
    setAboutPanelOptions: (options: unknown) => {
      aboutPanels.push(options);
    },
    isReady: () => true,
  });
  app.ready = new Promise<void>((resolve) => {
    app.readyResolve = resolve;
  });
  const windows: FakeBrowserWindow[] = [];
  const schemes: unknown[] = [];
  const handledSchemes: string[] = [];
  const ipc = createFakeIpcMain();
  const session = createFakeSession();
  /** Every application menu main set, the latest last, as the templates it built them from. */
  const menus: MenuItemConstructorOptions[][] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  return {
    app,
    menus,
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
      Menu: {
        buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
        setApplicationMenu: (menu: MenuItemConstructorOptions[]) => menus.push(menu),
      },
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
      nativeImage: fakeNativeImage,
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: { defaultSession: session },
      shell: createFakeShell(),
    },
  };
};

const loadMainWith = async (lockGranted: boolean, userData?: string) => {
  const fake = createFakeElectron(lockGranted, userData);
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

  it('focuses the first window, restored, when the clerk starts the app again', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(fake.windows).toHaveLength(1);
  });
});

const itemOf = (template: MenuItemConstructorOptions[] | undefined, id: string) => {
  const items = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
  const item = items(template ?? []).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
};

const click = (item: MenuItemConstructorOptions, window: unknown) => {
  const handler = item.click as ((menuItem: unknown, window: unknown, event: unknown) => void) | undefined;
  handler?.(item, window, {});
};

describe('main process: application menu, zoom and last page', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('sets the menu in the OS language, and sends a click’s command to the window it was chosen in', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    expect(fake.menus).toHaveLength(1);
    const menu = fake.menus[0];
    expect(itemOf(menu, 'syncNow').label).toBe('Synchroniser maintenant');
    const window = fake.windows[0]!;
    window.minimized = true;
    click(itemOf(menu, 'syncNow'), window);
    click(itemOf(menu, 'settings'), window);
    // With no window focused (macOS), the command goes to the app's window all the same.
    click(itemOf(menu, 'importCostCenters'), undefined);
    expect(window.webContents.sent).toEqual([
      { channel: APP_COMMAND_CHANNEL, args: [{ kind: 'syncNow' }] },
      { channel: APP_COMMAND_CHANNEL, args: [{ kind: 'openSettings' }] },
      { channel: APP_COMMAND_CHANNEL, args: [{ kind: 'importCostCenters' }] },
    ]);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(fake.app.aboutPanels.at(-1)).toMatchObject({
      applicationName: 'Invoice Desk',
      applicationVersion: '0.1.0',
    });
  });

  it('rebuilds the menu when the page switches language, and only then', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    expect(await fake.ipc.invoke('setLanguage', { language: 'de' })).toEqual({ ok: true, value: undefined });
    expect(fake.menus).toHaveLength(2);
    expect(fake.menus[1]?.map((menu) => menu.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(itemOf(fake.menus[1], 'importCostCenters').label).toBe('Kostenstellen importieren…');
    await fake.ipc.invoke('setLanguage', { language: 'de' });
    expect(fake.menus).toHaveLength(2);
    expect(await fake.ipc.invoke('setLanguage', { language: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    await fake.ipc.invoke('setLanguage', { language: 'it' });
    expect(itemOf(fake.menus[2], 'syncNow').label).toBe('Sincronizza ora');
  });

  it('opens the help site in the menu’s language in the OS browser', async () => {
    const fake = await loadMainWith(true);
    fake.app.readyResolve();
    await flush();
    await fake.ipc.invoke('setLanguage', { language: 'it' });
    click(itemOf(fake.menus.at(-1), 'help'), undefined);
    await flush();
    expect(fake.module.shell.opened).toEqual(['https://help.invoice-desk.example/it/']);
  });

  it('comes back after a restart on the last page, at the zoom the clerk chose', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-main-'));
    try {
      const first = await loadMainWith(true, userData);
      first.app.readyResolve();
      await flush();
      const window = first.windows[0]!;
      expect(window.loadedUrl).toBe(APP_ENTRY_URL);
      click(itemOf(first.menus[0], 'zoomIn'), window);
      click(itemOf(first.menus[0], 'zoomIn'), window);
      expect(window.webContents.zoomFactor).toBe(1.25);
      window.webContents.emit('did-navigate-in-page', {}, `${APP_ENTRY_URL}#/analytics?period=ytd`);
      window.webContents.emit('zoom-changed', {}, 'out');

      vi.resetModules();
      const second = await loadMainWith(true, userData);
      second.app.readyResolve();
      await flush();
      const reopened = second.windows[0]!;
      expect(reopened.loadedUrl).toBe(`${APP_ENTRY_URL}#/analytics`);
      reopened.webContents.emit('did-finish-load');
      expect(reopened.webContents.zoomFactor).toBe(1.1);
    } finally {
      fs.rmSync(userData, { recursive: true, force: true });
    }
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

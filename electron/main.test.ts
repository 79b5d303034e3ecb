import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL, ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import {
  createFakeDialog,
  createFakeIpcMain,
  createFakeSession,
  createFakeShell,
  FakeBrowserWindow,
} from './testing/fakeElectron';

/** A typed fake of the `electron` module as main.ts uses it, rebuilt for every test. */
const createFakeElectron = (lockGranted: boolean, userData = '/tmp/invoice-desk-test-user-data') => {
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
    getName: () => 'Invoice Desk',
    getVersion: () => '0.1.0',
    getLocale: () => 'fr-CH',
    isPackaged: true,
    aboutPanels,
    setAboutPanelOptions: (options: unknown) => {
      aboutPanels.push(options);
    },
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
  return {
    app,
    menus,
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

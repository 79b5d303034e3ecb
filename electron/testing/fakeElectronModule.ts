import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import {
  createFakeDialog,
  createFakeIpcMain,
  createFakeOpenDialog,
  createFakeSafeStorage,
  createFakeSession,
  createFakeShell,
  FakeBrowserWindow,
  FakeNotification,
  fakeNativeImage,
  FakeTray,
} from './fakeElectron';

/**
 * The whole `electron` module as the bundled main process sees it (tests/unit/mainBundleStart.test.ts
 * loads dist's main.cjs against it), built from the typed parts in fakeElectron.ts.
 *
 * It is strict: reading anything it does not provide throws a MissingFakeError naming the part, so a
 * new use of Electron in main.ts (a Menu, a Tray, the autoUpdater) fails here with a message that
 * says what to add, instead of an "is not a function" far from its cause.
 */
export class MissingFakeError extends Error {
  override readonly name = 'MissingFakeError';
}

// Keys that loaders, promises and inspectors probe on any object: absent is the honest answer.
const PROBED_KEYS = new Set(['then', '__esModule', 'default', 'toJSON', 'inspect', 'constructor']);

// Plain objects and emitters (app, webContents), and the module's classes (BrowserWindow.getFocusedWindow
// must fail as loudly as Menu); not promises, buffers or methods, which a proxy would only get in the way of.
const isStrictable = (key: string, value: unknown): value is object =>
  (typeof value === 'function' && /^[A-Z]/.test(key)) ||
  (typeof value === 'object' &&
    value !== null &&
    (Object.getPrototypeOf(value) === Object.prototype || value instanceof EventEmitter));

const strict = <T extends object>(where: string, target: T): T => {
  // One proxy per object, so identity holds (the same webContents on every read).
  const children = new Map<PropertyKey, object>();
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol') return Reflect.get(object, key, receiver);
      if (key in object) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (!isStrictable(key, value)) return value;
        const known = children.get(key);
        if (known) return known;
        const child = strict(`${where}.${key}`, value);
        children.set(key, child);
        return child;
      }
      if (PROBED_KEYS.has(key)) return undefined;
      throw new MissingFakeError(
        `The fake electron module has no ${where}.${key}, which the main process now uses: ` +
          'add it to electron/testing/fakeElectronModule.ts.',
      );
    },
  });
};

export interface FakeElectronOptions {
  /** Where app.getPath('userData') points: a temporary folder the test owns. */
  userData: string;
  /** false = another instance holds the single-instance lock. */
  lockGranted?: boolean;
  locale?: string;
}

export const createFakeElectronModule = ({
  userData,
  lockGranted = true,
  locale = 'de-CH',
}: FakeElectronOptions) => {
  let resolveReady: () => void = () => undefined;
  const aboutPanels: unknown[] = [];
  /** Every application menu main set, the latest last, as the template it was built from. */
  const menus: MenuItemConstructorOptions[][] = [];
  let isReady = false;
  const ready = new Promise<void>((resolve) => {
    resolveReady = () => {
      isReady = true;
      resolve();
    };
  });
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    requestSingleInstanceLock: () => lockGranted,
    quit: () => {
      app.quitCalls += 1;
    },
    whenReady: () => ready,
    getPath: (name: string): string => {
      if (name !== 'userData') throw new MissingFakeError(`The fake app has no path "${name}"`);
      return userData;
    },
    // Where the asar's files (the tray's icons) are: the repository, as in development.
    getAppPath: () => process.cwd(),
    getName: () => 'Invoice Desk',
    getVersion: () => '0.1.0',
    getLocale: () => locale,
    // As installed: no developer tools in the menu; without a feed URL the updater stays off and
    // electron-updater is never loaded.
    isPackaged: true,
    setAboutPanelOptions: (options: unknown) => {
      aboutPanels.push(options);
    },
    isReady: () => isReady,
  });
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const windows: FakeBrowserWindow[] = [];
  const schemes: unknown[] = [];
  const handledSchemes: string[] = [];
  const ipc = createFakeIpcMain();
  const session = createFakeSession();
  const shell = createFakeShell();
  const saveDialog = createFakeDialog();
  const openDialog = createFakeOpenDialog();
  const electron = {
    app,
    BrowserWindow: Object.assign(
      function BrowserWindow(options: BrowserWindowConstructorOptions) {
        const window = new FakeBrowserWindow(options);
        windows.push(window);
        return strict('BrowserWindow#instance', window);
      },
      { getAllWindows: () => windows },
    ),
    dialog: {
      showSaveDialog: saveDialog.showSaveDialog,
      showOpenDialog: openDialog.showOpenDialog,
    },
    ipcMain: ipc.registrar,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => {
        menus.push(menu);
      },
    },
    // Start-up must not reach the network; a test that needs answers brings its own fake.
    net: { fetch: () => Promise.reject(new Error('no network in the fake electron module')) },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        schemes.push(...list);
      },
      handle: (scheme: string) => {
        handledSchemes.push(scheme);
      },
    },
    // Linux asks which keyring backs safeStorage; a desktop with a keyring is the usual answer.
    safeStorage: Object.assign(createFakeSafeStorage(), {
      getSelectedStorageBackend: () => 'gnome_libsecret',
    }),
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
    shell,
  };
  return {
    /** What `require('electron')` returns: strict, see MissingFakeError. */
    module: strict('electron', electron),
    /** Resolves app.whenReady(), as Electron does once it has started. */
    makeReady: () => {
      resolveReady();
    },
    app,
    aboutPanels,
    menus,
    windows,
    schemes,
    handledSchemes,
    ipc,
    session,
    shell,
    trays,
    notifications,
  };
};

export type FakeElectronModule = ReturnType<typeof createFakeElectronModule>;

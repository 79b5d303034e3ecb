import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { startEmbeddedSimulator } from '../simulator/embedded';
import { createConnectionService, type ConnectionService } from '../shared/connection/service';
import { DEFAULT_CONNECTION } from '../shared/connection/settings';
import { externalLinkHosts, HELP_SITE_URL } from '../shared/externalLinks';
import { catalogues } from '../shared/i18n/catalogues';
import { pickLanguage, type Language } from '../shared/i18n/languages';
import { webcrypto } from 'node:crypto';
import { createArchiveKey } from './archiveKey';
import { createCredentialVault } from './credentialVault';
import { createDemoBackend } from './demoBackend';
import { binaryFile, textFile } from './userFiles';
import { createIpcHandlers } from './handlers';
import { createUpdater } from './updater';
import { UPDATE_STATUS_EVENT } from '../shared/ipc/channels';
import { registerIpcHandlers } from './ipc';
import { appSchemePrivileges, registerAppProtocol } from './protocol';
import { createOpenFile } from './openFile';
import { createSaveFile, defaultSaveFolder, fileTypeNameFor } from './saveFile';
import { createSaveStreams } from './saveStream';
import { denyAllPermissions, hardenWebContents, openExternalSafely } from './security';
import { createMainWindow } from './window';
import { restoreWindowState, type WindowStateFiles } from './windowState';
import { createDesktopSettingsStore, createWindowKeeper } from './background';
import { createNotifier } from './notifications';
import { createAppTray, trayIconFile } from './tray';
import { sendAppCommand } from './commands';
import { entryUrl, rememberLastPage } from './lastPage';
import { buildMenuTemplate } from './menu';
import { createZoom, type Zoom } from './zoom';
import { APP_COMMAND_CHANNEL } from '../shared/ipc/appCommands';
import { initialDesktopSyncState } from '../shared/ipc/desktop';

// Wiring only: every decision lives in a module with its own tests.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);

const userFile = (name: string): string => path.join(app.getPath('userData'), name);
const stateFiles: WindowStateFiles = textFile(() => userFile('window-state.json'));
const zoomFiles: WindowStateFiles = textFile(() => userFile('zoom.json'));
const lastPageFiles: WindowStateFiles = textFile(() => userFile('last-page.json'));

// Set once the app is ready; links follow the back end the clerk configured (and, before that, the
// help site only).
let readyConnection: ConnectionService | null = null;
const externalHosts = (): readonly string[] =>
  externalLinkHosts(readyConnection?.info().settings ?? DEFAULT_CONNECTION);

// The window's zoom, kept across restarts; the View menu acts on it.
let zoom: Zoom | null = null;

const openMainWindow = (): BrowserWindow => {
  const window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    shell,
    externalHosts,
    preloadPath: path.join(__dirname, 'preload.cjs'),
    state: restoreWindowState(
      stateFiles,
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    stateFiles,
    entryUrl: entryUrl(lastPageFiles),
  });
  zoom = createZoom(window.webContents, zoomFiles);
  rememberLastPage(window.webContents, lastPageFiles);
  return window;
};

/**
 * The tray's icon, drawn from resources/icon.svg by `npm run icons` and packed in the asar
 * (electron-builder.yml `files`); the app's path is the repository in development. Electron picks
 * the @2x file beside it on high-density screens.
 */
const trayImage = () =>
  nativeImage.createFromPath(
    path.join(app.getAppPath(), 'resources', 'tray', trayIconFile(process.platform)),
  );

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const desktopSettings = createDesktopSettingsStore(textFile(() => userFile('desktop-settings.json')));
  // With background sync on, a closed window is only hidden: the keeper shows it again.
  const keeper = createWindowKeeper({
    app,
    keepSyncing: () => desktopSettings.get().keepSyncingInBackground,
    openWindow: openMainWindow,
  });
  app.on('second-instance', () => {
    if (app.isReady()) keeper.show();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell, externalHosts);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    registerAppProtocol(protocol, net, path.join(__dirname, '..', 'renderer'));
    const vault = createCredentialVault(
      safeStorage,
      binaryFile(userFile('client-secret.bin')),
      process.platform,
      (message) => {
        console.warn(message);
      },
    );
    // Demo mode: the simulator runs in-process on loopback, its writable resources kept beside the app's data.
    const demo = createDemoBackend(() =>
      startEmbeddedSimulator({ port: 0, persistPath: userFile('demo-backend.json') }),
    );
    app.on('will-quit', () => {
      void demo.stop();
    });
    const connection = createConnectionService({
      settings: textFile(userFile('connection.json')),
      secret: vault,
      demoUrl: () => demo.url(),
      // Never follow a redirect (the transport refuses them too); the signal it passes aborts net.fetch.
      fetch: (url, init) => net.fetch(url, { ...init, redirect: 'manual' }),
    });
    readyConnection = connection;
    const notify = createNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      showWindow: () => ({ opened: keeper.show().opened }),
      navigate: (target) => sendAppCommand(keeper.current(), { kind: 'navigate', ...target }),
    });
    const tray = createAppTray({
      createTray: () => new Tray(trayImage()),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      platform: process.platform,
      run: (command) => {
        if (command === 'open') keeper.show();
        else if (command === 'quit') keeper.quit();
        // Syncing needs no window in front: a hidden page syncs as well.
        else keeper.current()?.webContents.send(APP_COMMAND_CHANNEL, { kind: 'syncNow' });
      },
      initial: initialDesktopSyncState(pickLanguage([app.getLocale()])),
    });
    app.on('will-quit', () => {
      tray.dispose();
    });
    // The menu speaks the page's language: the OS's until the page tells its own (setLanguage).
    let language: Language = pickLanguage([app.getLocale()]);
    const applyMenu = () => {
      const template = buildMenuTemplate({
        platform: process.platform,
        labels: catalogues[language].menu,
        packaged: app.isPackaged,
        // The app has one window: a command goes to it (shown again if it was hidden or closed).
        send: (command) => {
          const { window, opened } = keeper.show();
          // A window opened just now has no page yet to take the command: it opens on its last page.
          if (!opened) sendAppCommand(window, command);
        },
        zoom: {
          zoomIn: () => zoom?.zoomIn(),
          zoomOut: () => zoom?.zoomOut(),
          reset: () => zoom?.reset(),
        },
        openHelp: () => {
          void openExternalSafely(shell, `${HELP_SITE_URL}${language}/`, externalHosts);
        },
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };
    app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });
    applyMenu();
    const saveFile = createSaveFile({
      showSaveDialog: (options) => {
        const window = keeper.current();
        return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
      },
      defaultFolder: () => defaultSaveFolder(app),
      fileTypeName: fileTypeNameFor(() => app.getLocale()),
    });
    const saveStreams = createSaveStreams({
      showSaveDialog: (options) => {
        const window = keeper.current();
        return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
      },
      defaultFolder: () => defaultSaveFolder(app),
      fileTypeName: fileTypeNameFor(() => app.getLocale()),
    });
    const openFile = createOpenFile({
      showOpenDialog: (options) => {
        const window = keeper.current();
        return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
      },
      filterName: () => catalogues[pickLanguage([app.getLocale()])].files.spreadsheets,
    });
    const updater = createUpdater({
      // Loaded when the first check is due, never in development or without a feed.
      autoUpdater: async () => (await import('electron-updater')).autoUpdater,
      isPackaged: app.isPackaged,
      currentVersion: app.getVersion(),
      // Replaced by the build (scripts/electronBundles.ts); read from the environment when unbundled.
      buildFeedUrl: process.env.INVOICE_DESK_UPDATE_URL ?? '',
      settings: textFile(userFile('update-settings.json')),
      clock: {
        now: () => Date.now(),
        schedule: (run, ms) => {
          const timer = setTimeout(run, ms);
          return () => {
            clearTimeout(timer);
          };
        },
      },
      send: (status) => {
        keeper.current()?.webContents.send(UPDATE_STATUS_EVENT, status);
      },
    });
    const ipcHandlers = registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        app,
        shell,
        platform: process.platform,
        hostName: () => os.hostname(),
        connection,
        notify,
        reportSyncState: (state) => tray.update(state),
        desktopSettings,
        saveFile,
        saveStreams,
        openFile,
        archiveKey: createArchiveKey({
          safeStorage,
          file: binaryFile(userFile('archive-key.bin')),
          subtle: webcrypto.subtle,
        }),
        setLanguage: (next) => {
          if (next === language) return;
          language = next;
          applyMenu();
        },
        updater,
      }),
    );
    // Nothing may answer the page once the app is going away.
    app.on('will-quit', () => {
      ipcHandlers.dispose();
      updater.dispose();
      // No half-written export is left beside the clerk's files.
      void saveStreams.abortAll();
    });
    keeper.show();
    updater.start();
    // macOS: a click on the Dock icon shows the window, hidden or closed.
    app.on('activate', () => {
      keeper.show();
    });
  });
}

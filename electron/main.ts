import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { startEmbeddedSimulator } from '../simulator/embedded';
import { createConnectionService, type ConnectionService } from '../shared/connection/service';
import { DEFAULT_CONNECTION } from '../shared/connection/settings';
import { externalLinkHosts } from '../shared/externalLinks';
import { catalogues } from '../shared/i18n/catalogues';
import { pickLanguage } from '../shared/i18n/languages';
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
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { restoreWindowState, type WindowStateFiles } from './windowState';

// Wiring only: every decision lives in a module with its own tests.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);

const userFile = (name: string): string => path.join(app.getPath('userData'), name);
const stateFiles: WindowStateFiles = textFile(() => userFile('window-state.json'));

// Set once the app is ready; links follow the back end the clerk configured (and, before that, the
// help site only).
let readyConnection: ConnectionService | null = null;
const externalHosts = (): readonly string[] =>
  externalLinkHosts(readyConnection?.info().settings ?? DEFAULT_CONNECTION);

const openMainWindow = (): BrowserWindow =>
  createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    shell,
    externalHosts,
    preloadPath: path.join(__dirname, 'preload.cjs'),
    state: restoreWindowState(
      stateFiles,
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    stateFiles,
  });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
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
    const notify = (title: string, body: string): boolean => {
      if (!Notification.isSupported()) return false;
      new Notification({ title, body }).show();
      return true;
    };
    const saveFile = createSaveFile({
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      defaultFolder: () => defaultSaveFolder(app),
      fileTypeName: fileTypeNameFor(() => app.getLocale()),
    });
    const saveStreams = createSaveStreams({
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      defaultFolder: () => defaultSaveFolder(app),
      fileTypeName: fileTypeNameFor(() => app.getLocale()),
    });
    const openFile = createOpenFile({
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
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
        mainWindow?.webContents.send(UPDATE_STATUS_EVENT, status);
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
        saveFile,
        saveStreams,
        openFile,
        archiveKey: createArchiveKey({
          safeStorage,
          file: binaryFile(userFile('archive-key.bin')),
          subtle: webcrypto.subtle,
        }),
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
    mainWindow = openMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    updater.start();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
    });
  });
}

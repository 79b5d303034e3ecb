import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, screen, session, shell } from 'electron';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { appSchemePrivileges, registerAppProtocol } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { restoreWindowState, type WindowStateFiles } from './windowState';

// Wiring only: every decision lives in a module with its own tests.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);

const stateFile = (): string => path.join(app.getPath('userData'), 'window-state.json');
const stateFiles: WindowStateFiles = {
  read: () => (fs.existsSync(stateFile()) ? fs.readFileSync(stateFile(), 'utf8') : null),
  write: (text) => {
    fs.writeFileSync(stateFile(), text);
  },
};

const openMainWindow = (): BrowserWindow =>
  createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    shell,
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
    hardenWebContents(contents, shell);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    registerAppProtocol(protocol, net, path.join(__dirname, '..', 'renderer'));
    registerIpcHandlers(ipcMain, createIpcHandlers({ app, shell, platform: process.platform }));
    mainWindow = openMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
    });
  });
}

import type { BrowserWindowConstructorOptions, Shell } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';
import {
  hardenWebContents,
  secureWebPreferences,
  type ExternalHosts,
  type GuardedContents,
} from './security';
import { saveWindowState, type Rectangle, type WindowState, type WindowStateFiles } from './windowState';

/** The slice of BrowserWindow this module drives; Electron's BrowserWindow satisfies it. */
export interface AppWindow {
  readonly webContents: GuardedContents;
  maximize(): void;
  show(): void;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface WindowDeps<W extends AppWindow> {
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  shell: Pick<Shell, 'openExternal'>;
  /** Where links may open in the OS browser (see shared/externalLinks.ts). */
  externalHosts: ExternalHosts;
  preloadPath: string;
  state: WindowState;
  stateFiles: WindowStateFiles;
  /** The page the window opens on (electron/lastPage.ts); the Overview by default. */
  entryUrl?: string;
}

export const mainWindowOptions = (
  preloadPath: string,
  state: WindowState,
): BrowserWindowConstructorOptions => ({
  ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
  width: state.width,
  height: state.height,
  minWidth: 900,
  minHeight: 600,
  show: false,
  title: 'Invoice Desk',
  backgroundColor: '#1f2430',
  autoHideMenuBar: true,
  webPreferences: secureWebPreferences(preloadPath),
});

export const createMainWindow = <W extends AppWindow>({
  createWindow,
  shell,
  externalHosts,
  preloadPath,
  state,
  stateFiles,
  entryUrl = APP_ENTRY_URL,
}: WindowDeps<W>): W => {
  const window = createWindow(mainWindowOptions(preloadPath, state));
  hardenWebContents(window.webContents, shell, externalHosts);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('close', () => {
    saveWindowState(stateFiles, window.getNormalBounds(), window.isMaximized());
  });
  void window.loadURL(entryUrl);
  return window;
};

import type { SettingsPort } from '../shared/connection/service';
import { DesktopSettingsSchema, type DesktopSettings } from '../shared/ipc/desktop';
import type { PreventableEvent } from './security';

/**
 * Off on every platform until the clerk turns it on. macOS: a closed window is expected to leave
 * the app in the Dock, not syncing unseen. Windows: Excel and Outlook quit when their window is
 * closed, and a clerk on a shared or terminal-server PC must not leave a hidden process holding the
 * customer's archive and credential; the tray icon and the setting make the choice one click away.
 */
export const defaultDesktopSettings = (): DesktopSettings => ({ keepSyncingInBackground: false });

export interface DesktopSettingsStore {
  get(): DesktopSettings;
  save(next: DesktopSettings): DesktopSettings;
}

/** `desktop-settings.json` in userData: read at start, before any window exists. */
export const createDesktopSettingsStore = (file: SettingsPort): DesktopSettingsStore => {
  const read = (): DesktopSettings => {
    let text: string | null;
    try {
      text = file.read();
    } catch {
      return defaultDesktopSettings();
    }
    if (text === null) return defaultDesktopSettings();
    try {
      const parsed = DesktopSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : defaultDesktopSettings();
    } catch {
      // A damaged file is a default, never a start that fails.
      return defaultDesktopSettings();
    }
  };
  let current = read();
  return {
    get: () => current,
    save: (next) => {
      file.write(JSON.stringify(next));
      current = next;
      return current;
    },
  };
};

/** The slice of BrowserWindow this module drives; Electron's BrowserWindow satisfies it. */
export interface KeptWindow {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  hide(): void;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
}

export interface BackgroundDeps<W extends KeptWindow> {
  app: {
    on(event: 'before-quit', listener: () => void): unknown;
    quit(): void;
  };
  /** Read at every close: the clerk may have changed the setting since the window opened. */
  keepSyncing: () => boolean;
  /** Opens a new main window (when none is left, e.g. on macOS after a real close). */
  openWindow: () => W;
}

export interface WindowKeeper<W extends KeptWindow> {
  /** The window, if one is open (shown or hidden). */
  current(): W | null;
  /** Shows and focuses the window, opening one if none is left; true when it had to be opened. */
  show(): { window: W; opened: boolean };
  /** Quits for real, even with background sync on. */
  quit(): void;
}

/**
 * With background sync on, closing the window hides it: the page, its sync worker and its schedule
 * stay alive. Quit (the tray, the menu, the OS) really quits: `before-quit` comes before the
 * windows' `close`, so the flag it sets lets them close.
 */
export const createWindowKeeper = <W extends KeptWindow>({
  app,
  keepSyncing,
  openWindow,
}: BackgroundDeps<W>): WindowKeeper<W> => {
  let quitting = false;
  let window: W | null = null;
  app.on('before-quit', () => {
    quitting = true;
  });
  const adopt = (opened: W): W => {
    opened.on('close', (event) => {
      if (quitting || !keepSyncing()) return;
      event.preventDefault();
      opened.hide();
    });
    opened.on('closed', () => {
      if (window === opened) window = null;
    });
    window = opened;
    return opened;
  };
  return {
    current: () => window,
    show: () => {
      if (window === null) return { window: adopt(openWindow()), opened: true };
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return { window, opened: false };
    },
    quit: () => {
      quitting = true;
      app.quit();
    },
  };
};

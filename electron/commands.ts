import { APP_COMMAND_CHANNEL, type AppCommand } from '../shared/ipc/appCommands';

/** The slice of BrowserWindow a command goes to; Electron's BrowserWindow satisfies it. */
export interface CommandWindow {
  readonly webContents: { send(channel: string, ...args: unknown[]): void };
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Sends one command to the page of a window (shared/ipc/appCommands.ts), bringing the window to
 * the front first: a command from the menu, the tray or a notification is the clerk asking to see
 * its result. False when there is no window to send it to.
 */
export const sendAppCommand = (window: CommandWindow | null | undefined, command: AppCommand): boolean => {
  if (!window || window.isDestroyed()) return false;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  window.webContents.send(APP_COMMAND_CHANNEL, command);
  return true;
};

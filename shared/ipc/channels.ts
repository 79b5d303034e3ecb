/**
 * The message names alone, without their schemas, so the sandboxed preload stays a few hundred bytes
 * and carries no validation code: validation happens in main.
 */
export const ipcMessages = [
  'getAppInfo',
  'openExternal',
  'getConnection',
  'saveConnection',
  'testConnection',
  'apiRequest',
  'cancelApiRequest',
  'notify',
  'saveFile',
  'saveStreamBegin',
  'saveStreamChunk',
  'saveStreamFinish',
  'saveStreamAbort',
  'openFile',
  'archiveKeySign',
  'archiveKeyPublic',
  'requestTimestamp',
  'reportSyncState',
  'getDesktopSettings',
  'saveDesktopSettings',
  'setLanguage',
] as const;
export type IpcMessage = (typeof ipcMessages)[number];

export const ipcChannel = (message: IpcMessage): string => `invoice-desk:${message}`;

/** The one channel main sends commands to the page on (shared/ipc/appCommands.ts). */
export const APP_COMMAND_CHANNEL = 'invoice-desk:command';

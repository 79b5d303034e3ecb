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
  'updateStatus',
  'updateCheck',
  'updateSetBusy',
  'updateRestart',
  'updateSaveFeed',
] as const;
export type IpcMessage = (typeof ipcMessages)[number];

/** The channel main pushes each new update status on (webContents.send), outside the invoke contract. */
export const UPDATE_STATUS_EVENT = 'invoice-desk:event:updateStatus';

export const ipcChannel = (message: IpcMessage): string => `invoice-desk:${message}`;

/** The one channel main sends commands to the page on (shared/ipc/appCommands.ts). */
export const APP_COMMAND_CHANNEL = 'invoice-desk:command';

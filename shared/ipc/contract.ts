import { z } from 'zod';
import {
  ApiResponseDataSchema,
  CancelApiRequestSchema,
  ForwardedApiRequestSchema,
  type ForwardedError,
} from '../connection/apiRequest';
import { ConnectionInfoSchema, SaveConnectionRequestSchema } from '../connection/settings';
import type { IpcMessage } from './channels';
import { OpenedFileSchema, OpenFileRequestSchema } from './openFile';
import { SaveFileOutcomeSchema, SaveFileRequestSchema } from './saveFile';
import { RequestTimestampRequestSchema, RequestTimestampResponseSchema } from './timestamp';
import { DesktopSettingsSchema, DesktopSyncStateSchema } from './desktop';
import { notificationKinds } from '../desktop/notificationRoutes';
import { languages } from '../i18n/languages';
import {
  UpdateBusyRequestSchema,
  UpdateFeedRequestSchema,
  UpdateStatusSchema,
  type UpdateStatus,
} from './update';
import {
  SaveStreamBeginRequestSchema,
  SaveStreamBeginResponseSchema,
  SaveStreamChunkRequestSchema,
  SaveStreamIdRequestSchema,
} from './saveStream';

export { ipcChannel, ipcMessages, type IpcMessage } from './channels';

/**
 * The one IPC contract between the renderer and the main process. Each entry is one message: the
 * preload exposes it as one function of `window.invoiceDesk`, main validates its payload against
 * `request` and answers a value of `response` (or a typed IpcFailure).
 */

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux', 'web']),
  locale: z.string(),
  /** What the audit log names this install by (shared/audit/device.ts): the OS and host name, never a secret. */
  deviceName: z.string().max(200),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const OpenExternalRequestSchema = z.object({ url: z.string().max(2048) });

export const NotifyRequestSchema = z.object({
  title: z.string().min(1).max(120),
  body: z.string().max(500),
  /** What it tells of: a click opens that kind's page (shared/desktop/notificationRoutes.ts). */
  kind: z.enum(notificationKinds).optional(),
});

export const ConnectionTestOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    customerName: z.string(),
    customerNumber: z.string(),
    costCenters: z.enum(['available', 'forbidden']),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(['unreachable', 'unauthorized', 'nonConforming', 'failed']),
    detail: z.string(),
  }),
]);

/** A manifest lists every file of an archive; 64 MB is far above one of a million documents. */
export const ARCHIVE_SIGN_MAX_BYTES = 64 * 1024 * 1024;
export const ArchiveKeySignRequestSchema = z.object({
  bytes: z.instanceof(Uint8Array<ArrayBuffer>).refine((bytes) => bytes.byteLength <= ARCHIVE_SIGN_MAX_BYTES, {
    message: `must be at most ${ARCHIVE_SIGN_MAX_BYTES} bytes`,
  }),
});

/** The language the clerk chose in the page, so main words its menu the same way. */
export const SetLanguageRequestSchema = z.object({ language: z.enum(languages) });

export const ipcContract = {
  getAppInfo: { request: z.undefined(), response: AppInfoSchema },
  openExternal: { request: OpenExternalRequestSchema, response: z.undefined() },
  getConnection: { request: z.undefined(), response: ConnectionInfoSchema },
  saveConnection: { request: SaveConnectionRequestSchema, response: ConnectionInfoSchema },
  testConnection: { request: SaveConnectionRequestSchema, response: ConnectionTestOutcomeSchema },
  apiRequest: { request: ForwardedApiRequestSchema, response: ApiResponseDataSchema },
  /** Aborts the forwarded request of that id if it is still in flight; unknown ids are ignored. */
  cancelApiRequest: { request: CancelApiRequestSchema, response: z.undefined() },
  notify: { request: NotifyRequestSchema, response: z.undefined() },
  saveFile: { request: SaveFileRequestSchema, response: SaveFileOutcomeSchema },
  /** A file written piece by piece (shared/ipc/saveStream.ts): the dialog, then pieces, then finish or abort. */
  saveStreamBegin: { request: SaveStreamBeginRequestSchema, response: SaveStreamBeginResponseSchema },
  saveStreamChunk: { request: SaveStreamChunkRequestSchema, response: z.undefined() },
  saveStreamFinish: { request: SaveStreamIdRequestSchema, response: z.literal('saved') },
  saveStreamAbort: { request: SaveStreamIdRequestSchema, response: z.undefined() },
  openFile: { request: OpenFileRequestSchema, response: OpenedFileSchema },
  /** Signs bytes (an archive's manifest) with the installation's key, kept in main (electron/archiveKey.ts). */
  archiveKeySign: { request: ArchiveKeySignRequestSchema, response: z.instanceof(Uint8Array<ArrayBuffer>) },
  /** The installation's archive public key, SPKI in PEM. */
  archiveKeyPublic: { request: z.undefined(), response: z.string().max(4096) },
  /** One RFC 3161 query posted to a time-stamping authority by main (shared/ipc/timestamp.ts). */
  requestTimestamp: { request: RequestTimestampRequestSchema, response: RequestTimestampResponseSchema },
  /** The page's sync state, for the tray's tooltip; sent on every change. */
  reportSyncState: { request: DesktopSyncStateSchema, response: z.undefined() },
  /** Device settings main keeps in userData (background sync). */
  getDesktopSettings: { request: z.undefined(), response: DesktopSettingsSchema },
  saveDesktopSettings: { request: DesktopSettingsSchema, response: DesktopSettingsSchema },
  /** The page's language changed (or the page started): main rebuilds the application menu in it. */
  setLanguage: { request: SetLanguageRequestSchema, response: z.undefined() },
  /** Auto-update (electron/updater.ts): the status now; later ones are pushed (UPDATE_STATUS_EVENT). */
  updateStatus: { request: z.undefined(), response: UpdateStatusSchema },
  /** The clerk's "Check now"; answers at once, the outcome is pushed. */
  updateCheck: { request: z.undefined(), response: UpdateStatusSchema },
  /** The page is (or is no longer) in the middle of an import, an export or an archive. */
  updateSetBusy: { request: UpdateBusyRequestSchema, response: z.undefined() },
  /** "Restart and update": refused with `update.notReady` unless an update is downloaded and the page is not busy. */
  updateRestart: { request: z.undefined(), response: z.undefined() },
  /** The feed override; refused with `update.badFeedUrl` unless https (http on loopback) or empty. */
  updateSaveFeed: { request: UpdateFeedRequestSchema, response: UpdateStatusSchema },
} as const satisfies Record<IpcMessage, { request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcRequest<M extends IpcMessage> = z.infer<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMessage> = z.infer<IpcContract[M]['response']>;

export const ipcFailureCodes = [
  'ipc.forbiddenSender',
  'ipc.invalidPayload',
  'ipc.failed',
  'ipc.notAllowed',
  // A new back end saved without its client secret: the form asks for it (not a generic refusal).
  'connection.secretRequired',
  // A file the clerk picked to open: above the size bound, or not readable (gone, locked, a folder).
  'files.tooLarge',
  'files.unreadable',
  // No archive key: the OS offers no encryption to keep it, or the stored one cannot be read.
  'archive.keyUnavailable',
  // Auto-update: a feed URL other than https (http on loopback), or a restart with nothing downloaded.
  'update.badFeedUrl',
  'update.notReady',
] as const;
export type IpcFailureCode = (typeof ipcFailureCodes)[number];

/** Errors cross the bridge as data: Electron flattens thrown errors into strings. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: IpcFailureCode; message: string; api?: ForwardedError } };

/** What the preload puts on `window.invoiceDesk`: one function per message. */
export type InvoiceDeskBridge = {
  [M in IpcMessage]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
} & {
  /**
   * Main's pushed update status (unchecked: the page parses it with UpdateStatusSchema); returns the
   * unsubscribe. Optional: a bridge without it simply never hears of an update.
   */
  onUpdateStatus?: (listener: (status: unknown) => void) => () => void;
};

/**
 * Commands from main (shared/ipc/appCommands.ts): the preload hands each payload to the listener,
 * which checks it against AppCommandSchema; the returned function stops listening.
 */
export interface CommandBridge {
  onCommand(listener: (payload: unknown) => void): () => void;
}

/** Everything the preload puts on `window.invoiceDesk`. */
export type DesktopBridge = InvoiceDeskBridge & CommandBridge;
export type { UpdateStatus };

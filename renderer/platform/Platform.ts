import type { Fetch } from '../../shared/api/client';
import type { ArchiveKey } from '../../shared/archive/seal';
import type { ConnectionInfo, SaveConnectionRequest } from '../../shared/connection/settings';
import type { ConnectionTestOutcome } from '../../shared/connection/testConnection';
import type { Disposable } from '../../shared/core/disposable';
import type { Language } from '../../shared/i18n/languages';
import type { AppCommand } from '../../shared/ipc/appCommands';
import type { AppInfo, IpcFailureCode } from '../../shared/ipc/contract';
import type { OpenedFile, OpenFileRequest } from '../../shared/ipc/openFile';
import type { SaveFileMimeType, SaveFileOutcome } from '../../shared/ipc/saveFile';
import type { DesktopSettings, DesktopSyncState } from '../../shared/ipc/desktop';
import type { NotificationKind } from '../../shared/desktop/notificationRoutes';
import type { Backend } from '../../shared/connection/service';
import type { UpdateStatus } from '../../shared/ipc/update';

/** A file the app produced, to be saved on the clerk's disk. */
export interface FileToSave {
  /** A bare name the clerk may change ("Invoice 2025-000123.pdf"); see SafeFileNameSchema and toSafeFileName. */
  suggestedName: string;
  mimeType: SaveFileMimeType;
  bytes: Uint8Array<ArrayBuffer>;
}

/** A file written piece by piece as it is produced (a large export), never whole in memory. */
export interface FileStream {
  /** Appends a piece; awaiting it is the producer's back-pressure. */
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The last piece is written: the file takes its place (atomically in the desktop app). */
  close(): Promise<void>;
  /** Gives up: nothing is left where the clerk chose to save. */
  abort(): Promise<void>;
}

/** The desktop app's auto-update, run by main (electron/updater.ts). */
export interface PlatformUpdates {
  status(): Promise<UpdateStatus>;
  /** "Check now": answers at once; the outcome arrives through `subscribe`. */
  check(): Promise<UpdateStatus>;
  /** The clerk is (or is no longer) in the middle of an import, an export or an archive. */
  setBusy(busy: boolean): Promise<void>;
  /** Installs the downloaded update and starts the app again. */
  restart(): Promise<void>;
  /** Rejects with PlatformError('update.badFeedUrl'); empty goes back to the build's feed. */
  saveFeedUrl(feedUrl: string): Promise<UpdateStatus>;
  /** Every status main pushes, checked; the answer unsubscribes. */
  subscribe(listener: (status: UpdateStatus) => void): () => void;
}

/**
 * Everything the UI needs from its host. The UI imports only this interface; `electron.ts` and
 * `web.ts` are its two implementations.
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  getAppInfo(): Promise<AppInfo>;
  /** Opens an https link in the OS browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
  readonly connection: {
    get(): Promise<ConnectionInfo>;
    /** Rejects with PlatformError('connection.secretRequired') when a new back end comes without its secret. */
    save(request: SaveConnectionRequest): Promise<ConnectionInfo>;
    test(request: SaveConnectionRequest): Promise<ConnectionTestOutcome>;
  };
  /**
   * Lets the clerk save a file: the desktop app asks where in the OS dialog ('cancelled' when the clerk
   * backs out); the browser hands it to its own download handling, which never reports back, so it
   * answers 'saved' once the download is started. Rejects with a PlatformError for a name or type the
   * contract refuses.
   */
  saveFile(file: FileToSave): Promise<SaveFileOutcome>;
  /**
   * Asks where to save a file that is then written piece by piece: the desktop app's save dialog and
   * a temporary file renamed into place at the end; the browser's save picker where it has one (File
   * System Access), else a download of the pieces once they are all here. Null when the clerk backs
   * out of the dialog. Absent on a platform that cannot stream: callers then gather the file and
   * call saveFile.
   */
  saveFileStream?(file: Omit<FileToSave, 'bytes'>): Promise<FileStream | null>;
  /**
   * Lets the clerk pick one file of the accepted types and reads it: its base name (never a path)
   * and bytes, or null when the clerk cancelled. Rejects with PlatformError('files.tooLarge') above
   * 20 MB, or ('files.unreadable').
   */
  openFile(request: OpenFileRequest): Promise<OpenedFile>;
  /**
   * Asks the time-stamping authority at `url` to stamp a SHA-256 digest (RFC 3161) and resolves to
   * the checked DER token: in the desktop app main posts the query, in the browser the page does.
   * Rejects with a TimestampError (closed `tsa.*` codes).
   */
  requestTimestamp(url: string, sha256: Uint8Array, signal?: AbortSignal): Promise<Uint8Array>;
  /**
   * A desktop notification; false when the host cannot or may not show one. With a kind, a click
   * brings the app forward on that kind's page (shared/desktop/notificationRoutes.ts).
   */
  notify(title: string, body: string, kind?: NotificationKind): Promise<boolean>;
  /** Tells the desktop app's tray what the sync is doing; absent in the browser. */
  reportSyncState?(state: DesktopSyncState): Promise<void>;
  /** Device settings the desktop app's main process keeps (background sync); absent in the browser. */
  readonly desktopSettings?: {
    get(): Promise<DesktopSettings>;
    save(settings: DesktopSettings): Promise<DesktopSettings>;
  };
  /**
   * The installation's archive signing key (ECDSA P-256): kept in main in the desktop app, a
   * non-extractable WebCrypto key in the browser. Rejects with PlatformError('archive.keyUnavailable')
   * where the desktop app has no OS encryption to keep it.
   */
  readonly archiveKey: ArchiveKey;
  /**
   * Commands from the desktop shell (its menu, tray and notifications), already checked against
   * their schema; the browser sends none. Disposing stops listening.
   */
  onCommand(listener: (command: AppCommand) => void): Disposable;
  /** Tells the shell the clerk's language, so its own menus speak it; the browser has none. */
  reportLanguage(language: Language): void;
  /** Absent in the browser, which is updated where it is served. */
  readonly updates?: PlatformUpdates;
  /** Authenticated access to the billing API by path ("/v1/invoices?..."); no credential ever reaches the caller. */
  readonly apiFetch: Fetch;
  /**
   * Browser build only: the saved back end and its credential, which the page holds anyway, for the
   * sync worker to call the API itself instead of through the page. Absent in Electron, where only
   * the main process holds the credential. Null while there is none to use.
   */
  readonly workerBackend?: () => Promise<Backend | null>;
}

/**
 * Every way a platform call can fail, closed: the desktop app passes main's IPC codes through as
 * they are; the browser raises its own (a file it will not save). Each has a message (errors/failures.ts).
 */
export type PlatformErrorCode = IpcFailureCode | 'files.refused';

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

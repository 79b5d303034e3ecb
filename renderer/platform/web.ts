import { notificationHash } from '../../shared/desktop/notificationRoutes';
import { fromApiResponse, toApiRequest } from '../../shared/connection/apiRequest';
import {
  createConnectionService,
  savedBackend,
  SecretRequiredError,
  type SecretPort,
  type SettingsPort,
} from '../../shared/connection/service';
import { externalLinkHosts, isAllowedExternalUrl } from '../../shared/externalLinks';
import { SaveFileRequestSchema } from '../../shared/ipc/saveFile';
import type { ArchiveKey } from '../../shared/archive/seal';
import type { Platform } from './Platform';
import { PlatformError } from './Platform';
import { readPickedFile } from './readFile';
import { browserDeviceName } from '../../shared/audit/device';
import { toDisposable } from '../../shared/core/disposable';

export interface WebPlatformDeps {
  version: string;
  languages: readonly string[];
  /** The browser's user agent, for the audit log's device name (its browser family and OS). */
  userAgent?: string;
  open: (url: string) => unknown;
  fetch: typeof fetch;
  /** Non-secret settings survive restarts. */
  localStorage: Storage;
  /** The browser has no keychain: the secret lives for this tab's session only. */
  sessionStorage: Storage;
  /** The demo back end's address, read at run time (platform/webConfig.ts). */
  demoUrl: () => Promise<string>;
  /** The page's Notification API, absent in some browsers. */
  notifications?: {
    permission: () => NotificationPermission;
    request: () => Promise<NotificationPermission>;
    /** `onClick`: the clerk clicked it; the implementation brings the tab forward first. */
    show: (title: string, body: string, onClick?: () => void) => void;
  };
  /** Moves the page to a route's hash ("#/invoices"), as a link would. */
  navigate?: (hash: string) => void;
  /** The installation's archive key (archiveKeyWeb.ts: non-extractable, kept in IndexedDB). */
  archiveKey: ArchiveKey;
  /** Downloads through an object URL and an <a download>, the only way a page can save a file. */
  files: {
    createObjectUrl: (blob: Blob) => string;
    revokeObjectUrl: (url: string) => void;
    /** Follows an <a download> link to the URL. */
    download: (url: string, fileName: string) => void;
    /** Runs the task once the browser has surely started reading the URL (revoking earlier can cancel the download). */
    later: (task: () => void) => void;
    /**
     * The File System Access API's save picker, where the browser has one: the file is then written
     * as it is produced. Absent, a streamed file is gathered and downloaded at the end.
     */
    savePicker?: SavePicker;
    /** Opens the browser's file chooser through a hidden <input type=file accept=…>; null when cancelled. */
    pick: (accept: string) => Promise<File | null>;
  };
}

/** The slice of the File System Access API the page uses (not yet in TypeScript's DOM library). */
export type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{
  createWritable(): Promise<{
    write(data: Uint8Array<ArrayBuffer>): Promise<void>;
    close(): Promise<void>;
    abort(): Promise<void>;
  }>;
}>;

const SETTINGS_KEY = 'invoice-desk.connection';
const SECRET_KEY = 'invoice-desk.client-secret';

export const createWebPlatform = (deps: WebPlatformDeps): Platform => {
  const settings: SettingsPort = {
    read: () => deps.localStorage.getItem(SETTINGS_KEY),
    write: (text) => {
      deps.localStorage.setItem(SETTINGS_KEY, text);
    },
  };
  const secret: SecretPort = {
    storage: 'session',
    load: () => deps.sessionStorage.getItem(SECRET_KEY),
    save: (value) => {
      deps.sessionStorage.setItem(SECRET_KEY, value);
    },
  };
  const service = createConnectionService({
    settings,
    secret,
    demoUrl: deps.demoUrl,
    // The transport refuses redirects already; this keeps the page's own fetch from following one regardless.
    fetch: (url, init) => deps.fetch(url, { ...init, redirect: 'manual' }),
  });
  return {
    kind: 'web',
    getAppInfo: () =>
      Promise.resolve({
        name: 'Invoice Desk',
        version: deps.version,
        platform: 'web',
        locale: deps.languages[0] ?? 'en',
        deviceName: browserDeviceName(deps.userAgent ?? ''),
      }),
    openExternal: (url) => {
      // Same rule as the desktop app: only the help site and the configured back end's site.
      if (!isAllowedExternalUrl(url, externalLinkHosts(service.info().settings)))
        return Promise.resolve(false);
      deps.open(url);
      return Promise.resolve(true);
    },
    connection: {
      get: () => Promise.resolve(service.info()),
      save: (request) => {
        try {
          return Promise.resolve(service.save(request));
        } catch (error) {
          if (error instanceof SecretRequiredError)
            return Promise.reject(new PlatformError(error.code, error.message));
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      test: (request) => service.test(request),
    },
    saveFile: (file) => {
      // The desktop app refuses these in main; refuse them here too so both platforms behave alike.
      const parsed = SaveFileRequestSchema.safeParse(file);
      if (!parsed.success)
        return Promise.reject(new PlatformError('files.refused', parsed.error.issues[0]?.message ?? ''));
      const url = deps.files.createObjectUrl(new Blob([file.bytes], { type: file.mimeType }));
      try {
        deps.files.download(url, file.suggestedName);
      } finally {
        deps.files.later(() => {
          deps.files.revokeObjectUrl(url);
        });
      }
      // The browser's own download handling never reports back: starting it is all a page can know.
      return Promise.resolve('saved');
    },
    saveFileStream: async (file) => {
      const parsed = SaveFileRequestSchema.safeParse({ ...file, bytes: new Uint8Array(0) });
      if (!parsed.success) throw new PlatformError('files.refused', parsed.error.issues[0]?.message ?? '');
      const picker = deps.files.savePicker;
      if (picker) {
        let handle: Awaited<ReturnType<SavePicker>>;
        try {
          const extension = file.suggestedName.slice(file.suggestedName.lastIndexOf('.'));
          handle = await picker({
            suggestedName: file.suggestedName,
            types: [{ description: file.suggestedName, accept: { [file.mimeType]: [extension] } }],
          });
        } catch (error) {
          // The clerk closed the picker.
          if (error instanceof DOMException && error.name === 'AbortError') return null;
          throw error;
        }
        const writable = await handle.createWritable();
        return {
          write: (chunk) => writable.write(chunk),
          close: () => writable.close(),
          abort: () => writable.abort(),
        };
      }
      // No picker: the pieces are kept as Blob parts (the browser may page them out of the heap)
      // and downloaded as one file at the end.
      let parts: Blob[] = [];
      return {
        write: (chunk) => {
          parts.push(new Blob([chunk]));
          return Promise.resolve();
        },
        close: () => {
          const url = deps.files.createObjectUrl(new Blob(parts, { type: file.mimeType }));
          parts = [];
          try {
            deps.files.download(url, file.suggestedName);
          } finally {
            deps.files.later(() => {
              deps.files.revokeObjectUrl(url);
            });
          }
          return Promise.resolve();
        },
        abort: () => {
          parts = [];
          return Promise.resolve();
        },
      };
    },
    openFile: async ({ accept }) => {
      const file = await deps.files.pick(accept.map((extension) => `.${extension}`).join(','));
      return file === null ? null : readPickedFile(file);
    },
    // No main process here: the page posts to the authority itself, which the web build's
    // connect-src allows for https hosts and loopback (shared/contentSecurityPolicy.ts). A real
    // TSA must also answer CORS, which few do; the desktop app has no such limit.
    // pkijs is loaded on the first stamp, never at start.
    requestTimestamp: async (url, sha256, signal) => {
      const { createTimestampRequester } = await import('../../shared/archive/timestamp');
      return createTimestampRequester({ url, fetch: (target, init) => deps.fetch(target, init) })(
        sha256,
        signal,
      );
    },
    notify: async (title, body, kind) => {
      const notifications = deps.notifications;
      if (!notifications) return false;
      const permission =
        notifications.permission() === 'default' ? await notifications.request() : notifications.permission();
      if (permission !== 'granted') return false;
      const navigate = deps.navigate;
      notifications.show(
        title,
        body,
        kind === undefined || navigate === undefined ? undefined : () => navigate(notificationHash(kind)),
      );
      return true;
    },
    archiveKey: deps.archiveKey,
    // The browser has no menu or tray of ours: commands come from the page itself (a dropped file).
    onCommand: () => toDisposable(() => undefined),
    reportLanguage: () => undefined,
    // The same request shape as over IPC, so both platforms forward exactly the same subset of fetch.
    // The caller's signal reaches the raw fetch: cancelling a sync aborts the request in flight.
    apiFetch: async (path, init) =>
      fromApiResponse(await service.request(toApiRequest(path, init), init.signal ?? undefined)),
    // The secret is this tab's already: the sync worker calling the API itself keeps the page's
    // main thread out of every request of a sync.
    workerBackend: () => savedBackend({ settings, secret, demoUrl: deps.demoUrl }),
  };
};

import type { App, Shell } from 'electron';
import type { AppInfo } from '../shared/ipc/contract';
import { SecretRequiredError, type ConnectionService } from '../shared/connection/service';
import { externalLinkHosts } from '../shared/externalLinks';
import { IpcRefusal, type IpcHandlers } from './ipc';
import type { ArchiveKeyService } from './archiveKey';
import type { OpenFile } from './openFile';
import type { SaveFile } from './saveFile';
import type { SaveStreams } from './saveStream';
import { openExternalSafely } from './security';
import { desktopDeviceName } from '../shared/audit/device';
import { createTimestampForwarder, type ForwardTimestamp } from './timestamp';
import type { DesktopSyncState } from '../shared/ipc/desktop';
import type { NotificationKind } from '../shared/desktop/notificationRoutes';
import { createDesktopSettingsStore, type DesktopSettingsStore } from './background';
import type { Language } from '../shared/i18n/languages';
import { disabledUpdater, type Updater } from './updater';

export interface HandlerDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getLocale'>;
  shell: Pick<Shell, 'openExternal'>;
  platform: NodeJS.Platform;
  /** The machine's host name, for the device name the audit log records. */
  hostName?: () => string;
  connection: ConnectionService;
  /** Shows a desktop notification (a click opens its kind's page); false where the OS has none. */
  notify: (title: string, body: string, kind?: NotificationKind) => boolean;
  /** The page's sync state, for the tray. */
  reportSyncState?: (state: DesktopSyncState) => void;
  /** Device settings main keeps (background sync); in memory unless given. */
  desktopSettings?: DesktopSettingsStore;
  /** Asks the clerk where to save a file the app produced and writes it there. */
  saveFile: SaveFile;
  /** Large files written piece by piece into a temporary file, renamed into place at the end. */
  saveStreams: SaveStreams;
  /** Asks the clerk for a file to open and reads it within the size bound. */
  openFile: OpenFile;
  /** The installation's archive signing key; its private half stays here. */
  archiveKey: ArchiveKeyService;
  /** Posts an RFC 3161 query to a time-stamping authority; by default over node's fetch. */
  forwardTimestamp?: ForwardTimestamp;
  /** The clerk's language in the page: the application menu follows it (electron/menu.ts). */
  setLanguage?: (language: Language) => void;
  /** Auto-update; by default off (as in development), for suites about other messages. */
  updater?: Updater;
}

const toAppPlatform = (platform: NodeJS.Platform): AppInfo['platform'] =>
  platform === 'win32' || platform === 'darwin' ? platform : 'linux';

export const createIpcHandlers = ({
  app,
  shell,
  platform,
  hostName = () => '',
  connection,
  notify,
  reportSyncState = () => undefined,
  desktopSettings = createDesktopSettingsStore({ read: () => null, write: () => undefined }),
  saveFile,
  saveStreams,
  openFile,
  archiveKey,
  forwardTimestamp = createTimestampForwarder({ fetch: (url, init) => fetch(url, init) }),
  setLanguage = () => undefined,
  updater = disabledUpdater(app.getVersion()),
}: HandlerDeps): IpcHandlers => {
  /** Forwarded requests still in flight, by the renderer's id, so that a cancel can abort them. */
  const inFlight = new Map<string, AbortController>();
  return {
    getAppInfo: () =>
      Promise.resolve({
        name: app.getName(),
        version: app.getVersion(),
        platform: toAppPlatform(platform),
        locale: app.getLocale(),
        deviceName: desktopDeviceName(toAppPlatform(platform), hostName()),
      }),
    openExternal: async ({ url }) => {
      if (!(await openExternalSafely(shell, url, () => externalLinkHosts(connection.info().settings)))) {
        throw new IpcRefusal(
          'ipc.notAllowed',
          'Only https links to the help site or the configured back end open outside the app',
        );
      }
      return undefined;
    },
    getConnection: () => Promise.resolve(connection.info()),
    saveConnection: (request) => {
      try {
        return Promise.resolve(connection.save(request));
      } catch (error) {
        if (error instanceof SecretRequiredError) throw new IpcRefusal(error.code, error.message);
        throw error;
      }
    },
    testConnection: (request) => connection.test(request),
    apiRequest: async ({ requestId, ...request }) => {
      if (inFlight.has(requestId)) throw new IpcRefusal('ipc.invalidPayload', 'This request id is in use');
      // Registered before the first await: a cancel sent right after the request finds it.
      const controller = new AbortController();
      inFlight.set(requestId, controller);
      try {
        return await connection.request(request, controller.signal);
      } finally {
        inFlight.delete(requestId);
      }
    },
    cancelApiRequest: ({ requestId }) => {
      inFlight.get(requestId)?.abort(new DOMException('The renderer cancelled the request', 'AbortError'));
      return Promise.resolve(undefined);
    },
    notify: ({ title, body, kind }) => {
      if (!notify(title, body, kind))
        throw new IpcRefusal('ipc.notAllowed', 'Desktop notifications are not supported here');
      return Promise.resolve(undefined);
    },
    // The contract has already refused unsafe names, other file types and oversized payloads.
    saveFile: ({ suggestedName, bytes }) => saveFile(suggestedName, bytes),
    // The contract has already refused unsafe names, unknown ids and oversized pieces.
    saveStreamBegin: ({ suggestedName }) => saveStreams.begin(suggestedName),
    saveStreamChunk: async ({ id, bytes }) => {
      await saveStreams.chunk(id, bytes);
      return undefined;
    },
    saveStreamFinish: ({ id }) => saveStreams.finish(id),
    saveStreamAbort: async ({ id }) => {
      await saveStreams.abort(id);
      return undefined;
    },
    // The contract has already refused any type other than the four spreadsheet formats.
    openFile: ({ accept }) => openFile(accept),
    // The contract has already bounded the bytes; only the signature goes back.
    archiveKeySign: ({ bytes }) => archiveKey.sign(bytes),
    archiveKeyPublic: () => archiveKey.publicKeyPem(),
    // The contract has already bounded the URL's length and the query's size; the URL's scheme and
    // host are checked by the forwarder, as the page's own requests are.
    requestTimestamp: (request) => forwardTimestamp(request),
    reportSyncState: (state) => {
      reportSyncState(state);
      return Promise.resolve(undefined);
    },
    getDesktopSettings: () => Promise.resolve(desktopSettings.get()),
    saveDesktopSettings: (settings) => Promise.resolve(desktopSettings.save(settings)),
    // The contract has already refused any language the app has no catalogue for.
    setLanguage: ({ language }) => {
      setLanguage(language);
      return Promise.resolve(undefined);
    },
    updateStatus: () => Promise.resolve(updater.status()),
    updateCheck: () => updater.checkNow(),
    updateSetBusy: ({ busy }) => {
      updater.setBusy(busy);
      return Promise.resolve(undefined);
    },
    updateRestart: () => {
      if (!updater.restart()) throw new IpcRefusal('update.notReady', 'No update has been downloaded');
      return Promise.resolve(undefined);
    },
    updateSaveFeed: ({ feedUrl }) => {
      const status = updater.saveFeedUrl(feedUrl);
      if (status === null)
        throw new IpcRefusal('update.badFeedUrl', 'The feed URL must be https (or http on loopback)');
      return Promise.resolve(status);
    },
  };
};

import type { Shell, WebPreferences } from 'electron';
import { isAllowedExternalUrl } from '../shared/externalLinks';
import { isAppUrl } from './appOrigin';

/** Ports of the Electron checklist items that depend on a live window or session. */
export type ExternalOpener = Pick<Shell, 'openExternal'>;

/** The hosts links may open on right now (they follow the connection settings). */
export type ExternalHosts = () => readonly string[];

export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});

/** Only https to the help site or the configured back end leaves the app, and only through the OS browser. */
export const openExternalSafely = async (
  shell: ExternalOpener,
  url: string,
  hosts: ExternalHosts,
): Promise<boolean> => {
  if (!isAllowedExternalUrl(url, hosts())) return false;
  await shell.openExternal(url);
  return true;
};

export interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of WebContents the guards need; Electron's WebContents satisfies it. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The slice of Session the permission guard needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** Blocks navigation away from the app, new windows and webviews for one WebContents. */
export const hardenWebContents = (
  contents: GuardedContents,
  shell: ExternalOpener,
  externalHosts: ExternalHosts,
): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(shell, url, externalHosts);
    return { action: 'deny' };
  });
};

/** The app needs no camera, microphone, geolocation or notifications permission from Chromium. */
export const denyAllPermissions = (session: PermissionSession): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
};

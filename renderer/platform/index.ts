import { DEFAULT_SIMULATOR_URL } from '../../shared/connection/settings';
import type { ArchiveKey } from '../../shared/archive/seal';
import type { DesktopBridge } from '../../shared/ipc/contract';
import type { Platform } from './Platform';
import type { SavePicker } from './web';
import { loadWebConfig, type WebConfig } from './webConfig';

let webConfig: Promise<WebConfig> | null = null;
/** Read once, when the demo back end is first needed; the same file for the whole page load. */
const demoUrl = async (): Promise<string> => {
  // Not from the HTTP cache: the same build may be served again with another back end.
  webConfig ??= loadWebConfig((path) => fetch(new URL(path, document.baseURI), { cache: 'no-store' }), {
    demoApiUrl: DEFAULT_SIMULATOR_URL,
  });
  return (await webConfig).demoApiUrl;
};

/** The browser's archive key, its code (and the seal's hash) loaded when an archive is first sealed. */
const archiveKeyOnDemand = (factory: IDBFactory): ArchiveKey => {
  let key: Promise<ArchiveKey> | null = null;
  const loaded = () =>
    (key ??= import('./archiveKeyWeb').then(({ createWebArchiveKey }) => createWebArchiveKey(factory)));
  return {
    sign: async (bytes) => (await loaded()).sign(bytes),
    publicKeyPem: async () => (await loaded()).publicKeyPem(),
  };
};

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by the preload. */
    invoiceDesk?: DesktopBridge;
  }
}

/** Chromium's File System Access save picker, where the browser has it. */
const hasSavePicker = (target: Window): target is Window & { showSaveFilePicker: SavePicker } =>
  'showSaveFilePicker' in target && typeof target.showSaveFilePicker === 'function';

const savePickerOf = (target: Window): { savePicker?: SavePicker } => {
  if (!hasSavePicker(target)) return {};
  const picker = target.showSaveFilePicker.bind(target);
  return { savePicker: (options) => picker(options) };
};

/** Asks for the platform's code early (app/openedPage.ts); detectPlatform then finds it here. */
export const preloadPlatform = (): void => {
  // A failed load is detectPlatform's to report.
  (window.invoiceDesk ? import('./electron') : import('./web')).catch(() => undefined);
};

/**
 * The platform this page runs on. Each implementation is loaded only where it runs: the browser
 * build's cold start never evaluates the IPC contract's schemas, nor Electron's the browser's.
 */
export const detectPlatform = async (): Promise<Platform> => {
  const bridge = window.invoiceDesk;
  if (bridge) {
    const { createElectronPlatform } = await import('./electron');
    return createElectronPlatform(bridge);
  }
  const { createWebPlatform } = await import('./web');
  return createWebPlatform({
    version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
    languages: navigator.languages,
    userAgent: navigator.userAgent,
    open: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
    fetch: (url, init) => fetch(url, init),
    localStorage,
    sessionStorage,
    demoUrl,
    archiveKey: archiveKeyOnDemand(indexedDB),
    files: {
      createObjectUrl: (blob) => URL.createObjectURL(blob),
      revokeObjectUrl: (url) => {
        URL.revokeObjectURL(url);
      },
      download: (url, fileName) => {
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.hidden = true;
        document.body.append(link);
        link.click();
        link.remove();
      },
      // FileSaver.js's long experience: 40 s is enough for every browser to have opened the blob.
      later: (task) => {
        setTimeout(task, 40_000);
      },
      pick: (accept) =>
        new Promise((resolve) => {
          const input = document.createElement('input');
          input.type = 'file';
          input.accept = accept;
          input.hidden = true;
          const done = (file: File | null) => {
            input.remove();
            resolve(file);
          };
          input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
          // Chromium and Firefox tell of a chooser closed without a choice.
          input.addEventListener('cancel', () => done(null), { once: true });
          document.body.append(input);
          input.click();
        }),
      ...savePickerOf(window),
    },
    ...('Notification' in window
      ? {
          notifications: {
            permission: () => Notification.permission,
            request: () => Notification.requestPermission(),
            show: (title: string, body: string, onClick?: () => void) => {
              const notification = new Notification(title, { body });
              if (onClick)
                notification.onclick = () => {
                  window.focus();
                  notification.close();
                  onClick();
                };
            },
          },
        }
      : {}),
    navigate: (hash) => {
      window.location.hash = hash;
    },
  });
};

export type { FileToSave, Platform } from './Platform';

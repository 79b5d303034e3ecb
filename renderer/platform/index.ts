import { DEFAULT_SIMULATOR_URL } from '../../shared/connection/settings';
import type { InvoiceDeskBridge } from '../../shared/ipc/contract';
import { createElectronPlatform } from './electron';
import type { Platform } from './Platform';
import { createWebPlatform } from './web';

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by the preload. */
    invoiceDesk?: InvoiceDeskBridge;
  }
}

export const detectPlatform = (): Platform =>
  window.invoiceDesk
    ? createElectronPlatform(window.invoiceDesk)
    : createWebPlatform({
        version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
        languages: navigator.languages,
        open: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
        fetch: (url, init) => fetch(url, init),
        localStorage,
        sessionStorage,
        demoUrl: import.meta.env.VITE_DEMO_API_URL ?? DEFAULT_SIMULATOR_URL,
        ...('Notification' in window
          ? {
              notifications: {
                permission: () => Notification.permission,
                request: () => Notification.requestPermission(),
                show: (title: string, body: string) => new Notification(title, { body }),
              },
            }
          : {}),
      });

export type { Platform } from './Platform';

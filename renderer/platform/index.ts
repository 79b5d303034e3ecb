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
        },
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

export type { FileToSave, Platform } from './Platform';

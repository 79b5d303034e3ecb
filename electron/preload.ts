import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcMessages, UPDATE_STATUS_EVENT } from '../shared/ipc/channels';
import type { InvoiceDeskBridge } from '../shared/ipc/contract';

// One function per message; ipcRenderer itself never reaches the page.
const bridge = Object.fromEntries(
  ipcMessages.map((message) => [
    message,
    (request: unknown) => ipcRenderer.invoke(ipcChannel(message), request),
  ]),
) as unknown as InvoiceDeskBridge;

// Main's pushed update status; the page checks it. The IPC event itself never reaches the page.
bridge.onUpdateStatus = (listener) => {
  const forward = (_event: unknown, status: unknown) => {
    listener(status);
  };
  ipcRenderer.on(UPDATE_STATUS_EVENT, forward);
  return () => {
    ipcRenderer.removeListener(UPDATE_STATUS_EVENT, forward);
  };
};

contextBridge.exposeInMainWorld('invoiceDesk', bridge);

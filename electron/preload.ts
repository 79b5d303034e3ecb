import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import type { InvoiceDeskBridge } from '../shared/ipc/contract';

// One function per message; ipcRenderer itself never reaches the page.
const bridge = Object.fromEntries(
  ipcMessages.map((message) => [
    message,
    (request: unknown) => ipcRenderer.invoke(ipcChannel(message), request),
  ]),
) as unknown as InvoiceDeskBridge;

contextBridge.exposeInMainWorld('invoiceDesk', bridge);

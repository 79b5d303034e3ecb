import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMAND_CHANNEL, ipcChannel, ipcMessages, UPDATE_STATUS_EVENT } from '../shared/ipc/channels';
import type { CommandBridge, DesktopBridge, InvoiceDeskBridge } from '../shared/ipc/contract';

// One function per message; ipcRenderer itself never reaches the page.
const bridge = Object.fromEntries(
  ipcMessages.map((message) => [
    message,
    (request: unknown) => ipcRenderer.invoke(ipcChannel(message), request),
  ]),
) as unknown as InvoiceDeskBridge;

// The page gets the payload alone, never the IPC event (it holds the sender). The page checks it
// against the schema (renderer/platform/electron.ts): zod here would take the preload from 1 KB to
// 750 KB, parsed by every window before the page starts.
const commands: CommandBridge = {
  onCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(APP_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(APP_COMMAND_CHANNEL, forward);
    };
  },
};

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

contextBridge.exposeInMainWorld('invoiceDesk', { ...bridge, ...commands } satisfies DesktopBridge);

import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL, ipcChannel, ipcMessages } from '../shared/ipc/channels';
import type { DesktopBridge } from '../shared/ipc/contract';
import { sendAppCommand, type CommandWindow } from './commands';

/** Loads the preload against a fake `electron`, returning what it exposed and the renderer's IPC end. */
const loadPreload = async () => {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoked: [] as Array<{ channel: string; payload: unknown }>,
    invoke(channel: string, payload: unknown) {
      ipcRenderer.invoked.push({ channel, payload });
      return Promise.resolve({ ok: true, value: undefined });
    },
  });
  vi.doMock('electron', () => ({
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
    },
    ipcRenderer,
  }));
  await import('./preload');
  const bridge = exposed.get('invoiceDesk');
  if (!isBridge(bridge)) throw new Error('the preload exposed no bridge');
  return { bridge, ipcRenderer };
};

const isBridge = (value: unknown): value is DesktopBridge =>
  typeof value === 'object' && value !== null && 'onCommand' in value && 'setLanguage' in value;

/** A window whose page end is the preload's ipcRenderer: what main sends arrives there. */
const windowTo = (renderer: EventEmitter) => {
  const calls: string[] = [];
  const window: CommandWindow = {
    webContents: {
      send: (channel, ...args) => {
        renderer.emit(channel, { sender: 'main' }, ...args);
      },
    },
    isDestroyed: () => false,
    isMinimized: () => true,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
};

describe('preload: the command channel', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('exposes one function per message and the two listeners (commands, update status), nothing of ipcRenderer', async () => {
    const { bridge, ipcRenderer } = await loadPreload();
    expect(Object.keys(bridge).sort()).toEqual([...ipcMessages, 'onCommand', 'onUpdateStatus'].sort());
    await bridge.setLanguage({ language: 'de' });
    expect(ipcRenderer.invoked).toEqual([
      { channel: ipcChannel('setLanguage'), payload: { language: 'de' } },
    ]);
  });

  it('hands each command main sends to the page, after bringing the window forward', async () => {
    const { bridge, ipcRenderer } = await loadPreload();
    const received: unknown[] = [];
    bridge.onCommand((payload) => received.push(payload));
    const { window, calls } = windowTo(ipcRenderer);
    const file = { name: 'KST.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) };
    expect(sendAppCommand(window, { kind: 'syncNow' })).toBe(true);
    sendAppCommand(window, { kind: 'importCostCenters', file });
    expect(received).toEqual([{ kind: 'syncNow' }, { kind: 'importCostCenters', file }]);
    expect(calls.slice(0, 3)).toEqual(['restore', 'show', 'focus']);
  });

  it('gives the page the payload alone, neither the event nor its sender', async () => {
    const { bridge, ipcRenderer } = await loadPreload();
    const received: unknown[][] = [];
    bridge.onCommand((...args) => received.push(args));
    ipcRenderer.emit(
      APP_COMMAND_CHANNEL,
      { sender: 'main', ports: [] },
      { kind: 'navigate', route: '/audit' },
    );
    expect(received).toEqual([[{ kind: 'navigate', route: '/audit' }]]);
  });

  it('stops listening when the page unsubscribes', async () => {
    const { bridge, ipcRenderer } = await loadPreload();
    const received: unknown[] = [];
    const unsubscribe = bridge.onCommand((payload) => received.push(payload));
    unsubscribe();
    ipcRenderer.emit(APP_COMMAND_CHANNEL, {}, { kind: 'syncNow' });
    expect(received).toEqual([]);
    expect(ipcRenderer.listenerCount(APP_COMMAND_CHANNEL)).toBe(0);
  });

  it('sends nothing to a window that is gone', () => {
    const renderer = new EventEmitter();
    const { window } = windowTo(renderer);
    expect(sendAppCommand({ ...window, isDestroyed: () => true }, { kind: 'syncNow' })).toBe(false);
    expect(sendAppCommand(null, { kind: 'syncNow' })).toBe(false);
  });
});

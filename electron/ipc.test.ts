import { describe, expect, it } from 'vitest';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { createFakeIpcMain, createFakeShell, fakeInvokeEvent } from './testing/fakeElectron';

const setup = () => {
  const ipc = createFakeIpcMain();
  const shell = createFakeShell();
  const app = { getName: () => 'Invoice Desk', getVersion: () => '1.2.3', getLocale: () => 'de-CH' };
  const unregister = registerIpcHandlers(ipc.registrar, createIpcHandlers({ app, shell, platform: 'win32' }));
  const invoke = (
    message: string,
    payload: unknown,
    from = fakeInvokeEvent('app://invoice-desk/index.html'),
  ) => {
    const listener = ipc.handlers.get(`invoice-desk:${message}`);
    if (!listener) throw new Error(`no handler for ${message}`);
    return listener(from, payload);
  };
  return { ipc, shell, invoke, unregister };
};

describe('IPC', () => {
  it('registers exactly one handler per message of the contract, and removes them', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(ipcMessages.map(ipcChannel).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers a trusted sender with a typed value', async () => {
    const { invoke } = setup();
    await expect(invoke('getAppInfo', undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Invoice Desk', version: '1.2.3', platform: 'win32', locale: 'de-CH' },
    });
  });

  it.each([
    ['another origin', fakeInvokeEvent('https://evil.example/')],
    ['a subframe of the app', fakeInvokeEvent('app://invoice-desk/index.html', { subframe: true })],
    ['a destroyed frame', fakeInvokeEvent('', { noFrame: true })],
    ['a file URL', fakeInvokeEvent('file:///tmp/index.html')],
  ])('refuses a message from %s', async (_label, event) => {
    const { invoke, shell } = setup();
    const result = await invoke('openExternal', { url: 'https://www.post.ch/' }, event);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(shell.opened).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['a wrong type', { url: 42 }],
    ['a string instead of an object', 'https://www.post.ch/'],
  ])('refuses a malformed payload: %s', async (_label, payload) => {
    const { invoke, shell } = setup();
    const result = await invoke('openExternal', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidPayload' } });
    expect(shell.opened).toEqual([]);
  });

  it('refuses a payload where the message takes none', async () => {
    const { invoke } = setup();
    await expect(invoke('getAppInfo', { sneaky: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
  });

  it('opens https links and refuses other schemes with a typed error', async () => {
    const { invoke, shell } = setup();
    await expect(invoke('openExternal', { url: 'https://www.post.ch/' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await expect(invoke('openExternal', { url: 'file:///etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.notAllowed' },
    });
    expect(shell.opened).toEqual(['https://www.post.ch/']);
  });
});

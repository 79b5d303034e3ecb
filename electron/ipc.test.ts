import { describe, expect, it } from 'vitest';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { createConnectionService } from '../shared/connection/service';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { createFakeIpcMain, createFakeShell, fakeInvokeEvent } from './testing/fakeElectron';

const setup = () => {
  const ipc = createFakeIpcMain();
  const shell = createFakeShell();
  const app = { getName: () => 'Invoice Desk', getVersion: () => '1.2.3', getLocale: () => 'de-CH' };
  const requested: string[] = [];
  const connection = createConnectionService({
    settings: { read: () => null, write: () => undefined },
    secret: { storage: 'os', load: () => null, save: () => undefined },
    demoUrl: () => Promise.resolve('http://127.0.0.1:9'),
    fetch: (url) => {
      requested.push(url);
      return Promise.resolve(new Response('{}', { status: url.endsWith('/oauth/token') ? 500 : 200 }));
    },
  });
  const notified: string[] = [];
  const notify = (title: string) => {
    notified.push(title);
    return true;
  };
  const unregister = registerIpcHandlers(
    ipc.registrar,
    createIpcHandlers({ app, shell, platform: 'win32', connection, notify }),
  );
  const invoke = (
    message: string,
    payload: unknown,
    from = fakeInvokeEvent('app://invoice-desk/index.html'),
  ) => {
    const listener = ipc.handlers.get(`invoice-desk:${message}`);
    if (!listener) throw new Error(`no handler for ${message}`);
    return listener(from, payload);
  };
  return { ipc, shell, invoke, unregister, requested, notified };
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

  it.each([
    ['the token endpoint', { path: '/oauth/token', method: 'GET', headers: {}, body: null }],
    ['the simulator controls', { path: '/__sim/faults', method: 'GET', headers: {}, body: null }],
    ['another host', { path: '//evil.example/v1/customer', method: 'GET', headers: {}, body: null }],
    [
      'an Authorization header',
      { path: '/v1/customer', method: 'GET', headers: { authorization: 'Bearer stolen' }, body: null },
    ],
    ['a POST', { path: '/v1/customer', method: 'POST', headers: {}, body: null }],
  ])('never forwards an API request to %s', async (_label, request) => {
    const { invoke, requested } = setup();
    await expect(invoke('apiRequest', request)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(requested).toEqual([]);
  });

  it('refuses to save a new back end without its secret, and reports where the secret is kept', async () => {
    const { invoke } = setup();
    await expect(invoke('getConnection', undefined)).resolves.toEqual({
      ok: true,
      value: { settings: { mode: 'demo' }, hasSecret: true, secretStorage: 'os' },
    });
    await expect(
      invoke('saveConnection', {
        settings: { mode: 'custom', baseUrl: 'https://billing.example.ch', clientId: 'acme' },
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.notAllowed' } });
  });

  it('shows desktop notifications for the page', async () => {
    const { invoke, notified } = setup();
    await expect(invoke('notify', { title: 'New invoices', body: '3 new invoices' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await expect(invoke('notify', { title: '', body: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(notified).toEqual(['New invoices']);
  });
});

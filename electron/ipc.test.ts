import { describe, expect, it } from 'vitest';
import { ipcChannel, ipcMessages } from '../shared/ipc/channels';
import { createConnectionService } from '../shared/connection/service';
import { HELP_SITE_URL } from '../shared/externalLinks';
import { SAVE_FILE_MAX_BYTES } from '../shared/ipc/saveFile';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import {
  createFakeIpcMain,
  createFakeShell,
  unusedArchiveKey,
  fakeInvokeEvent,
  unusedSaveStreams,
} from './testing/fakeElectron';

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
  const saved: Array<{ name: string; size: number }> = [];
  const saveFile = (name: string, bytes: Uint8Array) => {
    saved.push({ name, size: bytes.byteLength });
    return Promise.resolve(name.startsWith('cancel') ? ('cancelled' as const) : ('saved' as const));
  };
  const openFile = () => Promise.resolve(null);
  const handlers = createIpcHandlers({
    app,
    shell,
    platform: 'win32',
    hostName: () => 'FIN-PC-07',
    connection,
    notify,
    saveFile,
    saveStreams: unusedSaveStreams,
    archiveKey: unusedArchiveKey,
    openFile,
  });
  const registration = registerIpcHandlers(ipc.registrar, handlers);
  const { invoke } = ipc;
  return { ipc, shell, invoke, handlers, registration, requested, notified, saved };
};

describe('IPC', () => {
  it('registers exactly one handler per message of the contract, and disposing removes them', () => {
    const { ipc, registration } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(ipcMessages.map(ipcChannel).sort());
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('disposes once: a second dispose leaves a later registration alone', () => {
    const { ipc, handlers, registration } = setup();
    registration.dispose();
    const again = registerIpcHandlers(ipc.registrar, handlers);
    registration.dispose();
    expect(ipc.handlers.size).toBe(ipcMessages.length);
    again.dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers a trusted sender with a typed value', async () => {
    const { invoke } = setup();
    await expect(invoke('getAppInfo', undefined)).resolves.toEqual({
      ok: true,
      value: {
        name: 'Invoice Desk',
        version: '1.2.3',
        platform: 'win32',
        locale: 'de-CH',
        deviceName: 'Windows (FIN-PC-07)',
      },
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

  it('opens the help site and refuses any other site or scheme with a typed error', async () => {
    const { invoke, shell } = setup();
    await expect(invoke('openExternal', { url: HELP_SITE_URL })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    for (const url of ['https://www.post.ch/', 'https://evil.example/', 'file:///etc/passwd']) {
      await expect(invoke('openExternal', { url })).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.notAllowed' },
      });
    }
    expect(shell.opened).toEqual([HELP_SITE_URL]);
  });

  it("opens the configured back end's site once the clerk has saved it, and no other", async () => {
    const { invoke, shell } = setup();
    const portal = 'https://billing.example.ch/portal';
    await expect(invoke('openExternal', { url: portal })).resolves.toMatchObject({ ok: false });
    await expect(
      invoke('saveConnection', {
        settings: { mode: 'custom', baseUrl: 'https://billing.example.ch/api', clientId: 'acme' },
        clientSecret: 's3cret',
      }),
    ).resolves.toMatchObject({ ok: true });
    await expect(invoke('openExternal', { url: portal })).resolves.toEqual({ ok: true, value: undefined });
    await expect(invoke('openExternal', { url: 'https://other.example.ch/' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.notAllowed' },
    });
    expect(shell.opened).toEqual([portal]);
  });

  it.each([
    ['the token endpoint', { path: '/oauth/token', method: 'GET', headers: {}, body: null, requestId: 'r1' }],
    [
      'the simulator controls',
      { path: '/__sim/faults', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    [
      'another host',
      { path: '//evil.example/v1/customer', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    [
      'an Authorization header',
      {
        path: '/v1/customer',
        method: 'GET',
        headers: { authorization: 'Bearer stolen' },
        body: null,
        requestId: 'r1',
      },
    ],
    ['a POST', { path: '/v1/customer', method: 'POST', headers: {}, body: null, requestId: 'r1' }],
    [
      'a parent folder',
      { path: '/v1/../../admin/users', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    [
      'an encoded parent folder',
      { path: '/v1/%2e%2E/admin/users', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    [
      'a mixed-case parent',
      { path: '/v1/.%2e/%2E./admin', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    [
      'a parent behind %2f',
      { path: '/v1/x%2f..%2fadmin', method: 'GET', headers: {}, body: null, requestId: 'r1' },
    ],
    ['a current folder', { path: '/v1/./customer', method: 'GET', headers: {}, body: null, requestId: 'r1' }],
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
    ).resolves.toMatchObject({ ok: false, error: { code: 'connection.secretRequired' } });
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

  describe('saveFile', () => {
    const pdf = (suggestedName: string, bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46])) => ({
      suggestedName,
      mimeType: 'application/pdf',
      bytes,
    });

    it('hands a safe name and its bytes to the save port, and answers its outcome', async () => {
      const { invoke, saved } = setup();
      await expect(invoke('saveFile', pdf('Invoice 2025-000123.pdf'))).resolves.toEqual({
        ok: true,
        value: 'saved',
      });
      await expect(invoke('saveFile', pdf('cancel me.PDF'))).resolves.toEqual({
        ok: true,
        value: 'cancelled',
      });
      await expect(
        invoke('saveFile', {
          suggestedName: 'lines.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: new Uint8Array(3),
        }),
      ).resolves.toEqual({ ok: true, value: 'saved' });
      expect(saved).toEqual([
        { name: 'Invoice 2025-000123.pdf', size: 4 },
        { name: 'cancel me.PDF', size: 4 },
        { name: 'lines.xlsx', size: 3 },
      ]);
    });

    it.each([
      ['a parent-folder traversal', '../x.pdf'],
      ['a subfolder', 'a/b.pdf'],
      ['a Windows drive path', 'C:\\x.pdf'],
      ['a Windows backslash path', '..\\..\\x.pdf'],
      ['an absolute path', '/etc/x.pdf'],
      ['a control character', 'x\u0000.pdf'],
      ['a newline', 'x\n.pdf'],
      ['a right-to-left override', 'x\u202Efdp.pdf'],
      ['a hidden file', '.x.pdf'],
      ['a bare dot-dot', '..'],
      ['a Windows device name', 'CON.pdf'],
      ['an empty name', ''],
      ['a name longer than 200 characters', `${'a'.repeat(197)}.pdf`],
    ])('refuses %s as the suggested name', async (_label, name) => {
      const { invoke, saved } = setup();
      await expect(invoke('saveFile', pdf(name))).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.invalidPayload' },
      });
      expect(saved).toEqual([]);
    });

    it('accepts a name of exactly 200 characters', async () => {
      const { invoke } = setup();
      await expect(invoke('saveFile', pdf(`${'a'.repeat(196)}.pdf`))).resolves.toMatchObject({ ok: true });
    });

    it.each([
      ['an executable', pdf('invoice.exe')],
      ['a script behind a PDF name', pdf('invoice.pdf.js')],
      ['no extension', pdf('invoice')],
      ['a MIME type outside the list', { ...pdf('invoice.pdf'), mimeType: 'text/html' }],
      [
        'a MIME type that does not match the extension',
        { ...pdf('invoice.csv'), mimeType: 'application/pdf' },
      ],
      ['bytes as a plain array', { ...pdf('invoice.pdf'), bytes: [0x25, 0x50] }],
      ['bytes as a string', { ...pdf('invoice.pdf'), bytes: '%PDF' }],
    ])('refuses %s', async (_label, payload) => {
      const { invoke, saved } = setup();
      await expect(invoke('saveFile', payload)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.invalidPayload' },
      });
      expect(saved).toEqual([]);
    });

    it('refuses a payload above the size cap', async () => {
      const { invoke, saved } = setup();
      // Zero-filled and never touched: the operating system does not commit these pages.
      const oversized = new Uint8Array(SAVE_FILE_MAX_BYTES + 1);
      await expect(invoke('saveFile', pdf('big.pdf', oversized))).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.invalidPayload' },
      });
      expect(saved).toEqual([]);
    });
  });
});

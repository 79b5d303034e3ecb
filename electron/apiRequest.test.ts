import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostileServer } from '../tests/testing/hostileServer';
import {
  redirect,
  respondJson,
  stallHeaders,
  startHostileServer,
  token,
} from '../tests/testing/hostileServer';
import { createConnectionService } from '../shared/connection/service';
import { fakeInvokeEvent } from './testing/fakeElectron';
import { createTestHandlers } from './testing/testHandlers';

/**
 * Main's side of a forwarded API request, wired as main.ts wires it: the typed fake ipcMain, the
 * real connection service and a raw fetch standing in for net.fetch, against a real loopback server.
 */
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const setup = async (timeouts?: { headersMs: number; idleMs: number }) => {
  server = await startHostileServer({
    '/oauth/token': token(),
    '/v1/customer': stallHeaders(),
    '/v1/services': respondJson(200, { items: [] }),
    '/v1/cost-centers': redirect(307, 'http://127.0.0.1:9/v1/cost-centers'),
  });
  const baseUrl = server.url;
  const netFetchSignals: AbortSignal[] = [];
  const connection = createConnectionService({
    settings: { read: () => null, write: () => undefined },
    secret: { storage: 'os', load: () => null, save: () => undefined },
    demoUrl: () => Promise.resolve(baseUrl),
    // What main.ts hands over: net.fetch; here the same WHATWG fetch, recording the signal it gets.
    fetch: (url, init) => {
      if (init.signal) netFetchSignals.push(init.signal);
      return globalThis.fetch(url, init);
    },
    ...(timeouts === undefined ? {} : { timeouts }),
  });
  const { invoke } = createTestHandlers({
    app: { getName: () => 'Invoice Desk', getVersion: () => '1', getLocale: () => 'en' },
    connection,
  });
  return { invoke, netFetchSignals, server };
};

const request = (path: string, requestId: string) => ({
  path,
  method: 'GET',
  headers: {},
  body: null,
  requestId,
});

describe('forwarded API requests in main', () => {
  it('answers a forwarded request', async () => {
    const { invoke } = await setup();
    await expect(invoke('apiRequest', request('/v1/services', 'a-1'))).resolves.toMatchObject({
      ok: true,
      value: { status: 200 },
    });
  });

  it('a cancel from the renderer aborts net.fetch of the request in flight', async () => {
    const { invoke, netFetchSignals, server } = await setup();
    const answer = invoke('apiRequest', request('/v1/customer', 'stalled-1'));
    await vi.waitFor(() => {
      expect(server.requests.map((received) => received.path)).toContain('/v1/customer');
    });
    await expect(invoke('cancelApiRequest', { requestId: 'stalled-1' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'ipc.failed' } });
    expect(netFetchSignals.at(-1)?.aborted).toBe(true);
    await vi.waitFor(() => {
      expect(server.abandoned).toEqual(['/v1/customer']);
    });
  });

  it('the time bound aborts net.fetch when the server never answers', async () => {
    const { invoke, netFetchSignals, server } = await setup({ headersMs: 100, idleMs: 100 });
    await expect(invoke('apiRequest', request('/v1/customer', 'slow-1'))).resolves.toMatchObject({
      ok: false,
    });
    expect(netFetchSignals.at(-1)?.aborted).toBe(true);
    await vi.waitFor(() => {
      expect(server.abandoned).toEqual(['/v1/customer']);
    });
  });

  it('answers a refused redirect with its API code, so the page keeps it final and translated', async () => {
    const { invoke } = await setup();
    await expect(invoke('apiRequest', request('/v1/cost-centers', 'r-1'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.failed', api: { code: 'api.redirect', notSent: false } },
    });
  });

  it('a cancel for an unknown or finished request is harmless', async () => {
    const { invoke } = await setup();
    await invoke('apiRequest', request('/v1/services', 'done-1'));
    await expect(invoke('cancelApiRequest', { requestId: 'done-1' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await expect(invoke('cancelApiRequest', { requestId: 'never' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
  });

  it.each([
    ['no request id', { path: '/v1/services', method: 'GET', headers: {}, body: null }],
    ['a request id that is not a plain token', request('/v1/services', '../x')],
  ])('refuses a forwarded request with %s', async (_label, payload) => {
    const { invoke, server } = await setup();
    await expect(invoke('apiRequest', payload)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(server.requests).toEqual([]);
  });

  it('refuses a cancel from an untrusted frame or with a malformed payload', async () => {
    const { invoke, netFetchSignals, server } = await setup();
    const answer = invoke('apiRequest', request('/v1/customer', 'kept-1'));
    await vi.waitFor(() => {
      expect(server.requests.map((received) => received.path)).toContain('/v1/customer');
    });
    await expect(
      invoke('cancelApiRequest', { requestId: 'kept-1' }, fakeInvokeEvent('https://evil.example/')),
    ).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    await expect(invoke('cancelApiRequest', { requestId: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidPayload' },
    });
    expect(netFetchSignals.at(-1)?.aborted).toBe(false);
    await invoke('cancelApiRequest', { requestId: 'kept-1' });
    await answer;
  });
});

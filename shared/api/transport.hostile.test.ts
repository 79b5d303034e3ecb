import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostileServer } from '../../tests/testing/hostileServer';
import {
  hugeBody,
  redirect,
  stallBody,
  stallHeaders,
  respondBytes,
  respondJson,
  startHostileServer,
  token,
} from '../../tests/testing/hostileServer';
import { createCredentialedApiClient } from './client';
import { InvalidRequestError, RedirectError, ResponseTooLargeError, TimeoutError } from './errors';
import { JSON_MAX_BYTES, PDF_MAX_BYTES } from './read';
import type { Fetch } from './transport';
import { createAuthenticatedFetch, resolveUrl } from './transport';

// Real fetch against real sockets: Node's fetch follows redirects unless told not to.
const SECRET = 'client-secret-never-elsewhere';

const servers: HostileServer[] = [];
const start = async (...args: Parameters<typeof startHostileServer>): Promise<HostileServer> => {
  const server = await startHostileServer(...args);
  servers.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const authenticated = (baseUrl: string, fetch: Fetch = globalThis.fetch) =>
  createAuthenticatedFetch({ baseUrl, clientId: 'acme', clientSecret: SECRET, fetch });

describe('redirects', () => {
  it.each([307, 308, 302] as const)(
    'never follows a %i of the token endpoint: the client secret stays home',
    async (status) => {
      const elsewhere = await start(
        respondJson(200, { access_token: 'x', token_type: 'Bearer', expires_in: 60 }),
      );
      const backEnd = await start({ '/oauth/token': redirect(status, `${elsewhere.url}/steal`) });
      const error: unknown = await authenticated(backEnd.url)('/v1/customer', { method: 'GET' }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ code: 'api.redirect', status });
      expect(String(error)).not.toContain(SECRET);
      expect(elsewhere.requests).toEqual([]);
      expect(backEnd.requests.map((request) => request.path)).toEqual(['/oauth/token']);
    },
  );

  it.each([
    ['another origin', 302, (other: string) => `${other}/v1/customer`],
    ['the same origin', 308, () => '/v1/elsewhere'],
  ] as const)('never follows an API redirect to %s: the token stays home', async (_label, status, target) => {
    const elsewhere = await start(respondJson(200, {}));
    const backEnd = await start({
      '/oauth/token': token('bearer-never-elsewhere'),
      '/v1/customer': redirect(status, target(elsewhere.url)),
      '/v1/elsewhere': respondJson(200, {}),
    });
    await expect(authenticated(backEnd.url)('/v1/customer', { method: 'GET' })).rejects.toMatchObject({
      code: 'api.redirect',
    });
    expect(elsewhere.requests).toEqual([]);
    expect(backEnd.requests.map((request) => request.path)).toEqual(['/oauth/token', '/v1/customer']);
  });

  it('refuses an answer from another origin when the raw transport follows redirects anyway', async () => {
    const elsewhere = await start(respondJson(200, { stolen: true }));
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/customer': redirect(302, `${elsewhere.url}/v1/customer`),
    });
    // A platform fetch that ignores the redirect mode it is given.
    const following: Fetch = (url, init) => globalThis.fetch(url, { ...init, redirect: 'follow' });
    await expect(
      authenticated(backEnd.url, following)('/v1/customer', { method: 'GET' }),
    ).rejects.toBeInstanceOf(RedirectError);
  });
});

describe('dot segments', () => {
  it.each([
    '/v1/../../admin/users',
    '/v1/./customer',
    '/v1/%2e%2e/%2E%2E/admin/users',
    '/v1/.%2E/admin/users',
    '/v1/%2e./admin/users',
    '/v1/x%2f..%2fadmin',
    '/v1/x%2F%2e%2e',
    '/v1/x\\..\\admin',
    '/v1/x%5c..',
    '/v1/..?limit=1',
  ])('refuses %s before anything is sent', async (path) => {
    const backEnd = await start({ '/oauth/token': token(), '/admin/users': respondJson(200, ['everyone']) });
    expect(() => resolveUrl(backEnd.url, path)).toThrow(InvalidRequestError);
    await expect(authenticated(backEnd.url)(path, { method: 'GET' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    expect(backEnd.requests).toEqual([]);
  });

  it('still allows dots that are not a whole segment, and dots in the query', () => {
    expect(resolveUrl('http://h.test', '/v1/cost-centers/...')).toBe('http://h.test/v1/cost-centers/...');
    expect(resolveUrl('http://h.test', '/v1/cost-centers/a.b?since=..')).toBe(
      'http://h.test/v1/cost-centers/a.b?since=..',
    );
  });
});

describe('size bounds', () => {
  const client = (baseUrl: string) =>
    createCredentialedApiClient({
      baseUrl,
      clientId: 'acme',
      clientSecret: SECRET,
      fetch: globalThis.fetch,
      sleep: () => Promise.resolve(),
    });
  const apiPaths = (server: HostileServer) =>
    server.requests.map((request) => request.path).filter((path) => path !== '/oauth/token');

  it('stops reading a JSON page past the cap, without buffering it, and does not retry', async () => {
    // Half a gigabyte, streamed without a Content-Length: only reading can tell the size.
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/invoices': hugeBody({ 'content-type': 'application/json' }, 16 * JSON_MAX_BYTES),
    });
    const error: unknown = await client(backEnd.url)
      .getInvoiceChanges()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: 'api.tooLarge', limitBytes: JSON_MAX_BYTES });
    expect(apiPaths(backEnd)).toEqual(['/v1/invoices']);
  });

  it('refuses a JSON page whose Content-Length is over the cap before reading it', async () => {
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/customer': (_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(JSON_MAX_BYTES + 1),
        });
        response.write('{');
      },
    });
    await expect(client(backEnd.url).getCustomer()).rejects.toMatchObject({ code: 'api.tooLarge' });
  });

  it('stops reading a document past the PDF cap', async () => {
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/invoices/i1/document': hugeBody({ 'content-type': 'application/pdf' }, PDF_MAX_BYTES + 1, '%'),
    });
    await expect(client(backEnd.url).getInvoiceDocument('i1')).rejects.toMatchObject({
      code: 'api.tooLarge',
      limitBytes: PDF_MAX_BYTES,
    });
    expect(apiPaths(backEnd)).toEqual(['/v1/invoices/i1/document']);
  });

  it('refuses a "document" that is not a PDF even when its digest matches, and does not retry', async () => {
    const html = '<html><body>Maintenance</body></html>';
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(html)));
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/invoices/i1/document': respondBytes(200, html, {
        'content-type': 'application/pdf',
        'repr-digest': `sha-256=:${digest.toString('base64')}:`,
      }),
    });
    await expect(client(backEnd.url).getInvoiceDocument('i1')).rejects.toMatchObject({
      code: 'api.invalidResponse',
      reason: 'contentType',
    });
    expect(apiPaths(backEnd)).toEqual(['/v1/invoices/i1/document']);
  });
});

describe('time bounds', () => {
  // Short bounds keep the test fast; they measure silence on a real socket, not the calendar.
  const timeouts = { headersMs: 150, idleMs: 150 };
  const client = (baseUrl: string) =>
    createCredentialedApiClient({
      baseUrl,
      clientId: 'acme',
      clientSecret: SECRET,
      fetch: globalThis.fetch,
      timeouts,
      retry: { maxAttempts: 2 },
      sleep: () => Promise.resolve(),
    });

  it('gives up on a server that never sends its headers, and lets go of the connection', async () => {
    const backEnd = await start({ '/oauth/token': token(), '/v1/customer': stallHeaders() });
    const error: unknown = await client(backEnd.url)
      .getCustomer()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'api.timeout' });
    // A GET is retried like a lost connection, then reported.
    await vi.waitFor(() => {
      expect(backEnd.abandoned).toEqual(['/v1/customer', '/v1/customer']);
    });
  });

  it('gives up on a body that stops half-way', async () => {
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/invoices': stallBody({ 'content-type': 'application/json' }, '{"items":[{"id":"half'),
    });
    await expect(client(backEnd.url).getInvoiceChanges()).rejects.toMatchObject({ code: 'api.timeout' });
    await vi.waitFor(() => {
      expect(backEnd.abandoned).toEqual(['/v1/invoices', '/v1/invoices']);
    });
  });

  it('bounds the token request too, and reports it as never sent', async () => {
    const backEnd = await start({ '/oauth/token': stallHeaders() });
    const fetch = createAuthenticatedFetch({
      baseUrl: backEnd.url,
      clientId: 'acme',
      clientSecret: SECRET,
      fetch: globalThis.fetch,
      timeouts,
    });
    await expect(fetch('/v1/customer', { method: 'PUT' })).rejects.toMatchObject({
      code: 'api.timeout',
      notSent: true,
    });
  });

  it('lets a slow body through as long as it keeps moving', async () => {
    const backEnd = await start({
      '/oauth/token': token(),
      '/v1/customer': async (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const text = JSON.stringify({ slow: true });
        for (const char of text) {
          response.write(char);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        response.end();
      },
    });
    const fetch = createAuthenticatedFetch({
      baseUrl: backEnd.url,
      clientId: 'acme',
      clientSecret: SECRET,
      fetch: globalThis.fetch,
      timeouts,
    });
    // 14 characters 20 ms apart: longer than the idle bound in total, never silent for that long.
    const response = await fetch('/v1/customer', { method: 'GET' });
    expect(await response.json()).toEqual({ slow: true });
  });

  it("aborts the request in flight when the caller's signal aborts", async () => {
    const backEnd = await start({ '/oauth/token': token(), '/v1/customer': stallHeaders() });
    const fetch = createAuthenticatedFetch({
      baseUrl: backEnd.url,
      clientId: 'acme',
      clientSecret: SECRET,
      fetch: globalThis.fetch,
    });
    const controller = new AbortController();
    const pending = fetch('/v1/customer', { method: 'GET', signal: controller.signal });
    await vi.waitFor(() => {
      expect(backEnd.requests.map((request) => request.path)).toContain('/v1/customer');
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => {
      expect(backEnd.abandoned).toEqual(['/v1/customer']);
    });
  });
});

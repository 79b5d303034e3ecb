import { describe, expect, it } from 'vitest';
import { InvalidRequestError, InvalidResponseError, NetworkError } from './errors';
import type { RecordedRequest, Responder } from '../testing/fakeFetch';
import { createFakeFetch, json, networkFailure, problem } from '../testing/fakeFetch';
import { createAuthenticatedFetch, fetchWithTimeouts, resolveUrl, withBaseUrl } from './transport';

const BASE = 'http://billing.test';

/** A back end whose tokens are "t1", "t2", ...; `accepts` decides which token the API takes. */
const backEnd = (
  options: { expiresIn?: number; accepts?: (token: string) => boolean; tokenResponder?: Responder } = {},
) => {
  let issued = 0;
  const responder: Responder = (request) => {
    if (request.url === `${BASE}/oauth/token`) {
      if (options.tokenResponder !== undefined) return options.tokenResponder(request);
      issued++;
      return json(200, {
        access_token: `t${issued}`,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 3600,
      });
    }
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    return (options.accepts ?? (() => true))(token)
      ? json(200, { token })
      : problem(401, { title: 'Unauthorized' });
  };
  const fake = createFakeFetch(responder);
  const tokenRequests = (): RecordedRequest[] =>
    fake.requests.filter((request) => request.url.endsWith('/oauth/token'));
  const apiRequests = (): RecordedRequest[] =>
    fake.requests.filter((request) => !request.url.endsWith('/oauth/token'));
  return { ...fake, tokenRequests, apiRequests };
};

const clock = (start = 1_000_000) => {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
};

const bodyOf = async (response: Response): Promise<unknown> => response.json();

describe('createAuthenticatedFetch', () => {
  it('obtains a token with a form-encoded client-credentials grant and sends it as Bearer', async () => {
    const server = backEnd();
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'demo',
      clientSecret: 's3cret&=',
      scope: 'billing.read billing.write',
      fetch: server.fetch,
    });
    const response = await fetch('/v1/customer', { method: 'GET', headers: { accept: 'application/json' } });
    expect(await bodyOf(response)).toEqual({ token: 't1' });

    const [tokenRequest] = server.tokenRequests();
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'demo',
      client_secret: 's3cret&=',
      scope: 'billing.read billing.write',
    });
    const [apiRequest] = server.apiRequests();
    expect(apiRequest?.url).toBe(`${BASE}/v1/customer`);
    expect(apiRequest?.headers.get('authorization')).toBe('Bearer t1');
    expect(apiRequest?.headers.get('accept')).toBe('application/json');
  });

  it('caches the token until shortly before it expires', async () => {
    const server = backEnd({ expiresIn: 3600 });
    const time = clock();
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
      now: time.now,
    });
    await fetch('/v1/a', {});
    time.advance(3_500_000);
    await fetch('/v1/b', {});
    expect(server.tokenRequests()).toHaveLength(1);
    time.advance(75_000); // 30 s before expiry: inside the refresh margin
    const response = await fetch('/v1/c', {});
    expect(await bodyOf(response)).toEqual({ token: 't2' });
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('caps the refresh margin at half the lifetime of short-lived tokens', async () => {
    const server = backEnd({ expiresIn: 10 });
    const time = clock();
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
      now: time.now,
    });
    await fetch('/v1/a', {});
    time.advance(4_999);
    await fetch('/v1/a', {});
    expect(server.tokenRequests()).toHaveLength(1);
    time.advance(1);
    await fetch('/v1/a', {});
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('shares one token request among concurrent calls', async () => {
    const server = backEnd();
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const responses = await Promise.all([fetch('/v1/a', {}), fetch('/v1/b', {}), fetch('/v1/c', {})]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('on 401 fetches a new token once and repeats the request once', async () => {
    const server = backEnd({ accepts: (token) => token !== 't1' });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const response = await fetch('/v1/cost-centers/A', {
      method: 'PUT',
      body: '{"name":"A"}',
      headers: { 'if-match': '"1"' },
    });
    expect(await bodyOf(response)).toEqual({ token: 't2' });
    expect(server.requests.map((request) => request.url.replace(BASE, ''))).toEqual([
      '/oauth/token',
      '/v1/cost-centers/A',
      '/oauth/token',
      '/v1/cost-centers/A',
    ]);
    const repeated = server.apiRequests()[1];
    expect(repeated?.body).toBe('{"name":"A"}');
    expect(repeated?.headers.get('if-match')).toBe('"1"');
  });

  it('returns the second 401 as it is, after exactly one refresh', async () => {
    const server = backEnd({ accepts: () => false });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const response = await fetch('/v1/customer', {});
    expect(response.status).toBe(401);
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests()).toHaveLength(2);
  });

  it('refreshes only once when concurrent calls meet the same revoked token', async () => {
    const server = backEnd({ accepts: (token) => token !== 't1' });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const responses = await Promise.all([fetch('/v1/a', {}), fetch('/v1/b', {})]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(server.apiRequests()).toHaveLength(4);
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('hands a refusal of the token endpoint to the caller as the answer (bad credentials)', async () => {
    const server = backEnd({ tokenResponder: () => problem(401, { title: 'invalid_client' }) });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 'wrong',
      fetch: server.fetch,
    });
    const [first, second] = await Promise.all([fetch('/v1/customer', {}), fetch('/v1/services', {})]);
    expect(first.status).toBe(401);
    expect(await bodyOf(first)).toMatchObject({ title: 'invalid_client' });
    expect(await bodyOf(second)).toMatchObject({ title: 'invalid_client' });
    expect(server.apiRequests()).toHaveLength(0);
  });

  it('passes a 503 of the token endpoint on with its Retry-After', async () => {
    const server = backEnd({ tokenResponder: () => problem(503, {}, { 'retry-after': '2' }) });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const response = await fetch('/v1/customer', {});
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('reports an unreachable token endpoint as a NetworkError that certainly was not sent', async () => {
    const fake = createFakeFetch(networkFailure);
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: fake.fetch,
    });
    const failure = fetch('/v1/customer', { method: 'PUT' });
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toMatchObject({ code: 'api.network', notSent: true });
  });

  it('rejects a token response outside the contract', async () => {
    const fake = createFakeFetch(() => json(200, { access_token: 'x', token_type: 'mac', expires_in: 60 }));
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: fake.fetch,
    });
    const failure = fetch('/v1/customer', {});
    await expect(failure).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(failure).rejects.toMatchObject({ reason: 'schema' });
  });

  it('stops waiting for the token when the caller aborts, without failing the others', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = backEnd({
      tokenResponder: async () => {
        await gate;
        return json(200, { access_token: 'slow', token_type: 'Bearer', expires_in: 60 });
      },
    });
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const controller = new AbortController();
    const aborted = fetch('/v1/a', { signal: controller.signal });
    const patient = fetch('/v1/b', {});
    controller.abort(new Error('closed'));
    await expect(aborted).rejects.toThrow('closed');
    release();
    expect(await bodyOf(await patient)).toEqual({ token: 'slow' });
    expect(server.apiRequests().map((request) => request.url)).toEqual([`${BASE}/v1/b`]);
  });

  it('never sends the token to another host', async () => {
    const server = backEnd();
    const fetch = createAuthenticatedFetch({
      baseUrl: BASE,
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    await expect(fetch('https://evil.test/v1/customer', {})).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(fetch('//evil.test/v1/customer', {})).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('resolveUrl and withBaseUrl', () => {
  it('keeps a path prefix of the base URL', () => {
    expect(resolveUrl('https://h.test/billing/', '/v1/customer?x=1')).toBe(
      'https://h.test/billing/v1/customer?x=1',
    );
  });

  it('prefixes paths without authenticating', async () => {
    const fake = createFakeFetch(() => json(200, {}));
    await withBaseUrl(fake.fetch, 'http://127.0.0.1:8787')('/v1/services', {});
    expect(fake.requests[0]?.url).toBe('http://127.0.0.1:8787/v1/services');
    expect(fake.requests[0]?.headers.has('authorization')).toBe(false);
  });
});

describe('fetchWithTimeouts', () => {
  /** A 204 or 304 as Chromium's fetch hands it over: no content, yet an (empty) body stream. */
  const chromiumNoContent = (status: number): Response => {
    const response = new Response(null, { status, headers: { etag: '"e1"' } });
    Object.defineProperty(response, 'body', {
      value: new ReadableStream<Uint8Array>({ start: (c) => c.close() }),
    });
    return response;
  };

  it.each([204, 304])('hands on a %i whose fetch gave it an empty body stream', async (status) => {
    const response = await fetchWithTimeouts(
      () => Promise.resolve(chromiumNoContent(status)),
      `${BASE}/v1/cost-center-assignments/a1`,
      { method: 'DELETE' },
      { headersMs: 1_000, idleMs: 1_000 },
      'DELETE /v1/cost-center-assignments/a1',
    );
    expect(response.status).toBe(status);
    expect(response.headers.get('etag')).toBe('"e1"');
  });
});

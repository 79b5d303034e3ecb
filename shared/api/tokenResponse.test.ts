import { describe, expect, it } from 'vitest';
import { createApiClient } from './client';
import { InvalidResponseError } from './errors';
import { createAuthenticatedFetch } from './transport';

const customer = {
  customerNumber: '1234567',
  name: 'Muster AG',
  language: 'de',
  debtors: [],
  costCenterOption: true,
};

/** A token endpoint that answers with the given bodies in turn, then a valid token. */
const server = (tokenAnswers: Array<{ body: string; type: string }>) => {
  const seen: string[] = [];
  const fetch = (url: string): Promise<Response> => {
    seen.push(new URL(url).pathname);
    if (url.endsWith('/oauth/token')) {
      const answer = tokenAnswers.shift() ?? {
        body: JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }),
        type: 'application/json',
      };
      return Promise.resolve(
        new Response(answer.body, { status: 200, headers: { 'content-type': answer.type } }),
      );
    }
    return Promise.resolve(
      new Response(JSON.stringify(customer), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { fetch, seen };
};

const clientOver = (fetch: (url: string) => Promise<Response>) =>
  createApiClient({
    fetch: createAuthenticatedFetch({
      baseUrl: 'https://billing.example.ch',
      clientId: 'c',
      clientSecret: 's',
      fetch,
    }),
    sleep: () => Promise.resolve(),
  });

describe('token responses', () => {
  it('retries a token response cut off in transit: the API request was never sent', async () => {
    const { fetch, seen } = server([{ body: '{"access_token":"abc","tok', type: 'application/json' }]);
    await expect(clientOver(fetch).getCustomer()).resolves.toMatchObject({ name: 'Muster AG' });
    expect(seen).toEqual(['/oauth/token', '/oauth/token', '/v1/customer']);
  });

  it('does not retry a token endpoint that answers with something other than JSON', async () => {
    const { fetch, seen } = server([{ body: '<html>Sign in</html>', type: 'text/html' }]);
    await expect(clientOver(fetch).getCustomer()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toEqual(['/oauth/token']);
  });
});
